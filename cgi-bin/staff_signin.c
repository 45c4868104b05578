/* Staff sign-in: the password (throttled per address and per account,
 * a bounded number of hashes at once), the second factor, sign-out and
 * the password change. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "domain/account.h"
#include "domain/audit.h"
#include "web/config.h"
#include "base/password.h"
#include "domain/session.h"
#include "staff.h"
#include "web/cookie.h"
#include "domain/throttle.h"
#include "domain/totp.h"
#include "web/domain_answer.h"
#include "web/view.h"

/* A second factor wrong this often ends the half-made session. */
#define OTP_FAILURES_PER_SESSION	5
/* A trusted device's cookie lives this long. */
#define DEVICE_LIFETIME_SEC	(90 * 24 * 60 * 60)
/* The sign-in form's token lives this long. */
#define LOGIN_TOKEN_LIFETIME_SEC	(60 * 60)

/* A valid Argon2id hash of a random password, checked when the username
 * is unknown so both failures take the same time. */
static char	 dummy_hash[crypto_pwhash_STRBYTES];

int
staff_signin_init(void)
{
	char	 pw[PASSWORD_RANDOM_LEN + 1];

	password_random(pw, sizeof(pw));
	return password_hash(dummy_hash, pw);
}

const char *
staff_session_cookie(const struct ctx *c)
{
	return ctx_cookie(c, "jdxx_staff");
}

void
staff_set_session_cookie(struct ctx *c, const char *token)
{
	ctx_set_cookie(c, "jdxx_staff", token,
	    token[0] ? SESSION_LIFETIME_SEC : 0);
}

/* The device token of an account: a MAC under the site's secret of its
 * username and password hash, so a browser that once signed in fully is
 * known again without storage, until the password changes. */
static void
device_token(const struct ctx *c, const char *username, const char *hash,
    char out[SESSION_TOKEN_LEN + 1])
{
	crypto_auth_hmacsha256_state st;
	unsigned char	 key[crypto_auth_hmacsha256_KEYBYTES];
	unsigned char	 mac[crypto_auth_hmacsha256_BYTES];

	crypto_hash_sha256(key, (const unsigned char *)c->cfg->secret,
	    strlen(c->cfg->secret));
	crypto_auth_hmacsha256_init(&st, key, sizeof(key));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"device:", 7);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)username,
	    strlen(username) + 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)hash,
	    strlen(hash));
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2base64(out, SESSION_TOKEN_LEN + 1, mac, sizeof(mac),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(key, sizeof(key));
}

/* 1 when this browser signed in fully to the account before: neither a
 * stranger's failures on the account nor those of its address make it
 * wait. */
static int
device_trusted(const struct ctx *c, const struct account_credentials *k)
{
	char	 want[SESSION_TOKEN_LEN + 1];

	device_token(c, k->username, k->password_hash, want);
	return token_equal(ctx_cookie(c, "jdxx_device"), want);
}

static void
trust_device(struct ctx *c, const char *username, const char *hash)
{
	char	 token[SESSION_TOKEN_LEN + 1];

	device_token(c, username, hash, token);
	ctx_set_cookie(c, "jdxx_device", token, DEVICE_LIFETIME_SEC);
}

/* Marks the browser as the account's, from its stored hash. */
static enum domain_status
trust_device_of(struct ctx *c, const char *username)
{
	struct account_credentials k;
	enum domain_status	 st;
	int			 found;

	if ((st = account_credentials(username, &k, &found)) == DOMAIN_OK &&
	    found)
		trust_device(c, username, k.password_hash);
	sodium_memzero(&k, sizeof(k));
	return st;
}

/* Where to go after signing in: only our own staff pages. */
int
staff_next_valid(const char *next)
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

enum domain_status
staff_session_full(struct ctx *c)
{
	char			 token[SESSION_TOKEN_LEN + 1];
	enum domain_status	 st;

	/* A new token at each step up: nothing learnt before it carries. */
	if ((st = session_end(c->user->token)) != DOMAIN_OK ||
	    (st = session_create(c->user->id, staff_address(c), STAGE_FULL,
	    token)) != DOMAIN_OK)
		return st;
	staff_set_session_cookie(c, token);
	if ((st = trust_device_of(c, c->user->username)) != DOMAIN_OK)
		return st;
	/* The page that follows carries the new session's token. */
	c->user->stage = STAGE_FULL;
	snprintf(c->user->token, sizeof(c->user->token), "%s", token);
	session_csrf(token, c->user->csrf);
	staff_user_to_hdf(c);
	sodium_memzero(token, sizeof(token));
	return DOMAIN_OK;
}

enum { LG_USERNAME, LG_PASSWORD, LG_NEXT, LG_CSRF, LG_COUNT };

