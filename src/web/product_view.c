/* Winning-bid products into the page data. */
#include <stdio.h>

#include "base/money.h"
#include "web/product_view.h"
#include "web/view.h"

/* Sets row.name; a value the read did not have stays unset. */
static void
put(HDF *hdf, const char *row, const char *name, const char *value)
{
	char	 key[192];

	if (value == NULL)
		return;
	snprintf(key, sizeof(key), "%s.%s", row, name);
	hset(hdf, key, value);
}

static void
put_int(HDF *hdf, const char *row, const char *name, long long value)
{
	char	 key[192];

	snprintf(key, sizeof(key), "%s.%s", row, name);
	hseti(hdf, key, value);
}

/* The columns of a stored product, and its price in yuan. */
static void
put_stored(HDF *hdf, const char *row, const struct product *p)
{
	char	 y[32];

	put_int(hdf, row, "id", p->id);
	put(hdf, row, "category_code", p->category_code);
	put(hdf, row, "brand", p->brand);
	put(hdf, row, "manufacturer", p->manufacturer);
	put(hdf, row, "model", p->model);
	put(hdf, row, "spec", p->spec);
	put_int(hdf, row, "bid_price_fen", p->bid_price_fen);
	put(hdf, row, "bid_batch", p->bid_batch);
	put(hdf, row, "status", p->status);
	put_int(hdf, row, "is_demo", p->is_demo);
	yuan_format(y, sizeof(y), p->bid_price_fen);
	put(hdf, row, "bid_price_yuan", y);
}

void
product_view_put(HDF *hdf, const char *prefix, const struct product *p)
{
	const char	*status = p->status != NULL ? p->status : "";
	char		 y[32];

	put_stored(hdf, prefix, p);
	put(hdf, prefix, "category", p->category);
	put(hdf, prefix, "status_name", product_status_name(status));
	put(hdf, prefix, "status_short", product_status_short_name(status));
	if (p->cap_fen < 0)
		return;
	yuan_format(y, sizeof(y), p->cap_fen);
	put(hdf, prefix, "cap_yuan", y);
	if (p->over_cap) {
		put(hdf, prefix, "over_cap", "1");
		return;
	}
	money_format(y, sizeof(y), p->subsidy_fen);
	put(hdf, prefix, "subsidy_yuan", y);
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

	put(hdf, prefix, "category", text(p->category_code));
	put(hdf, prefix, "brand", text(p->brand));
	put(hdf, prefix, "manufacturer", text(p->manufacturer));
	put(hdf, prefix, "model", text(p->model));
	put(hdf, prefix, "spec", text(p->spec));
	yuan_format(y, sizeof(y), p->bid_price_fen);
	put(hdf, prefix, "bid_price", y);
	put(hdf, prefix, "bid_batch", text(p->bid_batch));
	put(hdf, prefix, "status", text(p->status));
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
		put(hdf, row, "brand", b[i]);
	}
}

void
product_view_ref(HDF *hdf, const char *prefix, const struct product_ref *r)
{
	if (r->id == 0)
		return;
	put_int(hdf, prefix, "id", r->id);
	put(hdf, prefix, "model", r->model);
}
