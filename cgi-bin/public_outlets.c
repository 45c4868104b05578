/* The outlet directory, one outlet, the store check and the enterprises. */
#include <stdio.h>
#include <string.h>

#include "base/qr_svg.h"
#include "web/config.h"
#include "web/enterprise_view.h"
#include "web/outlet_view.h"
#include "domain/caps.h"
#include "domain/enterprise.h"
#include "domain/outlet.h"
#include "domain/outlet_record.h"
#include "public.h"
#include "domain/reference_cache.h"
#include "domain/region.h"
#include "web/domain_answer.h"
#include "web/region_view.h"
#include "web/view.h"

const struct param_spec outlet_params[OL_COUNT] = {
	[OL_REGION] = { "region", "地区", P_REGION, 0, 0, 0 },
	[OL_Q] = { "q", "关键词", P_TEXT, 1, 50, 0 },
	[OL_CATEGORY] = { "category", "商品类别", P_CODE, 1, 16, 0 },
	[OL_STATUS] = { "status", "状态", P_CODE, 1, 16, 0 },
	[OL_ENTERPRISE] = { "enterprise", "销售企业", P_INT, 1, 4000000000LL, 0 },
	[OL_PAGE] = PARAM_PAGE,
};

const struct param_spec outlet_check_params[OC_COUNT] = {
	[OC_Q] = { "q", "备案编号、店名或电话", P_TEXT, 1, 50, 0 },
};

const struct param_spec page_params[PG_COUNT] = {
	[PG_PAGE] = PARAM_PAGE,
};

int
outlet_query_from_params(struct ctx *c, struct outlet_query *q,
    const char *children)
{
	const struct param_value *p = c->req->param;
	const char	*status = p[OL_STATUS].present && p[OL_STATUS].valid ?
	    p[OL_STATUS].s : "active";
	enum handler_result r;
	enum domain_status ds;
	struct arena_list path, below;

	memset(q, 0, sizeof(*q));
	q->region = ctx_text(c, OL_REGION);
	q->keyword = ctx_text(c, OL_Q);
	q->category = ctx_text(c, OL_CATEGORY);
	q->enterprise = p[OL_ENTERPRISE].present && p[OL_ENTERPRISE].valid ?
	    p[OL_ENTERPRISE].n : 0;
	q->page = page_param(c, OL_PAGE);
	if (strcmp(status, "all") == 0)
		q->status = "";
	else if (outlet_status_valid(status))
		q->status = status;
	else {
		ctx_field_error(c, "status", "状态只能是 正常、暂停、取消 或 全部");
		return H_OK;
	}
	hset(c->hdf, "Filter.status", status);
	if ((r = load_categories_today(c)) != H_OK)
		return r;
	if (q->category[0] && !category_known(c, q->category))
		ctx_field_error(c, "category", "没有这个商品类别");
	if (q->region[0]) {
		ds = children == NULL ?
		    region_path(&c->arena, q->region, &path) :
		    reference_region(q->region, &path, &below);
		if (ds != DOMAIN_OK && ds != DOMAIN_NOT_FOUND)
			return domain_answer_error(c, ds);
		region_view_links(c->hdf, "RegionPath", &path);
		/* A region not found has no children to offer: the page
		 * offers the provinces there instead. */
		if (children != NULL && ds == DOMAIN_OK)
			region_view_links(c->hdf, children, &below);
		if (ds == DOMAIN_NOT_FOUND) {
			ctx_field_error(c, "region", "没有这个地区代码");
			q->region = "";
		}
	}
	return H_OK;
}

int
outlet_results(struct ctx *c, struct outlet_query *q, const char *prefix,
    const char *exact_prefix, long long *total)
{
	struct arena_list	 rows;
	enum domain_status	 ds;
	long			 page = q->page;
	int			 past_cap;
	/* Pages show cards; the API answers every field. */
	void			(*put)(HDF *, const char *,
				    const struct arena_list *, size_t) =
				    c->json ? outlet_view_list :
				    outlet_view_cards;

	if (q->keyword[0] != '\0' && q->page == 1) {
		if ((ds = outlet_exact(&c->arena, q->keyword, &rows)) !=
		    DOMAIN_OK)
			return domain_answer_error(c, ds);
		put(c->hdf, exact_prefix, &rows, rows.n);
	}
	/* Keyword results stop at the cap: past it, only the count. */
	past_cap = q->keyword[0] != '\0' &&
	    (long long)(q->page - 1) * OUTLET_PAGE_SIZE >= OUTLET_KEYWORD_MAX;
	if (past_cap)
		q->page = 1;
	ds = outlet_find(&c->arena, q, &rows, total);
	q->page = page;
	if (ds != DOMAIN_OK)
		return domain_answer_error(c, ds);
	if (!past_cap)
		put(c->hdf, prefix, &rows, rows.n);
	if (q->keyword[0] != '\0' && *total > OUTLET_KEYWORD_MAX) {
		*total = OUTLET_KEYWORD_MAX;
		hset(c->hdf, "Paging.capped", "1");
	}
	return H_OK;
}

int
handle_outlets(struct ctx *c)
{
	struct outlet_query	 q;
	enum handler_result	 r;
	long long		 total = 0;
	struct arena_list	 provinces;
	enum domain_status	 ds;

	hset(c->hdf, "Page.Title", "家电下乡指定网点");
	/* The next level down from the chosen region, or the provinces. */
	if ((r = outlet_query_from_params(c, &q, "RegionChildren")) != H_OK)
		return r;
	if (q.region[0] == '\0') {
		if ((ds = region_children(&c->arena, "", &provinces)) !=
		    DOMAIN_OK)
			return domain_answer_error(c, ds);
		region_view_links(c->hdf, "RegionChildren", &provinces);
	}
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (c->resp->status == 200 &&
	    (r = outlet_results(c, &q, "Outlets", "Exact", &total)) != H_OK)
		return r;
	ctx_paging(c, q.page, total, OUTLET_PAGE_SIZE);
	ctx_query_string(c, "Query.all", "page");
	ctx_query_string(c, "Query.no_region", "region,page");
	outlet_view_statuses(c->hdf, "OutletStatuses");
	return ctx_render(c, "outlets/list.cs");
}

