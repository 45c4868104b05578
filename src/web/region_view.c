/* Regions into the page data. */
#include <stdio.h>

#include "web/region_view.h"
#include "web/view.h"

void
region_view_put(HDF *hdf, const char *prefix, const struct region *g)
{
	char	 key[160];

	if (g->code != NULL) {
		snprintf(key, sizeof(key), "%s.code", prefix);
		hset(hdf, key, g->code);
	}
	if (g->name != NULL) {
		snprintf(key, sizeof(key), "%s.name", prefix);
		hset(hdf, key, g->name);
	}
	snprintf(key, sizeof(key), "%s.level", prefix);
	hseti(hdf, key, g->level);
}

void
region_view_list(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	char	 name[128];
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		snprintf(name, sizeof(name), "%s.%zu", prefix, i);
		region_view_put(hdf, name, region_at(l, i));
	}
}
