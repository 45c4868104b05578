/* The second factor: setting it up for one's own account (a QR code and
 * a typed secret, confirmed by a code, then ten recovery codes shown
 * once), its status, and its reset by an account of wider scope.
 *
 * A confirmed factor is not replaced from this page: whoever holds the
 * password alone must not be able to swap in a phone of their own, so a
 * lost or changed phone is reset by an account of wider scope (or from
 * the shell: jdxx-staff totp-reset), after which the owner sets one up
 * again. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "domain/account.h"
#include "domain/authz.h"
#include "web/config.h"
#include "base/qr_svg.h"
#include "domain/session.h"
#include "staff.h"
#include "domain/totp.h"
#include "web/domain_answer.h"
#include "web/view.h"

enum { TT_CODE };

/* Up to 32 characters: six digits may come with spaces, or full width. */
const struct param_spec totp_params[TOTP_PARAM_COUNT] = {
	[TT_CODE] = { "code", "动态验证码", P_TEXT, 1, 32, 0 },
};

/* The secret in groups of four, as authenticator apps show them. */
static void
secret_grouped(const char *text, char *out, size_t len)
{
	size_t	 i, j = 0;

	for (i = 0; text[i] != '\0' && j + 2 < len; i++) {
		if (i > 0 && i % 4 == 0)
			out[j++] = ' ';
		out[j++] = text[i];
	}
	out[j] = '\0';
}

static void
page_common(struct ctx *c)
{
	hset(c->hdf, "Page.Title", "两步验证");
	hseti(c->hdf, "Totp.enrol_stage", c->user->stage == STAGE_ENROL);
	hseti(c->hdf, "Totp.required", c->user->role == ROLE_ADMIN ||
	    (c->cfg->second_factor_roles & c->user->role) != 0);
}

/* The confirmed factor: since when, and the recovery codes left. */
static int
status_page(struct ctx *c, const struct totp_status *s)
{
	hset(c->hdf, "Totp.state", totp_state_name(s->state));
	hset(c->hdf, "Totp.enabled_at", s->enabled_at);
	hseti(c->hdf, "Totp.recovery_left", s->recovery_left);
	return ctx_render(c, "staff/totp.cs");
}

/* The pending secret as a QR code and as text, and the field for the
 * code that confirms it. */
static int
enrol_form(struct ctx *c)
{
	char			 text[TOTP_SECRET_TEXT_LEN + 1];
	char			 uri[TOTP_URI_MAX];
	char			 grouped[TOTP_SECRET_TEXT_LEN * 2];
	struct buf		 svg;
	enum domain_status	 st;
	int			 found, rc = H_ERROR;

	if ((st = totp_pending_text(c->user->id, text, &found)) != DOMAIN_OK)
		return domain_result(st);
	if (!found)
		return H_ERROR;
	buf_init(&svg);
	if (totp_uri(uri, sizeof(uri), c->user->username, text) == -1 ||
	    qr_svg(&svg, uri, "两步验证二维码：用验证器应用扫描") == -1)
		goto out;
	secret_grouped(text, grouped, sizeof(grouped));
	hset(c->hdf, "Totp.state", totp_state_name(TOTP_PENDING));
	/* Printed raw: only qr_svg's own markup, nothing anyone typed. */
	hset(c->hdf, "Totp.qr_svg", svg.data);
	hset(c->hdf, "Totp.secret", grouped);
	hset(c->hdf, "Totp.account", c->user->username);
	hset(c->hdf, "Totp.issuer", TOTP_ISSUER);
	/* A code is never put back into the form. */
	hset(c->hdf, "Form.code", "");
	rc = ctx_render(c, "staff/totp.cs");
out:
	sodium_memzero(text, sizeof(text));
	sodium_memzero(uri, sizeof(uri));
	sodium_memzero(grouped, sizeof(grouped));
	if (svg.len > 0)
		sodium_memzero(svg.data, svg.len);
	buf_free(&svg);
	return rc;
}

