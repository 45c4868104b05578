/* Caps and rates with effective dates. */
#include <stdio.h>
#include <string.h>

#include "domain/caps.h"

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

static struct db_stmt categories_all = DB_READ(
    "SELECT code, name, sort_order FROM category ORDER BY sort_order, code");

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


/* Where a read's rows go. */
struct rows_read {
	struct arena		*arena;
	struct arena_list	*list;
};

static int
read_cap(void *arg, const struct db_row *r)
{
	struct cap	*cap = arg;

	snprintf(cap->name, sizeof(cap->name), "%s", db_text(r, "name"));
	cap->cap_fen = db_int(r, "cap_fen");
	return 0;
}

enum domain_status
cap_on(const char *code, const char *date, struct cap *cap, int *found)
{
	struct db_arg	 a[] = { DB_TEXT(date), DB_TEXT(code) };
	enum db_status	 st;

	memset(cap, 0, sizeof(*cap));
	cap->cap_fen = -1;
	st = db_query_each(&caps_on_date, a, DB_NARGS(a), read_cap, cap);
	*found = st == DB_OK && cap->cap_fen >= 0;
	return domain_of_db(st);
}

static int
read_rate(void *arg, const struct db_row *r)
{
	struct rate	*rate = arg;

	rate->rate_bp = db_int(r, "rate_bp");
	rate->central_share_bp = db_int(r, "central_share_bp");
	return 0;
}

enum domain_status
rate_on(const char *date, struct rate *rate, int *found)
{
	struct db_arg	 a[] = { DB_TEXT(date) };
	enum db_status	 st;

	rate->rate_bp = -1;
	rate->central_share_bp = 0;
	st = db_query_each(&rate_on_date, a, DB_NARGS(a), read_rate, rate);
	*found = st == DB_OK && rate->rate_bp >= 0;
	return domain_of_db(st);
}

const char *
caps_state_code(enum caps_state s)
{
	switch (s) {
	case CAPS_CURRENT:
		return "current";
	case CAPS_UPCOMING:
		return "upcoming";
	case CAPS_WITHDRAWN:
		return "withdrawn";
	case CAPS_PAST:
		break;
	}
	return "past";
}

/* A walk down a history, newest first: the category it is in, and
 * whether that category's row in force was met already. */
struct state_walk {
	const char	*group;
	int		 current_seen;
};

static enum caps_state
next_state(struct state_walk *w, const char *group, const char *from,
    const char *withdrawn_at, const char *date)
{
	if (w->group == NULL || strcmp(group, w->group) != 0)
		w->current_seen = 0;
	w->group = group;
	/* A withdrawn row never applies, whatever its date. */
	if (withdrawn_at != NULL && withdrawn_at[0] != '\0')
		return CAPS_WITHDRAWN;
	/* YYYY-MM-DD compares as text in date order. */
	if (strcmp(from, date) > 0)
		return CAPS_UPCOMING;
	if (w->current_seen)
		return CAPS_PAST;
	w->current_seen = 1;
	return CAPS_CURRENT;
}

void
caps_mark_state(struct cap_row *rows, size_t n, const char *date)
{
	struct state_walk	 w = { NULL, 0 };
	size_t			 i;

	for (i = 0; i < n; i++)
		rows[i].state = next_state(&w, rows[i].code,
		    rows[i].effective_from, rows[i].withdrawn_at, date);
}

void
rate_mark_state(struct rate_row *rows, size_t n, const char *date)
{
	struct state_walk	 w = { NULL, 0 };
	size_t			 i;

	for (i = 0; i < n; i++)
		rows[i].state = next_state(&w, "", rows[i].effective_from,
		    rows[i].withdrawn_at, date);
}

const struct cap_row *
caps_next_change(const struct arena_list *history, const char *code)
{
	const struct cap_row	*h = history->item, *next = NULL;
	size_t			 i;

	/* Newest first: the last upcoming row is the soonest. */
	for (i = 0; i < history->n; i++)
		if (h[i].state == CAPS_UPCOMING && h[i].code != NULL &&
		    strcmp(h[i].code, code) == 0)
			next = &h[i];
	return next;
}

static int
read_cap_row(void *arg, const struct db_row *r)
{
	struct rows_read	*k = arg;
	struct cap_row		*c;

	if ((c = arena_push(k->arena, k->list, sizeof(*c))) == NULL)
		return -1;
	c->id = db_int(r, "id");
	c->code = db_keep(k->arena, r, "code");
	c->name = db_keep(k->arena, r, "name");
	c->cap_fen = db_int(r, "cap_fen");
	c->effective_from = db_keep(k->arena, r, "effective_from");
	c->note = db_keep(k->arena, r, "note");
	c->created_at = db_keep(k->arena, r, "created_at");
	c->withdrawn_at = db_keep(k->arena, r, "withdrawn_at");
	c->withdrawn_by = db_keep(k->arena, r, "withdrawn_by");
	c->withdrawn_reason = db_keep(k->arena, r, "withdrawn_reason");
	return 0;
}

