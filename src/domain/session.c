/* Sessions stored as SHA-256 hashes of their tokens. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "domain/session.h"

static struct db_stmt insert_session = DB_WRITE(
    "INSERT INTO staff_session (token_hash, staff_id, created_at, "
    "last_seen_at, expires_at, address, stage) VALUES (?, ?, NOW(), NOW(), "
    "NOW() + INTERVAL ? SECOND, ?, ?)");

static struct db_stmt load_session = DB_READ(
    "SELECT s.id, s.username, s.display_name, s.role, "
    "COALESCE(s.region_code, '') AS region_code, x.stage, "
    "s.totp_enabled_at IS NOT NULL AS totp_enabled "
    "FROM staff_session x JOIN staff s ON s.id = x.staff_id "
    "WHERE x.token_hash = ? AND x.expires_at > NOW() "
    "AND x.last_seen_at > NOW() - INTERVAL ? SECOND AND s.disabled = 0");

static struct db_stmt touch_session = DB_WRITE(
    "UPDATE staff_session SET last_seen_at = NOW() WHERE token_hash = ?");

static struct db_stmt count_otp_failure = DB_WRITE(
    "UPDATE staff_session SET otp_failures = otp_failures + 1 "
    "WHERE token_hash = ?");

static struct db_stmt otp_failures_of = DB_READ(
    "SELECT otp_failures FROM staff_session WHERE token_hash = ?");

static struct db_stmt delete_session = DB_WRITE(
    "DELETE FROM staff_session WHERE token_hash = ?");

static struct db_stmt delete_sessions_of = DB_WRITE(
    "DELETE FROM staff_session WHERE staff_id = ?");

static struct db_stmt delete_expired = DB_WRITE(
    "DELETE FROM staff_session WHERE expires_at < NOW() "
    "OR last_seen_at < NOW() - INTERVAL ? SECOND");

unsigned
role_bit(const char *name)
{
	if (strcmp(name, "admin") == 0)
		return ROLE_ADMIN;
	if (strcmp(name, "editor") == 0)
		return ROLE_EDITOR;
	if (strcmp(name, "handler") == 0)
		return ROLE_HANDLER;
	if (strcmp(name, "records") == 0)
		return ROLE_RECORDS;
	return 0;
}

/* The stored form of a token: hex of its SHA-256, bound as text. */
static void
token_hash(const char *token, char out[65])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static const char *const stage_names[] = {
	[STAGE_FULL] = "full", [STAGE_OTP] = "otp", [STAGE_ENROL] = "enrol"
};

static enum session_stage
stage_of(const char *name)
{
	if (strcmp(name, "otp") == 0)
		return STAGE_OTP;
	if (strcmp(name, "enrol") == 0)
		return STAGE_ENROL;
	return STAGE_FULL;
}

enum domain_status
session_create(long long staff_id, const char *address,
    enum session_stage stage, char token[SESSION_TOKEN_LEN + 1])
{
	unsigned char	 raw[32];
	char		 hash[65];
	struct db_arg	 a[5];
	struct db_arg	 e[] = { DB_INT(SESSION_IDLE_SEC) };

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(token, SESSION_TOKEN_LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
	token_hash(token, hash);
	a[0] = DB_TEXT(hash);
	a[1] = DB_INT(staff_id);
	a[2] = DB_INT(SESSION_LIFETIME_SEC);
	a[3] = DB_TEXT(address);
	a[4] = DB_TEXT(stage_names[stage]);
	/* Old sessions are swept here rather than by a separate job. */
	db_exec(&delete_expired, e, 1, NULL, NULL);
	return domain_of_db(db_exec(&insert_session, a, 5, NULL, NULL));
}

/* The user of a session row; the first row only. */
static int
session_user(void *arg, const struct db_row *r)
{
	struct staff_user	*u = arg;

	if (u->id != 0)
		return 0;
	u->id = db_int(r, "id");
	snprintf(u->username, sizeof(u->username), "%s",
	    db_text(r, "username"));
	snprintf(u->display_name, sizeof(u->display_name), "%s",
	    db_text(r, "display_name"));
	snprintf(u->role_name, sizeof(u->role_name), "%s", db_text(r, "role"));
	snprintf(u->region, sizeof(u->region), "%s",
	    db_text(r, "region_code"));
	u->role = role_bit(u->role_name);
	u->stage = stage_of(db_text(r, "stage"));
	u->totp_enabled = db_int(r, "totp_enabled") != 0;
	return 0;
}

enum domain_status
session_load(const char *token, struct staff_user *u, int *found)
{
	char		 hash[65];
	struct db_arg	 a[2];
	enum db_status	 st;

	*found = 0;
	memset(u, 0, sizeof(*u));
	if (strlen(token) != SESSION_TOKEN_LEN)
		return DOMAIN_OK;
	token_hash(token, hash);
	a[0] = DB_TEXT(hash);
	a[1] = DB_INT(SESSION_IDLE_SEC);
	st = db_query_each(&load_session, a, 2, session_user, u);
	if (st != DB_OK || u->id == 0) {
		memset(u, 0, sizeof(*u));
		return domain_of_db(st);
	}
	*found = 1;
	snprintf(u->token, sizeof(u->token), "%s", token);
	session_csrf(token, u->csrf);
	return domain_of_db(db_exec(&touch_session, a, 1, NULL, NULL));
}

enum domain_status
session_otp_failed(const char *token, long long *failures)
{
	char		 hash[65];
	struct db_arg	 a[1];
	enum db_status	 st;

	token_hash(token, hash);
	a[0] = DB_TEXT(hash);
	if ((st = db_exec(&count_otp_failure, a, 1, NULL, NULL)) != DB_OK)
		return domain_of_db(st);
	return domain_of_db(db_query_int(&otp_failures_of, a, 1, failures));
}

enum domain_status
session_end(const char *token)
{
	char		 hash[65];
	struct db_arg	 a[1];

	token_hash(token, hash);
	a[0] = DB_TEXT(hash);
	return domain_of_db(db_exec(&delete_session, a, 1, NULL, NULL));
}

enum domain_status
session_end_all(long long staff_id)
{
	struct db_arg	 a[] = { DB_INT(staff_id) };

	return domain_of_db(db_exec(&delete_sessions_of, a, 1, NULL, NULL));
}

void
session_csrf(const char *token, char out[SESSION_TOKEN_LEN + 1])
{
	static const char	 label[] = "jdxx csrf v1";
	unsigned char		 mac[32];

	/* Keyed by the session token: only its holder can compute it. */
	crypto_generichash(mac, sizeof(mac), (const unsigned char *)label,
	    sizeof(label) - 1, (const unsigned char *)token, strlen(token));
	sodium_bin2base64(out, SESSION_TOKEN_LEN + 1, mac, sizeof(mac),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int
token_equal(const char *a, const char *b)
{
	size_t	 n = strlen(a);

	return n == strlen(b) && n > 0 && sodium_memcmp(a, b, n) == 0;
}
