/* Complaints as page data: the names of statuses and steps from the one
 * table of labels (domain/complaint.c), and the actions the flow
 * (domain/complaint_flow.c) allows now. */
#ifndef JDXX_COMPLAINT_VIEW_H
#define JDXX_COMPLAINT_VIEW_H

#include <ClearSilver/ClearSilver.h>

/* Sets status_name on a record that has a status. */
void	complaint_view_record(HDF *record);
/* Sets status_name and kind_name on each row of list that has a status
 * or a kind (staff 1: the staff's names of the steps). */
void	complaint_view_rows(HDF *list, int staff);
/* Every status in the order of the flow, as prefix.N.{code, name}. */
void	complaint_view_statuses(HDF *, const char *prefix);
/* The actions a handler may take from status, as prefix.N.{code, name}. */
void	complaint_view_actions(HDF *, const char *prefix, const char *status);

#endif
