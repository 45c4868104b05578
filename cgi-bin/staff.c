/* The staff back office: sign-in, sessions, roles, CSRF, and the routes
 * of every staff page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "account.h"
#include "audit.h"
#include "config.h"
#include "password.h"
#include "session.h"
#include "staff.h"
#include "throttle.h"
#include "view.h"

/* A valid Argon2id hash of a random password, checked when the username
 * is unknown so both failures take the same time. */
static char	 dummy_hash[crypto_pwhash_STRBYTES];

static struct staff_user	 current_user;

enum handler_result
staff_from_db(enum db_status st)
{
	return st == DB_OK ? H_OK : st == DB_DOWN ? H_UNAVAILABLE : H_ERROR;
}

int
staff_in_region(const struct ctx *c, const char *code)
{
	const char	*mine = c->user->region;

	if (mine[0] == '\0')
		return 1;
	return code != NULL && strncmp(code, mine, strlen(mine)) == 0;
}

const char *
staff_address(const struct ctx *c)
{
	return c->req->remote_addr;
}

const char *
staff_text(const struct ctx *c, size_t i)
{
	const struct param_value *p = &c->req->param[i];

	return p->present && p->valid ? p->s : "";
}

int
staff_redirect(struct ctx *c, const char *path)
{
	buf_reset(&c->resp->body);
	response_redirect(c->resp, path);
	return H_OK;
}

int
staff_saved(struct ctx *c, enum db_status st, const char *fmt, long long id)
{
	char	 path[128];

	if ((st = db_finish(st)) != DB_OK)
		return staff_from_db(st);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(path, sizeof(path), fmt, id);
#pragma GCC diagnostic pop
	return staff_redirect(c, path);
}

static const char *
cookie_name(const struct ctx *c)
{
	/* __Host- binds the cookie to this exact host over HTTPS. */
	return c->cfg->tls ? "__Host-jdxx_staff" : "jdxx_staff";
}

static void
set_cookie(struct ctx *c, const char *value, int max_age)
{
	response_header(c->resp, "Set-Cookie",
	    "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d%s",
	    cookie_name(c), value, max_age, c->cfg->tls ? "; Secure" : "");
}

/* Where to go after signing in: only our own staff pages. */
static int
next_valid(const char *next)
{
	size_t	 i;

	if (strncmp(next, "/staff/", 7) != 0 || strstr(next, "//") != NULL ||
	    strlen(next) > 200)
		return 0;
	for (i = 0; next[i] != '\0'; i++)
		if (!((next[i] >= 'a' && next[i] <= 'z') ||
		    (next[i] >= 'A' && next[i] <= 'Z') ||
		    (next[i] >= '0' && next[i] <= '9') ||
		    strchr("/_-.?=&%", next[i]) != NULL))
			return 0;
	return 1;
}

static void
user_to_hdf(struct ctx *c)
{
	hset(c->hdf, "Staff.username", c->user->username);
	hset(c->hdf, "Staff.display_name", c->user->display_name[0] ?
	    c->user->display_name : c->user->username);
	hset(c->hdf, "Staff.role", c->user->role_name);
	hset(c->hdf, "Staff.region", c->user->region);
	hset(c->hdf, "Staff.csrf", c->user->csrf);
	hseti(c->hdf, "Staff.is_admin", c->user->role == ROLE_ADMIN);
	hseti(c->hdf, "Staff.can_notices",
	    (c->user->role & (ROLE_ADMIN | ROLE_EDITOR)) != 0);
	hseti(c->hdf, "Staff.can_records",
	    (c->user->role & (ROLE_ADMIN | ROLE_RECORDS)) != 0);
	hseti(c->hdf, "Staff.can_complaints",
	    (c->user->role & (ROLE_ADMIN | ROLE_HANDLER)) != 0);
}

const char *
staff_part_text(const struct ctx *c, const char *name, char *out, size_t len)
{
	const struct multipart_part	*p;

	p = multipart_get(&c->req->parts, name);
	out[0] = '\0';
	if (p != NULL && p->filename == NULL && p->len < len) {
		memcpy(out, p->data, p->len);
		out[p->len] = '\0';
	}
	return out;
}

