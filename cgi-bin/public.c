/* The public portal: home, caps and rules, subsidy calculator, notices,
 * health check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/attachment.h"
#include "domain/caps.h"
#include "domain/caps_record.h"
#include "domain/complaint_photo.h"
#include "web/config.h"
#include "base/money.h"
#include "domain/notice.h"
#include "domain/site_version.h"
#include "domain/subsidy.h"
#include "public.h"
#include "web/attachment_view.h"
#include "web/caps_view.h"
#include "web/domain_answer.h"
#include "web/notice_view.h"
#include "web/view.h"

#define HOME_NOTICES	5
#define MAX_PRICE_FEN	(1000000LL * 100)	/* one million yuan */

static int
handle_home(struct ctx *c)
{
	enum handler_result	 r;
	enum domain_status	 ds;
	struct arena_list	 notices;
	long long		 total;

	if ((r = load_caps_today(c)) != H_OK)
		return r;
	if ((ds = notice_find(&c->arena, "", "", 1, HOME_NOTICES, &notices,
	    &total)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	notice_view_rows(c->hdf, "Notices", &notices);
	return ctx_render(c, "public/home.cs");
}

static int
handle_caps(struct ctx *c)
{
	struct arena_list	 history, rates;
	enum handler_result	 r;
	enum domain_status	 ds;
	char			 d[11];

	if ((r = load_caps_today(c)) != H_OK)
		return r;
	/* Changes announced ahead show as such, not as the values today. */
	today(d);
	if ((ds = caps_history(&c->arena, d, &history)) != DOMAIN_OK ||
	    (ds = rate_history(&c->arena, d, &rates)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	caps_view_history(c->hdf, "History", &history);
	caps_view_rates(c->hdf, "Rates", &rates);
	hset(c->hdf, "Page.Title", "限价与补贴标准");
	return ctx_render(c, "public/caps.cs");
}

enum { SUB_CATEGORY, SUB_PRICE, SUB_DATE };

static const struct param_spec subsidy_params[] = {
	[SUB_CATEGORY] = { "category", "商品类别", P_CODE, 1, 16, 0 },
	[SUB_PRICE] = { "price", "发票价格", P_MONEY, 1, MAX_PRICE_FEN, 0 },
	[SUB_DATE] = { "date", "购买日期", P_DATE, 0, 0, 0 },
};

/* Works out the subsidy once category and price are valid. */
/* The quote as page data: Cap, Rate and Result. */
static void
quote_to_hdf(struct ctx *c, const struct subsidy_quote *q)
{
	char	 y[32];

	hset(c->hdf, "Cap.name", q->category_name);
	yuan_format(y, sizeof(y), q->cap_fen);
	hset(c->hdf, "Cap.cap_yuan", y);
	yuan_format(y, sizeof(y), q->price_fen);
	hset(c->hdf, "Result.price_yuan", y);
	if (q->outcome == SUBSIDY_OVER_CAP) {
		hset(c->hdf, "Result.over_cap", "1");
		yuan_format(y, sizeof(y), q->price_fen - q->cap_fen);
		hset(c->hdf, "Result.over_by_yuan", y);
		return;
	}
	money_format(y, sizeof(y), q->subsidy_fen);
	hset(c->hdf, "Result.subsidy_yuan", y);
	money_format(y, sizeof(y), q->central_fen);
	hset(c->hdf, "Result.central_yuan", y);
	money_format(y, sizeof(y), q->provincial_fen);
	hset(c->hdf, "Result.provincial_yuan", y);
	money_format(y, sizeof(y), q->net_fen);
	hset(c->hdf, "Result.net_yuan", y);
}

static enum handler_result
subsidy_result(struct ctx *c, const char *date)
{
	struct subsidy_quote	 q;
	enum domain_status	 st;

	if ((st = subsidy_quote(c->req->param[SUB_CATEGORY].s, date,
	    c->req->param[SUB_PRICE].n, &q)) != DOMAIN_OK)
		return domain_result(st);
	/* The rule shown beside the form is the day's, once it has one. */
	if (q.outcome != SUBSIDY_NOT_STARTED) {
		char p[16];

		percent_format(p, sizeof(p), q.rate_bp);
		hset(c->hdf, "Rate.percent", p);
	}
	switch (q.outcome) {
	case SUBSIDY_NOT_STARTED:
		ctx_field_error(c, "date", "这一天家电下乡补贴尚未开始");
		break;
	case SUBSIDY_NO_CAP_YET:
		ctx_field_error(c, "category",
		    "这一天这类商品还没有最高限价，不在补贴范围内");
		break;
	case SUBSIDY_UNKNOWN_CATEGORY:
		ctx_field_error(c, "category", "请从列表中选择商品类别");
		break;
	default:
		quote_to_hdf(c, &q);
	}
	return H_OK;
}

static int
handle_subsidy(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	enum handler_result	 r;
	char			 d[11];
	int			 asked;

	hset(c->hdf, "Page.Title", "补贴计算");
	if ((r = load_caps_today(c)) != H_OK)
		return r;
	/* An empty form is a question not yet asked, not an error. */
	asked = p[SUB_CATEGORY].present || p[SUB_PRICE].present ||
	    p[SUB_DATE].present;
	if (asked && !p[SUB_CATEGORY].present && p[SUB_CATEGORY].valid)
		ctx_field_error(c, "category", "请选择商品类别");
	if (asked && !p[SUB_PRICE].present && p[SUB_PRICE].valid)
		ctx_field_error(c, "price", "请填写发票价格");
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	else if (asked && c->resp->status == 200) {
		if (p[SUB_DATE].present)
			snprintf(d, sizeof(d), "%s", p[SUB_DATE].s);
		else
			today(d);
		hset(c->hdf, "Result.date", d);
		if ((r = subsidy_result(c, d)) != H_OK)
			return r;
	}
	return ctx_render(c, "public/subsidy.cs");
}

enum { NL_KIND, NL_Q, NL_PAGE, NL_COUNT };

static const struct param_spec notice_list_params[NL_COUNT] = {
	[NL_KIND] = { "kind", "类别", P_CODE, 1, 16, 0 },
	[NL_Q] = { "q", "关键词", P_TEXT, 1, 50, 0 },
	[NL_PAGE] = PARAM_PAGE,
};

static int
handle_notices(struct ctx *c)
{
	const char		*kind = ctx_text(c, NL_KIND);
	long long		 total = 0;
	long			 page = page_param(c, NL_PAGE);
	enum domain_status	 ds;
	struct arena_list	 notices;

	hset(c->hdf, "Page.Title", "通知公告");
	if (kind[0] != '\0' && !notice_kind_valid(kind, NULL))
		ctx_field_error(c, "kind", "没有这个类别");
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (c->resp->status == 200) {
		if ((ds = notice_find(&c->arena, kind, ctx_text(c, NL_Q), page,
		    NOTICE_PAGE_SIZE, &notices, &total)) != DOMAIN_OK)
			return domain_answer_error(c, ds);
		notice_view_rows(c->hdf, "Notices", &notices);
	}
	ctx_paging(c, page, total, NOTICE_PAGE_SIZE);
	ctx_query_string(c, "Query.all", "page");
	return ctx_render(c, "public/notices.cs");
}

static int
handle_notice(struct ctx *c)
{
	struct notice		 notice;
	struct arena_list	 files;
	enum domain_status	 ds;

	if ((ds = notice_get(&c->arena, c->req->path_id, &notice)) !=
	    DOMAIN_OK ||
	    (ds = attachment_list(&c->arena, c->req->path_id, &files)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	notice_view_put(c->hdf, "Notice", &notice);
	attachment_view_rows(c->hdf, "Attachments", &files);
	hset(c->hdf, "Page.Title", notice.title != NULL ? notice.title : "");
	return ctx_render(c, "public/notice.cs");
}

#define FEED_ENTRIES	20

static int
handle_feed(struct ctx *c)
{
	struct arena_list	 notices;
	struct notice		 full;
	enum domain_status	 ds;
	long long		 total;
	char			 prefix[64];
	size_t			 i;

	if ((ds = notice_find(&c->arena, "", "", 1, FEED_ENTRIES, &notices,
	    &total)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	notice_view_rows(c->hdf, "Notices", &notices);
	/* Entries carry their body; the feed is read offline too. One gone
	 * from the public since the list was read goes without. */
	for (i = 0; i < notices.n; i++) {
		ds = notice_get(&c->arena, notice_at(&notices, i)->id, &full);
		if (ds == DOMAIN_NOT_FOUND)
			continue;
		if (ds != DOMAIN_OK)
			return domain_answer_error(c, ds);
		snprintf(prefix, sizeof(prefix), "Notices.%zu.Full", i);
		notice_view_put(c->hdf, prefix, &full);
	}
	buf_reset(&c->resp->body);
	hset(c->hdf, "Site.Name", c->cfg->site_name);
	c->resp->content_type = "application/atom+xml; charset=utf-8";
	if (view_render(c->hdf, "public/feed.cs", 0, &c->resp->body) == -1)
		return H_ERROR;
	return H_OK;
}

/* A file of a public notice, with its stored type and a safe name; a
 * draft's, a withdrawn one's or one not due yet is not found. */
static int
handle_attachment(struct ctx *c)
{
	enum handler_result	 r;
	enum domain_status	 ds;
	struct attachment	 file;
	char			*data, disp[1024];
	size_t			 len;

	if ((ds = attachment_public_meta(&c->arena, c->req->path_id, &file)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	if ((r = domain_result(attachment_data(c->req->path_id, &data,
	    &len))) != H_OK)
		return r;
	if (data == NULL)
		return H_NOT_FOUND;
	buf_reset(&c->resp->body);
	if (buf_add(&c->resp->body, data, len) == -1) {
		free(data);
		return H_ERROR;
	}
	free(data);
	c->resp->content_type = file.content_type != NULL ?
	    file.content_type : "application/octet-stream";
	attachment_disposition(disp, sizeof(disp), file.filename != NULL ?
	    file.filename : "附件");
	response_header(c->resp, "Content-Disposition", "%s", disp);
	response_header(c->resp, "Cache-Control", "public, max-age=300");
	return H_OK;
}

static int
handle_healthz(struct ctx *c)
{
	c->resp->content_type = "text/plain; charset=utf-8";
	response_header(c->resp, "Cache-Control", "no-store");
	if (site_ping() != DOMAIN_OK) {
		c->resp->status = 503;
		buf_adds(&c->resp->body, "database unavailable\n");
	} else
		buf_adds(&c->resp->body, "ok\n");
	return H_OK;
}

#define GET	(M_GET | M_HEAD)

/* ROUTE_CACHE marks the pages that are the same for everyone and change only
 * with the site's data and the date; forms with tokens and complaints are
 * never kept, statistics no longer than their numbers are fresh. */

static const struct route routes[] = {
	{ "/", GET, handle_home, NOPARAMS, ROUTE_CACHE, 0 },
	{ "/caps", GET, handle_caps, NOPARAMS, ROUTE_CACHE, 0 },
	{ "/subsidy", GET, handle_subsidy, PARAMS(subsidy_params), ROUTE_FORM, 0 },
	{ "/notices", GET, handle_notices, PARAMS(notice_list_params),
	    ROUTE_FORM | ROUTE_CACHE, 0 },
	{ "/notices.atom", GET, handle_feed, NOPARAMS, 0, 0 },
	{ "/attachments/{id}", GET, handle_attachment, NOPARAMS, 0, 0 },
	{ "/notices/{id}", GET, handle_notice, NOPARAMS, ROUTE_CACHE, 0 },
	{ "/outlets", GET, handle_outlets, outlet_params, OL_COUNT,
	    ROUTE_FORM | ROUTE_CACHE, 0 },
	{ "/outlets/check", GET, handle_outlet_check, outlet_check_params,
	    OC_COUNT, ROUTE_FORM | ROUTE_CACHE, 0 },
	{ "/outlets/{id}", GET, handle_outlet, NOPARAMS, ROUTE_CACHE, 0 },
	{ "/outlets/{id}/notice", GET, handle_outlet_notice, NOPARAMS,
	    ROUTE_CACHE, 0 },
	{ "/complaints/new", GET, handle_complaint_new, complaint_params,
	    CF_COUNT, ROUTE_FORM, 0 },
	{ "/complaints", M_POST, handle_complaint_submit, complaint_params,
	    CF_COUNT, ROUTE_FORM | ROUTE_MULTIPART, 0 },
	{ "/complaints/photos/{id}", GET, handle_complaint_photo,
	    photo_params, PH_COUNT, ROUTE_FORM, 0 },
	{ "/complaints/track", GET | M_POST, handle_complaint_track,
	    track_params, TR_COUNT, ROUTE_FORM, 0 },
	{ "/complaints/feedback", M_POST, handle_complaint_feedback,
	    track_params, TR_COUNT, ROUTE_FORM, 0 },
	{ "/enterprises", GET, handle_enterprises, page_params, PG_COUNT,
	    ROUTE_CACHE, 0 },
	{ "/enterprises/{id}", GET, handle_enterprise, NOPARAMS, ROUTE_CACHE,
	    0 },
	{ "/products", GET, handle_products, product_params, PR_COUNT,
	    ROUTE_FORM | ROUTE_CACHE, 0 },
	{ "/products/check", GET, handle_model_check, model_check_params,
	    MC_COUNT, ROUTE_FORM | ROUTE_CACHE, 0 },
	{ "/products/{id}", GET, handle_product, NOPARAMS, ROUTE_CACHE, 0 },
	{ "/api/v1/outlets", GET, handle_api_outlets, outlet_params, OL_COUNT,
	    ROUTE_JSON, 0 },
	{ "/api/v1/outlets/{id}", GET, handle_api_outlet, NOPARAMS,
	    ROUTE_JSON, 0 },
	{ "/api/v1/products", GET, handle_api_products, product_params,
	    PR_COUNT, ROUTE_JSON, 0 },
	{ "/api/v1/products/{id}", GET, handle_api_product, NOPARAMS,
	    ROUTE_JSON, 0 },
	{ "/api/v1/regions", GET, handle_api_regions, region_api_params,
	    RG_COUNT, ROUTE_JSON, 0 },
	{ "/healthz", GET, handle_healthz, NOPARAMS, 0, 0 },
	{ "/open311/v2/services.{key}", GET, handle_open311_services, NOPARAMS,
	    0, 0 },
	{ "/open311/v2/services/{key}", GET, handle_open311_service, NOPARAMS,
	    0, 0 },
	{ "/open311/v2/requests.{key}", GET, handle_open311_requests,
	    open311_list_params, O3L_COUNT, ROUTE_FORM, 0 },
	{ "/open311/v2/requests.{key}", M_POST, handle_open311_post,
	    open311_post_params, O3P_COUNT, ROUTE_FORM, 0 },
	{ "/open311/v2/requests/{key}", GET, handle_open311_request,
	    open311_read_params, O3R_COUNT, ROUTE_FORM, 0 },
	{ "/open311/v2/tokens/{key}", GET, handle_open311_token, NOPARAMS, 0,
	    0 },
	{ "/open311/v2/{key}", GET, handle_open311_unknown, NOPARAMS, 0, 0 },
	{ "/stats", GET, handle_stats, stats_params, ST_COUNT,
	    ROUTE_FORM | ROUTE_CACHE, 0 },
};

/* Small forms everywhere; the complaint form alone may carry its
 * photos, and the text beside them. */
static const struct request_limits public_limits = {
	REQUEST_MAX_BODY, REQUEST_MAX_FIELD,
	COMPLAINT_PHOTOS_MAX * COMPLAINT_PHOTO_MAX_BYTES + 1024 * 1024,
	"/complaints"
};

static const struct app public_app = {
	"public", routes, sizeof(routes) / sizeof(routes[0]), NULL,
	&public_limits, 0, open311_error_page, 0
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &public_app);
}
