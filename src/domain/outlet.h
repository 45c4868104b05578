/* Designated outlets (家电下乡指定店) as the public finds and checks them:
 * reads answer struct outlet values whose text lives in the caller's
 * arena; the labels of their codes are written here once. */
#ifndef JDXX_OUTLET_H
#define JDXX_OUTLET_H

#include <stddef.h>

#include "base/arena.h"
#include "db/db.h"
#include "domain/result.h"

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

/* One outlet with its township, county, enterprise and categories. Text
 * is NULL where the database has none (a township or county missing from
 * the regions, an outlet without categories). */
struct outlet {
	long long	 id;
	const char	*reg_no;
	const char	*name;
	const char	*mode;		/* direct, franchise, authorised */
	const char	*address;
	const char	*phone;
	const char	*services;	/* comma-separated: delivery,install,... */
	const char	*status;	/* active, suspended, cancelled */
	const char	*status_since;	/* YYYY-MM-DD */
	const char	*status_reason;
	const char	*registered_on;	/* YYYY-MM-DD */
	int		 is_demo;
	const char	*region_code;	/* its township's */
	const char	*township;
	const char	*county_code;
	const char	*county;
	long long	 enterprise_id;
	const char	*enterprise;
	const char	*categories;	/* names, comma-separated */
	const char	*category_codes;	/* comma-separated */
};

/* The i-th outlet of a list the reads below fill. */
static inline const struct outlet *
outlet_at(const struct arena_list *list, size_t i)
{
	return (const struct outlet *)list->item + i;
}

/* One page of outlets into list (struct outlet items, zeroed first), and
 * the number that match (with a keyword: by registration order, counted
 * up to OUTLET_KEYWORD_COUNT). */
enum domain_status outlet_find(struct arena *, const struct outlet_query *,
		    struct arena_list *list, long long *total);
/* Outlets whose registration or phone number is exactly keyword. */
enum domain_status outlet_exact(struct arena *, const char *keyword,
		    struct arena_list *list);
/* *found is 1 when the outlet exists (whatever its status); region
 * then holds its township's code. */
enum domain_status outlet_region_of(long long id, char region[13], int *found);
/* Outlet id whatever its status; DOMAIN_NOT_FOUND when there is none. */
enum domain_status outlet_get(struct arena *, long long id,
		    struct outlet *);

/* How a store check was answered. */
enum outlet_check_kind {
	CHECK_NONE,		/* nothing matched */
	CHECK_REGNO,		/* the registration number matched */
	CHECK_PHONE,		/* the phone number matched */
	CHECK_NAME		/* name, address or enterprise matched */
};

/* Looks q up as a registration number, then a phone number, then words
 * of a name; up to OUTLET_CHECK_MAX + 1 outlets go into list (the last
 * only to tell that there are more). */
enum domain_status outlet_check(struct arena *, const char *q,
		    enum outlet_check_kind *, struct arena_list *list);

/* Chinese labels for the stored codes ("" for an unknown one), and
 * whether the status is valid. */
const char	*outlet_status_name(const char *status);
const char	*outlet_mode_name(const char *mode);
/* The names of a comma-separated list of services joined by "、" into
 * names (size bytes; cut short when it does not fit), codes not known
 * left out. */
void		 outlet_service_names(const char *services, char *names,
		    size_t size);
int		 outlet_status_valid(const char *status);
/* Whether the outlet is a designated outlet now (active): only then are
 * its sales subsidised and may it post the buyers' notice. */
int		 outlet_is_designated(const struct outlet *);
/* The i-th status in the order of the flow, or NULL past the last. */
const char	*outlet_status_code(size_t i);
/* The name of a move to status to, as the staff's form offers it. */
const char	*outlet_status_move_name(const char *to);

#endif
