/* Reference data each worker keeps between requests, as the calendar is:
 * the categories in force on a day and regions' paths and children, read
 * again when a staff write is signalled, the day turns, or a second has
 * passed (a change made straight in the database). Callers are lent the
 * kept lists, not copies: read-only, and good until
 * reference_cache_request_done, for a refresh in the middle of a request
 * retires what it replaces rather than freeing it. */
#ifndef JDXX_REFERENCE_CACHE_H
#define JDXX_REFERENCE_CACHE_H

#include "base/arena.h"
#include "domain/result.h"

/* Regions kept at most: a crawl through every township starts over. */
#define REFERENCE_REGIONS_MAX	256

/* categories_in_force (struct category), kept per date. */
enum domain_status reference_categories(const char *date,
		    struct arena_list *categories);
/* region_path_and_children, kept per code, DOMAIN_NOT_FOUND too. */
enum domain_status reference_region(const char *code,
		    struct arena_list *path, struct arena_list *children);
/* After each request: frees what a refresh retired while lent. The
 * worker loop calls it; a program that asked outside one and never called
 * it would keep every arena a refresh retires. */
void	reference_cache_request_done(void);
/* Forgets everything kept, lent or not (a worker's end). */
void	reference_cache_clear(void);

#endif
