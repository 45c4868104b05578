/* Keeping the winning-bid product records: create, edit, withdraw. The
 * search index follows through the product_search triggers. */
#ifndef JDXX_PRODUCT_RECORD_H
#define JDXX_PRODUCT_RECORD_H

#include <jansson.h>

#include "base/arena.h"
#include "db/db.h"
#include "domain/audit.h"
#include "domain/product.h"
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
/* One product as stored, not priced; DOMAIN_NOT_FOUND when there is
 * none. */
enum domain_status product_record_get(struct arena *, long long id,
		    struct product *);
/* Another product that holds a model number: its id (0 for none) and
 * model. */
struct product_ref {
	long long	 id;
	const char	*model;
};
/* Another product (not id; 0 for none) of the same category and brand
 * holding the same model number (exact 1), or one that differs from it
 * only in spaces, '-' or '/' (exact 0), which the model check would not
 * tell apart, into *found (text in the arena). */
enum domain_status product_record_lookalike(const struct product_record *,
		    long long id, int exact, struct arena *,
		    struct product_ref *found);
/* DB_DUPLICATE when category, brand and model are taken. */
enum db_status	product_record_create(const struct product_record *,
		    unsigned long long *id);
enum db_status	product_record_update(long long id,
		    const struct product_record *);
/* Registers a new product, each in one transaction with its audit row;
 * DOMAIN_CONFLICT, with the reason in problems, when its category,
 * brand and model are taken: the record that holds them goes to *dup
 * (text in the arena). */
enum domain_status product_record_add(const struct product_record *,
		    const struct audit_by *, struct arena *,
		    struct product_ref *dup, struct domain_problems *,
		    unsigned long long *id);
/* Saves product id, stored as old (product_record_get's), the same way;
 * *changed is 0 when the record is as stored, and nothing is written or
 * recorded. */
enum domain_status product_record_save(long long id,
		    const struct product *old, const struct product_record *,
		    const struct audit_by *, struct arena *,
		    struct product_ref *dup, struct domain_problems *,
		    int *changed);
/* For the audit log. */
json_t		*product_record_json(const struct product_record *);
/* A stored product (product_record_get's) as the same JSON. */
json_t		*product_row_json(const struct product *);

#endif
