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

void
region_view_list(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	char	 name[VIEW_ITEM_MAX];
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		view_item_prefix(name, sizeof(name), prefix, i);
		region_view_put(hdf, name, region_at(l, i));
	}
}
