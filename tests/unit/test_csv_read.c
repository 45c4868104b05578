/* The CSV reader: quoting, line breaks, line numbers and every limit. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "base/csv_read.h"

static const struct csv_read_limits roomy = { 1024, 16, 256, 100 };

static const struct {
	const char		*in;
	size_t			 len;	/* 0: strlen */
	struct csv_read_limits	 lim;	/* all 0: roomy */
	const char		*want;
} cases[] = {
	{ "", 0, { 0, 0, 0, 0 }, "." },
	{ "a,b,c", 0, { 0, 0, 0, 0 }, "1:<a><b><c> ." },
	{ "a,b\r\nc,d\r\n", 0, { 0, 0, 0, 0 }, "1:<a><b> 2:<c><d> ." },
	{ "a,b\nc,d\n", 0, { 0, 0, 0, 0 }, "1:<a><b> 2:<c><d> ." },
	{ "a\rb\r", 0, { 0, 0, 0, 0 }, "1:<a> 2:<b> ." },
	{ "a\n\nb", 0, { 0, 0, 0, 0 }, "1:<a> 2:<> 3:<b> ." },
	{ "\r\n", 0, { 0, 0, 0, 0 }, "1:<> ." },
	{ "a,", 0, { 0, 0, 0, 0 }, "1:<a><> ." },
	{ ",", 0, { 0, 0, 0, 0 }, "1:<><> ." },
	{ ",,\n", 0, { 0, 0, 0, 0 }, "1:<><><> ." },
	{ "\"a,b\",c", 0, { 0, 0, 0, 0 }, "1:<a,b><c> ." },
	{ "\"\",x", 0, { 0, 0, 0, 0 }, "1:<><x> ." },
	{ "\"a\"", 0, { 0, 0, 0, 0 }, "1:<a> ." },
	{ "\"a\"\"\"", 0, { 0, 0, 0, 0 }, "1:<a\"> ." },
	{ "\"say \"\"hi\"\"\",2", 0, { 0, 0, 0, 0 }, "1:<say \"hi\"><2> ." },
	{ "\"x\ny\",z\nw", 0, { 0, 0, 0, 0 }, "1:<x\\ny><z> 3:<w> ." },
	{ "\"x\r\ny\"\r\nw", 0, { 0, 0, 0, 0 }, "1:<x\\r\\ny> 3:<w> ." },
	{ "\"x\ry\"\rw", 0, { 0, 0, 0, 0 }, "1:<x\\ry> 3:<w> ." },
	{ "\"a\"\r\n\"b\"\n", 0, { 0, 0, 0, 0 }, "1:<a> 2:<b> ." },
	{ "\"\n\n\n\",x\ny", 0, { 0, 0, 0, 0 }, "1:<\\n\\n\\n><x> 5:<y> ." },
	/* A quote inside an unquoted field is text. */
	{ "ab\"c,d", 0, { 0, 0, 0, 0 }, "1:<ab\"c><d> ." },
	{ "a \"b\" c", 0, { 0, 0, 0, 0 }, "1:<a \"b\" c> ." },
	/* Spaces are kept: trimming is the caller's business. */
	{ " a , b ", 0, { 0, 0, 0, 0 }, "1:< a >< b > ." },
	{ "家电,下乡\n彩电", 0, { 0, 0, 0, 0 }, "1:<家电><下乡> 2:<彩电> ." },
	{ "\xbc\xd2\xb5\xe7,\xcf\xc2", 0, { 0, 0, 0, 0 },
	    "1:<\xbc\xd2\xb5\xe7><\xcf\xc2> ." },
	{ "a\0b,c", 5, { 0, 0, 0, 0 }, "1:<a\\0b><c> ." },
	/* Text after a closing quote stops reading, where it is. */
	{ "\"a\"b,c\nd", 0, { 0, 0, 0, 0 }, "1!bad-quote 1!bad-quote" },
	{ "ok\n\"a\nb\" c", 0, { 0, 0, 0, 0 },
	    "1:<ok> 3!bad-quote 3!bad-quote" },
	{ "\"a\" ,b", 0, { 0, 0, 0, 0 }, "1!bad-quote 1!bad-quote" },
	/* An unclosed quote: the line where it opened. */
	{ "a\nb,\"c,d\ne\nf", 0, { 0, 0, 0, 0 },
	    "1:<a> 2!unclosed 2!unclosed" },
	{ "\"", 0, { 0, 0, 0, 0 }, "1!unclosed 1!unclosed" },
	{ "a,b\n\n\"x\ny\"\rz,\"unclosed\n", 0, { 0, 0, 0, 0 },
	    "1:<a><b> 2:<> 3:<x\\ny> 5!unclosed 5!unclosed" },
	{ "\"abc\"\"", 0, { 0, 0, 0, 0 }, "1!unclosed 1!unclosed" },
	/* Fields in a record. */
	{ "a,b,c\nd", 0, { 64, 3, 16, 10 }, "1:<a><b><c> 2:<d> ." },
	{ "a,b,c,d\ne", 0, { 64, 3, 16, 10 }, "1!fields 2:<e> ." },
	{ "a,b,c,\ne", 0, { 64, 3, 16, 10 }, "1!fields 2:<e> ." },
	{ ",,,\ne", 0, { 64, 3, 16, 10 }, "1!fields 2:<e> ." },
	{ "a,\"b\nc\",d,e\nf", 0, { 64, 3, 16, 10 }, "1!fields 3:<f> ." },
	/* Bytes in a field. */
	{ "abcd,x\nok", 0, { 64, 8, 4, 10 }, "1:<abcd><x> 2:<ok> ." },
	{ "abcde,x\nok", 0, { 64, 8, 4, 10 }, "1!field 2:<ok> ." },
	{ "\"ab\"\"cd\",x\nok", 0, { 64, 8, 4, 10 }, "1!field 2:<ok> ." },
	{ "\"abcdef\nghi\",x\nok", 0, { 64, 8, 4, 10 }, "1!field 3:<ok> ." },
	{ "x,\"abcdef\nghi\"\"\"\nok", 0, { 64, 8, 4, 10 },
	    "1!field 3:<ok> ." },
	/* Raw bytes in a record. */
	{ "abcd,efg\nok", 0, { 8, 8, 8, 10 }, "1:<abcd><efg> 2:<ok> ." },
	{ "abcd,efgh,ij\nok", 0, { 8, 8, 8, 10 }, "1!record 2:<ok> ." },
	{ "\"abcdefgh\nij\"\nok\n", 0, { 8, 8, 16, 10 }, "1!record 3:<ok> ." },
	/* Records in the text. */
	{ "a\nb\n", 0, { 64, 8, 8, 2 }, "1:<a> 2:<b> ." },
	{ "a\nb", 0, { 64, 8, 8, 2 }, "1:<a> 2:<b> ." },
	{ "a\nb\nc", 0, { 64, 8, 8, 2 },
	    "1:<a> 2:<b> 3!records 3!records" },
	{ "a\n\n\n", 0, { 64, 8, 8, 2 }, "1:<a> 2:<> 3!records 3!records" },
};

