/* Keys for Open311 clients: random, shown once, kept only as a hash. */
#ifndef JDXX_APIKEY_H
#define JDXX_APIKEY_H

#include <ClearSilver/ClearSilver.h>

#include "db.h"

#define APIKEY_BYTES	32
#define APIKEY_LEN	(APIKEY_BYTES * 2)	/* as lowercase hex */
#define APIKEY_NAME_MAX	100			/* characters */
#define APIKEY_PAGE_SIZE	50

/* A new random key as hex. */
void		apikey_generate(char key[APIKEY_LEN + 1]);
/* The hex SHA-256 of the key as sent, which is what is stored. */
void		apikey_hash(const char *key, char out[65]);
/* *id of the key when it exists and is not revoked, else 0. */
enum db_status	apikey_check(const char *key, long long *id);

/* Every key, newest first, as prefix.N.{id, name, created_at,
 * created_by, revoked_at} (revoked_at unset while in use). */
enum db_status	apikey_list(HDF *, long page, const char *prefix, long *n,
		    long long *total);
/* One key as prefix.{id, name, created_at, created_by, revoked_at}. */
enum db_status	apikey_get(HDF *, long long id, const char *prefix,
		    int *found);
enum db_status	apikey_create(const char *name, const char *hash,
		    long long staff_id, unsigned long long *id);
/* Revokes a key in use; *done is 0 when it was revoked already. */
enum db_status	apikey_revoke(long long id, int *done);

#endif
