/* The staff's second factor: TOTP (RFC 6238: HMAC-SHA1, 30 s steps, six
 * digits) computed by liboath, and ten one-time recovery codes kept only
 * as hashes. A secret is pending from enrolment until a code confirms it. */
#ifndef JDXX_TOTP_H
#define JDXX_TOTP_H

#include <stddef.h>
#include <time.h>

#include "db/db.h"
#include "domain/audit.h"
#include "domain/result.h"

#define TOTP_SECRET_BYTES	20
#define TOTP_SECRET_TEXT_LEN	32	/* base32 of the secret, no padding */
#define TOTP_STEP_SEC		30
#define TOTP_DIGITS		6
#define TOTP_RECOVERY_CODES	10
#define TOTP_RECOVERY_LEN	11	/* "xxxxx-xxxxx" */
/* The issuer the authenticator app shows beside the account. */
#define TOTP_ISSUER		"家电下乡公共服务网"
/* Room for an otpauth:// URI of a username of up to 32 bytes. */
#define TOTP_URI_MAX		384

/* Once per process, before any other call; 0 or -1. */
int		totp_init(void);
/* The step matched by code for secret at now, within one step either
 * way and after last_step (a step once used never counts again); -1
 * for none. */
long long	totp_match(const unsigned char *secret, size_t len,
		    const char *code, time_t now, long long last_step);
/* Checks a code typed at sign-in for staff_id: a TOTP code of its
 * confirmed secret, taken once, or an unused recovery code, then used
 * up. *ok is 1 when it held; *recovery when it was a recovery code. */
enum domain_status totp_check(long long staff_id, const char *code, int *ok,
		    int *recovery);
/* Removes the second factor and its recovery codes (reset by an account
 * of wider scope, or from the shell). */
enum domain_status totp_reset(long long staff_id);

/* Enrolment. */

enum totp_state {
	TOTP_NONE = 0,		/* no secret */
	TOTP_PENDING,		/* a secret shown, not yet confirmed */
	TOTP_ENABLED		/* confirmed: codes are asked at sign-in */
};

struct totp_status {
	enum totp_state	 state;
	char		 enabled_at[17];	/* YYYY-MM-DD HH:MM, or "" */
	long long	 recovery_left;		/* unused recovery codes */
};

/* "none", "pending" or "enabled", as the audit log records it. */
const char	*totp_state_name(enum totp_state);
/* The state of staff_id's second factor; *found is 0 for no account. */
enum domain_status totp_status(long long staff_id, struct totp_status *,
		    int *found);
/* Gives staff_id a new pending secret unless it has a secret already
 * (pending or confirmed), so a page read twice shows the same one. */
enum domain_status totp_enrol(long long staff_id);
/* The pending secret of staff_id as base32 text; *found is 0 when none
 * is pending (none at all, or confirmed). */
enum domain_status totp_pending_text(long long staff_id,
		    char text[TOTP_SECRET_TEXT_LEN + 1], int *found);
/* Confirms the pending secret of staff_id with a code for it (the step
 * is taken, as at sign-in) and replaces the recovery codes with ten new
 * ones, put in codes to be shown once: only their hashes are kept.
 * *ok is 0 for a wrong code or no pending secret, and nothing changes.
 * Runs inside the caller's transaction (db_begin), so the confirmation
 * and the codes land together. */
enum domain_status totp_confirm(long long staff_id, const char *code, int *ok,
		    char codes[TOTP_RECOVERY_CODES][TOTP_RECOVERY_LEN + 1]);

/* The changes of the second factor as staff make them, each recorded in
 * the audit log. */

/* Gives by's own account a pending secret (totp_enrol), recorded. */
enum domain_status totp_start(const struct audit_by *);
/* Confirms the pending secret of by's own account with code, as
 * totp_confirm does, in one transaction with its audit row; the ten new
 * recovery codes go in codes, to be shown once. A wrong code is
 * DOMAIN_INVALID, with the reason in problems, and recorded as a
 * failure. */
enum domain_status totp_enable(const struct audit_by *, const char *code,
		    char codes[TOTP_RECOVERY_CODES][TOTP_RECOVERY_LEN + 1],
		    struct domain_problems *);
/* Resets the second factor of account staff_id (username) and ends its
 * sessions, which were signed in with the old factor; *was gets the
 * state it had. */
enum domain_status totp_reset_for(long long staff_id, const char *username,
		    const struct audit_by *, enum totp_state *was);

/* The parts, exposed for tests and the pages. */

/* A secret as base32 text without padding; 0, or -1 when it does not
 * fit in len bytes with its NUL. */
int		totp_secret_text(const unsigned char *secret, size_t n,
		    char *out, size_t len);
/* The otpauth://totp/ URI an authenticator app reads from the QR code:
 * issuer and username in the label, the secret, six digits, 30 s,
 * SHA1, each part percent-encoded; 0, or -1 when it does not fit. */
int		totp_uri(char *out, size_t len, const char *username,
		    const char *secret_text);
/* The six digits of a code typed with spaces (ASCII or ideographic) or
 * in full-width digits; 0, or -1 when it is not six digits. */
int		totp_code_normalise(const char *code,
		    char out[TOTP_DIGITS + 1]);
/* A fresh recovery code, "xxxxx-xxxxx" of 23456789abcdefghjkmnpqrstuvwxyz
 * (no 0, 1, i, l or o to be misread). */
void		totp_recovery_make(char out[TOTP_RECOVERY_LEN + 1]);
/* A recovery code as stored: lower case, without dash and spaces; 0, or
 * -1 when it is not ten characters of the alphabet. */
int		totp_recovery_normalise(const char *code,
		    char out[TOTP_RECOVERY_LEN]);
/* The hex SHA-256 of a normalised recovery code. */
void		totp_recovery_hash(const char *normalised, char out[65]);

#endif
