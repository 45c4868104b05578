/* The FastCGI request loop shared by every program in cgi-bin/. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "web/app.h"
#include "web/cookie.h"
#include "domain/site_version.h"
#include "domain/calendar_cache.h"
#include "domain/reference_cache.h"
#include "base/change_signal.h"
#include "web/config.h"
#include "db/db.h"
#include "base/image.h"
#include "base/json.h"
#include "base/log.h"
#include "web/page_cache.h"
#include "web/prefork.h"
#include "base/privilege.h"
#include "web/view.h"

/* A worker's page cache: a few hundred pages of 10-30 kB. */
#define PAGE_CACHE_BYTES	(3 * 1024 * 1024)
#define PAGE_CACHE_ENTRY	(256 * 1024)

struct server {
	const struct app	*app;
	struct config		 cfg;
	int			 listen_fd;
	int			 caching;	/* page cache on, cacheable routes */
	struct buf		 body;		/* the worker's page buffer, kept */
	struct arena		 arena;		/* the worker's arena, emptied
						 * after each request */
};

/* A page buffer grown past this is given back after the request. */
#define BODY_KEEP_MAX	(256 * 1024)

/* 1 for a letter or digit. */
static int
key_start(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9');
}

/* Whether path fits pattern: exact, or prefix "{id}" suffix with a
 * number, or prefix "{key}" suffix with a key (put into key). */
static int
pattern_match(const char *pattern, const char *path, long long *id,
    char key[REQUEST_MAX_KEY + 1])
{
	const char	*brace;
	size_t		 plen, slen, len = strlen(path), n, i;

	if ((brace = strstr(pattern, "{key}")) != NULL) {
		plen = (size_t)(brace - pattern);
		slen = strlen(brace + 5);
		if (len < plen + slen || strncmp(pattern, path, plen) != 0 ||
		    strcmp(path + len - slen, brace + 5) != 0)
			return 0;
		n = len - plen - slen;
		if (n == 0 || n > REQUEST_MAX_KEY || !key_start(path[plen]))
			return 0;
		for (i = plen; i < plen + n; i++)
			if (!key_start(path[i]) && strchr("-_.", path[i]) ==
			    NULL)
				return 0;
		memcpy(key, path + plen, n);
		key[n] = '\0';
		return 1;
	}
	if ((brace = strstr(pattern, "{id}")) != NULL) {
		char digits[16];

		plen = (size_t)(brace - pattern);
		if (strncmp(pattern, path, plen) != 0)
			return 0;
		n = strspn(path + plen, "0123456789");
		if (n == 0 || n >= sizeof(digits) ||
		    strcmp(path + plen + n, brace + 4) != 0)
			return 0;
		memcpy(digits, path + plen, n);
		digits[n] = '\0';
		return parse_int(digits, 1, 4000000000LL, id) == 0;
	}
	return strcmp(pattern, path) == 0;
}

const struct route *
route_match(const struct app *app, const char *path, enum http_method m,
    long long *id, char key[REQUEST_MAX_KEY + 1], unsigned *allowed)
{
	const struct route	*r, *found = NULL;
	char			 k[REQUEST_MAX_KEY + 1];
	long long		 v;
	size_t			 i;

	*allowed = 0;
	*id = 0;
	if (key != NULL)
		key[0] = '\0';
	for (i = 0; i < app->nroutes; i++) {
		r = &app->routes[i];
		v = 0;
		k[0] = '\0';
		if (!pattern_match(r->path, path, &v, k))
			continue;
		*allowed |= r->methods;
		if ((r->methods & m) && found == NULL) {
			found = r;
			*id = v;
			if (key != NULL)
				memcpy(key, k, strlen(k) + 1);
		}
	}
	return found;
}

/* Data every page's layout needs. */
static void
common_data(struct ctx *c)
{
	char	 d[11];

	hset(c->hdf, "Site.Name", c->cfg->site_name);
	hseti(c->hdf, "Site.Demo", c->cfg->demo);
	hset(c->hdf, "Site.AssetVersion", c->cfg->asset_version);
	hset(c->hdf, "Request.Path", c->req->path);
	today(d);
	hset(c->hdf, "Today", d);
}

const char *
ctx_text(const struct ctx *c, size_t i)
{
	const struct param_value *p = &c->req->param[i];

	return p->present && p->valid ? p->s : "";
}

enum handler_result
ctx_render(struct ctx *c, const char *template)
{
	buf_reset(&c->resp->body);
	common_data(c);
	/* Data that could not be set would leave holes in a 200 page: the
	 * error page goes instead (with the count cleared, so it can). */
	if (view_fill_failures() > 0) {
		log_error("%s: %lu page values not set; answering 500",
		    template, view_fill_failures());
		view_fill_reset();
		return H_ERROR;
	}
	if (view_render(c->hdf, template, 1, &c->resp->body) == -1)
		return H_ERROR;
	return H_OK;
}

