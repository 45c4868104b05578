/* Complaints staff take in: a phone call, a letter, a visit, or a
 * hand-over from the 12345 or 12315 hotline, typed into one form and
 * checked as the public's are (complaint_check), within the account's
 * region, filed with the channel and who entered it (audited), and
 * answered with the tracking number and query code to pass on. */
#include <stdio.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/calendar_cache.h"
#include "domain/caps.h"
#include "domain/complaint.h"
#include "domain/notify_outbox.h"
#include "domain/outlet.h"
#include "domain/region.h"
#include "staff.h"
#include "web/caps_view.h"
#include "web/complaint_photo_form.h"
#include "web/complaint_view.h"
#include "web/config.h"
#include "web/domain_answer.h"
#include "web/outlet_view.h"
#include "web/region_view.h"
#include "web/view.h"

const struct param_spec intake_params[IN_COUNT] = {
	[IN_CHANNEL] = { "channel", "来源渠道", P_CODE, 1,
	    COMPLAINT_CHANNEL_CODE_MAX, 0 },
	[IN_NAME] = { "name", "投诉人姓名", P_TEXT, 1, 20, 0 },
	[IN_PHONE] = { "phone", "联系电话", P_TEXT, 1, 20, 0 },
	[IN_REGION] = { "region", "户籍所在乡镇（街道）代码", P_REGION, 0, 0,
	    0 },
	[IN_OUTLET] = { "outlet", "指定网点编号", P_INT, 1, 4000000000LL, 0 },
	[IN_OUTLET_NAME] = { "outlet_name", "商店名称", P_TEXT, 2, 100, 0 },
	[IN_OUTLET_ADDRESS] = { "outlet_address", "商店地址", P_TEXT, 2, 200,
	    0 },
	[IN_CATEGORY] = { "category", "投诉类别", P_CODE, 1, 24, 0 },
	[IN_PURCHASE] = { "purchase_date", "购买日期", P_DATE, 0, 0, 0 },
	[IN_PRODUCT_CATEGORY] = { "product_category", "商品类别", P_CODE, 1,
	    16, 0 },
	[IN_MODEL] = { "product_model", "产品型号", P_TEXT, 1, 64, 0 },
	[IN_INVOICE] = { "invoice_no", "发票号码", P_TEXT, 1, 40, 0 },
	[IN_DESCRIPTION] = { "description", "投诉内容", P_LONGTEXT, 5,
	    COMPLAINT_DESC_MAX, 0 },
	[IN_TOKEN] = { "form_token", "表单标识", P_TEXT, 43, 43, 0 },
	[IN_NOTIFY] = { "notify", "通知方式", P_CODE, 1, 8, 0 },
	[IN_EMAIL] = { "email", "电子邮箱", P_TEXT, 3, NOTIFY_EMAIL_MAX, 0 },
};

/* The form's lists: channels staff enter, complaint categories, the
 * product categories in force (kept in *products for the check), the
 * townships of a county account, and the named outlet when there is
 * one. */
