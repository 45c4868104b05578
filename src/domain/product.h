/* Winning-bid product models (中标产品) and the model check. */
#ifndef JDXX_PRODUCT_H
#define JDXX_PRODUCT_H

#include "base/arena.h"
#include "db/db.h"
#include "domain/caps.h"
#include "domain/result.h"

#define PRODUCT_PAGE_SIZE	20

struct product_query {
	const char	*category;	/* a category code, or "" */
	const char	*brand;		/* exact brand, or "" */
	const char	*keyword;	/* as typed, or "" */
	const char	*status;	/* active, withdrawn, or "" for all */
	long		 page;
};

/* A winning-bid product model; text in the arena of the read (NULL for
 * a column the read has not). */
struct product {
	long long	 id;
	const char	*category_code;
	const char	*category;	/* its name */
	const char	*brand;
	const char	*manufacturer;
	const char	*model;
	const char	*spec;		/* "" for none */
	long long	 bid_price_fen;
	const char	*bid_batch;	/* "" for none */
	const char	*status;	/* active or withdrawn */
	int		 is_demo;
	/* Against the caps in force the read was given: */
	long long	 cap_fen;	/* its category's cap; -1: none */
	int		 over_cap;	/* the bid price is above it */
	long long	 subsidy_fen;	/* at the bid price, within the cap */
};

/* One page of the catalogue. */
struct product_page {
	struct arena_list	 rows;	/* struct product */
	long long		 total;	/* of the products that match */
};

/* The page q asks for, each row priced against caps (NULL: not). */
enum domain_status product_find(struct arena *, const struct product_query *q,
		    const struct caps_in_force *caps, struct product_page *);
/* Product id, priced the same way; DOMAIN_NOT_FOUND when there is none. */
enum domain_status product_get(struct arena *, long long id,
		    const struct caps_in_force *caps, struct product *);
/* Models (struct product) whose number matches model ignoring case,
 * spaces, '-' and '/', priced the same way. */
enum domain_status product_check_model(struct arena *, const char *model,
		    const struct caps_in_force *caps, struct arena_list *);
/* The brands (const char *) of a category ("" for all) with a product
 * on sale. */
enum domain_status product_brands(struct arena *, const char *category,
		    struct arena_list *);
/* Sets cap_fen, over_cap and subsidy_fen of p from the cap of its
 * category in caps (NULL: none) and the rate (none: 0). */
void		product_price(struct product *p,
		    const struct caps_in_force *caps);
/* Upper-cases ASCII and drops spaces, '-' and '/', as model_key does. */
void		product_model_key(char *out, size_t len, const char *model);

/* The i-th product status, or NULL past the last. */
const char	*product_status_code(size_t i);
/* Its name ("在售中标产品"), and the short one ("在售"); any status not
 * active reads as withdrawn. */
const char	*product_status_name(const char *code);
const char	*product_status_short_name(const char *code);

#endif
