/* TOTP codes computed by liboath; secrets and recovery codes drawn and
 * hashed by libsodium. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <liboath/oath.h>
#include <sodium.h>

#include "base/log.h"
#include "domain/session.h"
#include "domain/totp.h"

/* Ten characters of 31: about 49 bits, read aloud without confusion. */
static const char	 recovery_alphabet[] =
    "23456789abcdefghjkmnpqrstuvwxyz";
#define RECOVERY_CHARS	(TOTP_RECOVERY_LEN - 1)

static struct db_stmt status_of = DB_READ(
    "SELECT totp_secret IS NOT NULL AS has_secret, "
    "totp_enabled_at IS NOT NULL AS enabled, "
    "COALESCE(DATE_FORMAT(totp_enabled_at, '%Y-%m-%d %H:%i'), '') "
    "AS enabled_at, (SELECT COUNT(*) FROM staff_recovery_code r "
    "WHERE r.staff_id = s.id AND r.used_at IS NULL) AS recovery_left "
    "FROM staff s WHERE s.id = ?");

/* Only where there is no secret: two tabs opened at once get one. */
static struct db_stmt set_pending = DB_WRITE(
    "UPDATE staff SET totp_secret = ?, totp_last_step = 0 "
    "WHERE id = ? AND totp_secret IS NULL AND totp_enabled_at IS NULL");

static struct db_stmt pending_secret = DB_READ(
    "SELECT totp_secret FROM staff WHERE id = ? "
    "AND totp_enabled_at IS NULL");

static struct db_stmt pending_secret_locked = DB_READ(
    "SELECT totp_secret FROM staff WHERE id = ? "
    "AND totp_enabled_at IS NULL FOR UPDATE");

static struct db_stmt confirmed_secret = DB_READ(
    "SELECT totp_secret FROM staff WHERE id = ? "
    "AND totp_enabled_at IS NOT NULL");

static struct db_stmt last_step_of = DB_READ(
    "SELECT totp_last_step FROM staff WHERE id = ?");

/* The step is taken by whoever moves it first: a code counts once. The
 * secret is compared so that a reset in between voids the code. */
static struct db_stmt take_step = DB_WRITE(
    "UPDATE staff SET totp_last_step = ? WHERE id = ? "
    "AND totp_enabled_at IS NOT NULL AND totp_secret = ? "
    "AND totp_last_step < ?");

static struct db_stmt confirm_secret = DB_WRITE(
    "UPDATE staff SET totp_enabled_at = NOW(), totp_last_step = ? "
    "WHERE id = ? AND totp_enabled_at IS NULL AND totp_secret = ? "
    "AND totp_last_step < ?");

/* A code left over from a factor since removed counts for nothing. */
static struct db_stmt use_recovery = DB_WRITE(
    "UPDATE staff_recovery_code r JOIN staff s ON s.id = r.staff_id "
    "SET r.used_at = NOW() WHERE r.staff_id = ? AND r.code_hash = ? "
    "AND r.used_at IS NULL AND s.totp_enabled_at IS NOT NULL");

static struct db_stmt delete_recovery = DB_WRITE(
    "DELETE FROM staff_recovery_code WHERE staff_id = ?");

static struct db_stmt insert_recovery = DB_WRITE(
    "INSERT INTO staff_recovery_code (staff_id, code_hash) VALUES (?, ?)");

static struct db_stmt clear_factor = DB_WRITE(
    "UPDATE staff SET totp_secret = NULL, totp_enabled_at = NULL, "
    "totp_last_step = 0 WHERE id = ?");

static int
oath_ready(void)
{
	static int	 ready;

	if (!ready) {
		if (oath_init() != OATH_OK) {
			log_error("totp: liboath would not start");
			return -1;
		}
		ready = 1;
	}
	return 0;
}

int
totp_init(void)
{
	if (sodium_init() < 0)
		return -1;
	return oath_ready();
}

