/* Response assembly with the security headers every answer carries. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/response.h"

/* No inline script or style anywhere: everything comes from /static;
 * the optional script may ask this site's API only. */
static const char security_headers[] =
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n"
    "Content-Security-Policy: default-src 'none'; style-src 'self'; "
    "img-src 'self'; script-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'\r\n";

void
response_init(struct response *r)
{
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
	buf_init(&r->headers);
	buf_init(&r->body);
}

void
response_free(struct response *r)
{
	buf_free(&r->headers);
	buf_free(&r->body);
}

void
response_reset(struct response *r)
{
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
	buf_reset(&r->headers);
	buf_reset(&r->body);
}

int
response_header(struct response *r, const char *name, const char *fmt, ...)
{
	va_list	 ap;
	char	*v;
	int	 rc;

	va_start(ap, fmt);
	rc = vasprintf(&v, fmt, ap);
	va_end(ap);
	if (rc == -1)
		return -1;
	/* Header splitting is never allowed, whatever the caller passes. */
	if (strpbrk(v, "\r\n") != NULL) {
		free(v);
		return -1;
	}
	rc = buf_printf(&r->headers, "%s: %s\r\n", name, v);
	free(v);
	return rc;
}

void
response_redirect(struct response *r, const char *path)
{
	r->status = 303;
	response_header(r, "Location", "%s", path);
}

const char *
status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 414: return "URI Too Long";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

int
response_serialise(const struct response *r, int head_only, struct buf *out)
{
	char	 numbers[64];

	/* The numbers printed, the rest appended: one printf of it all read
	 * the half-kilobyte of security headers twice over. */
	snprintf(numbers, sizeof(numbers), "%d", r->status);
	if (buf_adds(out, "Status: ") == -1 || buf_adds(out, numbers) == -1 ||
	    buf_adds(out, " ") == -1 ||
	    buf_adds(out, status_text(r->status)) == -1 ||
	    buf_adds(out, "\r\nContent-Type: ") == -1 ||
	    buf_adds(out, r->content_type) == -1)
		return -1;
	snprintf(numbers, sizeof(numbers), "%zu", r->body.len);
	if (buf_adds(out, "\r\nContent-Length: ") == -1 ||
	    buf_adds(out, numbers) == -1 || buf_adds(out, "\r\n") == -1 ||
	    buf_adds(out, security_headers) == -1 ||
	    (r->headers.len > 0 && buf_add(out, r->headers.data,
	    r->headers.len) == -1) || buf_adds(out, "\r\n") == -1)
		return -1;
	if (!head_only && buf_add(out, r->body.data, r->body.len) == -1)
		return -1;
	return 0;
}

int
response_write(const struct response *r, int head_only, FCGX_Stream *out)
{
	struct buf	 b;
	int		 rc = 0;

	/* The head, then the body as it is: no copy of a large page. */
	buf_init(&b);
	if (response_serialise(r, 1, &b) == -1 ||
	    FCGX_PutStr(b.data, (int)b.len, out) != (int)b.len)
		rc = -1;
	else if (!head_only && r->body.len > 0 &&
	    FCGX_PutStr(r->body.data, (int)r->body.len, out) !=
	    (int)r->body.len)
		rc = -1;
	buf_free(&b);
	return rc;
}
