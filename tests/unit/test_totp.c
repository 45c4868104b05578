/* TOTP codes (RFC 6238 Appendix B, SHA-1, last six digits), the window
 * of one step either way, steps never taken twice, codes as typed, the
 * secret as text and as an otpauth:// URI, and recovery codes. */
#include <limits.h>
#include <string.h>

#include "check.h"
#include "domain/totp.h"

/* The RFC's SHA-1 seed. */
static const unsigned char	 rfc_secret[] = "12345678901234567890";
#define RFC_LEN	(sizeof(rfc_secret) - 1)

static const struct {
	long long	 now;
	const char	*code;
	long long	 last_step;
	long long	 want;		/* the step, or -1 */
	const char	*why;
} match_cases[] = {
	/* Appendix B: 94287082, 07081804, 14050471, 89005924, 69279037,
	 * 65353130, to six digits. */
	{ 59, "287082", 0, 1, "rfc 59" },
	{ 1111111109, "081804", 0, 37037036, "rfc 1111111109" },
	{ 1111111111, "050471", 0, 37037037, "rfc 1111111111" },
	{ 1234567890, "005924", 0, 41152263, "rfc 1234567890" },
	{ 2000000000, "279037", 0, 66666666, "rfc 2000000000" },
	{ 20000000000LL, "353130", 0, 666666666, "rfc 20000000000" },
	{ 1111111109, "07081804", 0, -1, "eight digits" },
	/* The window: step 1 is 287082, 2 is 359152, 3 is 969429. */
	{ 89, "287082", 0, 1, "one step late" },
	{ 29, "287082", -1, 1, "one step early" },
	{ 119, "287082", 0, -1, "two steps late" },
	{ 0, "359152", -1, -1, "two steps early" },
	{ 60, "969429", 0, 3, "next step at 60" },
	{ 1111111111, "081804", 0, 37037036, "previous step" },
	{ 1111111111, "266759", 0, 37037038, "next step" },
	{ 59, "287083", 0, -1, "wrong last digit" },
	{ 59, "782082", 0, -1, "digits swapped" },
	/* Replay: a step once taken never counts again. */
	{ 59, "287082", 1, -1, "the same step again" },
	{ 89, "287082", 2, -1, "a later step taken" },
	{ 89, "359152", 1, 2, "the step after the one taken" },
	{ 1111111111, "081804", 37037036, -1, "previous step taken" },
	{ 1111111111, "050471", 37037036, 37037037, "current after previous" },
	/* As typed. */
	{ 59, "287 082", 0, 1, "space in the middle" },
	{ 59, " 287082 ", 0, 1, "spaces around" },
	{ 59, "2 8 7 0 8 2", 0, 1, "spaces between all" },
	{ 59, "\t287082", 0, 1, "tab" },
	{ 59, "287\xe3\x80\x80" "082", 0, 1, "ideographic space" },
	{ 59, "\xef\xbc\x92\xef\xbc\x98\xef\xbc\x97\xef\xbc\x90\xef\xbc\x98"
	    "\xef\xbc\x92", 0, 1, "full-width digits" },
	{ 59, "28\xef\xbc\x97" "082", 0, 1, "one full-width digit" },
	/* Malformed. */
	{ 59, "", 0, -1, "empty" },
	{ 59, "   ", 0, -1, "only spaces" },
	{ 59, "28708", 0, -1, "five digits" },
	{ 59, "2870820", 0, -1, "seven digits" },
	{ 59, "28708a", 0, -1, "a letter" },
	{ 59, "287-082", 0, -1, "a dash" },
	{ 59, "+287082", 0, -1, "a sign" },
	{ 59, "287082\n", 0, -1, "a newline" },
	{ 59, "287082\xef\xbc", 0, -1, "a cut full-width digit" },
	{ 59, "\xef\xbc\x92\xef\xbc\x98\xef\xbc\x97\xef\xbc\x90\xef\xbc\x98",
	    0, -1, "five full-width digits" },
	{ 59, "\xef\xbc\x9a" "87082", 0, -1, "full-width colon" },
	{ 59, "28708２", 0, 1, "mixed widths" },
	{ -1, "287082", -1, -1, "before 1970" },
	{ LLONG_MAX, "287082", 0, -1, "the end of time" },
};

