/* Complaints from the public: the form (region chosen step by step
 * without JavaScript, everything typed kept), the receipt, tracking,
 * and the complainant's satisfaction or reopening. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar_cache.h"
#include "domain/complaint.h"
#include "domain/notify_outbox.h"
#include "domain/complaint_photo.h"
#include "web/complaint_photo_form.h"
#include "web/complaint_view.h"
#include "web/config.h"
#include "domain/outlet.h"
#include "web/domain_answer.h"
#include "web/outlet_view.h"
#include "public.h"
#include "domain/region.h"
#include "domain/throttle.h"
#include "web/domain_answer.h"
#include "web/region_view.h"
#include "web/view.h"

#define TRACK_FREE_MISSES	5

const struct param_spec complaint_params[CF_COUNT] = {
	[CF_NAME] = { "name", "姓名", P_TEXT, 1, 20, 0 },
	[CF_PHONE] = { "phone", "联系电话", P_TEXT, 1, 20, 0 },
	[CF_PROVINCE] = { "province", "省", P_REGION, 0, 0, 0 },
	[CF_CITY] = { "city", "市", P_REGION, 0, 0, 0 },
	[CF_COUNTY] = { "county", "县（市、区）", P_REGION, 0, 0, 0 },
	[CF_REGION] = { "region", "乡镇（街道）", P_REGION, 0, 0, 0 },
	[CF_OUTLET] = { "outlet", "被投诉网点", P_INT, 1, 4000000000LL, 0 },
	[CF_OUTLET_NAME] = { "outlet_name", "商店名称", P_TEXT, 2, 100, 0 },
	[CF_OUTLET_ADDRESS] = { "outlet_address", "商店地址", P_TEXT, 2, 200, 0 },
	[CF_CATEGORY] = { "category", "投诉类别", P_CODE, 1, 24, 0 },
	[CF_PURCHASE] = { "purchase_date", "购买日期", P_DATE, 0, 0, 0 },
	[CF_PRODUCT_CATEGORY] = { "product_category", "商品类别", P_CODE, 1, 16, 0 },
	[CF_MODEL] = { "product_model", "产品型号", P_TEXT, 1, 64, 0 },
	[CF_INVOICE] = { "invoice_no", "发票号码", P_TEXT, 1, 40, 0 },
	[CF_DESCRIPTION] = { "description", "投诉内容", P_LONGTEXT, 5,
	    COMPLAINT_DESC_MAX, 0 },
	[CF_CONSENT] = { "consent", "同意说明", P_INT, 0, 1, 0 },
	[CF_WEBSITE] = { "website", "网站", P_TEXT, 0, 200, 0 },
	[CF_TOKEN] = { "form_token", "表单标识", P_TEXT, 43, 43, 0 },
	[CF_ACTION] = { "action", "操作", P_CODE, 1, 16, 0 },
	[CF_NOTIFY] = { "notify", "通知方式", P_CODE, 1, 8, 0 },
	[CF_EMAIL] = { "email", "电子邮箱", P_TEXT, 3, NOTIFY_EMAIL_MAX, 0 },
};

const struct param_spec track_params[TR_COUNT] = {
	[TR_NO] = { "no", "受理编号", P_TEXT, 1, 20, 0 },
	[TR_CODE] = { "code", "查询码", P_TEXT, 1, 20, 0 },
	[TR_ACTION] = { "action", "操作", P_CODE, 1, 16, 0 },
	[TR_REASON] = { "reason", "重新办理的理由", P_LONGTEXT, 5, 1000, 0 },
};

/* An answer showing a tracking number or query code, or asked for with
 * them: never cached, and its address never sent on as a Referer. */
static void
keep_private(struct ctx *c)
{
	response_header(c->resp, "Cache-Control", "no-store");
	response_header(c->resp, "Referrer-Policy", "no-referrer");
}

/* The region chooser: the chosen levels and the options of each, taken
 * from the most precise code given (a prefilled outlet's township too). */