/* The CSRF token sent with a form, urlencoded or multipart. */
static const char *
sent_csrf(const struct ctx *c)
{
	const struct kv	*kv;
	static char	 buf[SESSION_TOKEN_LEN + 1];

	if ((kv = kvlist_get(&c->req->body, "csrf")) != NULL)
		return kv->val;
	return staff_part_text(c, "csrf", buf, sizeof(buf));
}

/* Session, role and CSRF checks before any staff handler runs. */
static int
staff_before(struct ctx *c)
{
	const struct kv	*cookie;
	enum db_status	 st;
	char		 next[256];
	int		 found = 0;

	hset(c->hdf, "Page.Staff", "1");
	cookie = kvlist_get(&c->req->cookies, cookie_name(c));
	if (cookie != NULL) {
		st = session_load(cookie->val, &current_user, &found);
		if (st != DB_OK)
			return staff_from_db(st);
		if (found) {
			c->user = &current_user;
			user_to_hdf(c);
		}
	}
	if (c->route->roles == 0)
		return H_OK;
	if (c->user == NULL) {
		if (c->req->method == M_POST) {
			ctx_error_page(c, 403, "您尚未登录，或登录已过期。"
			    "请重新登录后再提交。");
			return 403;
		}
		snprintf(next, sizeof(next), "/staff/login?next=%s",
		    c->req->path);
		response_redirect(c->resp, next_valid(c->req->path) ? next :
		    "/staff/login");
		return 303;
	}
	if (!(c->user->role & c->route->roles) && c->user->role != ROLE_ADMIN)
		return H_FORBIDDEN;
	if (c->req->method == M_POST &&
	    !token_equal(sent_csrf(c), c->user->csrf)) {
		ctx_error_page(c, 403, "表单已过期或来源不明，没有保存任何内容。"
		    "请返回、刷新页面后再提交。");
		return 403;
	}
	return H_OK;
}

enum { LG_USERNAME, LG_PASSWORD, LG_NEXT, LG_COUNT };

static const struct param_spec login_params[LG_COUNT] = {
	[LG_USERNAME] = { "username", "用户名", P_TEXT, 1, 32, 0 },
	[LG_PASSWORD] = { "password", "密码", P_TEXT, 1, 128, 0 },
	[LG_NEXT] = { "next", "返回地址", P_TEXT, 1, 200, 0 },
};

static int
login_form(struct ctx *c, int status, const char *message)
{
	c->resp->status = status;
	if (message != NULL)
		hset(c->hdf, "Login.message", message);
	/* The password is never sent back. */
	hset(c->hdf, "Form.password", "");
	hset(c->hdf, "Page.Title", "工作人员登录");
	return ctx_render(c, "staff/login.cs");
}

