/* Categories, caps and the subsidy rate: records staff read them, admins
 * add a row in force from a date. Nothing is edited in place, so the
 * calculator answers for any past day as it did on that day. */
#include <stdio.h>
#include <string.h>

#include "domain/caps.h"
#include "domain/caps_record.h"
#include "domain/session.h"
#include "staff.h"
#include "web/caps_view.h"
#include "web/domain_answer.h"
#include "web/view.h"

#define PERCENT_CHARS	8	/* "100.00 %" */

const struct param_spec caps_change_params[CC_COUNT] = {
	[CC_KIND] = { "kind", "调整项目", P_CODE, 1, 16, 0 },
	[CC_CATEGORY] = { "category", "商品类别", P_CODE, 1,
	    CATEGORY_CODE_MAX, 0 },
	[CC_CAP] = { "cap", "最高限价", P_MONEY, 100, 1000000LL * 100, 0 },
	[CC_RATE] = { "rate", "补贴比例", P_TEXT, 1, PERCENT_CHARS, 0 },
	[CC_CENTRAL] = { "central_share", "中央财政负担比例", P_TEXT, 1,
	    PERCENT_CHARS, 0 },
	[CC_FROM] = { "effective_from", "起始日期", P_DATE, 0, 0, 0 },
	[CC_NOTE] = { "note", "调整依据", P_TEXT, 2, CAPS_NOTE_MAX, 0 },
};

const struct param_spec caps_withdraw_params[CW_COUNT] = {
	[CW_REASON] = { "reason", "撤回原因", P_TEXT, 2, CAPS_NOTE_MAX, 0 },
};

const struct param_spec category_add_params[CG_COUNT] = {
	[CG_CODE] = { "code", "类别代码", P_TEXT, 1, CATEGORY_CODE_MAX, 0 },
	[CG_NAME] = { "name", "类别名称", P_TEXT, 1, CATEGORY_NAME_MAX, 0 },
	[CG_SORT] = { "sort_order", "排列顺序", P_INT, 0, CATEGORY_SORT_MAX,
	    0 },
};