enum domain_status
caps_history(struct arena *a, const char *date, struct arena_list *rows)
{
	struct rows_read	 k = { a, rows };
	enum db_status		 st;

	*rows = (struct arena_list){ 0 };
	st = db_query_each(&caps_all, NULL, 0, read_cap_row, &k);
	if (st == DB_OK)
		caps_mark_state(rows->item, rows->n, date);
	return domain_of_read(st, a);
}

static int
read_rate_row(void *arg, const struct db_row *r)
{
	struct rows_read	*k = arg;
	struct rate_row		*t;

	if ((t = arena_push(k->arena, k->list, sizeof(*t))) == NULL)
		return -1;
	t->id = db_int(r, "id");
	t->rate_bp = db_int(r, "rate_bp");
	t->central_share_bp = db_int(r, "central_share_bp");
	t->effective_from = db_keep(k->arena, r, "effective_from");
	t->note = db_keep(k->arena, r, "note");
	t->created_at = db_keep(k->arena, r, "created_at");
	t->withdrawn_at = db_keep(k->arena, r, "withdrawn_at");
	t->withdrawn_by = db_keep(k->arena, r, "withdrawn_by");
	t->withdrawn_reason = db_keep(k->arena, r, "withdrawn_reason");
	return 0;
}

enum domain_status
rate_history(struct arena *a, const char *date, struct arena_list *rows)
{
	struct rows_read	 k = { a, rows };
	enum db_status		 st;

	*rows = (struct arena_list){ 0 };
	st = db_query_each(&rates_all, NULL, 0, read_rate_row, &k);
	if (st == DB_OK)
		rate_mark_state(rows->item, rows->n, date);
	return domain_of_read(st, a);
}

static int
read_category(void *arg, const struct db_row *r)
{
	struct rows_read	*k = arg;
	struct category		*c;

	if ((c = arena_push(k->arena, k->list, sizeof(*c))) == NULL)
		return -1;
	c->code = db_keep(k->arena, r, "code");
	c->name = db_keep(k->arena, r, "name");
	c->sort_order = db_int(r, "sort_order");
	return 0;
}

enum domain_status
category_list(struct arena *a, struct arena_list *categories)
{
	struct rows_read	 k = { a, categories };

	*categories = (struct arena_list){ 0 };
	return domain_of_read(db_query_each(&categories_all, NULL, 0,
	    read_category, &k), a);
}

enum domain_status
categories_in_force(struct arena *a, const char *date,
    struct arena_list *categories)
{
	struct db_arg		 arg[] = { DB_TEXT(date) };
	struct rows_read	 k = { a, categories };

	*categories = (struct arena_list){ 0 };
	return domain_of_read(db_query_each(&categories_on_date, arg,
	    DB_NARGS(arg), read_category, &k), a);
}

/* Where the rows of caps_and_rate_on_date go: its part column says. */
struct in_force_read {
	struct arena		*arena;
	struct caps_in_force	*k;
};

static int
read_in_force(void *arg, const struct db_row *r)
{
	struct in_force_read	*f = arg;
	struct cap_in_force	*c;
	const char		*part = db_col(r, "part");

	if (part != NULL && strcmp(part, "0") == 0) {
		if ((c = arena_push(f->arena, &f->k->caps, sizeof(*c))) ==
		    NULL)
			return -1;
		c->code = db_keep(f->arena, r, "code");
		c->name = db_keep(f->arena, r, "name");
		c->cap_fen = db_int(r, "cap_fen");
		c->effective_from = db_keep(f->arena, r, "effective_from");
		c->sort_order = db_int(r, "sort_order");
		return 0;
	}
	if (part == NULL || strcmp(part, "1") != 0)
		return -1;
	if (f->k->has_rate)
		return 0;
	f->k->has_rate = 1;
	f->k->rate.rate_bp = db_int(r, "rate_bp");
	f->k->rate.central_share_bp = db_int(r, "central_share_bp");
	f->k->rate.effective_from = db_keep(f->arena, r, "effective_from");
	f->k->rate.note = db_keep(f->arena, r, "note");
	return 0;
}

enum domain_status
caps_and_rate_in_force(struct arena *a, const char *date,
    struct caps_in_force *k)
{
	struct db_arg		 arg[] = { DB_TEXT(date), DB_TEXT(date) };
	struct in_force_read	 f = { a, k };

	memset(k, 0, sizeof(*k));
	return domain_of_read(db_query_each(&caps_and_rate_on_date, arg,
	    DB_NARGS(arg), read_in_force, &f), a);
}

const struct cap_in_force *
caps_in_force_of(const struct caps_in_force *k, const char *code)
{
	const struct cap_in_force	*c;
	size_t				 i;

	if (k == NULL)
		return NULL;
	for (i = 0, c = k->caps.item; i < k->caps.n; i++)
		if (strcmp(c[i].code, code) == 0)
			return &c[i];
	return NULL;
}
