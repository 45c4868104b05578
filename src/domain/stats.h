/* Complaint statistics: for the public, counts by category, status,
 * county and month, the median days to accept and to resolve and the
 * share resolved on time; for commerce bureaus, the weekly report of a
 * region; and the ISO weeks (YYYY-Www) such reports are named by. */
#ifndef JDXX_STATS_H
#define JDXX_STATS_H

#include <stddef.h>

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"

#define STATS_TOP_COUNTIES	20
#define STATS_MONTHS		24
#define STATS_YEAR_MIN		2000
#define STATS_YEAR_MAX		2099
#define STATS_BAR_MAX		300	/* the longest bar, in SVG units */
#define STATS_LABEL_CHARS	11	/* longer chart labels are cut */
#define STATS_CACHE_SECONDS	300
#define STATS_CACHE_SLOW_MS	250
#define STATS_LOCK_REGION_MAX	2	/* the country and provinces: kept */
#define STATS_LOCK_WAIT		2	/* seconds, for another worker's count */
#define STATS_BUSY_RETRY	10	/* seconds, said to the asker meanwhile */

struct stats_filter {
	const char	*region;	/* a region code prefix, "" for all */
	int		 year;		/* the year submitted, 0 for all */
};

/* The statistics of the complaints f selects, under prefix:
 *   total, demo (how many are demo data)
 *   category, status, county, month: charts of rows.N.{code, label,
 *     name, n, w, y, ty, tx} (w the bar width, y/ty/tx the bar's and
 *     its texts' positions) and height; every category and status is
 *     listed, the STATS_TOP_COUNTIES counties with most complaints
 *     (with area, the city or municipality), the STATS_MONTHS months up
 *     to the last one with a complaint (within the year when one is
 *     chosen), months without any as 0
 *   accept.{count, median_days}: submitted to accepted
 *   resolve.{count, median_days, on_time, share}: accepted to resolved,
 *     and how many were resolved by their due date (share in percent).
 * Medians are exact to the hour and left out when count is 0. */
enum db_status	stats_load(HDF *, const struct stats_filter *f,
		    const char *prefix);
/* stats_load plus prefix.computed_at (YYYY-MM-DD HH:MM, when the numbers
 * were counted). The numbers of the country and of a province, and others
 * that took STATS_CACHE_SLOW_MS or more to count, are kept in the
 * database for every worker: *stale says they are older than
 * STATS_CACHE_SECONDS and stats_refresh should run once the page is out.
 * Cities' and counties' are counted afresh for every request unless slow.
 * The country's and a province's are counted by one worker at a time;
 * *busy says another one was still counting them after STATS_LOCK_WAIT
 * seconds, and nothing was loaded. */
enum db_status	stats_load_shared(HDF *, const struct stats_filter *f,
		    const char *prefix, int *stale, int *busy);
/* Counts f's kept numbers again, unless another worker is doing so or
 * already has. */
void		stats_refresh(const struct stats_filter *f);
/* The first and last years in which complaints were submitted (0 and 0
 * when there are none). */
enum db_status	stats_years(int *first, int *last);

/* The weekly report of region ("" for all) for the ISO week starting on
 * the day monday (days since 1970-01-01), under prefix:
 *   rows.N.{code, name, received, accepted, rejected, resolved, overdue}
 *     for every category, and total.{the same counts}
 *   outlets.{registered, suspended, cancelled}
 * received: submitted in the week; accepted, resolved (after being
 * accepted), rejected: done in the week; overdue: past the due date to
 * accept or to resolve at the end of the week and not done by then.
 * Outlets: registered in the week; suspended or cancelled in the week
 * by their status history (whatever happened to them later). */
enum db_status	stats_weekly(HDF *, const char *region, long monday,
		    const char *prefix);

/* A bar's width for n when the longest bar stands for max: 0 for
 * nothing, at least 1 for anything. */
int		stats_bar(long long n, long long max);
/* Twice the median of a histogram: value[i] occurs count[i] times,
 * values ascending. Twice, so that the mean of the two middle values
 * stays an integer. -1 when the counts add up to 0. */
long long	stats_median_x2(const long long *value, const long long *count,
		    size_t n);
/* The share part / whole in tenths of a percent, rounded half up; 0
 * when whole is 0. */
long long	stats_permille(long long part, long long whole);

/* The Monday of an ISO week written YYYY-Www (or YYYY-wWW), years
 * STATS_YEAR_MIN to STATS_YEAR_MAX; 0, or -1 when there is no such
 * week. */
int		iso_week_parse(const char *, long *monday);
/* The ISO week of a day, as YYYY-Www. */
void		iso_week_format(long day, char out[9]);
/* The Monday of the ISO week holding a day. */
long		iso_week_monday(long day);

#endif
