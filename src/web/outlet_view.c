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

/* What an outlet's card (templates/outlets/card.cs) reads, into r, a
 * node with no children yet: no node of more than ten children, for
 * ClearSilver gives such a node a hash table, and building, searching
 * and freeing those was a sixth of the county page's instructions when
 * each card was one node of nineteen. The text is o's (the request's
 * arena) or the labels' (static), so it is linked, not copied. */
static void
card_fill(HDF *r, const struct outlet *o)
{
	char	 names[128];
	HDF	*n;

	/* ClearSilver finds a name by walking a node's children in order:
	 * the most read come first, and a name is compared in full only
	 * against one of its length. */
	if ((n = hadd(r, "place", NULL)) != NULL) {
		hadd(n, "phone", o->phone);
		/* 所在乡镇 as the card shows it: "county township". */
		hadd_spaced(n, "locality", or_empty(o->county),
		    or_empty(o->township));
		hadd(n, "address", o->address);
		hadd(n, "code", o->region_code);
	}
	if ((n = hadd(r, "status", o->status)) != NULL) {
		/* A name is set even for a code not known: "" then. */
		hadd(n, "name", outlet_status_name(or_empty(o->status)));
		hadd(n, "since", o->status_since);
		hadd(n, "reason", o->status_reason);
	}
	if ((n = hadd(r, "enterprise", o->enterprise)) != NULL) {
		hadd_int(n, "id", o->enterprise_id);
		hadd(n, "mode", outlet_mode_name(or_empty(o->mode)));
	}
	if ((n = hadd(r, "offers", NULL)) != NULL) {
		hadd(n, "categories", o->categories);
		outlet_service_names(or_empty(o->services), names,
		    sizeof(names));
		hadd_copy(n, "services", names);
	}
	hadd_int(r, "id", o->id);
	hadd(r, "name", o->name);
	hadd_int(r, "is_demo", o->is_demo);
	hadd(r, "reg_no", o->reg_no);
	hadd(r, "registered_on", o->registered_on);
}

void
outlet_view_card(HDF *hdf, const char *prefix, const struct outlet *o)
{
	HDF	*r;

	if ((r = hnew(hdf, prefix)) != NULL)
		card_fill(r, o);
}

void
outlet_view_put(HDF *hdf, const char *prefix, const struct outlet *o)
{
	char	 names[128];
	HDF	*r;

	/* The record's node once, its fields relative to it. */
	if ((r = hnode(hdf, prefix)) == NULL)
		return;
	hseti(r, "id", o->id);
	view_set(r, "reg_no", o->reg_no);
	view_set(r, "name", o->name);
	view_set(r, "mode", o->mode);
	view_set(r, "address", o->address);
	view_set(r, "phone", o->phone);
	view_set(r, "services", o->services);
	view_set(r, "status", o->status);
	view_set(r, "status_since", o->status_since);
	view_set(r, "status_reason", o->status_reason);
	view_set(r, "registered_on", o->registered_on);
	hseti(r, "is_demo", o->is_demo);
	view_set(r, "region_code", o->region_code);
	view_set(r, "township", o->township);
	view_set(r, "county_code", o->county_code);
	view_set(r, "county", o->county);
	hseti(r, "enterprise_id", o->enterprise_id);
	view_set(r, "enterprise", o->enterprise);
	view_set(r, "categories", o->categories);
	view_set(r, "category_codes", o->category_codes);
	/* Names are set even for a code not known: "" then. */
	view_set(r, "mode_name", outlet_mode_name(or_empty(o->mode)));
	view_set(r, "status_name", outlet_status_name(or_empty(o->status)));
	outlet_service_names(or_empty(o->services), names, sizeof(names));
	view_set(r, "service_names", names);
}

void
outlet_view_cards(HDF *hdf, const char *prefix, const struct arena_list *l,
    size_t max)
{
	HDF	*list, *r;
	size_t	 i;

	if (l->n == 0 || max == 0 || (list = hnew(hdf, prefix)) == NULL)
		return;
	for (i = 0; i < l->n && i < max; i++)
		if ((r = hadd_item(list, i)) != NULL)
			card_fill(r, outlet_at(l, i));
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
