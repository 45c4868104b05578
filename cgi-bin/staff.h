/* The staff back office's handlers and helpers, shared by its files. */
#ifndef JDXX_STAFF_H
#define JDXX_STAFF_H

#include "web/app.h"
#include "domain/result.h"

/* 1 when the signed-in user may act on records of region code ("" or
 * NULL: records without a region, which only unlimited staff change). */
int	staff_in_region(const struct ctx *, const char *code);
/* The signed-in user as page data (Staff.*). */
void	staff_user_to_hdf(struct ctx *);
/* The remote address for the audit log. */
const char *staff_address(const struct ctx *);
/* A plain field of a multipart form as text in out, or "" when absent,
 * a file, or not shorter than len. */
const char *staff_part_text(const struct ctx *, const char *name, char *out,
	    size_t len);
/* Ends the request with a 303 to path. */
int	staff_redirect(struct ctx *, const char *path);

/* Sign-in (staff_signin.c): the password, the second factor, sign-out,
 * the password change, and the session's cookie. */
#define LOGIN_PARAM_COUNT	4
#define OTP_PARAM_COUNT		2
#define PASSWORD_PARAM_COUNT	3
extern const struct param_spec	login_params[LOGIN_PARAM_COUNT];
extern const struct param_spec	otp_params[OTP_PARAM_COUNT];
extern const struct param_spec	password_params[PASSWORD_PARAM_COUNT];
int	staff_signin_init(void);
int	handle_login(struct ctx *);
int	handle_login_otp(struct ctx *);
int	handle_logout(struct ctx *);
int	handle_password(struct ctx *);
/* The session token the browser sent, or "". */
const char *staff_session_cookie(const struct ctx *);
/* Sets the session cookie ("" ends it). */
void	staff_set_session_cookie(struct ctx *, const char *token);
/* 1 for a path the sign-in may send back to. */
int	staff_next_valid(const char *next);
/* Replaces the current session, whose second factor is now done, by a
 * full one under a new token. */
enum domain_status staff_session_full(struct ctx *);

/* The second factor (staff_totp.c): setting it up, and its reset by an
 * account of wider scope. */
extern const struct param_spec	totp_params[];
#define TOTP_PARAM_COUNT	1
int	handle_totp_enrol(struct ctx *);
int	handle_totp_reset(struct ctx *);

int	handle_accounts(struct ctx *);
int	handle_account_new(struct ctx *);
int	handle_account_edit(struct ctx *);
int	handle_audit(struct ctx *);
int	handle_staff_notices(struct ctx *);
int	handle_notice_new(struct ctx *);
int	handle_notice_edit(struct ctx *);
int	handle_notice_status(struct ctx *);
int	handle_attachment_upload(struct ctx *);
int	handle_attachment_delete(struct ctx *);

enum { AC_USERNAME, AC_DISPLAY, AC_ROLE, AC_REGION, AC_DISABLED,
	AC_PASSWORD, AC_COUNT };
extern const struct param_spec	account_params[AC_COUNT];
enum { AU_USER, AU_ACTION, AU_PAGE, AU_COUNT };
extern const struct param_spec	audit_params[AU_COUNT];
enum { NE_KIND, NE_TITLE, NE_ISSUER, NE_DOCNO, NE_ISSUED, NE_REGION, NE_BODY,
	NE_NOTE, NE_ACTION, NE_COUNT };
extern const struct param_spec	notice_edit_params[NE_COUNT];
enum { NS_STATUS, NS_COUNT };
extern const struct param_spec	notice_status_params[NS_COUNT];

enum { OE_REGNO, OE_NAME, OE_ENTERPRISE, OE_MODE, OE_REGION, OE_ADDRESS,
	OE_PHONE, OE_TV, OE_FRIDGE, OE_PHONECAT, OE_WASHER, OE_DELIVERY,
	OE_INSTALL, OE_TEACH, OE_REPAIR, OE_REGISTERED, OE_CONFIRM, OE_COUNT };
extern const struct param_spec	outlet_edit_params[OE_COUNT];
enum { OS_STATUS, OS_DATE, OS_REASON, OS_COUNT };
extern const struct param_spec	outlet_status_params[OS_COUNT];
enum { SL_Q, SL_STATUS, SL_PAGE, SL_COUNT };
extern const struct param_spec	staff_outlet_list_params[SL_COUNT];
int	handle_staff_outlets(struct ctx *);
int	handle_outlet_new(struct ctx *);
int	handle_outlet_edit(struct ctx *);
int	handle_outlet_status(struct ctx *);
enum { EN_NAME, EN_BATCH, EN_PHONE, EN_COUNT };
extern const struct param_spec	enterprise_params[EN_COUNT];
int	handle_staff_enterprises(struct ctx *);
/* New (path /staff/enterprises/new, no id) or existing enterprise. */
int	handle_enterprise_edit(struct ctx *);

