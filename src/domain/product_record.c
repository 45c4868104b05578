/* Product records for staff. */
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
	return strcmp(s, "active") == 0 || strcmp(s, "withdrawn") == 0;
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
