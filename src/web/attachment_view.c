/* Attachment records as the notice templates read them. */
#include "web/attachment_view.h"
#include "web/view_field.h"

long long
attachment_view_kb(long long size)
{
	return size > 0 ? (size + 1023) / 1024 : 0;
}

void
attachment_view_rows(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	const struct attachment	*a;
	char			 item[VIEW_ITEM_MAX];
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		a = attachment_at(l, i);
		view_item_prefix(item, sizeof(item), prefix, i);
		view_field_int(hdf, item, "id", a->id);
		view_field(hdf, item, "filename", a->filename);
		view_field(hdf, item, "content_type", a->content_type);
		view_field_int(hdf, item, "size", a->size);
		view_field_int(hdf, item, "size_kb",
		    attachment_view_kb(a->size));
	}
}
