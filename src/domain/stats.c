/* Complaint statistics and the weekly report: aggregates in SQL over
 * the complaint indexes, medians and chart geometry in C. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/complaint.h"
#include "db/filtered.h"
#include "domain/stats.h"
#include "web/view.h"
#include "domain/workday.h"

#define STR(x)	#x
#define XSTR(x)	STR(x)

/* Chart geometry, in SVG units: a label ending at LABEL_END, the bar
 * from BAR_X, the number after it; one row every ROW_PITCH. */
#define ROW_PITCH	22
#define BAR_HEIGHT	16
#define LABEL_END	155
#define BAR_X		160
#define MAX_HOURS	9999	/* longer waits count as this (over a year) */
#define DATE_BUF	32	/* room for any int as a year */

enum { SF_REGION = 1, SF_YEAR = 2 };

static const struct sql_fragment filters[] = {
	{ SF_REGION, " AND c.outlet_region LIKE CONCAT(?, '%')" },
	{ SF_YEAR, " AND c.submitted_at >= ? AND c.submitted_at < ?" },
};

#define NFILTERS	(sizeof(filters) / sizeof(filters[0]))

/* Category and status together: one pass instead of two. */
static struct filtered_sql by_category_status = {
	.list_head = "SELECT c.category, c.status, COUNT(*) AS n, "
	    "SUM(c.is_demo) AS demo FROM complaint c ",
	.count_head = "",
	.where = "WHERE 1 = 1",
	.filters = filters,
	.nfilters = NFILTERS,
	.list_tail = " GROUP BY c.category, c.status ORDER BY NULL",
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
	    "ORDER BY n DESC, county LIMIT " XSTR(STATS_TOP_COUNTIES) ") t "
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
	    "c.submitted_at, c.accepted_at), 0), " XSTR(MAX_HOURS) ") AS h, "
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
	    "c.accepted_at, c.resolved_at), 0), " XSTR(MAX_HOURS) ") AS h, "
	    "COUNT(*) AS n, SUM(DATE(c.resolved_at) <= c.resolve_due) AS "
	    "on_time FROM complaint c ",
	.count_head = "",
	.where = "WHERE c.resolved_at IS NOT NULL AND c.accepted_at IS NOT NULL",
	.filters = filters,
	.nfilters = NFILTERS,
	.list_tail = " GROUP BY h ORDER BY h",
	.count_tail = "",
};

static struct db_stmt category_list = DB_READ(
    "SELECT code, name FROM complaint_category ORDER BY sort_order, code");

static struct db_stmt year_range = DB_READ(
    "SELECT YEAR(MIN(submitted_at)) AS first, YEAR(MAX(submitted_at)) "
    "AS last FROM complaint");

/* One week: [start, end) as dates; a due date before the next Monday
 * had passed when the week ended. Grouped by status too, so that the
 * optimizer reads the week's range of an index instead of walking the
 * whole category index in order; the statuses are added up in C. The
 * region condition is left out for the whole country: LIKE '%' would
 * not narrow anything and hides the better plans. */
#define WEEKLY_SQL(REGION) \
    "SELECT 'received' AS k, c.category, c.status, COUNT(*) AS n " \
    "FROM complaint c WHERE c.submitted_at >= ? AND c.submitted_at < ?" \
    REGION " GROUP BY c.category, c.status " \
    "UNION ALL SELECT 'accepted', c.category, c.status, COUNT(*) " \
    "FROM complaint c WHERE c.accepted_at >= ? AND c.accepted_at < ?" \
    REGION " GROUP BY c.category, c.status " \
    /* A rejection closes the complaint: its time is kept in resolved_at. */ \
    "UNION ALL SELECT 'rejected', c.category, c.status, COUNT(*) " \
    "FROM complaint c WHERE c.resolved_at >= ? AND c.resolved_at < ? " \
    "AND c.status = 'rejected'" REGION " GROUP BY c.category, c.status " \
    "UNION ALL SELECT 'resolved', c.category, c.status, COUNT(*) " \
    "FROM complaint c WHERE c.resolved_at >= ? AND c.resolved_at < ? " \
    "AND c.accepted_at IS NOT NULL" REGION \
    " GROUP BY c.category, c.status " \
    /* As the week ended: past due, and not done by then. */ \
    "UNION ALL SELECT 'overdue', c.category, c.status, COUNT(*) " \
    "FROM complaint c WHERE c.submitted_at < ? AND (" \
    "(c.accept_due < ? AND (c.accepted_at >= ? OR (c.accepted_at IS NULL " \
    "AND (c.resolved_at IS NULL OR c.resolved_at >= ?)))) OR " \
    "(c.accepted_at < ? AND c.resolve_due < ? AND (c.resolved_at IS NULL " \
    "OR c.resolved_at >= ?)))" REGION " GROUP BY c.category, c.status"

