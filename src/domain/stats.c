/* Complaint statistics: aggregates in SQL over the complaint indexes,
 * medians in C; the numbers come back as struct stats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/filtered.h"
#include "domain/complaint.h"
#include "domain/complaint_channel.h"
#include "domain/stats.h"
#include "domain/workday.h"

#define MAX_HOURS	9999	/* longer waits count as this (over a year) */
#define DATE_BUF	32	/* room for any int as a year */

enum { SF_REGION = 1, SF_YEAR = 2 };

static const struct sql_fragment filters[] = {
	{ SF_REGION, " AND c.outlet_region LIKE CONCAT(?, '%')" },
	{ SF_YEAR, " AND c.submitted_at >= ? AND c.submitted_at < ?" },
};

#define NFILTERS	(sizeof(filters) / sizeof(filters[0]))

/* Category, status and channel together: one pass instead of three. */
static struct filtered_sql by_category_status = {
	.list_head = "SELECT c.category, c.status, c.channel, COUNT(*) AS n, "
	    "SUM(c.is_demo) AS demo FROM complaint c ",
	.count_head = "",
	.where = "WHERE 1 = 1",
	.filters = filters,
	.nfilters = NFILTERS,
	.list_tail = " GROUP BY c.category, c.status, c.channel ORDER BY NULL",
	.count_tail = "",
};

/* Counties are the first six digits of the outlet's region: counted by
 * township first, in index order, then added up (much cheaper than one
 * grouping by an expression); a county of a municipality is shown with
 * the municipality's name. */
static struct filtered_sql by_county = {
	.list_head = "SELECT t.county AS code, COALESCE(r.name, t.county) "
	    "AS name, CASE WHEN p.name IN ('市辖区', '县') THEN g.name "
	    "ELSE p.name END AS area, t.n FROM (SELECT LEFT(s.r, 6) AS "
	    "county, SUM(s.n) AS n FROM (SELECT c.outlet_region AS r, "
	    "COUNT(*) AS n FROM complaint c ",
	.count_head = "",
	.where = "WHERE 1 = 1",
	.filters = filters,
	.nfilters = NFILTERS,
	.list_tail = " GROUP BY c.outlet_region) s GROUP BY county "
	    "ORDER BY n DESC, county LIMIT "
	    DB_NUMBER(STATS_TOP_COUNTIES) ") t "
	    "LEFT JOIN region r ON r.code = t.county "
	    "LEFT JOIN region p ON p.code = r.parent_code "
	    "LEFT JOIN region g ON g.code = p.parent_code "
	    "ORDER BY t.n DESC, t.county",
	.count_tail = "",
};

static struct filtered_sql last_month = {
	.list_head = "SELECT DATE_FORMAT(MAX(c.submitted_at), '%Y-%m') AS "
	    "month FROM complaint c ",
	.count_head = "",
	.where = "WHERE 1 = 1",
	.filters = filters,
	.nfilters = NFILTERS,
	.list_tail = "",
	.count_tail = "",
};

static struct filtered_sql by_month = {
	.list_head = "SELECT DATE_FORMAT(c.submitted_at, '%Y-%m') AS month, "
	    "COUNT(*) AS n FROM complaint c ",
	.count_head = "",
	.where = "WHERE c.submitted_at >= ?",
	.filters = filters,
	.nfilters = NFILTERS,
	.list_tail = " GROUP BY month",
	.count_tail = "",
};

/* Waits as histograms by the hour: a few hundred rows, whatever the
 * number of complaints; the median is found in C. */
static struct filtered_sql accept_hours = {
	.list_head = "SELECT LEAST(GREATEST(TIMESTAMPDIFF(HOUR, "
	    "c.submitted_at, c.accepted_at), 0), " DB_NUMBER(MAX_HOURS)
	    ") AS h, "
	    "COUNT(*) AS n FROM complaint c ",
	.count_head = "",
	.where = "WHERE c.accepted_at IS NOT NULL",
	.filters = filters,
	.nfilters = NFILTERS,
	.list_tail = " GROUP BY h ORDER BY h",
	.count_tail = "",
};

static struct filtered_sql resolve_hours = {
	.list_head = "SELECT LEAST(GREATEST(TIMESTAMPDIFF(HOUR, "
	    "c.accepted_at, c.resolved_at), 0), " DB_NUMBER(MAX_HOURS)
	    ") AS h, "
	    "COUNT(*) AS n, SUM(DATE(c.resolved_at) <= c.resolve_due) AS "
	    "on_time FROM complaint c ",
	.count_head = "",
	.where = "WHERE c.resolved_at IS NOT NULL AND c.accepted_at IS NOT NULL",
	.filters = filters,
	.nfilters = NFILTERS,
	.list_tail = " GROUP BY h ORDER BY h",
	.count_tail = "",
};