static const char *
error_title(int status)
{
	switch (status) {
	case 400: return "请求有误";
	case 403: return "没有权限";
	case 404: return "找不到这个页面";
	case 405: return "不支持这种访问方式";
	case 413: return "提交的内容太大";
	case 414: return "网址太长";
	case 415: return "不支持这种提交格式";
	case 503: return "服务暂时不可用";
	default: return "服务器出错了";
	}
}

static const char *
error_code(int status)
{
	switch (status) {
	case 400: return "bad_request";
	case 404: return "not_found";
	case 405: return "method_not_allowed";
	case 413: return "too_large";
	case 414: return "uri_too_long";
	case 415: return "unsupported_media_type";
	case 503: return "unavailable";
	default: return "internal_error";
	}
}

enum handler_result
ctx_json(struct ctx *c, json_t *root)
{
	buf_reset(&c->resp->body);
	c->resp->content_type = "application/json";
	return json_emit(root, &c->resp->body) == 0 ? H_OK : H_ERROR;
}

/* Page links: the first, the last and two either side of the current
 * page, with a gap marker where numbers are skipped. */
static void
paging_links(HDF *hdf, long long page, long long pages)
{
	HDF		*list, *l;
	long long	 p, last = 0;
	size_t		 n = 0;

	if (pages < 2 || page > pages ||
	    (list = hnew(hdf, "Paging.links")) == NULL)
		return;
	for (p = 1; p <= pages; p++) {
		if (p != 1 && p != pages && (p < page - 2 || p > page + 2))
			continue;
		if (p > last + 1 && (l = hadd_item(list, n++)) != NULL)
			hadd(l, "gap", "1");
		if ((l = hadd_item(list, n++)) != NULL) {
			hadd_int(l, "page", p);
			if (p == page)
				hadd(l, "current", "1");
		}
		last = p;
		if (p == 1 && page - 2 > 2)
			p = page - 3;
		else if (p == page + 2 && pages - 1 > p)
			p = pages - 1;
	}
}

void
ctx_paging(struct ctx *c, long page, long long total, long page_size)
{
	long long	 pages = (total + page_size - 1) / page_size;

	hseti(c->hdf, "Paging.page", page);
	hseti(c->hdf, "Paging.total", total);
	hseti(c->hdf, "Paging.pages", pages);
	hseti(c->hdf, "Paging.page_size", page_size);
	if (page > pages && total > 0)
		hset(c->hdf, "Paging.past_end", "1");
	paging_links(c->hdf, page, pages);
}

/* True when name is one of the comma-separated names in list. */
static int
in_list(const char *list, const char *name)
{
	size_t	 n = strlen(name);
	const char *p;

	for (p = list; (p = strstr(p, name)) != NULL; p += n)
		if ((p == list || p[-1] == ',') &&
		    (p[n] == '\0' || p[n] == ','))
			return 1;
	return 0;
}

void
ctx_query_string(struct ctx *c, const char *name, const char *omit)
{
	const struct route	*rt = c->route;
	struct buf		 b;
	size_t			 i;

	buf_init(&b);
	for (i = 0; rt != NULL && i < rt->nparams; i++) {
		const struct param_value *pv = &c->req->param[i];

		if (!pv->present || in_list(omit, rt->params[i].name))
			continue;
		if (b.len > 0)
			buf_adds(&b, "&");
		buf_printf(&b, "%s=", rt->params[i].name);
		buf_add_urlencoded(&b, pv->s);
	}
	hset(c->hdf, name, b.data);
	buf_free(&b);
}

void
ctx_error_page(struct ctx *c, int status, const char *reason)
{
	response_reset(c->resp);
	c->resp->status = status;
	if (c->app != NULL && c->app->error_page != NULL &&
	    c->app->error_page(c, status, reason != NULL ? reason :
	    error_title(status)))
		return;
	if (c->json) {
		const char *msg = reason != NULL ? reason : error_title(status);

		if (ctx_json(c, json_error(status, error_code(status), msg)) ==
		    H_OK)
			return;
	}
	hseti(c->hdf, "Error.Status", status);
	hset(c->hdf, "Error.Title", error_title(status));
	if (reason != NULL)
		hset(c->hdf, "Error.Reason", reason);
	if (ctx_render(c, "error.cs") == H_OK)
		return;
	/* The templates themselves failed: say so in plain text. */
	c->resp->content_type = "text/plain; charset=utf-8";
	buf_reset(&c->resp->body);
	buf_printf(&c->resp->body, "%d %s\n", status, error_title(status));
}

