/* The staff back office: sign-in, sessions, roles, CSRF, and the routes
 * of every staff page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/complaint_escalation.h"
#include "domain/complaint_handling.h"
#include "web/config.h"
#include "domain/session.h"
#include "staff.h"
#include "domain/totp.h"
#include "web/domain_answer.h"
#include "web/view.h"

static struct staff_user	 current_user;

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

/* Sends a signed-out browser to the sign-in page (a form post is
 * refused: what it carried cannot follow). */
static int
sign_in_first(struct ctx *c)
{
	char	 next[256];

	if (c->req->method == M_POST) {
		ctx_error_page(c, 403, "您尚未登录，或登录已过期。"
		    "请重新登录后再提交。");
		return 403;
	}
	snprintf(next, sizeof(next), "/staff/login?next=%s", c->req->path);
	response_redirect(c->resp, staff_next_valid(c->req->path) ? next :
	    "/staff/login");
	return 303;
}

/* A session with its second factor still due reaches only the pages
 * that complete it. */
static int
stage_allows(const struct ctx *c)
{
	switch (c->user->stage) {
	case STAGE_FULL:
		return !(c->route->flags & ROUTE_OTP);
	case STAGE_OTP:
		return (c->route->flags & (ROUTE_OTP | ROUTE_ANY_STAGE)) != 0;
	case STAGE_ENROL:
		return (c->route->flags & (ROUTE_ENROL | ROUTE_ANY_STAGE)) != 0;
	}
	return 0;
}

/* Records a refusal, then answers it: 404 when the account may not
 * learn that the object exists, else 403 saying why. */
static int
refuse(struct ctx *c, enum authz_verdict v, int found)
{
	static const char *const actions[] = {
		[AUTHZ_NO_ROLE] = "refused_role",
		[AUTHZ_NOT_FOUND] = "refused_read",
		[AUTHZ_OUTSIDE] = "refused_write",
	};
	enum authz_object obj = ACCESS_OBJECT(c->route->roles);

	if (v != AUTHZ_NOT_FOUND || found)
		audit_write(c->user, NULL, staff_address(c), actions[v],
		    authz_object_name(obj), c->req->path_id, NULL,
		    json_pack("{s:s,s:s}", "method", c->req->method_name,
		    "path", c->req->path));
	if (v == AUTHZ_NOT_FOUND)
		return H_NOT_FOUND;
	ctx_error_page(c, 403, v == AUTHZ_NO_ROLE ?
	    "您的账号没有这项操作的权限。" : obj == OBJ_NATIONAL ?
	    "这是全国统一的记录，只能由不限地区的账号登记、修改和导出。" :
	    "这条记录不在您的账号负责的地区内，不能修改。");
	return 403;
}

/* Session, stage, role, CSRF, then the object's region: every check
 * before any staff handler reads or writes anything. */
static int
staff_before(struct ctx *c)
{
	const char	*token = staff_session_cookie(c);
	unsigned	 access = c->route->roles;
	enum authz_verdict v;
	enum domain_status	 st;
	char			 region[16];
	int			 found = 0, write = c->req->method == M_POST;

	hset(c->hdf, "Page.Staff", "1");
	if (token[0] != '\0') {
		if ((st = session_load(token, &current_user, &found)) !=
		    DOMAIN_OK)
			return domain_result(st);
		if (found) {
			c->user = &current_user;
			/* A role that came to need a second factor after its
			 * sign-in sets one up before anything else. */
			if (current_user.stage == STAGE_FULL &&
			    !current_user.totp_enabled &&
			    (c->cfg->second_factor_roles & current_user.role))
				current_user.stage = STAGE_ENROL;
			staff_user_to_hdf(c);
		}
	}
	if (ACCESS_ROLES(access) == 0)
		return H_OK;
	if (c->user == NULL)
		return sign_in_first(c);
	if (!stage_allows(c)) {
		response_redirect(c->resp, c->user->stage == STAGE_OTP ?
		    "/staff/login/otp" : c->user->stage == STAGE_ENROL ?
		    "/staff/totp" : "/staff/");
		return 303;
	}
	if (!authz_role_allows(c->user, access))
		return refuse(c, AUTHZ_NO_ROLE, 1);
	v = AUTHZ_ALLOW;
	found = 0;
	if (c->req->path_id > 0 && (st = authz_object_region(
	    ACCESS_OBJECT(access), c->req->path_id, region, &found)) !=
	    DOMAIN_OK)
		return domain_result(st);
	if (ACCESS_OBJECT(access) == OBJ_NATIONAL || c->req->path_id > 0)
		v = authz_decide(c->user, access, write, found, region);
	if (v != AUTHZ_ALLOW)
		return refuse(c, v, found);
	if (write && !token_equal(sent_csrf(c), c->user->csrf)) {
		ctx_error_page(c, 403, "表单已过期或来源不明，没有保存任何内容。"
		    "请返回、刷新页面后再提交。");
		return 403;
	}
	return H_OK;
}

