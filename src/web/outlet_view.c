/* Outlets as page data. */
#include <stdio.h>

#include "web/outlet_view.h"
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

/* The key of the n-th row of a list. */
static void
row_key(char key[ROW_MAX], const char *prefix, size_t n)
{
	snprintf(key, ROW_MAX, "%s.%zu", prefix, n);
}

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

void
outlet_view_put(HDF *hdf, const char *prefix, const struct outlet *o)
{
	char	 names[128];

	put_int(hdf, prefix, "id", o->id);
	put_text(hdf, prefix, "reg_no", o->reg_no);
	put_text(hdf, prefix, "name", o->name);
	put_text(hdf, prefix, "mode", o->mode);
	put_text(hdf, prefix, "address", o->address);
	put_text(hdf, prefix, "phone", o->phone);
	put_text(hdf, prefix, "services", o->services);
	put_text(hdf, prefix, "status", o->status);
	put_text(hdf, prefix, "status_since", o->status_since);
	put_text(hdf, prefix, "status_reason", o->status_reason);
	put_text(hdf, prefix, "registered_on", o->registered_on);
	put_int(hdf, prefix, "is_demo", o->is_demo);
	put_text(hdf, prefix, "region_code", o->region_code);
	put_text(hdf, prefix, "township", o->township);
	put_text(hdf, prefix, "county_code", o->county_code);
	put_text(hdf, prefix, "county", o->county);
	put_int(hdf, prefix, "enterprise_id", o->enterprise_id);
	put_text(hdf, prefix, "enterprise", o->enterprise);
	put_text(hdf, prefix, "categories", o->categories);
	put_text(hdf, prefix, "category_codes", o->category_codes);
	/* Names are set even for a code not known: "" then. */
	put_text(hdf, prefix, "mode_name", outlet_mode_name(or_empty(o->mode)));
	put_text(hdf, prefix, "status_name",
	    outlet_status_name(or_empty(o->status)));
	outlet_service_names(or_empty(o->services), names, sizeof(names));
	put_text(hdf, prefix, "service_names", names);
}

void
outlet_view_list(HDF *hdf, const char *prefix, const struct arena_list *l,
    size_t max)
{
	char	 key[ROW_MAX];
	size_t	 i;

	for (i = 0; i < l->n && i < max; i++) {
		row_key(key, prefix, i);
		outlet_view_put(hdf, key, outlet_at(l, i));
	}
}

void
outlet_view_history(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	const struct outlet_status_entry *e;
	char	 key[ROW_MAX];
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		e = (const struct outlet_status_entry *)l->item + i;
		row_key(key, prefix, i);
		put_text(hdf, key, "status", e->status);
		put_text(hdf, key, "effective_on", e->effective_on);
		put_text(hdf, key, "reason", e->reason);
		put_text(hdf, key, "status_name",
		    outlet_status_name(or_empty(e->status)));
	}
}

void
outlet_view_duplicates(HDF *hdf, const char *prefix,
    const struct arena_list *l)
{
	const struct outlet_duplicate *d;
	char	 key[ROW_MAX];
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		d = (const struct outlet_duplicate *)l->item + i;
		row_key(key, prefix, i);
		put_int(hdf, key, "id", d->id);
		put_text(hdf, key, "reg_no", d->reg_no);
		put_text(hdf, key, "name", d->name);
		put_text(hdf, key, "address", d->address);
		put_text(hdf, key, "phone", d->phone);
		put_text(hdf, key, "phone_digits", d->phone_digits);
		put_text(hdf, key, "why", outlet_alike_name(d->why));
	}
}

void
outlet_view_statuses(HDF *hdf, const char *prefix)
{
	view_code_list(hdf, prefix, outlet_status_code, outlet_status_name);
}

void
outlet_view_moves(HDF *hdf, const char *prefix, const char *from)
{
	const char	*code;
	size_t		 i, n = 0;

	for (i = 0; (code = outlet_status_code(i)) != NULL; i++)
		if (outlet_status_move_allowed(from, code))
			view_code_item(hdf, prefix, n++, code,
			    outlet_status_move_name(code));
}
