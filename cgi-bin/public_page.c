/* What the public pages share: page numbers and validated text of the
 * parameters, and the caps and rate in force today. */
#include <stdio.h>
#include <string.h>

#include "domain/caps.h"
#include "public.h"
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

/* The caps and rate in force today, which most pages show; loaded once. */
enum handler_result
load_caps_today(struct ctx *c)
{
	char		 d[11];
	long		 n;
	int		 found;

	if (hdf_get_obj(c->hdf, "Rate") != NULL)
		return H_OK;
	today(d);
	return db_result(caps_and_rate_in_force(c->hdf, d, "Caps", "Rate", &n,
	    &found));
}

/* For pages whose only use of the caps is the category filter. */
enum handler_result
load_categories_today(struct ctx *c)
{
	char		 d[11];
	long		 n;

	if (hdf_get_obj(c->hdf, "Caps") != NULL)
		return H_OK;
	today(d);
	return db_result(categories_in_force(c->hdf, d, "Caps", &n));
}
