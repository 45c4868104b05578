/* Audit entries as the log's template reads them. */
#include "web/audit_view.h"
#include "web/view_field.h"

void
audit_view_rows(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	const struct audit_entry	*e;
	char				 item[VIEW_ITEM_MAX];
	size_t				 i;

	for (i = 0; i < l->n; i++) {
		e = audit_entry_at(l, i);
		view_item_prefix(item, sizeof(item), prefix, i);
		view_field_int(hdf, item, "id", e->id);
		view_field(hdf, item, "at", e->at);
		view_field(hdf, item, "username", e->username);
		view_field(hdf, item, "address", e->address);
		view_field(hdf, item, "action", e->action);
		view_field(hdf, item, "object_type", e->object_type);
		if (e->object_id > 0)
			view_field_int(hdf, item, "object_id", e->object_id);
		view_field(hdf, item, "before_json", e->before_json);
		view_field(hdf, item, "after_json", e->after_json);
	}
}