const struct param_spec login_params[LOGIN_PARAM_COUNT] = {
	[LG_USERNAME] = { "username", "用户名", P_TEXT, 1, 32, 0 },
	[LG_PASSWORD] = { "password", "密码", P_TEXT, 1, 128, 0 },
	[LG_NEXT] = { "next", "返回地址", P_TEXT, 1, 200, 0 },
	[LG_CSRF] = { "login_token", "表单令牌", P_TEXT, 1, 64, 0 },
};

/* The form carries a fresh token that must come back with the same
 * cookie: a page elsewhere cannot sign a browser in to its account. */
static int
login_form(struct ctx *c, int status, const char *message)
{
	unsigned char	 raw[32];
	char		 token[SESSION_TOKEN_LEN + 1];

	c->resp->status = status;
	if (message != NULL)
		hset(c->hdf, "Login.message", message);
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(token, sizeof(token), raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	ctx_set_cookie(c, "jdxx_login", token, LOGIN_TOKEN_LIFETIME_SEC);
	hset(c->hdf, "Login.csrf", token);
	/* The password is never sent back. */
	hset(c->hdf, "Form.password", "");
	hset(c->hdf, "Page.Title", "工作人员登录");
	return ctx_render(c, "staff/login.cs");
}

static int
too_many(struct ctx *c, long long wait, int (*form)(struct ctx *, int,
    const char *))
{
	char	 msg[160];

	snprintf(msg, sizeof(msg), "尝试次数过多，请在 %lld 秒后再试。", wait);
	response_header(c->resp, "Retry-After", "%lld", wait);
	return form(c, 429, msg);
}

/* Checks the password with one of the host's hash places; *busy when
 * none was free. */
static int
password_right(struct ctx *c, const char *hash, const char *password,
    int *busy)
{
	int	 slot, good;

	if ((slot = password_slot_take(c->cfg->hash_lock_dir,
	    c->cfg->hash_slots)) == -1) {
		*busy = 1;
		return 0;
	}
	*busy = 0;
	good = password_verify(hash, password);
	password_slot_give(slot);
	return good;
}

/* The stage a right password leads to for an account. */
static enum session_stage
stage_after_password(const struct ctx *c,
    const struct account_credentials *k)
{
	if (k->totp_enabled)
		return STAGE_OTP;
	if (c->cfg->second_factor_roles & role_bit(k->role))
		return STAGE_ENROL;
	return STAGE_FULL;
}

static int
signed_in(struct ctx *c, const struct account_credentials *k,
    const char *next)
{
	const char	*user = k->username;
	char		 token[SESSION_TOKEN_LEN + 1], path[256];
	enum session_stage stage = stage_after_password(c, k);
	struct staff_user who;
	enum domain_status	 st;

	memset(&who, 0, sizeof(who));
	who.id = k->id;
	snprintf(who.username, sizeof(who.username), "%s", user);
	snprintf(who.region, sizeof(who.region), "%s", k->region);
	throttle_clear("account", user);
	throttle_clear("device", user);
	/* A fresh token at every sign-in: no session fixation. */
	if ((st = session_create(who.id, staff_address(c), stage, token)) !=
	    DOMAIN_OK)
		return domain_result(st);
	audit_write(&who, NULL, staff_address(c), stage == STAGE_FULL ?
	    "login" : "login_password", "staff", who.id, NULL, NULL);
	staff_set_session_cookie(c, token);
	ctx_set_cookie(c, "jdxx_login", "", 0);
	sodium_memzero(token, sizeof(token));
	if (stage == STAGE_FULL) {
		trust_device(c, user, k->password_hash);
		return staff_redirect(c, next);
	}
	if (stage == STAGE_ENROL)
		return staff_redirect(c, "/staff/totp");
	snprintf(path, sizeof(path), "/staff/login/otp?next=%s", next);
	return staff_redirect(c, path);
}

int
handle_login(struct ctx *c)
{
	const char	*user = ctx_text(c, LG_USERNAME);
	const char	*pass = c->req->param[LG_PASSWORD].s;
	const char	*next = ctx_text(c, LG_NEXT);
	const char	*addr = staff_address(c);
	char		 hash[crypto_pwhash_STRBYTES];
	long long	 wait = 0;
	struct account_credentials k;
	enum domain_status	 st;
	int			 found = 0, good, busy, trusted, rc;

	if (!staff_next_valid(next))
		next = "/staff/";
	hset(c->hdf, "Form.next", next);
	if (c->req->method != M_POST)
		return login_form(c, 200, NULL);
	if (!token_equal(ctx_text(c, LG_CSRF), ctx_cookie(c, "jdxx_login")))
		return login_form(c, 403, "登录页面已过期或来源不明。"
		    "请再输入一次密码后登录。");
	if (!c->req->param[LG_USERNAME].present ||
	    !c->req->param[LG_PASSWORD].present)
		return login_form(c, 400, "请填写用户名和密码。");
	if (c->req->param_errors > 0)
		return login_form(c, 400, "用户名或密码不正确。");
	if ((st = account_credentials(user, &k, &found)) != DOMAIN_OK)
		return domain_result(st);
	snprintf(hash, sizeof(hash), "%s", found && k.password_hash[0] ?
	    k.password_hash : dummy_hash);
	/* The owner's own browser counts its own failures; any other
	 * counts by its address first, whose failures slow only itself,
	 * then by the account, briefly. */
	trusted = found && device_trusted(c, &k);
	if ((st = throttle_wait(trusted ? "device" : "address",
	    trusted ? user : addr, &wait)) != DOMAIN_OK)
		return domain_result(st);
	if (wait == 0 && !trusted &&
	    (st = throttle_wait("account", user, &wait)) != DOMAIN_OK)
		return domain_result(st);
	if (wait > 0) {
		sodium_memzero(hash, sizeof(hash));
		return too_many(c, wait, login_form);
	}
	good = password_right(c, hash, pass, &busy);
	if (busy) {
		sodium_memzero(hash, sizeof(hash));
		response_header(c->resp, "Retry-After", "2");
		return login_form(c, 503, "现在登录的人较多，请过几秒钟再试。");
	}
	if (!good || !found || k.disabled) {
		sodium_memzero(hash, sizeof(hash));
		sodium_memzero(&k, sizeof(k));
		if ((st = trusted ? throttle_fail("device", user) :
		    throttle_fail("account", user)) != DOMAIN_OK ||
		    (!trusted && (st = throttle_fail("address", addr)) !=
		    DOMAIN_OK))
			return domain_result(st);
		audit_write(NULL, user, addr, "login_failed", "staff", 0, NULL,
		    NULL);
		return login_form(c, 401, "用户名或密码不正确。");
	}
	rc = signed_in(c, &k, next);
	sodium_memzero(hash, sizeof(hash));
	sodium_memzero(&k, sizeof(k));
	return rc;
}

enum { OT_CODE, OT_NEXT, OT_COUNT };

const struct param_spec otp_params[OTP_PARAM_COUNT] = {
	[OT_CODE] = { "code", "验证码", P_TEXT, 1, 32, 0 },
	[OT_NEXT] = { "next", "返回地址", P_TEXT, 1, 200, 0 },
};

static int
otp_form(struct ctx *c, int status, const char *message)
{
	c->resp->status = status;
	if (message != NULL)
		hset(c->hdf, "Login.message", message);
	hset(c->hdf, "Form.code", "");
	hset(c->hdf, "Page.Title", "输入动态验证码");
	return ctx_render(c, "staff/login_otp.cs");
}

/* Too many wrong codes in one session: back to the password. */
static int
otp_session_over(struct ctx *c)
{
	enum domain_status	 st;

	if ((st = session_end(c->user->token)) != DOMAIN_OK)
		return domain_result(st);
	audit_write(c->user, NULL, staff_address(c), "otp_session_ended",
	    "staff", c->user->id, NULL, NULL);
	staff_set_session_cookie(c, "");
	c->user = NULL;
	hdf_remove_tree(c->hdf, "Staff");
	return login_form(c, 401, "验证码错误次数过多，请重新输入密码登录。");
}

int
handle_login_otp(struct ctx *c)
{
	const char		*next = ctx_text(c, OT_NEXT);
	const char		*code = ctx_text(c, OT_CODE);
	long long		 wait = 0, failures;
	enum domain_status	 st;
	int			 ok, recovery;

	if (!staff_next_valid(next))
		next = "/staff/";
	hset(c->hdf, "Form.next", next);
	if (c->user->stage != STAGE_OTP)
		return staff_redirect(c, "/staff/");
	if (c->req->method != M_POST)
		return otp_form(c, 200, NULL);
	if (code[0] == '\0')
		return otp_form(c, 400, "请填写动态验证码或一个恢复码。");
	if ((st = throttle_wait("otp", c->user->username, &wait)) != DOMAIN_OK)
		return domain_result(st);
	if (wait > 0)
		return too_many(c, wait, otp_form);
	if ((st = totp_check(c->user->id, code, &ok, &recovery)) != DOMAIN_OK)
		return domain_result(st);
	if (!ok) {
		if ((st = throttle_fail("otp", c->user->username)) !=
		    DOMAIN_OK ||
		    (st = session_otp_failed(c->user->token, &failures)) !=
		    DOMAIN_OK)
			return domain_result(st);
		audit_write(c->user, NULL, staff_address(c), "otp_failed",
		    "staff", c->user->id, NULL, NULL);
		if (failures >= OTP_FAILURES_PER_SESSION)
			return otp_session_over(c);
		return otp_form(c, 401, "验证码不正确，或已经用过。"
		    "请等手机上出现新的验证码后再输入。");
	}
	throttle_clear("otp", c->user->username);
	if ((st = staff_session_full(c)) != DOMAIN_OK)
		return domain_result(st);
	audit_write(c->user, NULL, staff_address(c), recovery ?
	    "login_recovery_code" : "login", "staff", c->user->id, NULL, NULL);
	return staff_redirect(c, next);
}

int
handle_logout(struct ctx *c)
{
	enum domain_status	 st;

	if ((st = session_end(c->user->token)) != DOMAIN_OK)
		return domain_result(st);
	audit_write(c->user, NULL, staff_address(c), "logout", "staff",
	    c->user->id, NULL, NULL);
	staff_set_session_cookie(c, "");
	return staff_redirect(c, "/staff/login");
}

enum { PW_CURRENT, PW_NEW, PW_CONFIRM, PW_COUNT };

const struct param_spec password_params[PASSWORD_PARAM_COUNT] = {
	[PW_CURRENT] = { "current", "当前密码", P_TEXT, 1, 128, P_REQUIRED },
	[PW_NEW] = { "new", "新密码", P_TEXT, 1, 128, P_REQUIRED },
	[PW_CONFIRM] = { "confirm", "确认新密码", P_TEXT, 1, 128, P_REQUIRED },
};

static int
password_form(struct ctx *c, int status, const char *message)
{
	if (message != NULL)
		ctx_field_error(c, "current", message);
	if (status != 200)
		c->resp->status = status;
	/* Passwords are never put back into the form. */
	hset(c->hdf, "Form.current", "");
	hset(c->hdf, "Form.new", "");
	hset(c->hdf, "Form.confirm", "");
	return ctx_render(c, "staff/password.cs");
}

/* Sets the new password and starts a fresh session: every other one of
 * the account ends. */
static int
password_changed(struct ctx *c, const char *password)
{
	char			 hash[crypto_pwhash_STRBYTES];
	char			 token[SESSION_TOKEN_LEN + 1];
	enum domain_status	 st;

	if (password_hash(hash, password) == -1)
		return H_ERROR;
	if ((st = account_set_password(c->user->id, hash)) != DOMAIN_OK ||
	    (st = session_end_all(c->user->id)) != DOMAIN_OK ||
	    (st = session_create(c->user->id, staff_address(c), STAGE_FULL,
	    token)) != DOMAIN_OK)
		return domain_result(st);
	audit_write(c->user, NULL, staff_address(c), "password_change",
	    "staff", c->user->id, NULL, NULL);
	staff_set_session_cookie(c, token);
	trust_device(c, c->user->username, hash);
	sodium_memzero(token, sizeof(token));
	return staff_redirect(c, "/staff/?done=password");
}

int
handle_password(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	const char	*problem;
	long long	 wait = 0;
	struct account_credentials me;
	enum domain_status	 st;
	int			 found, good, busy = 0;

	hset(c->hdf, "Page.Title", "修改密码");
	if (c->req->method != M_POST)
		return password_form(c, 200, NULL);
	if (c->req->param_errors > 0)
		return password_form(c, 400, NULL);
	/* Whoever holds the session may not guess the password freely. */
	if ((st = throttle_wait("password", c->user->username, &wait)) !=
	    DOMAIN_OK)
		return domain_result(st);
	if (wait > 0) {
		response_header(c->resp, "Retry-After", "%lld", wait);
		hseti(c->hdf, "Wait", wait);
		return password_form(c, 429, "当前密码输错次数过多，"
		    "请稍后再试。");
	}
	if ((st = account_credentials(c->user->username, &me, &found)) !=
	    DOMAIN_OK)
		return domain_result(st);
	good = found && password_right(c, me.password_hash[0] ?
	    me.password_hash : dummy_hash, p[PW_CURRENT].s, &busy);
	sodium_memzero(&me, sizeof(me));
	if (found && busy) {
		response_header(c->resp, "Retry-After", "2");
		return password_form(c, 503, "现在登录的人较多，请过几秒钟再试。");
	}
	if (!good) {
		if ((st = throttle_fail("password", c->user->username)) !=
		    DOMAIN_OK)
			return domain_result(st);
		audit_write(c->user, NULL, staff_address(c),
		    "password_change_failed", "staff", c->user->id, NULL, NULL);
		return password_form(c, 400, "当前密码不正确");
	}
	throttle_clear("password", c->user->username);
	if ((problem = password_problem(c->user->username, p[PW_NEW].s)) !=
	    NULL)
		ctx_field_error(c, "new", problem);
	else if (strcmp(p[PW_NEW].s, p[PW_CONFIRM].s) != 0)
		ctx_field_error(c, "confirm", "两次输入的新密码不一致");
	if (c->resp->status != 200)
		return password_form(c, 400, NULL);
	return password_changed(c, p[PW_NEW].s);
}
