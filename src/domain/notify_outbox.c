/* The notice outbox: queueing in the steps' transactions, the overdue
 * sweep, and the sender's claim, delivery marks and back-off. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "domain/notify_outbox.h"

#define OUTBOX_COLUMNS \
    "INSERT INTO notify_outbox (idem_key, channel, recipient, template, " \
    "complaint_id, params, next_at, created_at) "

/* What a staff member's email says of the complaint. */
#define STAFF_PARAMS \
    "JSON_OBJECT('tracking_no', c.tracking_no, 'complaint_id', c.id, " \
    "'status', c.status, 'name', COALESCE(NULLIF(s.display_name, ''), " \
    "s.username), 'outlet', COALESCE(o.name, c.outlet_name), 'due', " \
    "DATE_FORMAT(c.due, '%Y-%m-%d')), NOW(), NOW() "

/* The key names the complaint, the step's event and the channel: a
 * step queues once however often this runs in its transaction. */
static struct db_stmt queue_step = DB_WRITE(
    OUTBOX_COLUMNS
    "SELECT CONCAT('c', c.id, ':', ?, ':e', (SELECT MAX(e.id) FROM "
    "complaint_event e WHERE e.complaint_id = c.id), ':', c.notify_by), "
    "c.notify_by, IF(c.notify_by = 'sms', c.phone, c.notify_email), ?, c.id, "
    "JSON_OBJECT('tracking_no', c.tracking_no, 'status', c.status, "
    "'reply', ?, 'accept_due', DATE_FORMAT(c.accept_due, '%Y-%m-%d'), "
    "'resolve_due', DATE_FORMAT(c.resolve_due, '%Y-%m-%d')), NOW(), NOW() "
    "FROM complaint c WHERE c.id = ? AND c.notify_by <> 'none' "
    "AND COALESCE(IF(c.notify_by = 'sms', c.phone, c.notify_email), '') "
    "<> '' ON DUPLICATE KEY UPDATE notify_outbox.id = notify_outbox.id");

static struct db_stmt queue_assignment = DB_WRITE(
    OUTBOX_COLUMNS
    "SELECT CONCAT('c', c.id, ':assigned:e', (SELECT MAX(e.id) FROM "
    "complaint_event e WHERE e.complaint_id = c.id), ':s', s.id), 'email', "
    "s.email, 'assigned', c.id, " STAFF_PARAMS
    "FROM complaint c JOIN staff s ON s.id = ? "
    "LEFT JOIN outlet o ON o.id = c.outlet_id WHERE c.id = ? "
    "AND COALESCE(s.email, '') <> '' ON DUPLICATE KEY UPDATE notify_outbox.id = notify_outbox.id");

/* Overdue and not yet announced for this deadline: due is indexed
 * (sql/021) and only the last days are read. */
static struct db_stmt overdue_unannounced = DB_READ_PRIMARY(
    "SELECT c.id, DATE_FORMAT(c.due, '%Y-%m-%d') AS due FROM complaint c "
    "WHERE c.due < CURDATE() AND c.due >= CURDATE() - INTERVAL ? DAY "
    "AND c.is_demo = 0 AND NOT EXISTS (SELECT 1 FROM notify_overdue d "
    "WHERE d.complaint_id = c.id AND d.due = c.due) ORDER BY c.due, c.id "
    "LIMIT ?");

static struct db_stmt overdue_mark = DB_WRITE(
    "INSERT INTO notify_overdue (complaint_id, due, queued_at) "
    "VALUES (?, ?, NOW())");

static struct db_stmt queue_overdue = DB_WRITE(
    OUTBOX_COLUMNS
    "SELECT CONCAT('c', c.id, ':overdue:', DATE_FORMAT(c.due, '%Y%m%d'), "
    "':s', s.id), 'email', s.email, 'overdue', c.id, " STAFF_PARAMS
    "FROM complaint c JOIN staff s ON s.disabled = 0 AND s.role = 'handler' "
    "AND (s.region_code IS NULL OR c.outlet_region LIKE "
    "CONCAT(s.region_code, '%')) LEFT JOIN outlet o ON o.id = c.outlet_id "
    "WHERE c.id = ? AND c.due = ? AND COALESCE(s.email, '') <> '' "
    "ON DUPLICATE KEY UPDATE notify_outbox.id = notify_outbox.id");

/* A lease that ran out is the sender's that died mid-delivery. */
static struct db_stmt claim = DB_WRITE(
    "UPDATE notify_outbox SET state = 'sending', lease_id = ?, "
    "lease_until = NOW() + INTERVAL ? SECOND, attempts = attempts + 1 "
    "WHERE ((state = 'pending' AND next_at <= NOW()) OR (state = 'sending' "
    "AND lease_until < NOW())) AND channel IN (?, ?) ORDER BY next_at, id "
    "LIMIT ?");