static struct db_stmt weekly_all = DB_READ(WEEKLY_SQL(""));
static struct db_stmt weekly_region = DB_READ(WEEKLY_SQL(
    " AND c.outlet_region LIKE CONCAT(?, '%')"));

/* Registrations from the outlet, suspensions and cancellations from
 * its status history: each one that took effect in the week, even when
 * the status changed again since. */
static struct db_stmt weekly_outlets = DB_READ(
    "SELECT (SELECT COUNT(*) FROM outlet o WHERE o.region_code LIKE "
    "CONCAT(?, '%') AND o.registered_on >= ? AND o.registered_on < ?) "
    "AS registered, "
    "(SELECT COUNT(DISTINCT h.outlet_id) FROM outlet_status_history h "
    "JOIN outlet o ON o.id = h.outlet_id WHERE o.region_code LIKE "
    "CONCAT(?, '%') AND h.status = 'suspended' AND h.effective_on >= ? "
    "AND h.effective_on < ?) AS suspended, "
    "(SELECT COUNT(DISTINCT h.outlet_id) FROM outlet_status_history h "
    "JOIN outlet o ON o.id = h.outlet_id WHERE o.region_code LIKE "
    "CONCAT(?, '%') AND h.status = 'cancelled' AND h.effective_on >= ? "
    "AND h.effective_on < ?) AS cancelled");

/* Every status, in the order of handling. */
static const char *const statuses[] = {
	"submitted", "accepted", "rejected", "investigating", "resolved",
	"reopened",
};

#define NSTATUSES	(sizeof(statuses) / sizeof(statuses[0]))

static const char *const weekly_counts[] = {
	"received", "accepted", "rejected", "resolved", "overdue",
};

#define NWEEKLY		(sizeof(weekly_counts) / sizeof(weekly_counts[0]))

int
stats_bar(long long n, long long max)
{
	long long	 w;

	if (n <= 0 || max <= 0)
		return 0;
	w = n * STATS_BAR_MAX / max;
	return w < 1 ? 1 : w > STATS_BAR_MAX ? STATS_BAR_MAX : (int)w;
}

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

static const char *
key(char *buf, size_t size, const char *prefix, const char *rest)
{
	snprintf(buf, size, "%s.%s", prefix, rest);
	return buf;
}

static long long
hget(HDF *hdf, const char *name)
{
	return atoll(hdf_get_value(hdf, name, "0"));
}

/* A label that fits the chart: at most STATS_LABEL_CHARS characters,
 * the last one an ellipsis when the text is longer. */
static void
set_label(HDF *row, const char *text)
{
	char	 cut[STATS_LABEL_CHARS * 4 + 4];
	size_t	 i, chars = 0, keep = 0;

	for (i = 0; text[i] != '\0'; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80 &&
		    ++chars == STATS_LABEL_CHARS)
			keep = i;	/* where the last character starts */
	if (chars <= STATS_LABEL_CHARS || keep + 4 > sizeof(cut)) {
		hset(row, "label", text);
		return;
	}
	memcpy(cut, text, keep);
	memcpy(cut + keep, "\xE2\x80\xA6", 4);
	hset(row, "label", cut);
}

/* Bar widths and positions once every row has its n and label. */
static void
chart_finish(HDF *hdf, const char *chart)
{
	HDF		*row;
	char		 name[192];
	long long	 max = 0, n;
	int		 i = 0, w;

	snprintf(name, sizeof(name), "%s.rows", chart);
	for (row = hdf_get_child(hdf, name); row != NULL;
	    row = hdf_obj_next(row))
		if ((n = hget(row, "n")) > max)
			max = n;
	for (row = hdf_get_child(hdf, name); row != NULL;
	    row = hdf_obj_next(row), i++) {
		w = stats_bar(hget(row, "n"), max);
		hseti(row, "w", w);
		hseti(row, "y", 4 + i * ROW_PITCH);
		hseti(row, "ty", 4 + i * ROW_PITCH + BAR_HEIGHT - 3);
		hseti(row, "tx", BAR_X + w + 6);
	}
	snprintf(name, sizeof(name), "%s.height", chart);
	hseti(hdf, name, 8 + i * ROW_PITCH);
	snprintf(name, sizeof(name), "%s.max", chart);
	hseti(hdf, name, max);
}

