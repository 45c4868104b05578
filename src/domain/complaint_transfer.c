/* Transfer of a complaint to another county's bureau: the target looked
 * up by code or name, then one transaction with its step and audit row. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "domain/audit.h"
#include "domain/complaint_flow.h"
#include "domain/complaint_transfer.h"
#include "domain/notify_outbox.h"
#include "domain/region.h"
#include "domain/session.h"
#include "domain/workday.h"

/* A name may belong to several counties (新华区 is in three provinces):
 * each with its city's name, so that the clerk can pick the code. */
static struct db_stmt county_named = DB_READ(
    "SELECT r.code, CONCAT(COALESCE(p.name, ''), r.name) AS name "
    "FROM region r LEFT JOIN region p ON p.code = r.parent_code "
    "WHERE r.level = 3 AND (r.code = ? OR r.name = ?) ORDER BY r.code "
    "LIMIT 6");

static struct db_stmt township_named = DB_READ(
    "SELECT code, name FROM region WHERE level = 4 AND parent_code = ? "
    "AND (code = ? OR name = ?) ORDER BY code LIMIT 6");

/* The status and region as read: someone else's change first wins. */
static struct db_stmt move = DB_WRITE(
    "UPDATE complaint SET status = 'submitted', outlet_region = ?, "
    "accept_due = ?, accepted_at = NULL, resolve_due = NULL, "
    "assignee_id = NULL WHERE id = ? AND status = ? AND outlet_region = ?");

static struct db_stmt step = DB_WRITE(
    "INSERT INTO complaint_event (complaint_id, at, kind, from_status, "
    "to_status, public_reply, internal_note, staff_id, region, to_region) "
    "VALUES (?, NOW(), ?, ?, ?, ?, ?, ?, ?, ?)");

/* The regions a look-up found, at most a few. */
struct found {
	size_t	 n;
	char	 code[6][13];
	char	 name[6][128];
};

static int
read_found(void *arg, const struct db_row *r)
{
	struct found	*f = arg;

	if (f->n >= sizeof(f->code) / sizeof(f->code[0]))
		return 0;
	snprintf(f->code[f->n], sizeof(f->code[0]), "%s", db_text(r, "code"));
	snprintf(f->name[f->n], sizeof(f->name[0]), "%s", db_text(r, "name"));
	f->n++;
	return 0;
}

/* Names the candidates when a name is not enough. */
static void
ambiguous(struct domain_problems *p, const char *field, const char *what,
    const char *typed, const struct found *f)
{
	char	 list[512];
	size_t	 i, used = 0;

	list[0] = '\0';
	for (i = 0; i < f->n && used < sizeof(list); i++)
		used += (size_t)snprintf(list + used, sizeof(list) - used,
		    "%s%s（%s）", i > 0 ? "、" : "", f->code[i], f->name[i]);
	domain_problemf(p, field, "叫“%s”的%s不止一个，请填写代码：%s", typed,
	    what, list);
}

/* The county (and township) the input names, into to; problems when it
 * names none, several, or the complaint's own county. */
static enum domain_status
find_target(const struct complaint_transfer *in, char to[13],
    struct domain_problems *p)
{
	struct db_arg		 a[3];
	struct found		 f;
	enum domain_status	 ds;

	to[0] = '\0';
	if (in->county == NULL || in->county[0] == '\0') {
		domain_problem(p, TRANSFER_FIELD_COUNTY, "请填写转办到的县（区）"
		    "的名称或 6 位代码");
		return DOMAIN_OK;
	}
	memset(&f, 0, sizeof(f));
	a[0] = DB_TEXT(in->county);
	a[1] = DB_TEXT(in->county);
	if ((ds = domain_of_db(db_query_each(&county_named, a, 2, read_found,
	    &f))) != DOMAIN_OK)
		return ds;
	if (f.n == 0) {
		domain_problemf(p, TRANSFER_FIELD_COUNTY, "没有叫“%s”的县（区）："
		    "请填写县（区）的名称或 6 位代码", in->county);
		return DOMAIN_OK;
	}
	if (f.n > 1) {
		ambiguous(p, TRANSFER_FIELD_COUNTY, "县（区）", in->county, &f);
		return DOMAIN_OK;
	}
	if (in->region != NULL && strncmp(in->region, f.code[0], 6) == 0) {
		domain_problemf(p, TRANSFER_FIELD_COUNTY, "这件投诉已在%s办理，"
		    "请选择另一个县（区）", f.name[0]);
		return DOMAIN_OK;
	}
	snprintf(to, 13, "%s", f.code[0]);
	if (in->township == NULL || in->township[0] == '\0')
		return DOMAIN_OK;
	/* The county's code is in to: f is read again. */
	a[0] = DB_TEXT(to);
	a[1] = DB_TEXT(in->township);
	a[2] = DB_TEXT(in->township);
	memset(&f, 0, sizeof(f));
	if ((ds = domain_of_db(db_query_each(&township_named, a, 3, read_found,
	    &f))) != DOMAIN_OK)
		return ds;
	if (f.n == 1)
		memcpy(to, f.code[0], 13);
	else if (f.n == 0)
		domain_problemf(p, TRANSFER_FIELD_TOWNSHIP, "所选县（区）没有“%s”"
		    "这个乡镇：请填写它的乡镇名称或 9 位代码，或者留空",
		    in->township);
	else
		ambiguous(p, TRANSFER_FIELD_TOWNSHIP, "乡镇", in->township, &f);
	return DOMAIN_OK;
}

