/* Complaints: filing, receipts, tracking and the complainant's feedback. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "domain/audit.h"
#include "domain/result.h"
#include "domain/complaint.h"
#include "domain/notify_outbox.h"
#include "domain/complaint_photo.h"
#include "domain/outlet.h"
#include "domain/region.h"
#include "domain/throttle.h"

/* No 0/O, 1/I: numbers are read aloud over the phone. */
static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

static struct db_stmt by_token = DB_READ(
    "SELECT id, tracking_no, DATE_FORMAT(accept_due, '%Y-%m-%d') AS "
    "accept_due, channel, COALESCE(entered_by, 0) AS entered_by, phone, "
    "description FROM complaint WHERE form_token = ?");

static struct db_stmt insert_complaint = DB_WRITE(
    "INSERT INTO complaint (tracking_no, code_hash, form_token, category, "
    "name, phone, region_code, outlet_id, outlet_name, outlet_address, "
    "outlet_region, purchase_date, product_category, product_model, "
    "invoice_no, description, submitted_at, accept_due, submit_address, "
    "channel, entered_by, notify_by, notify_email) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(), ?, ?, "
    "?, ?, ?, ?)");

static struct db_stmt insert_event = DB_WRITE(
    "INSERT INTO complaint_event (complaint_id, at, kind, from_status, "
    "to_status, public_reply, internal_note, staff_id) "
    "VALUES (?, NOW(), ?, ?, ?, ?, ?, ?)");

static struct db_stmt categories = DB_READ(
    "SELECT code, name, description FROM complaint_category "
    "ORDER BY sort_order, code");

/* Counts no further than the limit: a busy address costs no more. */
static struct db_stmt filed_from = DB_READ(
    "SELECT COUNT(*) FROM (SELECT 1 FROM complaint WHERE submit_address = ? "
    "AND submitted_at > NOW() - INTERVAL 1 HOUR LIMIT ?) AS recent");

static struct db_stmt category_exists = DB_READ(
    "SELECT COUNT(*) FROM complaint_category WHERE code = ?");

/* A tracking look-up in one round trip, on the primary (the throttle
 * must not lag): the complaint's row once for each public step, or once
 * with NULL steps ('c'), and the address's lock ('w'). The steps come in
 * the join's order and are sorted by track_steps_in_order: an ORDER BY on
 * the outer join's inner table made MariaDB sort in a temporary table
 * (313 us of its time a look-up, against 125). Photos are read apart,
 * and only when there are: most complaints have none. */
#define TRACK_NO_COMPLAINT \
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, " \
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
static struct db_stmt track = DB_READ_PRIMARY(
    "SELECT 'c' AS part, NULL AS wait, c.id, c.tracking_no, c.code_hash, "
    "c.status, k.name AS category_name, "
    "COALESCE(o.name, c.outlet_name) AS outlet, "
    "DATE_FORMAT(c.submitted_at, '%Y-%m-%d %H:%i') AS submitted_at, "
    "DATE_FORMAT(c.accept_due, '%Y-%m-%d') AS accept_due, "
    "DATE_FORMAT(c.resolve_due, '%Y-%m-%d') AS resolve_due, "
    "DATE_FORMAT(c.resolved_at, '%Y-%m-%d %H:%i') AS resolved_at, "
    "DATE_FORMAT(c.resolved_at, '%Y-%m-%d') AS resolved_on, "
    "c.satisfaction, c.reopened, c.is_demo, EXISTS (SELECT 1 FROM "
    "complaint_photo p WHERE p.complaint_id = c.id) AS has_photos, "
    "c.status = 'resolved' AND c.reopened = 0 AND c.resolved_at >= "
    "NOW() - INTERVAL ? DAY AS can_reopen, "
    "e.id AS step, e.at, e.kind, e.public_reply "
    "FROM complaint c JOIN complaint_category k ON k.code = c.category "
    "LEFT JOIN outlet o ON o.id = c.outlet_id "
    "LEFT JOIN complaint_event e ON e.complaint_id = c.id "
    "AND (e.kind <> 'note' OR e.public_reply IS NOT NULL) "
    "WHERE c.tracking_no = ? "
    "UNION ALL SELECT 'w', GREATEST(0, TIMESTAMPDIFF(SECOND, NOW(), "
    "locked_until)), " TRACK_NO_COMPLAINT " FROM login_throttle "
    "WHERE scope = 'track' AND subject = ? AND locked_until IS NOT NULL");

