/* Complaint handling for handlers: the queue with deadlines and the
 * steps 待受理 → 已受理 / 不予受理 → 调查中 → 已办结 (and reopened). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/complaint.h"
#include "domain/complaint_escalation.h"
#include "domain/complaint_handling.h"
#include "domain/complaint_photo.h"
#include "domain/complaint_transfer.h"
#include "domain/region.h"
#include "staff.h"
#include "web/complaint_photo_form.h"
#include "web/complaint_view.h"
#include "web/config.h"
#include "web/domain_answer.h"
#include "web/view.h"

#define QUEUE_PAGE_SIZE	30

const struct param_spec queue_params[QU_COUNT] = {
	[QU_STATUS] = { "status", "状态", P_CODE, 1, 16, 0 },
	[QU_CATEGORY] = { "category", "投诉类别", P_CODE, 1, 24, 0 },
	[QU_REGION] = { "region", "地区", P_REGION, 0, 0, 0 },
	[QU_OUTLET] = { "outlet", "网点", P_INT, 1, 4000000000LL, 0 },
	[QU_OVERDUE] = { "overdue", "超期", P_INT, 0, 1, 0 },
	[QU_ESCALATED] = { "escalated", "督办", P_INT, 0, 1, 0 },
	[QU_PAGE] = PARAM_PAGE,
};

const struct param_spec handle_params[HA_COUNT] = {
	[HA_ACTION] = { "action", "操作", P_CODE, 1, 16, 0 },
	[HA_REPLY] = { "public_reply", "公开答复", P_LONGTEXT, 2, 2000, 0 },
	[HA_NOTE] = { "internal_note", "内部记录", P_LONGTEXT, 2, 2000, 0 },
	[HA_ASSIGNEE] = { "assignee", "承办人", P_INT, 1, 4000000000LL, 0 },
};

const struct param_spec complaint_photo_params[CP_COUNT] = {
	[CP_PHOTO] = { "p", "照片", P_INT, 1, 4000000000LL, P_REQUIRED },
};

/* The complaint's photos, linked through its own path. */
static enum handler_result
photos_to_page(struct ctx *c, long long id)
{
	struct arena_list	 photos;
	const struct complaint_photo *p;
	enum domain_status	 ds;
	char			 url[96];
	size_t			 i;

	if ((ds = complaint_photos(&c->arena, id, &photos)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	for (i = 0; i < photos.n; i++) {
		p = complaint_photo_at(&photos, i);
		snprintf(url, sizeof(url), "/staff/complaints/%lld/photo?p=%lld",
		    id, p->id);
		complaint_view_photo(c->hdf, "Photos", i, p, url);
	}
	return H_OK;
}

const struct param_spec transfer_params[TR_COUNT] = {
	[TR_COUNTY] = { TRANSFER_FIELD_COUNTY, "转办到的县（区）", P_TEXT, 1, 40,
	    0 },
	[TR_TOWNSHIP] = { TRANSFER_FIELD_TOWNSHIP, "乡镇", P_TEXT, 1, 40, 0 },
	[TR_REASON] = { TRANSFER_FIELD_REASON, "转办理由", P_LONGTEXT, 2, 1000,
	    0 },
};

int
handle_complaint_queue(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	struct complaint_queue_filter f;
	struct arena_list queue, counts, categories;
	long long	 total, escalated = 0;
	long		 page = p[QU_PAGE].present ? (long)p[QU_PAGE].n : 1;
	enum domain_status ds;

	hset(c->hdf, "Page.Title", "投诉处理");
	/* The queue's form comes back with its filters and the reason. */
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	memset(&f, 0, sizeof(f));
	f.region = ctx_text(c, QU_REGION);
	/* A handler limited to a region sees that region only. */
	if (f.region[0] == '\0' || !staff_in_region(c, f.region))
		f.region = c->user->region;
	hset(c->hdf, "Filter.region", f.region);
	f.status = p[QU_STATUS].present ? p[QU_STATUS].s : NULL;
	f.category = p[QU_CATEGORY].present ? p[QU_CATEGORY].s : NULL;
	f.outlet = p[QU_OUTLET].present ? p[QU_OUTLET].n : 0;
	f.overdue = p[QU_OVERDUE].present && p[QU_OVERDUE].n == 1;
	f.escalated = p[QU_ESCALATED].present && p[QU_ESCALATED].n == 1;
	if (complaint_escalation_supervises(c->user->region)) {
		if ((ds = complaints_escalated(f.region, &escalated)) !=
		    DOMAIN_OK)
			return domain_answer_error(c, ds);
		hseti(c->hdf, "Escalated.n", escalated);
	}
	queue = (struct arena_list){ 0 };
	total = 0;
	if ((c->resp->status == 200 && (ds = complaint_queue(&c->arena, &f,
	    page, QUEUE_PAGE_SIZE, &queue, &total)) != DOMAIN_OK) ||
	    (ds = complaint_status_counts(&c->arena, f.region, &counts)) !=
	    DOMAIN_OK ||
	    (ds = complaint_categories(&c->arena, &categories)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	complaint_view_queue(c->hdf, "Queue", &queue);
	complaint_view_counts(c->hdf, "Counts", &counts);
	complaint_view_categories(c->hdf, "Categories", &categories);
	complaint_view_statuses(c->hdf, "Statuses");
	ctx_paging(c, page, total, QUEUE_PAGE_SIZE);
	ctx_query_string(c, "Query.all", "page");
	return ctx_render(c, "staff/complaints.cs");
}

/* The counties of the complaint's city, offered to the transfer form
 * (any other may be typed). */
static enum handler_result
transfer_choices(struct ctx *c, const struct complaint *k)
{
	struct arena_list	 counties;
	const struct region	*r;
	char			 city[5], row[64];
	enum domain_status	 ds;
	size_t			 i;

	snprintf(city, sizeof(city), "%.4s", k->outlet_region != NULL ?
	    k->outlet_region : "");
	if (strlen(city) < 4)
		return H_OK;
	if ((ds = region_children(&c->arena, city, &counties)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	for (i = 0; i < counties.n; i++) {
		r = region_at(&counties, i);
		if (r->code == NULL || k->outlet_region == NULL ||
		    strncmp(r->code, k->outlet_region, 6) == 0)
			continue;
		snprintf(row, sizeof(row), "TransferCounties.%zu", i);
		hset(c->hdf, row, r->name != NULL ? r->name : r->code);
	}
	return H_OK;
}

/* Loads a complaint of the user's region into k, with its events, and
 * puts it into the page. */
static enum handler_result
load(struct ctx *c, long long id, struct complaint *k)
{
	enum domain_status	 ds;
	enum handler_result	 r;

	if ((ds = complaint_for_staff(&c->arena, id, k)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	if (!staff_in_region(c, k->outlet_region != NULL ? k->outlet_region :
	    ""))
		return H_NOT_FOUND;
	complaint_view_put(c->hdf, "Complaint", k);
	complaint_view_events(c->hdf, "Events", &k->events, 1);
	complaint_view_handlers(c->hdf, "Handlers", &k->handlers);
	complaint_view_actions(c->hdf, "Actions", k->status != NULL ?
	    k->status : "");
	if ((r = photos_to_page(c, id)) != H_OK)
		return r;
	return transfer_choices(c, k);
}

int
handle_complaint_photo(struct ctx *c)
{
	struct complaint	 k;
	enum domain_status	 ds;
	char			*data = NULL;
	size_t			 len = 0;

	/* The route's check read the region; this one reads it again, as
	 * the page does, before any byte of the photo. */
	if ((ds = complaint_for_staff(&c->arena, c->req->path_id, &k)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	if (!staff_in_region(c, k.outlet_region != NULL ? k.outlet_region :
	    ""))
		return H_NOT_FOUND;
	if ((ds = complaint_photo_data(c->req->path_id,
	    c->req->param[CP_PHOTO].n, &data, &len)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	return complaint_photo_answer(c, data, len);
}

int
handle_complaint_view(struct ctx *c)
{
	struct complaint	 k;
	enum handler_result	 r;

	if ((r = load(c, c->req->path_id, &k)) != H_OK)
		return r;
	hsetf(c->hdf, "Page.Title", "投诉 %s", k.tracking_no);
	return ctx_render(c, "staff/complaint.cs");
}

/* The page a step is taken from, loaded and checked as for showing it;
 * *answered when the answer is made already: the page again with the
 * form's refusals (400). */
static enum handler_result
begin_step(struct ctx *c, struct complaint *k, int *answered)
{
	enum handler_result	 r;

	*answered = 0;
	if ((r = load(c, c->req->path_id, k)) != H_OK)
		return r;
	hsetf(c->hdf, "Page.Title", "投诉 %s", k->tracking_no);
	if (c->req->param_errors == 0)
		return H_OK;
	*answered = 1;
	c->resp->status = 400;
	return ctx_render(c, "staff/complaint.cs");
}

int
handle_complaint_act(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	struct complaint_act	 act;
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };
	struct domain_problems	 problems;
	struct complaint	 k;
	enum handler_result	 r;
	enum domain_status	 ds;
	char			 path[64];
	int			 answered;

	if ((r = begin_step(c, &k, &answered)) != H_OK || answered)
		return r;
	memset(&act, 0, sizeof(act));
	act.id = c->req->path_id;
	act.status = k.status;
	act.region = k.outlet_region;
	act.action = ctx_text(c, HA_ACTION);
	act.reply = p[HA_REPLY].present ? p[HA_REPLY].s : NULL;
	act.note = p[HA_NOTE].present ? p[HA_NOTE].s : NULL;
	act.assignee = p[HA_ASSIGNEE].present ? p[HA_ASSIGNEE].n : 0;
	act.resolve_days = c->cfg->resolve_days;
	act.by = &by;
	memset(&problems, 0, sizeof(problems));
	ds = complaint_take_action(&act, &problems);
	if (domain_answer_form(c, ds, &problems))
		return ctx_render(c, "staff/complaint.cs");
	if (ds != DOMAIN_OK)
		return domain_answer_error(c, ds);
	snprintf(path, sizeof(path), "/staff/complaints/%lld", act.id);
	return staff_redirect(c, path);
}

int
handle_complaint_transfer(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	struct complaint_transfer t;
	struct complaint_transferred done;
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };
	struct domain_problems	 problems;
	struct complaint	 k;
	enum handler_result	 r;
	enum domain_status	 ds;
	char			 path[64];
	int			 answered;

	if ((r = begin_step(c, &k, &answered)) != H_OK || answered)
		return r;
	memset(&t, 0, sizeof(t));
	t.id = c->req->path_id;
	t.status = k.status;
	t.region = k.outlet_region;
	t.county = ctx_text(c, TR_COUNTY);
	t.township = p[TR_TOWNSHIP].present ? p[TR_TOWNSHIP].s : NULL;
	t.reason = p[TR_REASON].present ? p[TR_REASON].s : NULL;
	t.accept_days = c->cfg->accept_days;
	t.by = &by;
	memset(&problems, 0, sizeof(problems));
	ds = complaint_transfer(&c->arena, &t, &done, &problems);
	if (domain_answer_form(c, ds, &problems))
		return ctx_render(c, "staff/complaint.cs");
	if (ds != DOMAIN_OK)
		return domain_answer_error(c, ds);
	/* Sent out of the account's region, it is no longer theirs to see. */
	if (staff_in_region(c, done.region))
		snprintf(path, sizeof(path), "/staff/complaints/%lld", t.id);
	else
		snprintf(path, sizeof(path), "/staff/complaints");
	return staff_redirect(c, path);
}
