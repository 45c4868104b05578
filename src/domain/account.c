/* Staff accounts. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "base/password.h"
#include "base/utf8.h"
#include "domain/account.h"
#include "domain/session.h"

#define ACCOUNT_COLUMNS \
    "SELECT id, username, display_name, role, " \
    "COALESCE(region_code, '') AS region_code, disabled, " \
    "totp_enabled_at IS NOT NULL AS totp_enabled, " \
    "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created_at "

static struct db_stmt by_username = DB_READ(
    ACCOUNT_COLUMNS ", password_hash FROM staff WHERE username = ?");

static struct db_stmt by_id = DB_READ(
    ACCOUNT_COLUMNS "FROM staff WHERE id = ?");

static struct db_stmt all = DB_READ(
    ACCOUNT_COLUMNS "FROM staff WHERE ? = '' OR region_code LIKE "
    "CONCAT(?, '%') ORDER BY username");

static struct db_stmt insert_account = DB_WRITE(
    "INSERT INTO staff (username, display_name, role, region_code, "
    "password_hash, password_changed_at) VALUES (?, ?, ?, ?, ?, NOW())");

static struct db_stmt update_account = DB_WRITE(
    "UPDATE staff SET display_name = ?, role = ?, region_code = ?, "
    "disabled = ? WHERE id = ?");

static struct db_stmt update_password = DB_WRITE(
    "UPDATE staff SET password_hash = ?, password_changed_at = NOW() "
    "WHERE id = ?");

static int
read_credentials(void *arg, const struct db_row *r)
{
	struct account_credentials *k = arg;

	if (k->id != 0)
		return 0;
	k->id = db_int(r, "id");
	snprintf(k->username, sizeof(k->username), "%s",
	    db_text(r, "username"));
	snprintf(k->role, sizeof(k->role), "%s", db_text(r, "role"));
	snprintf(k->region, sizeof(k->region), "%s",
	    db_text(r, "region_code"));
	/* A hash too long for the buffer signs in nobody. */
	if (snprintf(k->password_hash, sizeof(k->password_hash), "%s",
	    db_text(r, "password_hash")) >= (int)sizeof(k->password_hash))
		k->password_hash[0] = '\0';
	k->disabled = db_int(r, "disabled") != 0;
	k->totp_enabled = db_int(r, "totp_enabled") != 0;
	return 0;
}

enum domain_status
account_credentials(const char *username, struct account_credentials *k,
    int *found)
{
	struct db_arg	 a[] = { DB_TEXT(username) };
	enum db_status	 st;

	memset(k, 0, sizeof(*k));
	st = db_query_each(&by_username, a, 1, read_credentials, k);
	*found = st == DB_OK && k->id != 0;
	return domain_of_db(st);
}

static int
account_row(void *arg, const struct db_row *r)
{
	struct db_records	*k = arg;
	struct account		*a;

	if ((a = db_record(k)) == NULL)
		return k->arena->failed ? -1 : 0;
	a->id = db_int(r, "id");
	a->username = db_keep(k->arena, r, "username");
	a->display_name = db_keep(k->arena, r, "display_name");
	a->role = db_keep(k->arena, r, "role");
	a->region_code = db_keep(k->arena, r, "region_code");
	a->disabled = db_int(r, "disabled") != 0;
	a->totp_enabled = db_int(r, "totp_enabled") != 0;
	a->created_at = db_keep(k->arena, r, "created_at");
	return k->arena->failed ? -1 : 0;
}

/* Runs a read into k. */
static enum domain_status
read_accounts(struct db_stmt *stmt, const struct db_arg *a, size_t n,
    struct db_records *k)
{
	enum db_status	 st;

	st = db_query_each(stmt, a, n, account_row, k);
	return domain_of_records(st, k);
}

enum domain_status
account_get(struct arena *arena, long long id, struct account *acct)
{
	struct db_arg		 a[] = { DB_INT(id) };
	struct db_records	 k = { arena, NULL, acct,
	    sizeof(struct account), 0 };

	memset(acct, 0, sizeof(*acct));
	return read_accounts(&by_id, a, 1, &k);
}

enum domain_status
account_list(struct arena *arena, const char *region,
    struct arena_list *accounts)
{
	struct db_arg		 a[] = { DB_TEXT(region), DB_TEXT(region) };
	struct db_records	 k = { arena, accounts, NULL,
	    sizeof(struct account), 0 };

	*accounts = (struct arena_list){ 0 };
	return read_accounts(&all, a, 2, &k);
}

enum domain_status
account_create(const char *username, const char *display_name,
    const char *role, const char *region, const char *hash,
    unsigned long long *id)
{
	struct db_arg	 a[] = { DB_TEXT(username), DB_TEXT(display_name),
	    DB_TEXT(role), region[0] ? DB_TEXT(region) : DB_NULLARG,
	    DB_TEXT(hash) };

	return domain_of_db(db_exec(&insert_account, a, DB_NARGS(a), NULL, id));
}

