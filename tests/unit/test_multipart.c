/* multipart/form-data: boundaries, good bodies, every kind of bad one,
 * and a body cut short at every length. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "web/multipart.h"

/* A string literal and its length, NULs included. */
#define LIT(s)		s, sizeof(s) - 1
#define PART(n, f, t, d)	{ n, f, t, d, sizeof(d) - 1 }

#define B	"XyZ"
#define OPEN	"--" B "\r\n"
#define NEXT	"\r\n--" B "\r\n"
#define CLOSE	"\r\n--" B "--\r\n"
#define CD	"Content-Disposition: form-data; "
#define FIELD(n)	CD "name=\"" n "\"\r\n\r\n"

#define X16	"0123456789abcdef"
#define X64	X16 X16 X16 X16
#define X255	X64 X64 X64 X16 X16 X16 "0123456789abcde"

static const struct multipart_limits lim = { 4, 256, 16, 64 };
static const struct multipart_limits lim_big = { 4, 4096, 16, 64 };

struct want_part {
	const char	*name, *filename, *type, *data;
	size_t		 len;
};

static const struct {
	const char			*body;
	size_t				 len;
	const char			*boundary;	/* NULL: B */
	const struct multipart_limits	*lim;		/* NULL: lim */
	enum multipart_status		 want;
	size_t				 n;
	struct want_part		 part[3];
} cases[] = {
	/* Good bodies. */
	{ LIT(OPEN FIELD("a") "1" CLOSE), NULL, NULL, MP_OK, 1,
	    { PART("a", NULL, NULL, "1") } },
	{ LIT(OPEN FIELD("title") "冰箱" NEXT
	    CD "name=\"doc\"; filename=\"说明书.pdf\"\r\n"
	    "Content-Type: application/pdf\r\n\r\n" "%PDF-1.4" NEXT
	    FIELD("note") CLOSE), NULL, NULL, MP_OK, 3,
	    { PART("title", NULL, NULL, "冰箱"),
	    PART("doc", "说明书.pdf", "application/pdf", "%PDF-1.4"),
	    PART("note", NULL, NULL, "") } },
	{ LIT(OPEN FIELD("商品名称") "家电下乡" CLOSE), NULL, NULL, MP_OK, 1,
	    { PART("商品名称", NULL, NULL, "家电下乡") } },
	{ LIT("preamble --XyZ\r\n" OPEN FIELD("a") "1" CLOSE
	    "epilogue\r\n--XyZ\r\n"), NULL, NULL, MP_OK, 1,
	    { PART("a", NULL, NULL, "1") } },
	/* With no CRLF before it the first delimiter is preamble. */
	{ LIT("x--XyZ\r\n" FIELD("a") "1" CLOSE), NULL, NULL, MP_OK, 0,
	    { { 0 } } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n" CLOSE),
	    NULL, NULL, MP_OK, 1,
	    { PART("f", "", "application/octet-stream", "") } },
	/* Binary data: CR, LF, "--", partial and LF-only delimiters. */
	{ LIT(OPEN CD "name=\"f\"; filename=\"a.bin\"\r\n\r\n"
	    "\r\n--Xy\r\n-XyZ\r\n\r\n\0\xff\xfe--\r\n\n--XyZ\r\n--xyz" CLOSE),
	    NULL, NULL, MP_OK, 1,
	    { PART("f", "a.bin", NULL,
	    "\r\n--Xy\r\n-XyZ\r\n\r\n\0\xff\xfe--\r\n\n--XyZ\r\n--xyz") } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"a.txt\"\r\n\r\n"
	    "x--XyZ--y--XyZ" CLOSE), NULL, NULL, MP_OK, 1,
	    { PART("f", "a.txt", NULL, "x--XyZ--y--XyZ") } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"gbk.txt\"\r\n\r\n"
	    "\xbc\xd2\xb5\xe7" CLOSE), NULL, NULL, MP_OK, 1,
	    { PART("f", "gbk.txt", NULL, "\xbc\xd2\xb5\xe7") } },
	{ LIT(OPEN "Content-Disposition: form-data; name=a; filename=b.txt"
	    "\r\n\r\n" "1" CLOSE), NULL, NULL, MP_OK, 1,
	    { PART("a", "b.txt", NULL, "1") } },
	{ LIT(OPEN "content-disposition: FORM-DATA; NAME=\"a\"\r\n"
	    "content-type: text/plain\r\n\r\n" "1" CLOSE), NULL, NULL, MP_OK,
	    1, { PART("a", NULL, "text/plain", "1") } },
	/* Other parameters, even ones that start like known names. */
	{ LIT(OPEN CD "n=1; names=\"2\"; file=3; name=\"a\"; filenames=x"
	    "\r\n\r\n" CLOSE), NULL, NULL, MP_OK, 1,
	    { PART("a", NULL, NULL, "") } },
	{ LIT(OPEN "X-Foo: bar\r\nContent-Type: text/plain; charset=UTF-8  "
	    "\r\n" FIELD("a") "1" CLOSE), NULL, NULL, MP_OK, 1,
	    { PART("a", NULL, "text/plain; charset=UTF-8", "1") } },
	{ LIT("--XyZ \t\r\n" FIELD("a") "1" "\r\n--XyZ  \r\n" FIELD("b") "2"
	    "\r\n--XyZ--"), NULL, NULL, MP_OK, 2,
	    { PART("a", NULL, NULL, "1"), PART("b", NULL, NULL, "2") } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"a; name=b.txt\"\r\n\r\n" CLOSE),
	    NULL, NULL, MP_OK, 1, { PART("f", "a; name=b.txt", NULL, "") } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"a.txt\"; "
	    "filename*=UTF-8''%E8%AF%B4.txt\r\n\r\n" CLOSE), NULL, NULL, MP_OK,
	    1, { PART("f", "a.txt", NULL, "") } },
	{ LIT(OPEN "Content-Disposition:form-data ; name = \"a\" ;"
	    "filename= b ;\r\n\r\n" CLOSE), NULL, NULL, MP_OK, 1,
	    { PART("a", "b", NULL, "") } },
	/* Paths are cut to their last component. */
	{ LIT(OPEN CD "name=\"f\"; filename=\"C:\\fakepath\\a.pdf\"\r\n\r\n"
	    "x" NEXT CD "name=\"g\"; filename=\"../../etc/passwd\"\r\n\r\n"
	    "y" NEXT CD "name=\"h\"; filename=\"dir/\"\r\n\r\n" CLOSE),
	    NULL, NULL, MP_OK, 3,
	    { PART("f", "a.pdf", NULL, "x"), PART("g", "passwd", NULL, "y"),
	    PART("h", "", NULL, "") } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"a\\b/中文\\c/说明.doc\"\r\n\r\n"
	    CLOSE), NULL, NULL, MP_OK, 1, { PART("f", "说明.doc", NULL, "") } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"/x/" X255 "\"\r\n\r\n" CLOSE),
	    NULL, &lim_big, MP_OK, 1, { PART("f", X255, NULL, "") } },
	{ LIT(OPEN FIELD(X255) CLOSE), NULL, &lim_big, MP_OK, 1,
	    { PART(X255, NULL, NULL, "") } },
	{ LIT("--XyZ--\r\n"), NULL, NULL, MP_OK, 0, { { 0 } } },
	{ LIT(OPEN FIELD("a") "1" NEXT FIELD("a") "2" CLOSE), NULL, NULL,
	    MP_OK, 2, { PART("a", NULL, NULL, "1"),
	    PART("a", NULL, NULL, "2") } },
	{ LIT(OPEN FIELD("a") X16 NEXT CD "name=\"f\"; filename=\"f\"\r\n\r\n"
	    X64 CLOSE), NULL, NULL, MP_OK, 2,
	    { PART("a", NULL, NULL, X16), PART("f", "f", NULL, X64) } },
	{ LIT(OPEN FIELD("a") NEXT FIELD("b") NEXT FIELD("c") NEXT FIELD("d")
	    CLOSE), NULL, NULL, MP_OK, 4, { PART("a", NULL, NULL, "") } },
	{ LIT("--a b c\r\n" FIELD("a") "1\r\n--a b c--"), "a b c", NULL,
	    MP_OK, 1, { PART("a", NULL, NULL, "1") } },
	{ LIT("------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n" FIELD("a") "1"
	    "\r\n------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n"),
	    "----WebKitFormBoundary7MA4YWxkTrZu0gW", NULL, MP_OK, 1,
	    { PART("a", NULL, NULL, "1") } },

	/* Framing. */
	{ LIT(""), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	/* Header lines: split on CRLF only; a lone CR or LF is refused,
	 * and so is an empty line among them. */
	{ LIT(OPEN CD "name=\"a\"\r\r\n\r\n1" CLOSE), NULL, NULL,
	    MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"a\"\nX-A: b\r\n\r\n1" CLOSE), NULL, NULL,
	    MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN "X-A: b\r\n" CD "name=\"a\"\r\nX-B: c\r\n\r\n1" CLOSE),
	    NULL, NULL, MP_OK, 1, { PART("a", NULL, NULL, "1") } },
	{ LIT(OPEN "\r\n" CD "name=\"a\"\r\n\r\n1" CLOSE), NULL, NULL,
	    MP_MALFORMED, 0, { { 0 } } },
	{ LIT("a=1&b=2"), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN FIELD("a") "1"), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN FIELD("a") "1" NEXT), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a") "1\r\n--XyZ-"), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a") "1\r\n--XyZ-x\r\n"), NULL, NULL, MP_MALFORMED,
	    0, { { 0 } } },
	{ LIT(OPEN FIELD("a") "1\r\n--XyZjunk\r\n" FIELD("b") CLOSE), NULL,
	    NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT("--XyZjunk\r\n" FIELD("a") CLOSE), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },
	{ LIT("--XyZ  --\r\n"), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT("--XyZ\n" "Content-Disposition: form-data; name=\"a\"\n\n1"
	    "\n--XyZ--\n"), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"a\"\nContent-Type: text/plain\r\n\r\n" CLOSE),
	    NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"a\"\r\n"), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a") "1" "\r\n--XyZ\r\n"
	    CD "name=\"b\"\r\n--XyZ--\r\n"), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },

	/* Headers. */
	{ LIT(OPEN "Content-Type: text/plain\r\n\r\n1" CLOSE), NULL, NULL,
	    MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN "\r\n1" CLOSE), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN "\r\n\r\n1" CLOSE), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },
	{ LIT(OPEN "Content-Disposition: attachment; name=\"a\"\r\n\r\n"
	    CLOSE), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN "Content-Disposition: form-dataX; name=\"a\"\r\n\r\n"
	    CLOSE), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN "Content-Disposition: form-data\r\n\r\n" CLOSE), NULL,
	    NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN CD "filename=\"a.txt\"\r\n\r\n" CLOSE), NULL, NULL,
	    MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN FIELD("") CLOSE), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"a\"; name=\"b\"\r\n\r\n" CLOSE), NULL, NULL,
	    MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"a\"; filename=\"x\"; filename=\"y\"\r\n\r\n"
	    CLOSE), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"a\"\r\n" CD "name=\"b\"\r\n\r\n" CLOSE), NULL,
	    NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN "Content-Type: a/b\r\nContent-Type: c/d\r\n" FIELD("a")
	    CLOSE), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN "Content-Type:\r\n" FIELD("a") CLOSE), NULL, NULL,
	    MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN "Content-Type: text/\x01plain\r\n" FIELD("a") CLOSE), NULL,
	    NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN "Content-Type: 文本\r\n" FIELD("a") CLOSE), NULL, NULL,
	    MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"a\r\n\r\n" CLOSE), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },
	{ LIT(OPEN CD "name=\"a\"b\r\n\r\n" CLOSE), NULL, NULL, MP_MALFORMED,
	    0, { { 0 } } },
	{ LIT(OPEN CD "name=\r\n\r\n" CLOSE), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },
	{ LIT(OPEN CD "=\"a\"\r\n\r\n" CLOSE), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },
	{ LIT(OPEN CD "name\r\n\r\n" CLOSE), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },
	{ LIT(OPEN "Content-Disposition form-data; name=\"a\"\r\n\r\n" CLOSE),
	    NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN "Content-Disposition : form-data; name=\"a\"\r\n\r\n"
	    CLOSE), NULL, NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN ": x\r\n" FIELD("a") CLOSE), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },
	{ LIT(OPEN CD "name=\"a\";\r\n filename=\"b\"\r\n\r\n" CLOSE), NULL,
	    NULL, MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"a\rb\"\r\n\r\n" CLOSE), NULL, NULL,
	    MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN CD "name:a\r\n\r\n" CLOSE), NULL, NULL, MP_MALFORMED, 0,
	    { { 0 } } },
	{ LIT(OPEN CD "name=a\"b\"\r\n\r\n" CLOSE), NULL, NULL,
	    MP_MALFORMED, 0, { { 0 } } },
	{ LIT(OPEN "X Foo: bar\r\n" FIELD("a") CLOSE), NULL, NULL,
	    MP_MALFORMED, 0, { { 0 } } },

	/* Limits. */
	{ LIT(OPEN "X-Pad: " X64 X64 X64 X64 "\r\n" FIELD("a") CLOSE), NULL,
	    NULL, MP_HEADER_TOO_LONG, 0, { { 0 } } },
	{ LIT(OPEN "X-Pad: " X64 X64 X64 X64 "\r\n" FIELD("a") CLOSE), NULL,
	    &lim_big, MP_OK, 1, { PART("a", NULL, NULL, "") } },
	/* A header block of exactly 256 bytes, then one of 257. */
	{ LIT(OPEN CD "name=\"a\"\r\nX-Pad: " X64 X64 X64 "0123456789abcde"
	    "\r\n\r\n" CLOSE), NULL, NULL, MP_OK, 1,
	    { PART("a", NULL, NULL, "") } },
	{ LIT(OPEN CD "name=\"a\"\r\nX-Pad: " X64 X64 X64 X16 "\r\n\r\n"
	    CLOSE), NULL, NULL, MP_HEADER_TOO_LONG, 0, { { 0 } } },
	{ LIT(OPEN FIELD(X255 "f") CLOSE), NULL, &lim_big, MP_HEADER_TOO_LONG,
	    0, { { 0 } } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"" X255 "f\"\r\n\r\n" CLOSE),
	    NULL, &lim_big, MP_HEADER_TOO_LONG, 0, { { 0 } } },
	{ LIT(OPEN "Content-Type: " X255 "f\r\n" FIELD("a") CLOSE), NULL,
	    &lim_big, MP_HEADER_TOO_LONG, 0, { { 0 } } },
	{ LIT(OPEN FIELD("a") NEXT FIELD("b") NEXT FIELD("c") NEXT FIELD("d")
	    NEXT FIELD("e") CLOSE), NULL, NULL, MP_TOO_MANY_PARTS, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a") X16 "g" CLOSE), NULL, NULL, MP_FIELD_TOO_LONG,
	    0, { { 0 } } },
	{ LIT(OPEN FIELD("a") X16 "g\r\n--XyZ"), NULL, NULL, MP_FIELD_TOO_LONG,
	    0, { { 0 } } },
	{ LIT(OPEN FIELD("a") "家电下乡家电" CLOSE), NULL, NULL,
	    MP_FIELD_TOO_LONG, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"f\"\r\n\r\n" X64 "g" CLOSE),
	    NULL, NULL, MP_FILE_TOO_LARGE, 0, { { 0 } } },
	/* Too large even when the body is also cut short. */
	{ LIT(OPEN CD "name=\"f\"; filename=\"f\"\r\n\r\n" X64 X64), NULL,
	    NULL, MP_FILE_TOO_LARGE, 0, { { 0 } } },

	/* UTF-8 and controls. */
	{ LIT(OPEN FIELD("a") "\xff" CLOSE), NULL, NULL, MP_BAD_UTF8, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a") "\xbc\xd2\xb5\xe7" CLOSE), NULL, NULL,
	    MP_BAD_UTF8, 0, { { 0 } } },
	{ LIT(OPEN FIELD("a") "\xe5\xae" CLOSE), NULL, NULL, MP_BAD_UTF8, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a") "\xed\xa0\x80" CLOSE), NULL, NULL, MP_BAD_UTF8,
	    0, { { 0 } } },
	{ LIT(OPEN FIELD("a") "x\0y" CLOSE), NULL, NULL, MP_BAD_UTF8, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("\xff") CLOSE), NULL, NULL, MP_BAD_UTF8, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("\xc0\xaf") CLOSE), NULL, NULL, MP_BAD_UTF8, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a\0b") CLOSE), NULL, NULL, MP_BAD_UTF8, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a\x01" "b") CLOSE), NULL, NULL, MP_BAD_UTF8, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a\tb") CLOSE), NULL, NULL, MP_BAD_UTF8, 0,
	    { { 0 } } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"\xcb\xb5\xc3\xf7.pdf\"\r\n\r\n"
	    CLOSE), NULL, NULL, MP_BAD_UTF8, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"\xff/a.pdf\"\r\n\r\n" CLOSE),
	    NULL, NULL, MP_BAD_UTF8, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"a\x7f.pdf\"\r\n\r\n" CLOSE),
	    NULL, NULL, MP_BAD_UTF8, 0, { { 0 } } },
	{ LIT(OPEN CD "name=\"f\"; filename=\"a\0.pdf\"\r\n\r\n" CLOSE),
	    NULL, NULL, MP_BAD_UTF8, 0, { { 0 } } },

	/* Boundaries the parser refuses outright. */
	{ LIT(OPEN FIELD("a") CLOSE), "", NULL, MP_BAD_BOUNDARY, 0, { { 0 } } },
	{ LIT(OPEN FIELD("a") CLOSE), "XyZ ", NULL, MP_BAD_BOUNDARY, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a") CLOSE), "a\"b", NULL, MP_BAD_BOUNDARY, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a") CLOSE), "家电", NULL, MP_BAD_BOUNDARY, 0,
	    { { 0 } } },
	{ LIT(OPEN FIELD("a") CLOSE), X64 "0123456", NULL, MP_BAD_BOUNDARY, 0,
	    { { 0 } } },
};

