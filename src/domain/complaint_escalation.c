/* The 督办 sweep: lock what is newly overdue, step it, flag it. */
#include <stddef.h>
#include <string.h>

#include "domain/complaint_escalation.h"
#include "domain/complaint_flow.h"

/* Overdue by the deadline running now (sql/021) and not yet flagged for
 * it (sql/029): the index of both reads just these, so the lock below
 * takes no others. Handled complaints are due 9999-12-31. */
#define NEWLY_OVERDUE \
    "escalated = 0 AND due < CURDATE()"

/* A batch: the first sweep over a large backlog would otherwise hold
 * every row it flags, and the filings beside them, in one transaction. */
#define BATCH		500
#define IN_BATCH	" ORDER BY id LIMIT " DB_NUMBER(BATCH)

/* Locks them first: a sweep on another host waits, then finds them
 * flagged. The batch's statements read the same first rows by id. */
static struct db_stmt lock_due = DB_READ_PRIMARY(
    "SELECT id FROM complaint WHERE " NEWLY_OVERDUE IN_BATCH " FOR UPDATE");

static struct db_stmt step_due = DB_WRITE(
    "INSERT INTO complaint_event (complaint_id, at, kind, from_status, "
    "to_status, region) SELECT id, NOW(), ?, status, status, outlet_region "
    "FROM complaint WHERE " NEWLY_OVERDUE IN_BATCH);

static struct db_stmt flag_due = DB_WRITE(
    "UPDATE complaint SET escalated_at = NOW(), escalated_due = due "
    "WHERE " NEWLY_OVERDUE IN_BATCH);

static int
count_row(void *arg, const struct db_row *r)
{
	(void)r;
	(*(long long *)arg)++;
	return 0;
}

int
complaint_escalation_supervises(const char *region)
{
	return strlen(region) <= 4;
}

/* One batch flagged in its own transaction: *locked how many it held. */
static enum db_status
escalate_batch(long long *locked, long long *flagged)
{
	const struct complaint_rule *rule = complaint_rule(CA_ESCALATE);
	struct db_arg		 kind[] = { DB_TEXT(rule->event) };
	unsigned long long	 stepped = 0, moved = 0;
	enum db_status		 st;

	*locked = 0;
	if ((st = db_begin()) != DB_OK)
		return st;
	st = db_query_each(&lock_due, NULL, 0, count_row, locked);
	if (st == DB_OK && *locked > 0)
		st = db_exec(&step_due, kind, 1, &stepped, NULL);
	if (st == DB_OK && *locked > 0)
		st = db_exec(&flag_due, NULL, 0, &moved, NULL);
	/* Each flagged complaint has exactly its one step. */
	if (st == DB_OK && stepped != moved)
		st = DB_ERROR;
	if (st != DB_OK || (st = db_commit()) != DB_OK) {
		db_rollback();
		return st;
	}
	*flagged += (long long)moved;
	return DB_OK;
}

enum domain_status
complaint_escalate_overdue(long long *flagged)
{
	long long	 locked;
	enum db_status	 st;

	*flagged = 0;
	do
		st = escalate_batch(&locked, flagged);
	while (st == DB_OK && locked == BATCH);
	return domain_of_db(st);
}
