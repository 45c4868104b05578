/* Open311 client keys as page data: what the admin page lists of them
 * (the keys themselves are never kept). */
#ifndef JDXX_APIKEY_VIEW_H
#define JDXX_APIKEY_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "base/arena.h"
#include "domain/apikey.h"

/* A list of struct apikey_record (apikey_list's) as prefix.N.{id, name,
 * region_code, region_name, created_at, created_by, revoked_at}, each
 * left unset where the record has none. */
void	apikey_view_rows(HDF *, const char *prefix, const struct arena_list *);

#endif