static const struct {
	const char	*in;
	const char	*want;	/* NULL: refused */
} boundary_cases[] = {
	{ "multipart/form-data; boundary=XyZ", "XyZ" },
	{ "multipart/form-data; boundary=\"XyZ\"", "XyZ" },
	{ "Multipart/Form-Data; BOUNDARY=XyZ", "XyZ" },
	{ "  multipart/form-data ;boundary=XyZ ; ", "XyZ" },
	{ "multipart/form-data;boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
	    "----WebKitFormBoundary7MA4YWxkTrZu0gW" },
	{ "multipart/form-data; charset=utf-8; boundary=\"a b c\"", "a b c" },
	{ "multipart/form-data; boundary=\"'()+_,-./:=?\"", "'()+_,-./:=?" },
	{ "multipart/form-data; x=\"a;boundary=no\"; boundary=yes", "yes" },
	{ "multipart/form-data;; ;boundary=XyZ", "XyZ" },
	{ "multipart/form-data; boundary=" X64 "012345", X64 "012345" },
	{ "multipart/form-data; boundary=" X64 "0123456", NULL },
	{ "multipart/form-data", NULL },
	{ "multipart/form-data;", NULL },
	{ "multipart/form-data; charset=utf-8", NULL },
	{ "multipart/mixed; boundary=XyZ", NULL },
	{ "multipart/form-dataX; boundary=XyZ", NULL },
	{ "application/x-www-form-urlencoded", NULL },
	{ "", NULL },
	{ "multipart/form-data; boundary=", NULL },
	{ "multipart/form-data; boundary=\"\"", NULL },
	{ "multipart/form-data; boundary=\"XyZ", NULL },
	{ "multipart/form-data; boundary=\"XyZ \"", NULL },
	{ "multipart/form-data; boundary=\" \"", NULL },
	{ "multipart/form-data; boundary=a; boundary=b", NULL },
	{ "multipart/form-data; boundary=a b", NULL },
	{ "multipart/form-data; boundary=a\\b", NULL },
	{ "multipart/form-data; boundary=\"a\\\"b\"", NULL },
	{ "multipart/form-data; boundary=家电", NULL },
	{ "multipart/form-data; boundary=a\x01", NULL },
	{ "multipart/form-data; =a", NULL },
	{ "multipart/form-data boundary=a", NULL },
};

