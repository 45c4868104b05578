/* Dates and working days across weekends, holidays and makeup days. */
#include <string.h>

#include "check.h"
#include "domain/workday.h"

static const struct {
	const char	*date;
	long		 days;
} date_cases[] = {
	{ "1970-01-01", 0 }, { "1970-01-02", 1 }, { "1969-12-31", -1 },
	{ "2000-02-29", 11016 }, { "2008-12-01", 14214 },
	{ "2009-10-01", 14518 }, { "2026-11-27", 20784 },
};

/* The 2009 National Day week: 1-8 October off, 27 September and
 * 10 October (a Sunday and a Saturday) worked. */
static struct calendar_exception oct2009[] = {
	{ 0, 1 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 },
	{ 0, 0 }, { 0, 0 }, { 0, 1 },
};
static const char *const oct2009_dates[] = {
	"2009-09-27", "2009-10-01", "2009-10-02", "2009-10-03", "2009-10-04",
	"2009-10-05", "2009-10-06", "2009-10-07", "2009-10-08", "2009-10-10",
};

static const struct {
	const char	*start;
	int		 n;
	const char	*want;
	int		 holidays;
} add_cases[] = {
	{ "2009-03-02", 0, "2009-03-02", 0 },	/* Monday, nothing added */
	{ "2009-03-02", 1, "2009-03-03", 0 },
	{ "2009-03-06", 1, "2009-03-09", 0 },	/* Friday -> Monday */
	{ "2009-03-07", 1, "2009-03-09", 0 },	/* Saturday -> Monday */
	{ "2009-03-06", 7, "2009-03-17", 0 },
	{ "2009-03-02", 30, "2009-04-13", 0 },
	{ "2009-09-25", 1, "2009-09-27", 1 },	/* the working Sunday */
	{ "2009-09-30", 1, "2009-10-09", 1 },	/* over the holiday */
	{ "2009-09-30", 2, "2009-10-10", 1 },	/* the working Saturday */
	{ "2009-09-30", 7, "2009-10-16", 1 },
	{ "2009-09-30", 1, "2009-10-01", 0 },	/* no calendar: weekdays */
};

void
test_workday(void)
{
	struct calendar	 cal = { oct2009, 10 };
	char		 out[11];
	size_t		 i;
	long		 d;

	for (i = 0; i < NELEM(oct2009); i++)
		oct2009[i].day = date_to_days(oct2009_dates[i]);
	for (i = 0; i < NELEM(date_cases); i++) {
		d = date_to_days(date_cases[i].date);
		CHECK(d == date_cases[i].days, "days of %s: %ld",
		    date_cases[i].date, d);
		days_to_date(date_cases[i].days, out);
		CHECK(strcmp(out, date_cases[i].date) == 0, "date %s: %s",
		    date_cases[i].date, out);
	}
	CHECK(date_to_days("2009-02-30") == -1, "invalid date");
	CHECK(date_to_days("x") == -1, "not a date");
	for (d = -1000; d < 30000; d += 37) {
		days_to_date(d, out);
		CHECK(date_to_days(out) == d, "round trip %ld", d);
	}
	for (i = 0; i < NELEM(add_cases); i++) {
		days_to_date(workday_add(add_cases[i].holidays ? &cal : NULL,
		    date_to_days(add_cases[i].start), add_cases[i].n), out);
		CHECK(strcmp(out, add_cases[i].want) == 0, "%s + %d: %s",
		    add_cases[i].start, add_cases[i].n, out);
	}
	CHECK(workday_between(&cal, date_to_days("2009-09-30"),
	    date_to_days("2009-10-10")) == 2, "between over the holiday");
	CHECK(workday_between(NULL, date_to_days("2009-03-06"),
	    date_to_days("2009-03-06")) == 0, "between same day");
	CHECK(!workday_is(&cal, date_to_days("2009-10-05")), "holiday Monday");
	CHECK(workday_is(&cal, date_to_days("2009-09-27")), "working Sunday");
	CHECK(!workday_is(NULL, date_to_days("2009-09-27")), "plain Sunday");
}
