/* The complaint flow table: every state × action, for staff and for the
 * complainant, allowed or refused, and where each allowed one leads. */
#include <string.h>

#include "check.h"
#include "domain/complaint_flow.h"

#define A	FLOW_ALLOWED
#define W	FLOW_WRONG_STATE
#define N	FLOW_NOT_YOURS
#define NONE	{ N, N, N, N, N, N }

static const char *const states[CS_COUNT] = {
	"submitted", "accepted", "investigating", "reopened", "resolved",
	"rejected",
};

/* Read across: submitted accepted investigating reopened resolved rejected. */
static const struct {
	const char		*action;
	enum complaint_refusal	 handler[CS_COUNT], complainant[CS_COUNT],
				 system[CS_COUNT];
	const char		*to;	/* NULL: the status stays */
	const char		*event;
	enum complaint_needs	 needs;
} cases[] = {
	{ "accept", { A, W, W, W, W, W }, NONE, NONE, "accepted",
	    "accepted", NEEDS_NOTHING },
	{ "reject", { A, W, W, W, W, W }, NONE, NONE, "rejected",
	    "rejected", NEEDS_REPLY },
	{ "investigate", { W, A, W, A, W, W }, NONE, NONE,
	    "investigating", "investigating", NEEDS_NOTHING },
	{ "resolve", { W, A, A, A, W, W }, NONE, NONE, "resolved",
	    "resolved", NEEDS_REPLY },
	{ "note", { A, A, A, A, A, A }, NONE, NONE, NULL, "note",
	    NEEDS_REPLY_OR_NOTE },
	{ "assign", { A, A, A, A, A, A }, NONE, NONE, NULL,
	    "assign", NEEDS_ASSIGNEE },
	{ "reopen", NONE, { W, W, W, W, A, W }, NONE, "reopened",
	    "reopened", NEEDS_REASON },
	{ "rate", NONE, { W, W, W, W, A, W }, NONE, NULL,
	    "satisfaction", NEEDS_RATING },
	/* Not once handled; back to 待受理 at the receiving county. */
	{ "transfer", { A, A, A, A, W, W }, NONE, NONE, "submitted",
	    "transferred", NEEDS_TARGET },
	/* The sweep's alone, while a deadline runs. */
	{ "escalate", NONE, NONE, { A, A, A, A, W, W }, NULL, "escalated",
	    NEEDS_NOTHING },
};

/* Which clock each rule starts from today, and how far (accept 7 and
 * resolve 30 working days; an empty calendar has only weekends). */
static void
due_cases(void)
{
	static const struct {
		enum complaint_action	 action;
		int			 set;	/* 0: no deadline */
		int			 days;	/* working days counted */
	} dues[] = {
		{ CA_ACCEPT, 1, 30 }, { CA_REOPEN, 1, 30 },
		{ CA_TRANSFER, 1, 7 }, { CA_RESOLVE, 0, 0 },
		{ CA_REJECT, 0, 0 }, { CA_NOTE, 0, 0 }, { CA_ASSIGN, 0, 0 },
		{ CA_RATE, 0, 0 }, { CA_ESCALATE, 0, 0 },
	};
	struct calendar	 cal;
	char		 got[11], want[11], now[11];
	size_t		 i;

	memset(&cal, 0, sizeof(cal));
	today(now);
	for (i = 0; i < NELEM(dues); i++) {
		complaint_flow_due_from(complaint_rule(dues[i].action), &cal,
		    7, 30, got);
		want[0] = '\0';
		if (dues[i].set)
			days_to_date(workday_add(&cal, date_to_days(now),
			    dues[i].days), want);
		CHECK(strcmp(got, want) == 0, "%s sets \"%s\", want \"%s\"",
		    complaint_rule(dues[i].action)->code, got, want);
	}
	/* The old entry point never starts the accept clock by mistake. */
	complaint_flow_due(complaint_rule(CA_ACCEPT), &cal, 30, got);
	days_to_date(workday_add(&cal, date_to_days(now), 30), want);
	CHECK(strcmp(got, want) == 0, "accept through complaint_flow_due");
}