static struct db_stmt year_range = DB_READ(
    "SELECT YEAR(MIN(submitted_at)) AS first, YEAR(MAX(submitted_at)) "
    "AS last FROM complaint");

/* Every status, in the order of handling. */
static const char *const statuses[] = {
	"submitted", "accepted", "rejected", "investigating", "resolved",
	"reopened",
};

#define NSTATUSES	(sizeof(statuses) / sizeof(statuses[0]))

long long
stats_median_x2(const long long *value, const long long *count, size_t n)
{
	long long	 total = 0, seen = 0, lo = -1, hi = -1;
	size_t		 i;

	for (i = 0; i < n; i++)
		total += count[i];
	if (total <= 0)
		return -1;
	/* The middle positions: (total + 1) / 2 and total / 2 + 1, from 1. */
	for (i = 0; i < n && hi < 0; i++) {
		seen += count[i];
		if (lo < 0 && seen >= (total + 1) / 2)
			lo = value[i];
		if (seen >= total / 2 + 1)
			hi = value[i];
	}
	return lo + hi;
}

long long
stats_permille(long long part, long long whole)
{
	if (whole <= 0)
		return 0;
	return (part * 1000 + whole / 2) / whole;
}

long long
stats_day_tenths(long long hours_x2)
{
	return (hours_x2 * 10 + 24) / 48;
}

/* 1 Monday ... 7 Sunday; day 0 (1970-01-01) was a Thursday. */
static int
iso_weekday(long day)
{
	return (int)(((day % 7) + 7 + 3) % 7) + 1;
}

long
iso_week_monday(long day)
{
	return day - (iso_weekday(day) - 1);
}

/* The Monday of week 1: the week holding 4 January. */
static long
week_one(int year)
{
	char	 d[32];

	snprintf(d, sizeof(d), "%04d-01-04", year);
	return iso_week_monday(date_to_days(d));
}

int
iso_week_parse(const char *s, long *monday)
{
	int	 year, week, i;
	long	 m;

	if (strlen(s) != 8 || s[4] != '-' || (s[5] != 'W' && s[5] != 'w'))
		return -1;
	for (i = 0; i < 8; i++)
		if (i != 4 && i != 5 && (s[i] < '0' || s[i] > '9'))
			return -1;
	year = atoi(s);
	week = atoi(s + 6);
	if (year < STATS_YEAR_MIN || year > STATS_YEAR_MAX || week < 1)
		return -1;
	m = week_one(year) + 7L * (week - 1);
	/* Week 53 exists only in years that have it. */
	if (m >= week_one(year + 1))
		return -1;
	*monday = m;
	return 0;
}

void
iso_week_format(long day, char out[9])
{
	long	 thursday = iso_week_monday(day) + 3;
	char	 d[11], w[32];
	int	 year, week;

	/* A week belongs to the year its Thursday is in. */
	days_to_date(thursday, d);
	year = atoi(d);
	week = (int)((thursday - week_one(year)) / 7 + 1);
	snprintf(w, sizeof(w), "%04d-W%02d", year, week);
	memcpy(out, w, 8);	/* years 1000 to 9999 fill it exactly */
	out[8] = '\0';
}

static void
copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

int
stats_list_alloc(struct stats_list *l, size_t n)
{
	l->n = 0;
	l->v = NULL;
	if (n == 0)
		return 0;
	if ((l->v = calloc(n, sizeof(*l->v))) == NULL)
		return -1;
	l->n = n;
	return 0;
}

static void
stats_list_free(struct stats_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void
stats_init(struct stats *s)
{
	memset(s, 0, sizeof(*s));
	s->accept.median_x2 = s->resolve.median_x2 = -1;
	s->accept.on_time = s->resolve.on_time = -1;
}

void
stats_free(struct stats *s)
{
	stats_list_free(&s->category);
	stats_list_free(&s->status);
	stats_list_free(&s->channel);
	stats_list_free(&s->county);
	stats_list_free(&s->month);
	stats_init(s);
}

/* The arguments of the chosen filters, after the n already in a. */
static size_t
filter_args(const struct stats_filter *f, struct db_arg *a, size_t n,
    unsigned *mask, char from[DATE_BUF], char to[DATE_BUF])
{
	*mask = 0;
	if (f->region[0] != '\0') {
		*mask |= SF_REGION;
		a[n++] = DB_TEXT(f->region);
	}
	if (f->year != 0) {
		*mask |= SF_YEAR;
		snprintf(from, DATE_BUF, "%04d-01-01", f->year);
		snprintf(to, DATE_BUF, "%04d-01-01", f->year + 1);
		a[n++] = DB_TEXT(from);
		a[n++] = DB_TEXT(to);
	}
	return n;
}

/* Runs the statement of q for the chosen filters, each row to sink. */
static enum db_status
run(struct filtered_sql *q, unsigned mask, const struct db_arg *a,
    size_t n, int (*sink)(void *, const struct db_row *), void *arg)
{
	struct db_stmt	*s;

	if ((s = filtered_list(q, mask)) == NULL)
		return DB_ERROR;
	return db_query_each(s, a, n, sink, arg);
}

static struct stats_count *
find_count(struct stats_list *l, const char *code)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].code, code) == 0)
			return &l->v[i];
	return NULL;
}