void
ctx_field_error(struct ctx *c, const char *field, const char *message)
{
	HDF	*list;
	char	 name[128];
	int	 n = 0;

	snprintf(name, sizeof(name), "Errors.%s", field);
	hset(c->hdf, name, message);
	if ((list = hdf_get_obj(c->hdf, "ErrorList")) != NULL)
		for (list = hdf_obj_child(list); list != NULL;
		    list = hdf_obj_next(list))
			n++;
	snprintf(name, sizeof(name), "ErrorList.%d", n);
	hset(c->hdf, name, message);
	c->resp->status = 400;
}

/* Puts each parameter error in the page data for the form or the error page. */
static void
param_errors_to_hdf(struct ctx *c, const struct route *rt)
{
	size_t	 i, n = 0;
	char	 name[128];

	for (i = 0; i < rt->nparams; i++) {
		const struct param_value *pv = &c->req->param[i];

		snprintf(name, sizeof(name), "Form.%s", rt->params[i].name);
		hset(c->hdf, name, pv->s);
		if (pv->valid)
			continue;
		snprintf(name, sizeof(name), "Errors.%s", rt->params[i].name);
		hset(c->hdf, name, pv->error);
		snprintf(name, sizeof(name), "ErrorList.%zu", n++);
		hset(c->hdf, name, pv->error);
	}
}

static int	finish(struct ctx *, int);

static int
dispatch(struct ctx *c, const struct app *app)
{
	const struct route	*rt;
	struct request		*r = c->req;
	unsigned		 allowed;
	int			 rc;

	rt = route_match(app, r->path, r->method, &r->path_id, r->path_key,
	    &allowed);
	c->route = rt;
	c->json = strncmp(r->path, "/api/", 5) == 0 ||
	    (rt != NULL && (rt->flags & ROUTE_JSON));
	if (rt == NULL && allowed == 0) {
		ctx_error_page(c, 404, NULL);
		return 404;
	}
	if (rt == NULL) {
		ctx_error_page(c, 405, NULL);
		response_header(c->resp, "Allow", "%s%s%s",
		    allowed & M_GET ? "GET, HEAD" : "",
		    (allowed & M_GET) && (allowed & M_POST) ? ", " : "",
		    allowed & M_POST ? "POST" : "");
		return 405;
	}
	if (rt->nparams > REQUEST_MAX_PARAMS) {
		ctx_error_page(c, 500, NULL);
		return 500;
	}
	r->param_errors = params_validate(rt->params, rt->nparams,
	    r->method == M_POST ? &r->body : &r->query, r->param);
	param_errors_to_hdf(c, rt);
	if (r->multipart != NULL && !(rt->flags & ROUTE_MULTIPART)) {
		ctx_error_page(c, 415, "这里不能上传文件");
		return 415;
	}
	if (app->before != NULL && (rc = app->before(c)) != H_OK)
		return rc > 0 ? rc : finish(c, rc);
	if (r->param_errors > 0 && !(rt->flags & ROUTE_FORM)) {
		ctx_error_page(c, 400, hdf_get_value(c->hdf, "ErrorList.0",
		    NULL));
		return 400;
	}
	return finish(c, rt->handle(c));
}

/* Turns a handler result into the final status and page. */
static int
finish(struct ctx *c, int rc)
{
	switch (rc) {
	case H_OK:
		return c->resp->status;
	case H_FORBIDDEN:
		ctx_error_page(c, 403, "您的账号没有这项操作的权限。");
		return 403;
	case H_NOT_FOUND:
		ctx_error_page(c, 404, NULL);
		return 404;
	case H_UNAVAILABLE:
		ctx_error_page(c, 503, "数据库暂时无法连接，请稍后再试。");
		response_header(c->resp, "Retry-After", "30");
		return 503;
	default:
		ctx_error_page(c, 500, NULL);
		return 500;
	}
}

static long long
now_ms(void)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Asks the database for the change counter at most every check_ms; the
 * cache forgets everything when it moved, the day turned, or it cannot
 * be read. */
static void
page_cache_refresh(const struct config *cfg)
{
	static long long last = -1000000;
	static unsigned long long seen;
	unsigned long long signal = change_signal_read();
	long long	 t = now_ms(), version;
	time_t		 secs = time(NULL);
	struct tm	 tm;

	/* A staff write says so at once; others show within check_ms. */
	if (t - last < cfg->page_cache_check_ms && signal == seen)
		return;
	if (site_version(&version) != DOMAIN_OK) {
		page_cache_clear();
		return;
	}
	localtime_r(&secs, &tm);
	page_cache_validate(version, (long)tm.tm_year * 400 + tm.tm_yday);
	last = t;
	seen = signal;
}

