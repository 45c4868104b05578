/* Outlet statuses as page data, from the one table of their names
 * (domain/outlet.c) and the one rule of their moves
 * (domain/outlet_record.c). */
#ifndef JDXX_OUTLET_VIEW_H
#define JDXX_OUTLET_VIEW_H

#include <ClearSilver/ClearSilver.h>

/* Every status, as prefix.N.{code, name}. */
void	outlet_view_statuses(HDF *, const char *prefix);
/* The statuses an outlet may move to from status from, as
 * prefix.N.{code, name}. */
void	outlet_view_moves(HDF *, const char *prefix, const char *from);

#endif
