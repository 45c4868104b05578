/* Request parsing: everything bounded, everything UTF-8. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "web/request.h"
#include "base/utf8.h"

static const struct form_limits query_limits = { 32, 64, 1024 };
const struct request_limits request_default_limits = {
	REQUEST_MAX_BODY, REQUEST_MAX_FIELD, 0, NULL
};
static const struct form_limits cookie_limits = { 16, 64, 512 };

void
request_init(struct request *r)
{
	memset(r, 0, sizeof(*r));
	r->method_name = "";
	r->path = "/";
	r->remote_addr = "";
	kvlist_init(&r->query);
	kvlist_init(&r->body);
	kvlist_init(&r->cookies);
	clock_gettime(CLOCK_MONOTONIC, &r->started);
}

void
request_free(struct request *r)
{
	multipart_free(&r->parts);
	free(r->multipart);
	r->multipart = NULL;
	kvlist_free(&r->query);
	kvlist_free(&r->body);
	kvlist_free(&r->cookies);
}

static struct request_error
form_error(enum form_status st, int too_long_status)
{
	struct request_error e = { 400, NULL };

	switch (st) {
	case FORM_OK:
		e.status = 0;
		break;
	case FORM_TOO_MANY:
		e.reason = "提交的项目太多";
		break;
	case FORM_TOO_LONG:
		e.status = too_long_status;
		e.reason = "提交的内容太长";
		break;
	case FORM_BAD_ESCAPE:
		e.reason = "网址或表单中有不完整的编码";
		break;
	case FORM_BAD_UTF8:
		e.reason = "提交的文字不是有效的 UTF-8 编码";
		break;
	case FORM_NOMEM:
		e.status = 503;
		e.reason = "服务器繁忙";
		break;
	}
	return e;
}

static enum http_method
method_of(const char *m)
{
	if (strcmp(m, "GET") == 0)
		return M_GET;
	if (strcmp(m, "HEAD") == 0)
		return M_HEAD;
	if (strcmp(m, "POST") == 0)
		return M_POST;
	return M_OTHER;
}

/* True for the media type want, with optional parameters. */
static int
is_media_type(const char *ct, const char *want)
{
	size_t	 n = strlen(want);

	return ct != NULL && strncasecmp(ct, want, n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* The multipart body size path may send: 0 where none is taken. */
static size_t
multipart_max(const struct request_limits *lim, const char *path)
{
	if (lim->multipart_path != NULL && (path == NULL ||
	    strcmp(path, lim->multipart_path) != 0))
		return 0;
	return lim->max_multipart;
}

/* The plain fields of the parts, into body. */
static struct request_error
fields_to_body(struct request *r)
{
	const struct multipart_part *p;
	size_t		 i;

	for (i = 0; i < r->parts.n; i++) {
		p = &r->parts.parts[i];
		if (p->filename != NULL)
			continue;
		if (kvlist_add(&r->body, p->name, p->data, p->len) != FORM_OK)
			return (struct request_error){ 503, "服务器繁忙" };
	}
	return (struct request_error){ 0, NULL };
}

static struct request_error
parse_multipart(struct request *r, const char *content_type,
    const char *body, size_t len, const struct request_limits *lim)
{
	/* A form's fields and a few files: the complaint form has 22. */
	struct multipart_limits	 ml = { 32, 4096, lim->max_field,
	    lim->max_multipart };
	char			 boundary[MULTIPART_MAX_BOUNDARY + 1];

	if (multipart_boundary(content_type, boundary, sizeof(boundary)) == -1)
		return (struct request_error){ 400, "上传格式不正确" };
	if ((r->multipart = malloc(len + 1)) == NULL)
		return (struct request_error){ 503, "服务器繁忙" };
	memcpy(r->multipart, body, len);
	r->multipart[len] = '\0';
	r->multipart_len = len;
	switch (multipart_parse(&r->parts, r->multipart, len, boundary, &ml)) {
	case MP_OK:
		return fields_to_body(r);
	case MP_FILE_TOO_LARGE:
		return (struct request_error){ 413, "上传的文件太大" };
	case MP_FIELD_TOO_LONG:
		return (struct request_error){ 413, "提交的内容太长" };
	case MP_TOO_MANY_PARTS:
		return (struct request_error){ 400, "提交的项目太多" };
	case MP_BAD_UTF8:
		return (struct request_error){ 400,
		    "提交的文字不是有效的 UTF-8 编码" };
	case MP_NOMEM:
		return (struct request_error){ 503, "服务器繁忙" };
	default:
		return (struct request_error){ 400, "上传格式不正确" };
	}
}

/* 0, or the status for a path that is too long or not plain UTF-8. */
static int
path_status(const char *path)
{
	size_t	 plen = strlen(path);

	if (plen > REQUEST_MAX_PATH)
		return 414;
	if (path[0] != '/' || !utf8_valid(path, plen) ||
	    utf8_has_controls(path, plen, 0))
		return 400;
	return 0;
}

struct request_error
request_parse(struct request *r, const char *method, const char *path,
    const char *query, const char *cookie, const char *content_type,
    const char *body, size_t bodylen, const struct request_limits *lim)
{
	struct request_error	 ok = { 0, NULL }, e;
	struct form_limits	 body_limits = { 64, 64, lim->max_field };

	r->method_name = method != NULL ? method : "";
	r->method = method_of(r->method_name);
	path = path != NULL ? path : "/";
	switch (path_status(path)) {
	case 414:
		return (struct request_error){ 414, "网址太长" };
	case 400:
		return (struct request_error){ 400, "网址不正确" };
	}
	r->path = path;
	if (query != NULL) {
		if (strlen(query) > REQUEST_MAX_QUERY)
			return (struct request_error){ 414, "网址太长" };
		e = form_error(form_parse_urlencoded(&r->query, query,
		    strlen(query), &query_limits), 414);
		if (e.status != 0)
			return e;
	}
	if (cookie != NULL) {
		/* A bad cookie is not the visitor's fault: drop them all. */
		if (form_parse_cookies(&r->cookies, cookie, strlen(cookie),
		    &cookie_limits) != FORM_OK)
			kvlist_free(&r->cookies);
	}
	if (r->method != M_POST)
		return ok;
	if (multipart_max(lim, path) > 0 &&
	    is_media_type(content_type, "multipart/form-data")) {
		if (bodylen > lim->max_multipart)
			return (struct request_error){ 413, "上传的文件太大" };
		return parse_multipart(r, content_type, body, bodylen, lim);
	}
	if (bodylen > lim->max_form)
		return (struct request_error){ 413, "提交的内容太大" };
	if (bodylen > 0 &&
	    !is_media_type(content_type, "application/x-www-form-urlencoded"))
		return (struct request_error){ 415, "不支持这种提交格式" };
	return form_error(form_parse_urlencoded(&r->body, body, bodylen,
	    &body_limits), 413);
}

struct request_error
request_read(struct request *r, char **envp, FCGX_Stream *in,
    const struct request_limits *lim)
{
	struct request_error	 e;
	const char		*cl, *addr, *uri;
	char			*body = NULL;
	long long		 len = 0;
	int			 got;

	if ((addr = FCGX_GetParam("REMOTE_ADDR", envp)) != NULL)
		r->remote_addr = addr;
	/* Known before the body, so a refused body is answered in the
	 * path's format (JSON, Open311). */
	if ((uri = FCGX_GetParam("DOCUMENT_URI", envp)) != NULL &&
	    path_status(uri) == 0)
		r->path = uri;
	cl = FCGX_GetParam("CONTENT_LENGTH", envp);
	if (cl != NULL && cl[0] != '\0' &&
	    parse_int(cl, 0, 1LL << 40, &len) == -1)
		return (struct request_error){ 400, "请求长度不正确" };
	if ((size_t)len > lim->max_form && (size_t)len > multipart_max(lim,
	    r->path))
		return (struct request_error){ 413, "提交的内容太大" };
	if (len > 0) {
		if ((body = malloc((size_t)len + 1)) == NULL)
			return (struct request_error){ 503, "服务器繁忙" };
		got = FCGX_GetStr(body, (int)len, in);
		if (got != len) {
			free(body);
			return (struct request_error){ 400, "提交的内容不完整" };
		}
		body[len] = '\0';
	}
	e = request_parse(r, FCGX_GetParam("REQUEST_METHOD", envp),
	    FCGX_GetParam("DOCUMENT_URI", envp),
	    FCGX_GetParam("QUERY_STRING", envp),
	    FCGX_GetParam("HTTP_COOKIE", envp),
	    FCGX_GetParam("CONTENT_TYPE", envp), body != NULL ? body : "",
	    (size_t)len, lim);
	free(body);
	return e;
}
