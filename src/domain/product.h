/* Winning-bid product models (中标产品) and the model check. */
#ifndef JDXX_PRODUCT_H
#define JDXX_PRODUCT_H

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"

#define PRODUCT_PAGE_SIZE	20

struct product_query {
	const char	*category;	/* a category code, or "" */
	const char	*brand;		/* exact brand, or "" */
	const char	*keyword;	/* as typed, or "" */
	const char	*status;	/* active, withdrawn, or "" for all */
	long		 page;
};

/* One page of products under prefix.N.*, and the number that match.
 * caps is the node of caps in force (code, cap_fen) and rate_bp the
 * subsidy rate, used to add cap_yuan, subsidy_yuan and over_cap. */
enum db_status	product_find(HDF *, const struct product_query *,
		    const char *prefix, long *n, long long *total, HDF *caps,
		    long long rate_bp);
enum db_status	product_get(HDF *, long long id, const char *prefix,
		    int *found, HDF *caps, long long rate_bp);
/* Models whose number matches model ignoring case, spaces, '-' and '/'. */
enum db_status	product_check_model(HDF *, const char *model,
		    const char *prefix, long *n, HDF *caps, long long rate_bp);
/* The brands of a category ("" for all) as prefix.N.brand. */
enum db_status	product_brands(HDF *, const char *category, const char *prefix,
		    long *n);
/* Upper-cases ASCII and drops spaces, '-' and '/', as model_key does. */
void		product_model_key(char *out, size_t len, const char *model);

/* The i-th product status, or NULL past the last. */
const char	*product_status_code(size_t i);
/* Its name ("在售中标产品"), and the short one ("在售"); any status not
 * active reads as withdrawn. */
const char	*product_status_name(const char *code);
const char	*product_status_short_name(const char *code);

#endif
