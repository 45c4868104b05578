/* SQL assembled from fixed fragments, prepared once per combination. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/filtered.h"

static int
build(struct filtered_sql *f, unsigned mask)
{
	char	 where[1024];
	char	*list, *count;
	size_t	 i, len = 0;
	int	 n;

	/* Cut SQL would be wrong SQL: refuse rather than shorten. */
	for (i = 0; i <= f->nfilters; i++) {
		if (i > 0 && !(mask & f->filters[i - 1].bit))
			continue;
		n = snprintf(where + len, sizeof(where) - len, "%s",
		    i == 0 ? f->where : f->filters[i - 1].sql);
		if (n < 0 || (size_t)n >= sizeof(where) - len)
			return -1;
		len += (size_t)n;
	}
	if (asprintf(&list, "%s%s%s", f->list_head, where, f->list_tail) == -1)
		return -1;
	if (asprintf(&count, "%s%s%s", f->count_head, where,
	    f->count_tail) == -1) {
		free(list);
		return -1;
	}
	/* Kept for the life of the worker, like the statements themselves. */
	f->list[mask] = (struct db_stmt)DB_READ(list);
	f->count[mask] = (struct db_stmt)DB_READ(count);
	return 0;
}

struct db_stmt *
filtered_list(struct filtered_sql *f, unsigned mask)
{
	if (mask >= FILTERED_COMBOS)
		return NULL;
	if (f->list[mask].sql == NULL && build(f, mask) == -1)
		return NULL;
	return &f->list[mask];
}

struct db_stmt *
filtered_count(struct filtered_sql *f, unsigned mask)
{
	if (filtered_list(f, mask) == NULL)
		return NULL;
	return &f->count[mask];
}