int
totp_code_normalise(const char *code, char out[TOTP_DIGITS + 1])
{
	const unsigned char	*p = (const unsigned char *)code;
	size_t			 n = 0;
	char			 d;

	while (*p != '\0') {
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		/* U+3000, the space of a Chinese input method. */
		if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80) {
			p += 3;
			continue;
		}
		if (*p >= '0' && *p <= '9')
			d = (char)*p++;
		/* U+FF10..U+FF19, full-width digits. */
		else if (p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 &&
		    p[2] <= 0x99) {
			d = (char)('0' + (p[2] - 0x90));
			p += 3;
		} else
			return -1;
		if (n == TOTP_DIGITS)
			return -1;
		out[n++] = d;
	}
	out[n] = '\0';
	return n == TOTP_DIGITS ? 0 : -1;
}

long long
totp_match(const unsigned char *secret, size_t len, const char *code,
    time_t now, long long last_step)
{
	char		 want[TOTP_DIGITS + 1], got[TOTP_DIGITS + 1];
	long long	 t, step, match = -1;
	int		 d;

	if (secret == NULL || len == 0 || now < 0 ||
	    (long long)now > LLONG_MAX - 2 * TOTP_STEP_SEC ||
	    totp_code_normalise(code, want) == -1 || oath_ready() == -1)
		return -1;
	t = (long long)now / TOTP_STEP_SEC;
	/* Each step of the window is computed, skipping those used already,
	 * rather than asking liboath for the first that matches: a code
	 * that also matches a used step must not hide an unused one. */
	for (d = -1; d <= 1; d++) {
		step = t + d;
		if (step < 0 || step <= last_step)
			continue;
		if (oath_totp_generate((const char *)secret, len,
		    (time_t)(step * TOTP_STEP_SEC), TOTP_STEP_SEC, 0,
		    TOTP_DIGITS, got) != OATH_OK) {
			match = -1;
			break;
		}
		/* The latest step that matches: none after it can take the
		 * code again. */
		if (sodium_memcmp(got, want, TOTP_DIGITS) == 0)
			match = step;
	}
	sodium_memzero(got, sizeof(got));
	sodium_memzero(want, sizeof(want));
	return match;
}

int
totp_secret_text(const unsigned char *secret, size_t n, char *out,
    size_t len)
{
	char	*text = NULL;
	size_t	 tlen = 0;
	int	 rc = -1;

	out[0] = '\0';
	if (oath_base32_encode((const char *)secret, n, &text, &tlen) !=
	    OATH_OK)
		return -1;
	while (tlen > 0 && text[tlen - 1] == '=')
		tlen--;
	if (tlen < len) {
		memcpy(out, text, tlen);
		out[tlen] = '\0';
		rc = 0;
	}
	sodium_memzero(text, tlen);
	free(text);
	return rc;
}

/* Appends s to out[*at..len), percent-encoding all but the unreserved
 * characters of RFC 3986 when encode; -1 when it does not fit. */
static int
uri_add(char *out, size_t len, size_t *at, const char *s, int encode)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (!encode || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '.' || *p == '_' || *p == '~') {
			if (*at + 1 >= len)
				return -1;
			out[(*at)++] = (char)*p;
		} else {
			if (*at + 3 >= len)
				return -1;
			out[(*at)++] = '%';
			out[(*at)++] = hex[*p >> 4];
			out[(*at)++] = hex[*p & 15];
		}
	}
	out[*at] = '\0';
	return 0;
}