/* A scratch tree for rows that are folded into the page data. */
static HDF *
scratch(void)
{
	HDF	*h = NULL;
	NEOERR	*err;

	if ((err = hdf_init(&h)) != STATUS_OK) {
		nerr_ignore(&err);
		return NULL;
	}
	return h;
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

static enum db_status
run(struct filtered_sql *q, unsigned mask, const struct db_arg *a,
    size_t n, HDF *hdf, const char *prefix, long *rows)
{
	struct db_stmt	*s;

	if ((s = filtered_list(q, mask)) == NULL)
		return DB_ERROR;
	return db_query(s, a, n, hdf, prefix, rows);
}

/* The node name, created; NULL when memory runs out. */
static HDF *
new_row(HDF *hdf, const char *name)
{
	HDF	*row = NULL;
	NEOERR	*err;

	if ((err = hdf_get_node(hdf, name, &row)) != STATUS_OK) {
		nerr_ignore(&err);
		return NULL;
	}
	return row;
}

static HDF *
find_row(HDF *hdf, const char *rows, const char *code)
{
	HDF	*row;

	for (row = hdf_get_child(hdf, rows); row != NULL;
	    row = hdf_obj_next(row))
		if (strcmp(hdf_get_value(row, "code", ""), code) == 0)
			return row;
	return NULL;
}

static enum db_status
load_counts(HDF *hdf, const char *prefix, unsigned mask,
    const struct db_arg *a, size_t na)
{
	char		 cats[128], name[160];
	HDF		*tmp, *row, *target;
	long long	 total = 0, demo = 0, n;
	enum db_status	 st;
	size_t		 i;
	long		 nrows;

	key(cats, sizeof(cats), prefix, "category.rows");
	if ((st = db_query(&category_list, NULL, 0, hdf, cats, &nrows)) !=
	    DB_OK)
		return st;
	for (row = hdf_get_child(hdf, cats); row != NULL;
	    row = hdf_obj_next(row)) {
		set_label(row, hdf_get_value(row, "name", ""));
		hseti(row, "n", 0);
	}
	for (i = 0; i < NSTATUSES; i++) {
		snprintf(name, sizeof(name), "%s.status.rows.%zu", prefix, i);
		if ((row = new_row(hdf, name)) == NULL)
			return DB_ERROR;
		hset(row, "code", statuses[i]);
		hset(row, "name", complaint_status_name(statuses[i]));
		hset(row, "label", complaint_status_name(statuses[i]));
		hseti(row, "n", 0);
	}
	if ((tmp = scratch()) == NULL)
		return DB_ERROR;
	if ((st = run(&by_category_status, mask, a, na, tmp, "r", &nrows)) !=
	    DB_OK)
		goto out;
	key(name, sizeof(name), prefix, "status.rows");
	for (row = hdf_get_child(tmp, "r"); row != NULL;
	    row = hdf_obj_next(row)) {
		n = hget(row, "n");
		total += n;
		demo += hget(row, "demo");
		if ((target = find_row(hdf, cats,
		    hdf_get_value(row, "category", ""))) != NULL)
			hseti(target, "n", hget(target, "n") + n);
		if ((target = find_row(hdf, name,
		    hdf_get_value(row, "status", ""))) != NULL)
			hseti(target, "n", hget(target, "n") + n);
	}
	hseti(hdf, key(name, sizeof(name), prefix, "total"), total);
	hseti(hdf, key(name, sizeof(name), prefix, "demo"), demo);
out:
	hdf_destroy(&tmp);
	return st;
}

static enum db_status
load_counties(HDF *hdf, const char *prefix, unsigned mask,
    const struct db_arg *a, size_t na)
{
	char		 rows[128];
	HDF		*row;
	enum db_status	 st;
	long		 n;

	key(rows, sizeof(rows), prefix, "county.rows");
	if ((st = run(&by_county, mask, a, na, hdf, rows, &n)) != DB_OK)
		return st;
	for (row = hdf_get_child(hdf, rows); row != NULL;
	    row = hdf_obj_next(row))
		set_label(row, hdf_get_value(row, "name", ""));
	return DB_OK;
}

/* The months up to the last one with a complaint, with those that had
 * none shown as 0; within the chosen year when there is one. */
static enum db_status
load_months(HDF *hdf, const char *prefix, const struct stats_filter *f)
{
	struct db_arg	 a[4];
	char		 from[DATE_BUF], to[DATE_BUF], start[DATE_BUF], name[160];
	char		 month[DATE_BUF];
	const char	*last;
	unsigned	 mask;
	size_t		 na;
	HDF		*tmp, *row;
	enum db_status	 st;
	long long	 count;
	long		 n;
	int		 y, m, first, end, i, k = 0;

	na = filter_args(f, a, 0, &mask, from, to);
	if ((tmp = scratch()) == NULL)
		return DB_ERROR;
	if ((st = run(&last_month, mask, a, na, tmp, "last", &n)) != DB_OK)
		goto out;
	last = hdf_get_value(tmp, "last.0.month", NULL);
	if (last == NULL || sscanf(last, "%4d-%2d", &y, &m) != 2)
		goto out;	/* no complaints */
	end = y * 12 + m - 1;
	first = end - (STATS_MONTHS - 1);
	if (f->year != 0 && first < f->year * 12)
		first = f->year * 12;
	snprintf(start, sizeof(start), "%04d-%02d-01", first / 12,
	    first % 12 + 1);
	a[0] = DB_TEXT(start);
	na = filter_args(f, a, 1, &mask, from, to);
	if ((st = run(&by_month, mask, a, na, tmp, "m", &n)) != DB_OK)
		goto out;
	for (i = first; i <= end; i++, k++) {
		snprintf(month, sizeof(month), "%04d-%02d", i / 12,
		    i % 12 + 1);
		count = 0;
		for (row = hdf_get_child(tmp, "m"); row != NULL;
		    row = hdf_obj_next(row))
			if (strcmp(hdf_get_value(row, "month", ""), month) == 0)
				count = hget(row, "n");
		snprintf(name, sizeof(name), "%s.month.rows.%d", prefix, k);
		if ((row = new_row(hdf, name)) == NULL) {
			st = DB_ERROR;
			goto out;
		}
		hset(row, "code", month);
		hset(row, "name", month);
		hset(row, "label", month);
		hseti(row, "n", count);
	}
out:
	hdf_destroy(&tmp);
	return st;
}

/* Days with one decimal from twice a number of hours. */
static void
set_days(HDF *hdf, const char *name, long long hours_x2)
{
	long long	 tenths = (hours_x2 * 10 + 24) / 48;

	hsetf(hdf, name, "%lld.%lld", tenths / 10, tenths % 10);
}

/* The median of a histogram of hours under tmp.h, with its count; the
 * on-time count and share too when the rows have on_time. */
static enum db_status
median_of(HDF *hdf, const char *prefix, const char *what, HDF *tmp)
{
	long long	*value, *count, total = 0, on_time = 0, x2, pm;
	char		 name[160];
	size_t		 n = 0, i;
	HDF		*row;
	int		 has_on_time = 0;

	for (row = hdf_get_child(tmp, "h"); row != NULL;
	    row = hdf_obj_next(row))
		n++;
	value = calloc(n + 1, sizeof(*value));
	count = calloc(n + 1, sizeof(*count));
	if (value == NULL || count == NULL) {
		free(value);
		free(count);
		return DB_ERROR;
	}
	for (i = 0, row = hdf_get_child(tmp, "h"); row != NULL;
	    row = hdf_obj_next(row), i++) {
		value[i] = hget(row, "h");
		count[i] = hget(row, "n");
		total += count[i];
		if (hdf_get_value(row, "on_time", NULL) != NULL) {
			has_on_time = 1;
			on_time += hget(row, "on_time");
		}
	}
	snprintf(name, sizeof(name), "%s.%s.count", prefix, what);
	hseti(hdf, name, total);
	if ((x2 = stats_median_x2(value, count, n)) >= 0) {
		snprintf(name, sizeof(name), "%s.%s.median_days", prefix, what);
		set_days(hdf, name, x2);
	}
	if (has_on_time) {
		snprintf(name, sizeof(name), "%s.%s.on_time", prefix, what);
		hseti(hdf, name, on_time);
		pm = stats_permille(on_time, total);
		snprintf(name, sizeof(name), "%s.%s.share", prefix, what);
		hsetf(hdf, name, "%lld.%lld", pm / 10, pm % 10);
	}
	free(value);
	free(count);
	return DB_OK;
}

static enum db_status
load_medians(HDF *hdf, const char *prefix, unsigned mask,
    const struct db_arg *a, size_t na)
{
	HDF		*tmp;
	enum db_status	 st;
	long		 n;

	if ((tmp = scratch()) == NULL)
		return DB_ERROR;
	if ((st = run(&accept_hours, mask, a, na, tmp, "h", &n)) != DB_OK ||
	    (st = median_of(hdf, prefix, "accept", tmp)) != DB_OK)
		goto out;
	nerr_ignore_ok(hdf_remove_tree(tmp, "h"));
	if ((st = run(&resolve_hours, mask, a, na, tmp, "h", &n)) != DB_OK)
		goto out;
	st = median_of(hdf, prefix, "resolve", tmp);
out:
	hdf_destroy(&tmp);
	return st;
}

enum db_status
stats_load(HDF *hdf, const struct stats_filter *f, const char *prefix)
{
	static const char *const charts[] = {
		"category", "status", "county", "month",
	};
	struct db_arg	 a[4];
	char		 from[DATE_BUF], to[DATE_BUF], name[160];
	unsigned	 mask;
	size_t		 na, i;
	enum db_status	 st;

	na = filter_args(f, a, 0, &mask, from, to);
	if ((st = load_counts(hdf, prefix, mask, a, na)) != DB_OK ||
	    (st = load_counties(hdf, prefix, mask, a, na)) != DB_OK ||
	    (st = load_months(hdf, prefix, f)) != DB_OK ||
	    (st = load_medians(hdf, prefix, mask, a, na)) != DB_OK)
		return st;
	for (i = 0; i < sizeof(charts) / sizeof(charts[0]); i++)
		chart_finish(hdf, key(name, sizeof(name), prefix, charts[i]));
	return DB_OK;
}

enum db_status
stats_years(int *first, int *last)
{
	HDF		*tmp;
	enum db_status	 st;
	int		 found;

	*first = *last = 0;
	if ((tmp = scratch()) == NULL)
		return DB_ERROR;
	if ((st = db_query_row(&year_range, NULL, 0, tmp, "y", &found)) ==
	    DB_OK) {
		*first = hdf_get_int_value(tmp, "y.first", 0);
		*last = hdf_get_int_value(tmp, "y.last", 0);
	}
	hdf_destroy(&tmp);
	return st;
}

enum db_status
stats_weekly(HDF *hdf, const char *region, long monday, const char *prefix)
{
	char		 start[11], end[11], rows[128], name[160];
	struct db_arg	 a[26], o[9];
	long long	 total[NWEEKLY] = { 0 }, n;
	HDF		*tmp = NULL, *row, *target;
	enum db_status	 st;
	size_t		 i, k = 0;
	long		 nrows;
	int		 found;

	days_to_date(monday, start);
	days_to_date(monday + 7, end);
	key(rows, sizeof(rows), prefix, "rows");
	if ((st = db_query(&category_list, NULL, 0, hdf, rows, &nrows)) !=
	    DB_OK)
		return st;
	for (row = hdf_get_child(hdf, rows); row != NULL;
	    row = hdf_obj_next(row))
		for (i = 0; i < NWEEKLY; i++)
			hseti(row, weekly_counts[i], 0);
	/* received, accepted, rejected, resolved: start, end (, region). */
	for (i = 0; i < 4; i++) {
		a[k++] = DB_TEXT(start);
		a[k++] = DB_TEXT(end);
		if (region[0] != '\0')
			a[k++] = DB_TEXT(region);
	}
	/* overdue: every bound is the week's end (, region). */
	for (i = 0; i < 7; i++)
		a[k++] = DB_TEXT(end);
	if (region[0] != '\0')
		a[k++] = DB_TEXT(region);
	if ((tmp = scratch()) == NULL)
		return DB_ERROR;
	if ((st = db_query(region[0] != '\0' ? &weekly_region : &weekly_all,
	    a, k, tmp, "w", &nrows)) != DB_OK)
		goto out;
	for (row = hdf_get_child(tmp, "w"); row != NULL;
	    row = hdf_obj_next(row)) {
		const char *what = hdf_get_value(row, "k", "");

		n = hget(row, "n");
		for (i = 0; i < NWEEKLY; i++)
			if (strcmp(weekly_counts[i], what) == 0)
				break;
		if (i == NWEEKLY)
			continue;
		total[i] += n;
		if ((target = find_row(hdf, rows,
		    hdf_get_value(row, "category", ""))) != NULL)
			hseti(target, what, hget(target, what) + n);
	}
	for (i = 0; i < NWEEKLY; i++) {
		snprintf(name, sizeof(name), "%s.total.%s", prefix,
		    weekly_counts[i]);
		hseti(hdf, name, total[i]);
	}
	for (i = 0; i < 3; i++) {
		o[3 * i] = DB_TEXT(region);
		o[3 * i + 1] = DB_TEXT(start);
		o[3 * i + 2] = DB_TEXT(end);
	}
	st = db_query_row(&weekly_outlets, o, DB_NARGS(o), hdf,
	    key(name, sizeof(name), prefix, "outlets"), &found);
out:
	hdf_destroy(&tmp);
	return st;
}

/*
 * The country's and provinces' numbers, and any others slow to count, are
 * shared through stats_snapshot (sql/022) and shown to everyone from
 * there; the former are counted by one worker at a time, under a lock
 * named after the database and the filter.
 */
#define LOCK_NAME "CONCAT('stats.', MD5(CONCAT_WS('.', DATABASE(), ?, ?)))"

static struct db_stmt snapshot_get = DB_READ(
    "SELECT data, DATE_FORMAT(computed_at, '%Y-%m-%d %H:%i') AS computed_at, "
    "computed_at < NOW() - INTERVAL " XSTR(STATS_CACHE_SECONDS) " SECOND "
    "AS stale FROM stats_snapshot WHERE region = ? AND year = ?");

static struct db_stmt snapshot_put = DB_WRITE(
    "INSERT INTO stats_snapshot (region, year, computed_at, data) "
    "VALUES (?, ?, NOW(), ?) ON DUPLICATE KEY UPDATE "
    "computed_at = VALUES(computed_at), data = VALUES(data)");

static struct db_stmt snapshot_drop = DB_WRITE(
    "DELETE FROM stats_snapshot WHERE region = ? AND year = ?");

static struct db_stmt lock_take = DB_READ(
    "SELECT COALESCE(GET_LOCK(" LOCK_NAME ", ?), 0) AS got");

static struct db_stmt lock_release = DB_READ(
    "SELECT RELEASE_LOCK(" LOCK_NAME ") AS released");

static long
elapsed_ms(const struct timespec *from)
{
	struct timespec	 now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - from->tv_sec) * 1000L +
	    (now.tv_nsec - from->tv_nsec) / 1000000L;
}