static struct db_stmt set_satisfaction = DB_WRITE(
    "UPDATE complaint SET satisfaction = ? WHERE tracking_no = ? "
    "AND status = 'resolved' AND satisfaction IS NULL");

static struct db_stmt reopen = DB_WRITE(
    "UPDATE complaint SET status = 'reopened', reopened = 1, "
    "resolve_due = ?, resolved_at = NULL WHERE tracking_no = ? "
    "AND status = 'resolved' AND reopened = 0 "
    "AND resolved_at >= NOW() - INTERVAL ? DAY");

static struct db_stmt id_of = DB_READ(
    "SELECT id FROM complaint WHERE tracking_no = ?");

void
complaint_form_token(char out[44])
{
	unsigned char	 raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, 44, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/* Characters of alphabet chosen by the bytes of h. */
static void
encode(char *out, size_t n, const unsigned char *h)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		out[i] = alphabet[h[i] % 32];
	out[n] = '\0';
}

/* The query code belongs to the form token: a retry shows the same one. */
static void
derive_code(const char *token, const char *secret, char *out)
{
	unsigned char	 h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
	    strlen(token), (const unsigned char *)secret,
	    strlen(secret) > 64 ? 64 : strlen(secret));
	encode(out, COMPLAINT_CODE_LEN, h);
}

