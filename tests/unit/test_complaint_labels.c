/* The names of complaint statuses and timeline steps, written once, and
 * complaint records put into page data with them. */
#include <string.h>

#include "check.h"
#include "domain/complaint.h"
#include "web/complaint_view.h"

static const struct {
	const char	*code, *name;
} status_cases[] = {
	{ "submitted", "待受理" }, { "accepted", "已受理" },
	{ "investigating", "调查中" }, { "reopened", "已重新办理" },
	{ "resolved", "已办结" }, { "rejected", "不予受理" },
	{ "nothing", "" }, { "", "" },
};

static const struct {
	const char	*kind, *public_name, *staff_name;
} step_cases[] = {
	{ "submitted", "提交投诉", "提交投诉" },
	{ "reopened", "投诉人要求重新办理", "投诉人要求重新办理" },
	{ "assign", "指定承办人", "指定承办人" },
	{ "note", "答复", "答复或记录" },
	{ "something else", "答复", "答复或记录" },
};

/* Whether name is unset in h. */
static int
unset(HDF *h, const char *name)
{
	return hdf_get_value(h, name, NULL) == NULL;
}

static int
is(HDF *h, const char *name, const char *want)
{
	return strcmp(hdf_get_value(h, name, ""), want) == 0;
}

/* The typed records as page data: the statuses and steps named, a SQL
 * NULL (a NULL string, an id of 0) left unset. */
static void
test_records_put(HDF *h)
{
	struct complaint_queue_row	 q[] = {
		{ .id = 7, .tracking_no = "AB3D-7K9Q", .status = "reopened",
		    .overdue = 1, .county = NULL, .channel = "hotline_12315",
		    .is_demo = 0 },
		{ .id = 8, .status = "nothing" },
	};
	struct complaint_event		 e[] = {
		{ .at = "2009-03-15 08:00", .kind = "note",
		    .internal_note = "x" },
		{ .at = "2009-03-16 08:00", .kind = "resolved",
		    .public_reply = "已退还" },
	};
	struct complaint_status_count	 n[] = {
		{ .status = "submitted", .n = 12, .overdue = 0 },
	};
	struct complaint_tracked	 t = { .id = 41,
	    .tracking_no = "AB3D-7K9Q", .status = "resolved",
	    .resolve_due = NULL, .can_reopen = 1 };
	struct complaint		 c = { .id = 41, .status = "accepted",
	    .outlet_id = 0, .assignee_id = 3, .township = NULL,
	    .channel = "letter", .entered_by = "handler" };
	struct complaint		 pub = { .id = 42, .channel = "web" };
	struct arena_list		 ql = { q, NELEM(q), NELEM(q) };
	struct arena_list		 el = { e, NELEM(e), NELEM(e) };
	struct arena_list		 nl = { n, NELEM(n), NELEM(n) };

	complaint_view_queue(h, "Q", &ql);
	CHECK(is(h, "Q.0.id", "7") && is(h, "Q.0.status_name", "已重新办理") &&
	    is(h, "Q.0.overdue", "1") && is(h, "Q.0.is_demo", "0"),
	    "a queue row with its status named");
	CHECK(unset(h, "Q.0.county") && unset(h, "Q.1.tracking_no"),
	    "a queue row's NULL columns unset");
	CHECK(is(h, "Q.0.channel", "hotline_12315") &&
	    is(h, "Q.0.channel_label", "12315") && unset(h, "Q.1.channel") &&
	    unset(h, "Q.1.channel_label"), "a queue row's channel labelled");
	CHECK(is(h, "Q.1.status_name", ""), "an unknown status has no name");
	complaint_view_events(h, "E", &el, 1);
	CHECK(is(h, "E.0.kind_name", "答复或记录") &&
	    is(h, "E.1.kind_name", "办结") && unset(h, "E.0.status_name"),
	    "steps named as staff read them");
	CHECK(unset(h, "E.0.public_reply") && is(h, "E.0.internal_note", "x"),
	    "a step's NULL columns unset");
	complaint_view_events(h, "P", &el, 0);
	CHECK(is(h, "P.0.kind_name", "答复"), "steps named as the public read them");
	complaint_view_counts(h, "N", &nl);
	CHECK(is(h, "N.0.status_name", "待受理") && is(h, "N.0.n", "12") &&
	    is(h, "N.0.overdue", "0") && unset(h, "N.1.status"),
	    "counts by status");
	t.events = el;
	complaint_view_tracked(h, "T", &t);
	CHECK(is(h, "T.status_name", "已办结") && is(h, "T.can_reopen", "1") &&
	    unset(h, "T.resolve_due") && is(h, "T.events.1.kind_name", "办结"),
	    "a tracked complaint and its public steps");
	complaint_view_put(h, "C", &c);
	CHECK(is(h, "C.status_name", "已受理") && unset(h, "C.outlet_id") &&
	    is(h, "C.assignee_id", "3") && unset(h, "C.township"),
	    "a complaint as staff see it, no outlet id for a shop not listed");
	CHECK(is(h, "C.channel_name", "信件") && is(h, "C.entered_by", "handler"),
	    "a complaint staff entered: its channel and who entered it");
	complaint_view_put(h, "W", &pub);
	CHECK(is(h, "W.channel_name", "网上投诉") && unset(h, "W.entered_by"),
	    "the public's own complaint: no one entered it");
}

void
test_complaint_labels(void)
{
	HDF	*h;
	size_t	 i;

	for (i = 0; i < NELEM(status_cases); i++)
		CHECK(strcmp(complaint_status_name(status_cases[i].code),
		    status_cases[i].name) == 0, "status %s", status_cases[i].code);
	for (i = 0; i < NELEM(step_cases); i++) {
		CHECK(strcmp(complaint_step_name(step_cases[i].kind, 0),
		    step_cases[i].public_name) == 0, "step %s", step_cases[i].kind);
		CHECK(strcmp(complaint_step_name(step_cases[i].kind, 1),
		    step_cases[i].staff_name) == 0, "staff step %s",
		    step_cases[i].kind);
	}
	if (hdf_init(&h) != STATUS_OK)
		return;
	complaint_view_statuses(h, "S");
	CHECK(strcmp(hdf_get_value(h, "S.0.code", ""), "submitted") == 0 &&
	    strcmp(hdf_get_value(h, "S.5.name", ""), "不予受理") == 0 &&
	    hdf_get_obj(h, "S.6") == NULL, "every status once, in flow order");
	test_records_put(h);
	hdf_destroy(&h);
}
