/* ISO weeks, histogram medians and shares of the stats; their numbers
 * kept as JSON and read back; the charts laid out from them. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "domain/stats.h"
#include "domain/stats_json.h"
#include "domain/workday.h"
#include "web/chart.h"
#include "web/stats_view.h"

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
	{ 0, 10, 0 }, { 10, 10, CHART_BAR_MAX }, { 1, 1000000, 1 },
	{ 5, 10, CHART_BAR_MAX / 2 }, { -1, 10, 0 }, { 3, 0, 0 },
	{ 20, 10, CHART_BAR_MAX }, { 2, 3, CHART_BAR_MAX * 2 / 3 },
};

static const struct {
	long long	 hours_x2, want;
} tenths_cases[] = {
	{ 144, 30 },		/* 72 h: 3.0 days */
	{ 492, 103 },		/* 246 h: 10.25 days, shown 10.3 */
	{ 0, 0 }, { 1, 0 }, { 2, 0 },	/* an hour: 0.04 days */
	{ 3, 1 },		/* 1.5 h rounds up to 0.1 */
	{ 48, 10 }, { 47, 10 }, { 24, 5 },
};

static const struct {
	const char	*text, *want;
} label_cases[] = {
	{ "", "" },
	{ "其他", "其他" },
	{ "2010-03", "2010-03" },
	{ "石家庄高新技术产业开", "石家庄高新技术产业开" },	/* 10 */
	{ "石家庄高新技术产业开发", "石家庄高新技术产业开发" },	/* 11 */
	{ "石家庄高新技术产业开发区", "石家庄高新技术产业开…" },	/* 12 */
	{ "内蒙古阿拉善高新技术产业开发区", "内蒙古阿拉善高新技术…" },
	{ "abcdefghijkl", "abcdefghij…" },
	{ "abcdefghijk", "abcdefghijk" },
	{ "ab😀defghijkl", "ab😀defghij…" },	/* 4-byte character kept whole */
};

/* Texts that are not kept numbers: each must fail to read. */
static const char *const bad_json[] = {
	"",
	"this is not hdf",
	"total = 424242",
	"[]",
	"42",
	"{\"total\": -1}",
	"{\"total\": \"9\"}",
	"{\"total\": 1.5}",
	"{\"total\": 1, \"total\": 2}",
	"{\"category\": {}}",
	"{\"category\": [1]}",
	"{\"category\": [{\"n\": -3}]}",
	"{\"category\": [{\"code\": 7}]}",
	"{\"channel\": {}}",
	"{\"channel\": [{\"code\": \"phone\", \"n\": \"1\"}]}",
	"{\"category\": [{\"code\": \"0123456789012345678901234\"}]}",
	"{\"month\": [{\"name\": \"a\\u0000b\"}]}",
	"{\"accept\": []}",
	"{\"accept\": {\"count\": null}}",
	"{\"resolve\": {\"on_time\": -1}}",
	"{\"total\": 1",
};

/* A county's numbers, as stats.sh files them (420626 in 2010). */
static void
sample(struct stats *s)
{
	static const char *const cats[][2] = {
		{ "false_promotion", "虚假宣传" },
		{ "overcharge", "超限价或乱收费" },
		{ "subsidy_refusal", "拒绝或刁难补贴申报" },
	};
	static const long long n[] = { 1, 2, 0 };
	size_t	 i;

	stats_init(s);
	s->total = 9;
	s->demo = 1;
	if (stats_list_alloc(&s->category, NELEM(cats)) == 0)
		for (i = 0; i < NELEM(cats); i++) {
			strcpy(s->category.v[i].code, cats[i][0]);
			strcpy(s->category.v[i].name, cats[i][1]);
			s->category.v[i].n = n[i];
		}
	if (stats_list_alloc(&s->channel, 2) == 0) {
		strcpy(s->channel.v[0].code, "web");
		strcpy(s->channel.v[0].name, "网上投诉");
		s->channel.v[0].n = 8;
		strcpy(s->channel.v[1].code, "hotline_12345");
		strcpy(s->channel.v[1].name, "12345热线转办");
		s->channel.v[1].n = 1;
	}
	if (stats_list_alloc(&s->county, 1) == 0) {
		strcpy(s->county.v[0].code, "130171");
		strcpy(s->county.v[0].name, "石家庄高新技术产业开发区");
		strcpy(s->county.v[0].area, "石家庄市");
		s->county.v[0].n = 9;
	}
	s->accept.count = 7;
	s->accept.median_x2 = 144;
	s->resolve.count = 4;
	s->resolve.median_x2 = 492;
	s->resolve.on_time = 3;
	strcpy(s->computed_at, "2010-12-31 23:59");
}