static void
code_hash(const char *tracking_no, const char *code, const char *secret,
    char out[65])
{
	unsigned char	 h[32];
	char		 msg[64];

	snprintf(msg, sizeof(msg), "%s:%s", tracking_no, code);
	crypto_generichash(h, sizeof(h), (const unsigned char *)msg,
	    strlen(msg), (const unsigned char *)secret,
	    strlen(secret) > 64 ? 64 : strlen(secret));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static void
new_tracking_no(char out[COMPLAINT_NO_LEN + 1])
{
	unsigned char	 raw[8];

	randombytes_buf(raw, sizeof(raw));
	encode(out, 4, raw);
	out[4] = '-';
	encode(out + 5, 4, raw + 4);
}

enum db_status
complaint_add_event(long long id, const char *kind, const char *from,
    const char *to, const char *reply, const char *note, long long staff_id)
{
	struct db_arg	 a[] = { DB_INT(id), DB_TEXT(kind), DB_TEXT(from),
	    DB_TEXT(to), reply != NULL ? DB_TEXT(reply) : DB_NULLARG,
	    note != NULL ? DB_TEXT(note) : DB_NULLARG,
	    staff_id > 0 ? DB_INT(staff_id) : DB_NULLARG };

	return db_exec(&insert_event, a, DB_NARGS(a), NULL, NULL);
}

/* A token's earlier filing, and whether it is this one sent again. */
struct token_match {
	struct complaint_receipt	*r;
	const struct complaint_input	*in;
	int				 same;
};

/* The number and deadline of the receipt a token's row holds; the same
 * filing when its filer and words are this input's. */
static int
read_receipt(void *arg, const struct db_row *row)
{
	struct token_match	*m = arg;
	struct complaint_receipt *r = m->r;

	if (r->existing)
		return 0;
	r->id = db_int(row, "id");
	snprintf(r->tracking_no, sizeof(r->tracking_no), "%s",
	    db_text(row, "tracking_no"));
	snprintf(r->accept_due, sizeof(r->accept_due), "%s",
	    db_text(row, "accept_due"));
	snprintf(r->channel, sizeof(r->channel), "%s", db_text(row, "channel"));
	r->entered_by = db_int(row, "entered_by");
	r->existing = 1;
	m->same = strcmp(db_text(row, "phone"), m->in->phone) == 0 &&
	    strcmp(db_text(row, "description"), m->in->description) == 0;
	return 0;
}

/* The receipt of the complaint a token filed before, if any; *same is
 * 1 when that was this input (a resend), not someone else's filing. */
static enum db_status
find_by_token(const char *token, const char *secret,
    const struct complaint_input *in, struct complaint_receipt *r,
    int *found, int *same)
{
	struct db_arg		 a[] = { DB_TEXT(token) };
	struct token_match	 m = { r, in, 0 };
	enum db_status		 st;

	r->existing = 0;
	st = db_query_each(&by_token, a, 1, read_receipt, &m);
	*found = st == DB_OK && r->existing;
	*same = *found && m.same;
	if (*found)
		derive_code(token, secret, r->code);
	return st;
}

const char *
complaint_region_handled(const struct complaint_input *in)
{
	/* Handlers work by where the shop is. */
	return in->outlet_id > 0 && in->outlet_region != NULL &&
	    in->outlet_region[0] != '\0' ? in->outlet_region : in->region;
}

/* The audit row of a complaint staff entered: what it is, never the
 * complainant's name or phone. */
static enum db_status
audit_intake(const struct complaint_input *in, const char *channel,
    unsigned long long id, const char *tracking_no)
{
	return audit_record(in->entered_by, "complaint_intake", "complaint",
	    (long long)id, NULL, json_pack("{s:s,s:s,s:s,s:s,s:I}",
	    "tracking_no", tracking_no, "channel", channel, "category",
	    in->category, "outlet_region", complaint_region_handled(in),
	    "outlet_id", (json_int_t)in->outlet_id));
}

enum domain_status
complaint_file(const struct complaint_input *in, const char *form_token,
    const char *secret, const struct calendar *cal, int accept_days,
    struct complaint_receipt *r)
{
	char			 token[44], hash[65], today_s[11];
	const char		*outlet_region = complaint_region_handled(in);
	const char		*channel = in->channel != NULL ? in->channel :
	    complaint_channel_code(CHANNEL_WEB);
	long long		 staff_id = in->entered_by != NULL &&
	    in->entered_by->user != NULL ? in->entered_by->user->id : 0;
	struct db_arg		 a[22];
	struct complaint_receipt earlier;
	unsigned long long	 id = 0;
	enum db_status		 st;
	int			 found, same, attempt;

	memset(r, 0, sizeof(*r));
	/* The column holds only the table's codes; staff entries are a
	 * staff session's. */
	if (complaint_channel_of(channel) < 0 ||
	    (in->entered_by != NULL && staff_id <= 0))
		return DOMAIN_INTERNAL;
	/* A form sent twice is found by its token's unique key below, on
	 * the insert: no look-up first. */
	if (form_token != NULL)
		snprintf(token, sizeof(token), "%s", form_token);
	else
		complaint_form_token(token);
	today(today_s);
	days_to_date(workday_add(cal, date_to_days(today_s), accept_days),
	    r->accept_due);
	derive_code(token, secret, r->code);
	/* A clash of random tracking numbers is retried with a new one. */
	for (attempt = 0; attempt < 5; attempt++) {
		new_tracking_no(r->tracking_no);
		code_hash(r->tracking_no, r->code, secret, hash);
		a[0] = DB_TEXT(r->tracking_no);
		a[1] = DB_TEXT(hash);
		a[2] = DB_TEXT(token);
		a[3] = DB_TEXT(in->category);
		a[4] = DB_TEXT(in->name);
		a[5] = DB_TEXT(in->phone);
		a[6] = DB_TEXT(in->region);
		a[7] = in->outlet_id > 0 ? DB_INT(in->outlet_id) : DB_NULLARG;
		a[8] = DB_TEXT(in->outlet_name);
		a[9] = DB_TEXT(in->outlet_address);
		a[10] = DB_TEXT(outlet_region);
		a[11] = in->purchase_date[0] ? DB_TEXT(in->purchase_date) :
		    DB_NULLARG;
		a[12] = in->product_category[0] ?
		    DB_TEXT(in->product_category) : DB_NULLARG;
		a[13] = DB_TEXT(in->product_model);
		a[14] = DB_TEXT(in->invoice_no);
		a[15] = DB_TEXT(in->description);
		a[16] = DB_TEXT(r->accept_due);
		/* Only the public's filings count against an address. */
		a[17] = DB_TEXT(staff_id > 0 || in->address == NULL ? "" :
		    in->address);
		a[18] = DB_TEXT(channel);
		a[19] = staff_id > 0 ? DB_INT(staff_id) : DB_NULLARG;
		a[20] = DB_TEXT(notify_by_code(in->notify_by));
		a[21] = in->notify_by == NOTIFY_EMAIL && in->notify_email !=
		    NULL ? DB_TEXT(in->notify_email) : DB_NULLARG;
		if ((st = db_begin()) != DB_OK)
			return domain_of_db(st);
		st = db_exec(&insert_complaint, a, 22, NULL, &id);
		if (st == DB_OK)
			st = complaint_add_event((long long)id,
			    complaint_state_code(CS_SUBMITTED), "",
			    complaint_state_code(CS_SUBMITTED), NULL, NULL,
			    staff_id);
		/* The receipt's message commits with the complaint or not at all. */
		if (st == DB_OK)
			st = notify_complaint_step((long long)id, "submitted",
			    NULL);
		if (st == DB_OK && in->nphotos > 0)
			st = complaint_photo_insert((long long)id, in->photos,
			    in->nphotos);
		if (st == DB_OK && staff_id > 0)
			st = audit_intake(in, channel, id, r->tracking_no);
		if (st == DB_OK && (st = db_commit()) == DB_OK) {
			r->id = (long long)id;
			snprintf(r->channel, sizeof(r->channel), "%s", channel);
			r->entered_by = staff_id;
			return DOMAIN_OK;
		}
		db_rollback();
		if (st != DB_DUPLICATE)
			return domain_of_db(st);
		/* The same token: the form sent before, or twice at once, by
		 * the same filer with the same words; a token someone else
		 * filed with (planted in a form) gets this filing a token of
		 * its own, and no one else's receipt. */
		if (form_token != NULL) {
			if ((st = find_by_token(form_token, secret, in,
			    &earlier, &found, &same)) != DB_OK)
				return domain_of_db(st);
			if (same && earlier.entered_by == staff_id &&
			    strcmp(earlier.channel, channel) == 0) {
				*r = earlier;
				return DOMAIN_OK;
			}
			if (found) {
				form_token = NULL;
				complaint_form_token(token);
				derive_code(token, secret, r->code);
			}
		}
	}
	return DOMAIN_INTERNAL;
}

int
complaint_phone_valid(const char *s)
{
	size_t	 i, n = strlen(s), digits = 0;

	if (n == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9') {
		for (i = 0; i < n; i++)
			if (s[i] < '0' || s[i] > '9')
				return 0;
		return 1;
	}
	/* Landline: 0 + 2-3 digit area code, '-' optional, 7-8 digits,
	 * optional "-extension". */
	if (s[0] != '0' || n < 10 || n > 18)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != '-' || i == 0 || s[i - 1] == '-' ||
		    i == n - 1)
			return 0;
	}
	return digits >= 10 && digits <= 16;
}

