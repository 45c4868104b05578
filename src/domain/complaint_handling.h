/* Complaints as their handlers see them: the queue with deadlines, one
 * complaint with its timeline, and the actions of the flow
 * (complaint_flow.h) taken in one transaction with the audit log. */
#ifndef JDXX_COMPLAINT_HANDLING_H
#define JDXX_COMPLAINT_HANDLING_H

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"
#include "domain/audit.h"
#include "domain/result.h"
#include "domain/session.h"

struct complaint_queue_filter {
	const char	*region;	/* a prefix; the caller's reach */
	const char	*status;	/* NULL: any */
	const char	*category;	/* NULL: any */
	long long	 outlet;	/* 0: any */
	int		 overdue;	/* only those past their deadline */
};

/* A page of the queue as prefix.N.{id, tracking_no, status, category_name,
 * outlet, outlet_region, county, submitted, due, overdue, assignee,
 * is_demo}, newest first, and the count of all that match. */
enum db_status	complaint_queue(HDF *, const char *prefix,
		    const struct complaint_queue_filter *, long page,
		    long page_size, long long *total);
/* The counts of a region by status, as prefix.N.{status, n, overdue}. */
enum db_status	complaint_status_counts(HDF *, const char *prefix,
		    const char *region);
/* How many complaints of a region are past their deadline. */
enum db_status	complaints_overdue(const char *region, long long *n);
/* One complaint with everything staff see (Complaint.*), its whole
 * timeline (Events.N.*) and who may be assigned it (Handlers.N.*). */
enum db_status	complaint_for_staff(HDF *, long long id, int *found);

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
