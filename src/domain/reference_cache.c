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
static struct calendar_stamp	 kept_at;
static int			 have;
static char			 categories_date[11];
static struct arena_list	 categories;	/* struct category */
static struct kept_region	 regions[REFERENCE_REGIONS_MAX];
static size_t			 nregions;

void
reference_cache_clear(void)
{
	arena_free(&kept);
	have = 0;
	categories_date[0] = '\0';
	categories = (struct arena_list){ 0 };
	nregions = 0;
}

/* Starts over when what is kept is stale now. */
static void
refresh(void)
{
	struct calendar_stamp	 now;

	calendar_stamp_now(&now);
	if (have && !calendar_stale(&kept_at, &now))
		return;
	reference_cache_clear();
	have = 1;
	kept_at = now;
}

/* Copies of the kept lists into the caller's arena. */
static int
copy_regions(struct arena *a, const struct arena_list *from,
    struct arena_list *to)
{
	const struct region	*r;
	struct region		*g;
	size_t			 i;

	*to = (struct arena_list){ 0 };
	for (i = 0; i < from->n; i++) {
		r = region_at(from, i);
		if ((g = arena_push(a, to, sizeof(*g))) == NULL)
			return -1;
		g->code = r->code != NULL ? arena_strdup(a, r->code) : NULL;
		g->name = r->name != NULL ? arena_strdup(a, r->name) : NULL;
		g->level = r->level;
	}
	return a->failed ? -1 : 0;
}

static int
copy_categories(struct arena *a, const struct arena_list *from,
    struct arena_list *to)
{
	const struct category	*c;
	struct category		*k;
	size_t			 i;

	*to = (struct arena_list){ 0 };
	for (i = 0; i < from->n; i++) {
		c = &((const struct category *)from->item)[i];
		if ((k = arena_push(a, to, sizeof(*k))) == NULL)
			return -1;
		k->code = c->code != NULL ? arena_strdup(a, c->code) : NULL;
		k->name = c->name != NULL ? arena_strdup(a, c->name) : NULL;
		k->sort_order = c->sort_order;
	}
	return a->failed ? -1 : 0;
}

enum domain_status
reference_categories(struct arena *a, const char *date,
    struct arena_list *out)
{
	enum domain_status	 ds;

	refresh();
	if (strcmp(categories_date, date) != 0) {
		categories_date[0] = '\0';
		if ((ds = categories_in_force(&kept, date, &categories)) !=
		    DOMAIN_OK) {
			reference_cache_clear();
			return ds;
		}
		/* A date is ten characters: a longer one is not kept. */
		if (strlen(date) < sizeof(categories_date))
			memcpy(categories_date, date, strlen(date) + 1);
	}
	return copy_categories(a, &categories, out) == 0 ? DOMAIN_OK :
	    DOMAIN_INTERNAL;
}

enum domain_status
reference_region(struct arena *a, const char *code, struct arena_list *path,
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
			reference_cache_clear();
		refresh();
		k = &regions[nregions];
		ds = region_path_and_children(&kept, code, &k->path,
		    &k->children);
		if ((ds != DOMAIN_OK && ds != DOMAIN_NOT_FOUND) ||
		    kept.failed) {
			reference_cache_clear();
			return ds != DOMAIN_OK && ds != DOMAIN_NOT_FOUND ? ds :
			    DOMAIN_INTERNAL;
		}
		/* A region kept without its code would be looked up later. */
		if ((k->code = arena_strdup(&kept, code)) == NULL ||
		    kept.failed) {
			reference_cache_clear();
			return DOMAIN_INTERNAL;
		}
		k->ds = ds;
		nregions++;
	}
	if (copy_regions(a, &k->path, path) == -1 ||
	    copy_regions(a, &k->children, children) == -1)
		return DOMAIN_INTERNAL;
	return k->ds;
}
