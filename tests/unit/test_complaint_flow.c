/* The complaint flow table: every state × action, for staff and for the
 * complainant, allowed or refused, and where each allowed one leads. */
#include <string.h>

#include "check.h"
#include "domain/complaint_flow.h"

#define A	FLOW_ALLOWED
#define W	FLOW_WRONG_STATE
#define N	FLOW_NOT_YOURS

static const char *const states[CS_COUNT] = {
	"submitted", "accepted", "investigating", "reopened", "resolved",
	"rejected",
};

/* Read across: submitted accepted investigating reopened resolved rejected. */
static const struct {
	const char		*action;
	enum complaint_refusal	 handler[CS_COUNT], complainant[CS_COUNT];
	const char		*to;	/* NULL: the status stays */
	const char		*event;
	enum complaint_needs	 needs;
} cases[] = {
	{ "accept", { A, W, W, W, W, W }, { N, N, N, N, N, N }, "accepted",
	    "accepted", NEEDS_NOTHING },
	{ "reject", { A, W, W, W, W, W }, { N, N, N, N, N, N }, "rejected",
	    "rejected", NEEDS_REPLY },
	{ "investigate", { W, A, W, A, W, W }, { N, N, N, N, N, N },
	    "investigating", "investigating", NEEDS_NOTHING },
	{ "resolve", { W, A, A, A, W, W }, { N, N, N, N, N, N }, "resolved",
	    "resolved", NEEDS_REPLY },
	{ "note", { A, A, A, A, A, A }, { N, N, N, N, N, N }, NULL, "note",
	    NEEDS_REPLY_OR_NOTE },
	{ "assign", { A, A, A, A, A, A }, { N, N, N, N, N, N }, NULL,
	    "assign", NEEDS_ASSIGNEE },
	{ "reopen", { N, N, N, N, N, N }, { W, W, W, W, A, W }, "reopened",
	    "reopened", NEEDS_REASON },
	{ "rate", { N, N, N, N, N, N }, { W, W, W, W, A, W }, NULL,
	    "satisfaction", NEEDS_RATING },
};

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
		    ACTOR_COMPLAINANT) == FLOW_WRONG_STATE,
		    "%s from an unknown state", cases[i].action);
		for (s = 0; s < CS_COUNT; s++) {
			CHECK(complaint_flow_allows(r, (int)s, ACTOR_HANDLER) ==
			    cases[i].handler[s], "staff %s from %s",
			    cases[i].action, states[s]);
			CHECK(complaint_flow_allows(r, (int)s,
			    ACTOR_COMPLAINANT) == cases[i].complainant[s],
			    "complainant %s from %s", cases[i].action,
			    states[s]);
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
}