static void
unlock_filter(const struct stats_filter *f)
{
	struct db_arg	 a[] = { DB_TEXT(f->region), DB_INT(f->year) };
	long long	 ignored;

	(void)db_query_int(&lock_release, a, DB_NARGS(a), &ignored);
}

/* *got: 1 when this connection now holds the filter's lock. */
static enum db_status
lock_filter(const struct stats_filter *f, int wait_seconds, int *got)
{
	struct db_arg	 a[] = { DB_TEXT(f->region), DB_INT(f->year),
	    DB_INT(wait_seconds) };
	long long	 v = 0;
	enum db_status	 st;

	st = db_query_int(&lock_take, a, DB_NARGS(a), &v);
	*got = st == DB_OK && v == 1;
	/* Taken or not, the answer was lost: let go in case. */
	if (st != DB_OK)
		unlock_filter(f);
	return st;
}

/* The country's and a province's numbers are always kept: they are the
 * slow ones as the complaints grow, and counted one worker at a time. */
static int
always_kept(const struct stats_filter *f)
{
	return strlen(f->region) <= STATS_LOCK_REGION_MAX;
}

/* The filter's kept numbers under root's "s", with s.computed_at: *kept
 * says whether a row is there, *found whether its numbers could be read,
 * *stale whether they are old. */