static struct db_stmt claimed = DB_READ_PRIMARY(
    "SELECT id, idem_key, channel, recipient, template, params, attempts "
    "FROM notify_outbox WHERE lease_id = ? AND state = 'sending' ORDER BY id");

static struct db_stmt mark_sent = DB_WRITE(
    "UPDATE notify_outbox SET state = 'sent', sent_at = NOW(), "
    "lease_id = NULL, lease_until = NULL, last_error = '' "
    "WHERE id = ? AND lease_id = ? AND state = 'sending'");

static struct db_stmt mark_failed = DB_WRITE(
    "UPDATE notify_outbox SET state = IF(attempts >= ?, 'dead', 'pending'), "
    "next_at = NOW() + INTERVAL ? SECOND, last_error = LEFT(?, 255), "
    "lease_id = NULL, lease_until = NULL "
    "WHERE id = ? AND lease_id = ? AND state = 'sending'");

static struct db_stmt release = DB_WRITE(
    "UPDATE notify_outbox SET state = 'pending', attempts = attempts - 1, "
    "lease_id = NULL, lease_until = NULL "
    "WHERE lease_id = ? AND state = 'sending' AND attempts > 0");

static struct db_stmt set_staff_email = DB_WRITE(
    "UPDATE staff SET email = ? WHERE id = ?");

static struct db_stmt staff_exists = DB_READ_PRIMARY(
    "SELECT COUNT(*) FROM staff WHERE id = ?");

static const char *const by_codes[] = {
	[NOTIFY_NONE] = "none", [NOTIFY_SMS] = "sms", [NOTIFY_EMAIL] = "email",
};

const char *
notify_by_code(enum notify_by b)
{
	return (unsigned)b <= NOTIFY_EMAIL ? by_codes[b] : "none";
}

int
notify_by_of(const char *code)
{
	int	 i;

	for (i = NOTIFY_NONE; i <= NOTIFY_EMAIL; i++)
		if (strcmp(by_codes[i], code) == 0)
			return i;
	return -1;
}

int
notify_email_valid(const char *s)
{
	const char	*at = strchr(s, '@'), *p;
	size_t		 n = strlen(s);

	if (n < 3 || n > NOTIFY_EMAIL_MAX || at == NULL || at == s ||
	    strchr(at + 1, '@') != NULL)
		return 0;
	/* Nothing that could end a header or the SMTP envelope early. */
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f ||
		    strchr("<>()[]\\,;:\"", *p) != NULL)
			return 0;
	p = strchr(at + 1, '.');
	return p != NULL && p != at + 1 && p[1] != '\0' &&
	    s[n - 1] != '.' && strstr(at, "..") == NULL;
}

