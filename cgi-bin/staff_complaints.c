/* Complaint handling for handlers: the queue with deadlines and the
 * steps 待受理 → 已受理 / 不予受理 → 调查中 → 已办结 (and reopened). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/complaint.h"
#include "web/config.h"
#include "db/filtered.h"
#include "domain/session.h"
#include "staff.h"
#include "web/view.h"
#include "domain/workday.h"

#define QUEUE_PAGE_SIZE	30

const struct param_spec queue_params[QU_COUNT] = {
	[QU_STATUS] = { "status", "状态", P_CODE, 1, 16, 0 },
	[QU_CATEGORY] = { "category", "投诉类别", P_CODE, 1, 24, 0 },
	[QU_REGION] = { "region", "地区", P_REGION, 0, 0, 0 },
	[QU_OUTLET] = { "outlet", "网点", P_INT, 1, 4000000000LL, 0 },
	[QU_OVERDUE] = { "overdue", "超期", P_INT, 0, 1, 0 },
	[QU_PAGE] = { "page", "页码", P_INT, 1, 100000, 0 },
};

const struct param_spec handle_params[HA_COUNT] = {
	[HA_ACTION] = { "action", "操作", P_CODE, 1, 16, 0 },
	[HA_REPLY] = { "public_reply", "公开答复", P_LONGTEXT, 2, 2000, 0 },
	[HA_NOTE] = { "internal_note", "内部记录", P_LONGTEXT, 2, 2000, 0 },
	[HA_ASSIGNEE] = { "assignee", "承办人", P_INT, 1, 4000000000LL, 0 },
};

/* due: the deadline running now (sql/021_complaint_tally.sql), in both
 * complaint and complaint_tally. */
#define OVERDUE	"c.due < CURDATE()"

#define QUEUE_COLUMNS \
    "SELECT c.id, c.tracking_no, c.status, k.name AS category_name, " \
    "COALESCE(o.name, c.outlet_name) AS outlet, c.outlet_region, " \
    "r.name AS county, DATE_FORMAT(c.submitted_at, '%Y-%m-%d') AS submitted, " \
    "DATE_FORMAT(IF(c.status = 'submitted', c.accept_due, c.resolve_due), " \
    "'%Y-%m-%d') AS due, " OVERDUE " AS overdue, u.username AS assignee, " \
    "c.is_demo "

enum { QF_REGION = 1, QF_STATUS = 2, QF_CATEGORY = 4, QF_OUTLET = 8,
	QF_OVERDUE = 16 };

static const struct sql_fragment queue_filters[] = {
	{ QF_REGION, " AND c.outlet_region LIKE CONCAT(?, '%')" },
	{ QF_STATUS, " AND c.status = ?" },
	{ QF_CATEGORY, " AND c.category = ?" },
	{ QF_OUTLET, " AND c.outlet_id = ?" },
	{ QF_OVERDUE, " AND " OVERDUE },
};

static struct filtered_sql queue = {
	.list_head = QUEUE_COLUMNS "FROM (SELECT c.id FROM complaint c ",
	.count_head = "SELECT COUNT(*) FROM complaint c ",
	.where = "WHERE 1 = 1",
	.filters = queue_filters,
	.nfilters = sizeof(queue_filters) / sizeof(queue_filters[0]),
	.list_tail = " ORDER BY c.submitted_at DESC, c.id DESC LIMIT ? OFFSET ?"
	    ") pg JOIN complaint c ON c.id = pg.id "
	    "JOIN complaint_category k ON k.code = c.category "
	    "LEFT JOIN outlet o ON o.id = c.outlet_id "
	    "LEFT JOIN region r ON r.code = LEFT(c.outlet_region, 6) "
	    "LEFT JOIN staff u ON u.id = c.assignee_id "
	    "ORDER BY c.submitted_at DESC, c.id DESC",
	.count_tail = "",
};

/*
 * Counts by region, status and lateness add up each township's tally
 * (sql/021_complaint_tally.sql): for a national account 109,665 rows
 * instead of 1,033,318 complaints (28 s by status). Its columns have the
 * complaints' names, so the same fragments serve; a count by category or
 * outlet reads the complaints.
 */
static struct filtered_sql queue_tally =
    FILTERED_TALLY("complaint_tally c", "c.n", queue_filters);

static struct db_stmt counts_by_status = DB_READ(
    "SELECT c.status, CAST(SUM(c.n) AS SIGNED) AS n, "
    "CAST(SUM(IF(" OVERDUE ", c.n, 0)) AS SIGNED) AS overdue "
    "FROM complaint_tally c WHERE c.outlet_region LIKE CONCAT(?, '%') "
    "GROUP BY c.status HAVING n > 0");

