/* ISO weeks, histogram medians, shares and bar widths of the stats. */
#include <string.h>

#include "check.h"
#include "domain/stats.h"
#include "domain/workday.h"

static const struct {
	const char	*week;
	const char	*monday;	/* NULL: no such week */
} parse_cases[] = {
	{ "2010-W10", "2010-03-08" },
	{ "2010-w10", "2010-03-08" },
	{ "2010-W01", "2010-01-04" },
	{ "2009-W01", "2008-12-29" },	/* week 1 starts in the year before */
	{ "2009-W53", "2009-12-28" },	/* 2009 began on a Thursday */
	{ "2015-W53", "2015-12-28" },
	{ "2020-W53", "2020-12-28" },	/* a leap year begun on a Wednesday */
	{ "2004-W53", "2004-12-27" },
	{ "2010-W52", "2010-12-27" },
	{ "2000-W01", "2000-01-03" },
	{ "2099-W53", "2099-12-28" },	/* 2099 begins on a Thursday */
	{ "2010-W53", NULL },		/* 2010 had 52 weeks */
	{ "2008-W53", NULL },
	{ "2021-W53", NULL },
	{ "2010-W00", NULL },
	{ "2010-W54", NULL },
	{ "2010-W99", NULL },
	{ "1999-W10", NULL },		/* before the years served */
	{ "2100-W01", NULL },
	{ "2010-10", NULL },
	{ "2010W10", NULL },
	{ "2010-W1", NULL },
	{ "2010-W100", NULL },
	{ "20100-W1", NULL },
	{ " 2010-W10", NULL },
	{ "2010-W10 ", NULL },
	{ "2010-X10", NULL },
	{ "2010-WAA", NULL },
	{ "2010-W+1", NULL },
	{ "2010-W-1", NULL },
	{ "201a-W10", NULL },
	{ "2010-03-08", NULL },
	{ "", NULL },
};

static const struct {
	const char	*day, *week, *monday;
} format_cases[] = {
	{ "2010-03-08", "2010-W10", "2010-03-08" },
	{ "2010-03-14", "2010-W10", "2010-03-08" },	/* Sunday */
	{ "2008-12-29", "2009-W01", "2008-12-29" },
	{ "2010-01-03", "2009-W53", "2009-12-28" },
	{ "2010-01-04", "2010-W01", "2010-01-04" },
	{ "2012-12-31", "2013-W01", "2012-12-31" },
	{ "2016-01-01", "2015-W53", "2015-12-28" },	/* a Friday */
	{ "2008-02-29", "2008-W09", "2008-02-25" },
	{ "1970-01-01", "1970-W01", "1969-12-29" },	/* a Thursday */
};

static const struct {
	long long	 value[5], count[5];
	size_t		 n;
	long long	 want;
} median_cases[] = {
	{ { 0 }, { 0 }, 0, -1 },
	{ { 24 }, { 0 }, 1, -1 },
	{ { 24 }, { 1 }, 1, 48 },
	{ { 24, 48 }, { 1, 1 }, 2, 72 },	/* 36 h: 1.5 days */
	{ { 10, 20, 30 }, { 1, 1, 1 }, 3, 40 },
	{ { 10, 20 }, { 3, 1 }, 2, 20 },
	{ { 10, 20 }, { 2, 2 }, 2, 30 },
	{ { 10, 20 }, { 1, 2 }, 2, 40 },
	{ { 5, 7, 9 }, { 0, 1, 0 }, 3, 14 },
	{ { 1, 2, 3, 4 }, { 1, 1, 1, 1 }, 4, 5 },
	{ { 0, 100 }, { 5, 5 }, 2, 100 },
	{ { 0, 100 }, { 6, 5 }, 2, 0 },
	{ { 2, 4, 6, 8, 10 }, { 1, 0, 0, 0, 1 }, 5, 12 },
};

static const struct {
	long long	 part, whole, want;
} permille_cases[] = {
	{ 1, 3, 333 }, { 2, 3, 667 }, { 0, 0, 0 }, { 5, 5, 1000 },
	{ 1, 8, 125 }, { 1, 2000, 1 }, { 1, 2001, 0 }, { 0, 7, 0 },
	{ 3, 4, 750 },
};

static const struct {
	long long	 n, max;
	int		 want;
} bar_cases[] = {
	{ 0, 10, 0 }, { 10, 10, STATS_BAR_MAX }, { 1, 1000000, 1 },
	{ 5, 10, STATS_BAR_MAX / 2 }, { -1, 10, 0 }, { 3, 0, 0 },
	{ 20, 10, STATS_BAR_MAX }, { 2, 3, STATS_BAR_MAX * 2 / 3 },
};

void
test_stats(void)
{
	char	 out[11], week[9];
	long	 monday, d, first, last;
	size_t	 i;
	int	 rc, bad = 0;

	for (i = 0; i < NELEM(parse_cases); i++) {
		monday = -1;
		rc = iso_week_parse(parse_cases[i].week, &monday);
		if (parse_cases[i].monday == NULL) {
			CHECK(rc == -1, "week '%s' accepted",
			    parse_cases[i].week);
			continue;
		}
		days_to_date(monday, out);
		CHECK(rc == 0 && strcmp(out, parse_cases[i].monday) == 0,
		    "week %s: %d %s, want %s", parse_cases[i].week, rc, out,
		    parse_cases[i].monday);
	}
	for (i = 0; i < NELEM(format_cases); i++) {
		d = date_to_days(format_cases[i].day);
		iso_week_format(d, week);
		CHECK(strcmp(week, format_cases[i].week) == 0,
		    "week of %s: %s, want %s", format_cases[i].day, week,
		    format_cases[i].week);
		days_to_date(iso_week_monday(d), out);
		CHECK(strcmp(out, format_cases[i].monday) == 0,
		    "monday of %s: %s", format_cases[i].day, out);
	}
	/* Every week of the years served: consecutive Mondays, and the
	 * name of each gives back its Monday. */
	first = date_to_days("2000-01-03");
	last = date_to_days("2099-12-28");
	for (d = first; d <= last; d += 7) {
		iso_week_format(d, week);
		if (iso_week_parse(week, &monday) == -1 || monday != d)
			bad++;
	}
	CHECK(bad == 0, "%d weeks do not round-trip", bad);
	for (i = 0; i < NELEM(median_cases); i++) {
		long long got = stats_median_x2(median_cases[i].value,
		    median_cases[i].count, median_cases[i].n);

		CHECK(got == median_cases[i].want, "median %zu: %lld, want %lld",
		    i, got, median_cases[i].want);
	}
	for (i = 0; i < NELEM(permille_cases); i++) {
		long long got = stats_permille(permille_cases[i].part,
		    permille_cases[i].whole);

		CHECK(got == permille_cases[i].want, "permille %lld/%lld: %lld",
		    permille_cases[i].part, permille_cases[i].whole, got);
	}
	for (i = 0; i < NELEM(bar_cases); i++) {
		int got = stats_bar(bar_cases[i].n, bar_cases[i].max);

		CHECK(got == bar_cases[i].want, "bar %lld of %lld: %d",
		    bar_cases[i].n, bar_cases[i].max, got);
	}
}
