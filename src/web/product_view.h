/* Winning-bid products as page data: the typed values of
 * domain/product.h under the names the templates and the API read, with
 * money as yuan and statuses named. */
#ifndef JDXX_PRODUCT_VIEW_H
#define JDXX_PRODUCT_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "domain/product.h"
#include "domain/product_record.h"

/* A catalogue row under prefix: {id, category_code, category, brand,
 * manufacturer, model, spec, bid_price_fen, bid_price_yuan, bid_batch,
 * status, status_name, status_short, is_demo} and, when its category has
 * a cap in force, cap_yuan with over_cap or subsidy_yuan. */
void	product_view_put(HDF *, const char *prefix, const struct product *);
/* Each product of list (struct product) as prefix.N the same way. */
void	product_view_list(HDF *, const char *prefix,
	    const struct arena_list *list);
/* A product as staff edit it: {id, category_code, brand, manufacturer,
 * model, spec, bid_price_fen, bid_price_yuan, bid_batch, status,
 * is_demo}. */
void	product_view_record(HDF *, const char *prefix, const struct product *);
/* The edit form filled as the product is stored: prefix.{category,
 * brand, manufacturer, model, spec, bid_price (yuan), bid_batch,
 * status}. */
void	product_view_form(HDF *, const char *prefix, const struct product *);
/* Brands (const char *) as prefix.N.brand. */
void	product_view_brands(HDF *, const char *prefix,
	    const struct arena_list *brands);
/* The product holding a model number as prefix.{id, model}; nothing when
 * there is none. */
void	product_view_ref(HDF *, const char *prefix, const struct product_ref *);

#endif
