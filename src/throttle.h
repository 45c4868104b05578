/* Login throttling per account and per client address: after a few
 * failures each further attempt must wait longer, up to a lock that ends
 * by itself. */
#ifndef JDXX_THROTTLE_H
#define JDXX_THROTTLE_H

#include "db.h"

/* Failures before any wait: an address may be a whole village's (also
 * for tracking and other per-address counts). */
#define THROTTLE_FREE_ACCOUNT	3
#define THROTTLE_FREE_ADDRESS	10
#define THROTTLE_MAX_WAIT_SEC	(15 * 60)

/* Seconds before subject may try again (0: now). */
enum db_status	throttle_wait(const char *scope, const char *subject,
		    long long *seconds);
/* Records a failure and sets the next wait. */
enum db_status	throttle_fail(const char *scope, const char *subject);
enum db_status	throttle_clear(const char *scope, const char *subject);
/* The wait after n failures of which free cost nothing: then doubling
 * from 2 s up to THROTTLE_MAX_WAIT_SEC. */
long long	throttle_delay(long long failures, long long free);

#endif