static int
handle_dashboard(struct ctx *c)
{
	long long		 overdue, escalated;
	enum domain_status	 st;

	hset(c->hdf, "Page.Title", "工作台");
	if (c->user->role & (ROLE_ADMIN | ROLE_HANDLER)) {
		if ((st = complaints_overdue(c->user->region, &overdue)) !=
		    DOMAIN_OK)
			return domain_result(st);
		hseti(c->hdf, "Overdue", overdue);
	}
	if ((c->user->role & (ROLE_ADMIN | ROLE_HANDLER)) &&
	    complaint_escalation_supervises(c->user->region)) {
		if ((st = complaints_escalated(c->user->region, &escalated)) !=
		    DOMAIN_OK)
			return domain_result(st);
		hseti(c->hdf, "Escalated", escalated);
	}
	return ctx_render(c, "staff/dashboard.cs");
}

#define GET	(M_GET | M_HEAD)
#define FORM	(M_GET | M_HEAD | M_POST)
#define EDITORS	(ROLE_ADMIN | ROLE_EDITOR)
#define HANDLERS (ROLE_ADMIN | ROLE_HANDLER)
#define RECORDS	(ROLE_ADMIN | ROLE_RECORDS)
#define ADMINS	ROLE_ADMIN

/* The staff routes and their authority: the last column names the roles
 * a route admits and the object its {id} names, whose region is checked
 * against the account's before the handler runs (src/authz.h). Lists
 * without an object filter by the account's region themselves. */
