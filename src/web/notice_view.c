/* Notice records as the public and staff templates read them. */
#include <stdio.h>

#include "web/notice_view.h"
#include "web/view_field.h"

static void
put_versions(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	const struct notice_version	*v;
	char				 list[VIEW_ITEM_MAX];
	char				 item[VIEW_ITEM_MAX];
	size_t				 i;

	snprintf(list, sizeof(list), "%s.versions", prefix);
	for (i = 0; i < l->n; i++) {
		v = notice_version_at(l, i);
		view_item_prefix(item, sizeof(item), list, i);
		view_field_int(hdf, item, "version", v->version);
		view_field(hdf, item, "title", v->title);
		view_field(hdf, item, "change_note", v->change_note);
		view_field(hdf, item, "edited_at", v->edited_at);
	}
}

void
notice_view_put(HDF *hdf, const char *prefix, const struct notice *n)
{
	view_field_int(hdf, prefix, "id", n->id);
	view_field(hdf, prefix, "kind", n->kind);
	view_field(hdf, prefix, "kind_name", notice_kind_name(n->kind));
	view_field(hdf, prefix, "title", n->title);
	view_field(hdf, prefix, "issuer", n->issuer);
	view_field(hdf, prefix, "doc_no", n->doc_no);
	view_field(hdf, prefix, "issued_on", n->issued_on);
	view_field(hdf, prefix, "published_on", n->published_on);
	view_field(hdf, prefix, "published_at", n->published_at);
	view_field(hdf, prefix, "updated_at", n->updated_at);
	view_field_int(hdf, prefix, "version", n->version);
	view_field_int(hdf, prefix, "is_demo", n->is_demo);
	view_field(hdf, prefix, "body_md", n->body_md);
	view_field(hdf, prefix, "body_html", n->body_html);
	put_versions(hdf, prefix, &n->versions);
}

void
notice_view_rows(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	char	 item[VIEW_ITEM_MAX];
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		view_item_prefix(item, sizeof(item), prefix, i);
		notice_view_put(hdf, item, notice_at(l, i));
	}
}

void
notice_view_entries(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	const struct notice_entry	*e;
	char				 item[VIEW_ITEM_MAX];
	size_t				 i;

	for (i = 0; i < l->n; i++) {
		e = notice_entry_at(l, i);
		view_item_prefix(item, sizeof(item), prefix, i);
		view_field_int(hdf, item, "id", e->id);
		view_field(hdf, item, "kind", e->kind);
		view_field(hdf, item, "kind_name", notice_kind_name(e->kind));
		view_field(hdf, item, "title", e->title);
		view_field(hdf, item, "status", e->status);
		view_field_int(hdf, item, "version", e->version);
		view_field(hdf, item, "region_code", e->region_code);
		view_field(hdf, item, "updated", e->updated);
		view_field_int(hdf, item, "is_demo", e->is_demo);
	}
}

void
notice_view_record(HDF *hdf, const char *prefix, const struct notice_record *n)
{
	view_field_int(hdf, prefix, "id", n->id);
	view_field(hdf, prefix, "kind", n->kind);
	view_field(hdf, prefix, "kind_name", notice_kind_name(n->kind));
	view_field(hdf, prefix, "title", n->title);
	view_field(hdf, prefix, "issuer", n->issuer);
	view_field(hdf, prefix, "doc_no", n->doc_no);
	view_field(hdf, prefix, "issued_on", n->issued_on);
	view_field(hdf, prefix, "region_code", n->region_code);
	view_field(hdf, prefix, "body_md", n->body_md);
	view_field(hdf, prefix, "status", n->status);
	view_field_int(hdf, prefix, "version", n->version);
	view_field(hdf, prefix, "published", n->published);
}