/* The cache's key for a GET or HEAD: the path and query as sent; 0, or
 * -1 when the request is not one the cache holds. */
static int
cache_key(char **envp, char key[PAGE_CACHE_MAX_KEY], int *head)
{
	const char	*m = FCGX_GetParam("REQUEST_METHOD", envp);
	const char	*path = FCGX_GetParam("DOCUMENT_URI", envp);
	const char	*query = FCGX_GetParam("QUERY_STRING", envp);
	int		 n;

	if (m == NULL || path == NULL ||
	    (strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0))
		return -1;
	*head = m[0] == 'H';
	n = snprintf(key, PAGE_CACHE_MAX_KEY, "%s?%s", path,
	    query != NULL ? query : "");
	return n < 0 || n >= PAGE_CACHE_MAX_KEY ? -1 : 0;
}

/* Answers from the cache when it holds the page; 1 when it did. */
static int
serve_cached(struct server *s, FCGX_Request *fr, const char *key, int head)
{
	const struct cached_page *p;
	struct timespec	 t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	page_cache_refresh(&s->cfg);
	if ((p = page_cache_get(key)) == NULL)
		return 0;
	FCGX_PutStr(p->data, (int)(head ? p->head_len : p->len), fr->out);
	log_request(head ? "HEAD" : "GET", FCGX_GetParam("DOCUMENT_URI",
	    fr->envp), 200, seconds_since(&t0) * 1e3);
	return 1;
}

/* Keeps a page for the next asker, and says which this one was. */
static void
cache_store(struct response *resp, const char *key, int keep_seconds)
{
	struct buf	 b;
	size_t		 mark;

	/* nginx may keep it too, for a second at most (micro_cache.conf). */
	response_header(resp, "X-Accel-Expires", "1");
	mark = resp->headers.len;
	buf_init(&b);
	/* The head is made apart; the body goes into the cache once, from
	 * the page buffer it was rendered into. */
	if (response_header(resp, "X-Page-Cache", "hit") == 0 &&
	    response_serialise(resp, 1, &b) == 0)
		page_cache_put_until(key, b.data, b.len, resp->body.data,
		    resp->body.len, keep_seconds > 0 ?
		    time(NULL) + keep_seconds : 0);
	buf_free(&b);
	resp->headers.len = mark;
	if (resp->headers.data != NULL)
		resp->headers.data[mark] = '\0';
	response_header(resp, "X-Page-Cache", "miss");
}

/* Serves one request; *after and *arg get the work it left, if any. */
static void
serve_one(struct server *s, FCGX_Request *fr, void (**after)(void *),
    void **arg)
{
	char			 key[PAGE_CACHE_MAX_KEY];
	int			 head, cacheable;
	struct request		 req;
	struct response		 resp;
	struct request_error	 e;
	struct ctx		 c;
	int			 status;

	*after = NULL;
	*arg = NULL;
	cacheable = s->caching && cache_key(fr->envp, key, &head) == 0;
	if (cacheable && serve_cached(s, fr, key, head))
		return;
	request_init(&req);
	response_init(&resp);
	/* The same buffer from one request to the next: freeing a large
	 * block each time made malloc consolidate every small free chunk. */
	resp.body = s->body;
	buf_reset(&resp.body);
	c.req = &req;
	c.resp = &resp;
	c.cfg = &s->cfg;
	c.app = s->app;
	c.route = NULL;
	c.json = 0;
	c.user = NULL;
	c.after = NULL;
	c.after_arg = NULL;
	c.keep_seconds = 0;
	c.arena = s->arena;
	view_fill_reset();
	if ((c.hdf = view_new_in(&c.arena)) == NULL) {
		resp.status = 503;
		resp.content_type = "text/plain; charset=utf-8";
		buf_adds(&resp.body, "503 服务器繁忙\n");
		status = 503;
	} else if ((e = request_read(&req, fr->envp, fr->in,
	    s->app->limits != NULL ? s->app->limits :
	    &request_default_limits)).status != 0) {
		c.json = strncmp(req.path, "/api/", 5) == 0;
		ctx_error_page(&c, e.status, e.reason);
		status = e.status;
	} else {
		written_cookie_read(&c);
		status = dispatch(&c, s->app);
		written_cookie_set(&c);
	}
	resp.status = status;
	if (s->app->private_pages)
		response_header(&resp, "Cache-Control", "private, no-store");
	if (cacheable && status == 200 && c.route != NULL &&
	    (c.route->flags & ROUTE_CACHE) && c.keep_seconds >= 0)
		cache_store(&resp, key, c.keep_seconds);
	response_write(&resp, req.method == M_HEAD, fr->out);
	log_request(req.method_name[0] ? req.method_name : "-", req.path,
	    status, seconds_since(&req.started) * 1e3);
	view_destroy(&c.hdf);
	arena_reset(&c.arena);
	s->arena = c.arena;
	request_free(&req);
	s->body = resp.body;
	buf_init(&resp.body);
	if (s->body.cap > BODY_KEEP_MAX)
		buf_free(&s->body);
	response_free(&resp);
	*after = c.after;
	*arg = c.after_arg;
}

