/* Throttles of failed attempts, per client address and per account:
 * after a few failures each further attempt must wait longer. An
 * account's wait stays short, so that a stranger's failures never keep
 * its owner out for more than a few seconds; an address's grows to a
 * lock that ends by itself. */
#ifndef JDXX_THROTTLE_H
#define JDXX_THROTTLE_H

#include "db/db.h"
#include "domain/result.h"

/* Failures before any wait: an address may be a whole village's (also
 * for tracking and other per-address counts). */
#define THROTTLE_FREE_ACCOUNT	3
#define THROTTLE_FREE_ADDRESS	10
#define THROTTLE_MAX_WAIT_SEC	(15 * 60)
/* The longest an account waits for failures made by anyone. */
#define THROTTLE_ACCOUNT_MAX_WAIT_SEC	4
/* The text a client address is counted under: IPv4 whole, IPv6 by its
 * /64 (one subscriber's network), anything else as it is. */
#define THROTTLE_SUBJECT_LEN	64

/* Scopes: "account" (sign-in, by username), "address" (sign-in, by
 * client address), "device" (sign-in from the account's own browsers,
 * by username), "track" (tracking codes, by address), "otp" (second
 * factor, by account), "password" (password change, by account). */

/* Seconds before subject may try again (0: now). */
enum domain_status throttle_wait(const char *scope, const char *subject,
		    long long *seconds);
/* Records a failure and sets the next wait. */
enum domain_status throttle_fail(const char *scope, const char *subject);
enum domain_status throttle_clear(const char *scope, const char *subject);
/* The wait after n failures of which free cost nothing: then doubling
 * from 2 s up to max. */
long long	throttle_delay(long long failures, long long free, long long max);
/* The address as it is counted (see THROTTLE_SUBJECT_LEN). */
void		throttle_address(const char *address,
		    char out[THROTTLE_SUBJECT_LEN + 1]);

#endif
