/* Regions into the page data. */
#include <stdio.h>

#include "web/region_view.h"
#include "web/view.h"
#include "web/view_field.h"

void
region_view_put(HDF *hdf, const char *prefix, const struct region *g)
{
	HDF	*r;

	/* The record's node once, its fields relative to it. */
	if ((r = hnode(hdf, prefix)) == NULL)
		return;
	if (g->code != NULL)
		hset(r, "code", g->code);
	if (g->name != NULL)
		hset(r, "name", g->name);
	hseti(r, "level", g->level);
}

/* The list, each region with its level or without. */
static void
put_list(HDF *hdf, const char *prefix, const struct arena_list *l,
    int level)
{
	const struct region	*g;
	char			 name[VIEW_ITEM_MAX];
	HDF			*r;
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		view_item_prefix(name, sizeof(name), prefix, i);
		g = region_at(l, i);
		if (level)
			region_view_put(hdf, name, g);
		else if ((r = hnode(hdf, name)) != NULL) {
			if (g->code != NULL)
				hset(r, "code", g->code);
			if (g->name != NULL)
				hset(r, "name", g->name);
		}
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
