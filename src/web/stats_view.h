/* The statistics as the pages show them: the numbers of domain/stats.h
 * and domain/stats_week.h put into the HDF their templates read. */
#ifndef JDXX_STATS_VIEW_H
#define JDXX_STATS_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "domain/stats.h"
#include "domain/stats_week.h"

/* For templates/public/stats.cs, under prefix: total, demo, computed_at;
 * category, status, channel, county and month as charts (web/chart.h) whose rows
 * also have code and name, and area for counties; accept.{count,
 * median_days} and resolve.{count, median_days, on_time, share}, days
 * and percent with one decimal, left out when there is none. 0, or -1
 * when memory runs out. */
int	stats_view(HDF *, const char *prefix, const struct stats *);
/* For templates/staff/weekly.cs, under prefix: rows.N.{code, name,
 * received, accepted, rejected, resolved, overdue} by category,
 * channels.N.{the same} by channel, total.{the same counts} and
 * outlets.{registered, suspended, cancelled}. */
void	stats_week_view(HDF *, const char *prefix, const struct stats_week *);

#endif