static const struct {
	const char	*in, *want;	/* want NULL: refused */
} recovery_cases[] = {
	{ "abcde-fghjk", "abcdefghjk" },
	{ "ABCDE-FGHJK", "abcdefghjk" },
	{ "AbCdE-fGhJk", "abcdefghjk" },
	{ "abcdefghjk", "abcdefghjk" },
	{ "abcde fghjk", "abcdefghjk" },
	{ " abcde-fghjk ", "abcdefghjk" },
	{ "abcde\xe3\x80\x80" "fghjk", "abcdefghjk" },
	{ "23456-789mn", "23456789mn" },
	{ "pqrst-uvwxy", "pqrstuvwxy" },
	{ "", NULL },
	{ "abcde-fghj", NULL },
	{ "abcde-fghjkm", NULL },
	{ "abcde-fghj0", NULL },
	{ "abcde-fghj1", NULL },
	{ "abcde-fghji", NULL },
	{ "abcde-fghjl", NULL },
	{ "abcde-fghjo", NULL },
	{ "abcde_fghjk", NULL },
	{ "abcde-fghj\xc3\xa9", NULL },
	{ "287082", NULL },
};

/* "家电下乡公共服务网" percent-encoded. */
#define ISSUER_ENC "%E5%AE%B6%E7%94%B5%E4%B8%8B%E4%B9%A1%E5%85%AC%E5%85" \
	"%B1%E6%9C%8D%E5%8A%A1%E7%BD%91"

static void
test_recovery(void)
{
	static const char	 alphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";
	char			 codes[50][TOTP_RECOVERY_LEN + 1];
	char			 norm[TOTP_RECOVERY_LEN], hash[65];
	size_t			 i, j;
	int			 good, rc;

	for (i = 0; i < NELEM(recovery_cases); i++) {
		rc = totp_recovery_normalise(recovery_cases[i].in, norm);
		if (recovery_cases[i].want == NULL)
			CHECK(rc == -1, "recovery '%s' refused",
			    recovery_cases[i].in);
		else
			CHECK(rc == 0 && strcmp(norm,
			    recovery_cases[i].want) == 0, "recovery '%s' -> "
			    "'%s'", recovery_cases[i].in, rc == 0 ? norm : "-");
	}
	for (i = 0; i < NELEM(codes); i++) {
		totp_recovery_make(codes[i]);
		good = strlen(codes[i]) == TOTP_RECOVERY_LEN &&
		    codes[i][5] == '-';
		for (j = 0; j < TOTP_RECOVERY_LEN; j++)
			if (j != 5 && (codes[i][j] == '\0' ||
			    strchr(alphabet, codes[i][j]) == NULL))
				good = 0;
		CHECK(good, "recovery code '%s' has the form", codes[i]);
		CHECK(totp_recovery_normalise(codes[i], norm) == 0 &&
		    strlen(norm) == 10, "recovery code '%s' is read back",
		    codes[i]);
		for (j = 0; j < i; j++)
			if (strcmp(codes[i], codes[j]) == 0)
				break;
		CHECK(j == i, "recovery code %zu differs from the others", i);
	}
	totp_recovery_hash("abcdefghjk", hash);
	CHECK(strcmp(hash, "22f3f00d7f9cfe6eeefa9b71bdcb093a9080fcf4981d2dbf"
	    "932648fa15a2d793") == 0, "recovery hash %s", hash);
	/* Upper case and no dash give the hash of the same code. */
	CHECK(totp_recovery_normalise("ABCDEFGHJK", norm) == 0, "normalise");
	totp_recovery_hash(norm, hash);
	CHECK(strncmp(hash, "22f3f00d", 8) == 0, "same hash in upper case");
}