static enum handler_result
form_data(struct ctx *c, struct arena_list *products)
{
	const struct param_value *p = &c->req->param[IN_OUTLET];
	struct arena_list	 categories, townships;
	enum domain_status	 ds;
	struct outlet		 o;
	char			 d[11];

	complaint_view_channels(c->hdf, "Channels", 1);
	if ((ds = complaint_categories(&c->arena, &categories)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	complaint_view_categories(c->hdf, "Categories", &categories);
	today(d);
	if ((ds = categories_in_force(&c->arena, d, products)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	caps_view_category_names(c->hdf, "Caps", products);
	/* A county's townships, offered as the code is typed. */
	if (strlen(c->user->region) == 6) {
		if ((ds = region_children(&c->arena, c->user->region,
		    &townships)) != DOMAIN_OK)
			return domain_answer_error(c, ds);
		region_view_list(c->hdf, "Townships", &townships);
	}
	if (p->present && p->valid) {
		ds = outlet_get(&c->arena, p->n, &o);
		if (ds == DOMAIN_OK)
			outlet_view_put(c->hdf, "Outlet", &o);
		else if (ds != DOMAIN_NOT_FOUND)
			return domain_answer_error(c, ds);
	}
	complaint_view_limits(c->hdf);
	hset(c->hdf, "Page.Title", "登记投诉");
	return H_OK;
}

/* The form again (or for the first time) with token. */
static enum handler_result
form_page(struct ctx *c, const char *token)
{
	struct arena_list	 products;
	enum handler_result	 r;

	if ((r = form_data(c, &products)) != H_OK)
		return r;
	hset(c->hdf, "Form.form_token", token);
	return ctx_render(c, "staff/complaint_new.cs");
}

/* The complaint as typed. */
static void
input_from_form(struct ctx *c, const struct audit_by *by,
    struct complaint_input *in)
{
	const struct param_value *p = c->req->param;

	memset(in, 0, sizeof(*in));
	in->channel = ctx_text(c, IN_CHANNEL);
	in->entered_by = by;
	in->name = ctx_text(c, IN_NAME);
	in->phone = ctx_text(c, IN_PHONE);
	in->region = ctx_text(c, IN_REGION);
	in->category = ctx_text(c, IN_CATEGORY);
	in->outlet_id = p[IN_OUTLET].present && p[IN_OUTLET].valid ?
	    p[IN_OUTLET].n : 0;
	in->outlet_name = ctx_text(c, IN_OUTLET_NAME);
	in->outlet_address = ctx_text(c, IN_OUTLET_ADDRESS);
	in->purchase_date = ctx_text(c, IN_PURCHASE);
	in->product_category = ctx_text(c, IN_PRODUCT_CATEGORY);
	in->product_model = ctx_text(c, IN_MODEL);
	in->invoice_no = ctx_text(c, IN_INVOICE);
	in->description = ctx_text(c, IN_DESCRIPTION);
	in->address = staff_address(c);
	/* An unknown choice stays -1: check_intake refuses it. */
	in->notify_by = p[IN_NOTIFY].present ?
	    notify_by_of(ctx_text(c, IN_NOTIFY)) : NOTIFY_NONE;
	in->notify_email = ctx_text(c, IN_EMAIL);
}

/* 1 when code is one of the product categories in force. */
static int
product_category_known(const struct arena_list *products, const char *code)
{
	const struct category	*k = products->item;
	size_t			 i;

	for (i = 0; i < products->n; i++)
		if (strcmp(k[i].code, code) == 0)
			return 1;
	return 0;
}

/* Marks what the parameter table cannot see, by the rules every channel
 * shares (complaint_check) in the handler's words. A field the table
 * refused already keeps that one message. */
static enum handler_result
check_intake(struct ctx *c, const struct complaint_input *in,
    const struct arena_list *products, char outlet_region[13])
{
	const struct param_value *p = c->req->param;
	enum handler_result	 r;
	unsigned		 faults;

	if ((r = domain_result(complaint_check(in, &faults, outlet_region))) !=
	    H_OK)
		return r;
	if (p[IN_CHANNEL].valid && (faults & COMPLAINT_BAD_CHANNEL))
		ctx_field_error(c, "channel", "请选择这件投诉是怎样收到的"
		    "（电话、信件、来访或热线转办）");
	if (!p[IN_NAME].present)
		ctx_field_error(c, "name", "请填写投诉人姓名");
	if (!p[IN_PHONE].present)
		ctx_field_error(c, "phone", "请填写投诉人的联系电话");
	else if (p[IN_PHONE].valid && (faults & COMPLAINT_BAD_PHONE))
		ctx_field_error(c, "phone",
		    "请填写 11 位手机号码，或带区号的固定电话，如 0710-3312345");
	if (p[IN_REGION].valid && strlen(in->region) != 9)
		ctx_field_error(c, "region",
		    "请填写投诉人户籍所在乡镇（街道）的 9 位代码");
	else if (p[IN_REGION].valid && (faults & COMPLAINT_BAD_TOWNSHIP))
		ctx_field_error(c, "region", "没有这个乡镇（街道）代码，请核对");
	if (!p[IN_OUTLET].present && !p[IN_OUTLET_NAME].present)
		ctx_field_error(c, "outlet_name", "请填写被投诉网点的编号，"
		    "或不在指定网点名单里的商店的名称");
	if (faults & COMPLAINT_BAD_OUTLET)
		ctx_field_error(c, "outlet", "没有这个网点编号");
	if (p[IN_CATEGORY].valid && (faults & COMPLAINT_BAD_CATEGORY))
		ctx_field_error(c, "category", "请选择投诉类别");
	if (in->product_category[0] != '\0' &&
	    !product_category_known(products, in->product_category))
		ctx_field_error(c, "product_category", "请从列表中选择商品类别");
	if (faults & COMPLAINT_BAD_PURCHASE_DATE)
		ctx_field_error(c, "purchase_date", "购买日期不能晚于今天");
	if (!p[IN_DESCRIPTION].present)
		ctx_field_error(c, "description", "请写明投诉的事情经过");
	if (in->notify_by < 0)
		ctx_field_error(c, "notify", "请选择短信、电子邮件或不通知");
	if (faults & COMPLAINT_BAD_NOTIFY_EMAIL)
		ctx_field_error(c, "email", "选择电子邮件通知时，请填写正确的"
		    "电子邮箱，如 wang@example.com");
	if (faults & COMPLAINT_BAD_NOTIFY_SMS)
		ctx_field_error(c, "notify", "短信只能发到手机，请填写 11 位手机"
		    "号码或选择其他通知方式");
	return H_OK;
}

/* A complaint handled outside the account's region: refused before
 * anything is written, audited as other refusals are, and the form
 * (its lists loaded already) given back with the reason. */
static enum handler_result
refuse_outside(struct ctx *c, const struct complaint_input *in,
    const char *where, const char *token)
{
	(void)audit_write(c->user, NULL, staff_address(c), "refused_write",
	    "complaint", 0, NULL, json_pack("{s:s,s:s,s:s}", "method",
	    c->req->method_name, "path", c->req->path, "outlet_region",
	    where));
	hsetf(c->hdf, "Notice.outside", "这件投诉的%s（%s）不在您的账号负责的"
	    "地区（%s）内，不能由您登记，没有保存。请转给当地商务部门登记，"
	    "或核对网点编号和乡镇代码。", in->outlet_id > 0 ?
	    "被投诉网点所在地" : "投诉人户籍所在乡镇（商店不在指定网点名单，"
	    "按此办理）", where, c->user->region);
	hset(c->hdf, "Form.form_token", token);
	c->resp->status = 403;
	return ctx_render(c, "staff/complaint_new.cs");
}

/* Files the form with its photos (cleaned into photos, *n of them, which
 * the caller frees whatever happens). */
static int
intake(struct ctx *c, struct image_out *photos, size_t *n)
{
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };
	struct complaint_input	 in;
	struct complaint_receipt rec;
	struct arena_list	 products;
	const struct calendar	*cal;
	enum handler_result	 r;
	const char		*token = ctx_text(c, IN_TOKEN), *where;
	char			 fresh[44], outlet_region[13];

	/* A form shown anew gets a token of its own: one from the address
	 * could be someone's who would then be handed this receipt. */
	if (strlen(token) != 43 || c->req->method != M_POST) {
		complaint_form_token(fresh);
		token = fresh;
	}
	if (c->req->method != M_POST) {
		if (c->req->param_errors > 0)
			c->resp->status = 400;
		return form_page(c, token);
	}
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if ((r = form_data(c, &products)) != H_OK)
		return r;
	input_from_form(c, &by, &in);
	if ((r = check_intake(c, &in, &products, outlet_region)) != H_OK)
		return r;
	if (strlen(ctx_text(c, IN_TOKEN)) != 43)
		ctx_field_error(c, "form_token", "表单已失效，请重新提交");
	/* Where it will be handled must lie within the account's region. */
	in.outlet_region = outlet_region;
	where = complaint_region_handled(&in);
	if (c->resp->status == 200 && !staff_in_region(c, where))
		return refuse_outside(c, &in, where, token);
	/* Decoding is the costly part: only for a form that may be filed. */
	if (c->resp->status == 200 &&
	    (r = complaint_photo_form_read(c, photos, n)) != H_OK)
		return r;
	in.photos = photos;
	in.nphotos = *n;
	if (c->resp->status != 200) {
		hset(c->hdf, "Form.form_token", token);
		return ctx_render(c, "staff/complaint_new.cs");
	}
	if ((r = domain_result(calendar_cached(&cal))) != H_OK)
		return r;
	if ((r = domain_result(complaint_file(&in, token, c->cfg->secret, cal,
	    c->cfg->accept_days, &rec))) != H_OK)
		return r;
	hseti(c->hdf, "Receipt.id", rec.id);
	complaint_view_receipt(c->hdf, &rec);
	/* The channel the complaint was filed with, also when resent. */
	hset(c->hdf, "Receipt.channel_name",
	    complaint_channel_name(rec.channel));
	hseti(c->hdf, "Limits.accept_days", c->cfg->accept_days);
	hset(c->hdf, "Page.Title", "投诉已登记");
	return ctx_render(c, "staff/complaint_receipt.cs");
}

int
handle_complaint_intake(struct ctx *c)
{
	struct image_out	 photos[COMPLAINT_PHOTOS_MAX];
	size_t			 n = 0;
	int			 rc;

	rc = intake(c, photos, &n);
	complaint_photo_form_free(photos, n);
	return rc;
}