static struct db_stmt one = DB_READ(
    "SELECT c.id, c.tracking_no, c.status, c.category, "
    "k.name AS category_name, c.name, c.phone, c.region_code, "
    "t.name AS township, c.outlet_id, COALESCE(o.name, c.outlet_name) "
    "AS outlet, COALESCE(o.address, c.outlet_address) AS outlet_address, "
    "o.reg_no, c.outlet_region, DATE_FORMAT(c.purchase_date, '%Y-%m-%d') "
    "AS purchase_date, c.product_category, c.product_model, c.invoice_no, "
    "c.description, DATE_FORMAT(c.submitted_at, '%Y-%m-%d %H:%i') AS "
    "submitted_at, DATE_FORMAT(c.accept_due, '%Y-%m-%d') AS accept_due, "
    "DATE_FORMAT(c.resolve_due, '%Y-%m-%d') AS resolve_due, "
    "DATE_FORMAT(c.resolved_at, '%Y-%m-%d %H:%i') AS resolved_at, "
    "c.satisfaction, c.reopened, c.assignee_id, " OVERDUE " AS overdue, "
    "c.is_demo FROM complaint c "
    "JOIN complaint_category k ON k.code = c.category "
    "LEFT JOIN outlet o ON o.id = c.outlet_id "
    "LEFT JOIN region t ON t.code = c.region_code WHERE c.id = ?");

static struct db_stmt events_of = DB_READ(
    "SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i') AS at, e.kind, "
    "e.from_status, e.to_status, e.public_reply, e.internal_note, "
    "u.username FROM complaint_event e LEFT JOIN staff u ON u.id = e.staff_id "
    "WHERE e.complaint_id = ? ORDER BY e.at, e.id");

static struct db_stmt handlers_of_region = DB_READ(
    "SELECT id, username, display_name FROM staff WHERE disabled = 0 "
    "AND role IN ('handler', 'admin') AND (region_code IS NULL OR ? LIKE "
    "CONCAT(region_code, '%')) ORDER BY username");

static struct db_stmt set_status = DB_WRITE(
    "UPDATE complaint SET status = ?, "
    "accepted_at = IF(? = 'accepted', NOW(), accepted_at), "
    "resolve_due = IF(? = 'accepted', ?, resolve_due), "
    "resolved_at = IF(? IN ('resolved', 'rejected'), NOW(), resolved_at) "
    "WHERE id = ? AND status = ?");

static struct db_stmt set_assignee = DB_WRITE(
    "UPDATE complaint SET assignee_id = ? WHERE id = ?");

static struct db_stmt insert_event = DB_WRITE(
    "INSERT INTO complaint_event (complaint_id, at, kind, from_status, "
    "to_status, public_reply, internal_note, staff_id) "
    "VALUES (?, NOW(), ?, ?, ?, ?, ?, ?)");

enum db_status
complaints_overdue(const char *region, long long *n)
{
	struct db_arg	 a[] = { DB_TEXT(region) };
	struct db_stmt	*count;

	*n = 0;
	if ((count = filtered_count(&queue_tally, QF_REGION | QF_OVERDUE)) ==
	    NULL)
		return DB_ERROR;
	return db_query_int(count, a, 1, n);
}