static enum db_status
snapshot_read(HDF *root, const struct stats_filter *f, int *kept, int *found,
    int *stale)
{
	struct db_arg	 a[] = { DB_TEXT(f->region), DB_INT(f->year) };
	enum db_status	 st;
	NEOERR		*err;
	HDF		*s = NULL;

	*found = *stale = 0;
	if ((st = db_query_row(&snapshot_get, a, DB_NARGS(a), root, "k",
	    kept)) != DB_OK || !*kept)
		return st;
	if ((err = hdf_get_node(root, "s", &s)) == STATUS_OK)
		err = hdf_read_string(s, hdf_get_value(root, "k.data", ""));
	if (err != STATUS_OK) {
		/* Unreadable: counted again, as if there were none. */
		nerr_ignore(&err);
		nerr_ignore_ok(hdf_remove_tree(root, "s"));
		return DB_OK;
	}
	*found = 1;
	*stale = hget(root, "k.stale") != 0;
	hset(root, "s.computed_at", hdf_get_value(root, "k.computed_at", ""));
	return DB_OK;
}

/* Counts the filter's numbers under root's "s" and keeps them when they
 * were slow to count; forgets kept ones that have become quick. Numbers
 * counted are shown even when they could not be kept. */
static enum db_status
count_and_keep(HDF *root, const struct stats_filter *f, int kept)
{
	struct db_arg	 a[3] = { DB_TEXT(f->region), DB_INT(f->year) };
	struct timespec	 start;
	enum db_status	 st;
	NEOERR		*err;
	time_t		 now = time(NULL);
	struct tm	 tm;
	char		 at[20], *text = NULL;

	clock_gettime(CLOCK_MONOTONIC, &start);
	if ((st = stats_load(root, f, "s")) != DB_OK)
		return st;
	localtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%d %H:%M", &tm);
	hset(root, "s.computed_at", at);
	if (!always_kept(f) && elapsed_ms(&start) < STATS_CACHE_SLOW_MS) {
		if (kept)
			(void)db_exec(&snapshot_drop, a, 2, NULL, NULL);
		return DB_OK;
	}
	if ((err = hdf_write_string(hdf_get_obj(root, "s"), &text)) !=
	    STATUS_OK) {
		nerr_ignore(&err);
		return DB_OK;
	}
	a[2] = DB_TEXT(text);
	(void)db_exec(&snapshot_put, a, DB_NARGS(a), NULL, NULL);
	free(text);
	return DB_OK;
}