int
notify_mobile_valid(const char *s)
{
	size_t	 i;

	if (strlen(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9')
		return 0;
	for (i = 0; i < 11; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

enum db_status
notify_complaint_step(long long complaint_id, const char *template,
    const char *reply)
{
	struct db_arg	 a[] = { DB_TEXT(template), DB_TEXT(template),
	    reply != NULL ? DB_TEXT(reply) : DB_NULLARG, DB_INT(complaint_id) };

	return db_exec(&queue_step, a, DB_NARGS(a), NULL, NULL);
}

enum db_status
notify_assignment(long long complaint_id, long long staff_id)
{
	struct db_arg	 a[] = { DB_INT(staff_id), DB_INT(complaint_id) };

	return db_exec(&queue_assignment, a, DB_NARGS(a), NULL, NULL);
}

enum domain_status
notify_staff_email(long long staff_id, const char *email)
{
	struct db_arg	 a[] = { email != NULL && email[0] != '\0' ?
	    DB_TEXT(email) : DB_NULLARG, DB_INT(staff_id) };
	struct db_arg	 id[] = { DB_INT(staff_id) };
	enum db_status	 st;
	int		 found;

	if (email != NULL && email[0] != '\0' && !notify_email_valid(email))
		return DOMAIN_INVALID;
	if ((st = db_exists(&staff_exists, id, 1, &found)) != DB_OK)
		return domain_of_db(st);
	if (!found)
		return DOMAIN_NOT_FOUND;
	return domain_of_db(db_exec(&set_staff_email, a, 2, NULL, NULL));
}

#define SWEEP_MAX	200

struct overdue_batch {
	size_t		 n;
	long long	 id[SWEEP_MAX];
	char		 due[SWEEP_MAX][11];
};

static int
read_overdue(void *arg, const struct db_row *r)
{
	struct overdue_batch	*b = arg;

	if (b->n == SWEEP_MAX)
		return 0;
	b->id[b->n] = db_int(r, "id");
	snprintf(b->due[b->n], sizeof(b->due[0]), "%s", db_text(r, "due"));
	b->n++;
	return 0;
}

/* One complaint's deadline marked and its emails queued, together; a
 * duplicate mark is another sender's sweep that got there first. */
static enum db_status
announce_overdue(long long id, const char *due, int *done)
{
	struct db_arg	 a[] = { DB_INT(id), DB_TEXT(due) };
	enum db_status	 st;

	*done = 0;
	if ((st = db_begin()) != DB_OK)
		return st;
	st = db_exec(&overdue_mark, a, 2, NULL, NULL);
	if (st == DB_OK)
		st = db_exec(&queue_overdue, a, 2, NULL, NULL);
	if (st == DB_OK && (st = db_commit()) == DB_OK) {
		*done = 1;
		return DB_OK;
	}
	db_rollback();
	return st == DB_DUPLICATE ? DB_OK : st;
}

enum domain_status
notify_overdue_sweep(int max_days, int batch, long long *n)
{
	struct overdue_batch	*b;
	struct db_arg		 a[2];
	enum db_status		 st;
	size_t			 i;
	int			 done;

	*n = 0;
	if (batch < 1 || batch > SWEEP_MAX || max_days < 1)
		return DOMAIN_INTERNAL;
	if ((b = malloc(sizeof(*b))) == NULL)
		return DOMAIN_INTERNAL;
	b->n = 0;
	a[0] = DB_INT(max_days);
	a[1] = DB_INT(batch);
	st = db_query_each(&overdue_unannounced, a, 2, read_overdue, b);
	for (i = 0; st == DB_OK && i < b->n; i++)
		if ((st = announce_overdue(b->id[i], b->due[i], &done)) ==
		    DB_OK)
			*n += done;
	free(b);
	return domain_of_db(st);
}

struct claim_sink {
	struct arena		*arena;
	struct arena_list	*list;
};

static int
read_claimed(void *arg, const struct db_row *r)
{
	struct claim_sink	*k = arg;
	struct notify_message	*m;

	if ((m = arena_push(k->arena, k->list, sizeof(*m))) == NULL)
		return -1;
	m->id = db_int(r, "id");
	m->idem_key = db_keep(k->arena, r, "idem_key");
	m->channel = db_keep(k->arena, r, "channel");
	m->recipient = db_keep(k->arena, r, "recipient");
	m->template = db_keep(k->arena, r, "template");
	m->params = db_keep(k->arena, r, "params");
	m->attempts = (int)db_int(r, "attempts");
	return 0;
}

enum domain_status
notify_claim(struct arena *arena, int sms, int email, int max,
    int lease_seconds, char lease[NOTIFY_LEASE_LEN + 1],
    struct arena_list *list)
{
	unsigned char	 raw[NOTIFY_LEASE_LEN / 2];
	struct db_arg	 a[5], l[1];
	struct claim_sink k = { arena, list };
	unsigned long long affected = 0;
	enum db_status	 st;

	*list = (struct arena_list){ 0 };
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(lease, NOTIFY_LEASE_LEN + 1, raw, sizeof(raw));
	/* A channel not configured is left waiting, not tried. */
	a[0] = DB_TEXT(lease);
	a[1] = DB_INT(lease_seconds);
	a[2] = DB_TEXT(sms ? "sms" : "");
	a[3] = DB_TEXT(email ? "email" : "");
	a[4] = DB_INT(max);
	if ((st = db_exec(&claim, a, 5, &affected, NULL)) != DB_OK ||
	    affected == 0)
		return domain_of_db(st);
	l[0] = DB_TEXT(lease);
	return domain_of_read(db_query_each(&claimed, l, 1, read_claimed, &k),
	    arena);
}

enum domain_status
notify_mark_sent(long long id, const char *lease, int *held)
{
	struct db_arg	 a[] = { DB_INT(id), DB_TEXT(lease) };
	unsigned long long affected = 0;
	enum db_status	 st;

	st = db_exec(&mark_sent, a, 2, &affected, NULL);
	*held = affected == 1;
	return domain_of_db(st);
}

enum domain_status
notify_mark_failed(long long id, const char *lease, int max_attempts,
    long delay, const char *error)
{
	struct db_arg	 a[] = { DB_INT(max_attempts), DB_INT(delay),
	    DB_TEXT(error), DB_INT(id), DB_TEXT(lease) };

	return domain_of_db(db_exec(&mark_failed, a, 5, NULL, NULL));
}

enum domain_status
notify_release(const char *lease)
{
	struct db_arg	 a[] = { DB_TEXT(lease) };

	return domain_of_db(db_exec(&release, a, 1, NULL, NULL));
}

long
notify_backoff(int n, long base, long cap)
{
	long	 d = base;
	int	 i;

	if (d < 1)
		d = 1;
	for (i = 1; i < n && d < cap; i++)
		d = d > cap / 2 ? cap : d * 2;
	return d > cap ? cap : d;
}