enum domain_status
account_update(long long id, const char *display_name, const char *role,
    const char *region, int disabled)
{
	struct db_arg	 a[] = { DB_TEXT(display_name), DB_TEXT(role),
	    region[0] ? DB_TEXT(region) : DB_NULLARG, DB_INT(disabled),
	    DB_INT(id) };

	return domain_of_db(db_exec(&update_account, a, DB_NARGS(a), NULL,
	    NULL));
}

enum domain_status
account_set_password(long long id, const char *hash)
{
	struct db_arg	 a[] = { DB_TEXT(hash), DB_INT(id) };

	return domain_of_db(db_exec(&update_password, a, 2, NULL, NULL));
}

/* A text of an account for the log: "" where there is none. */
static const char *
text(const char *s)
{
	return s != NULL ? s : "";
}

json_t *
account_json(const struct account *a)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s}",
	    "username", text(a->username),
	    "display_name", text(a->display_name),
	    "role", text(a->role), "region_code", text(a->region_code),
	    "disabled", a->disabled ? "1" : "0");
}

int
username_valid(const char *s)
{
	size_t	 i, n = strlen(s);

	if (n < 3 || n > 32 || !islower((unsigned char)s[0]))
		return 0;
	for (i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) &&
		    !isdigit((unsigned char)s[i]) && strchr("._-", s[i]) == NULL)
			return 0;
	return 1;
}

const char *
password_problem(const char *username, const char *password)
{
	size_t	 n = strlen(password);

	if (!utf8_valid(password, n))
		return "密码含有无法识别的字符";
	if (utf8_chars(password, n) < ACCOUNT_MIN_PASSWORD)
		return "密码至少 10 个字符";
	if (n > ACCOUNT_MAX_PASSWORD)
		return "密码最多 128 个字节";
	if (strcasestr(password, username) != NULL ||
	    strcasestr(username, password) != NULL)
		return "密码不能包含用户名";
	return NULL;
}

enum domain_status
account_open(const char *username, const char *display_name,
    const char *role, const char *region, const char *password,
    const struct audit_by *by, struct domain_problems *p,
    unsigned long long *id)
{
	char			 hash[crypto_pwhash_STRBYTES];
	enum domain_status	 st;

	if (password_hash(hash, password) == -1)
		return DOMAIN_INTERNAL;
	st = account_create(username, display_name, role, region, hash, id);
	if (st == DOMAIN_CONFLICT) {
		domain_problem(p, "username", "这个用户名已经有人用了");
		return DOMAIN_INVALID;
	}
	if (st != DOMAIN_OK)
		return st;
	audit_record(by, "account_create", "staff", (long long)*id, NULL,
	    json_pack("{s:s,s:s,s:s,s:s}", "username", username,
	    "display_name", display_name, "role", role, "region_code",
	    region));
	return DOMAIN_OK;
}

enum domain_status
account_amend(const struct account_change *ch, const struct account *old,
    const char *display_name, const char *password,
    const struct audit_by *by, struct domain_problems *p)
{
	char			 hash[crypto_pwhash_STRBYTES];
	long long		 id = ch->target_id, admins;
	enum domain_status	 st;

	if (ch->password && password_hash(hash, password) == -1)
		return DOMAIN_INTERNAL;
	if ((st = domain_of_db(db_begin())) != DOMAIN_OK)
		return st;
	/* Counted again under lock: two admins demoting each other at once
	 * must not both succeed. */
	if (account_change_demotes(ch) && (st = authz_unlimited_admins(
	    &admins)) == DOMAIN_OK && admins <= 1) {
		db_rollback();
		domain_problem(p, "role", "这是唯一在用的全国管理员账号，"
		    "不能停用、降级或限定地区");
		return DOMAIN_FORBIDDEN;
	}
	if (st == DOMAIN_OK)
		st = account_update(id, display_name, ch->role, ch->region,
		    ch->disabled);
	if (st == DOMAIN_OK && ch->password)
		st = account_set_password(id, hash);
	/* A reset password, a disabled account or new authority ends its
	 * sessions: the next sign-in meets the rules of the new role. */
	if (st == DOMAIN_OK && (ch->disabled || ch->password ||
	    strcmp(ch->role, ch->role_now) != 0 ||
	    strcmp(ch->region, ch->region_now) != 0))
		st = session_end_all(id);
	if (st == DOMAIN_OK)
		st = domain_of_db(audit_record(by, ch->password ?
		    "account_update_password" : "account_update", "staff", id,
		    account_json(old), json_pack("{s:s,s:s,s:s,s:s,s:s}",
		    "username", text(old->username), "display_name",
		    display_name, "role", ch->role, "region_code", ch->region,
		    "disabled", ch->disabled ? "1" : "0")));
	return domain_finish(st);
}

static struct db_stmt count_all = DB_READ(
    "SELECT COUNT(*) FROM staff");

static struct db_stmt insert_first = DB_WRITE(
    "INSERT INTO staff (username, password_hash, role, region_code) "
    "VALUES ('admin', ?, 'admin', NULL)");

enum domain_status
account_count(long long *n)
{
	return domain_of_db(db_query_int(&count_all, NULL, 0, n));
}

enum domain_status
account_first_admin(const char *hash)
{
	struct db_arg	 a[] = { DB_TEXT(hash) };

	return domain_of_db(db_exec(&insert_first, a, 1, NULL, NULL));
}
