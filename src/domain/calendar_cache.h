/* The working-day calendar kept by each worker between requests: loaded
 * again when a staff write is signalled, the day turns, or a second has
 * passed (a change made straight in the database). */
#ifndef JDXX_CALENDAR_CACHE_H
#define JDXX_CALENDAR_CACHE_H

#include "domain/result.h"
#include "domain/workday.h"

#define CALENDAR_MAX_AGE_MS	1000

/* When a calendar was loaded, or when it is asked for. */
struct calendar_stamp {
	unsigned long long	 signal;	/* the change signal's count */
	long			 day;		/* the local day */
	long long		 ms;		/* monotonic milliseconds */
};

/* 1 when a calendar loaded at then must be loaded again at now. */
int	calendar_stale(const struct calendar_stamp *then,
	    const struct calendar_stamp *now);
/* The stamp of this moment: the change signal, today, the clock. */
void	calendar_stamp_now(struct calendar_stamp *);
/* The kept calendar, loaded by load first when there is none or it is
 * stale at now; *out stays valid until the next call. Nothing is kept
 * when the load fails. */
enum domain_status calendar_cache_get(const struct calendar_stamp *now,
	    enum db_status (*load)(struct calendar *),
	    const struct calendar **out);
/* calendar_cache_get from the database, stamped with this moment. */
enum domain_status calendar_cached(const struct calendar **out);
/* Forgets the kept calendar. */
void	calendar_cache_clear(void);

#endif