/* Parses a copy exactly len bytes long, so any read past it shows. */
static enum multipart_status
parse_copy(struct multipart *mp, char **copy, const char *body, size_t len,
    const char *boundary, const struct multipart_limits *l)
{
	if ((*copy = malloc(len > 0 ? len : 1)) == NULL)
		return MP_NOMEM;
	memcpy(*copy, body, len);
	return multipart_parse(mp, *copy, len, boundary, l);
}

static int
part_is(const struct multipart_part *p, const struct want_part *w,
    const char *body, size_t len)
{
	if (strcmp(p->name, w->name) != 0)
		return 0;
	if ((p->filename == NULL) != (w->filename == NULL) ||
	    (w->filename != NULL && strcmp(p->filename, w->filename) != 0))
		return 0;
	if ((p->content_type == NULL) != (w->type == NULL) ||
	    (w->type != NULL && strcmp(p->content_type, w->type) != 0))
		return 0;
	return p->len == w->len && memcmp(p->data, w->data, w->len) == 0 &&
	    p->data >= body && p->data + p->len <= body + len;
}

static void
test_cases(void)
{
	struct multipart	 mp;
	enum multipart_status	 st;
	char			*copy;
	size_t			 i, k;

	for (i = 0; i < NELEM(cases); i++) {
		st = parse_copy(&mp, &copy, cases[i].body, cases[i].len,
		    cases[i].boundary ? cases[i].boundary : B,
		    cases[i].lim ? cases[i].lim : &lim);
		CHECK(st == cases[i].want, "multipart %zu: status %d", i, st);
		if (st == MP_OK) {
			CHECK(mp.n == cases[i].n, "multipart %zu: %zu parts",
			    i, mp.n);
			for (k = 0; k < mp.n && k < NELEM(cases[i].part) &&
			    cases[i].part[k].name != NULL; k++)
				CHECK(part_is(&mp.parts[k], &cases[i].part[k],
				    copy, cases[i].len),
				    "multipart %zu part %zu", i, k);
		} else
			CHECK(mp.parts == NULL && mp.n == 0,
			    "multipart %zu: left empty", i);
		multipart_free(&mp);
		free(copy);
	}
}

