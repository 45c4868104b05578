/* The weekly report: one statement counts the week's complaints by kind,
 * category, status and channel, another the outlets' changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/stats_week.h"
#include "domain/workday.h"

/* One week: [start, end) as dates; a due date before the next Monday
 * had passed when the week ended. Grouped by status too, so that the
 * optimizer reads the week's range of an index instead of walking the
 * whole category index in order; the statuses are added up in C, by
 * category and by channel. The region condition is left out for the
 * whole country: LIKE '%' would not narrow anything and hides the
 * better plans. */
#define WEEKLY_KEYS	"c.category, c.status, c.channel"
#define WEEKLY_STEPS(KIND, REGION) \
    "UNION ALL SELECT '" KIND "', " WEEKLY_KEYS ", COUNT(*) " \
    "FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id " \
    "WHERE e.kind = '" KIND "' AND e.at >= ? AND e.at < ?" REGION \
    " GROUP BY " WEEKLY_KEYS " "
#define WEEKLY_SQL(REGION, STEP_REGION) \
    "SELECT 'received' AS k, " WEEKLY_KEYS ", COUNT(*) AS n " \
    "FROM complaint c WHERE c.submitted_at >= ? AND c.submitted_at < ?" \
    REGION " GROUP BY " WEEKLY_KEYS " " \
    "UNION ALL SELECT 'accepted', " WEEKLY_KEYS ", COUNT(*) " \
    "FROM complaint c WHERE c.accepted_at >= ? AND c.accepted_at < ?" \
    REGION " GROUP BY " WEEKLY_KEYS " " \
    /* A rejection closes the complaint: its time is kept in resolved_at. */ \
    "UNION ALL SELECT 'rejected', " WEEKLY_KEYS ", COUNT(*) " \
    "FROM complaint c WHERE c.resolved_at >= ? AND c.resolved_at < ? " \
    "AND c.status = 'rejected'" REGION " GROUP BY " WEEKLY_KEYS " " \
    "UNION ALL SELECT 'resolved', " WEEKLY_KEYS ", COUNT(*) " \
    "FROM complaint c WHERE c.resolved_at >= ? AND c.resolved_at < ? " \
    "AND c.accepted_at IS NOT NULL" REGION " GROUP BY " WEEKLY_KEYS " " \
    /* As the week ended: past due, and not done by then. */ \
    /* Steps: each time it happened (sql/029), where it was then. */ \
    WEEKLY_STEPS("escalated", STEP_REGION) \
    WEEKLY_STEPS("transferred", STEP_REGION) \
    "UNION ALL SELECT 'overdue', " WEEKLY_KEYS ", COUNT(*) " \
    "FROM complaint c WHERE c.submitted_at < ? AND (" \
    "(c.accept_due < ? AND (c.accepted_at >= ? OR (c.accepted_at IS NULL " \
    "AND (c.resolved_at IS NULL OR c.resolved_at >= ?)))) OR " \
    "(c.accepted_at < ? AND c.resolve_due < ? AND (c.resolved_at IS NULL " \
    "OR c.resolved_at >= ?)))" REGION " GROUP BY " WEEKLY_KEYS

static struct db_stmt weekly_all = DB_READ(WEEKLY_SQL("", ""));
static struct db_stmt weekly_region = DB_READ(WEEKLY_SQL(
    " AND c.outlet_region LIKE CONCAT(?, '%')",
    " AND e.region LIKE CONCAT(?, '%')"));

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

/* A count of the complaints, added up over the statuses of its
 * category's row and of its channel's. */
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
	struct db_arg	 a[32], o[9];
	enum db_status	 st;
	size_t		 i, k = 0;

	memset(w, 0, sizeof(*w));
	days_to_date(monday, start);
	days_to_date(monday + 7, end);
	/* received, accepted, rejected, resolved, escalated, transferred:
	 * start, end (, region). */
	for (i = 0; i < 6; i++) {
		a[k++] = DB_TEXT(start);
		a[k++] = DB_TEXT(end);
		if (region[0] != '\0')
			a[k++] = DB_TEXT(region);
	}
	/* overdue: every bound is the week's end (, region). */
	for (i = 0; i < 7; i++)
		a[k++] = DB_TEXT(end);
	if (region[0] != '\0')
		a[k++] = DB_TEXT(region);
	if ((st = week_rows(w)) != DB_OK ||
	    (st = db_query_each(region[0] != '\0' ? &weekly_region :
	    &weekly_all, a, k, week_add, w)) != DB_OK)
		return domain_of_db(st);
	for (i = 0; i < 3; i++) {
		o[3 * i] = DB_TEXT(region);
		o[3 * i + 1] = DB_TEXT(start);
		o[3 * i + 2] = DB_TEXT(end);
	}
	return domain_of_db(db_query_each(&weekly_outlets, o, DB_NARGS(o),
	    week_outlets, w));
}
