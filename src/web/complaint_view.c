/* Complaints as page data: labels and the actions of the flow. */
#include "domain/complaint.h"
#include "domain/complaint_flow.h"
#include "web/complaint_view.h"
#include "web/view.h"

void
complaint_view_record(HDF *record)
{
	if (record != NULL && hdf_get_value(record, "status", NULL) != NULL)
		hset(record, "status_name", complaint_status_name(
		    hdf_get_value(record, "status", "")));
}

void
complaint_view_rows(HDF *list, int staff)
{
	HDF	*row;

	for (row = list != NULL ? hdf_obj_child(list) : NULL; row != NULL;
	    row = hdf_obj_next(row)) {
		complaint_view_record(row);
		if (hdf_get_value(row, "kind", NULL) != NULL)
			hset(row, "kind_name", complaint_step_name(
			    hdf_get_value(row, "kind", ""), staff));
	}
}

/* The i-th status of the flow, or NULL past the last. */
static const char *
status_at(size_t i)
{
	return i < CS_COUNT ? complaint_state_code((enum complaint_state)i) :
	    NULL;
}

void
complaint_view_statuses(HDF *hdf, const char *prefix)
{
	view_code_list(hdf, prefix, status_at, complaint_status_name);
}

void
complaint_view_actions(HDF *hdf, const char *prefix, const char *status)
{
	const struct complaint_rule *r;
	int	 i, state = complaint_state_of(status);
	size_t	 n = 0;

	for (i = 0; i < CA_COUNT; i++) {
		r = complaint_rule(i);
		if (complaint_flow_allows(r, state, ACTOR_HANDLER) ==
		    FLOW_ALLOWED)
			view_code_item(hdf, prefix, n++, r->code, r->label);
	}
}
