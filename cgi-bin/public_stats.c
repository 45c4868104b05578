/* Complaint statistics for the public: charts with their tables. */
#include <stdio.h>
#include <string.h>

#include "public.h"
#include "region.h"
#include "stats.h"
#include "view.h"

const struct param_spec stats_params[ST_COUNT] = {
	[ST_REGION] = { "region", "地区", P_REGION, 0, 0, 0 },
	[ST_YEAR] = { "year", "年份", P_INT, STATS_YEAR_MIN, STATS_YEAR_MAX,
	    0 },
};

/* The years to choose from: those with complaints, and the one asked. */
static enum handler_result
year_choices(struct ctx *c, int asked)
{
	enum handler_result	 r;
	char			 name[32];
	int			 first, last, y, n = 0;

	if ((r = from_db(stats_years(&first, &last))) != H_OK)
		return r;
	if (asked != 0 && (first == 0 || asked < first))
		first = asked;
	if (asked > last)
		last = asked;
	for (y = last; first > 0 && y >= first && n < 100; y--, n++) {
		snprintf(name, sizeof(name), "Years.%d", n);
		hseti(c->hdf, name, y);
	}
	return H_OK;
}

int
handle_stats(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	struct stats_filter	 f;
	enum handler_result	 r;
	long			 n;

	hset(c->hdf, "Page.Title", "投诉统计");
	f.region = valid_text(c, ST_REGION);
	f.year = p[ST_YEAR].present && p[ST_YEAR].valid ? (int)p[ST_YEAR].n :
	    0;
	if (f.region[0] != '\0' && strlen(f.region) > 6) {
		ctx_field_error(c, "region",
		    "地区请选择省、市或县（2、4 或 6 位代码）");
		f.region = "";
	} else if (f.region[0] != '\0') {
		if ((r = from_db(region_path(c->hdf, f.region, "RegionPath",
		    &n))) != H_OK)
			return r;
		if (n == 0) {
			ctx_field_error(c, "region", "没有这个地区代码");
			f.region = "";
		}
	}
	if ((r = year_choices(c, f.year)) != H_OK)
		return r;
	/* Down to counties: the next level of the chosen region. */
	if (strlen(f.region) < 6 && (r = from_db(region_children(c->hdf,
	    f.region, "RegionChildren", &n))) != H_OK)
		return r;
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (c->resp->status == 200 &&
	    (r = from_db(stats_load_cached(c->hdf, &f, "Stats"))) != H_OK)
		return r;
	if (f.year != 0)
		hseti(c->hdf, "Filter.year", f.year);
	ctx_query_string(c, "Query.no_region", "region");
	return ctx_render(c, "public/stats.cs");
}
