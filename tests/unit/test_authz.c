/* Staff authority: regions within regions, wider scopes, the verdict
 * for each role and region, account changes, and throttled addresses. */
#include <stdio.h>
#include <string.h>

#include "domain/authz.h"
#include "check.h"
#include "domain/throttle.h"

static const struct {
	const char	*inner, *outer;
	int		 within, wider;	/* wider: outer reaches further */
} region_cases[] = {
	{ "420607", "", 1, 1 },
	{ "420607", "4206", 1, 1 },
	{ "420607", "420607", 1, 0 },
	{ "420607001", "420607", 1, 1 },
	{ "420606", "420607", 0, 0 },
	{ "4206", "420607", 0, 0 },
	{ "", "420607", 0, 0 },
	{ "", "", 1, 0 },
	{ "420607", "4207", 0, 0 },
};

static struct staff_user
user(unsigned role, const char *region)
{
	struct staff_user	 u;

	memset(&u, 0, sizeof(u));
	u.id = 7;
	u.role = role;
	snprintf(u.region, sizeof(u.region), "%s", region);
	return u;
}

static const struct {
	unsigned	 role;
	const char	*mine;
	unsigned	 access;
	int		 write, found;
	const char	*region;
	enum authz_verdict want;
} verdict_cases[] = {
	/* roles */
	{ ROLE_EDITOR, "", ROLE_HANDLER, 0, 1, "", AUTHZ_NO_ROLE },
	{ ROLE_ADMIN, "420607", ROLE_HANDLER, 0, 1, "", AUTHZ_ALLOW },
	{ ROLE_HANDLER, "", ROLE_ADMIN, 0, 1, "", AUTHZ_NO_ROLE },
	/* objects inside, outside, missing */
	{ ROLE_HANDLER, "420607", ACCESS(ROLE_HANDLER, OBJ_COMPLAINT), 0, 1,
	    "420607101", AUTHZ_ALLOW },
	{ ROLE_HANDLER, "420607", ACCESS(ROLE_HANDLER, OBJ_COMPLAINT), 0, 1,
	    "420606101", AUTHZ_NOT_FOUND },
	{ ROLE_HANDLER, "420607", ACCESS(ROLE_HANDLER, OBJ_COMPLAINT), 1, 1,
	    "420606101", AUTHZ_OUTSIDE },
	{ ROLE_HANDLER, "420607", ACCESS(ROLE_HANDLER, OBJ_COMPLAINT), 1, 0,
	    "", AUTHZ_NOT_FOUND },
	{ ROLE_HANDLER, "4206", ACCESS(ROLE_HANDLER, OBJ_COMPLAINT), 1, 1,
	    "420606101", AUTHZ_ALLOW },
	{ ROLE_HANDLER, "", ACCESS(ROLE_HANDLER, OBJ_COMPLAINT), 1, 1,
	    "500101001", AUTHZ_ALLOW },
	/* an unlimited account is outside every limited one */
	{ ROLE_ADMIN, "4206", ACCESS(ROLE_ADMIN, OBJ_ACCOUNT), 0, 1, "",
	    AUTHZ_NOT_FOUND },
	{ ROLE_ADMIN, "4206", ACCESS(ROLE_ADMIN, OBJ_ACCOUNT), 1, 1, "",
	    AUTHZ_OUTSIDE },
	/* national records' forms: for the unlimited only */
	{ ROLE_RECORDS, "420607", ACCESS(ROLE_RECORDS, OBJ_NATIONAL), 0, 0,
	    "", AUTHZ_OUTSIDE },
	{ ROLE_RECORDS, "420607", ACCESS(ROLE_RECORDS, OBJ_NATIONAL), 1, 0,
	    "", AUTHZ_OUTSIDE },
	{ ROLE_RECORDS, "", ACCESS(ROLE_RECORDS, OBJ_NATIONAL), 1, 0, "",
	    AUTHZ_ALLOW },
};

