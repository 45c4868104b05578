/* Route matching: exact paths, {id} paths, methods. */
#include <string.h>

#include "app.h"
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
};

static const struct app app = { "test", routes, NELEM(routes), NULL, 0 };

static const struct {
	const char		*path;
	enum http_method	 m;
	int			 route;		/* -1: none */
	unsigned		 allowed;
	long long		 id;
} cases[] = {
	{ "/", M_GET, 0, M_GET | M_HEAD, 0 },
	{ "/", M_HEAD, 0, M_GET | M_HEAD, 0 },
	{ "/", M_POST, -1, M_GET | M_HEAD, 0 },
	{ "/notices", M_GET, 1, M_GET | M_HEAD, 0 },
	{ "/notices/", M_GET, -1, 0, 0 },
	{ "/notices/12", M_GET, 2, M_GET | M_HEAD, 12 },
	{ "/notices/0", M_GET, -1, 0, 0 },
	{ "/notices/-1", M_GET, -1, 0, 0 },
	{ "/notices/12a", M_GET, -1, 0, 0 },
	{ "/notices/99999999999", M_GET, -1, 0, 0 },
	{ "/notices/12/x", M_GET, -1, 0, 0 },
	{ "/complaints", M_GET, -1, M_POST, 0 },
	{ "/complaints", M_POST, 3, M_POST, 0 },
	{ "/nothing", M_GET, -1, 0, 0 },
	{ "//", M_GET, -1, 0, 0 },
	{ "/notices/7/status", M_POST, 4, M_POST, 7 },
	{ "/notices/7/status", M_GET, -1, M_POST, 0 },
	{ "/notices/7/statusx", M_POST, -1, 0, 0 },
	{ "/notices//status", M_POST, -1, 0, 0 },
	{ "/notices/7", M_POST, -1, M_GET | M_HEAD, 0 },
};

void
test_route(void)
{
	const struct route	*r;
	unsigned		 allowed;
	long long		 id;
	size_t			 i;

	for (i = 0; i < NELEM(cases); i++) {
		r = route_match(&app, cases[i].path, cases[i].m, &id, &allowed);
		CHECK(cases[i].route == -1 ? r == NULL :
		    r == &routes[cases[i].route], "route %s", cases[i].path);
		CHECK(allowed == cases[i].allowed, "allowed %s: %u",
		    cases[i].path, allowed);
		if (r != NULL)
			CHECK(id == cases[i].id, "id %s", cases[i].path);
	}
}