static const char *
status_name(enum csv_read_status st)
{
	switch (st) {
	case CSV_READ_RECORD_TOO_LONG: return "record";
	case CSV_READ_TOO_MANY_FIELDS: return "fields";
	case CSV_READ_FIELD_TOO_LONG: return "field";
	case CSV_READ_TOO_MANY_RECORDS: return "records";
	case CSV_READ_BAD_QUOTE: return "bad-quote";
	case CSV_READ_UNCLOSED_QUOTE: return "unclosed";
	default: return "?";
	}
}

/* Appends a field with line breaks and NULs made visible. */
static void
put_field(char *out, size_t outlen, const char *s, size_t len)
{
	size_t	 n = strlen(out), i;

	for (i = 0; i < len && n + 3 < outlen; i++) {
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\0') {
			out[n++] = '\\';
			out[n++] = s[i] == '\n' ? 'n' : s[i] == '\r' ? 'r' : '0';
		} else
			out[n++] = s[i];
	}
	out[n] = '\0';
}

/* Reads everything, writing "LINE:<f><f>" per record, "LINE!problem"
 * per refusal (twice for one that stops reading) and "." at the end. */
static void
read_all(const char *in, size_t len, const struct csv_read_limits *lim,
    char *out, size_t outlen)
{
	struct csv_reader	 r;
	enum csv_read_status	 st;
	char			 tmp[64];
	size_t			 i, calls = 0, stuck = 0;

	out[0] = '\0';
	if (csv_reader_init(&r, in, len, lim) == -1) {
		snprintf(out, outlen, "init failed");
		return;
	}
	while (calls++ < 100) {
		if (out[0] != '\0')
			strncat(out, " ", outlen - strlen(out) - 1);
		st = csv_read_record(&r);
		if (st == CSV_READ_END) {
			strncat(out, ".", outlen - strlen(out) - 1);
			break;
		}
		if (st != CSV_READ_OK) {
			snprintf(tmp, sizeof(tmp), "%zu!%s", r.line,
			    status_name(st));
			strncat(out, tmp, outlen - strlen(out) - 1);
			if (r.nfields != 0)
				strncat(out, "(fields left)",
				    outlen - strlen(out) - 1);
			if (st >= CSV_READ_TOO_MANY_RECORDS && ++stuck == 2)
				break;
			continue;
		}
		snprintf(tmp, sizeof(tmp), "%zu:", r.line);
		strncat(out, tmp, outlen - strlen(out) - 1);
		for (i = 0; i < r.nfields; i++) {
			strncat(out, "<", outlen - strlen(out) - 1);
			put_field(out, outlen, r.fields[i], r.field_len[i]);
			strncat(out, ">", outlen - strlen(out) - 1);
			if (r.fields[i][r.field_len[i]] != '\0')
				strncat(out, "(no NUL)", outlen - strlen(out) - 1);
		}
	}
	csv_reader_free(&r);
}

void
test_csv_read(void)
{
	static const struct csv_read_limits none = { 0, 0, 0, 0 };
	struct csv_reader	 r;
	char			 got[512];
	size_t			 i, len;
	const struct csv_read_limits *lim;

	for (i = 0; i < NELEM(cases); i++) {
		len = cases[i].len ? cases[i].len : strlen(cases[i].in);
		lim = cases[i].lim.max_record ? &cases[i].lim : &roomy;
		read_all(cases[i].in, len, lim, got, sizeof(got));
		CHECK(strcmp(got, cases[i].want) == 0,
		    "csv_read case %zu: got \"%s\", want \"%s\"", i, got,
		    cases[i].want);
	}
	CHECK(csv_reader_init(&r, "a", 1, &none) == -1,
	    "csv_read refuses zero limits");
	csv_reader_free(&r);
	CHECK(csv_read_message(CSV_READ_BAD_QUOTE)[0] != '\0',
	    "csv_read message for a bad quote");
	CHECK(csv_read_message(CSV_READ_OK)[0] == '\0',
	    "csv_read no message when fine");
}
