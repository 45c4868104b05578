/* The kept calendar: loaded once, again when stale, never kept broken. */
#include <stdlib.h>

#include "domain/calendar_cache.h"
#include "check.h"

static const struct {
	struct calendar_stamp	 then, now;
	int			 stale;
	const char		*why;
} stale_cases[] = {
	{ { 3, 100, 5000 }, { 3, 100, 5000 }, 0, "the same moment" },
	{ { 3, 100, 5000 }, { 3, 100, 5999 }, 0, "within the second" },
	{ { 3, 100, 5000 }, { 3, 100, 6000 }, 1, "a second on" },
	{ { 3, 100, 5000 }, { 4, 100, 5001 }, 1, "a staff write signalled" },
	{ { 3, 100, 5000 }, { 3, 101, 5001 }, 1, "the day turned" },
	{ { 3, 100, 5000 }, { 3, 100, 4000 }, 1, "the clock went back" },
};

static int		 loads;
static enum db_status	 load_result;

/* Stands in for the database: one exception, or the failure asked for. */
static enum db_status
fake_load(struct calendar *cal)
{
	loads++;
	cal->n = 0;
	if ((cal->days = calloc(1, sizeof(*cal->days))) == NULL)
		return DB_ERROR;
	cal->days[0].day = 14518;
	cal->n = 1;
	return load_result;
}

void
test_calendar_cache(void)
{
	static const struct {
		struct calendar_stamp	 at;
		enum db_status		 result;
		int			 loads;	/* counted so far */
		enum domain_status	 want;
	} steps[] = {
		{ { 0, 1, 0 }, DB_OK, 1, DOMAIN_OK },	/* nothing kept yet */
		{ { 0, 1, 10 }, DB_OK, 1, DOMAIN_OK },	/* kept */
		{ { 0, 1, 999 }, DB_OK, 1, DOMAIN_OK },
		{ { 1, 1, 999 }, DB_OK, 2, DOMAIN_OK },	/* signalled */
		{ { 1, 1, 1500 }, DB_OK, 2, DOMAIN_OK },
		/* A failed load, in the domain's words. */
		{ { 1, 2, 1500 }, DB_DOWN, 3, DOMAIN_UNAVAILABLE },
		/* Not kept: tried again. */
		{ { 1, 2, 1501 }, DB_OK, 4, DOMAIN_OK },
		{ { 1, 2, 1502 }, DB_OK, 4, DOMAIN_OK },
		/* A second old. */
		{ { 1, 2, 2501 }, DB_OK, 5, DOMAIN_OK },
		{ { 2, 2, 2502 }, DB_ERROR, 6, DOMAIN_INTERNAL },
	};
	const struct calendar	*cal;
	enum domain_status	 st;
	size_t			 i;

	for (i = 0; i < NELEM(stale_cases); i++)
		CHECK(calendar_stale(&stale_cases[i].then,
		    &stale_cases[i].now) == stale_cases[i].stale,
		    "calendar_stale: %s", stale_cases[i].why);
	calendar_cache_clear();
	loads = 0;
	for (i = 0; i < NELEM(steps); i++) {
		load_result = steps[i].result;
		st = calendar_cache_get(&steps[i].at, fake_load, &cal);
		CHECK(st == steps[i].want && loads == steps[i].loads,
		    "calendar_cache_get step %zu: status %d, %d loads", i,
		    (int)st, loads);
		CHECK(st == DOMAIN_OK ? cal != NULL && cal->n == 1 &&
		    workday_is(cal, 14518) == 0 : cal == NULL,
		    "calendar_cache_get step %zu: the calendar", i);
	}
	calendar_cache_clear();
}
