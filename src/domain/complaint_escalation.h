/* Supervision (督办): complaints past their working-day deadline and not
 * handled are flagged to the city level, the flow's CA_ESCALATE
 * (complaint_flow.c), a step of the system that no account takes and
 * the audit log does not hold. */
#ifndef JDXX_COMPLAINT_ESCALATION_H
#define JDXX_COMPLAINT_ESCALATION_H

#include "domain/result.h"

/*
 * The sweep: flags every complaint whose deadline running now (accept_due
 * while 待受理, resolve_due while being handled) is before today and that
 * is not flagged for that deadline yet, and leaves an 'escalated' step on
 * its timeline with the region it is handled in, in one transaction.
 * *flagged gets how many it flagged (0 when none were due).
 *
 * Set-based and idempotent: a second run finds nothing new until another
 * deadline passes. Safe to run at the same moment from several hosts: the
 * complaints are locked first, so each is flagged and stepped once. Run
 * it once a minute (the notice sender does) or from cron with
 * `jdxx-staff escalate`; it is cheap when nothing is due (the index of
 * deadlines, sql/021).
 */
enum domain_status complaint_escalate_overdue(long long *flagged);

/* 1 when an account limited to region ("" for none) supervises: 督办
 * goes to the city, so a city's accounts (4 digits) and wider ones have
 * its list; a county's see the flag on their own complaints. */
int		complaint_escalation_supervises(const char *region);

#endif
