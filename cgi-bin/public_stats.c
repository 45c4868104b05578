/* Complaint statistics for the public: charts with their tables. */
#include <stdio.h>
#include <string.h>

#include "public.h"
#include "domain/region.h"
#include "domain/stats.h"
#include "domain/stats_snapshot.h"
#include "web/domain_answer.h"
#include "web/region_view.h"
#include "web/stats_view.h"
#include "web/view.h"

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

	if ((r = domain_result(stats_years(&first, &last))) != H_OK)
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

/* The filter whose kept numbers are counted again after the answer: the
 * request's own strings are gone by then. */
static struct {
	char			 region[8];
	struct stats_filter	 f;
} pending;

static void
refresh_pending(void *f)
{
	stats_refresh(f);
}

static void
refresh_after(struct ctx *c, const struct stats_filter *f)
{
	snprintf(pending.region, sizeof(pending.region), "%s", f->region);
	pending.f.region = pending.region;
	pending.f.year = f->year;
	c->after = refresh_pending;
	c->after_arg = &pending.f;
}

int
handle_stats(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	struct stats_filter	 f;
	struct stats		 s;
	enum handler_result	 r;
	enum domain_status	 ds;
	struct arena_list	 path, children;
	int			 stale, busy, fresh;

	hset(c->hdf, "Page.Title", "投诉统计");
	f.region = ctx_text(c, ST_REGION);
	f.year = p[ST_YEAR].present && p[ST_YEAR].valid ? (int)p[ST_YEAR].n :
	    0;
	if (f.region[0] != '\0' && strlen(f.region) > 6) {
		ctx_field_error(c, "region",
		    "地区请选择省、市或县（2、4 或 6 位代码）");
		f.region = "";
	} else if (f.region[0] != '\0') {
		ds = region_path(&c->arena, f.region, &path);
		if (ds != DOMAIN_OK && ds != DOMAIN_NOT_FOUND)
			return domain_answer_error(c, ds);
		region_view_list(c->hdf, "RegionPath", &path);
		if (ds == DOMAIN_NOT_FOUND) {
			ctx_field_error(c, "region", "没有这个地区代码");
			f.region = "";
		}
	}
	if ((r = year_choices(c, f.year)) != H_OK)
		return r;
	/* Down to counties: the next level of the chosen region. */
	if (strlen(f.region) < 6) {
		if ((ds = region_children(&c->arena, f.region, &children)) !=
		    DOMAIN_OK)
			return domain_answer_error(c, ds);
		region_view_list(c->hdf, "RegionChildren", &children);
	}
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (c->resp->status == 200) {
		r = domain_result(stats_load_shared(&s, &f, &stale, &busy));
		if (r == H_OK && !busy && stats_view(c->hdf, "Stats", &s) == -1)
			r = H_ERROR;
		fresh = s.fresh_seconds;
		stats_free(&s);
		if (r != H_OK)
			return r;
		if (busy) {
			char msg[128];

			snprintf(msg, sizeof(msg), "统计数字正在计算，请过 %d "
			    "秒再打开本页。", STATS_BUSY_RETRY);
			ctx_error_page(c, 503, msg);
			response_header(c->resp, "Retry-After", "%d",
			    STATS_BUSY_RETRY);
			return H_OK;
		}
		/* Kept no longer than its numbers are fresh; stale ones are
		 * counted again once this answer is out, and not kept. */
		if (stale)
			refresh_after(c, &f);
		c->keep_seconds = stale || fresh <= 0 ? -1 : fresh;
	}
	if (f.year != 0)
		hseti(c->hdf, "Filter.year", f.year);
	ctx_query_string(c, "Query.no_region", "region");
	return ctx_render(c, "public/stats.cs");
}
