/* The public statistics kept for every worker (table stats_snapshot):
 * the numbers of the country and of a province, and others that took
 * STATS_CACHE_SLOW_MS or more to count, as JSON (domain/stats_json.h). */
#ifndef JDXX_STATS_SNAPSHOT_H
#define JDXX_STATS_SNAPSHOT_H

#include "db/db.h"
#include "domain/result.h"
#include "domain/stats.h"

/* stats_load, with computed_at (when the numbers were counted), from the
 * kept numbers when there are some: *stale says they are older than
 * STATS_CACHE_SECONDS and stats_refresh should run once the page is out.
 * Cities' and counties' are counted afresh for every request unless slow.
 * The country's and a province's are counted by one worker at a time;
 * *busy says another one was still counting them after STATS_LOCK_WAIT
 * seconds, and nothing was loaded. s need not be initialised; free it
 * with stats_free. */
enum domain_status stats_load_shared(struct stats *s,
		    const struct stats_filter *f, int *stale, int *busy);
/* Counts f's kept numbers again, unless another worker is doing so or
 * already has. */
void		stats_refresh(const struct stats_filter *f);

#endif
