/* libFuzzer harness for a whole request as FastCGI hands it over:
 * request_parse, then route_match against a table like the programs'.
 * The first byte picks the method (low 3 bits) and the public or the
 * staff limits (bit 3); then come, one a line, the path, the query
 * string, the Cookie header and the Content-Type; the rest is the body.
 * Aborts on a status other than the documented 400, 413, 414 and 415,
 * on a path, field or part that breaks a promise, or on a route whose
 * {id} or {key} is not what the pattern allows. */
#include <string.h>

#include "web/app.h"
#include "form_check.h"

static int
handler(struct ctx *c)
{
	(void)c;
	return H_OK;
}

static const struct route routes[] = {
	{ "/", M_GET | M_HEAD, handler, NOPARAMS, 0, 0 },
	{ "/outlets/{id}", M_GET | M_HEAD, handler, NOPARAMS, 0, 0 },
	{ "/complaints", M_POST, handler, NOPARAMS, 0, 0 },
	{ "/staff/notices/{id}/status", M_POST, handler, NOPARAMS, 0, 0 },
	{ "/open311/v2/services.{key}", M_GET, handler, NOPARAMS, 0, 0 },
	{ "/open311/v2/requests/{key}", M_GET, handler, NOPARAMS, 0, 0 },
	{ "/open311/v2/{key}", M_GET, handler, NOPARAMS, 0, 0 },
};

static const struct app app = { "fuzz", routes,
	sizeof(routes) / sizeof(routes[0]), NULL, NULL, 0, NULL, 0 };

static const char *const methods[] = {
	"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "get", NULL
};

static const struct request_limits staff_limits = { 2048, 512, 4096, NULL };
static const struct form_limits query_limits = { 32, 64, 1024 };
static const struct form_limits cookie_limits = { 16, 64, 512 };

/* The next line of in[*pos..size) as a fresh string, or NULL at the end. */
static char *
next_line(const uint8_t *in, size_t size, size_t *pos)
{
	const uint8_t	*nl;
	size_t		 n;

	if (*pos >= size)
		return NULL;
	nl = memchr(in + *pos, '\n', size - *pos);
	n = nl != NULL ? (size_t)(nl - (in + *pos)) : size - *pos;
	*pos += n + 1;
	return fuzz_string(in + *pos - n - 1, n);
}

static void
check_route(const struct request *r)
{
	const struct route	*rt;
	unsigned		 allowed;
	long long		 id;
	char			 key[REQUEST_MAX_KEY + 1];
	size_t			 i, n;

	rt = route_match(&app, r->path, r->method, &id, key, &allowed);
	if (rt == NULL) {
		MUST(id == 0 && key[0] == '\0');
		return;
	}
	MUST((rt->methods & r->method) && (allowed & r->method));
	if (strstr(rt->path, "{id}") != NULL)
		MUST(id >= 1 && id <= 4000000000LL);
	else
		MUST(id == 0);
	n = strlen(key);
	MUST(n <= REQUEST_MAX_KEY);
	MUST((strstr(rt->path, "{key}") != NULL) == (n > 0));
	for (i = 0; i < n; i++)
		MUST((key[i] >= 'a' && key[i] <= 'z') ||
		    (key[i] >= 'A' && key[i] <= 'Z') ||
		    (key[i] >= '0' && key[i] <= '9') ||
		    (i > 0 && strchr("-_.", key[i]) != NULL));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct request_limits *lim;
	struct request		 r;
	struct request_error	 e;
	char			*path, *query, *cookie, *ct, *body;
	size_t			 pos = 1, blen;

	if (size == 0)
		return 0;
	lim = (data[0] & 8) ? &staff_limits : &request_default_limits;
	path = next_line(data, size, &pos);
	query = next_line(data, size, &pos);
	cookie = next_line(data, size, &pos);
	ct = next_line(data, size, &pos);
	blen = pos < size ? size - pos : 0;
	body = fuzz_string(data + size - blen, blen);

	request_init(&r);
	e = request_parse(&r, methods[data[0] & 7], path, query, cookie, ct,
	    body, blen, lim);
	switch (e.status) {
	case 0:
		MUST(r.path[0] == '/' && strlen(r.path) <= REQUEST_MAX_PATH);
		MUST(utf8_valid(r.path, strlen(r.path)));
		MUST(!utf8_has_controls(r.path, strlen(r.path), 0));
		check_kvlist(&r.query, &query_limits);
		check_kvlist(&r.cookies, &cookie_limits);
		if (r.method != M_POST)
			MUST(r.body.n == 0 && r.multipart == NULL);
		if (r.multipart != NULL) {
			MUST(lim->max_multipart > 0 && blen <= lim->max_multipart);
			MUST(r.parts.n <= 16);
		} else if (r.method == M_POST)
			MUST(blen <= lim->max_form);
		check_route(&r);
		break;
	case 400:
	case 413:
	case 414:
	case 415:
		MUST(e.reason != NULL && utf8_valid(e.reason,
		    strlen(e.reason)));
		break;
	default:
		abort();
	}
	request_free(&r);
	free(path);
	free(query);
	free(cookie);
	free(ct);
	free(body);
	return 0;
}
