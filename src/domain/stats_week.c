/* The weekly report: one statement reads the week's complaints by kind,
 * category and channel from their tally, another the outlets' changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/stats_week.h"
#include "domain/workday.h"

/* The week's counts from complaint_week_tally (sql/031), which triggers
 * keep as complaints and their steps change: the done ones from the
 * week's rows, overdue as the sum of its changes up to the week. The
 * whole country and a province read the same counts summed by province
 * (sql/032): a few rows per week, not one per township. */
#define WEEKLY_SQL(TABLE, REGION) \
    "SELECT kind AS k, category, channel, CAST(SUM(n) AS SIGNED) AS n " \
    "FROM " TABLE " WHERE kind IN ('received', 'accepted', " \
    "'rejected', 'resolved', 'escalated', 'transferred') AND week = ?" \
    REGION " GROUP BY kind, category, channel " \
    "UNION ALL SELECT 'overdue', category, channel, " \
    "CAST(SUM(n) AS SIGNED) FROM " TABLE \
    " WHERE kind = 'overdue' AND week <= ?" REGION \
    " GROUP BY category, channel"

static struct db_stmt weekly_all = DB_READ(WEEKLY_SQL(
    "complaint_week_province", ""));
static struct db_stmt weekly_province = DB_READ(WEEKLY_SQL(
    "complaint_week_province", " AND province = ?"));
static struct db_stmt weekly_region = DB_READ(WEEKLY_SQL(
    "complaint_week_tally", " AND region LIKE CONCAT(?, '%')"));

/* Registrations from the outlet, suspensions and cancellations from
 * its status history: each one that took effect in the week, even when
 * the status changed again since. */
static struct db_stmt weekly_outlets = DB_READ(
    "SELECT (SELECT COUNT(*) FROM outlet o WHERE o.region_code LIKE "
    "CONCAT(?, '%') AND o.registered_on >= ? AND o.registered_on < ?) "
    "AS registered, "
    "(SELECT COUNT(DISTINCT h.outlet_id) FROM outlet_status_history h "
    "JOIN outlet o ON o.id = h.outlet_id WHERE o.region_code LIKE "
    "CONCAT(?, '%') AND h.status = 'suspended' AND h.effective_on >= ? "
    "AND h.effective_on < ?) AS suspended, "
    "(SELECT COUNT(DISTINCT h.outlet_id) FROM outlet_status_history h "
    "JOIN outlet o ON o.id = h.outlet_id WHERE o.region_code LIKE "
    "CONCAT(?, '%') AND h.status = 'cancelled' AND h.effective_on >= ? "
    "AND h.effective_on < ?) AS cancelled");

static const char *const kind_names[SW_COUNT] = {
	[SW_RECEIVED] = "received", [SW_ACCEPTED] = "accepted",
	[SW_REJECTED] = "rejected", [SW_RESOLVED] = "resolved",
	[SW_OVERDUE] = "overdue", [SW_ESCALATED] = "escalated",
	[SW_TRANSFERRED] = "transferred",
};

const char *
stats_week_kind_name(enum stats_week_kind k)
{
	return k < SW_COUNT ? kind_names[k] : "";
}

void
stats_week_free(struct stats_week *w)
{
	free(w->rows);
	memset(w, 0, sizeof(*w));
}

/* Every category and channel, each with nothing counted yet. */
static enum db_status
week_rows(struct stats_week *w)
{
	struct stats_list	 c;
	enum db_status		 st;
	size_t			 i;

	if ((st = stats_categories(&c)) != DB_OK)
		return st;
	if (c.n > 0 && (w->rows = calloc(c.n, sizeof(*w->rows))) == NULL) {
		free(c.v);
		return DB_ERROR;
	}
	for (i = 0; i < c.n; i++) {
		memcpy(w->rows[i].code, c.v[i].code, sizeof(w->rows[i].code));
		memcpy(w->rows[i].name, c.v[i].name, sizeof(w->rows[i].name));
	}
	w->nrows = c.n;
	free(c.v);
	for (i = 0; i < CHANNEL_COUNT; i++) {
		snprintf(w->channels[i].code, sizeof(w->channels[i].code), "%s",
		    complaint_channel_at(i));
		snprintf(w->channels[i].name, sizeof(w->channels[i].name), "%s",
		    complaint_channel_name(complaint_channel_at(i)));
	}
	return DB_OK;
}

static struct stats_week_row *
week_row(struct stats_week *w, const char *code)
{
	size_t	 i;

	for (i = 0; i < w->nrows; i++)
		if (strcmp(w->rows[i].code, code) == 0)
			return &w->rows[i];
	return NULL;
}

/* A count of the complaints, added to its category's row and to its
 * channel's. */
static int
week_add(void *arg, const struct db_row *r)
{
	struct stats_week	*w = arg;
	struct stats_week_row	*target;
	const char		*what = db_text(r, "k");
	long long		 n;
	size_t			 k;
	int			 i;

	for (k = 0; k < SW_COUNT; k++)
		if (strcmp(kind_names[k], what) == 0)
			break;
	if (k == SW_COUNT)
		return 0;
	n = db_int(r, "n");
	w->total[k] += n;
	if ((target = week_row(w, db_text(r, "category"))) != NULL)
		target->n[k] += n;
	if ((i = complaint_channel_of(db_text(r, "channel"))) >= 0)
		w->channels[i].n[k] += n;
	return 0;
}

/* The week's outlet changes: one row of three counts. */
static int
week_outlets(void *arg, const struct db_row *r)
{
	struct stats_week	*w = arg;

	w->registered = db_int(r, "registered");
	w->suspended = db_int(r, "suspended");
	w->cancelled = db_int(r, "cancelled");
	return 0;
}

enum domain_status
stats_weekly(struct stats_week *w, const char *region, long monday)
{
	char		 start[11], end[11];
	struct db_arg	 a[4], o[9];
	enum db_status	 st;
	size_t		 i, k = 0;

	memset(w, 0, sizeof(*w));
	days_to_date(monday, start);
	days_to_date(monday + 7, end);
	/* The week's steps, then overdue: its Monday (, region). */
	for (i = 0; i < 2; i++) {
		a[k++] = DB_TEXT(start);
		if (region[0] != '\0')
			a[k++] = DB_TEXT(region);
	}
	if ((st = week_rows(w)) != DB_OK ||
	    (st = db_query_each(region[0] == '\0' ? &weekly_all :
	    strlen(region) == 2 ? &weekly_province : &weekly_region, a, k,
	    week_add, w)) != DB_OK)
		return domain_of_db(st);
	for (i = 0; i < 3; i++) {
		o[3 * i] = DB_TEXT(region);
		o[3 * i + 1] = DB_TEXT(start);
		o[3 * i + 2] = DB_TEXT(end);
	}
	return domain_of_db(db_query_each(&weekly_outlets, o, DB_NARGS(o),
	    week_outlets, w));
}
