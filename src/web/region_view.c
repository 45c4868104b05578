/* Regions into the page data. */
#include "web/region_view.h"
#include "web/view.h"

/* The list, each region with its level or without. Its text is the
 * list's (the request's arena), linked, not copied. */
static void
put_list(HDF *hdf, const char *prefix, const struct arena_list *l,
    int level)
{
	const struct region	*g;
	HDF			*list, *r;
	size_t			 i;

	if (l->n == 0 || (list = hnew(hdf, prefix)) == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		g = region_at(l, i);
		if ((r = hadd_item(list, i)) == NULL)
			continue;
		if (g->code != NULL)
			hadd(r, "code", g->code);
		if (g->name != NULL)
			hadd(r, "name", g->name);
		if (level)
			hadd_int(r, "level", g->level);
	}
}

void
region_view_list(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	put_list(hdf, prefix, l, 1);
}

void
region_view_links(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	put_list(hdf, prefix, l, 0);
}
