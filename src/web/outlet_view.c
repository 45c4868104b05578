/* Outlet statuses as page data. */
#include <stdio.h>

#include "domain/outlet.h"
#include "domain/outlet_record.h"
#include "web/outlet_view.h"
#include "web/view.h"

static void
option(HDF *hdf, const char *prefix, int n, const char *code,
    const char *name)
{
	char	 key[64];

	snprintf(key, sizeof(key), "%s.%d.code", prefix, n);
	hset(hdf, key, code);
	snprintf(key, sizeof(key), "%s.%d.name", prefix, n);
	hset(hdf, key, name);
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
	size_t		 i;
	int		 n = 0;

	for (i = 0; (code = outlet_status_code(i)) != NULL; i++)
		if (outlet_status_move_allowed(from, code))
			option(hdf, prefix, n++, code,
			    outlet_status_move_name(code));
}
