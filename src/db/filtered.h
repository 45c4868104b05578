/* Lists with optional filters: each filter is a fixed SQL fragment, and
 * each combination of filters in use gets its own prepared statement,
 * built once. Input never becomes SQL text.
 *
 *   list:  list_head  where [fragments]  list_tail
 *   count: count_head where [fragments]  count_tail
 */
#ifndef JDXX_FILTERED_H
#define JDXX_FILTERED_H

#include <stddef.h>

#include "db/db.h"

/* The complaint queue has six: region, status, category, outlet,
 * overdue, 督办. */
#define FILTERED_MAX_FILTERS	6
#define FILTERED_COMBOS		(1 << FILTERED_MAX_FILTERS)

struct sql_fragment {
	unsigned	 bit;
	const char	*sql;		/* " AND ..." with its placeholders */
};

struct filtered_sql {
	const char			*list_head;
	const char			*count_head;
	const char			*where;		/* "WHERE ..." */
	const struct sql_fragment	*filters;
	size_t				 nfilters;
	const char			*list_tail;	/* ORDER BY, LIMIT ? OFFSET ? */
	const char			*count_tail;
	struct db_stmt			 list[FILTERED_COMBOS];
	struct db_stmt			 count[FILTERED_COMBOS];
};

/* Counts only: the sum of column n of a tally table (from: "table alias"),
 * its rows chosen by fragments that name the alias's columns. */
#define FILTERED_TALLY(from, n, fragments) { \
	.list_head = "", \
	.count_head = "SELECT CAST(COALESCE(SUM(" n "), 0) AS SIGNED) AS n " \
	    "FROM " from " ", \
	.where = "WHERE 1 = 1", \
	.filters = (fragments), \
	.nfilters = sizeof(fragments) / sizeof((fragments)[0]), \
	.list_tail = "", \
	.count_tail = "", \
}

/* The statements for a combination of filter bits; NULL when out of memory. */
struct db_stmt	*filtered_list(struct filtered_sql *, unsigned mask);
struct db_stmt	*filtered_count(struct filtered_sql *, unsigned mask);

#endif
