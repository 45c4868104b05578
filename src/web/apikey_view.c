/* Key records as the keys template reads them. */
#include "web/apikey_view.h"
#include "web/view_field.h"

void
apikey_view_rows(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	const struct apikey_record	*k;
	char				 item[VIEW_ITEM_MAX];
	size_t				 i;

	for (i = 0; i < l->n; i++) {
		k = apikey_record_at(l, i);
		view_item_prefix(item, sizeof(item), prefix, i);
		view_field_int(hdf, item, "id", k->id);
		view_field(hdf, item, "name", k->name);
		view_field(hdf, item, "region_code", k->region_code);
		view_field(hdf, item, "region_name", k->region_name);
		view_field(hdf, item, "created_at", k->created_at);
		view_field(hdf, item, "created_by", k->created_by);
		view_field(hdf, item, "revoked_at", k->revoked_at);
	}
}
