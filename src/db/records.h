/* A read's rows as typed records in an arena: each row a new item of a
 * list, or the first row into one record. The reader's sink asks
 * db_record for the record to fill and fills it from the row. */
#ifndef JDXX_RECORDS_H
#define JDXX_RECORDS_H

#include <stddef.h>

#include "base/arena.h"

struct db_records {
	struct arena		*arena;	/* where the strings and items live */
	struct arena_list	*list;	/* NULL: the first row into one */
	void			*one;
	size_t			 size;	/* of one record */
	int			 found;	/* a row came */
};

/* The record the current row fills; NULL when it is not wanted (one is
 * filled already) or memory ran out (then arena->failed is set). */
void	*db_record(struct db_records *);

#endif