static void
test_text(void)
{
	char	 text[TOTP_SECRET_TEXT_LEN + 1], uri[TOTP_URI_MAX], small[40];
	char	 digits[TOTP_DIGITS + 1];

	CHECK(totp_secret_text(rfc_secret, RFC_LEN, text, sizeof(text)) == 0 &&
	    strcmp(text, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") == 0,
	    "base32 %s", text);
	CHECK(totp_secret_text(rfc_secret, RFC_LEN, text,
	    TOTP_SECRET_TEXT_LEN) == -1 && text[0] == '\0',
	    "base32 refused without room for its NUL");
	/* Five bytes: eight characters, no padding to strip. */
	CHECK(totp_secret_text((const unsigned char *)"hello", 5, text,
	    sizeof(text)) == 0 && strcmp(text, "NBSWY3DP") == 0, "base32 %s",
	    text);
	/* One byte: padding is stripped. */
	CHECK(totp_secret_text((const unsigned char *)"f", 1, text,
	    sizeof(text)) == 0 && strcmp(text, "MY") == 0, "base32 %s", text);
	CHECK(totp_uri(uri, sizeof(uri), "admin",
	    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") == 0 && strcmp(uri,
	    "otpauth://totp/" ISSUER_ENC ":admin?secret="
	    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=" ISSUER_ENC
	    "&algorithm=SHA1&digits=6&period=30") == 0, "uri %s", uri);
	CHECK(totp_uri(uri, sizeof(uri), "a b&c?d:e/f%",
	    "GEZDGNBV") == 0 && strstr(uri, ":a%20b%26c%3Fd%3Ae%2Ff%25?secret="
	    "GEZDGNBV&") != NULL, "uri encodes the username: %s", uri);
	CHECK(totp_uri(uri, sizeof(uri), "zhang.san-01_x", "MY") == 0 &&
	    strstr(uri, ":zhang.san-01_x?") != NULL, "uri keeps . - _: %s",
	    uri);
	CHECK(totp_uri(small, sizeof(small), "admin", "GEZDGNBV") == -1 &&
	    small[0] == '\0', "uri refused when it does not fit");
	/* The longest username fits, each byte encoded. */
	CHECK(totp_uri(uri, sizeof(uri), "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%",
	    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") == 0, "longest uri fits");
	CHECK(totp_code_normalise(" 123 456 ", digits) == 0 &&
	    strcmp(digits, "123456") == 0, "normalised %s", digits);
	CHECK(totp_code_normalise("1234567", digits) == -1, "seven refused");
	CHECK(totp_code_normalise("\xef\xbc\x9a" "12345", digits) == -1,
	    "full-width colon refused");
	CHECK(totp_code_normalise("\xef\xbc\x8f" "12345", digits) == -1,
	    "full-width slash refused");
	CHECK(totp_code_normalise("\xef\xbc\x90\xef\xbc\x99" "1234",
	    digits) == 0 && strcmp(digits, "091234") == 0,
	    "full-width 0 and 9: %s", digits);
}

void
test_totp(void)
{
	long long	 got;
	size_t		 i;

	CHECK(totp_init() == 0, "totp_init");
	for (i = 0; i < NELEM(match_cases); i++) {
		got = totp_match(rfc_secret, RFC_LEN, match_cases[i].code,
		    (time_t)match_cases[i].now, match_cases[i].last_step);
		CHECK(got == match_cases[i].want, "totp %s: step %lld, want "
		    "%lld", match_cases[i].why, got, match_cases[i].want);
	}
	CHECK(totp_match(rfc_secret, 0, "287082", 59, 0) == -1, "no secret");
	CHECK(totp_match(NULL, RFC_LEN, "287082", 59, 0) == -1, "NULL secret");
	CHECK(totp_match((const unsigned char *)"12345678901234567891",
	    RFC_LEN, "287082", 59, 0) == -1, "another secret");
	test_text();
	test_recovery();
}
