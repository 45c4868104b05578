/* Staff sessions: a random token in an HttpOnly cookie, only its hash in
 * the database; idle and absolute time limits; a CSRF token derived from
 * the session token, so it needs no storage and dies with the session. */
#ifndef JDXX_SESSION_H
#define JDXX_SESSION_H

#include <stddef.h>

#include "db/db.h"
#include "domain/result.h"

#define SESSION_TOKEN_LEN	43	/* 32 random bytes, base64url */
#define SESSION_IDLE_SEC	(30 * 60)
#define SESSION_LIFETIME_SEC	(8 * 60 * 60)

enum staff_role {
	ROLE_ADMIN = 1, ROLE_EDITOR = 2, ROLE_HANDLER = 4, ROLE_RECORDS = 8,
	ROLE_ANY = 15
};

/* How far a sign-in has come: only a full session reaches staff work. */
enum session_stage {
	STAGE_FULL = 0,		/* password and, where due, second factor */
	STAGE_OTP,		/* password right; the code is still due */
	STAGE_ENROL		/* password right; a second factor must be set up */
};

struct staff_user {
	long long	 id;
	char		 username[33];
	char		 display_name[151];
	char		 role_name[16];
	unsigned	 role;		/* one enum staff_role bit */
	char		 region[13];	/* "" for every region */
	enum session_stage stage;
	int		 totp_enabled;	/* a confirmed second factor */
	char		 csrf[SESSION_TOKEN_LEN + 1];
	char		 token[SESSION_TOKEN_LEN + 1];
};

/* The role bit for a stored role name, 0 when unknown. */
unsigned	role_bit(const char *name);
/* Starts a session at stage; token receives the new cookie value. */
enum domain_status session_create(long long staff_id, const char *address,
		    enum session_stage, char token[SESSION_TOKEN_LEN + 1]);
/* Counts a wrong second-factor code against the session; *failures is
 * the count so far. */
enum domain_status session_otp_failed(const char *token, long long *failures);
/* Loads the user of a live session and marks it used; *found is 0 for
 * an unknown, expired, idle or disabled one. */
enum domain_status session_load(const char *token, struct staff_user *,
		    int *found);
enum domain_status session_end(const char *token);
/* Ends every session of a staff member (password change, disabling). */
enum domain_status session_end_all(long long staff_id);
/* The CSRF token belonging to a session token. */
void		session_csrf(const char *token, char out[SESSION_TOKEN_LEN + 1]);
/* Constant-time comparison of two NUL-terminated tokens; 1 when equal. */
int		token_equal(const char *a, const char *b);

#endif
