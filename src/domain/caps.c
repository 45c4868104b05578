/* Caps and rates with effective dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/caps.h"
#include "base/money.h"
#include "web/view.h"

static struct db_stmt caps_on_date = DB_READ(
    "SELECT c.code, c.name, cc.cap_fen, "
    "DATE_FORMAT(cc.effective_from, '%Y-%m-%d') AS effective_from "
    "FROM category c JOIN category_cap cc ON cc.category_code = c.code "
    "AND cc.withdrawn_at IS NULL "
    "AND cc.effective_from = (SELECT MAX(x.effective_from) "
    "FROM category_cap x WHERE x.category_code = c.code "
    "AND x.withdrawn_at IS NULL AND x.effective_from <= ?) "
    "WHERE c.code = COALESCE(?, c.code) "
    "ORDER BY c.sort_order, c.code");

static struct db_stmt caps_all = DB_READ(
    "SELECT cc.id, c.code, c.name, cc.cap_fen, "
    "DATE_FORMAT(cc.effective_from, '%Y-%m-%d') AS effective_from, cc.note, "
    "DATE_FORMAT(cc.created_at, '%Y-%m-%d %H:%i') AS created_at, "
    "DATE_FORMAT(cc.withdrawn_at, '%Y-%m-%d %H:%i') AS withdrawn_at, "
    "cc.withdrawn_by, cc.withdrawn_reason "
    "FROM category_cap cc JOIN category c ON c.code = cc.category_code "
    "ORDER BY c.sort_order, c.code, cc.effective_from DESC, cc.id DESC");

static struct db_stmt rates_all = DB_READ(
    "SELECT id, rate_bp, central_share_bp, "
    "DATE_FORMAT(effective_from, '%Y-%m-%d') AS effective_from, note, "
    "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created_at, "
    "DATE_FORMAT(withdrawn_at, '%Y-%m-%d %H:%i') AS withdrawn_at, "
    "withdrawn_by, withdrawn_reason "
    "FROM subsidy_rate ORDER BY effective_from DESC, id DESC");

static struct db_stmt rate_on_date = DB_READ(
    "SELECT rate_bp, central_share_bp, "
    "DATE_FORMAT(effective_from, '%Y-%m-%d') AS effective_from, note "
    "FROM subsidy_rate WHERE effective_from <= ? AND withdrawn_at IS NULL "
    "ORDER BY effective_from DESC LIMIT 1");

/* Only the names of the categories caps_on_date lists: for the pages
 * that offer them as a filter and show no cap. */
static struct db_stmt categories_on_date = DB_READ(
    "SELECT c.code, c.name FROM category c WHERE EXISTS (SELECT 1 "
    "FROM category_cap x WHERE x.category_code = c.code "
    "AND x.withdrawn_at IS NULL AND x.effective_from <= ?) "
    "ORDER BY c.sort_order, c.code");

/* Every cap in force on a date and the rate in one round trip: part 0
 * the caps (as caps_on_date), part 1 the rate (as rate_on_date). */
static struct db_stmt caps_and_rate_on_date = DB_READ(
    "SELECT 0 AS part, c.code, c.name, cc.cap_fen, "
    "DATE_FORMAT(cc.effective_from, '%Y-%m-%d') AS effective_from, "
    "NULL AS rate_bp, NULL AS central_share_bp, NULL AS note, "
    "c.sort_order "
    "FROM category c JOIN category_cap cc ON cc.category_code = c.code "
    "AND cc.withdrawn_at IS NULL "
    "AND cc.effective_from = (SELECT MAX(x.effective_from) "
    "FROM category_cap x WHERE x.category_code = c.code "
    "AND x.withdrawn_at IS NULL AND x.effective_from <= ?) "
    "UNION ALL (SELECT 1, NULL, NULL, NULL, "
    "DATE_FORMAT(effective_from, '%Y-%m-%d'), rate_bp, central_share_bp, "
    "note, NULL FROM subsidy_rate "
    "WHERE effective_from <= ? AND withdrawn_at IS NULL "
    "ORDER BY effective_from DESC LIMIT 1) "
    "ORDER BY part, sort_order, code");

void
percent_format(char *out, size_t len, long long bp)
{
	if (bp % 100 == 0)
		snprintf(out, len, "%lld", bp / 100);
	else if (bp % 10 == 0)
		snprintf(out, len, "%lld.%lld", bp / 100, (bp % 100) / 10);
	else
		snprintf(out, len, "%lld.%02lld", bp / 100, bp % 100);
}

void
yuan_format(char *out, size_t len, long long fen)
{
	if (fen % 100 == 0)
		snprintf(out, len, "%lld", fen / 100);
	else
		money_format(out, len, fen);
}

/* Adds cap_yuan beside each row's cap_fen. */
static void
add_yuan(HDF *rows)
{
	HDF	*row;
	char	 y[32];

	for (row = hdf_obj_child(rows); row != NULL; row = hdf_obj_next(row)) {
		yuan_format(y, sizeof(y),
		    atoll(hdf_get_value(row, "cap_fen", "0")));
		hset(row, "cap_yuan", y);
	}
}