static enum handler_result
region_choices(struct ctx *c, const char *preset)
{
	static const struct {
		size_t	 param;
		size_t	 len;
		const char *field, *options;
	} levels[] = {
		{ CF_PROVINCE, 2, "Form.province", "Provinces" },
		{ CF_CITY, 4, "Form.city", "Cities" },
		{ CF_COUNTY, 6, "Form.county", "Counties" },
		{ CF_REGION, 9, "Form.region", "Townships" },
	};
	char		 code[13] = "", parent[13] = "";
	struct arena_list children;
	enum domain_status ds;
	size_t		 i, len;

	/* The deepest level given wins; shallower ones follow from it. An
	 * outlet presets only its county: the township is the
	 * complainant's own to choose. */
	for (i = 0; i < 4; i++)
		if (ctx_text(c, levels[i].param)[0] != '\0' &&
		    strlen(ctx_text(c, levels[i].param)) == levels[i].len &&
		    (code[0] == '\0' || strncmp(ctx_text(c, levels[i].param), code,
		    strlen(code)) == 0))
			snprintf(code, sizeof(code), "%s",
			    ctx_text(c, levels[i].param));
	if (code[0] == '\0' && preset != NULL)
		snprintf(code, sizeof(code), "%s", preset);
	len = strlen(code);
	for (i = 0; i < 4; i++) {
		if ((ds = region_children(&c->arena, parent, &children)) !=
		    DOMAIN_OK)
			return domain_answer_error(c, ds);
		region_view_list(c->hdf, levels[i].options, &children);
		if (len < levels[i].len)
			break;
		snprintf(parent, sizeof(parent), "%.*s", (int)levels[i].len,
		    code);
		hset(c->hdf, levels[i].field, parent);
	}
	return H_OK;
}

/* The form, with the limits the rules set. */
static enum handler_result
form_render(struct ctx *c)
{
	complaint_view_limits(c->hdf);
	return ctx_render(c, "complaints/new.cs");
}