enum domain_status
complaints_filed_from(const char *address, long long limit, long long *n)
{
	struct db_arg	 a[] = { DB_TEXT(address), DB_INT(limit) };

	return domain_of_db(db_query_int(&filed_from, a, 2, n));
}

enum domain_status
complaint_check(const struct complaint_input *in, unsigned *faults,
    char outlet_region[13])
{
	enum domain_status	 st;
	char			 now[11];
	int			 found;

	*faults = 0;
	outlet_region[0] = '\0';
	if (in->phone[0] != '\0' && !complaint_phone_valid(in->phone))
		*faults |= COMPLAINT_BAD_PHONE;
	if ((st = region_township_exists(in->region, &found)) != DOMAIN_OK)
		return st;
	if (!found)
		*faults |= COMPLAINT_BAD_TOWNSHIP;
	if (in->outlet_id > 0) {
		if ((st = outlet_region_of(in->outlet_id, outlet_region,
		    &found)) != DOMAIN_OK)
			return st;
		if (!found)
			*faults |= COMPLAINT_BAD_OUTLET;
	}
	if ((st = complaint_category_exists(in->category, &found)) !=
	    DOMAIN_OK)
		return st;
	if (!found)
		*faults |= COMPLAINT_BAD_CATEGORY;
	today(now);
	if (in->purchase_date[0] != '\0' && strcmp(in->purchase_date, now) > 0)
		*faults |= COMPLAINT_BAD_PURCHASE_DATE;
	/* Staff type in what reached them; the public file for themselves. */
	if (in->entered_by != NULL ? !complaint_channel_by_staff(in->channel) :
	    in->channel != NULL && complaint_channel_of(in->channel) !=
	    CHANNEL_WEB && complaint_channel_of(in->channel) != CHANNEL_OPEN311)
		*faults |= COMPLAINT_BAD_CHANNEL;
	if (in->notify_by == NOTIFY_EMAIL && (in->notify_email == NULL ||
	    !notify_email_valid(in->notify_email)))
		*faults |= COMPLAINT_BAD_NOTIFY_EMAIL;
	/* Landlines take no SMS. */
	if (in->notify_by == NOTIFY_SMS && !notify_mobile_valid(in->phone))
		*faults |= COMPLAINT_BAD_NOTIFY_SMS;
	return DOMAIN_OK;
}

