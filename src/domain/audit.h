/* The audit log: who changed what, when, from where, before and after. */
#ifndef JDXX_AUDIT_H
#define JDXX_AUDIT_H

#include <jansson.h>

#include "db/db.h"
#include "domain/session.h"

/* Records one staff write. before and after (either may be NULL) are
 * serialised and freed. user may be NULL for a failed sign-in. */
enum db_status	audit_write(const struct staff_user *, const char *username,
		    const char *address, const char *action,
		    const char *object_type, long long object_id,
		    json_t *before, json_t *after);

#endif
