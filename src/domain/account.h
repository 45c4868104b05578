/* Staff accounts: look-ups for sign-in and the admin pages, and changes.
 * The admin pages' reads answer typed records whose strings live in the
 * caller's arena. */
#ifndef JDXX_ACCOUNT_H
#define JDXX_ACCOUNT_H

#include <stddef.h>

#include <jansson.h>
#include <sodium.h>

#include "base/arena.h"
#include "db/db.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/result.h"

#define ACCOUNT_MIN_PASSWORD	10
#define ACCOUNT_MAX_PASSWORD	128

/* What signing in needs of an account, its password hash among it. */
struct account_credentials {
	long long	 id;
	char		 username[33];
	char		 role[16];
	char		 region[13];	/* "" for every region */
	char		 password_hash[crypto_pwhash_STRBYTES];
	int		 disabled;
	int		 totp_enabled;
};
/* An account as the admin pages show it (never its hash). */
struct account {
	long long	 id;
	const char	*username;
	const char	*display_name;
	const char	*role;		/* admin, editor, handler, records */
	const char	*region_code;	/* "" for every region */
	int		 disabled;
	int		 totp_enabled;	/* a confirmed second factor */
	const char	*created_at;	/* YYYY-MM-DD HH:MM */
};

static inline const struct account *
account_at(const struct arena_list *l, size_t i)
{
	return (const struct account *)l->item + i;
}

/* The credentials of username; *found 0 when there is no such account. */
enum domain_status account_credentials(const char *username,
		    struct account_credentials *, int *found);
/* The account of id; DOMAIN_NOT_FOUND when there is none. */
enum domain_status account_get(struct arena *, long long id, struct account *);
/* The accounts within region ("": all), by username, as struct account. */
enum domain_status account_list(struct arena *, const char *region,
		    struct arena_list *accounts);
enum domain_status account_create(const char *username,
		    const char *display_name, const char *role,
		    const char *region, const char *hash,
		    unsigned long long *id);
enum domain_status account_update(long long id, const char *display_name,
		    const char *role, const char *region, int disabled);
enum domain_status account_set_password(long long id, const char *hash);
/* How many accounts there are. */
enum domain_status account_count(long long *n);
/* Opens the first account, "admin", unlimited, with the password hash. */
enum domain_status account_first_admin(const char *hash);
/* Opens a new account of role and region with password (checked
 * already); DOMAIN_INVALID, with the reason in problems, when the
 * username is taken. The audit row follows the account, not with it. */
enum domain_status account_open(const char *username,
		    const char *display_name, const char *role,
		    const char *region, const char *password,
		    const struct audit_by *, struct domain_problems *,
		    unsigned long long *id);
/* Makes change ch (its actor's authority checked already) to the
 * account stored as old (account_get's), with a new display name,
 * and a new password when ch->password. The last active admin for the
 * whole country is counted again under lock: DOMAIN_FORBIDDEN, with the
 * reason in problems, when the change would leave none. New authority,
 * a new password or disabling ends the account's sessions. */
enum domain_status account_amend(const struct account_change *ch,
		    const struct account *old, const char *display_name,
		    const char *password, const struct audit_by *,
		    struct domain_problems *);
/* An account as JSON for the audit log (never the hash). */
json_t		*account_json(const struct account *);
/* NULL when password is acceptable for username, else the reason. */
const char	*password_problem(const char *username, const char *password);
/* 1 for 3..32 of a-z, 0-9, '.', '_' and '-', starting with a letter. */
int		 username_valid(const char *);

#endif
