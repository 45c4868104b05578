/* Outlet statuses as page data. */
#include "domain/outlet.h"
#include "domain/outlet_record.h"
#include "web/outlet_view.h"
#include "web/view.h"

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