enum domain_status
complaint_category_exists(const char *code, int *found)
{
	struct db_arg	 a[] = { DB_TEXT(code) };

	return domain_of_db(db_exists(&category_exists, a, 1, found));
}

/* Where a read puts its rows: a list in an arena, or one record. */
struct complaint_sink {
	struct arena		*arena;
	struct arena_list	*list;
	struct complaint_tracked *tracked;
	char			 code_hash[65];
	long long		 wait;		/* the address's, seconds */
	int			 has_photos;
};

static int
read_category(void *arg, const struct db_row *r)
{
	struct complaint_sink		*k = arg;
	struct complaint_category	*c;

	if ((c = arena_push(k->arena, k->list, sizeof(*c))) == NULL)
		return -1;
	c->code = db_keep(k->arena, r, "code");
	c->name = db_keep(k->arena, r, "name");
	c->description = db_keep(k->arena, r, "description");
	return 0;
}

enum domain_status
complaint_categories(struct arena *arena, struct arena_list *list)
{
	struct complaint_sink	 k = { .arena = arena, .list = list };

	*list = (struct arena_list){ 0 };
	return domain_of_read(db_query_each(&categories, NULL, 0, read_category,
	    &k), arena);
}

/* The names of the statuses (the flow's states) and of the steps of a
 * complaint's timeline, written once for every page, API and report. A
 * step's staff name differs only where staff see more (notes). */
static const char *const status_names[CS_COUNT] = {
	[CS_SUBMITTED] = "待受理", [CS_ACCEPTED] = "已受理",
	[CS_INVESTIGATING] = "调查中", [CS_REOPENED] = "已重新办理",
	[CS_RESOLVED] = "已办结", [CS_REJECTED] = "不予受理",
};

static const struct complaint_label {
	const char	*code, *name, *staff_name;
} steps[] = {
	{ "submitted", "提交投诉", NULL }, { "accepted", "受理", NULL },
	{ "rejected", "不予受理", NULL }, { "investigating", "开始调查", NULL },
	{ "resolved", "办结", NULL }, { "reopened", "投诉人要求重新办理", NULL },
	{ "satisfaction", "投诉人评价", NULL }, { "assign", "指定承办人", NULL },
	{ "transferred", "转办", NULL }, { "escalated", "超期督办", NULL },
	{ "note", "答复", "答复或记录" },
};

static const struct complaint_label *
label_of(const struct complaint_label *list, size_t n, const char *code)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i].code, code) == 0)
			return &list[i];
	return NULL;
}

