/* Account management and the audit log, for admins. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "domain/account.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "base/password.h"
#include "domain/region.h"
#include "domain/session.h"
#include "staff.h"
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
	[AU_PAGE] = { "page", "页码", P_INT, 1, 1000000, 0 },
};

#define AUDIT_PAGE_SIZE	50

/* A limited admin reads the entries of accounts within its region. */
#define AUDIT_REGION	"(? = '' OR region_code LIKE CONCAT(?, '%'))"

static struct db_stmt audit_page = DB_READ(
    "SELECT id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at, username, "
    "address, action, object_type, object_id, before_json, after_json "
    "FROM audit_log WHERE username = COALESCE(?, username) "
    "AND action = COALESCE(?, action) AND " AUDIT_REGION " "
    "ORDER BY id DESC LIMIT ? OFFSET ?");

static struct db_stmt audit_count = DB_READ(
    "SELECT COUNT(*) FROM audit_log WHERE username = COALESCE(?, username) "
    "AND action = COALESCE(?, action) AND " AUDIT_REGION);

int
handle_accounts(struct ctx *c)
{
	enum handler_result	 r;
	long			 n;

	hset(c->hdf, "Page.Title", "账号管理");
	if ((r = db_result(account_list(c->hdf, c->user->region,
	    "Accounts", &n))) != H_OK)
		return r;
	return ctx_render(c, "staff/accounts.cs");
}

/* Checks role and region; marks the fields that are wrong. */
static enum handler_result
check_role_region(struct ctx *c, const char *role, const char *region)
{
	long	 n;

	if (role_bit(role) == 0)
		ctx_field_error(c, "role", "请选择角色");
	if (region[0] != '\0') {
		if (strlen(region) != 4 && strlen(region) != 6) {
			ctx_field_error(c, "region",
			    "负责地区须为市（4 位）或县（6 位）行政区划代码");
			return H_OK;
		}
		if (region_path(c->hdf, region, "RegionCheck", &n) != DB_OK)
			return H_UNAVAILABLE;
		if (n == 0)
			ctx_field_error(c, "region", "没有这个地区代码");
	}
	return H_OK;
}

/* Marks the form when the actor may not make the change (src/authz.c
 * says which changes need which scope); H_OK either way. */
static enum handler_result
check_authority(struct ctx *c, struct account_change *ch)
{
	const char	*why, *field;
	long long	 admins = 0;
	enum db_status	 st;

	ch->actor = c->user;
	if (account_change_demotes(ch) &&
	    (st = authz_unlimited_admins(&admins)) != DB_OK)
		return db_result(st);
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
	const char	*user = staff_text(c, AC_USERNAME);
	char		 hash[crypto_pwhash_STRBYTES], path[64];
	const char	*problem;
	unsigned long long id;
	enum db_status	 st;
	enum handler_result r;

	struct account_change ch = { .role = staff_text(c, AC_ROLE),
	    .region = staff_text(c, AC_REGION) };

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
	if ((r = check_role_region(c, staff_text(c, AC_ROLE),
	    staff_text(c, AC_REGION))) != H_OK ||
	    (r = check_authority(c, &ch)) != H_OK)
		return r;
	if ((problem = password_problem(p[AC_USERNAME].s, p[AC_PASSWORD].s)) !=
	    NULL)
		ctx_field_error(c, "password", problem);
	if (c->resp->status != 200)
		return ctx_render(c, "staff/account_new.cs");
	if (password_hash(hash, p[AC_PASSWORD].s) == -1)
		return H_ERROR;
	st = account_create(user, staff_text(c, AC_DISPLAY),
	    staff_text(c, AC_ROLE), staff_text(c, AC_REGION), hash, &id);
	if (st == DB_DUPLICATE) {
		ctx_field_error(c, "username", "这个用户名已经有人用了");
		return ctx_render(c, "staff/account_new.cs");
	}
	if (st != DB_OK)
		return db_result(st);
	audit_write(c->user, NULL, staff_address(c), "account_create", "staff",
	    (long long)id, NULL, json_pack("{s:s,s:s,s:s,s:s}", "username",
	    user, "display_name", staff_text(c, AC_DISPLAY), "role",
	    staff_text(c, AC_ROLE), "region_code", staff_text(c, AC_REGION)));
	snprintf(path, sizeof(path), "/staff/accounts/%llu", id);
	return staff_redirect(c, path);
}

/* The edit form: password, sign-in and second-factor controls only for
 * an account of wider scope. */
static int
account_edit_form(struct ctx *c)
{
	hseti(c->hdf, "Account.wider", scope_wider(c->user->region,
	    hdf_get_value(c->hdf, "Account.region_code", "")));
	hseti(c->hdf, "Account.self", hdf_get_int_value(c->hdf, "Account.id",
	    0) == c->user->id);
	return ctx_render(c, "staff/account_edit.cs");
}

