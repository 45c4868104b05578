/* Product records for staff. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/caps.h"
#include "domain/product.h"
#include "domain/product_record.h"
#include "web/view.h"

static struct db_stmt get_record = DB_READ(
    "SELECT id, category_code, brand, manufacturer, model, spec, "
    "bid_price_fen, bid_batch, status, is_demo FROM product WHERE id = ?");

/* Same key, different text: an equal model is the unique key's to refuse
 * (the collation ignores case there). */
static struct db_stmt lookalike = DB_READ(
    "SELECT id, model FROM product WHERE category_code = ? AND brand = ? "
    "AND model_key = ? AND model <> ? AND id <> ? ORDER BY id LIMIT 1");

static struct db_stmt same_model = DB_READ(
    "SELECT id, model FROM product WHERE category_code = ? AND brand = ? "
    "AND model = ? AND id <> ? ORDER BY id LIMIT 1");

static struct db_stmt insert_product = DB_WRITE(
    "INSERT INTO product (category_code, brand, manufacturer, model, spec, "
    "bid_price_fen, bid_batch, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

static struct db_stmt update_product = DB_WRITE(
    "UPDATE product SET category_code = ?, brand = ?, manufacturer = ?, "
    "model = ?, spec = ?, bid_price_fen = ?, bid_batch = ?, status = ? "
    "WHERE id = ?");

int
product_status_valid(const char *s)
{
	const char	*code;
	size_t		 i;

	for (i = 0; (code = product_status_code(i)) != NULL; i++)
		if (strcmp(code, s) == 0)
			return 1;
	return 0;
}

enum db_status
product_record_get(HDF *hdf, long long id, const char *prefix, int *found)
{
	struct db_arg	 a[] = { DB_INT(id) };
	enum db_status	 st;
	HDF		*r;
	char		 y[32];

	st = db_query_row(&get_record, a, 1, hdf, prefix, found);
	if (st != DB_OK || !*found || (r = hdf_get_obj(hdf, prefix)) == NULL)
		return st;
	yuan_format(y, sizeof(y), atoll(hdf_get_value(r, "bid_price_fen",
	    "0")));
	hset(r, "bid_price_yuan", y);
	return DB_OK;
}

enum db_status
product_record_lookalike(const struct product_record *p, long long id,
    int exact, HDF *hdf, const char *prefix, int *found)
{
	struct db_arg	 a[5];
	char		 key[PRODUCT_MODEL_MAX * 4 + 1];

	a[0] = DB_TEXT(p->category);
	a[1] = DB_TEXT(p->brand);
	if (exact) {
		a[2] = DB_TEXT(p->model);
		a[3] = DB_INT(id);
		return db_query_row(&same_model, a, 4, hdf, prefix, found);
	}
	product_model_key(key, sizeof(key), p->model);
	a[2] = DB_TEXT(key);
	a[3] = DB_TEXT(p->model);
	a[4] = DB_INT(id);
	return db_query_row(&lookalike, a, 5, hdf, prefix, found);
}

/* The eight columns in the order both statements take them. */
static void
bind_record(struct db_arg *a, const struct product_record *p)
{
	a[0] = DB_TEXT(p->category);
	a[1] = DB_TEXT(p->brand);
	a[2] = DB_TEXT(p->manufacturer);
	a[3] = DB_TEXT(p->model);
	a[4] = DB_TEXT(p->spec);
	a[5] = DB_INT(p->bid_price_fen);
	a[6] = DB_TEXT(p->bid_batch);
	a[7] = DB_TEXT(p->status);
}

enum db_status
product_record_create(const struct product_record *p, unsigned long long *id)
{
	struct db_arg	 a[8];

	bind_record(a, p);
	return db_exec(&insert_product, a, DB_NARGS(a), NULL, id);
}

enum db_status
product_record_update(long long id, const struct product_record *p)
{
	struct db_arg	 a[9];

	bind_record(a, p);
	a[8] = DB_INT(id);
	return db_exec(&update_product, a, DB_NARGS(a), NULL, NULL);
}

json_t *
product_record_json(const struct product_record *p)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:I,s:s,s:s}",
	    "category", p->category, "brand", p->brand,
	    "manufacturer", p->manufacturer, "model", p->model,
	    "spec", p->spec, "bid_price_fen", (json_int_t)p->bid_price_fen,
	    "bid_batch", p->bid_batch, "status", p->status);
}

json_t *
product_row_json(HDF *row)
{
	struct product_record	 p;

	p.category = hdf_get_value(row, "category_code", "");
	p.brand = hdf_get_value(row, "brand", "");
	p.manufacturer = hdf_get_value(row, "manufacturer", "");
	p.model = hdf_get_value(row, "model", "");
	p.spec = hdf_get_value(row, "spec", "");
	p.bid_price_fen = atoll(hdf_get_value(row, "bid_price_fen", "0"));
	p.bid_batch = hdf_get_value(row, "bid_batch", "");
	p.status = hdf_get_value(row, "status", "");
	return product_record_json(&p);
}

/* The unique key refused the row: says which record holds it. */
static enum domain_status
refused_duplicate(const struct product_record *r, long long id, HDF *hdf,
    const char *prefix, struct domain_problems *p)
{
	enum db_status	 st;
	HDF		*dup;
	int		 found;

	db_rollback();
	if ((st = product_record_lookalike(r, id, 1, hdf, prefix, &found)) !=
	    DB_OK)
		return domain_of_db(st);
	dup = hdf_get_obj(hdf, prefix);
	domain_problemf(p, "model", "同一类别、同一品牌下已经登记了型号“%s”"
	    "（产品编号 %s），不能重复登记。请核对型号，或修改已有的记录",
	    hdf_get_value(dup, "model", ""), hdf_get_value(dup, "id", ""));
	return DOMAIN_CONFLICT;
}

enum domain_status
product_record_add(const struct product_record *r, const struct audit_by *by,
    HDF *hdf, const char *prefix, struct domain_problems *p,
    unsigned long long *id)
{
	enum db_status	 st;

	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	st = product_record_create(r, id);
	if (st == DB_DUPLICATE)
		return refused_duplicate(r, 0, hdf, prefix, p);
	if (st == DB_OK)
		st = audit_record(by, "product_create", "product",
		    (long long)*id, NULL, product_record_json(r));
	return domain_of_db(db_finish(st));
}

/* Audit actions name a change of status, the commonest edit. */
static const char *
update_action(const char *before, const char *after)
{
	if (strcmp(before, after) == 0)
		return "product_update";
	return strcmp(after, "withdrawn") == 0 ? "product_withdraw" :
	    "product_restore";
}

enum domain_status
product_record_save(long long id, HDF *old, const struct product_record *r,
    const struct audit_by *by, HDF *hdf, const char *prefix,
    struct domain_problems *p, int *changed)
{
	json_t		*before = product_row_json(old);
	json_t		*after = product_record_json(r);
	enum db_status	 st;

	/* Saving an unchanged form writes nothing and records nothing. */
	st = (*changed = !json_equal(before, after)) ? db_begin() : DB_OK;
	if (!*changed || st != DB_OK) {
		json_decref(before);
		json_decref(after);
		return domain_of_db(st);
	}
	st = product_record_update(id, r);
	if (st == DB_DUPLICATE) {
		json_decref(before);
		json_decref(after);
		return refused_duplicate(r, id, hdf, prefix, p);
	}
	if (st == DB_OK)
		st = audit_record(by, update_action(hdf_get_value(old, "status",
		    ""), r->status), "product", id, before, after);
	else {
		json_decref(before);
		json_decref(after);
	}
	return domain_of_db(db_finish(st));
}
