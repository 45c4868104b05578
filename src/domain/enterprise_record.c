/* Enterprise records for staff: lists, one, and saving with the audit
 * row in the same transaction. */
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

enum db_status
enterprise_names(HDF *hdf, const char *prefix, long *n)
{
	return db_query(&names, NULL, 0, hdf, prefix, n);
}

enum db_status
enterprise_staff_list(HDF *hdf, const char *prefix, long *n)
{
	return db_query(&staff_list, NULL, 0, hdf, prefix, n);
}

enum db_status
enterprise_get(HDF *hdf, long long id, const char *prefix, int *found)
{
	struct db_arg	 a[] = { DB_INT(id) };

	return db_query_row(&one, a, 1, hdf, prefix, found);
}

static json_t *
fields_json(const char *name, const char *batch, const char *phone)
{
	return json_pack("{s:s,s:s,s:s}", "name", name, "bid_batch", batch,
	    "phone", phone);
}

enum domain_status
enterprise_save(long long *id, HDF *old, const struct enterprise_fields *f,
    const struct audit_by *by, struct domain_problems *p)
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
		    fields_json(hdf_get_value(old, "name", ""),
		    hdf_get_value(old, "bid_batch", ""), hdf_get_value(old,
		    "phone", "")) : NULL, fields_json(f->name, f->bid_batch,
		    f->phone));
	return domain_of_db(db_finish(st));
}
