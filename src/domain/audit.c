/* Audit rows, written in the same transaction as the change when there
 * is one. */
#include <stdlib.h>

#include "domain/audit.h"

static struct db_stmt insert_audit = DB_WRITE(
    "INSERT INTO audit_log (at, staff_id, username, region_code, address, "
    "action, object_type, object_id, before_json, after_json) "
    "VALUES (NOW(), ?, ?, ?, ?, ?, ?, ?, ?, ?)");

/* A limited admin reads the entries of accounts within its region. */
#define AUDIT_REGION	"(? = '' OR region_code LIKE CONCAT(?, '%'))"

static struct db_stmt audit_page = DB_READ(
    "SELECT id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at, username, "
    "address, action, object_type, object_id, before_json, after_json "
    "FROM audit_log WHERE username = COALESCE(?, username) "
    "AND action = COALESCE(?, action) AND " AUDIT_REGION " "
    "ORDER BY id DESC LIMIT ? OFFSET ?");

static struct db_stmt audit_count = DB_READ(
    "SELECT COUNT(*) FROM audit_log WHERE username = COALESCE(?, username) "
    "AND action = COALESCE(?, action) AND " AUDIT_REGION);

static char *
dump(json_t *j)
{
	char	*s;

	if (j == NULL)
		return NULL;
	s = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return s;
}

enum db_status
audit_record(const struct audit_by *by, const char *action,
    const char *object_type, long long object_id, json_t *before,
    json_t *after)
{
	const struct staff_user	*u = by->user;
	char			*b = dump(before), *a = dump(after);
	struct db_arg		 args[9];
	enum db_status		 st;

	args[0] = u != NULL ? DB_INT(u->id) : DB_NULLARG;
	args[1] = DB_TEXT(u != NULL ? u->username : by->username);
	/* Whose log it is: an entry belongs to the acting account's region. */
	args[2] = DB_TEXT(u != NULL ? u->region : "");
	args[3] = DB_TEXT(by->address);
	args[4] = DB_TEXT(action);
	args[5] = DB_TEXT(object_type);
	args[6] = object_id > 0 ? DB_INT(object_id) : DB_NULLARG;
	args[7] = b != NULL ? DB_TEXT(b) : DB_NULLARG;
	args[8] = a != NULL ? DB_TEXT(a) : DB_NULLARG;
	st = db_exec(&insert_audit, args, 9, NULL, NULL);
	free(b);
	free(a);
	return st;
}

enum domain_status
audit_write(const struct staff_user *u, const char *username,
    const char *address, const char *action, const char *object_type,
    long long object_id, json_t *before, json_t *after)
{
	struct audit_by	 by = { u, address, username };

	return domain_of_db(audit_record(&by, action, object_type, object_id,
	    before, after));
}

/* Where the rows of a page go. */
struct entry_sink {
	struct arena		*arena;
	struct arena_list	*list;
};

static int
entry_row(void *arg, const struct db_row *r)
{
	struct entry_sink	*k = arg;
	struct audit_entry	*e;

	if ((e = arena_push(k->arena, k->list, sizeof(*e))) == NULL)
		return -1;
	e->id = db_int(r, "id");
	e->at = db_keep(k->arena, r, "at");
	e->username = db_keep(k->arena, r, "username");
	e->address = db_keep(k->arena, r, "address");
	e->action = db_keep(k->arena, r, "action");
	e->object_type = db_keep(k->arena, r, "object_type");
	e->object_id = db_int(r, "object_id");
	e->before_json = db_keep(k->arena, r, "before_json");
	e->after_json = db_keep(k->arena, r, "after_json");
	return k->arena->failed ? -1 : 0;
}

enum domain_status
audit_list(struct arena *arena, const char *username, const char *action,
    const char *region, long page, struct arena_list *entries,
    long long *total)
{
	struct entry_sink	 k = { arena, entries };
	struct db_arg		 a[6];
	enum db_status		 st;

	*entries = (struct arena_list){ 0 };
	a[0] = username[0] != '\0' ? DB_TEXT(username) : DB_NULLARG;
	a[1] = action[0] != '\0' ? DB_TEXT(action) : DB_NULLARG;
	a[2] = DB_TEXT(region);
	a[3] = DB_TEXT(region);
	a[4] = DB_INT(AUDIT_PAGE_SIZE);
	a[5] = DB_INT((long long)(page - 1) * AUDIT_PAGE_SIZE);
	if ((st = db_query_int(&audit_count, a, 4, total)) != DB_OK)
		return domain_of_db(st);
	st = db_query_each(&audit_page, a, 6, entry_row, &k);
	if (st == DB_OK && arena->failed)
		return DOMAIN_INTERNAL;
	return domain_of_db(st);
}
