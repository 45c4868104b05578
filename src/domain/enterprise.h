/* Winning-bid sales enterprises (中标销售企业) and where their outlets
 * are: reads answer typed values whose text lives in the caller's
 * arena. */
#ifndef JDXX_ENTERPRISE_H
#define JDXX_ENTERPRISE_H

#include <stddef.h>

#include "base/arena.h"
#include "db/db.h"
#include "domain/result.h"

#define ENTERPRISE_PAGE_SIZE	20

/* One enterprise; what a read leaves out stays 0 or NULL. */
struct enterprise {
	long long	 id;
	const char	*name;
	const char	*bid_batch;	/* "" for none */
	const char	*phone;		/* "" for none */
	int		 is_demo;
	long long	 outlets;	/* its outlets the list counts */
	long long	 counties;	/* the counties those are in */
};

/* The active outlets of an enterprise in one county. */
struct enterprise_county {
	long long	 enterprise_id;
	const char	*county_code;
	const char	*county;	/* NULL when the county is unknown */
	const char	*province;	/* NULL when the province is unknown */
	long long	 outlets;
};

/* One page of the public list. */
struct enterprise_page {
	struct arena_list	 enterprises;	/* struct enterprise, by name */
	long long		 total;		/* enterprises in all */
};

static inline const struct enterprise *
enterprise_at(const struct arena_list *list, size_t i)
{
	return (const struct enterprise *)list->item + i;
}

static inline const struct enterprise_county *
enterprise_county_at(const struct arena_list *list, size_t i)
{
	return (const struct enterprise_county *)list->item + i;
}

/* An enterprise from the columns of r it has (id, name, bid_batch,
 * phone, is_demo, outlets); the others are left 0 or NULL. */
void		enterprise_from_row(struct arena *, const struct db_row *r,
		    struct enterprise *);
/* Page page (from 1) of the enterprises by name, each with its active
 * outlets and the counties they are in, counted. */
enum domain_status enterprise_list(struct arena *, long page,
		    struct enterprise_page *);
/* One enterprise with its active outlets per county (struct
 * enterprise_county, by county code); DOMAIN_NOT_FOUND when there is
 * no such enterprise. */
enum domain_status enterprise_counties(struct arena *, long long id,
		    struct enterprise *, struct arena_list *counties);

#endif
