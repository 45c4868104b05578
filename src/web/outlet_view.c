/* Outlets as page data. */
#include <stdio.h>

#include "web/outlet_view.h"
#include "web/view.h"
#include "web/view_field.h"

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

void
outlet_view_put(HDF *hdf, const char *prefix, const struct outlet *o)
{
	char	 names[128];

	view_field_int(hdf, prefix, "id", o->id);
	view_field(hdf, prefix, "reg_no", o->reg_no);
	view_field(hdf, prefix, "name", o->name);
	view_field(hdf, prefix, "mode", o->mode);
	view_field(hdf, prefix, "address", o->address);
	view_field(hdf, prefix, "phone", o->phone);
	view_field(hdf, prefix, "services", o->services);
	view_field(hdf, prefix, "status", o->status);
	view_field(hdf, prefix, "status_since", o->status_since);
	view_field(hdf, prefix, "status_reason", o->status_reason);
	view_field(hdf, prefix, "registered_on", o->registered_on);
	view_field_int(hdf, prefix, "is_demo", o->is_demo);
	view_field(hdf, prefix, "region_code", o->region_code);
	view_field(hdf, prefix, "township", o->township);
	view_field(hdf, prefix, "county_code", o->county_code);
	view_field(hdf, prefix, "county", o->county);
	view_field_int(hdf, prefix, "enterprise_id", o->enterprise_id);
	view_field(hdf, prefix, "enterprise", o->enterprise);
	view_field(hdf, prefix, "categories", o->categories);
	view_field(hdf, prefix, "category_codes", o->category_codes);
	/* Names are set even for a code not known: "" then. */
	view_field(hdf, prefix, "mode_name", outlet_mode_name(or_empty(o->mode)));
	view_field(hdf, prefix, "status_name",
	    outlet_status_name(or_empty(o->status)));
	outlet_service_names(or_empty(o->services), names, sizeof(names));
	view_field(hdf, prefix, "service_names", names);
}

void
outlet_view_list(HDF *hdf, const char *prefix, const struct arena_list *l,
    size_t max)
{
	char	 key[VIEW_ITEM_MAX];
	size_t	 i;

	for (i = 0; i < l->n && i < max; i++) {
		view_item_prefix(key, VIEW_ITEM_MAX, prefix, i);
		outlet_view_put(hdf, key, outlet_at(l, i));
	}
}

void
outlet_view_history(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	const struct outlet_status_entry *e;
	char	 key[VIEW_ITEM_MAX];
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		e = (const struct outlet_status_entry *)l->item + i;
		view_item_prefix(key, VIEW_ITEM_MAX, prefix, i);
		view_field(hdf, key, "status", e->status);
		view_field(hdf, key, "effective_on", e->effective_on);
		view_field(hdf, key, "reason", e->reason);
		view_field(hdf, key, "status_name",
		    outlet_status_name(or_empty(e->status)));
	}
}

void
outlet_view_duplicates(HDF *hdf, const char *prefix,
    const struct arena_list *l)
{
	const struct outlet_duplicate *d;
	char	 key[VIEW_ITEM_MAX];
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		d = (const struct outlet_duplicate *)l->item + i;
		view_item_prefix(key, VIEW_ITEM_MAX, prefix, i);
		view_field_int(hdf, key, "id", d->id);
		view_field(hdf, key, "reg_no", d->reg_no);
		view_field(hdf, key, "name", d->name);
		view_field(hdf, key, "address", d->address);
		view_field(hdf, key, "phone", d->phone);
		view_field(hdf, key, "phone_digits", d->phone_digits);
		view_field(hdf, key, "why", outlet_alike_name(d->why));
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
