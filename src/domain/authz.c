/* Staff authority by role and region. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/authz.h"

const char *
authz_object_name(enum authz_object obj)
{
	static const char *const names[] = {
		[OBJ_NONE] = "route", [OBJ_ACCOUNT] = "staff",
		[OBJ_OUTLET] = "outlet", [OBJ_COMPLAINT] = "complaint",
		[OBJ_NOTICE] = "notice", [OBJ_ATTACHMENT] = "attachment",
		[OBJ_APIKEY] = "api_key", [OBJ_IMPORT_JOB] = "import_job",
		[OBJ_NATIONAL] = "national",
	};

	return obj <= OBJ_NATIONAL ? names[obj] : "route";
}

int
region_within(const char *inner, const char *outer)
{
	return strncmp(inner, outer, strlen(outer)) == 0;
}

int
scope_wider(const char *actor, const char *target)
{
	return strlen(actor) < strlen(target) && region_within(target, actor);
}

int
authz_role_allows(const struct staff_user *u, unsigned access)
{
	/* An admin may do all that a role may, within its region. */
	return (u->role & ACCESS_ROLES(access)) != 0 || u->role == ROLE_ADMIN;
}

enum authz_verdict
authz_decide(const struct staff_user *u, unsigned access, int write,
    int found, const char *region)
{
	enum authz_object obj = ACCESS_OBJECT(access);

	if (!authz_role_allows(u, access))
		return AUTHZ_NO_ROLE;
	if (obj == OBJ_NONE)
		return AUTHZ_ALLOW;
	if (obj == OBJ_NATIONAL)
		return u->region[0] != '\0' ? AUTHZ_OUTSIDE : AUTHZ_ALLOW;
	if (!found)
		return AUTHZ_NOT_FOUND;
	if (region_within(region, u->region))
		return AUTHZ_ALLOW;
	/* Reads learn nothing of what lies outside; writes say why not. */
	return write ? AUTHZ_OUTSIDE : AUTHZ_NOT_FOUND;
}

static struct db_stmt region_of[] = {
	[OBJ_ACCOUNT] = DB_READ(
	    "SELECT COALESCE(region_code, '') FROM staff WHERE id = ?"),
	[OBJ_OUTLET] = DB_READ(
	    "SELECT region_code FROM outlet WHERE id = ?"),
	[OBJ_COMPLAINT] = DB_READ(
	    "SELECT outlet_region FROM complaint WHERE id = ?"),
	[OBJ_NOTICE] = DB_READ(
	    "SELECT COALESCE(region_code, '') FROM notice WHERE id = ?"),
	[OBJ_ATTACHMENT] = DB_READ(
	    "SELECT COALESCE(n.region_code, '') FROM attachment a "
	    "JOIN notice n ON n.id = a.notice_id WHERE a.id = ?"),
	[OBJ_APIKEY] = DB_READ(
	    "SELECT COALESCE(region_code, '') FROM api_key WHERE id = ?"),
	[OBJ_IMPORT_JOB] = DB_READ(
	    "SELECT region_code FROM import_job WHERE id = ?"),
};

enum domain_status
authz_object_region(enum authz_object obj, long long id, char region[16],
    int *found)
{
	struct db_arg	 a[] = { DB_INT(id) };
	enum db_status	 st;
	char		*data = NULL;
	size_t		 len = 0;

	*found = 0;
	region[0] = '\0';
	if (obj <= OBJ_NONE || obj >= OBJ_NATIONAL)
		return DOMAIN_OK;
	if ((st = db_query_blob(&region_of[obj], a, 1, &data, &len)) != DB_OK)
		return domain_of_db(st);
	if (data != NULL) {
		*found = 1;
		snprintf(region, 16, "%.*s", (int)(len < 15 ? len : 15), data);
		free(data);
	}
	return DOMAIN_OK;
}

/* The field of a change that needs an account of wider scope than the
 * target's: narrowing a peer would otherwise make it one's inferior. */
static const char *
needs_wider(const struct account_change *ch)
{
	if (ch->password)
		return "password";
	if (ch->disabled != ch->disabled_now)
		return "disabled";
	if (strcmp(ch->region, ch->region_now) != 0)
		return "region";
	return NULL;
}

const char *
account_change_refusal(const struct account_change *ch, int last_admin,
    const char **field)
{
	const struct staff_user	*me = ch->actor;
	int			 self = ch->target_id == me->id;

	*field = "region";
	if (!region_within(ch->region, me->region))
		return me->region[0] == '\0' ? "负责地区不正确" :
		    "只能设置本账号负责地区以内的地区（不能留空，留空表示全国）";
	if (ch->role_now == NULL)
		return NULL;
	if (self && ch->password) {
		*field = "password";
		return "自己的密码请在“修改密码”页面修改（须输入当前密码）";
	}
	if (self && (strcmp(ch->role, ch->role_now) != 0 ||
	    strcmp(ch->region, ch->region_now) != 0 || ch->disabled)) {
		*field = "role";
		return "不能修改自己的角色、负责地区，也不能停用自己的账号";
	}
	if (!self && (*field = needs_wider(ch)) != NULL &&
	    !scope_wider(me->region, ch->region_now))
		return "重设密码、改变负责地区、停用或启用账号，"
		    "须由负责范围更大的账号办理";
	if (last_admin && account_change_demotes(ch)) {
		*field = "role";
		return "这是唯一在用的全国管理员账号，不能停用、降级或限定地区";
	}
	return NULL;
}

int
account_change_demotes(const struct account_change *ch)
{
	int	 was = ch->role_now != NULL && strcmp(ch->role_now, "admin") == 0 &&
	    ch->region_now[0] == '\0' && !ch->disabled_now;
	int	 stays = strcmp(ch->role, "admin") == 0 && ch->region[0] == '\0' &&
	    !ch->disabled;

	return was && !stays;
}

/* Inside a change's transaction the rows stay locked until it ends, so
 * two admins demoting each other cannot both see the other remain. */
static struct db_stmt unlimited_admins = DB_WRITE(
    "SELECT COUNT(*) FROM (SELECT id FROM staff WHERE role = 'admin' "
    "AND disabled = 0 AND (region_code IS NULL OR region_code = '') "
    "FOR UPDATE) a");

enum domain_status
authz_unlimited_admins(long long *n)
{
	return domain_of_db(db_query_int(&unlimited_admins, NULL, 0, n));
}

static struct db_stmt handler_covers = DB_READ(
    "SELECT COUNT(*) FROM staff WHERE id = ? AND disabled = 0 "
    "AND role IN ('handler', 'admin') AND (region_code IS NULL OR "
    "? LIKE CONCAT(region_code, '%'))");

enum domain_status
authz_handler_covers(long long staff_id, const char *region, int *ok)
{
	struct db_arg	 a[] = { DB_INT(staff_id), DB_TEXT(region) };
	long long	 n = 0;
	enum db_status	 st;

	st = db_query_int(&handler_covers, a, 2, &n);
	*ok = n > 0;
	return domain_of_db(st);
}
