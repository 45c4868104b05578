/* Outlet and enterprise records for the records role: create, edit,
 * suspend, cancel and restore, with the duplicate-registration guard. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/enterprise_view.h"
#include "web/outlet_view.h"
#include "domain/audit.h"
#include "domain/complaint.h"
#include "domain/enterprise_record.h"
#include "domain/outlet.h"
#include "domain/outlet_record.h"
#include "domain/session.h"
#include "staff.h"
#include "web/domain_answer.h"
#include "web/view.h"

const struct param_spec outlet_edit_params[OE_COUNT] = {
	[OE_REGNO] = { "reg_no", "备案编号", P_TEXT, 1, 32, 0 },
	[OE_NAME] = { "name", "店名", P_TEXT, 1, 100, 0 },
	[OE_ENTERPRISE] = { "enterprise", "中标销售企业", P_INT, 1,
	    4000000000LL, 0 },
	[OE_MODE] = { "mode", "经营方式", P_CODE, 1, 16, 0 },
	[OE_REGION] = { "region", "所在乡镇代码", P_REGION, 0, 0, 0 },
	[OE_ADDRESS] = { "address", "地址", P_TEXT, 1, 200, 0 },
	[OE_PHONE] = { "phone", "电话", P_TEXT, 1, 20, 0 },
	[OE_TV] = { "cat_tv", "彩电", P_INT, 0, 1, 0 },
	[OE_FRIDGE] = { "cat_fridge", "冰箱", P_INT, 0, 1, 0 },
	[OE_PHONECAT] = { "cat_phone", "手机", P_INT, 0, 1, 0 },
	[OE_WASHER] = { "cat_washer", "洗衣机", P_INT, 0, 1, 0 },
	[OE_DELIVERY] = { "svc_delivery", "送货上门", P_INT, 0, 1, 0 },
	[OE_INSTALL] = { "svc_install", "安装调试", P_INT, 0, 1, 0 },
	[OE_TEACH] = { "svc_teach", "使用辅导", P_INT, 0, 1, 0 },
	[OE_REPAIR] = { "svc_repair", "上门维修", P_INT, 0, 1, 0 },
	[OE_REGISTERED] = { "registered_on", "登记日期", P_DATE, 0, 0, 0 },
	[OE_CONFIRM] = { "confirm", "确认", P_INT, 0, 1, 0 },
};

const struct param_spec outlet_status_params[OS_COUNT] = {
	[OS_STATUS] = { "status", "状态", P_CODE, 1, 16, 0 },
	[OS_DATE] = { "effective_on", "生效日期", P_DATE, 0, 0, 0 },
	[OS_REASON] = { "reason", "原因", P_TEXT, 2, 200, 0 },
};

const struct param_spec staff_outlet_list_params[SL_COUNT] = {
	[SL_Q] = { "q", "关键词", P_TEXT, 1, 50, 0 },
	[SL_STATUS] = { "status", "状态", P_CODE, 1, 16, 0 },
	[SL_PAGE] = PARAM_PAGE,
};

/* The checkbox parameters and the codes they stand for. */
static const struct {
	size_t		 param;
	const char	*code;
	int		 service;
} boxes[] = {
	{ OE_TV, "tv", 0 }, { OE_FRIDGE, "fridge", 0 },
	{ OE_PHONECAT, "phone", 0 }, { OE_WASHER, "washer", 0 },
	{ OE_DELIVERY, "delivery", 1 }, { OE_INSTALL, "install", 1 },
	{ OE_TEACH, "teach", 1 }, { OE_REPAIR, "repair", 1 },
};