static int
handle_login(struct ctx *c)
{
	const char	*user = staff_text(c, LG_USERNAME);
	const char	*pass = c->req->param[LG_PASSWORD].s;
	const char	*next = staff_text(c, LG_NEXT);
	const char	*addr = staff_address(c);
	char		 token[SESSION_TOKEN_LEN + 1], msg[160];
	long long	 wait_user = 0, wait_addr = 0, id;
	enum db_status	 st;
	int		 found = 0, good;

	if (!next_valid(next))
		next = "/staff/";
	hset(c->hdf, "Form.next", next);
	if (c->req->method != M_POST)
		return login_form(c, 200, NULL);
	if (!c->req->param[LG_USERNAME].present || !c->req->param[LG_PASSWORD].present)
		return login_form(c, 400, "请填写用户名和密码。");
	if (c->req->param_errors > 0)
		return login_form(c, 400, "用户名或密码不正确。");
	if ((st = throttle_wait("account", user, &wait_user)) != DB_OK ||
	    (st = throttle_wait("address", addr, &wait_addr)) != DB_OK)
		return staff_from_db(st);
	if (wait_user > 0 || wait_addr > 0) {
		snprintf(msg, sizeof(msg), "登录失败次数过多，请在 %lld 秒后再试。",
		    wait_user > wait_addr ? wait_user : wait_addr);
		response_header(c->resp, "Retry-After", "%lld",
		    wait_user > wait_addr ? wait_user : wait_addr);
		return login_form(c, 429, msg);
	}
	if ((st = account_by_username(c->hdf, user, "Account", &found)) !=
	    DB_OK)
		return staff_from_db(st);
	good = password_verify(found ? hdf_get_value(c->hdf,
	    "Account.password_hash", dummy_hash) : dummy_hash, pass) &&
	    found && hdf_get_int_value(c->hdf, "Account.disabled", 1) == 0;
	nerr_ignore_ok(hdf_remove_tree(c->hdf, "Account.password_hash"));
	if (!good) {
		if ((st = throttle_fail("account", user)) != DB_OK ||
		    (st = throttle_fail("address", addr)) != DB_OK)
			return staff_from_db(st);
		audit_write(NULL, user, addr, "login_failed", "staff", 0, NULL,
		    NULL);
		return login_form(c, 401, "用户名或密码不正确。");
	}
	id = hdf_get_int_value(c->hdf, "Account.id", 0);
	throttle_clear("account", user);
	/* A fresh token at every sign-in: no session fixation. */
	if ((st = session_create(id, addr, token)) != DB_OK)
		return staff_from_db(st);
	audit_write(NULL, user, addr, "login", "staff", id, NULL, NULL);
	set_cookie(c, token, SESSION_LIFETIME_SEC);
	sodium_memzero(token, sizeof(token));
	return staff_redirect(c, next);
}

static int
handle_logout(struct ctx *c)
{
	enum db_status	 st;

	if ((st = session_end(c->user->token)) != DB_OK)
		return staff_from_db(st);
	audit_write(c->user, NULL, staff_address(c), "logout", "staff",
	    c->user->id, NULL, NULL);
	set_cookie(c, "", 0);
	return staff_redirect(c, "/staff/login");
}

static int
handle_dashboard(struct ctx *c)
{
	long long	 overdue;
	enum db_status	 st;

	hset(c->hdf, "Page.Title", "工作台");
	if (c->user->role & (ROLE_ADMIN | ROLE_HANDLER)) {
		if ((st = complaints_overdue(c->user->region, &overdue)) !=
		    DB_OK)
			return staff_from_db(st);
		hseti(c->hdf, "Overdue", overdue);
	}
	return ctx_render(c, "staff/dashboard.cs");
}

enum { PW_CURRENT, PW_NEW, PW_CONFIRM, PW_COUNT };

static const struct param_spec password_params[PW_COUNT] = {
	[PW_CURRENT] = { "current", "当前密码", P_TEXT, 1, 128, P_REQUIRED },
	[PW_NEW] = { "new", "新密码", P_TEXT, 1, 128, P_REQUIRED },
	[PW_CONFIRM] = { "confirm", "确认新密码", P_TEXT, 1, 128, P_REQUIRED },
};

static int
handle_password(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	char		 hash[crypto_pwhash_STRBYTES];
	char		 token[SESSION_TOKEN_LEN + 1];
	const char	*problem;
	enum db_status	 st;
	int		 found;

	hset(c->hdf, "Page.Title", "修改密码");
	if (c->req->method == M_POST && c->req->param_errors == 0) {
		st = account_by_username(c->hdf, c->user->username, "Me",
		    &found);
		if (st != DB_OK)
			return staff_from_db(st);
		if (!found || !password_verify(hdf_get_value(c->hdf,
		    "Me.password_hash", dummy_hash), p[PW_CURRENT].s))
			ctx_field_error(c, "current", "当前密码不正确");
		else if ((problem = password_problem(c->user->username,
		    p[PW_NEW].s)) != NULL)
			ctx_field_error(c, "new", problem);
		else if (strcmp(p[PW_NEW].s, p[PW_CONFIRM].s) != 0)
			ctx_field_error(c, "confirm", "两次输入的新密码不一致");
		nerr_ignore_ok(hdf_remove_tree(c->hdf, "Me"));
		if (c->resp->status == 200) {
			if (password_hash(hash, p[PW_NEW].s) == -1)
				return H_ERROR;
			if ((st = account_set_password(c->user->id, hash)) !=
			    DB_OK || (st = session_end_all(c->user->id)) !=
			    DB_OK || (st = session_create(c->user->id,
			    staff_address(c), token)) != DB_OK)
				return staff_from_db(st);
			audit_write(c->user, NULL, staff_address(c),
			    "password_change", "staff", c->user->id, NULL, NULL);
			set_cookie(c, token, SESSION_LIFETIME_SEC);
			return staff_redirect(c, "/staff/?done=password");
		}
	} else if (c->req->method == M_POST)
		c->resp->status = 400;
	/* Passwords are never put back into the form. */
	hset(c->hdf, "Form.current", "");
	hset(c->hdf, "Form.new", "");
	hset(c->hdf, "Form.confirm", "");
	return ctx_render(c, "staff/password.cs");
}

