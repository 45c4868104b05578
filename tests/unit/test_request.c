/* Whole requests: methods, paths, limits, content types, bodies. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "web/request.h"

static const struct request_limits uploads = { REQUEST_MAX_BODY,
	REQUEST_MAX_FIELD, 1024, NULL };
static const struct request_limits tiny_uploads = { REQUEST_MAX_BODY,
	REQUEST_MAX_FIELD, 4, NULL };
#define DEF	(&request_default_limits)

static const struct {
	const char	*method, *path, *query, *ctype, *body;
	int		 status;
	enum http_method want_method;
} cases[] = {
	{ "GET", "/", NULL, NULL, NULL, 0, M_GET },
	{ "HEAD", "/caps", "", NULL, NULL, 0, M_HEAD },
	{ "DELETE", "/", NULL, NULL, NULL, 0, M_OTHER },
	{ "GET", "/subsidy", "category=tv&price=1999", NULL, NULL, 0, M_GET },
	{ "GET", "relative", NULL, NULL, NULL, 400, M_GET },
	{ "GET", "/\xff", NULL, NULL, NULL, 400, M_GET },
	{ "GET", "/a\x01", NULL, NULL, NULL, 400, M_GET },
	{ "GET", "/", "q=%FF", NULL, NULL, 400, M_GET },
	{ "GET", "/", "q=%", NULL, NULL, 400, M_GET },
	{ "POST", "/x", NULL, "application/x-www-form-urlencoded", "a=1",
	    0, M_POST },
	{ "POST", "/x", NULL,
	    "application/x-www-form-urlencoded; charset=UTF-8", "a=1", 0,
	    M_POST },
	{ "POST", "/x", NULL, "text/plain", "a=1", 415, M_POST },
	{ "POST", "/x", NULL, "multipart/form-data; boundary=x", "a=1", 415,
	    M_POST },
	{ "POST", "/x", NULL, NULL, "a=1", 415, M_POST },
	{ "POST", "/x", NULL, NULL, "", 0, M_POST },
	{ "POST", "/x", NULL, "application/x-www-form-urlencoded",
	    "a=%E5%AE", 400, M_POST },
};

void
test_request(void)
{
	struct request		 r;
	struct request_error	 e;
	size_t			 i;
	char			*big;

	for (i = 0; i < NELEM(cases); i++) {
		request_init(&r);
		e = request_parse(&r, cases[i].method, cases[i].path,
		    cases[i].query, NULL, cases[i].ctype, cases[i].body,
		    cases[i].body ? strlen(cases[i].body) : 0, DEF);
		CHECK(e.status == cases[i].status, "request %zu: %d", i,
		    e.status);
		CHECK(r.method == cases[i].want_method, "method %zu", i);
		CHECK(e.status == 0 || (e.reason != NULL && e.reason[0]),
		    "reason %zu", i);
		request_free(&r);
	}

	/* Limits: path, query, body size, field count. */
	big = malloc(REQUEST_MAX_BODY + 2);
	memset(big, 'a', REQUEST_MAX_BODY + 1);
	big[0] = '/';
	big[REQUEST_MAX_PATH + 1] = '\0';
	request_init(&r);
	e = request_parse(&r, "GET", big, NULL, NULL, NULL, NULL, 0, DEF);
	CHECK(e.status == 414, "long path: %d", e.status);
	request_free(&r);

	big[REQUEST_MAX_PATH + 1] = 'a';
	big[0] = 'q';
	big[1] = '=';
	big[REQUEST_MAX_QUERY + 1] = '\0';
	request_init(&r);
	e = request_parse(&r, "GET", "/", big, NULL, NULL, NULL, 0, DEF);
	CHECK(e.status == 414, "long query: %d", e.status);
	request_free(&r);

	big[REQUEST_MAX_QUERY + 1] = 'a';
	big[REQUEST_MAX_BODY + 1] = '\0';
	request_init(&r);
	e = request_parse(&r, "POST", "/", NULL, NULL,
	    "application/x-www-form-urlencoded", big, REQUEST_MAX_BODY + 1, DEF);
	CHECK(e.status == 413, "big body: %d", e.status);
	request_free(&r);

	request_init(&r);
	e = request_parse(&r, "POST", "/", NULL, NULL,
	    "application/x-www-form-urlencoded", big, 20 * 1024, DEF);
	CHECK(e.status == 413, "long field: %d", e.status);
	request_free(&r);

	/* 65 fields: one more than a body may carry. */
	for (i = 0; i < 65; i++)
		memcpy(big + i * 4, "a=1&", 4);
	request_init(&r);
	e = request_parse(&r, "POST", "/", NULL, NULL,
	    "application/x-www-form-urlencoded", big, 65 * 4 - 1, DEF);
	CHECK(e.status == 400, "too many fields: %d", e.status);
	request_free(&r);
	request_init(&r);
	e = request_parse(&r, "POST", "/", NULL, NULL,
	    "application/x-www-form-urlencoded", big, 64 * 4 - 1, DEF);
	CHECK(e.status == 0 && r.body.n == 64, "64 fields: %d", e.status);
	request_free(&r);
	free(big);

	/* Multipart bodies are kept raw where the program accepts them. */
	request_init(&r);
	{
		static const char body[] = "--x\r\nContent-Disposition: "
		    "form-data; name=\"csrf\"\r\n\r\nabc\r\n--x--\r\n";

		e = request_parse(&r, "POST", "/", NULL, NULL,
		    "multipart/form-data; boundary=x", body, sizeof(body) - 1,
		    &uploads);
		CHECK(e.status == 0 && r.parts.n == 1 &&
		    strcmp(r.parts.parts[0].name, "csrf") == 0 &&
		    r.parts.parts[0].len == 3, "multipart parsed: %d",
		    e.status);
		/* Its plain fields read as a form's. */
		CHECK(r.body.n == 1 && kvlist_get(&r.body, "csrf") != NULL &&
		    strcmp(kvlist_get(&r.body, "csrf")->val, "abc") == 0,
		    "multipart field in body");
	}
	request_free(&r);
	/* Only the one path named takes multipart, and files stay parts. */
	{
		static const struct request_limits one_path = {
			REQUEST_MAX_BODY, REQUEST_MAX_FIELD, 1024, "/complaints"
		};
		static const char body[] = "--x\r\nContent-Disposition: "
		    "form-data; name=\"name\"\r\n\r\n\xe5\xbc\xa0\r\n"
		    "--x\r\nContent-Disposition: form-data; name=\"photo\"; "
		    "filename=\"a.jpg\"\r\n\r\n\xff\xd8\xff\r\n--x--\r\n";

		request_init(&r);
		e = request_parse(&r, "POST", "/complaints", NULL, NULL,
		    "multipart/form-data; boundary=x", body, sizeof(body) - 1,
		    &one_path);
		CHECK(e.status == 0 && r.parts.n == 2 && r.body.n == 1 &&
		    strcmp(r.body.items[0].val, "\xe5\xbc\xa0") == 0 &&
		    kvlist_get(&r.body, "photo") == NULL,
		    "multipart on its path: %d", e.status);
		request_free(&r);
		request_init(&r);
		e = request_parse(&r, "POST", "/complaints/track", NULL, NULL,
		    "multipart/form-data; boundary=x", body, sizeof(body) - 1,
		    &one_path);
		CHECK(e.status == 415 && r.multipart == NULL,
		    "multipart elsewhere: %d", e.status);
		request_free(&r);
	}
	request_init(&r);
	e = request_parse(&r, "POST", "/", NULL, NULL,
	    "multipart/form-data; boundary=x", "--x--", 5, &tiny_uploads);
	CHECK(e.status == 413 && r.multipart == NULL, "multipart too big");
	request_free(&r);
	request_init(&r);
	e = request_parse(&r, "POST", "/", NULL, NULL,
	    "multipart/form-data; boundary=x", "--x\r\nbroken", 12, &uploads);
	CHECK(e.status == 400, "broken multipart: %d", e.status);
	request_free(&r);
	request_init(&r);
	e = request_parse(&r, "POST", "/", NULL, NULL,
	    "Multipart/Form-Data; boundary=x", "--x--", 5, DEF);
	CHECK(e.status == 415, "multipart refused: %d", e.status);
	request_free(&r);

	/* A broken cookie header is dropped, not fatal. */
	request_init(&r);
	e = request_parse(&r, "GET", "/", NULL, "a=%FF; b=2", NULL, NULL, 0, DEF);
	CHECK(e.status == 0 && r.cookies.n == 0, "bad cookie dropped");
	request_free(&r);
	request_init(&r);
	e = request_parse(&r, "GET", "/", NULL, "sid=abc; lang=zh", NULL,
	    NULL, 0, DEF);
	CHECK(e.status == 0 && r.cookies.n == 2, "cookies");
	request_free(&r);
}
