/* The weekly report a commerce bureau sends up: for one region and one
 * ISO week, the complaints received and done by category and by the
 * channel they came by, and the outlets registered, suspended and
 * cancelled. */
#ifndef JDXX_STATS_WEEK_H
#define JDXX_STATS_WEEK_H

#include <stddef.h>

#include "db/db.h"
#include "domain/complaint_channel.h"
#include "domain/result.h"
#include "domain/stats.h"

/* What is counted for each category, in the order of the report.
 * received: submitted in the week; accepted, resolved (after being
 * accepted), rejected: done in the week; overdue: past the due date to
 * accept or to resolve at the end of the week and not done by then;
 * escalated: flagged for 督办 in the week, where it was handled then;
 * transferred: sent on to another county in the week, by the county
 * that sent it. */
enum stats_week_kind {
	SW_RECEIVED, SW_ACCEPTED, SW_REJECTED, SW_RESOLVED, SW_OVERDUE,
	SW_ESCALATED, SW_TRANSFERRED, SW_COUNT
};

struct stats_week_row {
	char		 code[STATS_CODE_MAX + 1];	/* the category's or
							 * channel's */
	char		 name[STATS_NAME_MAX + 1];
	long long	 n[SW_COUNT];
};

/* Outlets: registered in the week; suspended or cancelled in the week
 * by their status history (whatever happened to them later). */
struct stats_week {
	struct stats_week_row	*rows;		/* every category */
	size_t			 nrows;
	/* The same counts by channel, every one in the table's order. */
	struct stats_week_row	 channels[CHANNEL_COUNT];
	long long		 total[SW_COUNT];
	long long		 registered;
	long long		 suspended;
	long long		 cancelled;
};

/* The weekly report of region ("" for all) for the ISO week starting on
 * the day monday (days since 1970-01-01). Free with stats_week_free,
 * also after an error. */
enum domain_status stats_weekly(struct stats_week *, const char *region,
		    long monday);
void		stats_week_free(struct stats_week *);
/* The name of a kind, as a word: "received", "accepted"... */
const char	*stats_week_kind_name(enum stats_week_kind);

#endif
