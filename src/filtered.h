/* Lists with optional filters: each filter is a fixed SQL fragment, and
 * each combination of filters in use gets its own prepared statement,
 * built once. Input never becomes SQL text. */
#ifndef JDXX_FILTERED_H
#define JDXX_FILTERED_H

#include <stddef.h>

#include "db.h"

#define FILTERED_MAX_FILTERS	5
#define FILTERED_COMBOS		(1 << FILTERED_MAX_FILTERS)

struct sql_fragment {
	unsigned	 bit;
	const char	*sql;		/* " AND ..." with its placeholders */
};

struct filtered_sql {
	const char			*columns;	/* "SELECT ... " */
	const char			*from[2];	/* plain, keyword */
	const char			*joins;		/* list only */
	const struct sql_fragment	*filters;
	size_t				 nfilters;
	const char			*order[2];	/* plain, keyword; end in LIMIT ? OFFSET ? */
	unsigned			 keyword_bit;	/* picks from[1], order[1] */
	struct db_stmt			 list[FILTERED_COMBOS];
	struct db_stmt			 count[FILTERED_COMBOS];
};

/* The statements for a combination of filter bits; NULL when out of memory. */
struct db_stmt	*filtered_list(struct filtered_sql *, unsigned mask);
struct db_stmt	*filtered_count(struct filtered_sql *, unsigned mask);

#endif
