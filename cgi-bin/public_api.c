/* The JSON API: the directory, the catalogue and the regions, with the
 * same filters and paging as the pages. */
#include <string.h>

#include "base/json.h"
#include "web/json_rows.h"
#include "domain/caps.h"
#include "domain/outlet.h"
#include "domain/product.h"
#include "public.h"
#include "domain/region.h"
#include "web/domain_answer.h"
#include "web/outlet_view.h"
#include "web/product_view.h"
#include "web/region_view.h"
#include "web/view.h"

const struct param_spec region_api_params[RG_COUNT] = {
	[RG_PARENT] = { "parent", "上级地区", P_REGION, 0, 0, 0 },
};

static const struct json_field outlet_fields[] = {
	{ "id", "id", JF_INT },
	{ "reg_no", "reg_no", JF_STRING },
	{ "name", "name", JF_STRING },
	{ "enterprise_id", "enterprise_id", JF_INT },
	{ "enterprise", "enterprise", JF_STRING },
	{ "mode", "mode", JF_STRING },
	{ "mode_name", "mode_name", JF_STRING },
	{ "region_code", "region_code", JF_STRING },
	{ "township", "township", JF_STRING },
	{ "county_code", "county_code", JF_STRING },
	{ "county", "county", JF_STRING },
	{ "address", "address", JF_STRING },
	{ "phone", "phone", JF_STRING },
	{ "categories", "category_codes", JF_LIST },
	{ "services", "services", JF_LIST },
	{ "status", "status", JF_STRING },
	{ "status_name", "status_name", JF_STRING },
	{ "status_since", "status_since", JF_STRING },
	{ "status_reason", "status_reason", JF_STRING },
	{ "registered_on", "registered_on", JF_STRING },
	{ "demo", "is_demo", JF_BOOL },
};

static const struct json_field product_fields[] = {
	{ "id", "id", JF_INT },
	{ "category", "category_code", JF_STRING },
	{ "category_name", "category", JF_STRING },
	{ "brand", "brand", JF_STRING },
	{ "manufacturer", "manufacturer", JF_STRING },
	{ "model", "model", JF_STRING },
	{ "spec", "spec", JF_STRING },
	{ "bid_price_fen", "bid_price_fen", JF_INT },
	{ "bid_batch", "bid_batch", JF_STRING },
	{ "status", "status", JF_STRING },
	{ "cap_yuan", "cap_yuan", JF_STRING },
	{ "subsidy_yuan", "subsidy_yuan", JF_STRING },
	{ "over_cap", "over_cap", JF_BOOL },
	{ "demo", "is_demo", JF_BOOL },
};

static const struct json_field region_fields[] = {
	{ "code", "code", JF_STRING },
	{ "name", "name", JF_STRING },
	{ "level", "level", JF_INT },
};

#define NFIELDS(f)	(sizeof(f) / sizeof((f)[0]))

/* A 400 for a value that passed its syntax check but names nothing. */
static int
field_error_json(struct ctx *c)
{
	ctx_error_page(c, 400, hdf_get_value(c->hdf, "ErrorList.0", NULL));
	return H_OK;
}

static json_t *
list_object(struct ctx *c, const char *key, const struct json_field *f,
    size_t nf, long page, long long total, long page_size)
{
	json_t	*root = json_object();

	json_object_set_new(root, "total", json_integer(total));
	json_object_set_new(root, "page", json_integer(page));
	json_object_set_new(root, "page_size", json_integer(page_size));
	json_object_set_new(root, key,
	    json_from_rows(hdf_get_obj(c->hdf, "Rows"), f, nf));
	return root;
}

int
handle_api_outlets(struct ctx *c)
{
	struct outlet_query	 q;
	enum handler_result	 r;
	long long		 total;
	json_t			*root;

	if ((r = outlet_query_from_params(c, &q, NULL)) != H_OK)
		return r;
	if (c->resp->status != 200)
		return field_error_json(c);
	if ((r = outlet_results(c, &q, "Rows", "Exact", &total)) != H_OK)
		return r;
	root = list_object(c, "outlets", outlet_fields, NFIELDS(outlet_fields),
	    q.page, total, OUTLET_PAGE_SIZE);
	if (q.keyword[0] != '\0') {
		json_object_set_new(root, "exact", json_from_rows(
		    hdf_get_obj(c->hdf, "Exact"), outlet_fields,
		    NFIELDS(outlet_fields)));
		json_object_set_new(root, "total_capped", json_boolean(
		    hdf_get_obj(c->hdf, "Paging.capped") != NULL));
	}
	return ctx_json(c, root);
}

int
handle_api_outlet(struct ctx *c)
{
	struct outlet		 o;
	enum domain_status	 ds;

	if ((ds = outlet_get(&c->arena, c->req->path_id, &o)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	outlet_view_put(c->hdf, "Row", &o);
	return ctx_json(c, json_pack("{s:o}", "outlet", json_from_row(
	    hdf_get_obj(c->hdf, "Row"), outlet_fields, NFIELDS(outlet_fields))));
}

int
handle_api_products(struct ctx *c)
{
	struct product_query	 q;
	struct caps_in_force	 caps;
	struct product_page	 page;
	enum handler_result	 r;
	enum domain_status	 ds;

	if ((r = product_query_from_params(c, &q, &caps)) != H_OK)
		return r;
	if (c->resp->status != 200)
		return field_error_json(c);
	if ((ds = product_find(&c->arena, &q, &caps, &page)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	product_view_list(c->hdf, "Rows", &page.rows);
	return ctx_json(c, list_object(c, "products", product_fields,
	    NFIELDS(product_fields), q.page, page.total, PRODUCT_PAGE_SIZE));
}

int
handle_api_product(struct ctx *c)
{
	struct caps_in_force	 caps;
	struct product		 p;
	enum handler_result	 r;
	enum domain_status	 ds;

	if ((r = caps_today(c, &caps)) != H_OK)
		return r;
	if ((ds = product_get(&c->arena, c->req->path_id, &caps, &p)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	product_view_put(c->hdf, "Row", &p);
	return ctx_json(c, json_pack("{s:o}", "product", json_from_row(
	    hdf_get_obj(c->hdf, "Row"), product_fields,
	    NFIELDS(product_fields))));
}

int
handle_api_regions(struct ctx *c)
{
	const char		*parent = ctx_text(c, RG_PARENT);
	json_t			*root;
	HDF			*self = NULL;
	struct arena_list	 path, rows;
	enum domain_status	 ds;

	if (parent[0] == '\0') {
		if ((ds = region_children(&c->arena, "", &rows)) != DOMAIN_OK)
			return domain_answer_error(c, ds);
	} else {
		if ((ds = region_path_and_children(&c->arena, parent, &path,
		    &rows)) != DOMAIN_OK)
			return domain_answer_error(c, ds);
		region_view_list(c->hdf, "Path", &path);
		for (self = hdf_get_child(c->hdf, "Path"); hdf_obj_next(self);
		    self = hdf_obj_next(self))
			continue;
	}
	region_view_list(c->hdf, "Rows", &rows);
	root = json_object();
	json_object_set_new(root, "parent", self != NULL ? json_from_row(self,
	    region_fields, NFIELDS(region_fields)) : json_null());
	json_object_set_new(root, "regions", json_from_rows(hdf_get_obj(c->hdf,
	    "Rows"), region_fields, NFIELDS(region_fields)));
	return ctx_json(c, root);
}