#define GET	(M_GET | M_HEAD)
#define FORM	(M_GET | M_HEAD | M_POST)
#define EDITORS	(ROLE_ADMIN | ROLE_EDITOR)
#define HANDLERS (ROLE_ADMIN | ROLE_HANDLER)
#define RECORDS	(ROLE_ADMIN | ROLE_RECORDS)

static const struct route routes[] = {
	{ "/staff/login", FORM, handle_login, login_params, LG_COUNT,
	    ROUTE_FORM, 0 },
	{ "/staff/logout", M_POST, handle_logout, NOPARAMS, 0, ROLE_ANY },
	{ "/staff/", GET, handle_dashboard, NOPARAMS, 0, ROLE_ANY },
	{ "/staff/password", FORM, handle_password, password_params, PW_COUNT,
	    ROUTE_FORM, ROLE_ANY },
	{ "/staff/accounts", GET, handle_accounts, NOPARAMS, 0, ROLE_ADMIN },
	{ "/staff/accounts/new", FORM, handle_account_new, account_params,
	    AC_COUNT, ROUTE_FORM, ROLE_ADMIN },
	{ "/staff/accounts/{id}", FORM, handle_account_edit, account_params,
	    AC_COUNT, ROUTE_FORM, ROLE_ADMIN },
	{ "/staff/audit", GET, handle_audit, audit_params, AU_COUNT, 0,
	    ROLE_ADMIN },
	{ "/staff/complaints", GET, handle_complaint_queue, queue_params,
	    QU_COUNT, ROUTE_FORM, HANDLERS },
	{ "/staff/complaints/{id}", GET, handle_complaint_view, NOPARAMS, 0,
	    HANDLERS },
	{ "/staff/complaints/{id}", M_POST, handle_complaint_act, handle_params,
	    HA_COUNT, ROUTE_FORM, HANDLERS },
	{ "/staff/outlets", GET, handle_staff_outlets, staff_outlet_list_params,
	    SL_COUNT, ROUTE_FORM, RECORDS },
	{ "/staff/outlets/new", FORM, handle_outlet_new, outlet_edit_params,
	    OE_COUNT, ROUTE_FORM, RECORDS },
	{ "/staff/outlets/{id}", FORM, handle_outlet_edit, outlet_edit_params,
	    OE_COUNT, ROUTE_FORM, RECORDS },
	{ "/staff/outlets/{id}/status", M_POST, handle_outlet_status,
	    outlet_status_params, OS_COUNT, ROUTE_FORM, RECORDS },
	{ "/staff/enterprises", GET, handle_staff_enterprises, NOPARAMS, 0,
	    RECORDS },
	{ "/staff/enterprises/new", FORM, handle_enterprise_edit,
	    enterprise_params, EN_COUNT, ROUTE_FORM, RECORDS },
	{ "/staff/enterprises/{id}", FORM, handle_enterprise_edit,
	    enterprise_params, EN_COUNT, ROUTE_FORM, RECORDS },
	{ "/staff/notices", GET, handle_staff_notices, NOPARAMS, 0, EDITORS },
	{ "/staff/notices/new", FORM, handle_notice_new, notice_edit_params,
	    NE_COUNT, ROUTE_FORM, EDITORS },
	{ "/staff/notices/{id}", FORM, handle_notice_edit, notice_edit_params,
	    NE_COUNT, ROUTE_FORM, EDITORS },
	{ "/staff/notices/{id}/status", M_POST, handle_notice_status,
	    notice_status_params, NS_COUNT, 0, EDITORS },
	{ "/staff/notices/{id}/attachments", M_POST, handle_attachment_upload,
	    NOPARAMS, ROUTE_MULTIPART, EDITORS },
	{ "/staff/attachments/{id}/delete", M_POST, handle_attachment_delete,
	    NOPARAMS, 0, EDITORS },
	{ "/staff/apikeys", FORM, handle_apikeys, apikey_params, AK_COUNT,
	    ROUTE_FORM, ROLE_ADMIN },
	{ "/staff/apikeys/{id}/revoke", M_POST, handle_apikey_revoke,
	    NOPARAMS, 0, ROLE_ADMIN },
	{ "/staff/products", GET, handle_staff_products,
	    staff_product_list_params, SP_COUNT, ROUTE_FORM,
	    ROLE_ADMIN | ROLE_RECORDS },
	{ "/staff/products/new", FORM, handle_product_new, product_edit_params,
	    PE_COUNT, ROUTE_FORM, ROLE_ADMIN | ROLE_RECORDS },
	{ "/staff/products/{id}", FORM, handle_product_edit,
	    product_edit_params, PE_COUNT, ROUTE_FORM,
	    ROLE_ADMIN | ROLE_RECORDS },
	{ "/staff/caps", GET, handle_staff_caps, NOPARAMS, 0,
	    ROLE_ADMIN | ROLE_RECORDS },
	{ "/staff/caps", M_POST, handle_caps_change, caps_change_params,
	    CC_COUNT, ROUTE_FORM, ROLE_ADMIN },
	{ "/staff/caps/{id}/withdraw", M_POST, handle_cap_withdraw,
	    caps_withdraw_params, CW_COUNT, ROUTE_FORM, ROLE_ADMIN },
	{ "/staff/rates/{id}/withdraw", M_POST, handle_rate_withdraw,
	    caps_withdraw_params, CW_COUNT, ROUTE_FORM, ROLE_ADMIN },
	{ "/staff/categories", M_POST, handle_category_add,
	    category_add_params, CG_COUNT, ROUTE_FORM, ROLE_ADMIN },
	{ "/staff/reports/weekly", GET, handle_weekly, weekly_params, WK_COUNT,
	    ROUTE_FORM, ROLE_ADMIN | ROLE_HANDLER | ROLE_RECORDS },
	{ "/staff/outlets/import", FORM, handle_outlet_import, NOPARAMS,
	    ROUTE_MULTIPART, RECORDS },
	{ "/staff/outlets/export.csv", GET, handle_outlet_export,
	    outlet_export_params, OX_COUNT, 0, RECORDS },
	{ "/staff/products/import", FORM, handle_product_import, NOPARAMS,
	    ROUTE_MULTIPART, RECORDS },
	{ "/staff/products/export.csv", GET, handle_product_export, NOPARAMS,
	    0, RECORDS },
	{ "/staff/imports/{id}", GET, handle_import_job, NOPARAMS, 0, RECORDS },
};

/* Notice bodies run long; uploads up to 8 MB. */
static const struct request_limits staff_limits = {
	1024 * 1024, 512 * 1024, 9 * 1024 * 1024
};

static const struct app staff_app = {
	"staff", routes, sizeof(routes) / sizeof(routes[0]), staff_before,
	&staff_limits, 1, NULL
};

int
main(int argc, char **argv)
{
	char	 pw[PASSWORD_RANDOM_LEN + 1];

	if (sodium_init() < 0)
		return 1;
	password_random(pw, sizeof(pw));
	if (password_hash(dummy_hash, pw) == -1)
		return 1;
	return app_main(argc, argv, &staff_app);
}
