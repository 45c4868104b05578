/* UTF-8 validation: good text of every length, and every kind of bad. */
#include <string.h>

#include "check.h"
#include "base/utf8.h"

static const struct {
	const char	*in;
	size_t		 len;	/* 0: strlen */
	int		 valid;
} cases[] = {
	{ "", 0, 1 },
	{ "abc", 0, 1 },
	{ "家电下乡", 0, 1 },
	{ "日本語テキスト", 0, 1 },
	{ "\xc2\xa9", 0, 1 },			/* © two bytes */
	{ "\xf0\x9f\x98\x80", 0, 1 },		/* emoji, four bytes */
	{ "\xef\xbf\xbf", 0, 1 },		/* U+FFFF */
	{ "\xf4\x8f\xbf\xbf", 0, 1 },		/* U+10FFFF */
	{ "\x80", 0, 0 },			/* lone continuation */
	{ "\xc0\xaf", 0, 0 },			/* overlong '/' */
	{ "\xc1\xbf", 0, 0 },			/* overlong */
	{ "\xe0\x80\xaf", 0, 0 },		/* overlong three bytes */
	{ "\xf0\x80\x80\xaf", 0, 0 },		/* overlong four bytes */
	{ "\xed\xa0\x80", 0, 0 },		/* surrogate U+D800 */
	{ "\xed\xbf\xbf", 0, 0 },		/* surrogate U+DFFF */
	{ "\xf4\x90\x80\x80", 0, 0 },		/* above U+10FFFF */
	{ "\xf5\x80\x80\x80", 0, 0 },		/* invalid lead */
	{ "\xff", 0, 0 },
	{ "\xfe", 0, 0 },
	{ "\xe5\xae", 0, 0 },			/* truncated 家 */
	{ "\xe5", 0, 0 },
	{ "a\xe5\xae", 0, 0 },
	{ "\xe5\x41\xb6", 0, 0 },		/* bad continuation */
	{ "ab\0cd", 5, 0 },			/* NUL inside */
	{ "\xa1\xa1", 0, 0 },			/* GBK full-width space */
	{ "\xbc\xd2\xb5\xe7", 0, 0 },		/* 家电 in GBK */
};

void
test_utf8(void)
{
	size_t	 i, len;

	for (i = 0; i < NELEM(cases); i++) {
		len = cases[i].len ? cases[i].len : strlen(cases[i].in);
		CHECK(utf8_valid(cases[i].in, len) == cases[i].valid,
		    "utf8_valid case %zu", i);
	}
	CHECK(utf8_chars("家电a", strlen("家电a")) == 3, "utf8_chars");
	CHECK(utf8_chars("", 0) == 0, "utf8_chars empty");
	CHECK(utf8_has_controls("a\x01", 2, 1), "control 0x01");
	CHECK(utf8_has_controls("a\x7f", 2, 1), "DEL");
	CHECK(!utf8_has_controls("a\tb", 3, 0), "tab allowed");
	CHECK(utf8_has_controls("a\nb", 3, 0), "newline in one line");
	CHECK(!utf8_has_controls("a\r\nb", 4, 1), "newline in long text");
}
