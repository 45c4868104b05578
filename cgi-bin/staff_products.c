/* Winning-bid product records for the records role: list, create, edit,
 * withdraw. The public catalogue, model check and API read the same rows,
 * so a saved change shows on their next request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/caps.h"
#include "domain/caps_record.h"
#include "domain/product.h"
#include "domain/product_record.h"
#include "domain/session.h"
#include "staff.h"
#include "web/caps_view.h"
#include "web/domain_answer.h"
#include "web/product_view.h"
#include "web/view.h"

const struct param_spec staff_product_list_params[SP_COUNT] = {
	[SP_CATEGORY] = { "category", "商品类别", P_CODE, 1, CATEGORY_CODE_MAX,
	    0 },
	[SP_STATUS] = { "status", "状态", P_CODE, 1, 16, 0 },
	[SP_Q] = { "q", "关键词", P_TEXT, 1, 50, 0 },
	[SP_PAGE] = PARAM_PAGE,
};

const struct param_spec product_edit_params[PE_COUNT] = {
	[PE_CATEGORY] = { "category", "商品类别", P_CODE, 1, CATEGORY_CODE_MAX,
	    0 },
	[PE_BRAND] = { "brand", "品牌", P_TEXT, 1, PRODUCT_BRAND_MAX, 0 },
	[PE_MAKER] = { "manufacturer", "生产企业", P_TEXT, 2,
	    PRODUCT_MAKER_MAX, 0 },
	[PE_MODEL] = { "model", "产品型号", P_TEXT, 1, PRODUCT_MODEL_MAX, 0 },
	[PE_SPEC] = { "spec", "规格", P_TEXT, 1, PRODUCT_SPEC_MAX, 0 },
	[PE_PRICE] = { "bid_price", "中标价", P_MONEY, 100,
	    PRODUCT_PRICE_MAX_FEN, 0 },
	[PE_BATCH] = { "bid_batch", "中标批次", P_TEXT, 1, PRODUCT_BATCH_MAX,
	    0 },
	[PE_STATUS] = { "status", "状态", P_CODE, 1, 16, 0 },
};

/* Every category, read into *categories and listed under Categories. */
static enum domain_status
load_categories(struct ctx *c, struct arena_list *categories)
{
	enum domain_status	 ds;

	if ((ds = category_list(&c->arena, categories)) == DOMAIN_OK)
		caps_view_categories(c->hdf, "Categories", categories);
	return ds;
}

/* 1 when code is one of categories. */
static int
category_listed(const struct arena_list *categories, const char *code)
{
	const struct category	*k = categories->item;
	size_t			 i;

	for (i = 0; i < categories->n; i++)
		if (strcmp(k[i].code, code) == 0)
			return 1;
	return 0;
}

