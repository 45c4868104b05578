/* Login throttling per account and per client address: after a few
 * failures each further attempt must wait longer, up to a lock that ends
 * by itself. */
#ifndef JDXX_THROTTLE_H
#define JDXX_THROTTLE_H

#include "db.h"

#define THROTTLE_FREE_FAILURES	3	/* before any wait */
#define THROTTLE_MAX_WAIT_SEC	(15 * 60)

/* Seconds before subject may try again (0: now). */
enum db_status	throttle_wait(const char *scope, const char *subject,
		    long long *seconds);
/* Records a failure and sets the next wait. */
enum db_status	throttle_fail(const char *scope, const char *subject);
enum db_status	throttle_clear(const char *scope, const char *subject);
/* The wait after n failures: 0 for the first few, then doubling. */
long long	throttle_delay(long long failures);

#endif
