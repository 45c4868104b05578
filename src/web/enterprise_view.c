/* Sales enterprises as page data. */
#include <stdio.h>

#include "web/enterprise_view.h"
#include "web/view.h"

/* A row's key, and room for a field's name after it. */
#define ROW_MAX	128
#define KEY_MAX	(ROW_MAX + 32)

/* prefix.field = value, unless value is NULL (SQL NULL stays unset). */
static void
put_text(HDF *hdf, const char *prefix, const char *field, const char *value)
{
	char	 key[KEY_MAX];

	if (value == NULL)
		return;
	snprintf(key, sizeof(key), "%s.%s", prefix, field);
	hset(hdf, key, value);
}

static void
put_int(HDF *hdf, const char *prefix, const char *field, long long value)
{
	char	 key[KEY_MAX];

	snprintf(key, sizeof(key), "%s.%s", prefix, field);
	hseti(hdf, key, value);
}

void
enterprise_view_put(HDF *hdf, const char *prefix, const struct enterprise *e)
{
	put_int(hdf, prefix, "id", e->id);
	put_text(hdf, prefix, "name", e->name);
	put_text(hdf, prefix, "bid_batch", e->bid_batch);
	put_text(hdf, prefix, "phone", e->phone);
}

void
enterprise_view_list(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	const struct enterprise	*e;
	char			 key[ROW_MAX];
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		e = enterprise_at(l, i);
		snprintf(key, sizeof(key), "%s.%zu", prefix, i);
		enterprise_view_put(hdf, key, e);
		put_int(hdf, key, "is_demo", e->is_demo);
		put_int(hdf, key, "outlets", e->outlets);
	}
}

void
enterprise_view_names(HDF *hdf, const char *prefix,
    const struct arena_list *l)
{
	const struct enterprise	*e;
	char			 key[ROW_MAX];
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		e = enterprise_at(l, i);
		snprintf(key, sizeof(key), "%s.%zu", prefix, i);
		put_int(hdf, key, "id", e->id);
		put_text(hdf, key, "name", e->name);
	}
}

void
enterprise_view_counties(HDF *hdf, const char *prefix,
    const struct arena_list *l)
{
	const struct enterprise_county	*k;
	char				 key[ROW_MAX];
	size_t				 i;

	for (i = 0; i < l->n; i++) {
		k = enterprise_county_at(l, i);
		snprintf(key, sizeof(key), "%s.%zu", prefix, i);
		put_int(hdf, key, "enterprise_id", k->enterprise_id);
		put_text(hdf, key, "county_code", k->county_code);
		put_text(hdf, key, "county", k->county);
		put_text(hdf, key, "province", k->province);
		put_int(hdf, key, "outlets", k->outlets);
	}
}
