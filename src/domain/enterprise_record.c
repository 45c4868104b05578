/* Enterprise records for staff: lists, one, and saving with the audit
 * row in the same transaction. */
#include <string.h>

#include "domain/enterprise_record.h"

static struct db_stmt names = DB_READ(
    "SELECT id, name FROM enterprise ORDER BY name, id");

static struct db_stmt staff_list = DB_READ(
    "SELECT e.id, e.name, e.bid_batch, e.phone, e.is_demo, "
    "(SELECT COUNT(*) FROM outlet o WHERE o.enterprise_id = e.id) AS outlets "
    "FROM enterprise e ORDER BY e.name, e.id");

static struct db_stmt one = DB_READ(
    "SELECT id, name, bid_batch, phone FROM enterprise WHERE id = ?");

static struct db_stmt insert_enterprise = DB_WRITE(
    "INSERT INTO enterprise (name, bid_batch, phone) VALUES (?, ?, ?)");

static struct db_stmt update_enterprise = DB_WRITE(
    "UPDATE enterprise SET name = ?, bid_batch = ?, phone = ? WHERE id = ?");

/* Where a read puts its rows: into list, or the one row into one. */
struct sink {
	struct arena		*arena;
	struct arena_list	*list;
	struct enterprise	*one;
	int			 found;
};

static int
add_enterprise(void *arg, const struct db_row *r)
{
	struct sink		*s = arg;
	struct enterprise	*e = s->one;

	if (s->list != NULL &&
	    (e = arena_push(s->arena, s->list, sizeof(*e))) == NULL)
		return -1;
	enterprise_from_row(s->arena, r, e);
	s->found = 1;
	return 0;
}

static enum domain_status
read_all(struct db_stmt *stmt, struct arena *arena, struct arena_list *list)
{
	struct sink	 s = { arena, list, NULL, 0 };
	enum db_status	 st;

	memset(list, 0, sizeof(*list));
	if ((st = db_query_each(stmt, NULL, 0, add_enterprise, &s)) != DB_OK)
		return domain_of_db(st);
	return arena->failed ? DOMAIN_INTERNAL : DOMAIN_OK;
}

enum domain_status
enterprise_names(struct arena *arena, struct arena_list *list)
{
	return read_all(&names, arena, list);
}

enum domain_status
enterprise_staff_list(struct arena *arena, struct arena_list *list)
{
	return read_all(&staff_list, arena, list);
}

enum domain_status
enterprise_get(struct arena *arena, long long id, struct enterprise *e)
{
	struct db_arg	 a[] = { DB_INT(id) };
	struct sink	 s = { arena, NULL, e, 0 };
	enum db_status	 st;

	memset(e, 0, sizeof(*e));
	if ((st = db_query_each(&one, a, 1, add_enterprise, &s)) != DB_OK)
		return domain_of_db(st);
	if (arena->failed)
		return DOMAIN_INTERNAL;
	return s.found ? DOMAIN_OK : DOMAIN_NOT_FOUND;
}

/* A text of a record read back, "" where the database had none. */
static const char *
text_or_empty(const char *s)
{
	return s != NULL ? s : "";
}

static json_t *
fields_json(const char *name, const char *batch, const char *phone)
{
	return json_pack("{s:s,s:s,s:s}", "name", name, "bid_batch", batch,
	    "phone", phone);
}

enum domain_status
enterprise_save(long long *id, const struct enterprise *old,
    const struct enterprise_fields *f, const struct audit_by *by,
    struct domain_problems *p)
{
	struct db_arg		 a[] = { DB_TEXT(f->name), DB_TEXT(f->bid_batch),
	    DB_TEXT(f->phone), DB_INT(*id) };
	unsigned long long	 newid;
	enum db_status		 st;

	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	if (*id > 0)
		st = db_exec(&update_enterprise, a, 4, NULL, NULL);
	else if ((st = db_exec(&insert_enterprise, a, 3, NULL, &newid)) ==
	    DB_OK)
		*id = (long long)newid;
	if (st == DB_DUPLICATE) {
		db_rollback();
		domain_problem(p, "name", "已有同名的中标销售企业");
		return DOMAIN_INVALID;
	}
	if (st == DB_OK)
		st = audit_record(by, old != NULL ? "enterprise_update" :
		    "enterprise_create", "enterprise", *id, old != NULL ?
		    fields_json(text_or_empty(old->name),
		    text_or_empty(old->bid_batch), text_or_empty(old->phone)) :
		    NULL, fields_json(f->name, f->bid_batch, f->phone));
	return domain_of_db(db_finish(st));
}