static void
test_boundary(void)
{
	char	 out[MULTIPART_MAX_BOUNDARY + 1];
	size_t	 i;
	int	 r;

	for (i = 0; i < NELEM(boundary_cases); i++) {
		r = multipart_boundary(boundary_cases[i].in, out, sizeof(out));
		if (boundary_cases[i].want == NULL)
			CHECK(r == -1, "boundary %zu: accepted", i);
		else
			CHECK(r == 0 &&
			    strcmp(out, boundary_cases[i].want) == 0,
			    "boundary %zu: %d", i, r);
	}
	CHECK(multipart_boundary(NULL, out, sizeof(out)) == -1, "NULL type");
	CHECK(multipart_boundary("multipart/form-data; boundary=abc", out,
	    3) == -1, "boundary longer than out");
	CHECK(multipart_boundary("multipart/form-data; boundary=abc", out,
	    4) == 0 && strcmp(out, "abc") == 0, "boundary just fits");
}

/* A good body cut anywhere before its closing delimiter ends is bad. */
static void
test_truncated(void)
{
	static const char	 body[] = "preamble\r\n" OPEN FIELD("标题") "冰箱"
	    NEXT CD "name=\"doc\"; filename=\"C:\\fakepath\\说明书.pdf\"\r\n"
	    "Content-Type: application/pdf\r\n\r\n" "%PDF\r\n--Xy\0\r\n"
	    NEXT FIELD("e") CLOSE;
	struct multipart	 mp;
	enum multipart_status	 st;
	char			*copy;
	size_t			 len = sizeof(body) - 1, closed, cut;

	closed = len - 2;	/* just after the final "--" */
	for (cut = 0; cut <= len; cut++) {
		st = parse_copy(&mp, &copy, body, cut, B, &lim);
		if (cut < closed)
			CHECK(st != MP_OK && mp.n == 0,
			    "cut at %zu: status %d", cut, st);
		else
			CHECK(st == MP_OK && mp.n == 3, "cut at %zu: status %d",
			    cut, st);
		multipart_free(&mp);
		free(copy);
	}
}

