/* Complaints into the page data: records, labels and the actions of the
 * flow. */
#include <stdio.h>

#include "domain/complaint.h"
#include "domain/complaint_flow.h"
#include "web/complaint_view.h"
#include "web/view.h"
#include "web/view_field.h"

/* The channel, its Chinese name and its short label. */
static void
put_channel(HDF *hdf, const char *prefix, const char *channel)
{
	view_field(hdf, prefix, "channel", channel);
	if (channel == NULL)
		return;
	view_field(hdf, prefix, "channel_name", complaint_channel_name(channel));
	view_field(hdf, prefix, "channel_label",
	    complaint_channel_label(channel));
}

/* The status and its Chinese name. */
static void
put_status(HDF *hdf, const char *prefix, const char *status)
{
	view_field(hdf, prefix, "status", status);
	if (status != NULL)
		view_field(hdf, prefix, "status_name",
		    complaint_status_name(status));
}

void
complaint_view_categories(HDF *hdf, const char *prefix,
    const struct arena_list *l)
{
	const struct complaint_category	*c;
	char				 row[VIEW_ITEM_MAX];
	size_t				 i;

	for (i = 0; i < l->n; i++) {
		c = complaint_category_at(l, i);
		snprintf(row, sizeof(row), "%s.%zu", prefix, i);
		view_field(hdf, row, "code", c->code);
		view_field(hdf, row, "name", c->name);
		view_field(hdf, row, "description", c->description);
	}
}

void
complaint_view_events(HDF *hdf, const char *prefix,
    const struct arena_list *l, int staff)
{
	const struct complaint_event	*e;
	char				 row[VIEW_ITEM_MAX];
	size_t				 i;

	for (i = 0; i < l->n; i++) {
		e = complaint_event_at(l, i);
		snprintf(row, sizeof(row), "%s.%zu", prefix, i);
		view_field(hdf, row, "at", e->at);
		view_field(hdf, row, "kind", e->kind);
		if (e->kind != NULL)
			view_field(hdf, row, "kind_name",
			    complaint_step_name(e->kind, staff));
		view_field(hdf, row, "from_status", e->from_status);
		view_field(hdf, row, "to_status", e->to_status);
		view_field(hdf, row, "public_reply", e->public_reply);
		view_field(hdf, row, "internal_note", e->internal_note);
		view_field(hdf, row, "username", e->username);
	}
}

void
complaint_view_tracked(HDF *hdf, const char *prefix,
    const struct complaint_tracked *t)
{
	char	 events[128];

	view_field_int(hdf, prefix, "id", t->id);
	view_field(hdf, prefix, "tracking_no", t->tracking_no);
	put_status(hdf, prefix, t->status);
	view_field(hdf, prefix, "category_name", t->category_name);
	view_field(hdf, prefix, "outlet", t->outlet);
	view_field(hdf, prefix, "submitted_at", t->submitted_at);
	view_field(hdf, prefix, "accept_due", t->accept_due);
	view_field(hdf, prefix, "resolve_due", t->resolve_due);
	view_field(hdf, prefix, "resolved_at", t->resolved_at);
	view_field(hdf, prefix, "resolved_on", t->resolved_on);
	view_field(hdf, prefix, "satisfaction", t->satisfaction);
	view_field_int(hdf, prefix, "reopened", t->reopened);
	view_field_int(hdf, prefix, "is_demo", t->is_demo);
	view_field_int(hdf, prefix, "can_reopen", t->can_reopen);
	snprintf(events, sizeof(events), "%s.events", prefix);
	complaint_view_events(hdf, events, &t->events, 0);
}

void
complaint_view_queue(HDF *hdf, const char *prefix, const struct arena_list *l)
{
	const struct complaint_queue_row *q;
	char				 row[VIEW_ITEM_MAX];
	size_t				 i;

	for (i = 0; i < l->n; i++) {
		q = complaint_queue_row_at(l, i);
		snprintf(row, sizeof(row), "%s.%zu", prefix, i);
		view_field_int(hdf, row, "id", q->id);
		view_field(hdf, row, "tracking_no", q->tracking_no);
		put_status(hdf, row, q->status);
		view_field(hdf, row, "category_name", q->category_name);
		view_field(hdf, row, "outlet", q->outlet);
		view_field(hdf, row, "outlet_region", q->outlet_region);
		view_field(hdf, row, "county", q->county);
		view_field(hdf, row, "submitted", q->submitted);
		view_field(hdf, row, "due", q->due);
		view_field_int(hdf, row, "overdue", q->overdue);
		view_field(hdf, row, "assignee", q->assignee);
		put_channel(hdf, row, q->channel);
		view_field_int(hdf, row, "is_demo", q->is_demo);
		view_field_int(hdf, row, "escalated", q->escalated);
	}
}

void
complaint_view_counts(HDF *hdf, const char *prefix,
    const struct arena_list *l)
{
	const struct complaint_status_count *c;
	char				 row[VIEW_ITEM_MAX];
	size_t				 i;

	for (i = 0; i < l->n; i++) {
		c = complaint_status_count_at(l, i);
		snprintf(row, sizeof(row), "%s.%zu", prefix, i);
		put_status(hdf, row, c->status);
		view_field_int(hdf, row, "n", c->n);
		view_field_int(hdf, row, "overdue", c->overdue);
	}
}