/* The names of a region from its city down ("" when unknown). */
static enum domain_status
place_name(struct arena *arena, const char *code, char *out, size_t len)
{
	struct arena_list	 path;
	const struct region	*r;
	enum domain_status	 ds;
	size_t			 i, used = 0;

	out[0] = '\0';
	ds = region_path(arena, code, &path);
	if (ds != DOMAIN_OK)
		return ds == DOMAIN_NOT_FOUND ? DOMAIN_OK : ds;
	for (i = path.n > 1 ? 1 : 0; i < path.n && used < len; i++) {
		r = region_at(&path, i);
		used += (size_t)snprintf(out + used, len - used, "%s",
		    r->name != NULL ? r->name : "");
	}
	return DOMAIN_OK;
}

enum domain_status
complaint_transfer(struct arena *arena, const struct complaint_transfer *in,
    struct complaint_transferred *out, struct domain_problems *p)
{
	const struct complaint_rule *rule = complaint_rule(CA_TRANSFER);
	const char		*to_status = complaint_state_code(rule->to);
	/* The note holds both names and a reason of up to 1,000
	 * characters (4 bytes each at most) whole. */
	char			 from_name[256], to_name[256], reply[400],
				 note[4800];
	struct db_arg		 a[9];
	struct calendar		 cal;
	unsigned long long	 affected = 0;
	enum domain_status	 ds;
	enum db_status		 st;

	memset(out, 0, sizeof(*out));
	if (complaint_flow_allows(rule, complaint_state_of(in->status),
	    ACTOR_HANDLER) != FLOW_ALLOWED)
		domain_problem(p, TRANSFER_FIELD_COUNTY, "已办结或不予受理的投诉"
		    "不能转办");
	if ((ds = find_target(in, out->region, p)) != DOMAIN_OK)
		return ds;
	if (in->reason == NULL || in->reason[0] == '\0')
		domain_problem(p, TRANSFER_FIELD_REASON, "请写明转办理由");
	if (p->n > 0)
		return DOMAIN_INVALID;
	if ((ds = place_name(arena, in->region, from_name,
	    sizeof(from_name))) != DOMAIN_OK ||
	    (ds = place_name(arena, out->region, to_name, sizeof(to_name))) !=
	    DOMAIN_OK)
		return ds;
	if ((st = calendar_load(&cal)) != DB_OK)
		return domain_of_db(st);
	complaint_flow_due_from(rule, &cal, in->accept_days, 0,
	    out->accept_due);
	calendar_free(&cal);
	/* Where it went is the complainant's to know; why, the staff's. */
	snprintf(reply, sizeof(reply), "已转办至%s，由当地主管部门受理办理，"
	    "受理期限 %s。", to_name, out->accept_due);
	snprintf(note, sizeof(note), "从%s转办至%s。理由：%s", from_name,
	    to_name, in->reason);
	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	a[0] = DB_TEXT(out->region);
	a[1] = DB_TEXT(out->accept_due);
	a[2] = DB_INT(in->id);
	a[3] = DB_TEXT(in->status);
	a[4] = DB_TEXT(in->region);
	st = db_exec(&move, a, 5, &affected, NULL);
	if (st == DB_OK && affected == 1) {
		a[0] = DB_INT(in->id);
		a[1] = DB_TEXT(rule->event);
		a[2] = DB_TEXT(in->status);
		a[3] = DB_TEXT(to_status);
		a[4] = DB_TEXT(reply);
		a[5] = DB_TEXT(note);
		a[6] = DB_INT(in->by->user->id);
		a[7] = DB_TEXT(in->region);
		a[8] = DB_TEXT(out->region);
		st = db_exec(&step, a, 9, NULL, NULL);
	}
	/* The complainant hears where it went, with the transfer or not at all. */
	if (st == DB_OK && affected == 1)
		st = notify_complaint_step(in->id, "transferred", reply);
	if (st == DB_OK && affected == 1)
		st = audit_record(in->by, "complaint_transfer", "complaint",
		    in->id, json_pack("{s:s,s:s}", "status", in->status,
		    "outlet_region", in->region), json_pack("{s:s,s:s,s:s,s:s}",
		    "status", to_status, "outlet_region", out->region,
		    "accept_due", out->accept_due, "reason", in->reason));
	if (st != DB_OK || affected != 1 || (st = db_commit()) != DB_OK) {
		db_rollback();
		if (st == DB_OK) {
			domain_problem(p, TRANSFER_FIELD_COUNTY,
			    "这件投诉刚被别人处理过，请刷新后再试");
			return DOMAIN_CONFLICT;
		}
		return domain_of_db(st);
	}
	return DOMAIN_OK;
}
