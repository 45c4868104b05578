/* Administrative divisions (GB/T 2260 and township codes). */
#ifndef JDXX_REGION_H
#define JDXX_REGION_H

#include "base/arena.h"
#include "db/db.h"
#include "domain/result.h"

/* A division: level 1 province, 2 city, 3 county, 4 township. */
struct region {
	const char	*code;
	const char	*name;
	long long	 level;
};

/* The i-th region of a list the reads below fill. */
static inline const struct region *
region_at(const struct arena_list *l, size_t i)
{
	return &((const struct region *)l->item)[i];
}

/* 1 for the shape of a region code: 2, 4, 6, 9 or 12 digits. */
int		valid_region_code(const char *);
/* *found is 1 when code names a township (level 4, nine digits). */
enum domain_status region_township_exists(const char *code, int *found);
/* The region and its ancestors, province first, into path (struct
 * region, strings in the arena); DOMAIN_NOT_FOUND, path empty, when no
 * region has that code. */
enum domain_status region_path(struct arena *, const char *code,
		    struct arena_list *path);
/* region_path and region_children of the same code in one round trip;
 * DOMAIN_NOT_FOUND, path empty, when no region has that code. */
enum domain_status region_path_and_children(struct arena *, const char *code,
		    struct arena_list *path, struct arena_list *children);
/* The children of parent ("" for the provinces), by code. */
enum domain_status region_children(struct arena *, const char *parent,
		    struct arena_list *children);

#endif
