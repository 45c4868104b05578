/* Failed sign-ins, counted in the database so every worker and host
 * sees the same counts. */
#include <string.h>

#include "throttle.h"

static struct db_stmt wait_of = DB_READ(
    "SELECT GREATEST(0, TIMESTAMPDIFF(SECOND, NOW(), locked_until)) "
    "FROM login_throttle WHERE scope = ? AND subject = ? "
    "AND locked_until IS NOT NULL");

/* A failure long after the last one starts the count again. */
static struct db_stmt record_failure = DB_WRITE(
    "INSERT INTO login_throttle (scope, subject, failures, last_failure) "
    "VALUES (?, ?, 1, NOW()) ON DUPLICATE KEY UPDATE "
    "failures = IF(last_failure < NOW() - INTERVAL 1 DAY, 1, failures + 1), "
    "last_failure = NOW()");

static struct db_stmt failures_of = DB_READ(
    "SELECT failures FROM login_throttle WHERE scope = ? AND subject = ?");

static struct db_stmt set_lock = DB_WRITE(
    "UPDATE login_throttle SET locked_until = IF(? > 0, "
    "NOW() + INTERVAL ? SECOND, NULL) WHERE scope = ? AND subject = ?");

static struct db_stmt clear = DB_WRITE(
    "DELETE FROM login_throttle WHERE scope = ? AND subject = ?");

long long
throttle_delay(long long failures, long long free)
{
	long long	 d = 1;

	if (failures <= free)
		return 0;
	for (failures -= free; failures > 0; failures--) {
		d *= 2;
		if (d >= THROTTLE_MAX_WAIT_SEC)
			return THROTTLE_MAX_WAIT_SEC;
	}
	return d;
}

enum db_status
throttle_wait(const char *scope, const char *subject, long long *seconds)
{
	struct db_arg	 a[] = { DB_TEXT(scope), DB_TEXT(subject) };

	return db_query_int(&wait_of, a, 2, seconds);
}

enum db_status
throttle_fail(const char *scope, const char *subject)
{
	struct db_arg	 a[] = { DB_TEXT(scope), DB_TEXT(subject) };
	struct db_arg	 l[4];
	enum db_status	 st;
	long long	 n, d;

	if ((st = db_exec(&record_failure, a, 2, NULL, NULL)) != DB_OK)
		return st;
	if ((st = db_query_int(&failures_of, a, 2, &n)) != DB_OK)
		return st;
	d = throttle_delay(n, strcmp(scope, "account") == 0 ?
	    THROTTLE_FREE_ACCOUNT : THROTTLE_FREE_ADDRESS);
	l[0] = DB_INT(d);
	l[1] = DB_INT(d);
	l[2] = DB_TEXT(scope);
	l[3] = DB_TEXT(subject);
	return db_exec(&set_lock, l, 4, NULL, NULL);
}

enum db_status
throttle_clear(const char *scope, const char *subject)
{
	struct db_arg	 a[] = { DB_TEXT(scope), DB_TEXT(subject) };

	return db_exec(&clear, a, 2, NULL, NULL);
}
