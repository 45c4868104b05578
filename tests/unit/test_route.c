/* Route matching: exact paths, {id} and {key} paths, methods. */
#include <string.h>

#include "web/app.h"
#include "check.h"

static int
handler(struct ctx *c)
{
	(void)c;
	return H_OK;
}

static const struct route routes[] = {
	{ "/", M_GET | M_HEAD, handler, NOPARAMS, 0, 0 },
	{ "/notices", M_GET | M_HEAD, handler, NOPARAMS, 0, 0 },
	{ "/notices/{id}", M_GET | M_HEAD, handler, NOPARAMS, 0, 0 },
	{ "/complaints", M_POST, handler, NOPARAMS, 0, 0 },
	{ "/notices/{id}/status", M_POST, handler, NOPARAMS, 0, 0 },
	{ "/v2/services.{key}", M_GET, handler, NOPARAMS, 0, 0 },
	{ "/v2/services/{key}", M_GET, handler, NOPARAMS, 0, 0 },
	{ "/v2/requests/{key}.xml", M_GET, handler, NOPARAMS, 0, 0 },
	{ "/v2/requests/{key}.xml", M_POST, handler, NOPARAMS, 0, 0 },
};

static const struct app app = { "test", routes, NELEM(routes), NULL, NULL,
    0, NULL, 0 };

static const struct {
	const char		*path;
	enum http_method	 m;
	int			 route;		/* -1: none */
	unsigned		 allowed;
	long long		 id;
	const char		*key;
} cases[] = {
	{ "/", M_GET, 0, M_GET | M_HEAD, 0, NULL },
	{ "/", M_HEAD, 0, M_GET | M_HEAD, 0, NULL },
	{ "/", M_POST, -1, M_GET | M_HEAD, 0, NULL },
	{ "/notices", M_GET, 1, M_GET | M_HEAD, 0, NULL },
	{ "/notices/", M_GET, -1, 0, 0, NULL },
	{ "/notices/12", M_GET, 2, M_GET | M_HEAD, 12, NULL },
	{ "/notices/0", M_GET, -1, 0, 0, NULL },
	{ "/notices/-1", M_GET, -1, 0, 0, NULL },
	{ "/notices/12a", M_GET, -1, 0, 0, NULL },
	{ "/notices/99999999999", M_GET, -1, 0, 0, NULL },
	{ "/notices/12/x", M_GET, -1, 0, 0, NULL },
	{ "/complaints", M_GET, -1, M_POST, 0, NULL },
	{ "/complaints", M_POST, 3, M_POST, 0, NULL },
	{ "/nothing", M_GET, -1, 0, 0, NULL },
	{ "//", M_GET, -1, 0, 0, NULL },
	{ "/notices/7/status", M_POST, 4, M_POST, 7, NULL },
	{ "/notices/7/status", M_GET, -1, M_POST, 0, NULL },
	{ "/notices/7/statusx", M_POST, -1, 0, 0, NULL },
	{ "/notices//status", M_POST, -1, 0, 0, NULL },
	{ "/notices/7", M_POST, -1, M_GET | M_HEAD, 0, NULL },
	{ "/v2/services.json", M_GET, 5, M_GET, 0, "json" },
	{ "/v2/services.", M_GET, -1, 0, 0, NULL },
	{ "/v2/services", M_GET, -1, 0, 0, NULL },
	{ "/v2/services.json", M_POST, -1, M_GET, 0, NULL },
	{ "/v2/services/tv.json", M_GET, 6, M_GET, 0, "tv.json" },
	{ "/v2/services/AB3D-7K9Q.xml", M_GET, 6, M_GET, 0, "AB3D-7K9Q.xml" },
	{ "/v2/services/a_b", M_GET, 6, M_GET, 0, "a_b" },
	{ "/v2/services/9", M_GET, 6, M_GET, 0, "9" },
	{ "/v2/services/", M_GET, -1, 0, 0, NULL },
	{ "/v2/services/..", M_GET, -1, 0, 0, NULL },
	{ "/v2/services/.json", M_GET, -1, 0, 0, NULL },
	{ "/v2/services/-x", M_GET, -1, 0, 0, NULL },
	{ "/v2/services/a/b", M_GET, -1, 0, 0, NULL },
	{ "/v2/services/a b", M_GET, -1, 0, 0, NULL },
	{ "/v2/services/a%2F", M_GET, -1, 0, 0, NULL },
	{ "/v2/services/\xe7\x94\xb5", M_GET, -1, 0, 0, NULL },
	{ "/v2/services/"
	    "0123456789012345678901234567890123456789012345678901234567890123",
	    M_GET, 6, M_GET, 0,
	    "0123456789012345678901234567890123456789012345678901234567890123" },
	{ "/v2/services/"
	    "01234567890123456789012345678901234567890123456789012345678901234",
	    M_GET, -1, 0, 0, NULL },
	{ "/v2/requests/AB3D-7K9Q.xml", M_GET, 7, M_GET | M_POST, 0,
	    "AB3D-7K9Q" },
	{ "/v2/requests/AB3D-7K9Q.xml", M_POST, 8, M_GET | M_POST, 0,
	    "AB3D-7K9Q" },
	{ "/v2/requests/a.b.xml", M_GET, 7, M_GET | M_POST, 0, "a.b" },
	{ "/v2/requests/.xml", M_GET, -1, 0, 0, NULL },
	{ "/v2/requests/x.xm", M_GET, -1, 0, 0, NULL },
	{ "/v2/requests/x.json", M_GET, -1, 0, 0, NULL },
	{ "/v2/requests.xml", M_GET, -1, 0, 0, NULL },
};

void
test_route(void)
{
	const struct route	*r;
	unsigned		 allowed;
	long long		 id;
	char			 key[REQUEST_MAX_KEY + 1];
	size_t			 i;

	for (i = 0; i < NELEM(cases); i++) {
		memset(key, 'x', sizeof(key));
		r = route_match(&app, cases[i].path, cases[i].m, &id, key,
		    &allowed);
		CHECK(cases[i].route == -1 ? r == NULL :
		    r == &routes[cases[i].route], "route %s", cases[i].path);
		CHECK(allowed == cases[i].allowed, "allowed %s: %u",
		    cases[i].path, allowed);
		if (r != NULL)
			CHECK(id == cases[i].id, "id %s", cases[i].path);
		if (r != NULL)
			CHECK(strcmp(key, cases[i].key != NULL ? cases[i].key :
			    "") == 0, "key %s: %s", cases[i].path, key);
	}
	/* The key is optional for callers. */
	r = route_match(&app, "/v2/services/tv.xml", M_GET, &id, NULL,
	    &allowed);
	CHECK(r == &routes[6], "no key buffer");
}
