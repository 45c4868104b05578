/* Page data that could not be set is counted, and a page rendered with
 * any counted is refused (a 500), never sent with holes. */
#include <string.h>

#include "check.h"
#include "web/app.h"
#include "web/config.h"
#include "web/request.h"
#include "web/response.h"
#include "web/view.h"

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