int
handle_complaint_queue(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	const char	*region = staff_text(c, QU_REGION);
	struct db_arg	 a[10], r[1];
	struct db_stmt	*list, *count;
	unsigned	 mask = QF_REGION;
	size_t		 na = 0;
	long long	 total;
	long		 n, page = p[QU_PAGE].present ? (long)p[QU_PAGE].n : 1;
	enum db_status	 st;

	hset(c->hdf, "Page.Title", "投诉处理");
	if (c->req->param_errors > 0) {
		ctx_error_page(c, 400, hdf_get_value(c->hdf, "ErrorList.0", NULL));
		return H_OK;
	}
	/* A handler limited to a region sees that region only. */
	if (region[0] == '\0' || !staff_in_region(c, region))
		region = c->user->region;
	hset(c->hdf, "Filter.region", region);
	a[na++] = DB_TEXT(region);
	if (p[QU_STATUS].present) {
		mask |= QF_STATUS;
		a[na++] = DB_TEXT(p[QU_STATUS].s);
	}
	if (p[QU_CATEGORY].present) {
		mask |= QF_CATEGORY;
		a[na++] = DB_TEXT(p[QU_CATEGORY].s);
	}
	if (p[QU_OUTLET].present) {
		mask |= QF_OUTLET;
		a[na++] = DB_INT(p[QU_OUTLET].n);
	}
	if (p[QU_OVERDUE].present && p[QU_OVERDUE].n == 1)
		mask |= QF_OVERDUE;
	if ((list = filtered_list(&queue, mask)) == NULL ||
	    (count = filtered_count((mask & (QF_CATEGORY | QF_OUTLET)) == 0 ?
	    &queue_tally : &queue, mask)) == NULL)
		return H_ERROR;
	if ((st = db_query_int(count, a, na, &total)) != DB_OK)
		return db_result(st);
	a[na++] = DB_INT(QUEUE_PAGE_SIZE);
	a[na++] = DB_INT((long long)(page - 1) * QUEUE_PAGE_SIZE);
	/* Nothing to list is not looked for through every complaint. */
	if (total > 0 &&
	    (st = db_query(list, a, na, c->hdf, "Queue", &n)) != DB_OK)
		return db_result(st);
	r[0] = DB_TEXT(region);
	if ((st = db_query(&counts_by_status, r, 1, c->hdf, "Counts", &n)) !=
	    DB_OK || (st = complaint_categories(c->hdf, "Categories", &n)) !=
	    DB_OK)
		return db_result(st);
	complaint_name_rows(hdf_get_obj(c->hdf, "Queue"), 1);
	complaint_name_rows(hdf_get_obj(c->hdf, "Counts"), 1);
	complaint_statuses(c->hdf, "Statuses");
	ctx_paging(c, page, total, QUEUE_PAGE_SIZE);
	ctx_query_string(c, "Query.all", "page");
	return ctx_render(c, "staff/complaints.cs");
}

/* Loads a complaint of the user's region, with its events. */
static enum handler_result
load(struct ctx *c, long long id)
{
	struct db_arg	 a[] = { DB_INT(id) };
	struct db_arg	 r[1];
	enum db_status	 st;
	int		 found;
	long		 n;

	if ((st = db_query_row(&one, a, 1, c->hdf, "Complaint", &found)) !=
	    DB_OK)
		return db_result(st);
	if (!found)
		return H_NOT_FOUND;
	if (!staff_in_region(c, hdf_get_value(c->hdf, "Complaint.outlet_region",
	    "")))
		return H_NOT_FOUND;
	hset(c->hdf, "Complaint.status_name", complaint_status_name(
	    hdf_get_value(c->hdf, "Complaint.status", "")));
	r[0] = DB_TEXT(hdf_get_value(c->hdf, "Complaint.outlet_region", ""));
	if ((st = db_query(&events_of, a, 1, c->hdf, "Events", &n)) != DB_OK ||
	    (st = db_query(&handlers_of_region, r, 1, c->hdf, "Handlers", &n)) !=
	    DB_OK)
		return db_result(st);
	complaint_name_rows(hdf_get_obj(c->hdf, "Events"), 1);
	return H_OK;
}

int
handle_complaint_view(struct ctx *c)
{
	enum handler_result	 r;

	if ((r = load(c, c->req->path_id)) != H_OK)
		return r;
	hsetf(c->hdf, "Page.Title", "投诉 %s", hdf_get_value(c->hdf,
	    "Complaint.tracking_no", ""));
	return ctx_render(c, "staff/complaint.cs");
}

/* The step an action takes: from which statuses, to which, and what it
 * must carry. */
static const struct {
	const char	*action, *to;
	const char	*from[3];
	int		 needs_reply;
} steps[] = {
	{ "accept", "accepted", { "submitted" }, 0 },
	{ "reject", "rejected", { "submitted" }, 1 },
	{ "investigate", "investigating", { "accepted", "reopened" }, 0 },
	{ "resolve", "resolved", { "accepted", "investigating", "reopened" }, 1 },
};