static enum handler_result
form_page(struct ctx *c, const char *token)
{
	enum handler_result	 r;
	enum domain_status	 ds;
	struct outlet		 o;
	struct arena_list	 categories;
	long long		 outlet = c->req->param[CF_OUTLET].valid ?
	    c->req->param[CF_OUTLET].n : 0;
	const char		*preset = NULL;

	hset(c->hdf, "Page.Title", "投诉");
	if ((ds = complaint_categories(&c->arena, &categories)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	complaint_view_categories(c->hdf, "Categories", &categories);
	if ((r = load_caps_today(c)) != H_OK)
		return r;
	if (outlet > 0) {
		ds = outlet_get(&c->arena, outlet, &o);
		if (ds == DOMAIN_NOT_FOUND)
			ctx_field_error(c, "outlet", "没有这个网点，请填写商店名称和地址");
		else if (ds != DOMAIN_OK)
			return domain_answer_error(c, ds);
		else {
			outlet_view_put(c->hdf, "Outlet", &o);
			preset = o.county_code;
		}
	}
	if ((r = region_choices(c, preset)) != H_OK)
		return r;
	hset(c->hdf, "Form.form_token", token);
	return form_render(c);
}

int
handle_complaint_new(struct ctx *c)
{
	char	 token[44];

	complaint_form_token(token);
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	return form_page(c, token);
}

/* The complaint as the form sent it. */
static void
input_from_form(struct ctx *c, struct complaint_input *in)
{
	const struct param_value *p = c->req->param;

	memset(in, 0, sizeof(*in));
	in->channel = complaint_channel_code(CHANNEL_WEB);
	in->name = ctx_text(c, CF_NAME);
	in->phone = ctx_text(c, CF_PHONE);
	in->region = ctx_text(c, CF_REGION);
	in->category = ctx_text(c, CF_CATEGORY);
	in->outlet_id = p[CF_OUTLET].present && p[CF_OUTLET].valid ?
	    p[CF_OUTLET].n : 0;
	in->outlet_name = ctx_text(c, CF_OUTLET_NAME);
	in->outlet_address = ctx_text(c, CF_OUTLET_ADDRESS);
	in->purchase_date = ctx_text(c, CF_PURCHASE);
	in->product_category = ctx_text(c, CF_PRODUCT_CATEGORY);
	in->product_model = ctx_text(c, CF_MODEL);
	in->invoice_no = ctx_text(c, CF_INVOICE);
	in->description = ctx_text(c, CF_DESCRIPTION);
	/* An unknown choice stays -1: check_complaint refuses it. */
	in->notify_by = p[CF_NOTIFY].present ?
	    notify_by_of(ctx_text(c, CF_NOTIFY)) : NOTIFY_NONE;
	in->notify_email = ctx_text(c, CF_EMAIL);
}

/* Checks what the parameter table cannot, by the rules every channel
 * shares (complaint_check) and the form's own; marks the wrong fields. */
static enum handler_result
check_complaint(struct ctx *c, const struct complaint_input *in,
    char outlet_region[13])
{
	const struct param_value *p = c->req->param;
	enum handler_result	 r;
	unsigned		 faults;

	if ((r = domain_result(complaint_check(in, &faults, outlet_region))) !=
	    H_OK)
		return r;
	if (!p[CF_NAME].present)
		ctx_field_error(c, "name", "请填写姓名");
	if (!p[CF_PHONE].present)
		ctx_field_error(c, "phone", "请填写联系电话");
	else if (faults & COMPLAINT_BAD_PHONE)
		ctx_field_error(c, "phone",
		    "请填写 11 位手机号码，或带区号的固定电话，如 0710-3312345");
	if (strlen(in->region) != 9)
		ctx_field_error(c, "region", "请选择您户籍所在的乡镇（街道）");
	else if (faults & COMPLAINT_BAD_TOWNSHIP)
		ctx_field_error(c, "region", "请从列表中选择乡镇（街道）");
	if (!p[CF_OUTLET].present && !p[CF_OUTLET_NAME].present)
		ctx_field_error(c, "outlet_name",
		    "请填写被投诉商店的名称（不在指定网点名单里的商店也可以投诉）");
	if (faults & COMPLAINT_BAD_OUTLET)
		ctx_field_error(c, "outlet", "没有这个网点");
	if (faults & COMPLAINT_BAD_CATEGORY)
		ctx_field_error(c, "category", "请选择投诉类别");
	/* The caps are the product categories; the form shown again loads
	 * them itself. */
	if (in->product_category[0] != '\0') {
		if ((r = load_caps_today(c)) != H_OK)
			return r;
		if (!category_known(c, in->product_category))
			ctx_field_error(c, "product_category",
			    "请从列表中选择商品类别");
	}
	if (faults & COMPLAINT_BAD_PURCHASE_DATE)
		ctx_field_error(c, "purchase_date", "购买日期不能晚于今天");
	if (!p[CF_DESCRIPTION].present)
		ctx_field_error(c, "description", "请写明投诉的事情经过");
	if (in->notify_by < 0)
		ctx_field_error(c, "notify", "请选择短信、电子邮件或不通知");
	if (faults & COMPLAINT_BAD_NOTIFY_EMAIL)
		ctx_field_error(c, "email", p[CF_EMAIL].present ?
		    "请填写正确的电子邮箱，如 wang@example.com" :
		    "选择电子邮件通知时，请填写电子邮箱");
	if (faults & COMPLAINT_BAD_NOTIFY_SMS)
		ctx_field_error(c, "notify",
		    "短信只能发到手机，请填写 11 位手机号码或选择其他通知方式");
	if (!p[CF_CONSENT].present || p[CF_CONSENT].n != 1)
		ctx_field_error(c, "consent", "请阅读并同意个人信息使用说明");
	if (strlen(ctx_text(c, CF_TOKEN)) != 43)
		ctx_field_error(c, "form_token", "表单已失效，请重新提交");
	return H_OK;
}

/* Files the form with its photos (cleaned into photos, *n of them, which
 * the caller frees whatever happens). */
static int
submit(struct ctx *c, struct image_out *photos, size_t *n)
{
	const struct param_value *p = c->req->param;
	struct complaint_input	 in;
	struct complaint_receipt rec;
	const struct calendar	*cal;
	enum handler_result	 r;
	enum domain_status	 st;
	long long		 recent;
	const char		*token = ctx_text(c, CF_TOKEN);
	char			 fresh[44], outlet_region[13];
	char			 sender[THROTTLE_SUBJECT_LEN + 1];

	/* Counted, and kept, as throttles count it: IPv6 by its /64. */
	throttle_address(c->req->remote_addr, sender);
	if (strlen(token) != 43) {
		complaint_form_token(fresh);
		token = fresh;
	}
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	(void)complaint_photo_form_sent(c);
	/* "下一步" only moves the region chooser on; nothing is filed. */
	if (strcmp(ctx_text(c, CF_ACTION), "region") == 0)
		return form_page(c, token);
	/* The hidden field people never see: only robots fill it. */
	if (p[CF_WEBSITE].present) {
		ctx_error_page(c, 400, "提交失败。");
		return H_OK;
	}
	input_from_form(c, &in);
	if ((r = check_complaint(c, &in, outlet_region)) != H_OK) {
		if (r == H_UNAVAILABLE)
			goto down;
		return r;
	}
	if (c->resp->status != 200)
		return form_page(c, token);
	/* PerHour 0 (load tests): one address sends everything, uncounted. */
	if (c->cfg->complaints_per_hour == 0)
		recent = 0;
	else if ((st = complaints_filed_from(sender,
	    c->cfg->complaints_per_hour, &recent)) != DOMAIN_OK)
		goto down;
	if (c->cfg->complaints_per_hour > 0 &&
	    recent >= c->cfg->complaints_per_hour) {
		hset(c->hdf, "Notice.throttled", "1");
		c->resp->status = 429;
		response_header(c->resp, "Retry-After", "3600");
		return form_page(c, token);
	}
	/* Decoding is the costly part: only for a form that may be filed. */
	if ((r = complaint_photo_form_read(c, photos, n)) != H_OK)
		return r;
	if (c->resp->status != 200)
		return form_page(c, token);
	in.outlet_region = outlet_region;
	in.address = sender;
	in.photos = photos;
	in.nphotos = *n;
	if ((st = calendar_cached(&cal)) != DOMAIN_OK)
		goto down;
	st = complaint_file(&in, token, c->cfg->secret, cal,
	    c->cfg->accept_days, &rec);
	if (st != DOMAIN_OK)
		goto down;
	complaint_view_receipt(c->hdf, &rec);
	hseti(c->hdf, "Receipt.photos", (long long)*n);
	hset(c->hdf, "Page.Title", "投诉已提交");
	keep_private(c);
	return ctx_render(c, "complaints/receipt.cs");
down:
	/* Nothing was saved: say so, and give the form back as typed. */
	c->resp->status = 503;
	response_header(c->resp, "Retry-After", "60");
	hset(c->hdf, "Notice.down", "1");
	hset(c->hdf, "Form.form_token", token);
	/* The product categories, when the database still answers. */
	(void)load_caps_today(c);
	hset(c->hdf, "Page.Title", "投诉没有保存");
	if (form_render(c) != H_OK)
		return H_UNAVAILABLE;
	return H_OK;
}

int
handle_complaint_submit(struct ctx *c)
{
	struct image_out	 photos[COMPLAINT_PHOTOS_MAX];
	size_t			 n = 0;
	int			 rc;

	rc = submit(c, photos, &n);
	complaint_photo_form_free(photos, n);
	return rc;
}

/* Answers a tracking request into t, shown as Complaint; misses are
 * counted per address. */
static enum handler_result
track(struct ctx *c, struct complaint_tracked *t, int *found)
{
	const char	*no = ctx_text(c, TR_NO), *code = ctx_text(c, TR_CODE);
	const char	*addr = c->req->remote_addr;
	enum handler_result r;
	enum domain_status ds;
	long long	 wait;
	char		 msg[128], upper[21];
	size_t		 i;

	*found = 0;
	/* People type numbers in lower case and without the dash. */
	for (i = 0; no[i] != '\0' && i < 20; i++)
		upper[i] = (no[i] >= 'a' && no[i] <= 'z') ?
		    (char)(no[i] - 'a' + 'A') : no[i];
	upper[i] = '\0';
	if (strlen(upper) == 8 && strchr(upper, '-') == NULL) {
		memmove(upper + 5, upper + 4, 5);
		upper[4] = '-';
	}
	/* The throttle, the complaint, its steps and photos: one look-up. */
	ds = complaint_track(&c->arena, upper, code, c->cfg->secret, addr,
	    &wait, t);
	if (ds != DOMAIN_OK && ds != DOMAIN_NOT_FOUND)
		return domain_answer_error(c, ds);
	if (wait > 0) {
		snprintf(msg, sizeof(msg), "查询次数过多，请在 %lld 秒后再试。",
		    wait);
		hset(c->hdf, "Track.message", msg);
		response_header(c->resp, "Retry-After", "%lld", wait);
		c->resp->status = 429;
		return H_OK;
	}
	*found = ds == DOMAIN_OK;
	if (!*found) {
		if ((r = domain_result(throttle_fail("track", addr))) != H_OK)
			return r;
		hset(c->hdf, "Track.message",
		    "没有找到这件投诉。请核对受理编号和查询码（在投诉回执上）。");
		c->resp->status = 404;
		return H_OK;
	}
	hset(c->hdf, "Form.no", upper);
	complaint_view_tracked(c->hdf, "Complaint", t);
	return complaint_photos_to_page(c, t->id, &t->photos,
	    "Complaint.photos");
}

/* The form posts the number and code, so neither is in the address; a
 * link with both (older bookmarks) still works, and a link with the
 * number alone (the receipt's) fills it in for the code to be typed. */
int
handle_complaint_track(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	struct complaint_tracked t;
	enum handler_result	 r;
	int			 found;

	hset(c->hdf, "Page.Title", "投诉查询");
	complaint_view_limits(c->hdf);
	keep_private(c);
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	else if (p[TR_NO].present && p[TR_CODE].present) {
		if ((r = track(c, &t, &found)) != H_OK)
			return r;
	} else if (c->req->method == M_POST) {
		/* Not a wrong guess: nothing to count against the address. */
		if (!p[TR_NO].present)
			ctx_field_error(c, "no", "请填写受理编号（在投诉回执上）");
		if (!p[TR_CODE].present)
			ctx_field_error(c, "code", "请填写查询码（在投诉回执上）");
	}
	return ctx_render(c, "complaints/track.cs");
}

int
handle_complaint_feedback(struct ctx *c)
{
	const char	*action = ctx_text(c, TR_ACTION);
	const struct calendar *cal;
	struct complaint_tracked t;
	enum handler_result r;
	enum domain_status ds;
	enum domain_status st;
	const struct complaint_rule *rule;
	long long	 wait;
	int		 found, done;

	hset(c->hdf, "Page.Title", "投诉查询");
	complaint_view_limits(c->hdf);
	keep_private(c);
	if (c->req->param_errors > 0) {
		c->resp->status = 400;
		return ctx_render(c, "complaints/track.cs");
	}
	/* The form's buttons: a rating, or the reopening. */
	rule = complaint_rule(strcmp(action, "reopen") == 0 ? CA_REOPEN :
	    CA_RATE);
	if (rule->action == CA_RATE && strcmp(action, "satisfied") != 0 &&
	    strcmp(action, "unsatisfied") != 0) {
		ctx_field_error(c, "action", rule->needs_message);
		return ctx_render(c, "complaints/track.cs");
	}
	if ((r = track(c, &t, &found)) != H_OK || !found)
		return r != H_OK ? r : ctx_render(c, "complaints/track.cs");
	if (rule->needs == NEEDS_REASON && !c->req->param[TR_REASON].present) {
		ctx_field_error(c, "reason", rule->needs_message);
		return ctx_render(c, "complaints/track.cs");
	}
	if ((st = calendar_cached(&cal)) != DOMAIN_OK)
		return domain_result(st);
	st = complaint_feedback(t.tracking_no, rule, action,
	    ctx_text(c, TR_REASON), cal, c->cfg->resolve_days, &done);
	if (st != DOMAIN_OK)
		return domain_result(st);
	if (!done) {
		if (rule->action == CA_REOPEN)
			hsetf(c->hdf, "Track.message", "这件投诉现在不能要求重新办理"
			    "（只能在办结后 %d 天内要求一次）。",
			    COMPLAINT_REOPEN_DAYS);
		else
			hset(c->hdf, "Track.message", "这件投诉现在不能评价"
			    "（办结后才能评价，且只能评价一次）。");
		c->resp->status = 409;
	} else
		hset(c->hdf, "Track.message", rule->action == CA_REOPEN ?
		    "已收到您重新办理的要求。" : "谢谢您的评价。");
	nerr_ignore_ok(hdf_remove_tree(c->hdf, "Complaint"));
	ds = complaint_track(&c->arena, hdf_get_value(c->hdf, "Form.no", ""),
	    ctx_text(c, TR_CODE), c->cfg->secret, NULL, &wait, &t);
	if (ds == DOMAIN_OK) {
		complaint_view_tracked(c->hdf, "Complaint", &t);
		if ((r = complaint_photos_to_page(c, t.id, &t.photos,
		    "Complaint.photos")) != H_OK)
			return r;
	} else if (ds != DOMAIN_NOT_FOUND)
		return domain_answer_error(c, ds);
	return ctx_render(c, "complaints/track.cs");
}