enum { QU_STATUS, QU_CATEGORY, QU_REGION, QU_OUTLET, QU_OVERDUE,
	QU_ESCALATED, QU_PAGE, QU_COUNT };
extern const struct param_spec	queue_params[QU_COUNT];
enum { HA_ACTION, HA_REPLY, HA_NOTE, HA_ASSIGNEE, HA_COUNT };
extern const struct param_spec	handle_params[HA_COUNT];
int	handle_complaint_queue(struct ctx *);
/* Open complaints past their deadline in a region ("" for all). */
int	handle_complaint_view(struct ctx *);
int	handle_complaint_act(struct ctx *);
/* A photo of the complaint in the path (its region checked before). */
enum { CP_PHOTO, CP_COUNT };
extern const struct param_spec	complaint_photo_params[CP_COUNT];
int	handle_complaint_photo(struct ctx *);
/* Transfer to another county's bureau (转办), a form of its own. */
enum { TR_COUNTY, TR_TOWNSHIP, TR_REASON, TR_COUNT };
extern const struct param_spec	transfer_params[TR_COUNT];
int	handle_complaint_transfer(struct ctx *);

/* Complaints staff take in by phone, letter or visit, or from the 12345
 * and 12315 hotlines (staff_complaint_intake.c): the form and the
 * receipt with the number and code to pass on. */
enum { IN_CHANNEL, IN_NAME, IN_PHONE, IN_REGION, IN_OUTLET, IN_OUTLET_NAME,
	IN_OUTLET_ADDRESS, IN_CATEGORY, IN_PURCHASE, IN_PRODUCT_CATEGORY,
	IN_MODEL, IN_INVOICE, IN_DESCRIPTION, IN_TOKEN, IN_NOTIFY, IN_EMAIL,
	IN_COUNT };
extern const struct param_spec	intake_params[IN_COUNT];
int	handle_complaint_intake(struct ctx *);

/* Open311 client keys. */
enum { AK_NAME, AK_PAGE, AK_COUNT };
extern const struct param_spec	apikey_params[AK_COUNT];
int	handle_apikeys(struct ctx *);
int	handle_apikey_revoke(struct ctx *);

/* Winning-bid product records, and the categories, caps and subsidy
 * rate they are judged by. */
enum { SP_CATEGORY, SP_STATUS, SP_Q, SP_PAGE, SP_COUNT };
extern const struct param_spec	staff_product_list_params[SP_COUNT];
enum { PE_CATEGORY, PE_BRAND, PE_MAKER, PE_MODEL, PE_SPEC, PE_PRICE,
	PE_BATCH, PE_STATUS, PE_COUNT };
extern const struct param_spec	product_edit_params[PE_COUNT];
int	handle_staff_products(struct ctx *);
int	handle_product_new(struct ctx *);
int	handle_product_edit(struct ctx *);
enum { CC_KIND, CC_CATEGORY, CC_CAP, CC_RATE, CC_CENTRAL, CC_FROM, CC_NOTE,
	CC_COUNT };
extern const struct param_spec	caps_change_params[CC_COUNT];
enum { CG_CODE, CG_NAME, CG_SORT, CG_COUNT };
extern const struct param_spec	category_add_params[CG_COUNT];
enum { CW_REASON, CW_COUNT };
extern const struct param_spec	caps_withdraw_params[CW_COUNT];
int	handle_staff_caps(struct ctx *);
int	handle_caps_change(struct ctx *);
int	handle_category_add(struct ctx *);
/* Withdrawing a cap or rate row not yet in force. */
int	handle_cap_withdraw(struct ctx *);
int	handle_rate_withdraw(struct ctx *);

/* The weekly report. */
enum { WK_REGION, WK_WEEK, WK_FORMAT, WK_COUNT };
extern const struct param_spec	weekly_params[WK_COUNT];
int	handle_weekly(struct ctx *);

/* Web imports as jobs (src/import_job.h): the job's page, and the
 * answer to an upload that became one: a 303 to its page, or a 409 on
 * the form (form_template) when a job of the same region is still
 * running. */
int	handle_import_job(struct ctx *);
int	staff_import_started(struct ctx *, enum domain_status, long long id,
	    long long busy, const char *form_template);
/* Why a job imported nothing, in Chinese; what names the rows. */
const char *staff_import_failure(enum domain_status, const char *what);

/* Outlets in bulk: CSV import (dry run or all rows at once) and export. */
enum { OX_REGION, OX_STATUS, OX_COUNT };
extern const struct param_spec	outlet_export_params[OX_COUNT];
int	handle_outlet_import(struct ctx *);
int	handle_outlet_export(struct ctx *);

/* Product models in bulk: CSV import (dry run or all rows at once) and
 * export. */
int	handle_product_import(struct ctx *);
int	handle_product_export(struct ctx *);

#endif
