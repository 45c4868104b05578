/* One calendar per worker: every complaint filed needs it, and it changes
 * a few times a year. */
#include <time.h>

#include "domain/calendar_cache.h"
#include "base/change_signal.h"

static struct calendar		 kept;
static struct calendar_stamp	 kept_at;
static int			 have;

int
calendar_stale(const struct calendar_stamp *then,
    const struct calendar_stamp *now)
{
	return then->signal != now->signal || then->day != now->day ||
	    now->ms - then->ms >= CALENDAR_MAX_AGE_MS || now->ms < then->ms;
}

void
calendar_cache_clear(void)
{
	if (have)
		calendar_free(&kept);
	have = 0;
}

enum domain_status
calendar_cache_get(const struct calendar_stamp *now,
    enum db_status (*load)(struct calendar *), const struct calendar **out)
{
	enum db_status	 st;

	*out = NULL;
	if (have && !calendar_stale(&kept_at, now)) {
		*out = &kept;
		return DOMAIN_OK;
	}
	calendar_cache_clear();
	if ((st = load(&kept)) != DB_OK) {
		calendar_free(&kept);
		return domain_of_db(st);
	}
	have = 1;
	kept_at = *now;
	*out = &kept;
	return DOMAIN_OK;
}

void
calendar_stamp_now(struct calendar_stamp *now)
{
	struct timespec		 t;
	time_t			 secs = time(NULL);
	struct tm		 tm;

	clock_gettime(CLOCK_MONOTONIC, &t);
	localtime_r(&secs, &tm);
	now->signal = change_signal_read();
	now->day = (long)tm.tm_year * 400 + tm.tm_yday;
	now->ms = (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

enum domain_status
calendar_cached(const struct calendar **out)
{
	struct calendar_stamp	 now;

	calendar_stamp_now(&now);
	return calendar_cache_get(&now, calendar_load, out);
}
