/* The audit log: who changed what, when, from where, before and after.
 * Its pages read typed entries whose strings live in the caller's
 * arena. */
#ifndef JDXX_AUDIT_H
#define JDXX_AUDIT_H

#include <stddef.h>

#include <jansson.h>

#include "base/arena.h"
#include "db/db.h"
#include "domain/result.h"
#include "domain/session.h"

#define AUDIT_PAGE_SIZE	50

/* Who makes a change, and from where, as the log keeps it. */
struct audit_by {
	const struct staff_user	*user;		/* NULL: not a staff session */
	const char		*address;
	const char		*username;	/* who, when user is NULL */
};

/* One entry of the log as its page shows it. */
struct audit_entry {
	long long	 id;
	const char	*at;		/* YYYY-MM-DD HH:MM:SS */
	const char	*username;
	const char	*address;
	const char	*action;
	const char	*object_type;
	long long	 object_id;	/* 0: none (never stored as such) */
	const char	*before_json;	/* NULL: none */
	const char	*after_json;	/* NULL: none */
};

static inline const struct audit_entry *
audit_entry_at(const struct arena_list *l, size_t i)
{
	return (const struct audit_entry *)l->item + i;
}

/* Records one staff write. before and after (either may be NULL) are
 * serialised and freed. user may be NULL for a failed sign-in. */
enum domain_status audit_write(const struct staff_user *, const char *username,
		    const char *address, const char *action,
		    const char *object_type, long long object_id,
		    json_t *before, json_t *after);
/* The same for a change made by by. */
enum db_status	audit_record(const struct audit_by *by, const char *action,
		    const char *object_type, long long object_id,
		    json_t *before, json_t *after);
/* A page of the log, newest first, as struct audit_entry, and the count
 * of all that match in *total: of username and action ("" for any),
 * written by accounts within region ("" for all). */
enum domain_status audit_list(struct arena *, const char *username,
		    const char *action, const char *region, long page,
		    struct arena_list *entries, long long *total);

#endif