int
handle_staff_outlets(struct ctx *c)
{
	struct outlet_query	 q;
	const char		*status = ctx_text(c, SL_STATUS);
	struct arena_list	 rows;
	long long		 total;
	enum domain_status	 ds;

	hset(c->hdf, "Page.Title", "网点档案");
	memset(&q, 0, sizeof(q));
	q.region = c->user->region;
	q.keyword = ctx_text(c, SL_Q);
	q.status = strcmp(status, "all") == 0 || status[0] == '\0' ? "" :
	    status;
	q.category = "";
	q.page = c->req->param[SL_PAGE].present &&
	    c->req->param[SL_PAGE].valid ? c->req->param[SL_PAGE].n : 1;
	if (q.status[0] != '\0' && !outlet_status_valid(q.status)) {
		ctx_error_page(c, 400, "状态只能是 正常、暂停、取消 或 全部");
		return H_OK;
	}
	/* A page past the bound: the form again with its keyword and why. */
	total = 0;
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	else {
		if ((ds = outlet_find(&c->arena, &q, &rows, &total)) !=
		    DOMAIN_OK)
			return domain_answer_error(c, ds);
		outlet_view_list(c->hdf, "Outlets", &rows, rows.n);
	}
	ctx_paging(c, q.page, total > OUTLET_KEYWORD_MAX && q.keyword[0] ?
	    OUTLET_KEYWORD_MAX : total, OUTLET_PAGE_SIZE);
	ctx_query_string(c, "Query.all", "page");
	outlet_view_statuses(c->hdf, "OutletStatuses");
	return ctx_render(c, "staff/outlets.cs");
}

static void
mark(void *arg, const char *field, const char *message)
{
	ctx_field_error(arg, field, message);
}

/* The record the form describes; lists are built into the buffers. */
static void
read_record(struct ctx *c, struct outlet_record *r, char *cats,
    char *svcs, size_t len)
{
	const struct param_value *p = c->req->param;
	size_t	 i;

	cats[0] = svcs[0] = '\0';
	for (i = 0; i < sizeof(boxes) / sizeof(boxes[0]); i++) {
		char *list = boxes[i].service ? svcs : cats;

		if (!p[boxes[i].param].present || p[boxes[i].param].n != 1)
			continue;
		if (list[0] != '\0')
			strncat(list, ",", len - strlen(list) - 1);
		strncat(list, boxes[i].code, len - strlen(list) - 1);
	}
	r->reg_no = ctx_text(c, OE_REGNO);
	r->name = ctx_text(c, OE_NAME);
	r->enterprise_id = p[OE_ENTERPRISE].present && p[OE_ENTERPRISE].valid ?
	    p[OE_ENTERPRISE].n : 0;
	r->mode = ctx_text(c, OE_MODE);
	r->region = ctx_text(c, OE_REGION);
	r->address = ctx_text(c, OE_ADDRESS);
	r->phone = ctx_text(c, OE_PHONE);
	r->categories = cats;
	r->services = svcs;
	r->registered_on = ctx_text(c, OE_REGISTERED);
}

/* A text of a stored outlet, "" where it has none. */
static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* Puts a stored outlet into the form fields. */
static void
fill_form(struct ctx *c, const struct outlet *o)
{
	const struct {
		const char	*field, *value;
	} copy[] = {
		{ "Form.reg_no", o->reg_no }, { "Form.name", o->name },
		{ "Form.mode", o->mode }, { "Form.region", o->region_code },
		{ "Form.address", o->address }, { "Form.phone", o->phone },
		{ "Form.registered_on", o->registered_on },
	};
	const char	*cats = or_empty(o->category_codes);
	const char	*svcs = or_empty(o->services);
	char		 name[64];
	size_t		 i;

	for (i = 0; i < sizeof(copy) / sizeof(copy[0]); i++)
		hset(c->hdf, copy[i].field, or_empty(copy[i].value));
	hseti(c->hdf, "Form.enterprise", o->enterprise_id);
	for (i = 0; i < sizeof(boxes) / sizeof(boxes[0]); i++) {
		const char *list = boxes[i].service ? svcs : cats;
		const char *hit = strstr(list, boxes[i].code);
		size_t n = strlen(boxes[i].code);

		if (hit == NULL || (hit != list && hit[-1] != ',') ||
		    (hit[n] != '\0' && hit[n] != ','))
			continue;
		snprintf(name, sizeof(name), "Form.%s",
		    outlet_edit_params[boxes[i].param].name);
		hset(c->hdf, name, "1");
	}
}

