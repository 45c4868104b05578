/* Staff authority: which roles reach a route, which region its object
 * lies in, and what an account may do to another. One rule for every
 * staff page, written here once. */
#ifndef JDXX_AUTHZ_H
#define JDXX_AUTHZ_H

#include "db/db.h"
#include "domain/result.h"
#include "domain/session.h"

/* What a route's {id} names, so that its region can be found before the
 * handler reads or writes it. */
enum authz_object {
	OBJ_NONE = 0,		/* no object, or lists that filter themselves */
	OBJ_ACCOUNT,
	OBJ_OUTLET,
	OBJ_COMPLAINT,
	OBJ_NOTICE,
	OBJ_ATTACHMENT,		/* in its notice's region */
	OBJ_APIKEY,
	OBJ_IMPORT_JOB,
	OBJ_NATIONAL		/* the forms of nationwide records:
				 * only for accounts not limited to a
				 * region (their lists are for all) */
};

/* A route's access word: the roles it admits and the object it names. */
#define ACCESS(roles, object)	((roles) | ((unsigned)(object) << 8))
#define ACCESS_ROLES(a)		((a) & 0xffu)
#define ACCESS_OBJECT(a)	((enum authz_object)((a) >> 8))

enum authz_verdict {
	AUTHZ_ALLOW = 0,
	AUTHZ_NO_ROLE,		/* 403: the role may not do this */
	AUTHZ_NOT_FOUND,	/* 404: no such object, or one outside the
				 * account's region that it may not learn of */
	AUTHZ_OUTSIDE		/* 403: a write outside the region */
};

/* The object's name in the audit log ("route" for none). */
const char	*authz_object_name(enum authz_object);
/* 1 when region inner lies within outer ("" is the whole country). */
int		region_within(const char *inner, const char *outer);
/* 1 when an account of region actor reaches further than one of
 * region target: unlimited over any limited one, a city over its
 * counties. */
int		scope_wider(const char *actor, const char *target);
/* 1 when u's role may use a route with access word access. */
int		authz_role_allows(const struct staff_user *, unsigned access);
/* The verdict for u on a route with access word access: write for POST,
 * and the object's region when the route names one (found 0: none). */
enum authz_verdict authz_decide(const struct staff_user *u, unsigned access,
		    int write, int found, const char *region);
/* The region of the object id of a kind (NULL as ""); *found 0 when
 * there is none. */
enum domain_status authz_object_region(enum authz_object, long long id,
		    char region[16], int *found);

/* An account change as asked for: the actor, the target's current role
 * and region (NULL role for a new account), and what it would become. */
struct account_change {
	const struct staff_user	*actor;
	long long		 target_id;	/* 0 for a new account */
	const char		*role_now, *region_now;
	int			 disabled_now;
	const char		*role, *region;
	int			 disabled;
	int			 password;	/* a new password is set */
};

/* NULL when the actor may make the change, else why not, in Chinese
 * (field names the form field to mark). last_admin is 1 when the target
 * is the only active admin for the whole country. */
const char	*account_change_refusal(const struct account_change *,
		    int last_admin, const char **field);
/* Whether the change takes the target out of the active unlimited
 * admins. */
int		account_change_demotes(const struct account_change *);
/* The number of active admins for the whole country. */
enum domain_status authz_unlimited_admins(long long *n);
/* 1 in *ok when staff_id is an active handler or admin whose region
 * covers region. */
enum domain_status authz_handler_covers(long long staff_id, const char *region,
		    int *ok);

#endif
