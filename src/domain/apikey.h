/* Keys for Open311 clients: random, shown once, kept only as a hash. */
#ifndef JDXX_APIKEY_H
#define JDXX_APIKEY_H

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"
#include "domain/audit.h"
#include "domain/result.h"

#define APIKEY_BYTES	32
#define APIKEY_LEN	(APIKEY_BYTES * 2)	/* as lowercase hex */
#define APIKEY_NAME_MAX	100			/* characters */
#define APIKEY_PAGE_SIZE	50
#define APIKEY_REGION_MAX	12			/* a GB/T 2260 code */

/* A key in use: its id and the region it reads and files in. */
struct apikey {
	long long	 id;				/* 0: no such key */
	char		 region[APIKEY_REGION_MAX + 1];	/* "" the country */
};

/* A new random key as hex. */
void		apikey_generate(char key[APIKEY_LEN + 1]);
/* The hex SHA-256 of the key as sent, which is what is stored. */
void		apikey_hash(const char *key, char out[65]);
/* The key with its region when it exists and is not revoked; else
 * k->id is 0. */
enum db_status	apikey_check(const char *key, struct apikey *k);
/* 1 when a record of region code lies inside the key's region: the
 * code starts with it (a key of the whole country holds every code). */
int		apikey_holds(const struct apikey *, const char *code);

/* The keys whose region lies inside region ("" for every key), newest
 * first, as prefix.N.{id, name, region_code, region_name, created_at,
 * created_by, revoked_at} (region_code unset for the whole country,
 * revoked_at unset while in use). */
enum db_status	apikey_list(HDF *, const char *region, long page,
		    const char *prefix, long *n, long long *total);
/* One key as prefix.{id, name, region_code, region_name, created_at,
 * created_by, revoked_at}. */
enum db_status	apikey_get(HDF *, long long id, const char *prefix,
		    int *found);
/* Makes a new key named name, put in key to be shown once (only its
 * hash is kept). The key may do what its maker may: it reads and files
 * in the region of by's account. */
enum domain_status apikey_create(const char *name, const struct audit_by *,
		    char key[APIKEY_LEN + 1], unsigned long long *id);
/* Revokes key id, named name; revoking twice changes nothing and
 * records nothing. */
enum domain_status apikey_revoke(long long id, const char *name,
		    const struct audit_by *);

#endif
