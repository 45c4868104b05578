/* Categories, their price caps and the subsidy rate, each in force from
 * a date: the values that apply are the latest on or before the day.
 * Reads answer with typed rows whose text lives in the caller's arena;
 * lists are arena lists of the row type named beside them. */
#ifndef JDXX_CAPS_H
#define JDXX_CAPS_H

#include "base/arena.h"
#include "db/db.h"
#include "domain/result.h"

/* One category's cap in force on date: its name and the cap. */
struct cap {
	char		 name[64];
	long long	 cap_fen;
};
enum domain_status cap_on(const char *code, const char *date, struct cap *,
		    int *found);
/* The subsidy rate in force on date, of the price and the central
 * finance's share of it, in basis points. */
struct rate {
	long long	 rate_bp;
	long long	 central_share_bp;
};
enum domain_status rate_on(const char *date, struct rate *, int *found);

/* A category, in display order among the others. */
struct category {
	const char	*code;
	const char	*name;
	long long	 sort_order;	/* 0 from categories_in_force */
};
/* Every category, whether or not a cap is in force, in display order. */
enum domain_status category_list(struct arena *, struct arena_list *);

/* Where a row of a history stands on a day. */
enum caps_state {
	CAPS_CURRENT,		/* the one in force */
	CAPS_UPCOMING,		/* not yet in force */
	CAPS_PAST,		/* superseded by a later one */
	CAPS_WITHDRAWN		/* withdrawn: never applies */
};
/* The state as the templates test it: current, upcoming, past,
 * withdrawn. */
const char	*caps_state_code(enum caps_state);

/* One cap ever set. */
struct cap_row {
	long long	 id;
	const char	*code;			/* the category's */
	const char	*name;
	long long	 cap_fen;
	const char	*effective_from;	/* YYYY-MM-DD */
	const char	*note;
	const char	*created_at;	/* YYYY-MM-DD HH:MM; NULL: initial data */
	const char	*withdrawn_at;	/* the same; NULL unless withdrawn */
	const char	*withdrawn_by;
	const char	*withdrawn_reason;
	enum caps_state	 state;		/* on the day the history was read for */
};
/* One rate ever set, as the cap row. */
struct rate_row {
	long long	 id;
	long long	 rate_bp;
	long long	 central_share_bp;
	const char	*effective_from;
	const char	*note;
	const char	*created_at;
	const char	*withdrawn_at;
	const char	*withdrawn_by;
	const char	*withdrawn_reason;
	enum caps_state	 state;
};
/* Every cap ever set (struct cap_row), newest first per category, each
 * with its state on date. */
enum domain_status caps_history(struct arena *, const char *date,
		    struct arena_list *rows);
/* Every rate ever set (struct rate_row), newest first, the same way. */
enum domain_status rate_history(struct arena *, const char *date,
		    struct arena_list *rows);
/* Sets the state on date of each of n rows, newest first within each
 * category (caps) or all as one run (rates): withdrawn (it has a
 * withdrawn_at, and never applies), upcoming (not yet in force on date),
 * current (the first in force on date) or past. */
void		caps_mark_state(struct cap_row *, size_t n, const char *date);
void		rate_mark_state(struct rate_row *, size_t n, const char *date);
/* The soonest upcoming cap of category code in a marked history, or
 * NULL. */
const struct cap_row *caps_next_change(const struct arena_list *history,
		    const char *code);

/* A category's cap in force on a day. */
struct cap_in_force {
	const char	*code;
	const char	*name;
	long long	 cap_fen;
	const char	*effective_from;
	long long	 sort_order;
};
/* The rate in force on a day. */
struct rate_in_force {
	long long	 rate_bp;
	long long	 central_share_bp;
	const char	*effective_from;
	const char	*note;
};
/* What applies on one day. */
struct caps_in_force {
	struct arena_list	 caps;	/* struct cap_in_force, display order */
	int			 has_rate;
	struct rate_in_force	 rate;	/* when has_rate */
};
/* Every category with a cap in force on date and the rate: one round
 * trip. */
enum domain_status caps_and_rate_in_force(struct arena *, const char *date,
		    struct caps_in_force *);
/* The cap in force for category code, or NULL (also when k is NULL). */
const struct cap_in_force *caps_in_force_of(const struct caps_in_force *k,
		    const char *code);
/* Only the categories caps_and_rate_in_force lists (struct category,
 * without sort_order). */
enum domain_status categories_in_force(struct arena *, const char *date,
		    struct arena_list *categories);

#endif