int
handle_staff_products(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	const char		*status = ctx_text(c, SP_STATUS);
	struct product_query	 q;
	struct arena_list	 categories;
	struct product_page	 page = { { 0 }, 0 };
	enum domain_status	 ds;

	hset(c->hdf, "Page.Title", "中标产品档案");
	if ((ds = load_categories(c, &categories)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	memset(&q, 0, sizeof(q));
	q.category = ctx_text(c, SP_CATEGORY);
	q.brand = "";
	q.keyword = ctx_text(c, SP_Q);
	q.page = p[SP_PAGE].present && p[SP_PAGE].valid ? (long)p[SP_PAGE].n :
	    1;
	/* Staff see withdrawn models too unless they ask otherwise. */
	q.status = status[0] == '\0' || strcmp(status, "all") == 0 ? "" :
	    status;
	hset(c->hdf, "Filter.status", status[0] != '\0' ? status : "all");
	if (q.status[0] != '\0' && !product_status_valid(q.status))
		ctx_field_error(c, "status", "状态只能是 在售、已撤销 或 全部");
	if (q.category[0] != '\0' && !category_listed(&categories, q.category))
		ctx_field_error(c, "category", "没有这个商品类别");
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (c->resp->status == 200) {
		if ((ds = product_find(&c->arena, &q, NULL, &page)) !=
		    DOMAIN_OK)
			return domain_answer_error(c, ds);
		product_view_list(c->hdf, "Products", &page.rows);
	}
	ctx_paging(c, q.page, page.total, PRODUCT_PAGE_SIZE);
	ctx_query_string(c, "Query.all", "page");
	view_code_list(c->hdf, "ProductStatuses", product_status_code,
	    product_status_name);
	return ctx_render(c, "staff/products.cs");
}

static int
edit_page(struct ctx *c)
{
	struct arena_list	 categories;
	enum domain_status	 ds;

	if (hdf_get_obj(c->hdf, "Categories") == NULL &&
	    (ds = load_categories(c, &categories)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	return ctx_render(c, "staff/product_edit.cs");
}

static void
read_record(struct ctx *c, struct product_record *r)
{
	const struct param_value *p = c->req->param;

	r->category = ctx_text(c, PE_CATEGORY);
	r->brand = ctx_text(c, PE_BRAND);
	r->manufacturer = ctx_text(c, PE_MAKER);
	r->model = ctx_text(c, PE_MODEL);
	r->spec = ctx_text(c, PE_SPEC);
	r->bid_price_fen = p[PE_PRICE].present && p[PE_PRICE].valid ?
	    p[PE_PRICE].n : 0;
	r->bid_batch = ctx_text(c, PE_BATCH);
	r->status = ctx_text(c, PE_STATUS);
}

/* Marks a required field left empty (a wrong one has its message). */
static void
require(struct ctx *c, size_t i, const char *message)
{
	const struct param_value *p = &c->req->param[i];

	if (!p->present && p->valid)
		ctx_field_error(c, product_edit_params[i].name, message);
}

/* Says which record (dup) holds the model already, under Duplicate
 * too; the form keeps the rest. */
static void
duplicate_error(struct ctx *c, const struct product_ref *dup,
    const char *format)
{
	char	 msg[1024];

	product_view_ref(c->hdf, "Duplicate", dup);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(msg, sizeof(msg), format, dup->model != NULL ? dup->model :
	    "", dup->id);
#pragma GCC diagnostic pop
	ctx_field_error(c, "model", msg);
	c->resp->status = 409;
}

/* Validates the form; on a problem the status is no longer 200. */
static enum handler_result
check_record(struct ctx *c, const struct product_record *r, long long id)
{
	char			 key[PRODUCT_MODEL_MAX * 4 + 1];
	struct arena_list	 categories;
	struct product_ref	 dup;
	enum domain_status	 ds;

	if (c->req->param_errors > 0)
		c->resp->status = 400;
	require(c, PE_CATEGORY, "请选择商品类别");
	require(c, PE_BRAND, "请填写品牌");
	require(c, PE_MAKER, "请填写生产企业");
	require(c, PE_MODEL, "请填写产品型号");
	require(c, PE_PRICE, "请填写中标价");
	require(c, PE_STATUS, "请选择状态");
	if ((ds = load_categories(c, &categories)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	if (r->category[0] != '\0' && !category_listed(&categories,
	    r->category))
		ctx_field_error(c, "category", "没有这个商品类别，请从列表中选择");
	product_model_key(key, sizeof(key), r->model);
	if (r->model[0] != '\0' && key[0] == '\0')
		ctx_field_error(c, "model", "产品型号须含有字母或数字");
	if (r->status[0] != '\0' && !product_status_valid(r->status))
		ctx_field_error(c, "status", "状态只能是 在售 或 已撤销");
	if (c->resp->status != 200)
		return H_OK;
	if ((ds = product_record_lookalike(r, id, 0, &c->arena, &dup)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	if (dup.id != 0)
		duplicate_error(c, &dup, "同一类别、同一品牌下已有型号“%s”（产品编号 "
		    "%lld），与这个型号只差大小写、空格、“-”或“/”，型号核验无法区分，"
		    "不能重复登记。请核对型号，或修改已有的记录");
	return H_OK;
}

int
handle_product_new(struct ctx *c)
{
	struct product_record	 r;
	struct product_ref	 dup;
	unsigned long long	 id = 0;
	enum handler_result	 h;
	enum domain_status	 ds;
	struct domain_problems	 problems = { 0 };
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };

	hset(c->hdf, "Page.Title", "登记中标产品");
	if (c->req->method != M_POST) {
		if (!c->req->param[PE_STATUS].present)
			hset(c->hdf, "Form.status", "active");
		return edit_page(c);
	}
	read_record(c, &r);
	if ((h = check_record(c, &r, 0)) != H_OK)
		return h;
	if (c->resp->status != 200)
		return edit_page(c);
	ds = product_record_add(&r, &by, &c->arena, &dup, &problems, &id);
	product_view_ref(c->hdf, "Duplicate", &dup);
	if (domain_answer_form(c, ds, &problems))
		return edit_page(c);
	return domain_answer_saved(c, ds, "/staff/products/%lld",
	    (long long)id);
}

int
handle_product_edit(struct ctx *c)
{
	long long		 id = c->req->path_id;
	struct product_record	 r;
	struct product		 old;
	struct product_ref	 dup;
	enum handler_result	 h;
	enum domain_status	 ds;
	struct domain_problems	 problems = { 0 };
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };
	int			 changed;

	if ((ds = product_record_get(&c->arena, id, &old)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	product_view_record(c->hdf, "Product", &old);
	hsetf(c->hdf, "Page.Title", "编辑中标产品 %s %s", old.brand, old.model);
	if (c->req->method != M_POST) {
		product_view_form(c->hdf, "Form", &old);
		return edit_page(c);
	}
	read_record(c, &r);
	if ((h = check_record(c, &r, id)) != H_OK)
		return h;
	if (c->resp->status != 200)
		return edit_page(c);
	ds = product_record_save(id, &old, &r, &by, &c->arena, &dup,
	    &problems, &changed);
	product_view_ref(c->hdf, "Duplicate", &dup);
	if (domain_answer_form(c, ds, &problems))
		return edit_page(c);
	if (ds == DOMAIN_OK && !changed)
		return staff_redirect(c, c->req->path);
	return domain_answer_saved(c, ds, "/staff/products/%lld", id);
}
