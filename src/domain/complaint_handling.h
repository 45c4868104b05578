/* Complaints as their handlers see them: the queue with deadlines, one
 * complaint with its timeline, and the actions of the flow
 * (complaint_flow.h) taken in one transaction with the audit log. */
#ifndef JDXX_COMPLAINT_HANDLING_H
#define JDXX_COMPLAINT_HANDLING_H

#include "base/arena.h"
#include "db/db.h"
#include "domain/audit.h"
#include "domain/complaint.h"
#include "domain/result.h"
#include "domain/session.h"

struct complaint_queue_filter {
	const char	*region;	/* a prefix; the caller's reach */
	const char	*status;	/* NULL: any */
	const char	*category;	/* NULL: any */
	long long	 outlet;	/* 0: any */
	int		 overdue;	/* only those past their deadline */
	int		 escalated;	/* only those under 督办 */
};

/* A complaint in the queue; dates as YYYY-MM-DD, strings in the arena
 * of the read, NULL for SQL NULL. */
struct complaint_queue_row {
	long long	 id;
	const char	*tracking_no;
	const char	*status;	/* a complaint_state_code */
	const char	*category_name;
	const char	*outlet;	/* the listed shop's name, or as given */
	const char	*outlet_region;
	const char	*county;	/* the outlet region's county's name */
	const char	*submitted;
	const char	*due;		/* the deadline running now */
	int		 overdue;	/* past it */
	const char	*assignee;	/* the username */
	const char	*channel;	/* a complaint_channel code */
	int		 is_demo;
	int		 escalated;	/* under 督办 */
};

static inline const struct complaint_queue_row *
complaint_queue_row_at(const struct arena_list *l, size_t i)
{
	return &((const struct complaint_queue_row *)l->item)[i];
}

/* How many complaints of a region are in one status, and how many of
 * them are past their deadline. */
struct complaint_status_count {
	const char	*status;
	long long	 n;
	long long	 overdue;
};

static inline const struct complaint_status_count *
complaint_status_count_at(const struct arena_list *l, size_t i)
{
	return &((const struct complaint_status_count *)l->item)[i];
}

/* A page of the queue into rows (struct complaint_queue_row), newest
 * first, and the count of all that match. */
enum domain_status complaint_queue(struct arena *,
		    const struct complaint_queue_filter *, long page,
		    long page_size, struct arena_list *rows,
		    long long *total);
/* The counts of a region by status (struct complaint_status_count),
 * the statuses that have any. */
enum domain_status complaint_status_counts(struct arena *,
		    const char *region, struct arena_list *counts);
/* How many complaints of a region are past their deadline. */
enum domain_status complaints_overdue(const char *region, long long *n);
/* How many complaints of a region are under 督办 (flagged by
 * complaint_escalate_overdue for the deadline running now). */
enum domain_status complaints_escalated(const char *region, long long *n);

/* Who may be assigned a complaint: a handler or admin of its region. */
struct complaint_handler {
	long long	 id;
	const char	*username;
	const char	*display_name;
};

static inline const struct complaint_handler *
complaint_handler_at(const struct arena_list *l, size_t i)
{
	return &((const struct complaint_handler *)l->item)[i];
}

/* A complaint with everything staff see. Dates are text as shown
 * (YYYY-MM-DD, with HH:MM for the _at ones); a NULL string and an id
 * of 0 are SQL NULL, not set. */
struct complaint {
	long long	 id;
	const char	*tracking_no;
	const char	*status;	/* a complaint_state_code */
	const char	*channel;	/* a complaint_channel code */
	const char	*entered_by;	/* the username of who typed it in;
					 * NULL: filed by the public */
	const char	*category;
	const char	*category_name;
	const char	*name;		/* the complainant's */
	const char	*phone;
	const char	*region_code;	/* the complainant's township */
	const char	*township;	/* its name */
	long long	 outlet_id;	/* 0: a shop not listed */
	const char	*outlet;	/* the listed shop's name, or as given */
	const char	*outlet_address;
	const char	*reg_no;	/* the listed shop's */
	const char	*outlet_region;	/* where it is handled */
	const char	*purchase_date;
	const char	*product_category;
	const char	*product_model;
	const char	*invoice_no;
	const char	*description;
	const char	*submitted_at;
	const char	*accept_due;
	const char	*resolve_due;
	const char	*resolved_at;
	const char	*satisfaction;	/* "satisfied", "unsatisfied" */
	int		 reopened;
	long long	 assignee_id;	/* 0: none */
	int		 overdue;	/* past the deadline running now */
	int		 is_demo;
	int		 escalated;	/* under 督办 now */
	const char	*escalated_at;	/* when last flagged, or NULL */
	struct arena_list events;	/* the whole timeline (complaint_event) */
	struct arena_list handlers;	/* who may be assigned it */
};

/* One complaint with its timeline and who may be assigned it;
 * DOMAIN_NOT_FOUND when there is none with that id. Whether it is
 * within the reader's region is the caller's to check. */
enum domain_status complaint_for_staff(struct arena *, long long id,
		    struct complaint *);

/* An action of the flow on a complaint found by complaint_for_staff. */
struct complaint_act {
	long long	 id;
	const char	*status;	/* as it was read */
	const char	*region;	/* its outlet's */
	const char	*action;	/* a rule's code */
	const char	*reply;		/* public reply, or NULL */
	const char	*note;		/* internal note, or NULL */
	long long	 assignee;	/* 0: none given */
	int		 resolve_days;
	const struct audit_by *by;	/* a staff session's user */
};
/* DOMAIN_INVALID or DOMAIN_CONFLICT with the field messages in problems;
 * else as the database answered. */
enum domain_status complaint_take_action(const struct complaint_act *,
		    struct domain_problems *);

#endif
