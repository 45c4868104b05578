/* Winning-bid products into the page data. */
#include <stdio.h>

#include "base/money.h"
#include "web/product_view.h"
#include "web/view.h"
#include "web/view_field.h"

/* The columns of a stored product, and its price in yuan. */
static void
put_stored(HDF *hdf, const char *row, const struct product *p)
{
	char	 y[32];

	view_field_int(hdf, row, "id", p->id);
	view_field(hdf, row, "category_code", p->category_code);
	view_field(hdf, row, "brand", p->brand);
	view_field(hdf, row, "manufacturer", p->manufacturer);
	view_field(hdf, row, "model", p->model);
	view_field(hdf, row, "spec", p->spec);
	view_field_int(hdf, row, "bid_price_fen", p->bid_price_fen);
	view_field(hdf, row, "bid_batch", p->bid_batch);
	view_field(hdf, row, "status", p->status);
	view_field_int(hdf, row, "is_demo", p->is_demo);
	yuan_format(y, sizeof(y), p->bid_price_fen);
	view_field(hdf, row, "bid_price_yuan", y);
}

void
product_view_put(HDF *hdf, const char *prefix, const struct product *p)
{
	const char	*status = p->status != NULL ? p->status : "";
	char		 y[32];

	put_stored(hdf, prefix, p);
	view_field(hdf, prefix, "category", p->category);
	view_field(hdf, prefix, "status_name", product_status_name(status));
	view_field(hdf, prefix, "status_short", product_status_short_name(status));
	if (p->cap_fen < 0)
		return;
	yuan_format(y, sizeof(y), p->cap_fen);
	view_field(hdf, prefix, "cap_yuan", y);
	if (p->over_cap) {
		view_field(hdf, prefix, "over_cap", "1");
		return;
	}
	money_format(y, sizeof(y), p->subsidy_fen);
	view_field(hdf, prefix, "subsidy_yuan", y);
}

void
product_view_list(HDF *hdf, const char *prefix, const struct arena_list *list)
{
	const struct product	*p = list->item;
	char			 row[96];
	size_t			 i;

	for (i = 0; i < list->n; i++) {
		snprintf(row, sizeof(row), "%s.%zu", prefix, i);
		product_view_put(hdf, row, &p[i]);
	}
}

void
product_view_record(HDF *hdf, const char *prefix, const struct product *p)
{
	put_stored(hdf, prefix, p);
}

/* Text a form field shows: "" for none. */
static const char *
text(const char *s)
{
	return s != NULL ? s : "";
}

void
product_view_form(HDF *hdf, const char *prefix, const struct product *p)
{
	char	 y[32];

	view_field(hdf, prefix, "category", text(p->category_code));
	view_field(hdf, prefix, "brand", text(p->brand));
	view_field(hdf, prefix, "manufacturer", text(p->manufacturer));
	view_field(hdf, prefix, "model", text(p->model));
	view_field(hdf, prefix, "spec", text(p->spec));
	yuan_format(y, sizeof(y), p->bid_price_fen);
	view_field(hdf, prefix, "bid_price", y);
	view_field(hdf, prefix, "bid_batch", text(p->bid_batch));
	view_field(hdf, prefix, "status", text(p->status));
}

void
product_view_brands(HDF *hdf, const char *prefix,
    const struct arena_list *brands)
{
	const char *const	*b = brands->item;
	char			 row[96];
	size_t			 i;

	for (i = 0; i < brands->n; i++) {
		snprintf(row, sizeof(row), "%s.%zu", prefix, i);
		view_field(hdf, row, "brand", b[i]);
	}
}

void
product_view_ref(HDF *hdf, const char *prefix, const struct product_ref *r)
{
	if (r->id == 0)
		return;
	view_field_int(hdf, prefix, "id", r->id);
	view_field(hdf, prefix, "model", r->model);
}