static int
same_list(const struct stats_list *a, const struct stats_list *b)
{
	size_t	 i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i].code, b->v[i].code) != 0 ||
		    strcmp(a->v[i].name, b->v[i].name) != 0 ||
		    strcmp(a->v[i].area, b->v[i].area) != 0 ||
		    a->v[i].n != b->v[i].n)
			return 0;
	return 1;
}

static void
test_stats_json(void)
{
	struct stats	 s, back;
	char		*text;
	size_t		 i;

	sample(&s);
	text = stats_to_json(&s);
	CHECK(text != NULL, "numbers not written as JSON");
	CHECK(text == NULL || strstr(text, "\"w\"") == NULL,
	    "chart geometry kept: %s", text);
	stats_init(&back);
	CHECK(text != NULL && stats_from_json(&back, text) == 0,
	    "own JSON not read back: %s", text ? text : "");
	CHECK(back.total == 9 && back.demo == 1, "total %lld demo %lld",
	    back.total, back.demo);
	CHECK(same_list(&s.category, &back.category), "categories differ");
	CHECK(same_list(&s.county, &back.county), "counties differ");
	CHECK(same_list(&s.channel, &back.channel) && back.channel.n == 2,
	    "channels differ");
	CHECK(back.status.n == 0 && back.month.n == 0, "empty lists filled");
	CHECK(back.accept.count == 7 && back.accept.median_x2 == 144 &&
	    back.accept.on_time == -1, "accept %lld %lld %lld",
	    back.accept.count, back.accept.median_x2, back.accept.on_time);
	CHECK(back.resolve.count == 4 && back.resolve.median_x2 == 492 &&
	    back.resolve.on_time == 3, "resolve %lld %lld %lld",
	    back.resolve.count, back.resolve.median_x2, back.resolve.on_time);
	CHECK(back.computed_at[0] == '\0', "computed_at read from the JSON");
	free(text);
	stats_free(&back);
	stats_free(&s);
	/* Nothing counted: no medians, no on-time count. */
	stats_init(&s);
	text = stats_to_json(&s);
	CHECK(text != NULL && stats_from_json(&back, text) == 0 &&
	    back.total == 0 && back.accept.median_x2 == -1 &&
	    back.resolve.median_x2 == -1 && back.resolve.on_time == -1,
	    "empty numbers: %s", text ? text : "");
	free(text);
	stats_free(&back);
	/* A partial document reads as nothing counted for the rest. */
	CHECK(stats_from_json(&back, "{\"total\": 424242}") == 0 &&
	    back.total == 424242 && back.category.n == 0 &&
	    back.channel.n == 0 &&
	    back.resolve.median_x2 == -1, "partial document not read");
	stats_free(&back);
	for (i = 0; i < NELEM(bad_json); i++) {
		CHECK(stats_from_json(&back, bad_json[i]) == -1,
		    "'%s' read as numbers", bad_json[i]);
		CHECK(back.total == 0 && back.category.v == NULL,
		    "'%s' left numbers behind", bad_json[i]);
		stats_free(&back);
	}
}

/* hdf's value of name is want. */
static void
check_value(HDF *hdf, const char *name, const char *want)
{
	const char *got = hdf_get_value(hdf, name, NULL);

	CHECK(got != NULL && strcmp(got, want) == 0, "%s = %s, want %s",
	    name, got ? got : "(unset)", want);
}

