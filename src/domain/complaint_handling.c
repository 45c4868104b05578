/* Complaint handling for staff: the queue, one complaint, and the steps
 * 待受理 → 已受理 / 不予受理 → 调查中 → 已办结 (and reopened). */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "db/filtered.h"
#include "domain/result.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/complaint.h"
#include "domain/complaint_flow.h"
#include "domain/complaint_handling.h"
#include "domain/notify_outbox.h"
#include "domain/workday.h"

/* due: the deadline running now (sql/021_complaint_tally.sql), in both
 * complaint and complaint_tally. */
#define OVERDUE	"c.due < CURDATE()"
/* Under 督办: the deadline it was flagged for still runs
 * (sql/029_complaint_transfer.sql, complaint_escalation.h). */
#define ESCALATED	"c.escalated = 1"

#define QUEUE_COLUMNS \
    "SELECT c.id, c.tracking_no, c.status, k.name AS category_name, " \
    "COALESCE(o.name, c.outlet_name) AS outlet, c.outlet_region, " \
    "r.name AS county, DATE_FORMAT(c.submitted_at, '%Y-%m-%d') AS submitted, " \
    "DATE_FORMAT(IF(c.status = 'submitted', c.accept_due, c.resolve_due), " \
    "'%Y-%m-%d') AS due, " OVERDUE " AS overdue, u.username AS assignee, " \
    "c.channel, c.is_demo, c.escalated "

enum { QF_REGION = 1, QF_STATUS = 2, QF_CATEGORY = 4, QF_OUTLET = 8,
	QF_OVERDUE = 16, QF_ESCALATED = 32 };

static const struct sql_fragment queue_filters[] = {
	{ QF_REGION, " AND c.outlet_region LIKE CONCAT(?, '%')" },
	{ QF_STATUS, " AND c.status = ?" },
	{ QF_CATEGORY, " AND c.category = ?" },
	{ QF_OUTLET, " AND c.outlet_id = ?" },
	{ QF_OVERDUE, " AND " OVERDUE },
	{ QF_ESCALATED, " AND " ESCALATED },
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
    "SELECT c.id, c.tracking_no, c.status, c.channel, "
    "s.username AS entered_by, c.category, "
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
    "c.is_demo, c.escalated, DATE_FORMAT(c.escalated_at, '%Y-%m-%d %H:%i') "
    "AS escalated_at FROM complaint c "
    "JOIN complaint_category k ON k.code = c.category "
    "LEFT JOIN outlet o ON o.id = c.outlet_id "
    "LEFT JOIN region t ON t.code = c.region_code "
    "LEFT JOIN staff s ON s.id = c.entered_by WHERE c.id = ?");

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

/* The complaint as it was read, locked: a transfer or another step that
 * committed first (a new region, a new status) makes this one a conflict. */
static struct db_stmt lock_as_read = DB_WRITE(
    "SELECT COUNT(*) FROM complaint WHERE id = ? AND status = ? "
    "AND outlet_region = ? FOR UPDATE");

static struct db_stmt set_assignee = DB_WRITE(
    "UPDATE complaint SET assignee_id = ? WHERE id = ?");

enum domain_status
complaints_overdue(const char *region, long long *n)
{
	struct db_arg	 a[] = { DB_TEXT(region) };
	struct db_stmt	*count;

	*n = 0;
	if ((count = filtered_count(&queue_tally, QF_REGION | QF_OVERDUE)) ==
	    NULL)
		return DOMAIN_INTERNAL;
	return domain_of_db(db_query_int(count, a, 1, n));
}

enum domain_status
complaints_escalated(const char *region, long long *n)
{
	struct db_arg	 a[] = { DB_TEXT(region) };
	struct db_stmt	*count;

	*n = 0;
	if ((count = filtered_count(&queue, QF_REGION | QF_ESCALATED)) == NULL)
		return DOMAIN_INTERNAL;
	return domain_of_db(db_query_int(count, a, 1, n));
}

/* Where a read puts its rows: a list in an arena, or one record. */
struct handling_sink {
	struct arena		*arena;
	struct arena_list	*list;
	struct complaint	*one;
};