static const struct route routes[] = {
	{ "/staff/login", FORM, handle_login, login_params, LOGIN_PARAM_COUNT,
	    ROUTE_FORM, 0 },
	{ "/staff/login/otp", FORM, handle_login_otp, otp_params,
	    OTP_PARAM_COUNT, ROUTE_FORM | ROUTE_OTP, ROLE_ANY },
	{ "/staff/logout", M_POST, handle_logout, NOPARAMS, ROUTE_ANY_STAGE,
	    ROLE_ANY },
	{ "/staff/totp", FORM, handle_totp_enrol, totp_params,
	    TOTP_PARAM_COUNT, ROUTE_FORM | ROUTE_ENROL, ROLE_ANY },
	{ "/staff/", GET, handle_dashboard, NOPARAMS, 0, ROLE_ANY },
	{ "/staff/password", FORM, handle_password, password_params,
	    PASSWORD_PARAM_COUNT, ROUTE_FORM, ROLE_ANY },
	{ "/staff/accounts", GET, handle_accounts, NOPARAMS, 0, ADMINS },
	{ "/staff/accounts/new", FORM, handle_account_new, account_params,
	    AC_COUNT, ROUTE_FORM, ADMINS },
	{ "/staff/accounts/{id}", FORM, handle_account_edit, account_params,
	    AC_COUNT, ROUTE_FORM, ACCESS(ADMINS, OBJ_ACCOUNT) },
	{ "/staff/accounts/{id}/totp-reset", M_POST, handle_totp_reset,
	    NOPARAMS, 0, ACCESS(ADMINS, OBJ_ACCOUNT) },
	{ "/staff/audit", GET, handle_audit, audit_params, AU_COUNT,
	    ROUTE_FORM, ADMINS },
	{ "/staff/complaints", GET, handle_complaint_queue, queue_params,
	    QU_COUNT, ROUTE_FORM, HANDLERS },
	{ "/staff/complaints/new", FORM, handle_complaint_intake, intake_params,
	    IN_COUNT, ROUTE_FORM | ROUTE_MULTIPART, HANDLERS },
	{ "/staff/complaints/{id}", GET, handle_complaint_view, NOPARAMS, 0,
	    ACCESS(HANDLERS, OBJ_COMPLAINT) },
	{ "/staff/complaints/{id}", M_POST, handle_complaint_act, handle_params,
	    HA_COUNT, ROUTE_FORM, ACCESS(HANDLERS, OBJ_COMPLAINT) },
	{ "/staff/complaints/{id}/photo", GET, handle_complaint_photo,
	    complaint_photo_params, CP_COUNT, 0,
	    ACCESS(HANDLERS, OBJ_COMPLAINT) },
	{ "/staff/complaints/{id}/transfer", M_POST, handle_complaint_transfer,
	    transfer_params, TR_COUNT, ROUTE_FORM,
	    ACCESS(HANDLERS, OBJ_COMPLAINT) },
	{ "/staff/outlets", GET, handle_staff_outlets, staff_outlet_list_params,
	    SL_COUNT, ROUTE_FORM, RECORDS },
	{ "/staff/outlets/new", FORM, handle_outlet_new, outlet_edit_params,
	    OE_COUNT, ROUTE_FORM, RECORDS },
	{ "/staff/outlets/{id}", FORM, handle_outlet_edit, outlet_edit_params,
	    OE_COUNT, ROUTE_FORM, ACCESS(RECORDS, OBJ_OUTLET) },
	{ "/staff/outlets/{id}/status", M_POST, handle_outlet_status,
	    outlet_status_params, OS_COUNT, ROUTE_FORM,
	    ACCESS(RECORDS, OBJ_OUTLET) },
	{ "/staff/enterprises", GET, handle_staff_enterprises, NOPARAMS, 0,
	    RECORDS },
	{ "/staff/enterprises/new", FORM, handle_enterprise_edit,
	    enterprise_params, EN_COUNT, ROUTE_FORM,
	    ACCESS(RECORDS, OBJ_NATIONAL) },
	{ "/staff/enterprises/{id}", FORM, handle_enterprise_edit,
	    enterprise_params, EN_COUNT, ROUTE_FORM,
	    ACCESS(RECORDS, OBJ_NATIONAL) },
	{ "/staff/notices", GET, handle_staff_notices, NOPARAMS, 0, EDITORS },
	{ "/staff/notices/new", FORM, handle_notice_new, notice_edit_params,
	    NE_COUNT, ROUTE_FORM, EDITORS },
	{ "/staff/notices/{id}", FORM, handle_notice_edit, notice_edit_params,
	    NE_COUNT, ROUTE_FORM, ACCESS(EDITORS, OBJ_NOTICE) },
	{ "/staff/notices/{id}/status", M_POST, handle_notice_status,
	    notice_status_params, NS_COUNT, 0, ACCESS(EDITORS, OBJ_NOTICE) },
	{ "/staff/notices/{id}/attachments", M_POST, handle_attachment_upload,
	    NOPARAMS, ROUTE_MULTIPART, ACCESS(EDITORS, OBJ_NOTICE) },
	{ "/staff/attachments/{id}/delete", M_POST, handle_attachment_delete,
	    NOPARAMS, 0, ACCESS(EDITORS, OBJ_ATTACHMENT) },
	{ "/staff/apikeys", FORM, handle_apikeys, apikey_params, AK_COUNT,
	    ROUTE_FORM, ADMINS },
	{ "/staff/apikeys/{id}/revoke", M_POST, handle_apikey_revoke,
	    NOPARAMS, 0, ACCESS(ADMINS, OBJ_APIKEY) },
	{ "/staff/products", GET, handle_staff_products,
	    staff_product_list_params, SP_COUNT, ROUTE_FORM, RECORDS },
	{ "/staff/products/new", FORM, handle_product_new, product_edit_params,
	    PE_COUNT, ROUTE_FORM, ACCESS(RECORDS, OBJ_NATIONAL) },
	{ "/staff/products/{id}", FORM, handle_product_edit,
	    product_edit_params, PE_COUNT, ROUTE_FORM,
	    ACCESS(RECORDS, OBJ_NATIONAL) },
	{ "/staff/caps", GET, handle_staff_caps, NOPARAMS, 0, RECORDS },
	{ "/staff/caps", M_POST, handle_caps_change, caps_change_params,
	    CC_COUNT, ROUTE_FORM, ACCESS(ADMINS, OBJ_NATIONAL) },
	{ "/staff/caps/{id}/withdraw", M_POST, handle_cap_withdraw,
	    caps_withdraw_params, CW_COUNT, ROUTE_FORM,
	    ACCESS(ADMINS, OBJ_NATIONAL) },
	{ "/staff/rates/{id}/withdraw", M_POST, handle_rate_withdraw,
	    caps_withdraw_params, CW_COUNT, ROUTE_FORM,
	    ACCESS(ADMINS, OBJ_NATIONAL) },
	{ "/staff/categories", M_POST, handle_category_add,
	    category_add_params, CG_COUNT, ROUTE_FORM,
	    ACCESS(ADMINS, OBJ_NATIONAL) },
	{ "/staff/reports/weekly", GET, handle_weekly, weekly_params, WK_COUNT,
	    ROUTE_FORM, ROLE_ADMIN | ROLE_HANDLER | ROLE_RECORDS },
	{ "/staff/outlets/import", FORM, handle_outlet_import, NOPARAMS,
	    ROUTE_MULTIPART, RECORDS },
	{ "/staff/outlets/export.csv", GET, handle_outlet_export,
	    outlet_export_params, OX_COUNT, 0, RECORDS },
	{ "/staff/products/import", FORM, handle_product_import, NOPARAMS,
	    ROUTE_MULTIPART, ACCESS(RECORDS, OBJ_NATIONAL) },
	{ "/staff/products/export.csv", GET, handle_product_export, NOPARAMS,
	    0, ACCESS(RECORDS, OBJ_NATIONAL) },
	{ "/staff/imports/{id}", GET, handle_import_job, NOPARAMS, 0,
	    ACCESS(RECORDS, OBJ_IMPORT_JOB) },
};

/* Notice bodies run long; uploads up to 8 MB. */
static const struct request_limits staff_limits = {
	1024 * 1024, 512 * 1024, 9 * 1024 * 1024, NULL
};

static const struct app staff_app = {
	"staff", routes, sizeof(routes) / sizeof(routes[0]), staff_before,
	&staff_limits, 1, NULL, 1
};

int
main(int argc, char **argv)
{
	if (sodium_init() < 0 || totp_init() == -1 ||
	    staff_signin_init() == -1)
		return 1;
	return app_main(argc, argv, &staff_app);
}