int
handle_account_edit(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	long long	 id = c->req->path_id;
	char		 hash[crypto_pwhash_STRBYTES];
	const char	*problem;
	json_t		*before;
	enum db_status	 st;
	enum handler_result r;
	int		 found, disabled;
	long long	 admins;
	struct account_change ch;

	if ((st = account_get(c->hdf, id, "Account", &found)) != DB_OK)
		return db_result(st);
	if (!found)
		return H_NOT_FOUND;
	hset(c->hdf, "Page.Title", "编辑账号");
	if (c->req->method != M_POST) {
		hset(c->hdf, "Form.display_name", hdf_get_value(c->hdf,
		    "Account.display_name", ""));
		hset(c->hdf, "Form.role", hdf_get_value(c->hdf, "Account.role",
		    ""));
		hset(c->hdf, "Form.region", hdf_get_value(c->hdf,
		    "Account.region_code", ""));
		hset(c->hdf, "Form.disabled", hdf_get_value(c->hdf,
		    "Account.disabled", "0"));
		return account_edit_form(c);
	}
	hset(c->hdf, "Form.password", "");
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if ((r = check_role_region(c, staff_text(c, AC_ROLE),
	    staff_text(c, AC_REGION))) != H_OK)
		return r;
	disabled = p[AC_DISABLED].present && p[AC_DISABLED].n == 1;
	ch = (struct account_change){ .target_id = id,
	    .role_now = hdf_get_value(c->hdf, "Account.role", ""),
	    .region_now = hdf_get_value(c->hdf, "Account.region_code", ""),
	    .disabled_now = hdf_get_int_value(c->hdf, "Account.disabled", 0),
	    .role = staff_text(c, AC_ROLE), .region = staff_text(c, AC_REGION),
	    .disabled = disabled, .password = p[AC_PASSWORD].present };
	if ((r = check_authority(c, &ch)) != H_OK)
		return r;
	if (p[AC_PASSWORD].present && (problem = password_problem(
	    hdf_get_value(c->hdf, "Account.username", ""), p[AC_PASSWORD].s)) !=
	    NULL)
		ctx_field_error(c, "password", problem);
	if (c->resp->status != 200)
		return account_edit_form(c);
	before = account_json(hdf_get_obj(c->hdf, "Account"));
	if ((st = db_begin()) != DB_OK) {
		json_decref(before);
		return db_result(st);
	}
	/* Counted again under lock: two admins demoting each other at once
	 * must not both succeed. */
	if (account_change_demotes(&ch) && (st = authz_unlimited_admins(
	    &admins)) == DB_OK && admins <= 1) {
		db_rollback();
		json_decref(before);
		ctx_field_error(c, "role", "这是唯一在用的全国管理员账号，"
		    "不能停用、降级或限定地区");
		c->resp->status = 403;
		return account_edit_form(c);
	}
	if (st == DB_OK)
		st = account_update(id, staff_text(c, AC_DISPLAY),
		    staff_text(c, AC_ROLE), staff_text(c, AC_REGION),
		    disabled);
	if (st == DB_OK && p[AC_PASSWORD].present) {
		if (password_hash(hash, p[AC_PASSWORD].s) == -1)
			st = DB_ERROR;
		else
			st = account_set_password(id, hash);
	}
	/* A reset password, a disabled account or new authority ends its
	 * sessions: the next sign-in meets the rules of the new role. */
	if (st == DB_OK && (disabled || p[AC_PASSWORD].present ||
	    strcmp(ch.role, ch.role_now) != 0 ||
	    strcmp(ch.region, ch.region_now) != 0))
		st = session_end_all(id);
	if (st == DB_OK)
		st = audit_write(c->user, NULL, staff_address(c),
		    p[AC_PASSWORD].present ? "account_update_password" :
		    "account_update", "staff", id, before,
		    json_pack("{s:s,s:s,s:s,s:s,s:s}", "username",
		    hdf_get_value(c->hdf, "Account.username", ""),
		    "display_name", staff_text(c, AC_DISPLAY), "role",
		    staff_text(c, AC_ROLE), "region_code",
		    staff_text(c, AC_REGION), "disabled", disabled ? "1" : "0"));
	else
		json_decref(before);
	return staff_saved(c, st, "/staff/accounts/%lld", id);
}

int
handle_audit(struct ctx *c)
{
	const char	*user = staff_text(c, AU_USER);
	const char	*action = staff_text(c, AU_ACTION);
	long		 page = c->req->param[AU_PAGE].present ?
	    (long)c->req->param[AU_PAGE].n : 1;
	struct db_arg	 a[6];
	long long	 total;
	long		 n;
	enum db_status	 st;

	hset(c->hdf, "Page.Title", "操作日志");
	a[0] = user[0] ? DB_TEXT(user) : DB_NULLARG;
	a[1] = action[0] ? DB_TEXT(action) : DB_NULLARG;
	a[2] = DB_TEXT(c->user->region);
	a[3] = DB_TEXT(c->user->region);
	a[4] = DB_INT(AUDIT_PAGE_SIZE);
	a[5] = DB_INT((long long)(page - 1) * AUDIT_PAGE_SIZE);
	if ((st = db_query_int(&audit_count, a, 4, &total)) != DB_OK ||
	    (st = db_query(&audit_page, a, 6, c->hdf, "Audit", &n)) != DB_OK)
		return db_result(st);
	ctx_paging(c, page, total, AUDIT_PAGE_SIZE);
	ctx_query_string(c, "Query.all", "page");
	return ctx_render(c, "staff/audit.cs");
}