enum db_status
stats_categories(struct stats_list *l)
{
	struct arena		 a = { 0 };
	struct arena_list	 categories;
	enum domain_status	 ds;
	size_t			 i;

	l->v = NULL;
	l->n = 0;
	/* The categories as complaints name them (complaint.c), counts 0. */
	if ((ds = complaint_categories(&a, &categories)) != DOMAIN_OK) {
		arena_free(&a);
		return ds == DOMAIN_UNAVAILABLE ? DB_DOWN : DB_ERROR;
	}
	if (stats_list_alloc(l, categories.n) == -1) {
		arena_free(&a);
		return DB_ERROR;
	}
	for (i = 0; i < categories.n; i++) {
		copy(l->v[i].code, sizeof(l->v[i].code),
		    complaint_category_at(&categories, i)->code);
		copy(l->v[i].name, sizeof(l->v[i].name),
		    complaint_category_at(&categories, i)->name);
	}
	arena_free(&a);
	return DB_OK;
}

/* A count by category, status and channel, added to the three lists and
 * the total. */
static int
add_count(void *arg, const struct db_row *r)
{
	struct stats		*s = arg;
	struct stats_count	*target;
	long long		 n = db_int(r, "n");

	s->total += n;
	s->demo += db_int(r, "demo");
	if ((target = find_count(&s->category, db_text(r, "category"))) !=
	    NULL)
		target->n += n;
	if ((target = find_count(&s->status, db_text(r, "status"))) != NULL)
		target->n += n;
	if ((target = find_count(&s->channel, db_text(r, "channel"))) != NULL)
		target->n += n;
	return 0;
}

/* Every category, status and channel with its count, and the total. */
static enum db_status
load_counts(struct stats *s, unsigned mask, const struct db_arg *a,
    size_t na)
{
	enum db_status		 st;
	size_t			 i;

	if ((st = stats_categories(&s->category)) != DB_OK)
		return st;
	if (stats_list_alloc(&s->status, NSTATUSES) == -1)
		return DB_ERROR;
	for (i = 0; i < NSTATUSES; i++) {
		copy(s->status.v[i].code, sizeof(s->status.v[i].code),
		    statuses[i]);
		copy(s->status.v[i].name, sizeof(s->status.v[i].name),
		    complaint_status_name(statuses[i]));
	}
	if (stats_list_alloc(&s->channel, CHANNEL_COUNT) == -1)
		return DB_ERROR;
	for (i = 0; i < CHANNEL_COUNT; i++) {
		copy(s->channel.v[i].code, sizeof(s->channel.v[i].code),
		    complaint_channel_at(i));
		copy(s->channel.v[i].name, sizeof(s->channel.v[i].name),
		    complaint_channel_name(complaint_channel_at(i)));
	}
	return run(&by_category_status, mask, a, na, add_count, s);
}

/* A county's count into the next of the counts allocated for them. */
static int
add_county(void *arg, const struct db_row *r)
{
	struct stats_list	*l = arg;
	struct stats_count	*c;

	/* The statement stops at STATS_TOP_COUNTIES. */
	if (l->n == STATS_TOP_COUNTIES)
		return -1;
	c = &l->v[l->n++];
	copy(c->code, sizeof(c->code), db_text(r, "code"));
	copy(c->name, sizeof(c->name), db_text(r, "name"));
	copy(c->area, sizeof(c->area), db_text(r, "area"));
	c->n = db_int(r, "n");
	return 0;
}

static enum db_status
load_counties(struct stats *s, unsigned mask, const struct db_arg *a,
    size_t na)
{
	struct stats_list	*l = &s->county;

	if (stats_list_alloc(l, STATS_TOP_COUNTIES) == -1)
		return DB_ERROR;
	l->n = 0;
	return run(&by_county, mask, a, na, add_county, l);
}

/* The last month with a complaint, YYYY-MM ("" when none), from the
 * first row. */
static int
read_last_month(void *arg, const struct db_row *r)
{
	char	*last = arg;

	if (last[0] == '\0')
		copy(last, DATE_BUF, db_text(r, "month"));
	return 0;
}

/* A month's count into the month of the list with its code. */
static int
add_month(void *arg, const struct db_row *r)
{
	struct stats_count	*c;

	if ((c = find_count(arg, db_text(r, "month"))) != NULL)
		c->n = db_int(r, "n");
	return 0;
}