/* The page of current values, their history and (for admins) the forms. */
static int
caps_page(struct ctx *c)
{
	struct caps_in_force	 k;
	struct arena_list	 categories, history, rates;
	enum domain_status	 ds;
	char			 d[11];

	hset(c->hdf, "Page.Title", "限价与补贴比例");
	today(d);
	if ((ds = caps_and_rate_in_force(&c->arena, d, &k)) != DOMAIN_OK ||
	    (ds = category_list(&c->arena, &categories)) != DOMAIN_OK ||
	    (ds = caps_history(&c->arena, d, &history)) != DOMAIN_OK ||
	    (ds = rate_history(&c->arena, d, &rates)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	caps_view_in_force(c->hdf, "Caps", "Rate", &k);
	caps_view_categories(c->hdf, "Categories", &categories);
	caps_view_history(c->hdf, "History", &history);
	caps_view_rates(c->hdf, "Rates", &rates);
	/* Beside each category: its cap today, or the date one is due. */
	caps_view_category_caps(c->hdf, "Categories", &categories, &k,
	    &history);
	hseti(c->hdf, "NextSort", category_next_sort(&categories));
	hseti(c->hdf, "CanChange", c->user->role == ROLE_ADMIN &&
	    staff_in_region(c, NULL));
	return ctx_render(c, "staff/caps.cs");
}

int
handle_staff_caps(struct ctx *c)
{
	return caps_page(c);
}

static void
require(struct ctx *c, const struct param_spec *spec, size_t i,
    const char *message)
{
	const struct param_value *p = &c->req->param[i];

	if (!p->present && p->valid)
		ctx_field_error(c, spec[i].name, message);
}

/* Checks a cap row; the values go to the caller. */
static enum handler_result
check_cap(struct ctx *c)
{
	const char		*code = ctx_text(c, CC_CATEGORY);
	enum domain_status	 st;
	int			 found;

	require(c, caps_change_params, CC_CATEGORY, "请选择商品类别");
	require(c, caps_change_params, CC_CAP, "请填写最高限价");
	if (code[0] == '\0')
		return H_OK;
	if ((st = category_exists(code, &found)) != DOMAIN_OK)
		return domain_result(st);
	if (!found)
		ctx_field_error(c, "category", "没有这个商品类别，请从列表中选择");
	return H_OK;
}

/* Checks a rate row and reads its percentages as basis points. */
static void
check_rate(struct ctx *c, long long *rate, long long *central)
{
	const struct param_value *p = c->req->param;

	require(c, caps_change_params, CC_RATE, "请填写补贴比例");
	require(c, caps_change_params, CC_CENTRAL, "请填写中央财政负担比例");
	if (p[CC_RATE].present && p[CC_RATE].valid &&
	    percent_parse_bp(p[CC_RATE].s, 1, 10000, rate) == -1)
		ctx_field_error(c, "rate", "补贴比例请填写 0.01 到 100 之间的百分数，"
		    "最多两位小数，例如 13 或 12.5");
	if (p[CC_CENTRAL].present && p[CC_CENTRAL].valid &&
	    percent_parse_bp(p[CC_CENTRAL].s, 0, 10000, central) == -1)
		ctx_field_error(c, "central_share", "中央财政负担比例请填写 0 到 100 "
		    "之间的百分数，最多两位小数，例如 80；其余由省级财政负担");
}

int
handle_caps_change(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	const char		*kind = ctx_text(c, CC_KIND);
	const char		*from = ctx_text(c, CC_FROM);
	const char		*note = ctx_text(c, CC_NOTE);
	const char		*code = ctx_text(c, CC_CATEGORY);
	long long		 rate = 0, central = 0;
	unsigned long long	 id = 0;
	enum handler_result	 h;
	enum domain_status	 ds;
	struct caps_change	 ch;
	struct domain_problems	 problems = { 0 };
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };
	int			 is_cap;

	if (strcmp(kind, "cap") != 0 && strcmp(kind, "rate") != 0) {
		ctx_error_page(c, 400, "请说明要添加的是最高限价（kind=cap）"
		    "还是补贴比例（kind=rate）。");
		return H_OK;
	}
	is_cap = strcmp(kind, "cap") == 0;
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (is_cap) {
		if ((h = check_cap(c)) != H_OK)
			return h;
	} else
		check_rate(c, &rate, &central);
	require(c, caps_change_params, CC_FROM, "请填写起始日期");
	require(c, caps_change_params, CC_NOTE, "请写明调整依据，例如文件名称和文号");
	if (c->resp->status != 200)
		return caps_page(c);
	ch = (struct caps_change){ .is_cap = is_cap, .category = code,
	    .cap_fen = is_cap ? p[CC_CAP].n : 0, .rate_bp = rate,
	    .central_bp = central, .from = from, .note = note };
	ds = caps_change_add(&ch, &by, &problems, &id);
	if (domain_answer_form(c, ds, &problems))
		return caps_page(c);
	return domain_answer_saved(c, ds, is_cap ? "/staff/caps#cap-%lld" :
	    "/staff/caps#rate-%lld", (long long)id);
}

int
handle_category_add(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	const char		*code = ctx_text(c, CG_CODE);
	const char		*name = ctx_text(c, CG_NAME);
	long long		 sort;
	enum domain_status	 st;
	enum domain_status ds;
	struct domain_problems problems = { 0 };
	struct audit_by	 by = { .user = c->user,
	    .address = staff_address(c) };
	struct arena_list categories;
	int		 found;

	if (c->req->param_errors > 0)
		c->resp->status = 400;
	require(c, category_add_params, CG_CODE, "请填写类别代码");
	require(c, category_add_params, CG_NAME, "请填写类别名称");
	if (code[0] != '\0' && !valid_code(code, CATEGORY_CODE_MAX))
		ctx_field_error(c, "code", "类别代码须以小写英文字母开头，"
		    "只含小写字母、数字和下划线，最多 16 个字符，例如 aircon");
	if (name[0] != '\0') {
		if ((st = category_name_taken(name, &found)) != DOMAIN_OK)
			return domain_result(st);
		if (found)
			ctx_field_error(c, "name", "已有同名的类别");
	}
	if (c->resp->status != 200)
		return caps_page(c);
	/* Unset: after the last category, as the form suggests. */
	if ((ds = category_list(&c->arena, &categories)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	sort = p[CG_SORT].present ? p[CG_SORT].n :
	    category_next_sort(&categories);
	ds = category_create(code, name, sort, &by, &problems);
	if (domain_answer_form(c, ds, &problems))
		return caps_page(c);
	if (ds != DOMAIN_OK)
		return domain_answer_error(c, ds);
	return staff_redirect(c, "/staff/caps#categories");
}

/* A row withdrawn (or refused) answers with the caps page; the reason
 * typed stays in the row's form. */
static int
withdraw(struct ctx *c, int is_cap)
{
	const char		*reason = ctx_text(c, CW_REASON);
	long long		 id = c->req->path_id;
	enum domain_status	 ds;
	struct domain_problems	 problems = { 0 };
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };
	char			 d[11];

	hsetf(c->hdf, "WithdrawFor", "%s-%lld", is_cap ? "cap" : "rate", id);
	if (c->req->param_errors > 0 || reason[0] == '\0') {
		if (c->req->param_errors == 0)
			ctx_field_error(c, "reason", "请写明撤回原因（2 到 200 个字），"
			    "例如“录入错误：应为 2500 元”");
		c->resp->status = 400;
		return caps_page(c);
	}
	today(d);
	ds = caps_row_withdraw(is_cap, id, d, reason, &by, &problems);
	if (domain_answer_form(c, ds, &problems))
		return caps_page(c);
	return domain_answer_saved(c, ds, is_cap ? "/staff/caps#cap-%lld" :
	    "/staff/caps#rate-%lld", id);
}

int
handle_cap_withdraw(struct ctx *c)
{
	return withdraw(c, 1);
}

int
handle_rate_withdraw(struct ctx *c)
{
	return withdraw(c, 0);
}
