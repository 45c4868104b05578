/* Staff accounts: look-ups for sign-in and the admin pages, and changes. */
#ifndef JDXX_ACCOUNT_H
#define JDXX_ACCOUNT_H

#include <ClearSilver/ClearSilver.h>
#include <jansson.h>

#include "db/db.h"

#define ACCOUNT_MIN_PASSWORD	10
#define ACCOUNT_MAX_PASSWORD	128

/* prefix.{id, username, display_name, role, region_code, disabled,
 * password_hash} for a username. */
enum db_status	account_by_username(HDF *, const char *username,
		    const char *prefix, int *found);
/* The same without the hash, by id. */
enum db_status	account_get(HDF *, long long id, const char *prefix, int *found);
/* The accounts within region ("": all), by username, as prefix.N.*. */
enum db_status	account_list(HDF *, const char *region, const char *prefix,
		    long *n);
enum db_status	account_create(const char *username, const char *display_name,
		    const char *role, const char *region, const char *hash,
		    unsigned long long *id);
enum db_status	account_update(long long id, const char *display_name,
		    const char *role, const char *region, int disabled);
enum db_status	account_set_password(long long id, const char *hash);
/* An account row as JSON for the audit log (never the hash). */
json_t		*account_json(HDF *row);
/* NULL when password is acceptable for username, else the reason. */
const char	*password_problem(const char *username, const char *password);
/* 1 for 3..32 of a-z, 0-9, '.', '_' and '-', starting with a letter. */
int		 username_valid(const char *);

#endif