int
handle_complaint_act(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	long long	 id = c->req->path_id;
	const char	*action = staff_text(c, HA_ACTION);
	const char	*from, *to = NULL;
	const char	*reply = p[HA_REPLY].present ? p[HA_REPLY].s : NULL;
	const char	*note = p[HA_NOTE].present ? p[HA_NOTE].s : NULL;
	char		 due[11] = "", today_s[11], path[64], audit_action[40];
	struct calendar	 cal;
	struct db_arg	 a[7];
	enum handler_result r;
	enum db_status	 st;
	unsigned long long affected = 0;
	size_t		 i, k;
	int		 allowed = 0, covers = 0;

	if ((r = load(c, id)) != H_OK)
		return r;
	hsetf(c->hdf, "Page.Title", "投诉 %s", hdf_get_value(c->hdf,
	    "Complaint.tracking_no", ""));
	from = hdf_get_value(c->hdf, "Complaint.status", "");
	if (c->req->param_errors > 0) {
		c->resp->status = 400;
		return ctx_render(c, "staff/complaint.cs");
	}
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (strcmp(steps[i].action, action) != 0)
			continue;
		to = steps[i].to;
		for (k = 0; k < 3 && steps[i].from[k] != NULL; k++)
			allowed |= strcmp(steps[i].from[k], from) == 0;
		if (steps[i].needs_reply && reply == NULL)
			ctx_field_error(c, "public_reply", strcmp(action,
			    "reject") == 0 ? "不予受理须写明理由（公开答复）" :
			    "办结须写明处理结果（公开答复）");
	}
	if (to == NULL && strcmp(action, "note") != 0 &&
	    strcmp(action, "assign") != 0)
		ctx_field_error(c, "action", "请选择操作");
	else if (to != NULL && !allowed)
		ctx_field_error(c, "action", "这件投诉现在的状态不能做这个操作");
	if (strcmp(action, "note") == 0 && reply == NULL && note == NULL)
		ctx_field_error(c, "internal_note", "请填写公开答复或内部记录");
	if (strcmp(action, "assign") == 0 && !p[HA_ASSIGNEE].present)
		ctx_field_error(c, "assignee", "请选择承办人");
	else if (strcmp(action, "assign") == 0) {
		if ((st = authz_handler_covers(p[HA_ASSIGNEE].n,
		    hdf_get_value(c->hdf, "Complaint.outlet_region", ""),
		    &covers)) != DB_OK)
			return db_result(st);
		if (!covers)
			ctx_field_error(c, "assignee", "承办人须是负责这件投诉所在"
			    "地区、在岗的投诉处理人员");
	}
	if (c->resp->status != 200)
		return ctx_render(c, "staff/complaint.cs");
	if (to != NULL && strcmp(to, "accepted") == 0) {
		if ((st = calendar_load(&cal)) != DB_OK)
			return db_result(st);
		today(today_s);
		days_to_date(workday_add(&cal, date_to_days(today_s),
		    c->cfg->resolve_days), due);
		calendar_free(&cal);
	}
	if ((st = db_begin()) != DB_OK)
		return db_result(st);
	if (to != NULL) {
		a[0] = DB_TEXT(to);
		a[1] = DB_TEXT(to);
		a[2] = DB_TEXT(to);
		a[3] = due[0] ? DB_TEXT(due) : DB_NULLARG;
		a[4] = DB_TEXT(to);
		a[5] = DB_INT(id);
		a[6] = DB_TEXT(from);
		st = db_exec(&set_status, a, 7, &affected, NULL);
		/* Someone else moved it first: change nothing. */
		if (st == DB_OK && affected != 1)
			st = DB_ERROR;
	} else if (strcmp(action, "assign") == 0) {
		a[0] = DB_INT(p[HA_ASSIGNEE].n);
		a[1] = DB_INT(id);
		st = db_exec(&set_assignee, a, 2, NULL, NULL);
	} else
		st = DB_OK;
	if (st == DB_OK) {
		/* A step is named by the status it reaches, else the action. */
		struct db_arg e[] = { DB_INT(id), DB_TEXT(to != NULL ? to :
		    action), DB_TEXT(from), DB_TEXT(to != NULL ? to : from),
		    reply != NULL ? DB_TEXT(reply) : DB_NULLARG,
		    note != NULL ? DB_TEXT(note) : DB_NULLARG,
		    DB_INT(c->user->id) };

		st = db_exec(&insert_event, e, DB_NARGS(e), NULL, NULL);
	}
	snprintf(audit_action, sizeof(audit_action), "complaint_%s", action);
	if (st == DB_OK)
		st = audit_write(c->user, NULL, staff_address(c), audit_action,
		    "complaint", id, json_pack("{s:s}", "status", from),
		    json_pack("{s:s,s:s?,s:s?}", "status", to != NULL ? to :
		    from, "public_reply", reply, "internal_note", note));
	if (st != DB_OK || (st = db_commit()) != DB_OK) {
		db_rollback();
		if (st == DB_ERROR && to != NULL && affected != 1) {
			ctx_field_error(c, "action", "这件投诉刚被别人处理过，请刷新后再试");
			c->resp->status = 409;
			return ctx_render(c, "staff/complaint.cs");
		}
		return db_result(st);
	}
	snprintf(path, sizeof(path), "/staff/complaints/%lld", id);
	return staff_redirect(c, path);
}
