/* Failed sign-ins, counted in the database so every worker and host
 * sees the same counts. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "domain/throttle.h"

struct scope_rule {
	const char	*scope;
	long long	 free;
	long long	 max_wait;
	int		 by_address;
};

static const struct scope_rule rules[] = {
	{ "account", THROTTLE_FREE_ACCOUNT, THROTTLE_ACCOUNT_MAX_WAIT_SEC, 0 },
	{ "address", THROTTLE_FREE_ADDRESS, THROTTLE_MAX_WAIT_SEC, 1 },
	{ "device", THROTTLE_FREE_ADDRESS, THROTTLE_MAX_WAIT_SEC, 0 },
	{ "track", THROTTLE_FREE_ADDRESS, THROTTLE_MAX_WAIT_SEC, 1 },
	{ "otp", THROTTLE_FREE_ACCOUNT, THROTTLE_MAX_WAIT_SEC, 0 },
	{ "password", THROTTLE_FREE_ACCOUNT, THROTTLE_MAX_WAIT_SEC, 0 },
};

static const struct scope_rule *
rule_of(const char *scope)
{
	size_t	 i;

	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (strcmp(rules[i].scope, scope) == 0)
			return &rules[i];
	return &rules[1];
}

void
throttle_address(const char *address, char out[THROTTLE_SUBJECT_LEN + 1])
{
	unsigned char	 a[16];
	char		 text[INET6_ADDRSTRLEN];

	/* One IPv6 subscriber holds a whole /64: count it as one. */
	if (inet_pton(AF_INET6, address, a) == 1 &&
	    !(memcmp(a, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0)) {
		memset(a + 8, 0, 8);
		if (inet_ntop(AF_INET6, a, text, sizeof(text)) != NULL) {
			snprintf(out, THROTTLE_SUBJECT_LEN + 1, "%s/64", text);
			return;
		}
	}
	snprintf(out, THROTTLE_SUBJECT_LEN + 1, "%s", address);
}

/* The subject as stored: addresses by their counted form. */
static const char *
subject_of(const struct scope_rule *r, const char *subject,
    char buf[THROTTLE_SUBJECT_LEN + 1])
{
	if (!r->by_address)
		return subject;
	throttle_address(subject, buf);
	return buf;
}

/* Throttles count on the primary: a lagging replica would let tries by. */
static struct db_stmt wait_of = DB_READ_PRIMARY(
    "SELECT GREATEST(0, TIMESTAMPDIFF(SECOND, NOW(), locked_until)) "
    "FROM login_throttle WHERE scope = ? AND subject = ? "
    "AND locked_until IS NOT NULL");

/* A failure long after the last one starts the count again. */
static struct db_stmt record_failure = DB_WRITE(
    "INSERT INTO login_throttle (scope, subject, failures, last_failure) "
    "VALUES (?, ?, 1, NOW()) ON DUPLICATE KEY UPDATE "
    "failures = IF(last_failure < NOW() - INTERVAL 1 DAY, 1, failures + 1), "
    "last_failure = NOW()");

static struct db_stmt failures_of = DB_READ_PRIMARY(
    "SELECT failures FROM login_throttle WHERE scope = ? AND subject = ?");

static struct db_stmt set_lock = DB_WRITE(
    "UPDATE login_throttle SET locked_until = IF(? > 0, "
    "NOW() + INTERVAL ? SECOND, NULL) WHERE scope = ? AND subject = ?");

static struct db_stmt clear = DB_WRITE(
    "DELETE FROM login_throttle WHERE scope = ? AND subject = ?");

long long
throttle_delay(long long failures, long long free, long long max)
{
	long long	 d = 1;

	if (failures <= free)
		return 0;
	for (failures -= free; failures > 0; failures--) {
		d *= 2;
		if (d >= max)
			return max;
	}
	return d;
}

enum domain_status
throttle_wait(const char *scope, const char *subject, long long *seconds)
{
	char		 buf[THROTTLE_SUBJECT_LEN + 1];
	struct db_arg	 a[] = { DB_TEXT(scope),
	    DB_TEXT(subject_of(rule_of(scope), subject, buf)) };

	return domain_of_db(db_query_int(&wait_of, a, 2, seconds));
}

enum domain_status
throttle_fail(const char *scope, const char *subject)
{
	const struct scope_rule *r = rule_of(scope);
	char		 buf[THROTTLE_SUBJECT_LEN + 1];
	struct db_arg	 a[] = { DB_TEXT(scope),
	    DB_TEXT(subject_of(r, subject, buf)) };
	struct db_arg	 l[4];
	enum db_status	 st;
	long long	 n, d;

	if ((st = db_exec(&record_failure, a, 2, NULL, NULL)) != DB_OK)
		return domain_of_db(st);
	if ((st = db_query_int(&failures_of, a, 2, &n)) != DB_OK)
		return domain_of_db(st);
	d = throttle_delay(n, r->free, r->max_wait);
	l[0] = DB_INT(d);
	l[1] = DB_INT(d);
	l[2] = a[0];
	l[3] = a[1];
	return domain_of_db(db_exec(&set_lock, l, 4, NULL, NULL));
}

enum domain_status
throttle_clear(const char *scope, const char *subject)
{
	char		 buf[THROTTLE_SUBJECT_LEN + 1];
	struct db_arg	 a[] = { DB_TEXT(scope),
	    DB_TEXT(subject_of(rule_of(scope), subject, buf)) };

	return domain_of_db(db_exec(&clear, a, 2, NULL, NULL));
}