static void
test_get(void)
{
	static const char	 body[] = OPEN FIELD("a") "1" NEXT FIELD("b")
	    "2" NEXT FIELD("a") "3" CLOSE;
	struct multipart	 mp;
	const struct multipart_part *p;

	CHECK(multipart_parse(&mp, body, sizeof(body) - 1, B, &lim) == MP_OK,
	    "get: parse");
	p = multipart_get(&mp, "a");
	CHECK(p != NULL && p->len == 1 && p->data[0] == '1', "get: first a");
	p = multipart_get(&mp, "b");
	CHECK(p != NULL && p->len == 1 && p->data[0] == '2', "get: b");
	CHECK(multipart_get(&mp, "c") == NULL, "get: missing");
	CHECK(multipart_get(&mp, "") == NULL, "get: empty name");
	multipart_free(&mp);
	CHECK(mp.parts == NULL && mp.n == 0, "free empties");
	multipart_free(&mp);
	CHECK(multipart_get(&mp, "a") == NULL, "get after free");
	CHECK(multipart_parse(&mp, body, sizeof(body) - 1, NULL, &lim) ==
	    MP_BAD_BOUNDARY, "NULL boundary");
	CHECK(multipart_parse(&mp, NULL, 0, B, &lim) == MP_MALFORMED,
	    "NULL body");
}

