/* Uploaded CSV text: UTF-8 as it is, GBK/GB18030 converted, workbooks
 * and binary refused, byte order marks dropped. */
#include <string.h>

#include "check.h"
#include "base/csv_text.h"

static const struct {
	const char		*in;
	size_t			 len;	/* 0: strlen */
	enum csv_text_status	 want;
	const char		*text;	/* when CSV_TEXT_OK */
	const char		*encoding;
} cases[] = {
	{ "", 0, CSV_TEXT_OK, "", "UTF-8" },
	{ "a,b\r\n", 0, CSV_TEXT_OK, "a,b\r\n", "UTF-8" },
	{ "\xef\xbb\xbf\xe5\xba\x97,1", 0, CSV_TEXT_OK, "店,1", "UTF-8" },
	{ "\xef\xbb\xbf", 0, CSV_TEXT_OK, "", "UTF-8" },
	/* A second mark is text, not a mark. */
	{ "\xef\xbb\xbf\xef\xbb\xbf", 0, CSV_TEXT_OK, "\xef\xbb\xbf", "UTF-8" },
	/* 店名 in GBK, and GB18030's own byte order mark. */
	{ "\xb5\xea\xc3\xfb,1", 0, CSV_TEXT_OK, "店名,1", "GBK/GB18030" },
	{ "\x84\x31\x95\x33\xb5\xea", 0, CSV_TEXT_OK, "店", "GBK/GB18030" },
	/* A four-byte GB18030 character: U+20000 𠀀. */
	{ "\x95\x32\x82\x36", 0, CSV_TEXT_OK, "\xf0\xa0\x80\x80",
	    "GBK/GB18030" },
	{ "PK\x03\x04rest", 0, CSV_TEXT_WORKBOOK, NULL, NULL },
	{ "\xd0\xcf\x11\xe0rest", 0, CSV_TEXT_WORKBOOK, NULL, NULL },
	/* Half a GBK character at the end, and bytes GB18030 has not. */
	{ "a,\xb5", 0, CSV_TEXT_NOT_TEXT, NULL, NULL },
	{ "\xff\xff\xff", 0, CSV_TEXT_NOT_TEXT, NULL, NULL },
	/* Valid GBK around a NUL: converted, then refused. */
	{ "\xb5\xea\0x", 4, CSV_TEXT_BAD_CHAR, NULL, NULL },
	/* UTF-8 with a NUL is not UTF-8 to us; as GBK it holds the NUL. */
	{ "a\0b", 3, CSV_TEXT_BAD_CHAR, NULL, NULL },
};

void
test_csv_text(void)
{
	struct csv_text		 t;
	enum csv_text_status	 st;
	size_t			 i, len;

	for (i = 0; i < NELEM(cases); i++) {
		len = cases[i].len ? cases[i].len : strlen(cases[i].in);
		st = csv_text_decode(&t, cases[i].in, len);
		CHECK(st == cases[i].want, "csv_text case %zu: status %d, "
		    "want %d", i, (int)st, (int)cases[i].want);
		if (st == CSV_TEXT_OK && cases[i].text != NULL) {
			CHECK(t.len == strlen(cases[i].text) &&
			    memcmp(t.text, cases[i].text, t.len) == 0,
			    "csv_text case %zu: text '%.*s'", i, (int)t.len,
			    t.text);
			CHECK(strcmp(t.encoding, cases[i].encoding) == 0,
			    "csv_text case %zu: encoding %s", i, t.encoding);
			/* UTF-8 is used in place; only a conversion owns. */
			CHECK((t.owned != NULL) ==
			    (strcmp(cases[i].encoding, "UTF-8") != 0),
			    "csv_text case %zu: owned", i);
		}
		if (st != CSV_TEXT_OK)
			CHECK(t.owned == NULL && csv_text_message(st)[0] != '\0',
			    "csv_text case %zu: a message and nothing owned", i);
		csv_text_free(&t);
		csv_text_free(&t);
	}
}