static int
read_queue_row(void *arg, const struct db_row *r)
{
	struct handling_sink		*k = arg;
	struct complaint_queue_row	*q;

	if ((q = arena_push(k->arena, k->list, sizeof(*q))) == NULL)
		return -1;
	q->id = db_int(r, "id");
	q->tracking_no = db_keep(k->arena, r, "tracking_no");
	q->status = db_keep(k->arena, r, "status");
	q->category_name = db_keep(k->arena, r, "category_name");
	q->outlet = db_keep(k->arena, r, "outlet");
	q->outlet_region = db_keep(k->arena, r, "outlet_region");
	q->county = db_keep(k->arena, r, "county");
	q->submitted = db_keep(k->arena, r, "submitted");
	q->due = db_keep(k->arena, r, "due");
	q->overdue = db_int(r, "overdue") != 0;
	q->assignee = db_keep(k->arena, r, "assignee");
	q->channel = db_keep(k->arena, r, "channel");
	q->is_demo = db_int(r, "is_demo") != 0;
	q->escalated = db_int(r, "escalated") != 0;
	return 0;
}

enum domain_status
complaint_queue(struct arena *arena, const struct complaint_queue_filter *f,
    long page, long page_size, struct arena_list *rows, long long *total)
{
	struct db_arg		 a[8];
	struct db_stmt		*list, *count;
	struct handling_sink	 k = { arena, rows, NULL };
	unsigned		 mask = QF_REGION;
	size_t			 na = 0;
	enum db_status		 st;

	*rows = (struct arena_list){ 0 };
	*total = 0;
	a[na++] = DB_TEXT(f->region);
	if (f->status != NULL) {
		mask |= QF_STATUS;
		a[na++] = DB_TEXT(f->status);
	}
	if (f->category != NULL) {
		mask |= QF_CATEGORY;
		a[na++] = DB_TEXT(f->category);
	}
	if (f->outlet > 0) {
		mask |= QF_OUTLET;
		a[na++] = DB_INT(f->outlet);
	}
	if (f->overdue)
		mask |= QF_OVERDUE;
	if (f->escalated)
		mask |= QF_ESCALATED;
	/* The tallies know no categories, outlets or flags. */
	if ((list = filtered_list(&queue, mask)) == NULL ||
	    (count = filtered_count((mask & (QF_CATEGORY | QF_OUTLET |
	    QF_ESCALATED)) == 0 ?
	    &queue_tally : &queue, mask)) == NULL)
		return DOMAIN_INTERNAL;
	if ((st = db_query_int(count, a, na, total)) != DB_OK)
		return domain_of_db(st);
	a[na++] = DB_INT(page_size);
	a[na++] = DB_INT((long long)(page - 1) * page_size);
	/* Nothing to list is not looked for through every complaint. */
	if (*total == 0)
		return DOMAIN_OK;
	return domain_of_read(db_query_each(list, a, na, read_queue_row, &k),
	    arena);
}

static int
read_status_count(void *arg, const struct db_row *r)
{
	struct handling_sink		*k = arg;
	struct complaint_status_count	*c;

	if ((c = arena_push(k->arena, k->list, sizeof(*c))) == NULL)
		return -1;
	c->status = db_keep(k->arena, r, "status");
	c->n = db_int(r, "n");
	c->overdue = db_int(r, "overdue");
	return 0;
}

enum domain_status
complaint_status_counts(struct arena *arena, const char *region,
    struct arena_list *counts)
{
	struct db_arg		 a[] = { DB_TEXT(region) };
	struct handling_sink	 k = { arena, counts, NULL };

	*counts = (struct arena_list){ 0 };
	return domain_of_read(db_query_each(&counts_by_status, a, 1,
	    read_status_count, &k), arena);
}

static int
read_complaint(void *arg, const struct db_row *r)
{
	struct handling_sink	*k = arg;
	struct complaint	*c = k->one;
	struct arena		*a = k->arena;

	if (c->id != 0)
		return 0;
	c->id = db_int(r, "id");
	c->tracking_no = db_keep(a, r, "tracking_no");
	c->status = db_keep(a, r, "status");
	c->channel = db_keep(a, r, "channel");
	c->entered_by = db_keep(a, r, "entered_by");
	c->category = db_keep(a, r, "category");
	c->category_name = db_keep(a, r, "category_name");
	c->name = db_keep(a, r, "name");
	c->phone = db_keep(a, r, "phone");
	c->region_code = db_keep(a, r, "region_code");
	c->township = db_keep(a, r, "township");
	c->outlet_id = db_int(r, "outlet_id");
	c->outlet = db_keep(a, r, "outlet");
	c->outlet_address = db_keep(a, r, "outlet_address");
	c->reg_no = db_keep(a, r, "reg_no");
	c->outlet_region = db_keep(a, r, "outlet_region");
	c->purchase_date = db_keep(a, r, "purchase_date");
	c->product_category = db_keep(a, r, "product_category");
	c->product_model = db_keep(a, r, "product_model");
	c->invoice_no = db_keep(a, r, "invoice_no");
	c->description = db_keep(a, r, "description");
	c->submitted_at = db_keep(a, r, "submitted_at");
	c->accept_due = db_keep(a, r, "accept_due");
	c->resolve_due = db_keep(a, r, "resolve_due");
	c->resolved_at = db_keep(a, r, "resolved_at");
	c->satisfaction = db_keep(a, r, "satisfaction");
	c->reopened = db_int(r, "reopened") != 0;
	c->assignee_id = db_int(r, "assignee_id");
	c->overdue = db_int(r, "overdue") != 0;
	c->is_demo = db_int(r, "is_demo") != 0;
	c->escalated = db_int(r, "escalated") != 0;
	c->escalated_at = db_keep(a, r, "escalated_at");
	return 0;
}