static int
worker(void *arg)
{
	struct server	*s = arg;
	FCGX_Request	 fr;
	void		(*after)(void *);
	void		*after_arg;

	db_configure(&s->cfg.db);
	if (FCGX_InitRequest(&fr, s->listen_fd, 0) != 0)
		return 1;
	for (;;) {
		if (FCGX_Accept_r(&fr) < 0)
			break;
		prefork_set_busy(1);
		serve_one(s, &fr, &after, &after_arg);
		FCGX_Finish_r(&fr);
		if (after != NULL)
			after(after_arg);
		/* The page that showed the lent reference text is gone. */
		reference_cache_request_done();
		prefork_set_busy(0);
	}
	buf_free(&s->body);
	arena_free(&s->arena);
	page_cache_clear();
	calendar_cache_clear();
	reference_cache_clear();
	view_forget_parsed();
	image_shutdown();
	db_close();
	change_signal_close();
	return 0;
}

static void
usage(const char *name)
{
	fprintf(stderr, "usage: %s --config FILE --socket PATH|HOST:PORT "
	    "[--user NAME]\n", name);
}

int
app_main(int argc, char **argv, const struct app *app)
{
	struct server	 s;
	const char	*config = NULL, *sock = NULL, *user = NULL;
	int		 i, rc, tcp;

	log_set_name(app->name);
	for (i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--config") == 0)
			config = argv[i + 1];
		else if (strcmp(argv[i], "--socket") == 0)
			sock = argv[i + 1];
		else if (strcmp(argv[i], "--user") == 0)
			user = argv[i + 1];
		else
			break;
	}
	if (config == NULL || sock == NULL || i != argc) {
		usage(argv[0]);
		return 2;
	}
	/* Workers parse what anyone sends: never as root. */
	if (geteuid() == 0 && user == NULL) {
		log_error("started as root: --user NAME names the user to serve "
		    "as");
		return 2;
	}
	memset(&s, 0, sizeof(s));
	buf_init(&s.body);
	s.app = app;
	if (config_load(&s.cfg, config) == -1)
		return 1;
	setenv("TZ", s.cfg.timezone, 1);
	tzset();
	view_set_root(s.cfg.templates);
	for (i = 0; s.cfg.page_cache && (size_t)i < app->nroutes; i++)
		if (app->routes[i].flags & ROUTE_CACHE)
			s.caching = 1;
	page_cache_init(PAGE_CACHE_BYTES, PAGE_CACHE_ENTRY);
	if (s.cfg.change_signal != NULL &&
	    change_signal_open(s.cfg.change_signal) == 0 && app->signals_changes)
		db_on_write(change_signal_bump);
	/* libfcgi lingers up to 2 s after each answer for nginx to hang up
	 * first, a TCP habit: over a Unix socket the answer is already in
	 * nginx's buffer, and the worker could be taking the next request. */
	setenv("LIBFCGI_OS_CLOSE_POLL_TIMEOUT", "0", 1);
	if (FCGX_Init() != 0) {
		log_error("FCGX_Init failed");
		rc = 1;
		goto out;
	}
	tcp = strchr(sock, ':') != NULL;
	if (!tcp)
		unlink(sock);
	/* Bursts queue here rather than fail in nginx with EAGAIN. */
	if ((s.listen_fd = FCGX_OpenSocket(sock, 1024)) < 0) {
		log_error("cannot listen on %s: %s", sock, strerror(errno));
		rc = 1;
		goto out;
	}
	/* nginx may run as another user; the socket's directory guards it. */
	if (!tcp)
		chmod(sock, 0666);
	if (geteuid() == 0 && privilege_drop(user) == -1)
		rc = 1;
	else
		rc = prefork_run(s.cfg.workers, worker, &s);
	if (!tcp)
		unlink(sock);
	/* Every way out frees what the configuration holds. */
out:
	change_signal_close();
	config_free(&s.cfg);
	return rc;
}
