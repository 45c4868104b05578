/* Sales enterprises as page data. */
#include <stdio.h>

#include "web/enterprise_view.h"
#include "web/view.h"
#include "web/view_field.h"

void
enterprise_view_put(HDF *hdf, const char *prefix, const struct enterprise *e)
{
	view_field_int(hdf, prefix, "id", e->id);
	view_field(hdf, prefix, "name", e->name);
	view_field(hdf, prefix, "bid_batch", e->bid_batch);
	view_field(hdf, prefix, "phone", e->phone);
}

void
enterprise_view_list(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	const struct enterprise	*e;
	char			 key[VIEW_ITEM_MAX];
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		e = enterprise_at(l, i);
		snprintf(key, sizeof(key), "%s.%zu", prefix, i);
		enterprise_view_put(hdf, key, e);
		view_field_int(hdf, key, "is_demo", e->is_demo);
		view_field_int(hdf, key, "outlets", e->outlets);
		view_field_int(hdf, key, "counties", e->counties);
	}
}

void
enterprise_view_names(HDF *hdf, const char *prefix,
    const struct arena_list *l)
{
	const struct enterprise	*e;
	char			 key[VIEW_ITEM_MAX];
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		e = enterprise_at(l, i);
		snprintf(key, sizeof(key), "%s.%zu", prefix, i);
		view_field_int(hdf, key, "id", e->id);
		view_field(hdf, key, "name", e->name);
	}
}

void
enterprise_view_counties(HDF *hdf, const char *prefix,
    const struct arena_list *l)
{
	const struct enterprise_county	*k;
	char				 key[VIEW_ITEM_MAX];
	size_t				 i;

	for (i = 0; i < l->n; i++) {
		k = enterprise_county_at(l, i);
		snprintf(key, sizeof(key), "%s.%zu", prefix, i);
		view_field_int(hdf, key, "enterprise_id", k->enterprise_id);
		view_field(hdf, key, "county_code", k->county_code);
		view_field(hdf, key, "county", k->county);
		view_field(hdf, key, "province", k->province);
		view_field_int(hdf, key, "outlets", k->outlets);
	}
}
