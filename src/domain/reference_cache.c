/* Categories in force and region paths kept per worker (see the header). */
#include <string.h>

#include "domain/calendar_cache.h"
#include "domain/caps.h"
#include "domain/reference_cache.h"
#include "domain/region.h"

/* One region's answer: code, its path and children. */
struct kept_region {
	const char		*code;
	enum domain_status	 ds;
	struct arena_list	 path, children;
};

static struct arena		 kept;		/* everything below lives here */
static struct arena		 retired;	/* kept text a request may hold */
static int			 lent;		/* this request was given kept text */
static struct calendar_stamp	 kept_at;
static int			 have;
static char			 categories_date[11];
static struct arena_list	 categories;	/* struct category */
static struct kept_region	 regions[REFERENCE_REGIONS_MAX];
static size_t			 nregions;

/* Forgets what is kept. Text lent to the request under way is retired,
 * not freed: its page may still show it. */
static void
forget(void)
{
	if (lent)
		arena_adopt(&retired, &kept);
	else
		arena_free(&kept);
	have = 0;
	categories_date[0] = '\0';
	categories = (struct arena_list){ 0 };
	nregions = 0;
}

void
reference_cache_clear(void)
{
	lent = 0;
	forget();
	arena_free(&retired);
}

void
reference_cache_request_done(void)
{
	lent = 0;
	arena_free(&retired);
}

/* Starts over when what is kept is stale now. */
static void
refresh(void)
{
	struct calendar_stamp	 now;

	calendar_stamp_now(&now);
	if (have && !calendar_stale(&kept_at, &now))
		return;
	forget();
	have = 1;
	kept_at = now;
}

enum domain_status
reference_categories(const char *date, struct arena_list *out)
{
	enum domain_status	 ds;

	refresh();
	if (strcmp(categories_date, date) != 0) {
		categories_date[0] = '\0';
		if ((ds = categories_in_force(&kept, date, &categories)) !=
		    DOMAIN_OK) {
			forget();
			return ds;
		}
		/* A date is ten characters: a longer one is not kept. */
		if (strlen(date) < sizeof(categories_date))
			memcpy(categories_date, date, strlen(date) + 1);
	}
	*out = categories;
	lent = 1;
	return DOMAIN_OK;
}

enum domain_status
reference_region(const char *code, struct arena_list *path,
    struct arena_list *children)
{
	struct kept_region	*k = NULL;
	enum domain_status	 ds;
	size_t			 i;

	refresh();
	for (i = 0; i < nregions && k == NULL; i++)
		if (strcmp(regions[i].code, code) == 0)
			k = &regions[i];
	if (k == NULL) {
		if (nregions == REFERENCE_REGIONS_MAX)
			forget();
		refresh();
		k = &regions[nregions];
		ds = region_path_and_children(&kept, code, &k->path,
		    &k->children);
		if ((ds != DOMAIN_OK && ds != DOMAIN_NOT_FOUND) ||
		    kept.failed) {
			forget();
			return ds != DOMAIN_OK && ds != DOMAIN_NOT_FOUND ? ds :
			    DOMAIN_INTERNAL;
		}
		/* A region kept without its code would be looked up later. */
		if ((k->code = arena_strdup(&kept, code)) == NULL ||
		    kept.failed) {
			forget();
			return DOMAIN_INTERNAL;
		}
		k->ds = ds;
		nregions++;
	}
	*path = k->path;
	*children = k->children;
	lent = 1;
	return k->ds;
}
