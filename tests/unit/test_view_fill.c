/* Page data that could not be set is counted, and a page rendered with
 * any counted is refused (a 500), never sent with holes. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "web/app.h"
#include "web/config.h"
#include "web/request.h"
#include "web/response.h"
#include "web/region_view.h"
#include "web/view.h"
#include "web/view_field.h"

/* Numbers and item names are written without printf: they must read
 * exactly as printf's would, the extremes and a name too long included. */
static void
test_view_numbers(void)
{
	static const long long numbers[] = {
		0, 7, -7, 10, 19, 2147483648LL, -1000000, LLONG_MAX, LLONG_MIN,
	};
	static const struct {
		const char	*prefix;
		size_t		 i, len;
	} items[] = {
		{ "Outlets", 0, 64 }, { "Outlets", 19, 64 }, { "", 3, 64 },
		{ "RegionChildren", 123456, 64 }, { "Outlets", 19, 10 },
		{ "Outlets", 19, 11 }, { "Outlets", 19, 1 },
	};
	char	 d[VIEW_DECIMAL_MAX], want[64], got[64];
	size_t	 i;

	for (i = 0; i < NELEM(numbers); i++) {
		snprintf(want, sizeof(want), "%lld", numbers[i]);
		CHECK(strcmp(view_decimal(d, numbers[i]), want) == 0,
		    "decimal %s", want);
	}
	for (i = 0; i < NELEM(items); i++) {
		snprintf(want, items[i].len, "%s.%zu", items[i].prefix,
		    items[i].i);
		memset(got, 'x', sizeof(got));
		view_item_prefix(got, items[i].len, items[i].prefix,
		    items[i].i);
		CHECK(strcmp(got, want) == 0, "item %s.%zu in %zu",
		    items[i].prefix, items[i].i, items[i].len);
	}
}

/* Links to regions carry code and name; the API's list its level too. */
static void
test_region_links(void)
{
	struct region		 g[2] = { { "42", "湖北省", 1 },
				    { "4206", "襄阳市", 2 } };
	struct arena_list	 l = { g, 2, 2 };
	HDF			*h;

	if ((h = view_new()) == NULL)
		return;
	region_view_links(h, "L", &l);
	region_view_list(h, "F", &l);
	CHECK(strcmp(hdf_get_value(h, "L.1.code", ""), "4206") == 0 &&
	    strcmp(hdf_get_value(h, "L.1.name", ""), "襄阳市") == 0 &&
	    hdf_get_obj(h, "L.1.level") == NULL && hdf_get_obj(h, "L.2") ==
	    NULL, "links: code and name");
	CHECK(strcmp(hdf_get_value(h, "F.0.level", ""), "1") == 0 &&
	    strcmp(hdf_get_value(h, "F.1.level", ""), "2") == 0,
	    "the full list keeps the level");
	hdf_destroy(&h);
}

void
test_view_fill(void)
{
	static const struct {
		const char	*name;
		unsigned long	 failures;
	} cases[] = {
		{ "Page.Title", 0 }, { "Queue.0.status_name", 0 },
		{ "a..b", 1 }, { ".leading", 1 }, { "trailing.", 1 },
	};
	struct config	 cfg;
	struct request	 req;
	struct response	 resp;
	struct ctx	 c;
	HDF		*h;
	size_t		 i;

	for (i = 0; i < NELEM(cases); i++) {
		view_fill_reset();
		if ((h = view_new()) == NULL)
			return;
		hset(h, cases[i].name, "x");
		CHECK(view_fill_failures() == cases[i].failures, "set %s",
		    cases[i].name);
		hdf_destroy(&h);
	}
	test_view_numbers();
	test_region_links();

	/* The render refuses; the count is cleared for the error page. */
	memset(&cfg, 0, sizeof(cfg));
	cfg.site_name = "jdxx";
	cfg.asset_version = "1";
	request_init(&req);
	response_init(&resp);
	memset(&c, 0, sizeof(c));
	c.req = &req;
	c.resp = &resp;
	c.cfg = &cfg;
	view_fill_reset();
	if ((c.hdf = view_new()) == NULL)
		return;
	hset(c.hdf, "Bad..name", "x");
	CHECK(ctx_render(&c, "nothing.cs") == H_ERROR,
	    "a page with a value not set is not rendered");
	CHECK(view_fill_failures() == 0, "cleared for the error page");
	CHECK(resp.body.len == 0, "nothing of the page was written");
	hdf_destroy(&c.hdf);
	request_free(&req);
	response_free(&resp);
}