static const struct {
	const char	*mine;
	long long	 target;	/* 7 is the actor itself */
	const char	*role_now, *region_now;
	int		 disabled_now;
	const char	*role, *region;
	int		 disabled, password, last_admin;
	const char	*field;		/* NULL: allowed */
} change_cases[] = {
	/* new accounts: within the actor's region only */
	{ "420607", 0, NULL, NULL, 0, "handler", "420607", 0, 0, 0, NULL },
	{ "420607", 0, NULL, NULL, 0, "admin", "", 0, 0, 0, "region" },
	{ "420607", 0, NULL, NULL, 0, "handler", "420606", 0, 0, 0, "region" },
	{ "4206", 0, NULL, NULL, 0, "handler", "420607", 0, 0, 0, NULL },
	{ "", 0, NULL, NULL, 0, "admin", "", 0, 0, 0, NULL },
	/* one's own role, region and sign-in stay */
	{ "420607", 7, "admin", "420607", 0, "admin", "", 0, 0, 0, "region" },
	{ "420607", 7, "admin", "420607", 0, "handler", "420607", 0, 0, 0,
	    "role" },
	{ "", 7, "admin", "", 0, "admin", "", 1, 0, 0, "role" },
	{ "420607", 7, "admin", "420607", 0, "admin", "420607", 0, 0, 0, NULL },
	/* passwords and disabling need a wider scope */
	{ "420607", 9, "admin", "420607", 0, "admin", "420607", 0, 1, 0,
	    "password" },
	{ "4206", 9, "admin", "420607", 0, "admin", "420607", 0, 1, 0, NULL },
	{ "420607", 9, "handler", "420607", 0, "handler", "420607", 1, 0, 0,
	    "disabled" },
	{ "420607", 9, "handler", "420607", 1, "handler", "420607", 0, 0, 0,
	    "disabled" },
	{ "420607", 9, "handler", "420607", 0, "editor", "420607", 0, 0, 0,
	    NULL },
	{ "", 9, "admin", "", 0, "admin", "", 0, 1, 0, "password" },
	/* so does a region: narrowing a peer would make it one's inferior */
	{ "4206", 9, "admin", "4206", 0, "admin", "420607", 0, 0, 0, "region" },
	{ "", 9, "admin", "", 0, "admin", "42", 0, 0, 0, "region" },
	{ "", 9, "admin", "4206", 0, "admin", "420607", 0, 0, 0, NULL },
	{ "4206", 9, "admin", "420607", 0, "admin", "4206", 0, 0, 0, NULL },
	/* one's own password only with the current one, elsewhere */
	{ "420607", 7, "admin", "420607", 0, "admin", "420607", 0, 1, 0,
	    "password" },
	/* the last unlimited admin stays one */
	{ "", 9, "admin", "", 0, "editor", "", 0, 0, 1, "role" },
	{ "", 9, "admin", "", 0, "editor", "", 0, 0, 0, NULL },
};

static const struct {
	const char	*address, *want;
} address_cases[] = {
	{ "192.0.2.7", "192.0.2.7" },
	{ "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64" },
	{ "2001:db8:1:2::9", "2001:db8:1:2::/64" },
	{ "::ffff:192.0.2.7", "::ffff:192.0.2.7" },
	{ "", "" },
	{ "not an address", "not an address" },
};

void
test_authz(void)
{
	struct staff_user	 u;
	struct account_change	 ch;
	const char		*field;
	char			 subject[THROTTLE_SUBJECT_LEN + 1];
	size_t			 i;

	for (i = 0; i < NELEM(region_cases); i++) {
		CHECK(region_within(region_cases[i].inner,
		    region_cases[i].outer) == region_cases[i].within,
		    "region_within(%s, %s)", region_cases[i].inner,
		    region_cases[i].outer);
		CHECK(scope_wider(region_cases[i].outer,
		    region_cases[i].inner) == region_cases[i].wider,
		    "scope_wider(%s, %s)", region_cases[i].outer,
		    region_cases[i].inner);
	}
	for (i = 0; i < NELEM(verdict_cases); i++) {
		u = user(verdict_cases[i].role, verdict_cases[i].mine);
		CHECK(authz_decide(&u, verdict_cases[i].access,
		    verdict_cases[i].write, verdict_cases[i].found,
		    verdict_cases[i].region) == verdict_cases[i].want,
		    "verdict case %zu", i);
	}
	for (i = 0; i < NELEM(change_cases); i++) {
		u = user(ROLE_ADMIN, change_cases[i].mine);
		ch = (struct account_change){ &u, change_cases[i].target,
		    change_cases[i].role_now, change_cases[i].region_now,
		    change_cases[i].disabled_now, change_cases[i].role,
		    change_cases[i].region, change_cases[i].disabled,
		    change_cases[i].password };
		field = NULL;
		if (account_change_refusal(&ch, change_cases[i].last_admin,
		    &field) == NULL)
			field = NULL;
		CHECK(change_cases[i].field == NULL ? field == NULL :
		    field != NULL && strcmp(field, change_cases[i].field) == 0,
		    "change case %zu: field %s", i, field ? field : "(none)");
	}
	for (i = 0; i < NELEM(address_cases); i++) {
		throttle_address(address_cases[i].address, subject);
		CHECK(strcmp(subject, address_cases[i].want) == 0,
		    "throttle_address(%s) = %s", address_cases[i].address,
		    subject);
	}
	CHECK(throttle_delay(3, THROTTLE_FREE_ACCOUNT,
	    THROTTLE_ACCOUNT_MAX_WAIT_SEC) == 0, "free failures");
	CHECK(throttle_delay(4, THROTTLE_FREE_ACCOUNT,
	    THROTTLE_ACCOUNT_MAX_WAIT_SEC) == 2, "first wait");
	CHECK(throttle_delay(25, THROTTLE_FREE_ACCOUNT,
	    THROTTLE_ACCOUNT_MAX_WAIT_SEC) == THROTTLE_ACCOUNT_MAX_WAIT_SEC,
	    "an account's wait stays short");
	CHECK(throttle_delay(40, THROTTLE_FREE_ADDRESS,
	    THROTTLE_MAX_WAIT_SEC) == THROTTLE_MAX_WAIT_SEC, "an address's grows");
}