/* More parts than the array starts with, then one over the limit. */
static void
test_many_parts(void)
{
	const struct multipart_limits many = { 20, 256, 16, 64 };
	struct multipart	 mp;
	enum multipart_status	 st;
	char			 body[2048], name[24];
	size_t			 i, len = 0;
	int			 ok = 1;

	for (i = 0; i < 21; i++)
		len += (size_t)snprintf(body + len, sizeof(body) - len,
		    "--" B "\r\n" FIELD("p%zu") "%zu\r\n", i, i);
	len += (size_t)snprintf(body + len, sizeof(body) - len, "--" B "--");
	st = multipart_parse(&mp, body, len, B, &many);
	CHECK(st == MP_TOO_MANY_PARTS, "21 parts: status %d", st);
	/* Cut just before the 21st part, closing the body there. */
	len = (size_t)(strstr(body, "--" B "\r\n" CD "name=\"p20\"") - body);
	memcpy(body + len, "--" B "--", sizeof("--" B "--"));
	len += sizeof("--" B "--") - 1;
	st = multipart_parse(&mp, body, len, B, &many);
	CHECK(st == MP_OK && mp.n == 20, "20 parts: status %d", st);
	for (i = 0; st == MP_OK && i < mp.n; i++) {
		snprintf(name, sizeof(name), "p%zu", i);
		ok &= multipart_get(&mp, name) == &mp.parts[i];
	}
	CHECK(ok, "20 parts: each found by name");
	multipart_free(&mp);
}

