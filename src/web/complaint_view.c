/* Complaints as page data: labels and the actions of the flow. */
#include <stdio.h>

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

void
complaint_view_statuses(HDF *hdf, const char *prefix)
{
	char	 name[64];
	int	 i;

	for (i = 0; i < CS_COUNT; i++) {
		snprintf(name, sizeof(name), "%s.%d.code", prefix, i);
		hset(hdf, name, complaint_state_code(i));
		snprintf(name, sizeof(name), "%s.%d.name", prefix, i);
		hset(hdf, name, complaint_status_name(complaint_state_code(i)));
	}
}

void
complaint_view_actions(HDF *hdf, const char *prefix, const char *status)
{
	const struct complaint_rule *r;
	int	 i, n = 0, state = complaint_state_of(status);
	char	 name[64];

	for (i = 0; i < CA_COUNT; i++) {
		r = complaint_rule(i);
		if (complaint_flow_allows(r, state, ACTOR_HANDLER) !=
		    FLOW_ALLOWED)
			continue;
		snprintf(name, sizeof(name), "%s.%d.code", prefix, n);
		hset(hdf, name, r->code);
		snprintf(name, sizeof(name), "%s.%d.label", prefix, n++);
		hset(hdf, name, r->label);
	}
}
