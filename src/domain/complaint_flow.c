/* The complaint flow table: 待受理 → 已受理 / 不予受理 → 调查中 → 已办结,
 * reopened once by the complainant within the days allowed; sent on to
 * another county (转办) back to 待受理 there; flagged to the city (督办)
 * when a deadline passes unhandled. */
#include <stddef.h>
#include <string.h>

#include "domain/complaint_flow.h"

static const char *const state_codes[CS_COUNT] = {
	[CS_SUBMITTED] = "submitted", [CS_ACCEPTED] = "accepted",
	[CS_INVESTIGATING] = "investigating", [CS_REOPENED] = "reopened",
	[CS_RESOLVED] = "resolved", [CS_REJECTED] = "rejected",
};

#define HANDLING (CS_BIT(CS_ACCEPTED) | CS_BIT(CS_INVESTIGATING) | \
	CS_BIT(CS_REOPENED))

static const struct complaint_rule rules[CA_COUNT] = {
	[CA_ACCEPT] = { CA_ACCEPT, "accept", "受理", CS_BIT(CS_SUBMITTED),
	    CS_ACCEPTED, ACTOR_HANDLER, "accepted", SHOWN_ALWAYS,
	    DUE_RESOLVE_FROM_TODAY, NEEDS_NOTHING, NULL, 0 },
	[CA_REJECT] = { CA_REJECT, "reject", "不予受理", CS_BIT(CS_SUBMITTED),
	    CS_REJECTED, ACTOR_HANDLER, "rejected", SHOWN_ALWAYS, DUE_STOP,
	    NEEDS_REPLY, "不予受理须写明理由（公开答复）", 0 },
	[CA_INVESTIGATE] = { CA_INVESTIGATE, "investigate", "开始调查",
	    CS_BIT(CS_ACCEPTED) | CS_BIT(CS_REOPENED), CS_INVESTIGATING,
	    ACTOR_HANDLER, "investigating", SHOWN_ALWAYS, DUE_KEEP,
	    NEEDS_NOTHING, NULL, 0 },
	[CA_RESOLVE] = { CA_RESOLVE, "resolve", "办结", HANDLING, CS_RESOLVED,
	    ACTOR_HANDLER, "resolved", SHOWN_ALWAYS, DUE_STOP, NEEDS_REPLY,
	    "办结须写明处理结果（公开答复）", 0 },
	/* A reply or a record, and an assignment, fit any status. */
	[CA_NOTE] = { CA_NOTE, "note", "答复或记录", CS_ANY, -1, ACTOR_HANDLER,
	    "note", SHOWN_WITH_REPLY, DUE_KEEP, NEEDS_REPLY_OR_NOTE,
	    "请填写公开答复或内部记录", 0 },
	[CA_ASSIGN] = { CA_ASSIGN, "assign", "指定承办人", CS_ANY, -1, ACTOR_HANDLER,
	    "assign", SHOWN_ALWAYS, DUE_KEEP, NEEDS_ASSIGNEE, "请选择承办人", 0 },
	[CA_REOPEN] = { CA_REOPEN, "reopen", "要求重新办理", CS_BIT(CS_RESOLVED), CS_REOPENED,
	    ACTOR_COMPLAINANT, "reopened", SHOWN_ALWAYS,
	    DUE_RESOLVE_FROM_TODAY, NEEDS_REASON, "请写明要求重新办理的理由", 0 },
	[CA_RATE] = { CA_RATE, "rate", "评价", CS_BIT(CS_RESOLVED), -1,
	    ACTOR_COMPLAINANT, "satisfaction", SHOWN_ALWAYS, DUE_KEEP,
	    NEEDS_RATING, "请选择满意、不满意或要求重新办理", 0 },
	/* The wrong county, or a shop of another: the receiving bureau
	 * starts over at 待受理 with a fresh accept clock from the day of
	 * the transfer, nobody assigned, and the transferring one loses
	 * sight of it (the handling region moves). Not once handled. */
	[CA_TRANSFER] = { CA_TRANSFER, "transfer", "转办",
	    CS_BIT(CS_SUBMITTED) | HANDLING, CS_SUBMITTED, ACTOR_HANDLER,
	    "transferred", SHOWN_ALWAYS, DUE_ACCEPT_FROM_TODAY, NEEDS_TARGET,
	    "请选择转办到的县（区），并写明转办理由", 1 },
	/* Past its deadline and not handled: flagged to the city (督办);
	 * the clock runs on, the flag lasts while that deadline does. */
	[CA_ESCALATE] = { CA_ESCALATE, "escalate", "督办",
	    CS_BIT(CS_SUBMITTED) | HANDLING, -1, ACTOR_SYSTEM, "escalated",
	    SHOWN_ALWAYS, DUE_KEEP, NEEDS_NOTHING, NULL, 1 },
};

const struct complaint_rule *
complaint_rule(enum complaint_action a)
{
	return (unsigned)a < CA_COUNT ? &rules[a] : NULL;
}

const struct complaint_rule *
complaint_rule_of(const char *code)
{
	size_t	 i;

	for (i = 0; i < CA_COUNT; i++)
		if (strcmp(rules[i].code, code) == 0)
			return &rules[i];
	return NULL;
}

int
complaint_state_of(const char *status)
{
	size_t	 i;

	for (i = 0; i < CS_COUNT; i++)
		if (strcmp(state_codes[i], status) == 0)
			return (int)i;
	return -1;
}

const char *
complaint_state_code(enum complaint_state s)
{
	return (unsigned)s < CS_COUNT ? state_codes[s] : "";
}

enum complaint_refusal
complaint_flow_allows(const struct complaint_rule *r, int state,
    unsigned actor)
{
	if (r == NULL)
		return FLOW_UNKNOWN_ACTION;
	if ((r->actors & actor) == 0)
		return FLOW_NOT_YOURS;
	if (state < 0 || state >= CS_COUNT || (r->from & CS_BIT(state)) == 0)
		return FLOW_WRONG_STATE;
	return FLOW_ALLOWED;
}

enum complaint_state
complaint_flow_next(const struct complaint_rule *r, enum complaint_state s)
{
	return r->to >= 0 ? (enum complaint_state)r->to : s;
}

void
complaint_flow_due(const struct complaint_rule *r, const struct calendar *cal,
    int resolve_days, char out[11])
{
	complaint_flow_due_from(r, cal, 0, resolve_days, out);
}

void
complaint_flow_due_from(const struct complaint_rule *r,
    const struct calendar *cal, int accept_days, int resolve_days,
    char out[11])
{
	char	 now[11];
	int	 days;

	out[0] = '\0';
	if (r->due == DUE_RESOLVE_FROM_TODAY)
		days = resolve_days;
	else if (r->due == DUE_ACCEPT_FROM_TODAY)
		days = accept_days;
	else
		return;
	today(now);
	days_to_date(workday_add(cal, date_to_days(now), days), out);
}