enum db_status
stats_load_shared(HDF *hdf, const struct stats_filter *f, const char *prefix,
    int *stale, int *busy)
{
	enum db_status	 st;
	NEOERR		*err;
	HDF		*root;
	int		 kept, found, got;

	*stale = *busy = 0;
	if ((root = scratch()) == NULL)
		return DB_ERROR;
	if ((st = snapshot_read(root, f, &kept, &found, stale)) != DB_OK)
		goto out;
	if (!found && !always_kept(f))
		st = count_and_keep(root, f, kept);
	else if (!found) {
		/* Not counted twice at once. */
		if ((st = lock_filter(f, STATS_LOCK_WAIT, &got)) != DB_OK)
			goto out;
		if (!got) {
			*busy = 1;
			goto out;
		}
		st = snapshot_read(root, f, &kept, &found, stale);
		if (st == DB_OK && !found)
			st = count_and_keep(root, f, kept);
		unlock_filter(f);
	}
	if (st != DB_OK)
		goto out;
	if ((err = hdf_copy(hdf, prefix, hdf_get_obj(root, "s"))) !=
	    STATUS_OK) {
		nerr_ignore(&err);
		st = DB_ERROR;
	}
out:
	hdf_destroy(&root);
	return st;
}

void
stats_refresh(const struct stats_filter *f)
{
	HDF	*root;
	int	 kept, found, stale, got;

	if ((root = scratch()) == NULL)
		return;
	/* Another worker counting them already: nothing to do. */
	if (lock_filter(f, 0, &got) == DB_OK && got) {
		if (snapshot_read(root, f, &kept, &found, &stale) == DB_OK &&
		    kept && (stale || !found)) {
			hdf_destroy(&root);
			if ((root = scratch()) != NULL)
				(void)count_and_keep(root, f, kept);
		}
		unlock_filter(f);
	}
	hdf_destroy(&root);
}
