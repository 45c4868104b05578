/* The public portal's handlers and parameter tables, shared by its files. */
#ifndef JDXX_PUBLIC_H
#define JDXX_PUBLIC_H

#include "web/app.h"
#include "db/db.h"

struct caps_in_force;
struct outlet_query;
struct product_query;

/* Maps a database status to a handler result. */
/* Loads the caps (Caps.N) and rate (Rate) in force today. */
enum handler_result	load_caps_today(struct ctx *);
/* The same, every time, and kept in *caps for the reads priced against
 * them. */
enum handler_result	caps_today(struct ctx *, struct caps_in_force *caps);
/* Loads only the names of those categories (Caps.N.{code,name}). */
enum handler_result	load_categories_today(struct ctx *);
/* 1 when code is one of the categories loaded by either. */
int			category_known(struct ctx *, const char *code);
/* The page number asked for, 1 when absent or invalid. */
long			page_param(struct ctx *, size_t index);

/* The directory's filters, shared by the page and the API. */
enum { OL_REGION, OL_Q, OL_CATEGORY, OL_STATUS, OL_ENTERPRISE, OL_PAGE,
	OL_COUNT };
extern const struct param_spec	outlet_params[OL_COUNT];
/* Fills q from the validated parameters; H_OK, or 400 with the field
 * marked when a value names nothing that exists. The chosen region's
 * children go under children, unless NULL. */
int	outlet_query_from_params(struct ctx *, struct outlet_query *,
	    const char *children);

enum { OC_Q, OC_COUNT };
extern const struct param_spec	outlet_check_params[OC_COUNT];
enum { PG_PAGE, PG_COUNT };
extern const struct param_spec	page_params[PG_COUNT];

/* The page of outlets for q under prefix, exact number matches under
 * exact_prefix, and the total (capped for keyword searches). */
int	outlet_results(struct ctx *, struct outlet_query *, const char *prefix,
	    const char *exact_prefix, long long *total);
int	handle_outlets(struct ctx *);
int	handle_outlet(struct ctx *);
int	handle_outlet_notice(struct ctx *);
int	handle_outlet_check(struct ctx *);
int	handle_enterprises(struct ctx *);
int	handle_enterprise(struct ctx *);

/* The catalogue's filters, shared by the page and the API; the caps
 * in force today, loaded to check the category, go to *caps. */
enum { PR_CATEGORY, PR_BRAND, PR_Q, PR_STATUS, PR_PAGE, PR_COUNT };
extern const struct param_spec	product_params[PR_COUNT];
int	product_query_from_params(struct ctx *, struct product_query *,
	    struct caps_in_force *caps);

enum { MC_MODEL, MC_COUNT };
extern const struct param_spec	model_check_params[MC_COUNT];

int	handle_products(struct ctx *);
int	handle_product(struct ctx *);
int	handle_model_check(struct ctx *);

/* Complaints from the public. */
enum { CF_NAME, CF_PHONE, CF_PROVINCE, CF_CITY, CF_COUNTY, CF_REGION,
	CF_OUTLET, CF_OUTLET_NAME, CF_OUTLET_ADDRESS, CF_CATEGORY, CF_PURCHASE,
	CF_PRODUCT_CATEGORY, CF_MODEL, CF_INVOICE, CF_DESCRIPTION, CF_CONSENT,
	CF_WEBSITE, CF_TOKEN, CF_ACTION, CF_NOTIFY, CF_EMAIL, CF_COUNT };
extern const struct param_spec	complaint_params[CF_COUNT];
enum { TR_NO, TR_CODE, TR_ACTION, TR_REASON, TR_COUNT };
extern const struct param_spec	track_params[TR_COUNT];
int	handle_complaint_new(struct ctx *);
int	handle_complaint_submit(struct ctx *);
int	handle_complaint_track(struct ctx *);
int	handle_complaint_feedback(struct ctx *);
/* Their photos (the form's: web/complaint_photo_form.h): the links of a
 * tracked complaint's as prefix.N, and the photo such a link names. */
enum { PH_TOKEN, PH_COUNT };
extern const struct param_spec	photo_params[PH_COUNT];
enum handler_result complaint_photos_to_page(struct ctx *,
	    long long complaint_id, const struct arena_list *photos,
	    const char *prefix);
int	handle_complaint_photo(struct ctx *);

/* The JSON API. */
enum { RG_PARENT, RG_COUNT };
extern const struct param_spec	region_api_params[RG_COUNT];
int	handle_api_outlets(struct ctx *);
int	handle_api_outlet(struct ctx *);
int	handle_api_products(struct ctx *);
int	handle_api_product(struct ctx *);
int	handle_api_regions(struct ctx *);

/* Open311 GeoReport v2; the path's {key} carries the format. */
enum { O3L_IDS, O3L_SERVICE, O3L_START, O3L_END, O3L_STATUS, O3L_PAGE,
	O3L_PAGE_SIZE, O3L_KEY, O3L_AFTER, O3L_COUNT };
extern const struct param_spec	open311_list_params[O3L_COUNT];
enum { O3R_KEY, O3R_COUNT };
extern const struct param_spec	open311_read_params[O3R_COUNT];
enum { O3P_KEY, O3P_SERVICE, O3P_DESCRIPTION, O3P_REGION, O3P_ADDRESS,
	O3P_OUTLET, O3P_FIRST, O3P_LAST, O3P_PHONE, O3P_COUNT };
extern const struct param_spec	open311_post_params[O3P_COUNT];
int	handle_open311_services(struct ctx *);
int	handle_open311_service(struct ctx *);
int	handle_open311_requests(struct ctx *);
int	handle_open311_post(struct ctx *);
int	handle_open311_request(struct ctx *);
int	handle_open311_token(struct ctx *);
int	handle_open311_unknown(struct ctx *);
/* The app's error_page: errors under /open311/ that no handler answered
 * (unknown paths, methods, sizes, content types) as the spec's error
 * list, in XML for a path ending in .xml, else JSON. */
int	open311_error_page(struct ctx *, int status, const char *reason);

/* Complaint statistics. */
enum { ST_REGION, ST_YEAR, ST_COUNT };
extern const struct param_spec	stats_params[ST_COUNT];
int	handle_stats(struct ctx *);

#endif
