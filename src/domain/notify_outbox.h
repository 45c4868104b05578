/* Notices about complaints by SMS and email, through an outbox
 * (sql/030_notify_outbox.sql): the steps of a complaint queue messages
 * in their own transaction; the sender (jdxx-notify) claims the due ones
 * under a lease, delivers them and marks them sent, or retries them
 * later with a growing back-off, and after the last try leaves them
 * dead. Each message has an idempotency key naming its event: the same
 * event never queues twice. */
#ifndef JDXX_NOTIFY_OUTBOX_H
#define JDXX_NOTIFY_OUTBOX_H

#include "base/arena.h"
#include "db/db.h"
#include "domain/result.h"

#define NOTIFY_EMAIL_MAX	254
#define NOTIFY_LEASE_LEN	32

/* What a complainant chose to hear by. */
enum notify_by { NOTIFY_NONE, NOTIFY_SMS, NOTIFY_EMAIL };

/* The code of a choice ("none", "sms", "email"), and the choice of a
 * code (-1 for none of them). */
const char	*notify_by_code(enum notify_by);
int		 notify_by_of(const char *code);
/* 1 when s looks like an email address we may send to: one '@', a
 * local part and a domain with a dot, no spaces, quotes or angle
 * brackets, at most NOTIFY_EMAIL_MAX bytes. */
int		 notify_email_valid(const char *s);
/* 1 for a Chinese mobile number (11 digits, 1[3-9]...): SMS reach only
 * those. */
int		 notify_mobile_valid(const char *s);

/* Within the transaction of a complaint's step, just after its event:
 * queues the complainant's message of that step (template "submitted",
 * "accepted", "rejected", "reply", "resolved", "reopened", "transferred") by the way
 * they chose, if any; reply is the public reply or NULL. */
enum db_status	notify_complaint_step(long long complaint_id,
		    const char *template, const char *reply);
/* The same for an assignment: an email to the staff member, when the
 * account has an address. */
enum db_status	notify_assignment(long long complaint_id, long long staff_id);

/* Sets the address a staff account's notices go to (NULL or "": none);
 * DOMAIN_INVALID for an address notify_email_valid refuses,
 * DOMAIN_NOT_FOUND for no such account. */
enum domain_status notify_staff_email(long long staff_id, const char *email);

/* Queues one "overdue" email per complaint and deadline to each handler
 * of its region with an address, for at most batch complaints that ran
 * past their deadline in the last max_days days; *n gets how many
 * complaints were announced. */
enum domain_status notify_overdue_sweep(int max_days, int batch, long long *n);

/* A message claimed for delivery. Strings live in the claim's arena. */
struct notify_message {
	long long	 id;
	const char	*idem_key;
	const char	*channel;	/* "sms" or "email" */
	const char	*recipient;
	const char	*template;
	const char	*params;	/* a JSON object */
	int		 attempts;	/* this one included */
};

static inline const struct notify_message *
notify_message_at(const struct arena_list *l, size_t i)
{
	return &((const struct notify_message *)l->item)[i];
}

/* Claims up to max due messages of the channels on (sms, email: 1 or
 * 0), and those whose lease ran out, for lease_seconds under a new
 * lease (written to lease); the claimed ones go into list. */
enum domain_status notify_claim(struct arena *, int sms, int email, int max,
		    int lease_seconds, char lease[NOTIFY_LEASE_LEN + 1],
		    struct arena_list *list);
/* Marks a claimed message delivered; *held is 0 when the lease was no
 * longer this one's. */
enum domain_status notify_mark_sent(long long id, const char *lease,
		    int *held);
/* A failed try: the message waits delay seconds for the next, or once
 * its tries reach max_attempts is dead; error says why, for staff. */
enum domain_status notify_mark_failed(long long id, const char *lease,
		    int max_attempts, long delay, const char *error);
/* Hands back what a claim still holds (a stop came mid-batch): due
 * again at once, the try not counted. */
enum domain_status notify_release(const char *lease);
/* Seconds to wait after the n-th failed try (n from 1): base (at least
 * 1) doubled for each try before, never above cap; base for n below 1. */
long		 notify_backoff(int n, long base, long cap);

#endif
