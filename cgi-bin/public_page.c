/* What the public pages share: page numbers and validated text of the
 * parameters, and the caps and rate in force today. */
#include <stdio.h>
#include <string.h>

#include "domain/caps.h"
#include "domain/reference_cache.h"
#include "public.h"
#include "web/caps_view.h"
#include "web/domain_answer.h"
#include "web/view.h"

long
page_param(struct ctx *c, size_t i)
{
	const struct param_value *p = &c->req->param[i];

	return p->present && p->valid ? (long)p->n : 1;
}

int
category_known(struct ctx *c, const char *code)
{
	HDF	*cap;

	for (cap = hdf_get_child(c->hdf, "Caps"); cap != NULL;
	    cap = hdf_obj_next(cap))
		if (strcmp(hdf_get_value(cap, "code", ""), code) == 0)
			return 1;
	return 0;
}

enum handler_result
caps_today(struct ctx *c, struct caps_in_force *k)
{
	enum domain_status	 ds;
	char			 d[11];

	today(d);
	if ((ds = caps_and_rate_in_force(&c->arena, d, k)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	caps_view_in_force(c->hdf, "Caps", "Rate", k);
	return H_OK;
}

/* The caps and rate in force today, which most pages show; loaded once. */
enum handler_result
load_caps_today(struct ctx *c)
{
	struct caps_in_force	 k;

	if (hdf_get_obj(c->hdf, "Rate") != NULL)
		return H_OK;
	return caps_today(c, &k);
}

/* For pages whose only use of the caps is the category filter; the
 * worker keeps them (reference_cache.h). */
enum handler_result
load_categories_today(struct ctx *c)
{
	struct arena_list	 categories;
	enum domain_status	 ds;
	char			 d[11];

	if (hdf_get_obj(c->hdf, "Caps") != NULL)
		return H_OK;
	today(d);
	if ((ds = reference_categories(d, &categories)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	caps_view_category_names(c->hdf, "Caps", &categories);
	return H_OK;
}