static int
read_event(void *arg, const struct db_row *r)
{
	struct handling_sink	*k = arg;
	struct complaint_event	*e;

	if ((e = arena_push(k->arena, k->list, sizeof(*e))) == NULL)
		return -1;
	e->at = db_keep(k->arena, r, "at");
	e->kind = db_keep(k->arena, r, "kind");
	e->from_status = db_keep(k->arena, r, "from_status");
	e->to_status = db_keep(k->arena, r, "to_status");
	e->public_reply = db_keep(k->arena, r, "public_reply");
	e->internal_note = db_keep(k->arena, r, "internal_note");
	e->username = db_keep(k->arena, r, "username");
	return 0;
}

static int
read_handler(void *arg, const struct db_row *r)
{
	struct handling_sink	*k = arg;
	struct complaint_handler *h;

	if ((h = arena_push(k->arena, k->list, sizeof(*h))) == NULL)
		return -1;
	h->id = db_int(r, "id");
	h->username = db_keep(k->arena, r, "username");
	h->display_name = db_keep(k->arena, r, "display_name");
	return 0;
}

enum domain_status
complaint_for_staff(struct arena *arena, long long id, struct complaint *c)
{
	struct db_arg		 a[] = { DB_INT(id) };
	struct db_arg		 r[1];
	struct handling_sink	 k = { arena, NULL, c };
	enum domain_status	 ds;

	memset(c, 0, sizeof(*c));
	if ((ds = domain_of_read(db_query_each(&one, a, 1, read_complaint, &k),
	    arena)) != DOMAIN_OK)
		return ds;
	if (c->id == 0)
		return DOMAIN_NOT_FOUND;
	k.list = &c->events;
	if ((ds = domain_of_read(db_query_each(&events_of, a, 1, read_event, &k),
	    arena)) != DOMAIN_OK)
		return ds;
	r[0] = DB_TEXT(c->outlet_region != NULL ? c->outlet_region : "");
	k.list = &c->handlers;
	return domain_of_read(db_query_each(&handlers_of_region, r, 1,
	    read_handler, &k), arena);
}

/* Checks an action against the flow and what it must carry. */
static enum domain_status
check_action(const struct complaint_act *in, const struct complaint_rule *rule,
    struct domain_problems *p)
{
	enum complaint_refusal	 why;
	enum domain_status	 st;
	int			 covers = 0;

	why = complaint_flow_allows(rule, complaint_state_of(in->status),
	    ACTOR_HANDLER);
	/* Transfer has a form of its own (complaint_transfer.h). */
	if (why == FLOW_UNKNOWN_ACTION || why == FLOW_NOT_YOURS ||
	    rule->own_form) {
		domain_problem(p, "action", "请选择操作");
		return DOMAIN_INVALID;
	}
	if (rule->needs == NEEDS_REPLY && in->reply == NULL)
		domain_problem(p, "public_reply", rule->needs_message);
	if (why == FLOW_WRONG_STATE)
		domain_problem(p, "action", "这件投诉现在的状态不能做这个操作");
	if (rule->needs == NEEDS_REPLY_OR_NOTE && in->reply == NULL &&
	    in->note == NULL)
		domain_problem(p, "internal_note", rule->needs_message);
	if (rule->needs == NEEDS_ASSIGNEE && in->assignee <= 0)
		domain_problem(p, "assignee", rule->needs_message);
	else if (rule->needs == NEEDS_ASSIGNEE) {
		if ((st = authz_handler_covers(in->assignee, in->region,
		    &covers)) != DOMAIN_OK)
			return st;
		if (!covers)
			domain_problem(p, "assignee", "承办人须是负责这件投诉所在"
			    "地区、在岗的投诉处理人员");
	}
	return p->n > 0 ? DOMAIN_INVALID : DOMAIN_OK;
}