void
test_complaint_flow(void)
{
	const struct complaint_rule *r;
	size_t	 i, s;
	int	 next;

	CHECK(NELEM(cases) == CA_COUNT, "every action has a row");
	for (s = 0; s < CS_COUNT; s++) {
		CHECK(complaint_state_of(states[s]) == (int)s, "state %s",
		    states[s]);
		CHECK(strcmp(complaint_state_code(s), states[s]) == 0,
		    "code of %s", states[s]);
	}
	CHECK(complaint_state_of("closed") == -1, "unknown state");
	CHECK(complaint_rule_of("delete") == NULL, "unknown action");
	CHECK(complaint_flow_allows(NULL, CS_SUBMITTED, ACTOR_HANDLER) ==
	    FLOW_UNKNOWN_ACTION, "no rule");
	for (i = 0; i < NELEM(cases); i++) {
		r = complaint_rule_of(cases[i].action);
		CHECK(r != NULL, "rule %s", cases[i].action);
		if (r == NULL)
			continue;
		CHECK(complaint_rule(r->action) == r, "rule %s by its enum",
		    cases[i].action);
		CHECK(strcmp(r->event, cases[i].event) == 0, "%s leaves %s",
		    cases[i].action, cases[i].event);
		CHECK(r->needs == cases[i].needs, "%s needs", cases[i].action);
		CHECK((r->needs == NEEDS_NOTHING) == (r->needs_message == NULL),
		    "%s says what it needs", cases[i].action);
		CHECK(complaint_flow_allows(r, -1, ACTOR_HANDLER |
		    ACTOR_COMPLAINANT | ACTOR_SYSTEM) == FLOW_WRONG_STATE,
		    "%s from an unknown state", cases[i].action);
		for (s = 0; s < CS_COUNT; s++) {
			CHECK(complaint_flow_allows(r, (int)s, ACTOR_HANDLER) ==
			    cases[i].handler[s], "staff %s from %s",
			    cases[i].action, states[s]);
			CHECK(complaint_flow_allows(r, (int)s,
			    ACTOR_COMPLAINANT) == cases[i].complainant[s],
			    "complainant %s from %s", cases[i].action,
			    states[s]);
			CHECK(complaint_flow_allows(r, (int)s, ACTOR_SYSTEM) ==
			    cases[i].system[s], "system %s from %s",
			    cases[i].action, states[s]);
			next = complaint_flow_next(r, s);
			CHECK(strcmp(complaint_state_code(next), cases[i].to !=
			    NULL ? cases[i].to : states[s]) == 0,
			    "%s from %s leads on", cases[i].action, states[s]);
		}
	}
	/* Accepting and reopening start the resolve clock; handling ends it. */
	CHECK(complaint_rule(CA_ACCEPT)->due == DUE_RESOLVE_FROM_TODAY, "accept");
	CHECK(complaint_rule(CA_REOPEN)->due == DUE_RESOLVE_FROM_TODAY, "reopen");
	CHECK(complaint_rule(CA_RESOLVE)->due == DUE_STOP, "resolve");
	CHECK(complaint_rule(CA_REJECT)->due == DUE_STOP, "reject");
	CHECK(complaint_rule(CA_NOTE)->shown == SHOWN_WITH_REPLY,
	    "a record without a reply stays internal");
	/* A transfer restarts the accept clock; 督办 leaves it running. */
	CHECK(complaint_rule(CA_TRANSFER)->due == DUE_ACCEPT_FROM_TODAY,
	    "transfer");
	CHECK(complaint_rule(CA_ESCALATE)->due == DUE_KEEP, "escalate");
	CHECK(complaint_rule(CA_TRANSFER)->shown == SHOWN_ALWAYS &&
	    complaint_rule(CA_ESCALATE)->shown == SHOWN_ALWAYS,
	    "the complainant sees transfers and 督办");
	/* Only these two leave the handling form for their own. */
	for (i = 0; i < CA_COUNT; i++)
		CHECK(complaint_rule(i)->own_form == (i == CA_TRANSFER ||
		    i == CA_ESCALATE), "%s on the handling form or not",
		    complaint_rule(i)->code);
	due_cases();
}
