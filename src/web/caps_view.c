/* Categories, caps and rates into the page data. */
#include <stdio.h>

#include "base/money.h"
#include "web/caps_view.h"
#include "web/view.h"
#include "web/view_field.h"

static void
put_yuan(HDF *hdf, const char *row, const char *name, long long fen)
{
	char	 y[32];

	yuan_format(y, sizeof(y), fen);
	view_field(hdf, row, name, y);
}

/* A rate and its split between central and provincial finance. */
static void
put_percents(HDF *hdf, const char *row, long long rate_bp,
    long long central_bp)
{
	char	 p[16];

	percent_format(p, sizeof(p), rate_bp);
	view_field(hdf, row, "percent", p);
	percent_format(p, sizeof(p), central_bp);
	view_field(hdf, row, "central_percent", p);
	percent_format(p, sizeof(p), 10000 - central_bp);
	view_field(hdf, row, "provincial_percent", p);
}

void
caps_view_in_force(HDF *hdf, const char *caps_prefix,
    const char *rate_prefix, const struct caps_in_force *k)
{
	const struct cap_in_force	*c = k->caps.item;
	char				 row[96];
	size_t				 i;

	for (i = 0; i < k->caps.n; i++) {
		snprintf(row, sizeof(row), "%s.%zu", caps_prefix, i);
		view_field(hdf, row, "code", c[i].code);
		view_field(hdf, row, "name", c[i].name);
		view_field_int(hdf, row, "cap_fen", c[i].cap_fen);
		put_yuan(hdf, row, "cap_yuan", c[i].cap_fen);
		view_field(hdf, row, "effective_from", c[i].effective_from);
		view_field_int(hdf, row, "sort_order", c[i].sort_order);
	}
	if (!k->has_rate)
		return;
	view_field_int(hdf, rate_prefix, "rate_bp", k->rate.rate_bp);
	view_field_int(hdf, rate_prefix, "central_share_bp", k->rate.central_share_bp);
	view_field(hdf, rate_prefix, "effective_from", k->rate.effective_from);
	view_field(hdf, rate_prefix, "note", k->rate.note);
	put_percents(hdf, rate_prefix, k->rate.rate_bp,
	    k->rate.central_share_bp);
}

static void
put_categories(HDF *hdf, const char *prefix,
    const struct arena_list *categories, int with_sort)
{
	const struct category	*c = categories->item;
	HDF			*list, *r;
	size_t			 i;

	/* On most pages, in every filter: linked on, not searched for. */
	if (categories->n == 0 || (list = hnew(hdf, prefix)) == NULL)
		return;
	for (i = 0; i < categories->n; i++) {
		if ((r = hadd_item(list, i)) == NULL)
			continue;
		if (c[i].code != NULL)
			hadd(r, "code", c[i].code);
		if (c[i].name != NULL)
			hadd(r, "name", c[i].name);
		if (with_sort)
			hadd_int(r, "sort_order", c[i].sort_order);
	}
}

void
caps_view_categories(HDF *hdf, const char *prefix,
    const struct arena_list *categories)
{
	put_categories(hdf, prefix, categories, 1);
}

void
caps_view_category_names(HDF *hdf, const char *prefix,
    const struct arena_list *categories)
{
	put_categories(hdf, prefix, categories, 0);
}

void
caps_view_category_caps(HDF *hdf, const char *prefix,
    const struct arena_list *categories, const struct caps_in_force *k,
    const struct arena_list *history)
{
	const struct category		*c = categories->item;
	const struct cap_in_force	*now;
	const struct cap_row		*next;
	char				 row[96];
	size_t				 i;

	for (i = 0; i < categories->n; i++) {
		snprintf(row, sizeof(row), "%s.%zu", prefix, i);
		if ((now = caps_in_force_of(k, c[i].code)) != NULL) {
			put_yuan(hdf, row, "cap_yuan", now->cap_fen);
			view_field(hdf, row, "since", now->effective_from);
		}
		if ((next = caps_next_change(history, c[i].code)) != NULL)
			view_field(hdf, row, "next_from", next->effective_from);
	}
}

/* What every row of a history has besides its value. */
static void
put_dates(HDF *hdf, const char *row, const char *effective_from,
    const char *note, const char *created_at, const char *withdrawn_at,
    const char *withdrawn_by, const char *withdrawn_reason,
    enum caps_state state)
{
	view_field(hdf, row, "effective_from", effective_from);
	view_field(hdf, row, "note", note);
	view_field(hdf, row, "created_at", created_at);
	view_field(hdf, row, "withdrawn_at", withdrawn_at);
	view_field(hdf, row, "withdrawn_by", withdrawn_by);
	view_field(hdf, row, "withdrawn_reason", withdrawn_reason);
	view_field(hdf, row, "state", caps_state_code(state));
}

void
caps_view_history(HDF *hdf, const char *prefix, const struct arena_list *rows)
{
	const struct cap_row	*h = rows->item;
	char			 row[96];
	size_t			 i;

	for (i = 0; i < rows->n; i++) {
		snprintf(row, sizeof(row), "%s.%zu", prefix, i);
		view_field_int(hdf, row, "id", h[i].id);
		view_field(hdf, row, "code", h[i].code);
		view_field(hdf, row, "name", h[i].name);
		view_field_int(hdf, row, "cap_fen", h[i].cap_fen);
		put_yuan(hdf, row, "cap_yuan", h[i].cap_fen);
		put_dates(hdf, row, h[i].effective_from, h[i].note,
		    h[i].created_at, h[i].withdrawn_at, h[i].withdrawn_by,
		    h[i].withdrawn_reason, h[i].state);
	}
}

void
caps_view_rates(HDF *hdf, const char *prefix, const struct arena_list *rows)
{
	const struct rate_row	*r = rows->item;
	char			 row[96];
	size_t			 i;

	for (i = 0; i < rows->n; i++) {
		snprintf(row, sizeof(row), "%s.%zu", prefix, i);
		view_field_int(hdf, row, "id", r[i].id);
		view_field_int(hdf, row, "rate_bp", r[i].rate_bp);
		view_field_int(hdf, row, "central_share_bp", r[i].central_share_bp);
		put_percents(hdf, row, r[i].rate_bp, r[i].central_share_bp);
		put_dates(hdf, row, r[i].effective_from, r[i].note,
		    r[i].created_at, r[i].withdrawn_at, r[i].withdrawn_by,
		    r[i].withdrawn_reason, r[i].state);
	}
}