/* Within the step's transaction: *same is 0 when the complaint moved on
 * (another status, or transferred away) since the page was read. */
static enum db_status
still_as_read(const struct complaint_act *in, int *same)
{
	struct db_arg	 a[] = { DB_INT(in->id), DB_TEXT(in->status),
	    DB_TEXT(in->region) };
	long long	 n = 0;
	enum db_status	 st;

	st = db_query_int(&lock_as_read, a, 3, &n);
	*same = n == 1;
	return st;
}

/* The change itself; *moved is 0 when someone else moved it first. */
static enum db_status
apply(const struct complaint_act *in, const struct complaint_rule *rule,
    const char *to, const char *due, int *moved)
{
	struct db_arg		 a[7];
	unsigned long long	 affected = 0;
	enum db_status		 st = DB_OK;

	*moved = 1;
	if (rule->to >= 0) {
		a[0] = DB_TEXT(to);
		a[1] = DB_TEXT(to);
		a[2] = DB_TEXT(to);
		a[3] = due[0] ? DB_TEXT(due) : DB_NULLARG;
		a[4] = DB_TEXT(to);
		a[5] = DB_INT(in->id);
		a[6] = DB_TEXT(in->status);
		st = db_exec(&set_status, a, 7, &affected, NULL);
		*moved = affected == 1;
	} else if (rule->action == CA_ASSIGN) {
		a[0] = DB_INT(in->assignee);
		a[1] = DB_INT(in->id);
		st = db_exec(&set_assignee, a, 2, NULL, NULL);
	}
	return st;
}

/* The notices a step sends, in its transaction: the complainant hears
 * of acceptance, rejection, a public reply and resolution; an assignee
 * of being assigned. */
static enum db_status
notify_step(const struct complaint_act *in, const struct complaint_rule *rule)
{
	switch (rule->action) {
	case CA_ACCEPT:
		return notify_complaint_step(in->id, "accepted", in->reply);
	case CA_REJECT:
		return notify_complaint_step(in->id, "rejected", in->reply);
	case CA_RESOLVE:
		return notify_complaint_step(in->id, "resolved", in->reply);
	case CA_NOTE:
		return in->reply != NULL ? notify_complaint_step(in->id, "reply",
		    in->reply) : DB_OK;
	case CA_ASSIGN:
		return notify_assignment(in->id, in->assignee);
	default:
		return DB_OK;
	}
}

enum domain_status
complaint_take_action(const struct complaint_act *in,
    struct domain_problems *p)
{
	const struct complaint_rule *rule = complaint_rule_of(in->action);
	enum domain_status	 ds;
	enum db_status		 st;
	struct calendar		 cal;
	const char		*to;
	char			 due[11] = "", audit_action[40];
	int			 moved;

	if ((ds = check_action(in, rule, p)) != DOMAIN_OK)
		return ds;
	to = rule->to >= 0 ? complaint_state_code(rule->to) : in->status;
	if (rule->due == DUE_RESOLVE_FROM_TODAY) {
		if ((st = calendar_load(&cal)) != DB_OK)
			return domain_of_db(st);
		complaint_flow_due(rule, &cal, in->resolve_days, due);
		calendar_free(&cal);
	}
	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	st = still_as_read(in, &moved);
	if (st == DB_OK && moved)
		st = apply(in, rule, to, due, &moved);
	if (st == DB_OK && moved)
		st = complaint_add_event(in->id, rule->event, in->status, to,
		    in->reply, in->note, in->by->user->id);
	if (st == DB_OK && moved)
		st = notify_step(in, rule);
	snprintf(audit_action, sizeof(audit_action), "complaint_%s",
	    rule->code);
	if (st == DB_OK && moved)
		st = audit_record(in->by, audit_action, "complaint", in->id,
		    json_pack("{s:s}", "status", in->status),
		    json_pack("{s:s,s:s?,s:s?}", "status", to, "public_reply",
		    in->reply, "internal_note", in->note));
	if (st != DB_OK || !moved || (st = db_commit()) != DB_OK) {
		db_rollback();
		if (st == DB_OK && !moved) {
			domain_problem(p, "action",
			    "这件投诉刚被别人处理过，请刷新后再试");
			return DOMAIN_CONFLICT;
		}
		return domain_of_db(st);
	}
	return DOMAIN_OK;
}