int
totp_uri(char *out, size_t len, const char *username,
    const char *secret_text)
{
	size_t	 at = 0;

	if (len == 0)
		return -1;
	out[0] = '\0';
	if (uri_add(out, len, &at, "otpauth://totp/", 0) == -1 ||
	    uri_add(out, len, &at, TOTP_ISSUER, 1) == -1 ||
	    uri_add(out, len, &at, ":", 0) == -1 ||
	    uri_add(out, len, &at, username, 1) == -1 ||
	    uri_add(out, len, &at, "?secret=", 0) == -1 ||
	    uri_add(out, len, &at, secret_text, 1) == -1 ||
	    uri_add(out, len, &at, "&issuer=", 0) == -1 ||
	    uri_add(out, len, &at, TOTP_ISSUER, 1) == -1 ||
	    uri_add(out, len, &at, "&algorithm=SHA1&digits=6&period=30", 0) ==
	    -1) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

void
totp_recovery_make(char out[TOTP_RECOVERY_LEN + 1])
{
	size_t	 i, j = 0;

	for (i = 0; i < RECOVERY_CHARS; i++) {
		if (i == RECOVERY_CHARS / 2)
			out[j++] = '-';
		out[j++] = recovery_alphabet[randombytes_uniform(
		    sizeof(recovery_alphabet) - 1)];
	}
	out[j] = '\0';
}

int
totp_recovery_normalise(const char *code, char out[TOTP_RECOVERY_LEN])
{
	const unsigned char	*p = (const unsigned char *)code;
	size_t			 n = 0;
	unsigned char		 ch;

	for (; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '-')
			continue;
		if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80) {
			p += 2;
			continue;
		}
		ch = *p >= 'A' && *p <= 'Z' ? (unsigned char)(*p - 'A' + 'a') :
		    *p;
		if (ch == '\0' || strchr(recovery_alphabet, ch) == NULL ||
		    n == RECOVERY_CHARS)
			return -1;
		out[n++] = (char)ch;
	}
	out[n] = '\0';
	return n == RECOVERY_CHARS ? 0 : -1;
}

void
totp_recovery_hash(const char *normalised, char out[65])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)normalised,
	    strlen(normalised));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static void
secret_free(char *secret, size_t len)
{
	if (secret != NULL) {
		sodium_memzero(secret, len);
		free(secret);
	}
}

const char *
totp_state_name(enum totp_state s)
{
	return s == TOTP_ENABLED ? "enabled" : s == TOTP_PENDING ? "pending" :
	    "none";
}

/* Where totp_status's row goes. */
struct status_sink {
	struct totp_status	*s;
	int			 found;
};

/* The second factor of a staff row; the first row only. */
static int
status_row(void *arg, const struct db_row *r)
{
	struct status_sink	*k = arg;

	if (k->found)
		return 0;
	k->found = 1;
	k->s->state = db_int(r, "enabled") ? TOTP_ENABLED :
	    db_int(r, "has_secret") ? TOTP_PENDING : TOTP_NONE;
	snprintf(k->s->enabled_at, sizeof(k->s->enabled_at), "%s",
	    db_text(r, "enabled_at"));
	k->s->recovery_left = db_int(r, "recovery_left");
	return 0;
}

enum domain_status
totp_status(long long staff_id, struct totp_status *s, int *found)
{
	struct db_arg		 a[] = { DB_INT(staff_id) };
	struct status_sink	 k = { s, 0 };
	enum db_status		 st;

	memset(s, 0, sizeof(*s));
	st = db_query_each(&status_of, a, 1, status_row, &k);
	if (st != DB_OK) {
		memset(s, 0, sizeof(*s));
		k.found = 0;
	}
	*found = k.found;
	return domain_of_db(st);
}

enum domain_status
totp_enrol(long long staff_id)
{
	unsigned char	 secret[TOTP_SECRET_BYTES];
	struct db_arg	 a[2];
	enum db_status	 st;

	randombytes_buf(secret, sizeof(secret));
	a[0] = DB_BLOB((const char *)secret, sizeof(secret));
	a[1] = DB_INT(staff_id);
	st = db_exec(&set_pending, a, 2, NULL, NULL);
	sodium_memzero(secret, sizeof(secret));
	return domain_of_db(st);
}

enum domain_status
totp_pending_text(long long staff_id, char text[TOTP_SECRET_TEXT_LEN + 1],
    int *found)
{
	struct db_arg	 a[] = { DB_INT(staff_id) };
	enum db_status	 st;
	char		*secret;
	size_t		 len;

	*found = 0;
	text[0] = '\0';
	if ((st = db_query_blob(&pending_secret, a, 1, &secret, &len)) !=
	    DB_OK || secret == NULL)
		return domain_of_db(st);
	if (len != TOTP_SECRET_BYTES || totp_secret_text(
	    (const unsigned char *)secret, len, text,
	    TOTP_SECRET_TEXT_LEN + 1) == -1) {
		log_error("totp: staff %lld: a secret of %zu bytes", staff_id,
		    len);
		st = DB_ERROR;
	} else
		*found = 1;
	secret_free(secret, len);
	return domain_of_db(st);
}

