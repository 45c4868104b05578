/* CSV records per RFC 4180: quoting, doubled quotes, CRLF, formulas. */
#include <string.h>

#include "check.h"
#include "base/csv.h"

static const struct {
	const char	*in, *want;
} field_cases[] = {
	{ "abc", "abc" },
	{ "", "" },
	{ "中文名称", "中文名称" },
	{ "a,b", "\"a,b\"" },
	{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
	{ "\"", "\"\"\"\"" },
	{ "\"\"", "\"\"\"\"\"\"" },
	{ "line\nbreak", "\"line\nbreak\"" },
	{ "cr\rhere", "\"cr\rhere\"" },
	{ "crlf\r\n", "\"crlf\r\n\"" },
	{ "semi;colon", "semi;colon" },
	{ " spaces kept ", " spaces kept " },
	{ "=SUM(A1:A9)", "'=SUM(A1:A9)" },
	{ "+86 10", "'+86 10" },
	{ "-1", "'-1" },
	{ "@cmd", "'@cmd" },
	{ "\tx", "'\tx" },
	{ "=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"" },
	{ "a=b", "a=b" },
	{ "不送货/不安装/不维修", "不送货/不安装/不维修" },
};

static const struct {
	long long	 n;
	const char	*want;
} int_cases[] = {
	{ 0, "0" }, { 7, "7" }, { -5, "-5" }, { 1000000, "1000000" },
	{ 9223372036854775807LL, "9223372036854775807" },
};

void
test_csv(void)
{
	struct buf	 b;
	struct csv	 c;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < NELEM(field_cases); i++) {
		buf_reset(&b);
		csv_init(&c, &b);
		csv_text(&c, field_cases[i].in);
		CHECK(b.len == strlen(field_cases[i].want) &&
		    memcmp(b.data, field_cases[i].want, b.len) == 0,
		    "field %zu: got [%.*s], want [%s]", i, (int)b.len,
		    b.data, field_cases[i].want);
	}
	for (i = 0; i < NELEM(int_cases); i++) {
		buf_reset(&b);
		csv_init(&c, &b);
		csv_int(&c, int_cases[i].n);
		CHECK(b.len == strlen(int_cases[i].want) &&
		    memcmp(b.data, int_cases[i].want, b.len) == 0,
		    "int %lld: got [%.*s]", int_cases[i].n, (int)b.len, b.data);
	}

	/* Records: separators only between fields, CRLF after each. */
	buf_reset(&b);
	csv_init(&c, &b);
	csv_text(&c, "类别");
	csv_text(&c, "数量");
	csv_end(&c);
	csv_text(&c, "a,\"b\"");
	csv_int(&c, 3);
	csv_text(&c, "");
	csv_end(&c);
	csv_end(&c);
	{
		const char *want = "类别,数量\r\n\"a,\"\"b\"\"\",3,\r\n\r\n";

		CHECK(b.len == strlen(want) && memcmp(b.data, want, b.len) == 0,
		    "records: got [%.*s]", (int)b.len, b.data);
	}
	CHECK(csv_status(&c) == 0, "status after good writes");
	CHECK(strcmp(CSV_BOM, "\xEF\xBB\xBF") == 0, "BOM bytes");
	buf_free(&b);
}
