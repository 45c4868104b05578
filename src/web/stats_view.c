/* Statistics into the page data: charts laid out here, numbers written
 * as the pages show them. */
#include <stdio.h>
#include <stdlib.h>

#include "base/log.h"
#include "web/chart.h"
#include "web/stats_view.h"
#include "web/view.h"

static void
put_count(HDF *hdf, const char *prefix, const char *name, long long n)
{
	char	 key[160];

	snprintf(key, sizeof(key), "%s.%s", prefix, name);
	hseti(hdf, key, n);
}

/* A chart of a list, its rows with the list's codes and names. */
static int
put_list(HDF *hdf, const char *prefix, const char *chart,
    const struct stats_list *l, int with_area)
{
	struct chart_value	*v;
	char			 name[128], key[192];
	size_t			 i;

	if ((v = calloc(l->n + 1, sizeof(*v))) == NULL) {
		log_error("stats: out of memory for the %s chart", chart);
		return -1;
	}
	for (i = 0; i < l->n; i++) {
		v[i].label = l->v[i].name;
		v[i].n = l->v[i].n;
	}
	snprintf(name, sizeof(name), "%s.%s", prefix, chart);
	chart_bars(hdf, name, v, l->n);
	free(v);
	for (i = 0; i < l->n; i++) {
		snprintf(key, sizeof(key), "%s.rows.%zu.code", name, i);
		hset(hdf, key, l->v[i].code);
		snprintf(key, sizeof(key), "%s.rows.%zu.name", name, i);
		hset(hdf, key, l->v[i].name);
		if (!with_area)
			continue;
		snprintf(key, sizeof(key), "%s.rows.%zu.area", name, i);
		hset(hdf, key, l->v[i].area);
	}
	return 0;
}

/* A wait's count, its median in days and, when counted, how many were
 * on time and their share in percent. */
static void
put_wait(HDF *hdf, const char *prefix, const char *what,
    const struct stats_wait *w)
{
	char		 key[160];
	long long	 tenths, pm;

	snprintf(key, sizeof(key), "%s.%s.count", prefix, what);
	hseti(hdf, key, w->count);
	if (w->median_x2 >= 0) {
		tenths = stats_day_tenths(w->median_x2);
		snprintf(key, sizeof(key), "%s.%s.median_days", prefix, what);
		hsetf(hdf, key, "%lld.%lld", tenths / 10, tenths % 10);
	}
	if (w->on_time >= 0) {
		snprintf(key, sizeof(key), "%s.%s.on_time", prefix, what);
		hseti(hdf, key, w->on_time);
		pm = stats_permille(w->on_time, w->count);
		snprintf(key, sizeof(key), "%s.%s.share", prefix, what);
		hsetf(hdf, key, "%lld.%lld", pm / 10, pm % 10);
	}
}

int
stats_view(HDF *hdf, const char *prefix, const struct stats *s)
{
	char	 key[160];

	put_count(hdf, prefix, "total", s->total);
	put_count(hdf, prefix, "demo", s->demo);
	snprintf(key, sizeof(key), "%s.computed_at", prefix);
	hset(hdf, key, s->computed_at);
	if (put_list(hdf, prefix, "category", &s->category, 0) == -1 ||
	    put_list(hdf, prefix, "status", &s->status, 0) == -1 ||
	    put_list(hdf, prefix, "channel", &s->channel, 0) == -1 ||
	    put_list(hdf, prefix, "county", &s->county, 1) == -1 ||
	    put_list(hdf, prefix, "month", &s->month, 0) == -1)
		return -1;
	put_wait(hdf, prefix, "accept", &s->accept);
	put_wait(hdf, prefix, "resolve", &s->resolve);
	return 0;
}

/* Rows of the weekly report as prefix.list.N.{code, name, the counts}. */
static void
put_week_rows(HDF *hdf, const char *prefix, const char *list,
    const struct stats_week_row *rows, size_t n)
{
	char	 key[192];
	size_t	 i, k;

	for (i = 0; i < n; i++) {
		snprintf(key, sizeof(key), "%s.%s.%zu.code", prefix, list, i);
		hset(hdf, key, rows[i].code);
		snprintf(key, sizeof(key), "%s.%s.%zu.name", prefix, list, i);
		hset(hdf, key, rows[i].name);
		for (k = 0; k < SW_COUNT; k++) {
			snprintf(key, sizeof(key), "%s.%s.%zu.%s", prefix, list,
			    i, stats_week_kind_name(k));
			hseti(hdf, key, rows[i].n[k]);
		}
	}
}

void
stats_week_view(HDF *hdf, const char *prefix, const struct stats_week *w)
{
	char	 key[192];
	size_t	 k;

	put_week_rows(hdf, prefix, "rows", w->rows, w->nrows);
	put_week_rows(hdf, prefix, "channels", w->channels, CHANNEL_COUNT);
	for (k = 0; k < SW_COUNT; k++) {
		snprintf(key, sizeof(key), "%s.total.%s", prefix,
		    stats_week_kind_name(k));
		hseti(hdf, key, w->total[k]);
	}
	put_count(hdf, prefix, "outlets.registered", w->registered);
	put_count(hdf, prefix, "outlets.suspended", w->suspended);
	put_count(hdf, prefix, "outlets.cancelled", w->cancelled);
}
