/* Designated outlets (家电下乡指定店) as the public finds and checks them. */
#ifndef JDXX_OUTLET_H
#define JDXX_OUTLET_H

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"

#define OUTLET_PAGE_SIZE	20
#define OUTLET_CHECK_MAX	10
/* Keyword searches count and page no further than this. */
#define OUTLET_KEYWORD_MAX	1000
#define OUTLET_KEYWORD_COUNT	1001
/* From this length of region code (a county's) down, keywords are
 * matched by reading the region's rows rather than by Mroonga. */
#define OUTLET_SCAN_REGION	6

struct outlet_query {
	const char	*region;	/* a region code of any level, or "" */
	const char	*status;	/* active, suspended, cancelled, or "" for all */
	const char	*category;	/* a category code, or "" */
	long long	 enterprise;	/* an enterprise id, or 0 */
	const char	*keyword;	/* as typed, or "" */
	long		 page;		/* from 1 */
};

/* One page of outlets under prefix.N.*, and the number that match
 * (with a keyword: by registration order, counted up to
 * OUTLET_KEYWORD_COUNT). */
enum db_status	outlet_find(HDF *, const struct outlet_query *,
		    const char *prefix, long *n, long long *total);
/* Outlets whose registration or phone number is exactly keyword. */
enum db_status	outlet_exact(HDF *, const char *keyword, const char *prefix,
		    long *n);
/* *found is 1 when the outlet exists (whatever its status); region
 * then holds its township's code. */
enum db_status	outlet_region_of(long long id, char region[13], int *found);
enum db_status	outlet_get(HDF *, long long id, const char *prefix,
		    int *found);

/* How a store check was answered. */
enum outlet_check_kind {
	CHECK_NONE,		/* nothing matched */
	CHECK_REGNO,		/* the registration number matched */
	CHECK_PHONE,		/* the phone number matched */
	CHECK_NAME		/* name, address or enterprise matched */
};

/* Looks q up as a registration number, then a phone number, then words
 * of a name; up to OUTLET_CHECK_MAX + 1 outlets go under prefix.N.*. */
enum db_status	outlet_check(HDF *, const char *q, const char *prefix,
		    enum outlet_check_kind *, long *n);

/* Chinese labels for the stored codes, and whether the status is valid. */
const char	*outlet_status_name(const char *status);
int		 outlet_status_valid(const char *status);
/* The i-th status in the order of the flow, or NULL past the last. */
const char	*outlet_status_code(size_t i);
/* The name of a move to status to, as the staff's form offers it. */
const char	*outlet_status_move_name(const char *to);

#endif
