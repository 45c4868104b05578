/* The complaint flow, as one table: for each action, the statuses it may
 * start from, the status it leads to, who may take it, the event it
 * leaves on the timeline, what happens to the deadline, and what it must
 * carry. Staff pages, the complainant's reopen and rating, Open311 and
 * the tests all ask this table. */
#ifndef JDXX_COMPLAINT_FLOW_H
#define JDXX_COMPLAINT_FLOW_H

#include "domain/workday.h"

enum complaint_state {
	CS_SUBMITTED, CS_ACCEPTED, CS_INVESTIGATING, CS_REOPENED, CS_RESOLVED,
	CS_REJECTED, CS_COUNT
};

enum complaint_action {
	CA_ACCEPT, CA_REJECT, CA_INVESTIGATE, CA_RESOLVE, CA_NOTE, CA_ASSIGN,
	CA_REOPEN, CA_RATE, CA_TRANSFER, CA_ESCALATE, CA_COUNT
};

/* Who takes an action: bits. */
enum complaint_actor {
	ACTOR_HANDLER = 1,	/* staff with the handler or admin role */
	ACTOR_COMPLAINANT = 2,	/* with the tracking number and query code */
	ACTOR_SYSTEM = 4,	/* the deadline sweep: complaint_escalation.h */
};

enum complaint_deadline {
	DUE_KEEP,		/* the clock running now runs on */
	DUE_RESOLVE_FROM_TODAY,	/* resolve within the resolve days, from today */
	DUE_STOP,		/* handled: the clock stops (resolved_at set) */
	DUE_ACCEPT_FROM_TODAY,	/* accept within the accept days from today:
				 * a transfer starts over where it goes */
};

/* What an action needs beyond its state. */
enum complaint_needs {
	NEEDS_NOTHING,
	NEEDS_REPLY,		/* a public reply */
	NEEDS_REPLY_OR_NOTE,	/* a public reply or an internal note */
	NEEDS_ASSIGNEE,		/* a handler covering the complaint's region */
	NEEDS_REASON,		/* the complainant's reason */
	NEEDS_RATING,		/* satisfied or unsatisfied */
	NEEDS_TARGET,		/* another county (or a township in it) and
				 * the reason */
};

/* Whether the complainant sees the event (complaint.c's public_events
 * selects by the same rule). */
enum complaint_shown {
	SHOWN_ALWAYS,
	SHOWN_WITH_REPLY,	/* only when it carries a public reply */
};

#define CS_ANY	((1u << CS_COUNT) - 1)
#define CS_BIT(s)	(1u << (s))

struct complaint_rule {
	enum complaint_action	 action;
	const char		*code;		/* as forms and APIs send it */
	const char		*label;		/* as the staff's form names it */
	unsigned		 from;		/* CS_BIT()s it may start from */
	int			 to;		/* the next state; -1: unchanged */
	unsigned		 actors;	/* enum complaint_actor bits */
	const char		*event;		/* complaint_event.kind it leaves */
	enum complaint_shown	 shown;		/* on the tracking page */
	enum complaint_deadline	 due;
	enum complaint_needs	 needs;
	const char		*needs_message;	/* when what it needs is missing */
	int			 own_form;	/* not on the handling
						 * form: one of its own */
};

/* Why an action is refused. */
enum complaint_refusal {
	FLOW_ALLOWED,
	FLOW_UNKNOWN_ACTION,	/* no such action */
	FLOW_NOT_YOURS,		/* this actor may not take it */
	FLOW_WRONG_STATE,	/* not from the complaint's status */
};

const struct complaint_rule *complaint_rule(enum complaint_action);
/* The rule of an action's code, or NULL. */
const struct complaint_rule *complaint_rule_of(const char *code);
/* The state of a status code, or -1. */
int		 complaint_state_of(const char *status);
/* The status code of a state. */
const char	*complaint_state_code(enum complaint_state);
/* Whether actor may take the action now. */
enum complaint_refusal complaint_flow_allows(const struct complaint_rule *,
		    int state, unsigned actor);
/* The state an allowed action leaves the complaint in. */
enum complaint_state complaint_flow_next(const struct complaint_rule *,
		    enum complaint_state);
/* The deadline an action sets, YYYY-MM-DD, or "" when it sets none
 * (one that restarts the accept clock: use complaint_flow_due_from). */
void		 complaint_flow_due(const struct complaint_rule *,
		    const struct calendar *, int resolve_days, char out[11]);
/* The same, with the working days of both clocks. */
void		 complaint_flow_due_from(const struct complaint_rule *,
		    const struct calendar *, int accept_days, int resolve_days,
		    char out[11]);

#endif
