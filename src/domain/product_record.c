/* Product records for staff. */
#include <stdio.h>
#include <string.h>

#include "domain/product.h"
#include "domain/product_record.h"

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

enum domain_status
product_record_get(struct arena *a, long long id, struct product *p)
{
	return product_get(a, id, NULL, p);
}

/* Where a lookalike read puts the one it finds. */
struct ref_read {
	struct arena		*arena;
	struct product_ref	*ref;
};

static int
read_ref(void *arg, const struct db_row *r)
{
	struct ref_read	*k = arg;

	if (k->ref->id != 0)
		return 0;
	k->ref->id = db_int(r, "id");
	k->ref->model = db_keep(k->arena, r, "model");
	return 0;
}

enum domain_status
product_record_lookalike(const struct product_record *p, long long id,
    int exact, struct arena *ar, struct product_ref *found)
{
	struct ref_read	 k = { ar, found };
	struct db_arg	 a[5];
	char		 key[PRODUCT_MODEL_MAX * 4 + 1];

	*found = (struct product_ref){ 0, NULL };
	a[0] = DB_TEXT(p->category);
	a[1] = DB_TEXT(p->brand);
	if (exact) {
		a[2] = DB_TEXT(p->model);
		a[3] = DB_INT(id);
		return domain_of_read(db_query_each(&same_model, a, 4,
		    read_ref, &k), ar);
	}
	product_model_key(key, sizeof(key), p->model);
	a[2] = DB_TEXT(key);
	a[3] = DB_TEXT(p->model);
	a[4] = DB_INT(id);
	return domain_of_read(db_query_each(&lookalike, a, 5, read_ref, &k),
	    ar);
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

/* Text as the audit log keeps it: "" for none. */
static const char *
text(const char *s)
{
	return s != NULL ? s : "";
}

json_t *
product_row_json(const struct product *old)
{
	struct product_record	 p;

	p.category = text(old->category_code);
	p.brand = text(old->brand);
	p.manufacturer = text(old->manufacturer);
	p.model = text(old->model);
	p.spec = text(old->spec);
	p.bid_price_fen = old->bid_price_fen;
	p.bid_batch = text(old->bid_batch);
	p.status = text(old->status);
	return product_record_json(&p);
}

/* The unique key refused the row: says which record holds it. */
static enum domain_status
refused_duplicate(const struct product_record *r, long long id,
    struct arena *ar, struct product_ref *dup, struct domain_problems *p)
{
	enum domain_status	 ds;
	char			 held_by[32] = "";

	db_rollback();
	if ((ds = product_record_lookalike(r, id, 1, ar, dup)) != DOMAIN_OK)
		return ds;
	if (dup->id != 0)
		snprintf(held_by, sizeof(held_by), "%lld", dup->id);
	domain_problemf(p, "model", "同一类别、同一品牌下已经登记了型号“%s”"
	    "（产品编号 %s），不能重复登记。请核对型号，或修改已有的记录",
	    text(dup->model), held_by);
	return DOMAIN_CONFLICT;
}

enum domain_status
product_record_add(const struct product_record *r, const struct audit_by *by,
    struct arena *ar, struct product_ref *dup, struct domain_problems *p,
    unsigned long long *id)
{
	enum db_status	 st;

	*dup = (struct product_ref){ 0, NULL };
	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	st = product_record_create(r, id);
	if (st == DB_DUPLICATE)
		return refused_duplicate(r, 0, ar, dup, p);
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
product_record_save(long long id, const struct product *old,
    const struct product_record *r, const struct audit_by *by,
    struct arena *ar, struct product_ref *dup, struct domain_problems *p,
    int *changed)
{
	json_t		*before = product_row_json(old);
	json_t		*after = product_record_json(r);
	enum db_status	 st;

	*dup = (struct product_ref){ 0, NULL };
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
		return refused_duplicate(r, id, ar, dup, p);
	}
	if (st == DB_OK)
		st = audit_record(by, update_action(text(old->status),
		    r->status), "product", id, before, after);
	else {
		json_decref(before);
		json_decref(after);
	}
	return domain_of_db(db_finish(st));
}
