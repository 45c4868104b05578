/* The names of complaint statuses and timeline steps, written once. */
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
	hdf_set_value(h, "R.0.status", "reopened");
	hdf_set_value(h, "R.1.kind", "note");
	complaint_view_rows(hdf_get_obj(h, "R"), 1);
	CHECK(strcmp(hdf_get_value(h, "R.0.status_name", ""), "已重新办理") == 0,
	    "a row's status named");
	CHECK(strcmp(hdf_get_value(h, "R.1.kind_name", ""), "答复或记录") == 0 &&
	    hdf_get_obj(h, "R.1.status_name") == NULL, "a row's step named");
	hdf_destroy(&h);
}