static void
test_stats_charts(void)
{
	struct stats	 s;
	HDF		*hdf = NULL;
	NEOERR		*err;

	if ((err = hdf_init(&hdf)) != STATUS_OK) {
		nerr_ignore(&err);
		CHECK(0, "no HDF");
		return;
	}
	sample(&s);
	CHECK(stats_view(hdf, "Stats", &s) == 0, "stats_view failed");
	check_value(hdf, "Stats.total", "9");
	check_value(hdf, "Stats.demo", "1");
	check_value(hdf, "Stats.computed_at", "2010-12-31 23:59");
	/* As stats.sh sees them drawn: half a bar for half the count. */
	check_value(hdf, "Stats.category.rows.0.code", "false_promotion");
	check_value(hdf, "Stats.category.rows.0.name", "虚假宣传");
	check_value(hdf, "Stats.category.rows.0.label", "虚假宣传");
	check_value(hdf, "Stats.category.rows.0.n", "1");
	check_value(hdf, "Stats.category.rows.0.w", "150");
	check_value(hdf, "Stats.category.rows.0.y", "4");
	check_value(hdf, "Stats.category.rows.0.ty", "17");
	check_value(hdf, "Stats.category.rows.0.tx", "316");
	check_value(hdf, "Stats.category.rows.1.w", "300");
	check_value(hdf, "Stats.category.rows.1.y", "26");
	check_value(hdf, "Stats.category.rows.1.ty", "39");
	check_value(hdf, "Stats.category.rows.1.tx", "466");
	check_value(hdf, "Stats.category.rows.2.w", "0");
	check_value(hdf, "Stats.category.rows.2.y", "48");
	check_value(hdf, "Stats.category.rows.2.tx", "166");
	check_value(hdf, "Stats.category.height", "74");
	check_value(hdf, "Stats.category.max", "2");
	CHECK(hdf_get_value(hdf, "Stats.category.rows.0.area", NULL) == NULL,
	    "a category with an area");
	check_value(hdf, "Stats.channel.rows.0.code", "web");
	check_value(hdf, "Stats.channel.rows.0.w", "300");
	check_value(hdf, "Stats.channel.rows.1.code", "hotline_12345");
	check_value(hdf, "Stats.channel.rows.1.name", "12345热线转办");
	check_value(hdf, "Stats.channel.rows.1.n", "1");
	check_value(hdf, "Stats.county.rows.0.name", "石家庄高新技术产业开发区");
	check_value(hdf, "Stats.county.rows.0.label", "石家庄高新技术产业开…");
	check_value(hdf, "Stats.county.rows.0.area", "石家庄市");
	check_value(hdf, "Stats.county.rows.0.code", "130171");
	check_value(hdf, "Stats.county.height", "30");
	/* No rows: the template draws no chart. */
	check_value(hdf, "Stats.status.height", "8");
	CHECK(hdf_get_obj(hdf, "Stats.month.rows") == NULL, "months drawn");
	check_value(hdf, "Stats.accept.count", "7");
	check_value(hdf, "Stats.accept.median_days", "3.0");
	CHECK(hdf_get_value(hdf, "Stats.accept.on_time", NULL) == NULL &&
	    hdf_get_value(hdf, "Stats.accept.share", NULL) == NULL,
	    "on-time share of acceptance");
	check_value(hdf, "Stats.resolve.median_days", "10.3");
	check_value(hdf, "Stats.resolve.on_time", "3");
	check_value(hdf, "Stats.resolve.share", "75.0");
	stats_free(&s);
	hdf_destroy(&hdf);
	/* Nothing resolved: no median, no share. */
	if ((err = hdf_init(&hdf)) != STATUS_OK) {
		nerr_ignore(&err);
		return;
	}
	stats_init(&s);
	CHECK(stats_view(hdf, "S", &s) == 0, "empty stats_view failed");
	check_value(hdf, "S.resolve.count", "0");
	CHECK(hdf_get_value(hdf, "S.resolve.median_days", NULL) == NULL &&
	    hdf_get_value(hdf, "S.resolve.share", NULL) == NULL,
	    "median or share of nothing");
	hdf_destroy(&hdf);
}

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
		int got = chart_bar_width(bar_cases[i].n, bar_cases[i].max);

		CHECK(got == bar_cases[i].want, "bar %lld of %lld: %d",
		    bar_cases[i].n, bar_cases[i].max, got);
	}
	for (i = 0; i < NELEM(tenths_cases); i++) {
		long long got = stats_day_tenths(tenths_cases[i].hours_x2);

		CHECK(got == tenths_cases[i].want, "tenths of %lld/2 h: %lld",
		    tenths_cases[i].hours_x2, got);
	}
	for (i = 0; i < NELEM(label_cases); i++) {
		char		 buf[CHART_LABEL_SIZE];
		const char	*got = chart_label(label_cases[i].text, buf);

		CHECK(strcmp(got, label_cases[i].want) == 0, "label %s: %s",
		    label_cases[i].text, got);
	}
	test_stats_json();
	test_stats_charts();
}
