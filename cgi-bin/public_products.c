/* The product catalogue, one product, and the model check. */
#include <string.h>

#include "domain/caps.h"
#include "domain/product.h"
#include "public.h"
#include "web/domain_answer.h"
#include "web/product_view.h"
#include "web/view.h"

const struct param_spec product_params[PR_COUNT] = {
	[PR_CATEGORY] = { "category", "商品类别", P_CODE, 1, 16, 0 },
	[PR_BRAND] = { "brand", "品牌", P_TEXT, 1, 50, 0 },
	[PR_Q] = { "q", "关键词", P_TEXT, 1, 50, 0 },
	[PR_STATUS] = { "status", "状态", P_CODE, 1, 16, 0 },
	[PR_PAGE] = PARAM_PAGE,
};

const struct param_spec model_check_params[MC_COUNT] = {
	[MC_MODEL] = { "model", "产品型号", P_TEXT, 1, 64, 0 },
};

int
product_query_from_params(struct ctx *c, struct product_query *q,
    struct caps_in_force *caps)
{
	const struct param_value *p = c->req->param;
	const char	*status = p[PR_STATUS].present && p[PR_STATUS].valid ?
	    p[PR_STATUS].s : "active";
	enum handler_result r;

	memset(q, 0, sizeof(*q));
	q->category = ctx_text(c, PR_CATEGORY);
	q->brand = ctx_text(c, PR_BRAND);
	q->keyword = ctx_text(c, PR_Q);
	q->page = page_param(c, PR_PAGE);
	if (strcmp(status, "all") == 0)
		q->status = "";
	else if (strcmp(status, "active") == 0 ||
	    strcmp(status, "withdrawn") == 0)
		q->status = status;
	else
		ctx_field_error(c, "status", "状态只能是 在售、已撤销 或 全部");
	hset(c->hdf, "Filter.status", status);
	if ((r = caps_today(c, caps)) != H_OK)
		return r;
	if (q->category[0] && caps_in_force_of(caps, q->category) == NULL)
		ctx_field_error(c, "category", "没有这个商品类别");
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	return H_OK;
}

int
handle_products(struct ctx *c)
{
	struct product_query	 q;
	struct caps_in_force	 caps;
	struct arena_list	 brands;
	struct product_page	 page = { { 0 }, 0 };
	enum handler_result	 r;
	enum domain_status	 ds;

	hset(c->hdf, "Page.Title", "中标产品");
	if ((r = product_query_from_params(c, &q, &caps)) != H_OK)
		return r;
	if ((ds = product_brands(&c->arena, q.category, &brands)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	product_view_brands(c->hdf, "Brands", &brands);
	if (c->resp->status == 200) {
		if ((ds = product_find(&c->arena, &q, &caps, &page)) !=
		    DOMAIN_OK)
			return domain_answer_error(c, ds);
		product_view_list(c->hdf, "Products", &page.rows);
	}
	ctx_paging(c, q.page, page.total, PRODUCT_PAGE_SIZE);
	ctx_query_string(c, "Query.all", "page");
	view_code_list(c->hdf, "ProductStatuses", product_status_code,
	    product_status_name);
	return ctx_render(c, "products/list.cs");
}

int
handle_product(struct ctx *c)
{
	struct caps_in_force	 caps;
	struct product		 p;
	enum handler_result	 r;
	enum domain_status	 ds;

	if ((r = caps_today(c, &caps)) != H_OK)
		return r;
	if ((ds = product_get(&c->arena, c->req->path_id, &caps, &p)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	product_view_put(c->hdf, "Product", &p);
	hsetf(c->hdf, "Page.Title", "%s %s", p.brand, p.model);
	return ctx_render(c, "products/detail.cs");
}

int
handle_model_check(struct ctx *c)
{
	const struct param_value *m = &c->req->param[MC_MODEL];
	struct caps_in_force	 caps;
	struct arena_list	 found;
	enum handler_result	 r;
	enum domain_status	 ds;

	hset(c->hdf, "Page.Title", "型号核验");
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	else if (m->present) {
		if ((r = caps_today(c, &caps)) != H_OK)
			return r;
		if ((ds = product_check_model(&c->arena, m->s, &caps,
		    &found)) != DOMAIN_OK)
			return domain_answer_error(c, ds);
		product_view_list(c->hdf, "Found", &found);
		hseti(c->hdf, "Check.count", (long long)found.n);
		hset(c->hdf, "Check.done", "1");
	}
	return ctx_render(c, "products/check.cs");
}
