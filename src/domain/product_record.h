/* Keeping the winning-bid product records: create, edit, withdraw. The
 * search index follows through the product_search triggers. */
#ifndef JDXX_PRODUCT_RECORD_H
#define JDXX_PRODUCT_RECORD_H

#include <ClearSilver/ClearSilver.h>
#include <jansson.h>

#include "db/db.h"
#include "domain/audit.h"
#include "domain/result.h"

#define PRODUCT_BRAND_MAX	50
#define PRODUCT_MAKER_MAX	100
#define PRODUCT_MODEL_MAX	64
#define PRODUCT_SPEC_MAX	200
#define PRODUCT_BATCH_MAX	32
#define PRODUCT_PRICE_MAX_FEN	(1000000LL * 100)	/* one million yuan */

struct product_record {
	const char	*category;
	const char	*brand;
	const char	*manufacturer;
	const char	*model;
	const char	*spec;		/* "" for none */
	long long	 bid_price_fen;
	const char	*bid_batch;	/* "" for none */
	const char	*status;	/* active or withdrawn */
};

/* 1 for the statuses a product may have. */
int		product_status_valid(const char *);
/* One product as stored, under prefix.{id, category_code, brand, ...,
 * status, is_demo} with bid_price_yuan added. */
enum db_status	product_record_get(HDF *, long long id, const char *prefix,
		    int *found);
/* Another product (not id; 0 for none) of the same category and brand
 * holding the same model number (exact 1), or one that differs from it
 * only in spaces, '-' or '/' (exact 0), which the model check would not
 * tell apart. Its id and model go under prefix. */
enum db_status	product_record_lookalike(const struct product_record *,
		    long long id, int exact, HDF *, const char *prefix,
		    int *found);
/* DB_DUPLICATE when category, brand and model are taken. */
enum db_status	product_record_create(const struct product_record *,
		    unsigned long long *id);
enum db_status	product_record_update(long long id,
		    const struct product_record *);
/* Registers a new product, each in one transaction with its audit row;
 * DOMAIN_CONFLICT, with the reason in problems, when its category,
 * brand and model are taken: the record that holds them goes under
 * prefix.{id, model}. */
enum domain_status product_record_add(const struct product_record *,
		    const struct audit_by *, HDF *, const char *prefix,
		    struct domain_problems *, unsigned long long *id);
/* Saves product id, stored as old (product_record_get's row), the same
 * way; *changed is 0 when the record is as stored, and nothing is
 * written or recorded. */
enum domain_status product_record_save(long long id, HDF *old,
		    const struct product_record *, const struct audit_by *,
		    HDF *, const char *prefix, struct domain_problems *,
		    int *changed);
/* For the audit log. */
json_t		*product_record_json(const struct product_record *);
/* A stored row (product_record_get) as the same JSON. */
json_t		*product_row_json(HDF *row);

#endif