/* The ten recovery codes, in the answer to the confirmation only. */
static int
recovery_page(struct ctx *c,
    char codes[TOTP_RECOVERY_CODES][TOTP_RECOVERY_LEN + 1], int relogin)
{
	char	 name[32];
	size_t	 i;
	int	 rc;

	hset(c->hdf, "Page.Title", "两步验证已开启");
	for (i = 0; i < TOTP_RECOVERY_CODES; i++) {
		snprintf(name, sizeof(name), "Recovery.codes.%zu", i);
		hset(c->hdf, name, codes[i]);
	}
	sodium_memzero(codes, sizeof(codes[0]) * TOTP_RECOVERY_CODES);
	hseti(c->hdf, "Recovery.relogin", relogin);
	rc = ctx_render(c, "staff/totp_recovery.cs");
	nerr_ignore_ok(hdf_remove_tree(c->hdf, "Recovery"));
	return rc;
}

int
handle_totp_enrol(struct ctx *c)
{
	const struct param_value *code = &c->req->param[TT_CODE];
	char		 codes[TOTP_RECOVERY_CODES][TOTP_RECOVERY_LEN + 1];
	struct totp_status s;
	enum domain_status	 st;
	enum domain_status ds;
	struct domain_problems problems = { 0 };
	struct audit_by	 by = { .user = c->user,
	    .address = staff_address(c) };
	int		 found, relogin = 0;

	/* The code of a confirmed factor is asked elsewhere, first. */
	if (c->user->stage == STAGE_OTP)
		return H_FORBIDDEN;
	page_common(c);
	if ((st = totp_status(c->user->id, &s, &found)) != DOMAIN_OK)
		return domain_result(st);
	if (!found)
		return H_NOT_FOUND;
	if (s.state == TOTP_ENABLED) {
		if (c->req->method == M_POST)
			c->resp->status = 409;
		return status_page(c, &s);
	}
	if (s.state == TOTP_NONE && (ds = totp_start(&by)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	if (c->req->method != M_POST)
		return enrol_form(c);
	if (!code->present) {
		ctx_field_error(c, "code",
		    "请输入验证器应用显示的 6 位动态验证码");
		return enrol_form(c);
	}
	if (!code->valid) {
		c->resp->status = 400;
		return enrol_form(c);
	}
	ds = totp_enable(&by, code->s, codes, &problems);
	if (domain_answer_form(c, ds, &problems))
		return enrol_form(c);
	if (ds != DOMAIN_OK)
		return domain_answer_error(c, ds);
	/* The session that came only with the password becomes a full
	 * one; should that fail, the codes are still shown, as they never
	 * will be again, and the user signs in anew. */
	if (c->user->stage == STAGE_ENROL) {
		if (staff_session_full(c) != DOMAIN_OK)
			relogin = 1;
		else
			hset(c->hdf, "Staff.csrf", c->user->csrf);
	}
	return recovery_page(c, codes, relogin);
}

int
handle_totp_reset(struct ctx *c)
{
	long long	 id = c->req->path_id;
	struct account	 target;
	enum domain_status ds;
	enum totp_state	 was;
	struct audit_by	 by = { .user = c->user,
	    .address = staff_address(c) };

	if (id == c->user->id) {
		ctx_error_page(c, 403, "不能重置自己账号的两步验证。"
		    "手机丢失或更换时，请由管理范围比您更大的管理员重置，"
		    "或由系统管理员在服务器上用 jdxx-staff totp-reset 重置。");
		return H_OK;
	}
	if ((ds = account_get(&c->arena, id, &target)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	if (!scope_wider(c->user->region, target.region_code)) {
		ctx_error_page(c, 403, "只有管理范围比对方更大的账号"
		    "才能重置其两步验证：全国账号可以重置市、县账号，"
		    "市级账号可以重置本市各县的账号。");
		return H_OK;
	}
	return domain_answer_saved(c, totp_reset_for(id, target.username, &by,
	    &was), "/staff/accounts/%lld", id);
}
