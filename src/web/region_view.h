/* Regions as page data: the lists domain/region.h reads, under the
 * names the templates and the JSON API read. */
#ifndef JDXX_REGION_VIEW_H
#define JDXX_REGION_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "domain/region.h"

/* A list of struct region as prefix.N.{code, name, level}. */
void	region_view_list(HDF *, const char *prefix,
	    const struct arena_list *regions);
/* The same list as links need it, prefix.N.{code, name}: no template
 * reads a level, and a county's townships are dozens of values. */
void	region_view_links(HDF *, const char *prefix,
	    const struct arena_list *regions);

#endif
