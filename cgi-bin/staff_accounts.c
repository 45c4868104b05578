/* Account management and the audit log, for admins. */
#include <stdio.h>
#include <string.h>

#include "domain/account.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/region.h"
#include "domain/session.h"
#include "staff.h"
#include "web/account_view.h"
#include "web/audit_view.h"
#include "web/domain_answer.h"
#include "web/view.h"

const struct param_spec account_params[AC_COUNT] = {
	[AC_USERNAME] = { "username", "用户名", P_TEXT, 3, 32, 0 },
	[AC_DISPLAY] = { "display_name", "姓名", P_TEXT, 1, 50, 0 },
	[AC_ROLE] = { "role", "角色", P_CODE, 1, 16, 0 },
	[AC_REGION] = { "region", "负责地区", P_REGION, 0, 0, 0 },
	[AC_DISABLED] = { "disabled", "停用", P_INT, 0, 1, 0 },
	[AC_PASSWORD] = { "password", "密码", P_TEXT, 1, 128, 0 },
};

const struct param_spec audit_params[AU_COUNT] = {
	[AU_USER] = { "user", "用户名", P_TEXT, 1, 32, 0 },
	[AU_ACTION] = { "action", "操作", P_CODE, 1, 40, 0 },
	[AU_PAGE] = PARAM_PAGE,
};