/* Ten new recovery codes for staff_id in place of any it had. */
static enum db_status
recovery_replace(long long staff_id,
    char codes[TOTP_RECOVERY_CODES][TOTP_RECOVERY_LEN + 1])
{
	struct db_arg	 a[2];
	char		 norm[TOTP_RECOVERY_LEN], hash[65];
	enum db_status	 st;
	size_t		 i, j;

	a[0] = DB_INT(staff_id);
	if ((st = db_exec(&delete_recovery, a, 1, NULL, NULL)) != DB_OK)
		return st;
	for (i = 0; i < TOTP_RECOVERY_CODES && st == DB_OK; i++) {
		/* Drawn again in the rare case of a repeat: the key is
		 * (staff_id, code_hash). */
		do {
			totp_recovery_make(codes[i]);
			for (j = 0; j < i; j++)
				if (strcmp(codes[i], codes[j]) == 0)
					break;
		} while (j < i);
		if (totp_recovery_normalise(codes[i], norm) == -1)
			return DB_ERROR;
		totp_recovery_hash(norm, hash);
		a[1] = DB_TEXT(hash);
		st = db_exec(&insert_recovery, a, 2, NULL, NULL);
	}
	sodium_memzero(norm, sizeof(norm));
	return st;
}

/* Takes the step a code matches for the secret secret_of reads, by
 * take_step (bound to step, id, secret, step: it holds only while the
 * secret is the one checked and the step is newer than the last); *taken
 * is 1 when it did. */
static enum db_status
take_matched_step(struct db_stmt *secret_of, struct db_stmt *take,
    long long staff_id, const char *code, int *taken)
{
	struct db_arg		 a[4];
	unsigned long long	 affected = 0;
	enum db_status		 st;
	char			*secret = NULL;
	size_t			 len = 0;
	long long		 last, step;

	*taken = 0;
	a[0] = DB_INT(staff_id);
	if ((st = db_query_blob(secret_of, a, 1, &secret, &len)) != DB_OK ||
	    secret == NULL)
		goto out;
	if ((st = db_query_int(&last_step_of, a, 1, &last)) != DB_OK)
		goto out;
	step = totp_match((const unsigned char *)secret, len, code,
	    time(NULL), last);
	if (step < 0)
		goto out;
	a[0] = DB_INT(step);
	a[1] = DB_INT(staff_id);
	a[2] = DB_BLOB(secret, len);
	a[3] = DB_INT(step);
	st = db_exec(take, a, 4, &affected, NULL);
	*taken = st == DB_OK && affected == 1;
out:
	secret_free(secret, len);
	return st;
}

enum domain_status
totp_confirm(long long staff_id, const char *code, int *ok,
    char codes[TOTP_RECOVERY_CODES][TOTP_RECOVERY_LEN + 1])
{
	enum db_status	 st;
	int		 taken;

	*ok = 0;
	memset(codes, 0, sizeof(codes[0]) * TOTP_RECOVERY_CODES);
	if ((st = take_matched_step(&pending_secret_locked, &confirm_secret,
	    staff_id, code, &taken)) == DB_OK && taken &&
	    (st = recovery_replace(staff_id, codes)) == DB_OK)
		*ok = 1;
	if (!*ok)
		sodium_memzero(codes, sizeof(codes[0]) * TOTP_RECOVERY_CODES);
	return domain_of_db(st);
}

