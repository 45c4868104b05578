/* Complaint statistics for the public: counts by category, status,
 * channel, county and month, the median waits to accept and to resolve and how
 * many were resolved on time, as numbers; and the ISO weeks (YYYY-Www)
 * the weekly reports are named by. */
#ifndef JDXX_STATS_H
#define JDXX_STATS_H

#include <stddef.h>

#include "db/db.h"
#include "domain/result.h"

#define STATS_TOP_COUNTIES	20
#define STATS_MONTHS		24
#define STATS_YEAR_MIN		2000
#define STATS_YEAR_MAX		2099
#define STATS_CODE_MAX		24	/* bytes: a category's code */
#define STATS_NAME_MAX		256	/* bytes: 64 characters, a region's name */
#define STATS_CACHE_SECONDS	300
#define STATS_CACHE_SLOW_MS	250
#define STATS_LOCK_REGION_MAX	2	/* the country and provinces: kept */
#define STATS_LOCK_WAIT		2	/* seconds, for another worker's count */
#define STATS_BUSY_RETRY	10	/* seconds, said to the asker meanwhile */

struct stats_filter {
	const char	*region;	/* a region code prefix, "" for all */
	int		 year;		/* the year submitted, 0 for all */
};

/* How many complaints fall under one category, status, county or month. */
struct stats_count {
	char		 code[STATS_CODE_MAX + 1];
	char		 name[STATS_NAME_MAX + 1];
	char		 area[STATS_NAME_MAX + 1]; /* a county's city, or "" */
	long long	 n;
};

struct stats_list {
	struct stats_count	*v;
	size_t			 n;
};

/* A wait, from submitted to accepted or from accepted to resolved. */
struct stats_wait {
	long long	 count;		/* complaints that have waited it */
	long long	 median_x2;	/* twice the median in hours; -1: none */
	long long	 on_time;	/* done by the due date; -1: not counted */
};

struct stats {
	long long		 total;
	long long		 demo;		/* how many are demo data */
	struct stats_list	 category;	/* every one, in sort order */
	struct stats_list	 status;	/* every one, in the flow's order */
	struct stats_list	 channel;	/* every one, as complaints come */
	struct stats_list	 county;	/* the most complained of */
	struct stats_list	 month;		/* code and name YYYY-MM */
	struct stats_wait	 accept;	/* on_time not counted */
	struct stats_wait	 resolve;
	char			 computed_at[17]; /* YYYY-MM-DD HH:MM */
	/* Seconds these numbers may still be shown before they are stale:
	 * STATS_CACHE_SECONDS less their age; 0 when unknown. */
	int			 fresh_seconds;
};

/* The statistics of the complaints f selects: every category, status
 * and channel, the STATS_TOP_COUNTIES counties with most complaints (with
 * area, the city or municipality), the STATS_MONTHS months up to the
 * last one with a complaint (within the year when one is chosen),
 * months without any as 0. Medians are exact to the hour; computed_at
 * is left empty. s is filled from scratch: free it with stats_free,
 * also after an error. */
enum db_status	stats_load(struct stats *s, const struct stats_filter *f);
/* s empty: nothing counted, no medians, no lists. */
void		stats_init(struct stats *s);
/* Frees the lists and leaves s empty. */
void		stats_free(struct stats *s);
/* A list of n counts, each empty; -1 when memory runs out. */
int		stats_list_alloc(struct stats_list *, size_t n);
/* Every complaint category (code and name), in sort order; free l->v. */
enum db_status	stats_categories(struct stats_list *l);
/* The first and last years in which complaints were submitted (0 and 0
 * when there are none). */
enum domain_status stats_years(int *first, int *last);

/* Twice the median of a histogram: value[i] occurs count[i] times,
 * values ascending. Twice, so that the mean of the two middle values
 * stays an integer. -1 when the counts add up to 0. */
long long	stats_median_x2(const long long *value, const long long *count,
		    size_t n);
/* The share part / whole in tenths of a percent, rounded half up; 0
 * when whole is 0. */
long long	stats_permille(long long part, long long whole);
/* Tenths of a day, rounded half up, from twice a number of hours. */
long long	stats_day_tenths(long long hours_x2);

/* The Monday of an ISO week written YYYY-Www (or YYYY-wWW), years
 * STATS_YEAR_MIN to STATS_YEAR_MAX; 0, or -1 when there is no such
 * week. */
int		iso_week_parse(const char *, long *monday);
/* The ISO week of a day, as YYYY-Www. */
void		iso_week_format(long day, char out[9]);
/* The Monday of the ISO week holding a day. */
long		iso_week_monday(long day);

#endif
