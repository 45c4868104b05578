/* The audit log as page data. */
#ifndef JDXX_AUDIT_VIEW_H
#define JDXX_AUDIT_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "base/arena.h"
#include "domain/audit.h"

/* A list of struct audit_entry (audit_list's) as prefix.N.{id, at,
 * username, address, action, object_type, object_id, before_json,
 * after_json}, each left unset where the entry has none. */
void	audit_view_rows(HDF *, const char *prefix, const struct arena_list *);

#endif
