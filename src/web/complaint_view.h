/* Complaints as page data: the records domain/complaint.h and
 * domain/complaint_handling.h read, under the names the templates read,
 * with the names of statuses and steps from the one table of labels
 * (domain/complaint.c) and the actions the flow (domain/complaint_flow.c)
 * allows now. A NULL string (SQL NULL) is left unset. */
#ifndef JDXX_COMPLAINT_VIEW_H
#define JDXX_COMPLAINT_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "domain/complaint.h"
#include "domain/complaint_handling.h"
#include "domain/complaint_photo.h"

/* The categories (struct complaint_category) as prefix.N.{code, name,
 * description}. */
void	complaint_view_categories(HDF *, const char *prefix,
	    const struct arena_list *categories);
/* A tracked complaint as prefix.{id, tracking_no, status, status_name,
 * category_name, outlet, submitted_at, accept_due, resolve_due,
 * resolved_at, resolved_on, satisfaction, reopened, is_demo, can_reopen}
 * and its steps as prefix.events.N, named as the public read them. */
void	complaint_view_tracked(HDF *, const char *prefix,
	    const struct complaint_tracked *);
/* A page of the queue as prefix.N.{id, tracking_no, status, status_name,
 * category_name, outlet, outlet_region, county, submitted, due, overdue,
 * assignee, channel, channel_name, channel_label, is_demo, escalated}. */
void	complaint_view_queue(HDF *, const char *prefix,
	    const struct arena_list *rows);
/* The counts by status as prefix.N.{status, status_name, n, overdue}. */
void	complaint_view_counts(HDF *, const char *prefix,
	    const struct arena_list *counts);
/* A complaint as staff see it: its columns, status_name, channel_name,
 * channel_label, entered_by (who typed it in, unset for the public's),
 * escalated and escalated_at (督办), and can_transfer (the flow allows a
 * transfer now) under prefix (its timeline and handlers are put by the
 * two below). */
void	complaint_view_put(HDF *, const char *prefix,
	    const struct complaint *);
/* Who may be assigned it as prefix.N.{id, username, display_name}. */
void	complaint_view_handlers(HDF *, const char *prefix,
	    const struct arena_list *handlers);
/* Steps (struct complaint_event) as prefix.N.{the columns, kind_name};
 * staff 1: the staff's names of the steps. */
void	complaint_view_events(HDF *, const char *prefix,
	    const struct arena_list *events, int staff);
/* Every status in the order of the flow, as prefix.N.{code, name}. */
void	complaint_view_statuses(HDF *, const char *prefix);
/* The channels as prefix.N.{code, name}: staff 1, those staff enter;
 * else every one. */
void	complaint_view_channels(HDF *, const char *prefix, int staff);
/* The i-th photo of a complaint as prefix.i.{id, seq, width, height,
 * kb, url}, url the link that shows it to this reader. */
void	complaint_view_photo(HDF *, const char *prefix, size_t i,
	    const struct complaint_photo *, const char *url);
/* The rules' numbers the complaint pages state, as Limits.{description,
 * reopen_days, photos, photo_mb, photo_link_minutes}. */
void	complaint_view_limits(HDF *);
/* A filed complaint's receipt as Receipt.{tracking_no, code, accept_due,
 * existing}: the public's and the staff intake's alike. */
void	complaint_view_receipt(HDF *, const struct complaint_receipt *);
/* The actions a handler may take from status on the handling form, as
 * prefix.N.{code, name}: not those with a form of their own. */
void	complaint_view_actions(HDF *, const char *prefix, const char *status);

#endif
