/* Categories, their price caps and the subsidy rate, each in force from
 * a date: the values that apply are the latest on or before the day. */
#ifndef JDXX_CAPS_H
#define JDXX_CAPS_H

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"

/* One category's cap in force on date: its name and the cap. */
struct cap {
	char		 name[64];
	long long	 cap_fen;
};
enum db_status	cap_on(const char *code, const char *date, struct cap *,
		    int *found);
/* The subsidy rate in force on date, of the price and the central
 * finance's share of it, in basis points. */
struct rate {
	long long	 rate_bp;
	long long	 central_share_bp;
};
enum db_status	rate_on(const char *date, struct rate *, int *found);
/* Every cap ever set, newest first per category, as prefix.N.{id, code,
 * name, cap_fen, cap_yuan, effective_from, note, created_at} and, when
 * withdrawn, {withdrawn_at, withdrawn_by, withdrawn_reason}. */
enum db_status	caps_history(HDF *, const char *prefix, long *n);
/* Every rate ever set, newest first, as prefix.N.{id, rate_bp,
 * central_share_bp, effective_from, note, created_at, percent,
 * central_percent, provincial_percent} and the withdrawn_ fields. */
enum db_status	rate_history(HDF *, const char *prefix, long *n);
/* Marks each row of a history (newest first within each run of equal
 * group values; group NULL: one run) with state "withdrawn" (it has a
 * withdrawn_at, and never applies), "upcoming" (not yet in force on
 * date), "current" (in force on date) or "past". */
void		caps_mark_state(HDF *rows, const char *group, const char *date);
/* The categories caps_and_rate_in_force lists, as prefix.N.{code, name}. */
enum db_status	categories_in_force(HDF *, const char *date, const char *prefix,
		    long *n);
/* Every category with a cap in force on date, as caps_prefix.N.{code,
 * name, cap_fen, cap_yuan, effective_from, sort_order}, in display order,
 * and the rate under rate_prefix as {rate_bp, central_share_bp,
 * effective_from, percent, central_percent, provincial_percent}: one
 * round trip. */
enum db_status	caps_and_rate_in_force(HDF *, const char *date,
		    const char *caps_prefix, const char *rate_prefix,
		    long *ncaps, int *rate_found);
/* Formats basis points as a percentage without trailing zeros: 1300 -> 13. */
void		percent_format(char *out, size_t len, long long bp);
/* Formats fen as yuan, dropping ".00": 200000 -> 2000, 25987 -> 259.87. */
void		yuan_format(char *out, size_t len, long long fen);

#endif