/* The months up to the last one with a complaint, with those that had
 * none as 0; within the chosen year when there is one. */
static enum db_status
load_months(struct stats *s, const struct stats_filter *f)
{
	struct stats_count	*c;
	struct db_arg		 a[4];
	char			 from[DATE_BUF], to[DATE_BUF], start[DATE_BUF];
	char			 last[DATE_BUF] = "";
	unsigned		 mask;
	size_t			 na;
	enum db_status		 st;
	int			 y, m, first, end, i;

	na = filter_args(f, a, 0, &mask, from, to);
	if ((st = run(&last_month, mask, a, na, read_last_month, last)) !=
	    DB_OK)
		return st;
	if (sscanf(last, "%4d-%2d", &y, &m) != 2)
		return DB_OK;	/* no complaints */
	end = y * 12 + m - 1;
	first = end - (STATS_MONTHS - 1);
	if (f->year != 0 && first < f->year * 12)
		first = f->year * 12;
	snprintf(start, sizeof(start), "%04d-%02d-01", first / 12,
	    first % 12 + 1);
	if (stats_list_alloc(&s->month, (size_t)(end - first + 1)) == -1)
		return DB_ERROR;
	for (i = first, c = s->month.v; i <= end; i++, c++) {
		snprintf(c->code, sizeof(c->code), "%04d-%02d", i / 12,
		    i % 12 + 1);
		copy(c->name, sizeof(c->name), c->code);
	}
	a[0] = DB_TEXT(start);
	na = filter_args(f, a, 1, &mask, from, to);
	return run(&by_month, mask, a, na, add_month, &s->month);
}

/* A histogram of hours as it is read: value[i] hours, count[i] times. */
struct hours {
	struct arena		 arena;
	struct arena_list	 value, count;	/* of long long */
	struct stats_wait	*w;
};

/* One bar of the histogram; the on-time count when the row has one. */
static int
add_hours(void *arg, const struct db_row *r)
{
	struct hours	*h = arg;
	struct stats_wait *w = h->w;
	long long	*value, *count;

	if ((value = arena_push(&h->arena, &h->value, sizeof(*value))) ==
	    NULL ||
	    (count = arena_push(&h->arena, &h->count, sizeof(*count))) == NULL)
		return -1;
	*value = db_int(r, "h");
	*count = db_int(r, "n");
	w->count += *count;
	if (db_col(r, "on_time") != NULL)
		w->on_time = (w->on_time < 0 ? 0 : w->on_time) +
		    db_int(r, "on_time");
	return 0;
}

/* The wait of a histogram of hours: its count and median, and the
 * on-time count when the rows have one. */
static enum db_status
wait_of(struct stats_wait *w, struct filtered_sql *q, unsigned mask,
    const struct db_arg *a, size_t na)
{
	struct hours	 h = { .w = w };
	enum db_status	 st;

	w->count = 0;
	w->on_time = -1;
	if ((st = run(q, mask, a, na, add_hours, &h)) == DB_OK)
		w->median_x2 = stats_median_x2(h.value.item, h.count.item,
		    h.value.n);
	arena_free(&h.arena);
	return st;
}

static enum db_status
load_waits(struct stats *s, unsigned mask, const struct db_arg *a,
    size_t na)
{
	enum db_status	 st;

	if ((st = wait_of(&s->accept, &accept_hours, mask, a, na)) != DB_OK)
		return st;
	return wait_of(&s->resolve, &resolve_hours, mask, a, na);
}

enum db_status
stats_load(struct stats *s, const struct stats_filter *f)
{
	struct db_arg	 a[4];
	char		 from[DATE_BUF], to[DATE_BUF];
	unsigned	 mask;
	size_t		 na;
	enum db_status	 st;

	stats_init(s);
	na = filter_args(f, a, 0, &mask, from, to);
	if ((st = load_counts(s, mask, a, na)) != DB_OK ||
	    (st = load_counties(s, mask, a, na)) != DB_OK ||
	    (st = load_months(s, f)) != DB_OK ||
	    (st = load_waits(s, mask, a, na)) != DB_OK)
		return st;
	return DB_OK;
}

/* The first and last years, 0 for NULL (no complaints). */
static int
read_years(void *arg, const struct db_row *r)
{
	int	*years = arg;

	years[0] = (int)db_int(r, "first");
	years[1] = (int)db_int(r, "last");
	return 0;
}

enum domain_status
stats_years(int *first, int *last)
{
	int		 years[2] = { 0, 0 };
	enum db_status	 st;

	st = db_query_each(&year_range, NULL, 0, read_years, years);
	*first = years[0];
	*last = years[1];
	return domain_of_db(st);
}