const char *
complaint_status_name(const char *s)
{
	int	 state = complaint_state_of(s);

	return state >= 0 ? status_names[state] : "";
}

const char *
complaint_step_name(const char *kind, int staff)
{
	const struct complaint_label *l = label_of(steps,
	    sizeof(steps) / sizeof(steps[0]), kind);

	/* Any other step is a note: a reply, or for staff also a record. */
	if (l == NULL)
		l = label_of(steps, sizeof(steps) / sizeof(steps[0]), "note");
	return staff && l->staff_name != NULL ? l->staff_name : l->name;
}

/* The tracked complaint's row; its code's hash is kept apart, to be
 * compared and never shown. */
static int
read_tracked_complaint(struct complaint_sink *k, const struct db_row *r)
{
	struct complaint_tracked *t = k->tracked;

	snprintf(k->code_hash, sizeof(k->code_hash), "%s",
	    db_text(r, "code_hash"));
	t->id = db_int(r, "id");
	t->tracking_no = db_keep(k->arena, r, "tracking_no");
	t->status = db_keep(k->arena, r, "status");
	t->category_name = db_keep(k->arena, r, "category_name");
	t->outlet = db_keep(k->arena, r, "outlet");
	t->submitted_at = db_keep(k->arena, r, "submitted_at");
	t->accept_due = db_keep(k->arena, r, "accept_due");
	t->resolve_due = db_keep(k->arena, r, "resolve_due");
	t->resolved_at = db_keep(k->arena, r, "resolved_at");
	t->resolved_on = db_keep(k->arena, r, "resolved_on");
	t->satisfaction = db_keep(k->arena, r, "satisfaction");
	t->reopened = db_int(r, "reopened") != 0;
	t->is_demo = db_int(r, "is_demo") != 0;
	t->can_reopen = db_int(r, "can_reopen") != 0;
	k->has_photos = db_int(r, "has_photos") != 0;
	return 0;
}

/* One row of the look-up: the lock, or the complaint with one of its
 * public steps (none when the step's columns are NULL). */
static int
read_tracked(void *arg, const struct db_row *r)
{
	struct complaint_sink	*k = arg;
	struct complaint_event	*e;

	if (db_text(r, "part")[0] == 'w') {
		k->wait = db_int(r, "wait");
		return 0;
	}
	if (k->tracked->tracking_no == NULL)
		read_tracked_complaint(k, r);
	if (db_col(r, "step") == NULL)
		return 0;
	if ((e = arena_push(k->arena, &k->tracked->events,
	    sizeof(*e))) == NULL)
		return -1;
	e->id = db_int(r, "step");
	e->at = db_keep(k->arena, r, "at");
	e->kind = db_keep(k->arena, r, "kind");
	e->public_reply = db_keep(k->arena, r, "public_reply");
	return 0;
}

