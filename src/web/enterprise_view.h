/* Sales enterprises as page data: the values of domain/enterprise.h put
 * into the HDF the templates read, each list with the columns its page
 * has always had. Text the database did not have is left unset. */
#ifndef JDXX_ENTERPRISE_VIEW_H
#define JDXX_ENTERPRISE_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "base/arena.h"
#include "domain/enterprise.h"

/* One enterprise as prefix.{id, name, bid_batch, phone}. */
void	enterprise_view_put(HDF *, const char *prefix,
	    const struct enterprise *);
/* A list (struct enterprise items) as prefix.N.{id, name, bid_batch,
 * phone, is_demo, outlets}. */
void	enterprise_view_list(HDF *, const char *prefix,
	    const struct arena_list *);
/* A list as prefix.N.{id, name}, for a choice. */
void	enterprise_view_names(HDF *, const char *prefix,
	    const struct arena_list *);
/* Outlets per county (struct enterprise_county items) as
 * prefix.N.{enterprise_id, county_code, county, province, outlets}. */
void	enterprise_view_counties(HDF *, const char *prefix,
	    const struct arena_list *);

#endif
