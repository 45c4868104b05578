/* Responses: security headers always, no header splitting, HEAD. */
#include <string.h>

#include "check.h"
#include "web/response.h"

static const char *const must_have[] = {
	"Status: 200 OK\r\n",
	"Content-Type: text/html; charset=utf-8\r\n",
	"Content-Length: 5\r\n",
	"X-Content-Type-Options: nosniff\r\n",
	"X-Frame-Options: DENY\r\n",
	"Referrer-Policy: same-origin\r\n",
	"Content-Security-Policy: default-src 'none';",
	"frame-ancestors 'none'",
	"\r\n\r\nhello",
};

void
test_response(void)
{
	struct response	 r;
	struct buf	 out;
	size_t		 i;

	response_init(&r);
	buf_init(&out);
	buf_adds(&r.body, "hello");
	response_serialise(&r, 0, &out);
	for (i = 0; i < NELEM(must_have); i++)
		CHECK(strstr(out.data, must_have[i]) != NULL, "header %s",
		    must_have[i]);
	CHECK(strstr(out.data, "unsafe-inline") == NULL, "no inline script");
	buf_reset(&out);
	response_serialise(&r, 1, &out);
	CHECK(strstr(out.data, "hello") == NULL, "HEAD has no body");
	CHECK(strstr(out.data, "Content-Length: 5") != NULL, "HEAD length");

	CHECK(response_header(&r, "X-Test", "a\r\nSet-Cookie: x=1") == -1,
	    "header splitting refused");
	CHECK(strstr(r.headers.data, "Set-Cookie") == NULL, "nothing added");
	CHECK(response_header(&r, "X-Test", "%s", "ok") == 0, "header added");
	response_redirect(&r, "/notices");
	CHECK(r.status == 303 && strstr(r.headers.data,
	    "Location: /notices\r\n") != NULL, "redirect");
	buf_reset(&out);
	response_serialise(&r, 0, &out);
	CHECK(strncmp(out.data, "Status: 303 See Other\r\n", 23) == 0,
	    "303 status line");
	response_free(&r);
	buf_free(&out);
}