/* The form, for outlet o (NULL: a new one). */
static int
edit_page(struct ctx *c, const struct outlet *o)
{
	struct arena_list	 names;

	if (enterprise_names(&c->arena, &names) != DOMAIN_OK)
		return H_UNAVAILABLE;
	enterprise_view_names(c->hdf, "Enterprises", &names);
	outlet_view_moves(c->hdf, "OutletMoves", o != NULL ?
	    or_empty(o->status) : "");
	return ctx_render(c, "staff/outlet_edit.cs");
}

/* Validation, then the duplicate guard unless the user confirmed. */
static enum handler_result
check_record(struct ctx *c, const struct outlet_record *r, long long id)
{
	struct arena_list	 duplicates;
	enum domain_status	 ds;
	enum domain_status	 st;
	int			 taken;

	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if ((st = outlet_record_check(r, c->user->region, mark, c)) !=
	    DOMAIN_OK)
		return domain_result(st);
	if ((st = outlet_regno_taken(r->reg_no, id, &taken)) != DOMAIN_OK)
		return domain_result(st);
	if (taken)
		ctx_field_error(c, "reg_no", "这个备案编号已经登记过，同一网点不能重复登记");
	if (c->resp->status != 200)
		return H_OK;
	if ((ds = outlet_record_duplicates(&c->arena, r, id, &duplicates)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	outlet_view_duplicates(c->hdf, "Duplicates", &duplicates);
	if (duplicates.n > 0 && !(c->req->param[OE_CONFIRM].present &&
	    c->req->param[OE_CONFIRM].n == 1)) {
		hset(c->hdf, "Held", "1");
		c->resp->status = 409;
	}
	return H_OK;
}

int
handle_outlet_new(struct ctx *c)
{
	struct outlet_record	 r;
	char			 cats[128], svcs[128];
	unsigned long long	 id = 0;
	enum handler_result	 hr;
	enum domain_status	 ds;
	struct domain_problems	 problems = { 0 };
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };

	hset(c->hdf, "Page.Title", "登记网点");
	if (c->req->method != M_POST) {
		hset(c->hdf, "Form.svc_delivery", "1");
		hset(c->hdf, "Form.svc_install", "1");
		hset(c->hdf, "Form.svc_teach", "1");
		hset(c->hdf, "Form.svc_repair", "1");
		return edit_page(c, NULL);
	}
	read_record(c, &r, cats, svcs, sizeof(cats));
	if ((hr = check_record(c, &r, 0)) != H_OK)
		return hr;
	if (c->resp->status != 200)
		return edit_page(c, NULL);
	ds = outlet_register(&r, &by, &problems, &id);
	if (domain_answer_form(c, ds, &problems))
		return edit_page(c, NULL);
	return domain_answer_saved(c, ds, "/staff/outlets/%lld", (long long)id);
}

/* Loads an outlet of the user's region into o, and it and its history
 * into Outlet.* and History.*. */
static enum handler_result
load_outlet(struct ctx *c, long long id, struct outlet *o)
{
	struct arena_list	 history;
	enum domain_status	 ds;

	if ((ds = outlet_get(&c->arena, id, o)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	outlet_view_put(c->hdf, "Outlet", o);
	if (!staff_in_region(c, or_empty(o->region_code)))
		return H_FORBIDDEN;
	if ((ds = outlet_status_history(&c->arena, id, &history)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	outlet_view_history(c->hdf, "History", &history);
	return H_OK;
}

int
handle_outlet_edit(struct ctx *c)
{
	long long		 id = c->req->path_id;
	struct outlet		 old;
	struct outlet_record	 r;
	char			 cats[128], svcs[128];
	enum handler_result	 hr;
	enum domain_status	 ds;
	struct domain_problems	 problems = { 0 };
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };

	if ((hr = load_outlet(c, id, &old)) != H_OK)
		return hr;
	hset(c->hdf, "Page.Title", "编辑网点");
	if (c->req->method != M_POST) {
		fill_form(c, &old);
		return edit_page(c, &old);
	}
	read_record(c, &r, cats, svcs, sizeof(cats));
	if ((hr = check_record(c, &r, id)) != H_OK)
		return hr;
	if (c->resp->status != 200)
		return edit_page(c, &old);
	ds = outlet_amend(id, &old, &r, &by, &problems);
	if (domain_answer_form(c, ds, &problems))
		return edit_page(c, &old);
	return domain_answer_saved(c, ds, "/staff/outlets/%lld", id);
}

int
handle_outlet_status(struct ctx *c)
{
	long long	 id = c->req->path_id;
	const char	*status = ctx_text(c, OS_STATUS);
	const char	*reason = ctx_text(c, OS_REASON);
	const char	*from;
	char		 day[11];
	struct outlet	 o;
	enum handler_result hr;
	struct audit_by	 by = { .user = c->user,
	    .address = staff_address(c) };

	if ((hr = load_outlet(c, id, &o)) != H_OK)
		return hr;
	hset(c->hdf, "Page.Title", "编辑网点");
	from = or_empty(o.status);
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (!outlet_status_move_allowed(from, status))
		ctx_field_error(c, "status", "这个状态变更不允许（已取消的网点不能恢复）");
	if (!c->req->param[OS_REASON].present)
		ctx_field_error(c, "reason", "请写明原因");
	if (c->req->param[OS_DATE].present)
		snprintf(day, sizeof(day), "%s", c->req->param[OS_DATE].s);
	else
		today(day);
	if (c->resp->status != 200) {
		fill_form(c, &o);
		return edit_page(c, &o);
	}
	return domain_answer_saved(c, outlet_status_move(id, from, status, day,
	    reason, &by), "/staff/outlets/%lld", id);
}

const struct param_spec enterprise_params[EN_COUNT] = {
	[EN_NAME] = { "name", "企业名称", P_TEXT, 4, 100, 0 },
	[EN_BATCH] = { "bid_batch", "中标批次", P_TEXT, 1, 32, 0 },
	[EN_PHONE] = { "phone", "电话", P_TEXT, 1, 20, 0 },
};

int
handle_staff_enterprises(struct ctx *c)
{
	struct arena_list	 list;
	enum domain_status	 ds;

	hset(c->hdf, "Page.Title", "中标销售企业");
	if ((ds = enterprise_staff_list(&c->arena, &list)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	enterprise_view_list(c->hdf, "Enterprises", &list);
	return ctx_render(c, "staff/enterprises.cs");
}

/* Checks the form; enterprises are national, so only unlimited staff
 * may change them. */
static int
enterprise_form_ok(struct ctx *c)
{
	const struct param_value *p = c->req->param;

	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (!p[EN_NAME].present)
		ctx_field_error(c, "name", "请填写企业名称");
	if (p[EN_PHONE].present && p[EN_PHONE].valid &&
	    !complaint_phone_valid(p[EN_PHONE].s))
		ctx_field_error(c, "phone", "电话须为 11 位手机号码，或带区号的固定电话");
	return c->resp->status == 200;
}

int
handle_enterprise_edit(struct ctx *c)
{
	long long		 id = c->req->path_id;
	struct enterprise_fields f;
	struct domain_problems	 problems = { 0 };
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };
	struct enterprise	 old = { 0 };
	enum domain_status	 ds;

	hset(c->hdf, "Page.Title", id > 0 ? "编辑中标销售企业" : "新增中标销售企业");
	if (id > 0) {
		if ((ds = enterprise_get(&c->arena, id, &old)) != DOMAIN_OK)
			return domain_answer_error(c, ds);
		enterprise_view_put(c->hdf, "Enterprise", &old);
	}
	if (c->req->method != M_POST) {
		hset(c->hdf, "Form.name", or_empty(old.name));
		hset(c->hdf, "Form.bid_batch", or_empty(old.bid_batch));
		hset(c->hdf, "Form.phone", or_empty(old.phone));
		return ctx_render(c, "staff/enterprise_edit.cs");
	}
	if (!enterprise_form_ok(c))
		return ctx_render(c, "staff/enterprise_edit.cs");
	f.name = ctx_text(c, EN_NAME);
	f.bid_batch = ctx_text(c, EN_BATCH);
	f.phone = ctx_text(c, EN_PHONE);
	ds = enterprise_save(&id, id > 0 ? &old : NULL, &f, &by, &problems);
	if (domain_answer_form(c, ds, &problems))
		return ctx_render(c, "staff/enterprise_edit.cs");
	return domain_answer_saved(c, ds, "/staff/enterprises/%lld", id);
}