/* Near-delimiters throughout a large file and a header that never ends
 * are found or refused without rescanning. */
static void
test_large(void)
{
	static const char	 head[] = OPEN
	    CD "name=\"f\"; filename=\"x\"\r\n\r\n";
	static const char	 tail[] = CLOSE;
	const struct multipart_limits big = { 2, 256, 16, 1 << 20 };
	const struct multipart_limits small = { 2, 256, 16, (1 << 20) - 1 };
	struct multipart	 mp;
	enum multipart_status	 st;
	size_t			 i, n = 1 << 20, hl = sizeof(head) - 1;
	char			*body;

	if ((body = malloc(hl + n + sizeof(tail))) == NULL) {
		CHECK(0, "large: no memory");
		return;
	}
	memcpy(body, head, hl);
	for (i = 0; i < n; i++)
		body[hl + i] = "\r\n--Xy"[i % 6];
	memcpy(body + hl + n, tail, sizeof(tail));
	st = multipart_parse(&mp, body, hl + n + sizeof(tail) - 1, B, &big);
	CHECK(st == MP_OK && mp.n == 1 && mp.parts[0].len == n,
	    "large file: status %d", st);
	multipart_free(&mp);
	st = multipart_parse(&mp, body, hl + n - 1, B, &big);
	CHECK(st == MP_MALFORMED, "large file cut: status %d", st);
	st = multipart_parse(&mp, body, hl + n + sizeof(tail) - 1, B, &small);
	CHECK(st == MP_FILE_TOO_LARGE, "large file over: status %d", st);
	memset(body + sizeof(OPEN) - 1, 'h', n);
	st = multipart_parse(&mp, body, n, B, &big);
	CHECK(st == MP_HEADER_TOO_LONG, "endless header: status %d", st);
	free(body);
}

void
test_multipart(void)
{
	test_boundary();
	test_cases();
	test_truncated();
	test_get();
	test_many_parts();
	test_large();
}
