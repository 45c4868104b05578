/* Winning-bid product records for the records role: list, create, edit,
 * withdraw. The public catalogue, model check and API read the same rows,
 * so a saved change shows on their next request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/caps_record.h"
#include "domain/product.h"
#include "domain/product_record.h"
#include "domain/session.h"
#include "staff.h"
#include "web/domain_answer.h"
#include "web/view.h"

const struct param_spec staff_product_list_params[SP_COUNT] = {
	[SP_CATEGORY] = { "category", "商品类别", P_CODE, 1, CATEGORY_CODE_MAX,
	    0 },
	[SP_STATUS] = { "status", "状态", P_CODE, 1, 16, 0 },
	[SP_Q] = { "q", "关键词", P_TEXT, 1, 50, 0 },
	[SP_PAGE] = { "page", "页码", P_INT, 1, 1000000, 0 },
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

/* 1 when code is one of the categories listed under Categories. */
static int
category_listed(struct ctx *c, const char *code)
{
	HDF	*k;

	for (k = hdf_get_child(c->hdf, "Categories"); k != NULL;
	    k = hdf_obj_next(k))
		if (strcmp(hdf_get_value(k, "code", ""), code) == 0)
			return 1;
	return 0;
}

int
handle_staff_products(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	const char		*status = ctx_text(c, SP_STATUS);
	struct product_query	 q;
	enum db_status		 st;
	long long		 total = 0;
	long			 n;

	hset(c->hdf, "Page.Title", "中标产品档案");
	if ((st = category_list(c->hdf, "Categories", &n)) != DB_OK)
		return db_result(st);
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
	if (q.category[0] != '\0' && !category_listed(c, q.category))
		ctx_field_error(c, "category", "没有这个商品类别");
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (c->resp->status == 200 && (st = product_find(c->hdf, &q,
	    "Products", &n, &total, NULL, 0)) != DB_OK)
		return db_result(st);
	ctx_paging(c, q.page, total, PRODUCT_PAGE_SIZE);
	ctx_query_string(c, "Query.all", "page");
	view_code_list(c->hdf, "ProductStatuses", product_status_code,
	    product_status_name);
	return ctx_render(c, "staff/products.cs");
}

static int
edit_page(struct ctx *c)
{
	enum db_status	 st;
	long		 n;

	if (hdf_get_obj(c->hdf, "Categories") == NULL &&
	    (st = category_list(c->hdf, "Categories", &n)) != DB_OK)
		return db_result(st);
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

/* Says which record holds the model already; the form keeps the rest. */
static void
duplicate_error(struct ctx *c, const char *format)
{
	char	 msg[1024];

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(msg, sizeof(msg), format, hdf_get_value(c->hdf,
	    "Duplicate.model", ""), hdf_get_value(c->hdf, "Duplicate.id", ""));
#pragma GCC diagnostic pop
	ctx_field_error(c, "model", msg);
	c->resp->status = 409;
}

/* Validates the form; on a problem the status is no longer 200. */
static enum handler_result
check_record(struct ctx *c, const struct product_record *r, long long id)
{
	char		 key[PRODUCT_MODEL_MAX * 4 + 1];
	enum db_status	 st;
	long		 n;
	int		 found;

	if (c->req->param_errors > 0)
		c->resp->status = 400;
	require(c, PE_CATEGORY, "请选择商品类别");
	require(c, PE_BRAND, "请填写品牌");
	require(c, PE_MAKER, "请填写生产企业");
	require(c, PE_MODEL, "请填写产品型号");
	require(c, PE_PRICE, "请填写中标价");
	require(c, PE_STATUS, "请选择状态");
	if ((st = category_list(c->hdf, "Categories", &n)) != DB_OK)
		return db_result(st);
	if (r->category[0] != '\0' && !category_listed(c, r->category))
		ctx_field_error(c, "category", "没有这个商品类别，请从列表中选择");
	product_model_key(key, sizeof(key), r->model);
	if (r->model[0] != '\0' && key[0] == '\0')
		ctx_field_error(c, "model", "产品型号须含有字母或数字");
	if (r->status[0] != '\0' && !product_status_valid(r->status))
		ctx_field_error(c, "status", "状态只能是 在售 或 已撤销");
	if (c->resp->status != 200)
		return H_OK;
	if ((st = product_record_lookalike(r, id, 0, c->hdf, "Duplicate",
	    &found)) != DB_OK)
		return db_result(st);
	if (found)
		duplicate_error(c, "同一类别、同一品牌下已有型号“%s”（产品编号 "
		    "%s），与这个型号只差大小写、空格、“-”或“/”，型号核验无法区分，"
		    "不能重复登记。请核对型号，或修改已有的记录");
	return H_OK;
}

int
handle_product_new(struct ctx *c)
{
	struct product_record	 r;
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
	ds = product_record_add(&r, &by, c->hdf, "Duplicate", &problems, &id);
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
	enum handler_result	 h;
	enum db_status		 st;
	enum domain_status	 ds;
	struct domain_problems	 problems = { 0 };
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };
	HDF			*old;
	int			 found, changed;

	if ((st = product_record_get(c->hdf, id, "Product", &found)) != DB_OK)
		return db_result(st);
	if (!found)
		return H_NOT_FOUND;
	old = hdf_get_obj(c->hdf, "Product");
	hsetf(c->hdf, "Page.Title", "编辑中标产品 %s %s",
	    hdf_get_value(old, "brand", ""), hdf_get_value(old, "model", ""));
	if (c->req->method != M_POST) {
		static const char *const copy[][2] = {
			{ "Form.category", "category_code" },
			{ "Form.brand", "brand" },
			{ "Form.manufacturer", "manufacturer" },
			{ "Form.model", "model" }, { "Form.spec", "spec" },
			{ "Form.bid_price", "bid_price_yuan" },
			{ "Form.bid_batch", "bid_batch" },
			{ "Form.status", "status" },
		};
		size_t	 i;

		for (i = 0; i < sizeof(copy) / sizeof(copy[0]); i++)
			hset(c->hdf, copy[i][0], hdf_get_value(old, copy[i][1],
			    ""));
		return edit_page(c);
	}
	read_record(c, &r);
	if ((h = check_record(c, &r, id)) != H_OK)
		return h;
	if (c->resp->status != 200)
		return edit_page(c);
	ds = product_record_save(id, old, &r, &by, c->hdf, "Duplicate",
	    &problems, &changed);
	if (domain_answer_form(c, ds, &problems))
		return edit_page(c);
	if (ds == DOMAIN_OK && !changed)
		return staff_redirect(c, c->req->path);
	return domain_answer_saved(c, ds, "/staff/products/%lld", id);
}
