/* Reference data each worker keeps between requests, as the calendar is:
 * the categories in force on a day and regions' paths and children, read
 * again when a staff write is signalled, the day turns, or a second has
 * passed (a change made straight in the database). Callers get copies in
 * their own arena, so a refresh never pulls text from under a page. */
#ifndef JDXX_REFERENCE_CACHE_H
#define JDXX_REFERENCE_CACHE_H

#include "base/arena.h"
#include "domain/result.h"

/* Regions kept at most: a crawl through every township starts over. */
#define REFERENCE_REGIONS_MAX	256

/* categories_in_force (struct category), kept per date. */
enum domain_status reference_categories(struct arena *, const char *date,
		    struct arena_list *categories);
/* region_path_and_children, kept per code, DOMAIN_NOT_FOUND too. */
enum domain_status reference_region(struct arena *, const char *code,
		    struct arena_list *path, struct arena_list *children);
/* Forgets everything kept. */
void	reference_cache_clear(void);

#endif
