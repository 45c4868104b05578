/* Keys for Open311 clients: random, shown once, kept only as a hash.
 * The admin page's reads answer typed records whose strings live in the
 * caller's arena. */
#ifndef JDXX_APIKEY_H
#define JDXX_APIKEY_H

#include <stddef.h>

#include "base/arena.h"
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

/* A key as the admin page lists it. */
struct apikey_record {
	long long	 id;
	const char	*name;
	const char	*region_code;	/* NULL for the whole country */
	const char	*region_name;	/* NULL for the whole country */
	const char	*created_at;	/* YYYY-MM-DD HH:MM */
	const char	*created_by;	/* a username; NULL when unknown */
	const char	*revoked_at;	/* YYYY-MM-DD HH:MM; NULL: in use */
};

static inline const struct apikey_record *
apikey_record_at(const struct arena_list *l, size_t i)
{
	return (const struct apikey_record *)l->item + i;
}

/* A new random key as hex. */
void		apikey_generate(char key[APIKEY_LEN + 1]);
/* The hex SHA-256 of the key as sent, which is what is stored. */
void		apikey_hash(const char *key, char out[65]);
/* The key with its region when it exists and is not revoked; else
 * k->id is 0. */
enum domain_status apikey_check(const char *key, struct apikey *k);
/* 1 when a record of region code lies inside the key's region: the
 * code starts with it (a key of the whole country holds every code). */
int		apikey_holds(const struct apikey *, const char *code);

/* The keys whose region lies inside region ("" for every key), newest
 * first, a page of APIKEY_PAGE_SIZE as struct apikey_record, and the
 * count of them all in *total. */
enum domain_status apikey_list(struct arena *, const char *region, long page,
		    struct arena_list *keys, long long *total);
/* One key, revoked or not; DOMAIN_NOT_FOUND when there is none. */
enum domain_status apikey_get(struct arena *, long long id,
		    struct apikey_record *);
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