void
complaint_view_put(HDF *hdf, const char *prefix, const struct complaint *c)
{
	view_field_int(hdf, prefix, "id", c->id);
	view_field(hdf, prefix, "tracking_no", c->tracking_no);
	put_status(hdf, prefix, c->status);
	put_channel(hdf, prefix, c->channel);
	view_field(hdf, prefix, "entered_by", c->entered_by);
	view_field(hdf, prefix, "category", c->category);
	view_field(hdf, prefix, "category_name", c->category_name);
	view_field(hdf, prefix, "name", c->name);
	view_field(hdf, prefix, "phone", c->phone);
	view_field(hdf, prefix, "region_code", c->region_code);
	view_field(hdf, prefix, "township", c->township);
	if (c->outlet_id > 0)
		view_field_int(hdf, prefix, "outlet_id", c->outlet_id);
	view_field(hdf, prefix, "outlet", c->outlet);
	view_field(hdf, prefix, "outlet_address", c->outlet_address);
	view_field(hdf, prefix, "reg_no", c->reg_no);
	view_field(hdf, prefix, "outlet_region", c->outlet_region);
	view_field(hdf, prefix, "purchase_date", c->purchase_date);
	view_field(hdf, prefix, "product_category", c->product_category);
	view_field(hdf, prefix, "product_model", c->product_model);
	view_field(hdf, prefix, "invoice_no", c->invoice_no);
	view_field(hdf, prefix, "description", c->description);
	view_field(hdf, prefix, "submitted_at", c->submitted_at);
	view_field(hdf, prefix, "accept_due", c->accept_due);
	view_field(hdf, prefix, "resolve_due", c->resolve_due);
	view_field(hdf, prefix, "resolved_at", c->resolved_at);
	view_field(hdf, prefix, "satisfaction", c->satisfaction);
	view_field_int(hdf, prefix, "reopened", c->reopened);
	if (c->assignee_id > 0)
		view_field_int(hdf, prefix, "assignee_id", c->assignee_id);
	view_field_int(hdf, prefix, "overdue", c->overdue);
	view_field_int(hdf, prefix, "is_demo", c->is_demo);
	view_field_int(hdf, prefix, "escalated", c->escalated);
	view_field(hdf, prefix, "escalated_at", c->escalated_at);
	/* Whether the transfer form is offered: the flow's rule. */
	view_field_int(hdf, prefix, "can_transfer", complaint_flow_allows(
	    complaint_rule(CA_TRANSFER), complaint_state_of(c->status != NULL ?
	    c->status : ""), ACTOR_HANDLER) == FLOW_ALLOWED);
}

void
complaint_view_handlers(HDF *hdf, const char *prefix,
    const struct arena_list *l)
{
	const struct complaint_handler	*h;
	char				 row[VIEW_ITEM_MAX];
	size_t				 i;

	for (i = 0; i < l->n; i++) {
		h = complaint_handler_at(l, i);
		snprintf(row, sizeof(row), "%s.%zu", prefix, i);
		view_field_int(hdf, row, "id", h->id);
		view_field(hdf, row, "username", h->username);
		view_field(hdf, row, "display_name", h->display_name);
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
complaint_view_channels(HDF *hdf, const char *prefix, int staff)
{
	view_code_list(hdf, prefix, staff ? complaint_staff_channel_at :
	    complaint_channel_at, complaint_channel_name);
}

void
complaint_view_actions(HDF *hdf, const char *prefix, const char *status)
{
	const struct complaint_rule *r;
	int	 i, state = complaint_state_of(status);
	size_t	 n = 0;

	for (i = 0; i < CA_COUNT; i++) {
		r = complaint_rule(i);
		/* A transfer has its own form. */
		if (!r->own_form && complaint_flow_allows(r, state,
		    ACTOR_HANDLER) == FLOW_ALLOWED)
			view_code_item(hdf, prefix, n++, r->code, r->label);
	}
}

void
complaint_view_limits(HDF *hdf)
{
	hseti(hdf, "Limits.description", COMPLAINT_DESC_MAX);
	hseti(hdf, "Limits.reopen_days", COMPLAINT_REOPEN_DAYS);
	hseti(hdf, "Limits.photos", COMPLAINT_PHOTOS_MAX);
	hseti(hdf, "Limits.photo_mb", COMPLAINT_PHOTO_MAX_BYTES / (1024 * 1024));
	hseti(hdf, "Limits.photo_link_minutes",
	    COMPLAINT_PHOTO_LINK_SECONDS / 60);
}

void
complaint_view_receipt(HDF *hdf, const struct complaint_receipt *rec)
{
	hset(hdf, "Receipt.tracking_no", rec->tracking_no);
	hset(hdf, "Receipt.code", rec->code);
	hset(hdf, "Receipt.accept_due", rec->accept_due);
	hseti(hdf, "Receipt.existing", rec->existing);
}

void
complaint_view_photo(HDF *hdf, const char *prefix, size_t i,
    const struct complaint_photo *p, const char *url)
{
	char	 row[VIEW_ITEM_MAX];

	snprintf(row, sizeof(row), "%s.%zu", prefix, i);
	view_field_int(hdf, row, "id", p->id);
	view_field_int(hdf, row, "seq", p->seq);
	view_field_int(hdf, row, "width", p->width);
	view_field_int(hdf, row, "height", p->height);
	view_field_int(hdf, row, "kb", (p->size + 1023) / 1024);
	view_field(hdf, row, "url", url);
}
