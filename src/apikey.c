/* Open311 client keys. */
#include <string.h>

#include <sodium.h>

#include "apikey.h"

#define APIKEY_COLUMNS \
    "SELECT k.id, k.name, DATE_FORMAT(k.created_at, '%Y-%m-%d %H:%i') " \
    "AS created_at, s.username AS created_by, " \
    "DATE_FORMAT(k.revoked_at, '%Y-%m-%d %H:%i') AS revoked_at " \
    "FROM api_key k LEFT JOIN staff s ON s.id = k.created_by "

static struct db_stmt by_hash = DB_READ(
    "SELECT id FROM api_key WHERE key_hash = ? AND revoked_at IS NULL");

static struct db_stmt count_all = DB_READ(
    "SELECT COUNT(*) FROM api_key");

static struct db_stmt page_of_all = DB_READ(
    APIKEY_COLUMNS "ORDER BY k.id DESC LIMIT ? OFFSET ?");

static struct db_stmt by_id = DB_READ(
    APIKEY_COLUMNS "WHERE k.id = ?");

static struct db_stmt insert_key = DB_WRITE(
    "INSERT INTO api_key (key_hash, name, created_by, created_at) "
    "VALUES (?, ?, ?, NOW())");

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

enum db_status
apikey_check(const char *key, long long *id)
{
	char		 hash[65];
	struct db_arg	 a[1];

	*id = 0;
	apikey_hash(key, hash);
	a[0] = DB_TEXT(hash);
	return db_query_int(&by_hash, a, 1, id);
}

enum db_status
apikey_list(HDF *hdf, long page, const char *prefix, long *n,
    long long *total)
{
	struct db_arg	 a[] = { DB_INT(APIKEY_PAGE_SIZE),
	    DB_INT((long long)(page - 1) * APIKEY_PAGE_SIZE) };
	enum db_status	 st;

	*n = 0;
	if ((st = db_query_int(&count_all, NULL, 0, total)) != DB_OK)
		return st;
	return db_query(&page_of_all, a, 2, hdf, prefix, n);
}

enum db_status
apikey_get(HDF *hdf, long long id, const char *prefix, int *found)
{
	struct db_arg	 a[] = { DB_INT(id) };

	return db_query_row(&by_id, a, 1, hdf, prefix, found);
}

enum db_status
apikey_create(const char *name, const char *hash, long long staff_id,
    unsigned long long *id)
{
	struct db_arg	 a[] = { DB_TEXT(hash), DB_TEXT(name),
	    staff_id > 0 ? DB_INT(staff_id) : DB_NULLARG };

	return db_exec(&insert_key, a, DB_NARGS(a), NULL, id);
}

enum db_status
apikey_revoke(long long id, int *done)
{
	struct db_arg		 a[] = { DB_INT(id) };
	unsigned long long	 affected = 0;
	enum db_status		 st;

	st = db_exec(&revoke_key, a, 1, &affected, NULL);
	*done = st == DB_OK && affected == 1;
	return st;
}
