/* urlencoded and cookie parsing within limits. */
#include <string.h>

#include "check.h"
#include "web/form.h"

static const struct form_limits lim = { 4, 8, 16 };

static const struct {
	const char		*in;
	enum form_status	 want;
	size_t			 nfields;
	const char		*key0;
	const char		*val0;
} url_cases[] = {
	{ "", FORM_OK, 0, NULL, NULL },
	{ "a=1", FORM_OK, 1, "a", "1" },
	{ "a=1&b=2", FORM_OK, 2, "a", "1" },
	{ "a=", FORM_OK, 1, "a", "" },
	{ "a", FORM_OK, 1, "a", "" },
	{ "&&a=1&&", FORM_OK, 1, "a", "1" },
	{ "q=%E5%AE%B6%E7%94%B5", FORM_OK, 1, "q", "家电" },
	{ "q=a+b", FORM_OK, 1, "q", "a b" },
	{ "q=a%2Bb", FORM_OK, 1, "q", "a+b" },
	{ "q=%3Cscript%3E", FORM_OK, 1, "q", "<script>" },
	{ "q=a=b", FORM_OK, 1, "q", "a=b" },
	{ "%71=x", FORM_OK, 1, "q", "x" },
	{ "q=%", FORM_BAD_ESCAPE, 0, NULL, NULL },
	{ "q=%4", FORM_BAD_ESCAPE, 0, NULL, NULL },
	{ "q=%zz", FORM_BAD_ESCAPE, 0, NULL, NULL },
	{ "q=%G0", FORM_BAD_ESCAPE, 0, NULL, NULL },
	{ "q=%00", FORM_BAD_UTF8, 0, NULL, NULL },
	{ "q=%FF", FORM_BAD_UTF8, 0, NULL, NULL },
	{ "q=%C0%AF", FORM_BAD_UTF8, 0, NULL, NULL },
	{ "q=%E5%AE", FORM_BAD_UTF8, 0, NULL, NULL },
	{ "q=%BC%D2", FORM_BAD_UTF8, 0, NULL, NULL },
	{ "%FF=1", FORM_BAD_UTF8, 0, NULL, NULL },
	{ "a=1&b=2&c=3&d=4", FORM_OK, 4, "a", "1" },
	{ "a=1&b=2&c=3&d=4&e=5", FORM_TOO_MANY, 0, NULL, NULL },
	{ "q=0123456789abcdef", FORM_OK, 1, "q", "0123456789abcdef" },
	{ "q=0123456789abcdefg", FORM_TOO_LONG, 0, NULL, NULL },
	{ "q=%E5%AE%B6%E5%AE%B6%E5%AE%B6%E5%AE%B6%E5%AE%B6%E5%AE%B6",
	    FORM_TOO_LONG, 0, NULL, NULL },
	{ "keykeykey=1", FORM_TOO_LONG, 0, NULL, NULL },
	{ "keykeyke=1", FORM_OK, 1, "keykeyke", "1" },
};

static const struct {
	const char	*in;
	size_t		 nfields;
	const char	*key0;
	const char	*val0;
} cookie_cases[] = {
	{ "a=1", 1, "a", "1" },
	{ "a=1; b=2", 2, "a", "1" },
	{ " a=1 ;b=2", 2, "a", "1 " },
	{ "a=x+y", 1, "a", "x+y" },
	{ ";;", 0, NULL, NULL },
};

void
test_form(void)
{
	struct kvlist		 l;
	enum form_status	 st;
	size_t			 i;
	char			 dst[16];

	for (i = 0; i < NELEM(url_cases); i++) {
		kvlist_init(&l);
		st = form_parse_urlencoded(&l, url_cases[i].in,
		    strlen(url_cases[i].in), &lim);
		CHECK(st == url_cases[i].want, "urlencoded %zu (%s): status %d",
		    i, url_cases[i].in, st);
		if (st == FORM_OK) {
			CHECK(l.n == url_cases[i].nfields, "urlencoded %zu: %zu "
			    "fields", i, l.n);
			if (url_cases[i].key0 != NULL && l.n > 0) {
				CHECK(strcmp(l.items[0].key,
				    url_cases[i].key0) == 0, "key %zu", i);
				CHECK(strcmp(l.items[0].val,
				    url_cases[i].val0) == 0, "val %zu", i);
				CHECK(l.items[0].vlen == strlen(url_cases[i].val0),
				    "vlen %zu", i);
			}
		}
		kvlist_free(&l);
	}
	for (i = 0; i < NELEM(cookie_cases); i++) {
		kvlist_init(&l);
		st = form_parse_cookies(&l, cookie_cases[i].in,
		    strlen(cookie_cases[i].in), &lim);
		CHECK(st == FORM_OK && l.n == cookie_cases[i].nfields,
		    "cookie %zu", i);
		if (cookie_cases[i].key0 != NULL && l.n > 0)
			CHECK(strcmp(l.items[0].key, cookie_cases[i].key0) == 0 &&
			    strcmp(l.items[0].val, cookie_cases[i].val0) == 0,
			    "cookie %zu value", i);
		kvlist_free(&l);
	}
	kvlist_init(&l);
	form_parse_urlencoded(&l, "a=1&b=2&a=3", 11, &lim);
	CHECK(kvlist_count(&l, "a") == 2, "duplicate count");
	CHECK(strcmp(kvlist_get(&l, "a")->val, "1") == 0, "first wins");
	CHECK(kvlist_get(&l, "z") == NULL, "missing key");
	kvlist_free(&l);
	CHECK(url_decode(dst, "%41%42", 6, 0) == 2 && strcmp(dst, "AB") == 0,
	    "url_decode");
	CHECK(url_decode(dst, "a+b", 3, 0) == 3 && strcmp(dst, "a+b") == 0,
	    "url_decode keeps plus");
}
