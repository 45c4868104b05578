/* Account records as the account templates read them. */
#include "web/account_view.h"
#include "web/view_field.h"

void
account_view_put(HDF *hdf, const char *prefix, const struct account *a)
{
	view_field_int(hdf, prefix, "id", a->id);
	view_field(hdf, prefix, "username", a->username);
	view_field(hdf, prefix, "display_name", a->display_name);
	view_field(hdf, prefix, "role", a->role);
	view_field(hdf, prefix, "region_code", a->region_code);
	view_field_int(hdf, prefix, "disabled", a->disabled);
	view_field_int(hdf, prefix, "totp_enabled", a->totp_enabled);
	view_field(hdf, prefix, "created_at", a->created_at);
}

void
account_view_rows(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	char	 item[VIEW_ITEM_MAX];
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		view_item_prefix(item, sizeof(item), prefix, i);
		account_view_put(hdf, item, account_at(l, i));
	}
}