int
handle_accounts(struct ctx *c)
{
	struct arena_list	 accounts;
	enum domain_status	 ds;

	hset(c->hdf, "Page.Title", "账号管理");
	if ((ds = account_list(&c->arena, c->user->region, &accounts)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	account_view_rows(c->hdf, "Accounts", &accounts);
	return ctx_render(c, "staff/accounts.cs");
}

/* Checks role and region; marks the fields that are wrong. */
static enum handler_result
check_role_region(struct ctx *c, const char *role, const char *region)
{
	struct arena_list	 path;
	enum domain_status	 ds;

	if (role_bit(role) == 0)
		ctx_field_error(c, "role", "请选择角色");
	if (region[0] != '\0') {
		if (strlen(region) != 4 && strlen(region) != 6) {
			ctx_field_error(c, "region",
			    "负责地区须为市（4 位）或县（6 位）行政区划代码");
			return H_OK;
		}
		ds = region_path(&c->arena, region, &path);
		if (ds != DOMAIN_OK && ds != DOMAIN_NOT_FOUND)
			return H_UNAVAILABLE;
		if (ds == DOMAIN_NOT_FOUND)
			ctx_field_error(c, "region", "没有这个地区代码");
	}
	return H_OK;
}

/* Marks the form when the actor may not make the change (src/authz.c
 * says which changes need which scope); H_OK either way. */
static enum handler_result
check_authority(struct ctx *c, struct account_change *ch)
{
	const char		*why, *field;
	long long		 admins = 0;
	enum domain_status	 st;

	ch->actor = c->user;
	if (account_change_demotes(ch) &&
	    (st = authz_unlimited_admins(&admins)) != DOMAIN_OK)
		return domain_result(st);
	if ((why = account_change_refusal(ch, admins == 1, &field)) != NULL) {
		ctx_field_error(c, field, why);
		c->resp->status = 403;
		audit_write(c->user, NULL, staff_address(c), "refused_account",
		    "staff", ch->target_id, NULL, json_pack("{s:s,s:s}",
		    "role", ch->role, "region_code", ch->region));
	}
	return H_OK;
}

int
handle_account_new(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	const char	*user = ctx_text(c, AC_USERNAME);
	const char	*problem;
	unsigned long long id = 0;
	enum domain_status ds;
	enum handler_result r;
	struct domain_problems problems = { 0 };
	struct audit_by	 by = { .user = c->user,
	    .address = staff_address(c) };

	struct account_change ch = { .role = ctx_text(c, AC_ROLE),
	    .region = ctx_text(c, AC_REGION) };

	hset(c->hdf, "Page.Title", "新建账号");
	hset(c->hdf, "Form.password", "");
	if (c->req->method != M_POST) {
		/* A limited admin makes accounts of its own region or within. */
		hset(c->hdf, "Form.region", c->user->region);
		return ctx_render(c, "staff/account_new.cs");
	}
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (!username_valid(p[AC_USERNAME].s))
		ctx_field_error(c, "username",
		    "用户名须为 3 到 32 个小写字母、数字或 . _ -，以字母开头");
	if ((r = check_role_region(c, ctx_text(c, AC_ROLE),
	    ctx_text(c, AC_REGION))) != H_OK ||
	    (r = check_authority(c, &ch)) != H_OK)
		return r;
	if ((problem = password_problem(p[AC_USERNAME].s, p[AC_PASSWORD].s)) !=
	    NULL)
		ctx_field_error(c, "password", problem);
	if (c->resp->status != 200)
		return ctx_render(c, "staff/account_new.cs");
	ds = account_open(user, ctx_text(c, AC_DISPLAY), ctx_text(c,
	    AC_ROLE), ctx_text(c, AC_REGION), p[AC_PASSWORD].s, &by,
	    &problems, &id);
	if (domain_answer_form(c, ds, &problems))
		return ctx_render(c, "staff/account_new.cs");
	return domain_answer_saved(c, ds, "/staff/accounts/%lld",
	    (long long)id);
}

/* The edit form: password, sign-in and second-factor controls only for
 * an account of wider scope. */
static int
account_edit_form(struct ctx *c, const struct account *a)
{
	hseti(c->hdf, "Account.wider", scope_wider(c->user->region,
	    a->region_code != NULL ? a->region_code : ""));
	hseti(c->hdf, "Account.self", a->id == c->user->id);
	return ctx_render(c, "staff/account_edit.cs");
}

int
handle_account_edit(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	long long	 id = c->req->path_id;
	const char	*problem;
	enum domain_status ds;
	enum handler_result r;
	int		 disabled;
	struct account	 old;
	struct account_change ch;
	struct domain_problems problems = { 0 };
	struct audit_by	 by = { .user = c->user,
	    .address = staff_address(c) };

	if ((ds = account_get(&c->arena, id, &old)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	account_view_put(c->hdf, "Account", &old);
	hset(c->hdf, "Page.Title", "编辑账号");
	if (c->req->method != M_POST) {
		hset(c->hdf, "Form.display_name", old.display_name);
		hset(c->hdf, "Form.role", old.role);
		hset(c->hdf, "Form.region", old.region_code);
		hseti(c->hdf, "Form.disabled", old.disabled);
		return account_edit_form(c, &old);
	}
	hset(c->hdf, "Form.password", "");
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if ((r = check_role_region(c, ctx_text(c, AC_ROLE),
	    ctx_text(c, AC_REGION))) != H_OK)
		return r;
	disabled = p[AC_DISABLED].present && p[AC_DISABLED].n == 1;
	ch = (struct account_change){ .target_id = id,
	    .role_now = old.role, .region_now = old.region_code,
	    .disabled_now = old.disabled,
	    .role = ctx_text(c, AC_ROLE), .region = ctx_text(c, AC_REGION),
	    .disabled = disabled, .password = p[AC_PASSWORD].present };
	if ((r = check_authority(c, &ch)) != H_OK)
		return r;
	if (p[AC_PASSWORD].present && (problem = password_problem(
	    old.username, p[AC_PASSWORD].s)) != NULL)
		ctx_field_error(c, "password", problem);
	if (c->resp->status != 200)
		return account_edit_form(c, &old);
	ds = account_amend(&ch, &old, ctx_text(c, AC_DISPLAY),
	    p[AC_PASSWORD].s, &by, &problems);
	if (domain_answer_form(c, ds, &problems))
		return account_edit_form(c, &old);
	return domain_answer_saved(c, ds, "/staff/accounts/%lld", id);
}

int
handle_audit(struct ctx *c)
{
	const char	*user = ctx_text(c, AU_USER);
	const char	*action = ctx_text(c, AU_ACTION);
	long		 page = c->req->param[AU_PAGE].present ?
	    (long)c->req->param[AU_PAGE].n : 1;
	long long	 total;
	struct arena_list entries;
	enum domain_status ds;

	hset(c->hdf, "Page.Title", "操作日志");
	/* The form comes back with its filters and the reason, no rows. */
	if (c->req->param_errors > 0) {
		c->resp->status = 400;
		ctx_query_string(c, "Query.all", "page");
		return ctx_render(c, "staff/audit.cs");
	}
	if ((ds = audit_list(&c->arena, user, action, c->user->region, page,
	    &entries, &total)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	audit_view_rows(c->hdf, "Audit", &entries);
	ctx_paging(c, page, total, AUDIT_PAGE_SIZE);
	ctx_query_string(c, "Query.all", "page");
	return ctx_render(c, "staff/audit.cs");
}
