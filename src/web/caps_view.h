/* Categories, caps and rates as page data: the typed values of
 * domain/caps.h put under the names the templates read, with money as
 * yuan and rates as percentages. */
#ifndef JDXX_CAPS_VIEW_H
#define JDXX_CAPS_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "domain/caps.h"

/* The caps as caps_prefix.N.{code, name, cap_fen, cap_yuan,
 * effective_from, sort_order}, and the rate, when there is one, as
 * rate_prefix.{rate_bp, central_share_bp, effective_from, note, percent,
 * central_percent, provincial_percent}. */
void	caps_view_in_force(HDF *, const char *caps_prefix,
	    const char *rate_prefix, const struct caps_in_force *);
/* Categories (struct category) as prefix.N.{code, name, sort_order}. */
void	caps_view_categories(HDF *, const char *prefix,
	    const struct arena_list *categories);
/* The same without sort_order, for categories_in_force's list. */
void	caps_view_category_names(HDF *, const char *prefix,
	    const struct arena_list *categories);
/* Beside each category put by caps_view_categories: cap_yuan and since
 * from its cap in force, next_from from the soonest upcoming cap of
 * history (struct cap_row, newest first). */
void	caps_view_category_caps(HDF *, const char *prefix,
	    const struct arena_list *categories, const struct caps_in_force *,
	    const struct arena_list *history);
/* A cap history (struct cap_row) as prefix.N.{id, code, name, cap_fen,
 * cap_yuan, effective_from, note, created_at, state} and, when withdrawn,
 * {withdrawn_at, withdrawn_by, withdrawn_reason}. */
void	caps_view_history(HDF *, const char *prefix,
	    const struct arena_list *rows);
/* A rate history (struct rate_row) as prefix.N.{id, rate_bp,
 * central_share_bp, effective_from, note, created_at, percent,
 * central_percent, provincial_percent, state} and the withdrawn ones. */
void	caps_view_rates(HDF *, const char *prefix,
	    const struct arena_list *rows);

#endif