/* Steps in time, then as entered. */
static int
step_order(const void *a, const void *b)
{
	const struct complaint_event *x = a, *y = b;
	int	 c = strcmp(x->at, y->at);

	return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

/* The steps in order, their times shown to the minute (YYYY-MM-DD HH:MM
 * of the column's YYYY-MM-DD HH:MM:SS); DOMAIN_INTERNAL when memory ran
 * out, here or while the rows were kept. */
static enum domain_status
track_steps_in_order(struct arena *arena, struct arena_list *steps)
{
	struct complaint_event	*e = steps->item;
	size_t			 i;

	if (steps->n > 1)
		qsort(e, steps->n, sizeof(*e), step_order);
	for (i = 0; i < steps->n; i++)
		e[i].at = arena_strndup(arena, e[i].at, strnlen(e[i].at, 16));
	return domain_of_read(DB_OK, arena);
}

enum domain_status
complaint_track(struct arena *arena, const char *tracking_no,
    const char *code, const char *secret, const char *address,
    long long *wait, struct complaint_tracked *t)
{
	char			 subject[THROTTLE_SUBJECT_LEN + 1];
	struct db_arg		 a[3];
	struct complaint_sink	 k = { .arena = arena, .tracked = t };
	char			 want[65], upper[COMPLAINT_CODE_LEN + 1];
	enum domain_status	 ds;
	size_t			 i;

	memset(t, 0, sizeof(*t));
	*wait = 0;
	if (address != NULL)
		throttle_address(address, subject);
	a[0] = DB_INT(COMPLAINT_REOPEN_DAYS);
	a[1] = DB_TEXT(tracking_no);
	a[2] = address != NULL ? DB_TEXT(subject) : DB_NULLARG;
	if ((ds = domain_of_read(db_query_each(&track, a, 3, read_tracked, &k),
	    arena)) != DOMAIN_OK)
		return ds;
	/* A locked address learns nothing, not even whether the number is. */
	if ((*wait = k.wait) > 0) {
		memset(t, 0, sizeof(*t));
		return DOMAIN_OK;
	}
	if (t->tracking_no == NULL || strlen(code) != COMPLAINT_CODE_LEN)
		goto not_found;
	for (i = 0; i <= COMPLAINT_CODE_LEN; i++)
		upper[i] = (code[i] >= 'a' && code[i] <= 'z') ?
		    (char)(code[i] - 'a' + 'A') : code[i];
	code_hash(tracking_no, upper, secret, want);
	/* A wrong code looks exactly like a wrong number. */
	if (strlen(k.code_hash) != 64 ||
	    sodium_memcmp(want, k.code_hash, 64) != 0)
		goto not_found;
	if ((ds = track_steps_in_order(arena, &t->events)) != DOMAIN_OK)
		return ds;
	return k.has_photos ? complaint_photos(arena, t->id, &t->photos) :
	    DOMAIN_OK;
not_found:
	memset(t, 0, sizeof(*t));
	return DOMAIN_NOT_FOUND;
}

/* A rating is kept as the word the complainant chose; its event reads
 * it in Chinese. */
static const char *
rating_word(const char *rating)
{
	return strcmp(rating, "satisfied") == 0 ? "满意" : "不满意";
}

enum domain_status
complaint_feedback(const char *tracking_no, const struct complaint_rule *rule,
    const char *rating, const char *reason, const struct calendar *cal,
    int resolve_days, int *done)
{
	struct db_arg		 a[3], idarg[1];
	unsigned long long	 affected = 0;
	enum db_status		 st;
	long long		 id;
	char			 due[11];
	const char		*from = complaint_state_code(CS_RESOLVED);

	*done = 0;
	if (complaint_flow_allows(rule, CS_RESOLVED, ACTOR_COMPLAINANT) !=
	    FLOW_ALLOWED)
		return DOMAIN_OK;
	idarg[0] = DB_TEXT(tracking_no);
	if ((st = db_query_int(&id_of, idarg, 1, &id)) != DB_OK || id == 0)
		return domain_of_db(st);
	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	/* The statements hold the rest of the rule: once, within the days. */
	if (rule->action == CA_REOPEN) {
		complaint_flow_due(rule, cal, resolve_days, due);
		a[0] = DB_TEXT(due);
		a[1] = DB_TEXT(tracking_no);
		a[2] = DB_INT(COMPLAINT_REOPEN_DAYS);
		st = db_exec(&reopen, a, 3, &affected, NULL);
	} else {
		a[0] = DB_TEXT(rating);
		a[1] = DB_TEXT(tracking_no);
		st = db_exec(&set_satisfaction, a, 2, &affected, NULL);
		reason = rating_word(rating);
	}
	if (st == DB_OK && affected == 1)
		st = complaint_add_event(id, rule->event, from, complaint_state_code(
		    complaint_flow_next(rule, CS_RESOLVED)), reason, NULL, 0);
	if (st == DB_OK && affected == 1 && rule->action == CA_REOPEN)
		st = notify_complaint_step(id, "reopened", NULL);
	if (st != DB_OK || (st = db_commit()) != DB_OK) {
		db_rollback();
		return domain_of_db(st);
	}
	*done = affected == 1;
	return DOMAIN_OK;
}
