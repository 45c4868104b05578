/* Changing categories, caps and the subsidy rate: every change is a new
 * row in force from a date, never an edit of an old one, so the value on
 * any past day stays what it was. */
#ifndef JDXX_CAPS_RECORD_H
#define JDXX_CAPS_RECORD_H

#include <jansson.h>

#include "base/arena.h"
#include "db/db.h"
#include "domain/audit.h"
#include "domain/caps.h"
#include "domain/result.h"

#define CATEGORY_CODE_MAX	16
#define CATEGORY_NAME_MAX	32
#define CAPS_NOTE_MAX		200
#define CATEGORY_SORT_MAX	9999

/* The sort order a new category gets unless told: after the last of
 * categories, within 1..CATEGORY_SORT_MAX. */
long long	category_next_sort(const struct arena_list *categories);
/* *found is 1 when a category has this code. */
enum domain_status category_exists(const char *code, int *found);
/* *found is 1 when a category already has this name. */
enum domain_status category_name_taken(const char *name, int *found);
/* DOMAIN_CONFLICT when the code is taken. */
enum domain_status category_add(const char *code, const char *name,
		    long long sort_order);

/* A new cap for a category from a date; DOMAIN_CONFLICT when that
 * category already has a cap from that date. */
enum domain_status cap_add(const char *code, long long cap_fen,
		    const char *from, const char *note, unsigned long long *id);
/* A new rate from a date; DOMAIN_CONFLICT when one starts that day. */
enum domain_status rate_add(long long rate_bp, long long central_bp,
		    const char *from, const char *note, unsigned long long *id);

/* The cap and the rate in force on a date before a change, for the audit
 * log: {"cap_fen", "effective_from"} or {"rate_bp", "central_share_bp",
 * "effective_from"}, *json NULL when none was in force. */
enum domain_status cap_before_json(const char *code, const char *date,
		    json_t **json);
enum domain_status rate_before_json(const char *date, json_t **json);

/* Whether a cap or rate row may be withdrawn on today: only one not yet
 * in force (effective_from after today) and not withdrawn already. */
enum withdraw_outcome {
	WITHDRAW_OK, WITHDRAW_NOT_FOUND, WITHDRAW_IN_FORCE, WITHDRAW_ALREADY
};
enum withdraw_outcome caps_withdrawable(const char *effective_from,
		    const char *withdrawn_at, const char *today);
/* The cap or rate row a withdrawal is about, as stored. */
struct withdrawal_target {
	long long	 id;
	const char	*category;		/* a cap's code */
	const char	*name;			/* and its category's name */
	long long	 cap_fen;		/* a cap's */
	long long	 rate_bp, central_share_bp;	/* a rate's */
	const char	*effective_from;	/* YYYY-MM-DD */
	const char	*withdrawn_at;		/* NULL unless withdrawn */
	const char	*withdrawn_by;
};
/* Inside the caller's transaction: locks cap (is_cap) or rate row id,
 * reads it into *row (text in a) and, when *outcome is WITHDRAW_OK,
 * marks it withdrawn by by for reason. */
enum domain_status caps_withdraw(int is_cap, long long id, const char *today,
		    const char *by, const char *reason, struct arena *a,
		    struct withdrawal_target *row,
		    enum withdraw_outcome *outcome);

/* The changes admins make, each in one transaction with its audit row. */

/* Adds category code named name at sort_order; DOMAIN_CONFLICT, with the
 * reason in problems, when the code is taken. */
enum domain_status category_create(const char *code, const char *name,
		    long long sort_order, const struct audit_by *,
		    struct domain_problems *);
/* A new cap (is_cap) or rate row from a date. */
struct caps_change {
	int		 is_cap;
	const char	*category;	/* a cap's */
	long long	 cap_fen;
	long long	 rate_bp, central_bp;	/* a rate's */
	const char	*from;		/* YYYY-MM-DD */
	const char	*note;		/* why: the document that decided it */
};
/* Adds the row; DOMAIN_CONFLICT, with the reason in problems, when the
 * category (or the rate) already has one from that day. */
enum domain_status caps_change_add(const struct caps_change *,
		    const struct audit_by *, struct domain_problems *,
		    unsigned long long *id);
/* Withdraws cap (is_cap) or rate row id on today for reason:
 * DOMAIN_NOT_FOUND, or DOMAIN_CONFLICT with the reason in problems when
 * it was withdrawn already or is in force. */
enum domain_status caps_row_withdraw(int is_cap, long long id,
		    const char *today, const char *reason,
		    const struct audit_by *, struct domain_problems *);

/* Reads a percentage with up to two decimals ("13", "12.5", "13.05", a
 * trailing "%" allowed) as basis points within min..max. 0 or -1. */
int		percent_parse_bp(const char *, long long min, long long max,
		    long long *bp);

#endif
