/* Open311 client keys. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "domain/apikey.h"

#define APIKEY_COLUMNS \
    "SELECT k.id, k.name, k.region_code, r.name AS region_name, " \
    "DATE_FORMAT(k.created_at, '%Y-%m-%d %H:%i') " \
    "AS created_at, s.username AS created_by, " \
    "DATE_FORMAT(k.revoked_at, '%Y-%m-%d %H:%i') AS revoked_at " \
    "FROM api_key k LEFT JOIN staff s ON s.id = k.created_by " \
    "LEFT JOIN region r ON r.code = k.region_code "

/* A key of the whole country lies inside no region but the country. */
#define APIKEY_INSIDE \
    "COALESCE(k.region_code, '') LIKE CONCAT(?, '%') "

static struct db_stmt by_hash = DB_READ(
    "SELECT id, region_code FROM api_key "
    "WHERE key_hash = ? AND revoked_at IS NULL");

static struct db_stmt count_inside = DB_READ(
    "SELECT COUNT(*) FROM api_key k WHERE " APIKEY_INSIDE);

static struct db_stmt page_inside = DB_READ(
    APIKEY_COLUMNS "WHERE " APIKEY_INSIDE
    "ORDER BY k.id DESC LIMIT ? OFFSET ?");

static struct db_stmt by_id = DB_READ(
    APIKEY_COLUMNS "WHERE k.id = ?");

static struct db_stmt insert_key = DB_WRITE(
    "INSERT INTO api_key (key_hash, name, region_code, created_by, "
    "created_at) VALUES (?, ?, ?, ?, NOW())");

static struct db_stmt revoke_key = DB_WRITE(
    "UPDATE api_key SET revoked_at = NOW() WHERE id = ? "
    "AND revoked_at IS NULL");

void
apikey_generate(char key[APIKEY_LEN + 1])
{
	unsigned char	 raw[APIKEY_BYTES];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(key, APIKEY_LEN + 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

void
apikey_hash(const char *key, char out[65])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)key, strlen(key));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static int
key_in_use(void *arg, const struct db_row *r)
{
	struct apikey	*k = arg;

	if (k->id != 0)
		return 0;
	k->id = db_int(r, "id");
	snprintf(k->region, sizeof(k->region), "%s", db_text(r, "region_code"));
	return 0;
}

enum domain_status
apikey_check(const char *key, struct apikey *k)
{
	char		 hash[65];
	struct db_arg	 a[1];
	enum db_status	 st;

	memset(k, 0, sizeof(*k));
	apikey_hash(key, hash);
	a[0] = DB_TEXT(hash);
	st = db_query_each(&by_hash, a, 1, key_in_use, k);
	if (st != DB_OK)
		memset(k, 0, sizeof(*k));
	return domain_of_db(st);
}

int
apikey_holds(const struct apikey *k, const char *code)
{
	size_t	 n = strlen(k->region);

	return code != NULL && strncmp(code, k->region, n) == 0;
}

static int
record_row(void *arg, const struct db_row *r)
{
	struct db_records	*k = arg;
	struct apikey_record	*rec;

	if ((rec = db_record(k)) == NULL)
		return k->arena->failed ? -1 : 0;
	rec->id = db_int(r, "id");
	rec->name = db_keep(k->arena, r, "name");
	rec->region_code = db_keep(k->arena, r, "region_code");
	rec->region_name = db_keep(k->arena, r, "region_name");
	rec->created_at = db_keep(k->arena, r, "created_at");
	rec->created_by = db_keep(k->arena, r, "created_by");
	rec->revoked_at = db_keep(k->arena, r, "revoked_at");
	return k->arena->failed ? -1 : 0;
}

/* Runs a read into k. */
static enum domain_status
read_records(struct db_stmt *stmt, const struct db_arg *a, size_t n,
    struct db_records *k)
{
	enum db_status	 st;

	st = db_query_each(stmt, a, n, record_row, k);
	return domain_of_records(st, k);
}

enum domain_status
apikey_list(struct arena *arena, const char *region, long page,
    struct arena_list *keys, long long *total)
{
	struct db_arg		 a[] = { DB_TEXT(region),
	    DB_INT(APIKEY_PAGE_SIZE),
	    DB_INT((long long)(page - 1) * APIKEY_PAGE_SIZE) };
	struct db_records	 k = { arena, keys, NULL,
	    sizeof(struct apikey_record), 0 };
	enum db_status		 st;

	*keys = (struct arena_list){ 0 };
	if ((st = db_query_int(&count_inside, a, 1, total)) != DB_OK)
		return domain_of_db(st);
	return read_records(&page_inside, a, DB_NARGS(a), &k);
}

enum domain_status
apikey_get(struct arena *arena, long long id, struct apikey_record *rec)
{
	struct db_arg		 a[] = { DB_INT(id) };
	struct db_records	 k = { arena, NULL, rec,
	    sizeof(struct apikey_record), 0 };

	memset(rec, 0, sizeof(*rec));
	return read_records(&by_id, a, 1, &k);
}

static enum db_status
insert_key_row(const char *name, const char *region, const char *hash,
    long long staff_id, unsigned long long *id)
{
	struct db_arg	 a[] = { DB_TEXT(hash), DB_TEXT(name),
	    region[0] != '\0' ? DB_TEXT(region) : DB_NULLARG,
	    staff_id > 0 ? DB_INT(staff_id) : DB_NULLARG };

	return db_exec(&insert_key, a, DB_NARGS(a), NULL, id);
}

enum domain_status
apikey_create(const char *name, const struct audit_by *by,
    char key[APIKEY_LEN + 1], unsigned long long *id)
{
	const char	*region = by->user->region;
	char		 hash[65];
	enum db_status	 st;

	apikey_generate(key);
	apikey_hash(key, hash);
	if ((st = db_begin()) != DB_OK)
		goto out;
	st = insert_key_row(name, region, hash, by->user->id, id);
	if (st == DB_OK)
		st = audit_record(by, "apikey_create", "api_key",
		    (long long)*id, NULL, json_pack("{s:s,s:s?}", "name", name,
		    "region_code", region[0] != '\0' ? region : NULL));
	st = db_finish(st);
out:
	if (st != DB_OK)
		sodium_memzero(key, APIKEY_LEN + 1);
	return domain_of_db(st);
}

enum domain_status
apikey_revoke(long long id, const char *name, const struct audit_by *by)
{
	struct db_arg		 a[] = { DB_INT(id) };
	unsigned long long	 affected = 0;
	enum db_status		 st;

	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	st = db_exec(&revoke_key, a, 1, &affected, NULL);
	/* Revoking twice changes nothing and records nothing. */
	if (st == DB_OK && affected == 1)
		st = audit_record(by, "apikey_revoke", "api_key", id,
		    json_pack("{s:s,s:n}", "name", name, "revoked_at"),
		    json_pack("{s:s,s:b}", "name", name, "revoked", 1));
	return domain_of_db(db_finish(st));
}