enum domain_status
totp_check(long long staff_id, const char *code, int *ok, int *recovery)
{
	char			 digits[TOTP_DIGITS + 1];
	char			 norm[TOTP_RECOVERY_LEN], hash[65];
	struct db_arg		 a[2];
	unsigned long long	 affected = 0;
	enum db_status		 st;

	*ok = 0;
	*recovery = 0;
	if (totp_code_normalise(code, digits) == 0)
		/* A code of the confirmed secret, its step taken at once. */
		return domain_of_db(take_matched_step(&confirmed_secret,
		    &take_step, staff_id, digits, ok));
	if (totp_recovery_normalise(code, norm) == -1)
		return DOMAIN_OK;
	totp_recovery_hash(norm, hash);
	sodium_memzero(norm, sizeof(norm));
	a[0] = DB_INT(staff_id);
	a[1] = DB_TEXT(hash);
	st = db_exec(&use_recovery, a, 2, &affected, NULL);
	*ok = *recovery = st == DB_OK && affected == 1;
	return domain_of_db(st);
}

enum domain_status
totp_reset(long long staff_id)
{
	struct db_arg	 a[] = { DB_INT(staff_id) };
	enum db_status	 st;

	if ((st = db_exec(&clear_factor, a, 1, NULL, NULL)) != DB_OK)
		return domain_of_db(st);
	return domain_of_db(db_exec(&delete_recovery, a, 1, NULL, NULL));
}

enum domain_status
totp_start(const struct audit_by *by)
{
	enum domain_status	 st;

	if ((st = totp_enrol(by->user->id)) != DOMAIN_OK ||
	    (st = domain_of_db(audit_record(by, "totp_enrol", "staff",
	    by->user->id, NULL, json_pack("{s:s}", "totp",
	    totp_state_name(TOTP_PENDING))))) != DOMAIN_OK)
		return st;
	return DOMAIN_OK;
}

enum domain_status
totp_enable(const struct audit_by *by, const char *code,
    char codes[TOTP_RECOVERY_CODES][TOTP_RECOVERY_LEN + 1],
    struct domain_problems *p)
{
	long long		 id = by->user->id;
	enum domain_status	 st;
	int			 ok;

	memset(codes, 0, sizeof(codes[0]) * TOTP_RECOVERY_CODES);
	if ((st = domain_of_db(db_begin())) != DOMAIN_OK)
		return st;
	st = totp_confirm(id, code, &ok, codes);
	if (st == DOMAIN_OK && ok)
		st = domain_of_db(audit_record(by, "totp_enable", "staff", id,
		    json_pack("{s:s}", "totp", totp_state_name(TOTP_PENDING)),
		    json_pack("{s:s,s:i}", "totp",
		    totp_state_name(TOTP_ENABLED), "recovery_codes",
		    TOTP_RECOVERY_CODES)));
	if (st != DOMAIN_OK || !ok) {
		db_rollback();
		sodium_memzero(codes, sizeof(codes[0]) * TOTP_RECOVERY_CODES);
		if (st != DOMAIN_OK)
			return st;
		audit_record(by, "totp_enable_failed", "staff", id, NULL, NULL);
		domain_problem(p, "code", "动态验证码不正确。请确认已扫描"
		    "本页的二维码（或输入了本页的密钥），手机时间准确，"
		    "并输入应用当前显示的 6 位数字");
		return DOMAIN_INVALID;
	}
	if ((st = domain_finish(st)) != DOMAIN_OK)
		sodium_memzero(codes, sizeof(codes[0]) * TOTP_RECOVERY_CODES);
	return st;
}

enum domain_status
totp_reset_for(long long staff_id, const char *username,
    const struct audit_by *by, enum totp_state *was)
{
	struct totp_status	 s;
	enum domain_status	 st;
	int			 found;

	if ((st = totp_status(staff_id, &s, &found)) != DOMAIN_OK ||
	    (st = domain_of_db(db_begin())) != DOMAIN_OK)
		return st;
	*was = s.state;
	st = totp_reset(staff_id);
	if (st == DOMAIN_OK)
		st = session_end_all(staff_id);
	if (st == DOMAIN_OK)
		st = domain_of_db(audit_record(by, "totp_reset", "staff",
		    staff_id, json_pack("{s:s,s:s,s:I}", "username", username,
		    "totp", totp_state_name(s.state), "recovery_left",
		    (json_int_t)s.recovery_left), json_pack("{s:s,s:s}",
		    "username", username, "totp", totp_state_name(TOTP_NONE))));
	return domain_finish(st);
}
