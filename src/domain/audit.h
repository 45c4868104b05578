/* The audit log: who changed what, when, from where, before and after. */
#ifndef JDXX_AUDIT_H
#define JDXX_AUDIT_H

#include <ClearSilver/ClearSilver.h>
#include <jansson.h>

#include "db/db.h"
#include "domain/session.h"

#define AUDIT_PAGE_SIZE	50

/* Who makes a change, and from where, as the log keeps it. */
struct audit_by {
	const struct staff_user	*user;		/* NULL: not a staff session */
	const char		*address;
	const char		*username;	/* who, when user is NULL */
};

/* Records one staff write. before and after (either may be NULL) are
 * serialised and freed. user may be NULL for a failed sign-in. */
enum db_status	audit_write(const struct staff_user *, const char *username,
		    const char *address, const char *action,
		    const char *object_type, long long object_id,
		    json_t *before, json_t *after);
/* The same for a change made by by. */
enum db_status	audit_record(const struct audit_by *by, const char *action,
		    const char *object_type, long long object_id,
		    json_t *before, json_t *after);
/* A page of the log, newest first, as prefix.N.{id, at, username,
 * address, action, object_type, object_id, before_json, after_json},
 * and the count of all that match: of username and action ("" for
 * any), written by accounts within region ("" for all). */
enum db_status	audit_list(HDF *, const char *username, const char *action,
		    const char *region, long page, const char *prefix,
		    long *n, long long *total);

#endif