static int
read_cap(void *arg, const struct db_row *r)
{
	struct cap	*cap = arg;

	snprintf(cap->name, sizeof(cap->name), "%s", db_text(r, "name"));
	cap->cap_fen = db_int(r, "cap_fen");
	return 0;
}

enum db_status
cap_on(const char *code, const char *date, struct cap *cap, int *found)
{
	struct db_arg	 a[] = { DB_TEXT(date), DB_TEXT(code) };
	enum db_status	 st;

	memset(cap, 0, sizeof(*cap));
	cap->cap_fen = -1;
	st = db_query_each(&caps_on_date, a, DB_NARGS(a), read_cap, cap);
	*found = st == DB_OK && cap->cap_fen >= 0;
	return st;
}

enum db_status
caps_history(HDF *hdf, const char *prefix, long *n)
{
	enum db_status	 st;

	st = db_query(&caps_all, NULL, 0, hdf, prefix, n);
	if (st == DB_OK && *n > 0)
		add_yuan(hdf_get_obj(hdf, prefix));
	return st;
}

/* Adds the rate and its split as percentages beside the basis points. */
static void
add_percents(HDF *r)
{
	long long	 bp, central;
	char		 p[16];

	bp = atoll(hdf_get_value(r, "rate_bp", "0"));
	central = atoll(hdf_get_value(r, "central_share_bp", "0"));
	percent_format(p, sizeof(p), bp);
	hset(r, "percent", p);
	percent_format(p, sizeof(p), central);
	hset(r, "central_percent", p);
	percent_format(p, sizeof(p), 10000 - central);
	hset(r, "provincial_percent", p);
}

static int
read_rate(void *arg, const struct db_row *r)
{
	struct rate	*rate = arg;

	rate->rate_bp = db_int(r, "rate_bp");
	rate->central_share_bp = db_int(r, "central_share_bp");
	return 0;
}

enum db_status
rate_on(const char *date, struct rate *rate, int *found)
{
	struct db_arg	 a[] = { DB_TEXT(date) };
	enum db_status	 st;

	rate->rate_bp = -1;
	rate->central_share_bp = 0;
	st = db_query_each(&rate_on_date, a, DB_NARGS(a), read_rate, rate);
	*found = st == DB_OK && rate->rate_bp >= 0;
	return st;
}

enum db_status
rate_history(HDF *hdf, const char *prefix, long *n)
{
	enum db_status	 st;
	HDF		*r;

	st = db_query(&rates_all, NULL, 0, hdf, prefix, n);
	if (st != DB_OK || *n == 0)
		return st;
	for (r = hdf_get_child(hdf, prefix); r != NULL; r = hdf_obj_next(r))
		add_percents(r);
	return DB_OK;
}

void
caps_mark_state(HDF *rows, const char *group, const char *date)
{
	HDF		*r;
	const char	*g, *last = NULL;
	int		 current_seen = 0;

	for (r = rows != NULL ? hdf_obj_child(rows) : NULL; r != NULL;
	    r = hdf_obj_next(r)) {
		g = group != NULL ? hdf_get_value(r, group, "") : "";
		if (last == NULL || strcmp(g, last) != 0)
			current_seen = 0;
		last = g;
		/* A withdrawn row never applies, whatever its date. */
		if (hdf_get_value(r, "withdrawn_at", "")[0] != '\0')
			hset(r, "state", "withdrawn");
		/* YYYY-MM-DD compares as text in date order. */
		else if (strcmp(hdf_get_value(r, "effective_from", ""), date) > 0)
			hset(r, "state", "upcoming");
		else if (!current_seen) {
			hset(r, "state", "current");
			current_seen = 1;
		} else
			hset(r, "state", "past");
	}
}

enum db_status
categories_in_force(HDF *hdf, const char *date, const char *prefix, long *n)
{
	struct db_arg	 a[] = { DB_TEXT(date) };

	return db_query(&categories_on_date, a, DB_NARGS(a), hdf, prefix, n);
}

enum db_status
caps_and_rate_in_force(HDF *hdf, const char *date, const char *caps_prefix,
    const char *rate_prefix, long *ncaps, int *rate_found)
{
	struct db_arg	 a[] = { DB_TEXT(date), DB_TEXT(date) };
	struct db_part	 parts[] = { { caps_prefix, 0, 0 },
	    { rate_prefix, 1, 0 } };
	enum db_status	 st;

	st = db_query_parts(&caps_and_rate_on_date, a, DB_NARGS(a), hdf,
	    parts, DB_NARGS(parts));
	*ncaps = parts[0].rows;
	*rate_found = parts[1].rows > 0;
	if (st != DB_OK)
		return st;
	if (*ncaps > 0)
		add_yuan(hdf_get_obj(hdf, caps_prefix));
	if (*rate_found)
		add_percents(hdf_get_obj(hdf, rate_prefix));
	return DB_OK;
}