int
handle_outlet(struct ctx *c)
{
	struct outlet		 o;
	struct arena_list	 history;
	enum domain_status	 ds;

	if ((ds = outlet_get(&c->arena, c->req->path_id, &o)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	outlet_view_card(c->hdf, "Outlet", &o);
	if ((ds = outlet_status_history(&c->arena, c->req->path_id,
	    &history)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	outlet_view_history(c->hdf, "History", &history);
	hset(c->hdf, "Page.Title", o.name != NULL ? o.name : "");
	return ctx_render(c, "outlets/detail.cs");
}

/* The buyers' notice a designated outlet posts (店内公示), to print: the
 * shop, the caps and subsidy in force, how to claim, where to complain,
 * and a QR code of the store check for this shop. */
int
handle_outlet_notice(struct ctx *c)
{
	struct outlet		 o;
	struct caps_in_force	 k;
	enum domain_status	 ds;
	enum handler_result	 r;
	struct buf		 url, svg;
	char			 msg[160];

	if ((ds = outlet_get(&c->arena, c->req->path_id, &o)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	if (!outlet_is_designated(&o)) {
		snprintf(msg, sizeof(msg), "这家网点已被%s家电下乡指定店资格，"
		    "不是有效的指定店，不能打印店内公示。",
		    outlet_status_name(o.status));
		ctx_error_page(c, 404, msg);
		return H_OK;
	}
	outlet_view_put(c->hdf, "Outlet", &o);
	if ((r = caps_today(c, &k)) != H_OK)
		return r;
	buf_init(&url);
	buf_init(&svg);
	r = H_ERROR;
	/* Only the shop's registration number, encoded, goes into the link;
	 * the SVG is qr_svg's own markup. */
	if (buf_adds(&url, c->cfg->site_url) == 0 &&
	    buf_adds(&url, "/outlets/check?q=") == 0 &&
	    buf_add_urlencoded(&url, o.reg_no != NULL ? o.reg_no : "") == 0 &&
	    qr_svg(&svg, url.data, "二维码：扫描核验本店是否为指定网点") == 0) {
		hset(c->hdf, "Notice.check_url", url.data);
		hset(c->hdf, "Notice.qr_svg", svg.data);
		hset(c->hdf, "Notice.phone", c->cfg->complaint_phone);
		hset(c->hdf, "Notice.site_url", c->cfg->site_url);
		hset(c->hdf, "Page.Title", "店内公示");
		r = ctx_render(c, "outlets/notice.cs");
	}
	buf_free(&url);
	buf_free(&svg);
	return r;
}

int
handle_outlet_check(struct ctx *c)
{
	static const char *const kinds[] = {
		[CHECK_NONE] = "none", [CHECK_REGNO] = "regno",
		[CHECK_PHONE] = "phone", [CHECK_NAME] = "name",
	};
	const struct param_value *q = &c->req->param[OC_Q];
	enum outlet_check_kind	 kind;
	struct arena_list	 found;
	enum domain_status	 ds;

	hset(c->hdf, "Page.Title", "网点核验");
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	else if (q->present) {
		if ((ds = outlet_check(&c->arena, q->s, &kind, &found)) !=
		    DOMAIN_OK)
			return domain_answer_error(c, ds);
		/* One row past the limit was fetched only to say "more". */
		outlet_view_cards(c->hdf, "Found", &found, OUTLET_CHECK_MAX);
		hset(c->hdf, "Check.kind", kinds[kind]);
		hseti(c->hdf, "Check.count", (long long)found.n);
		if (found.n > OUTLET_CHECK_MAX)
			hset(c->hdf, "Check.more", "1");
	}
	return ctx_render(c, "outlets/check.cs");
}

int
handle_enterprises(struct ctx *c)
{
	struct enterprise_page	 list;
	enum domain_status	 ds;
	long			 page = page_param(c, PG_PAGE);

	hset(c->hdf, "Page.Title", "中标销售企业");
	if ((ds = enterprise_list(&c->arena, page, &list)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	enterprise_view_list(c->hdf, "Enterprises", &list.enterprises);
	ctx_paging(c, page, list.total, ENTERPRISE_PAGE_SIZE);
	return ctx_render(c, "outlets/enterprises.cs");
}

/* One enterprise and the counties of its active outlets, each linked
 * into the directory: the list only counts them. */
int
handle_enterprise(struct ctx *c)
{
	struct enterprise	 e;
	struct arena_list	 counties;
	enum domain_status	 ds;

	if ((ds = enterprise_counties(&c->arena, c->req->path_id, &e,
	    &counties)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	enterprise_view_put(c->hdf, "Enterprise", &e);
	hseti(c->hdf, "Enterprise.is_demo", e.is_demo);
	hseti(c->hdf, "Enterprise.outlets", e.outlets);
	hseti(c->hdf, "Enterprise.counties", e.counties);
	enterprise_view_counties(c->hdf, "Counties", &counties);
	hset(c->hdf, "Page.Title", e.name != NULL ? e.name : "");
	return ctx_render(c, "outlets/enterprise.cs");
}
