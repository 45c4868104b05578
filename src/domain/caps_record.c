/* New categories, caps and rates, each a row of its own. */
#include <stdio.h>
#include <string.h>

#include "domain/caps.h"
#include "domain/caps_record.h"
#include "base/money.h"

static struct db_stmt category_by_code = DB_READ(
    "SELECT COUNT(*) FROM category WHERE code = ?");

static struct db_stmt category_by_name = DB_READ(
    "SELECT COUNT(*) FROM category WHERE name = ?");

static struct db_stmt insert_category = DB_WRITE(
    "INSERT INTO category (code, name, sort_order) VALUES (?, ?, ?)");

static struct db_stmt insert_cap = DB_WRITE(
    "INSERT INTO category_cap (category_code, cap_fen, effective_from, "
    "note, created_at) VALUES (?, ?, ?, ?, NOW())");

static struct db_stmt insert_rate = DB_WRITE(
    "INSERT INTO subsidy_rate (rate_bp, central_share_bp, effective_from, "
    "note, created_at) VALUES (?, ?, ?, ?, NOW())");

/* The row a change supersedes on its date, read inside its transaction. */
static struct db_stmt cap_before = DB_READ(
    "SELECT cap_fen, DATE_FORMAT(effective_from, '%Y-%m-%d') "
    "AS effective_from FROM category_cap WHERE category_code = ? "
    "AND effective_from <= ? AND withdrawn_at IS NULL "
    "ORDER BY effective_from DESC LIMIT 1");

static struct db_stmt rate_before = DB_READ(
    "SELECT rate_bp, central_share_bp, "
    "DATE_FORMAT(effective_from, '%Y-%m-%d') AS effective_from "
    "FROM subsidy_rate WHERE effective_from <= ? AND withdrawn_at IS NULL "
    "ORDER BY effective_from DESC LIMIT 1");

/* The row to withdraw, locked until the transaction ends. */
static struct db_stmt cap_for_withdrawal = DB_WRITE(
    "SELECT cc.id, cc.category_code AS category, c.name, cc.cap_fen, "
    "DATE_FORMAT(cc.effective_from, '%Y-%m-%d') AS effective_from, "
    "DATE_FORMAT(cc.withdrawn_at, '%Y-%m-%d %H:%i') AS withdrawn_at, "
    "cc.withdrawn_by FROM category_cap cc "
    "JOIN category c ON c.code = cc.category_code WHERE cc.id = ? "
    "FOR UPDATE");

static struct db_stmt rate_for_withdrawal = DB_WRITE(
    "SELECT id, rate_bp, central_share_bp, "
    "DATE_FORMAT(effective_from, '%Y-%m-%d') AS effective_from, "
    "DATE_FORMAT(withdrawn_at, '%Y-%m-%d %H:%i') AS withdrawn_at, "
    "withdrawn_by FROM subsidy_rate WHERE id = ? FOR UPDATE");

/* Only a row not yet in force on the given day, and not withdrawn. */
static struct db_stmt withdraw_cap = DB_WRITE(
    "UPDATE category_cap SET withdrawn_at = NOW(), withdrawn_by = ?, "
    "withdrawn_reason = ? WHERE id = ? AND withdrawn_at IS NULL "
    "AND effective_from > ?");

static struct db_stmt withdraw_rate = DB_WRITE(
    "UPDATE subsidy_rate SET withdrawn_at = NOW(), withdrawn_by = ?, "
    "withdrawn_reason = ? WHERE id = ? AND withdrawn_at IS NULL "
    "AND effective_from > ?");

long long
category_next_sort(const struct arena_list *categories)
{
	const struct category	*c = categories->item;
	long long		 next = 1;
	size_t			 i;

	for (i = 0; i < categories->n; i++)
		if (c[i].sort_order >= next)
			next = c[i].sort_order + 1;
	return next > CATEGORY_SORT_MAX ? CATEGORY_SORT_MAX : next;
}

enum domain_status
category_exists(const char *code, int *found)
{
	struct db_arg	 a[] = { DB_TEXT(code) };

	return domain_of_db(db_exists(&category_by_code, a, 1, found));
}

enum domain_status
category_name_taken(const char *name, int *found)
{
	struct db_arg	 a[] = { DB_TEXT(name) };

	return domain_of_db(db_exists(&category_by_name, a, 1, found));
}

enum domain_status
category_add(const char *code, const char *name, long long sort_order)
{
	struct db_arg	 a[] = { DB_TEXT(code), DB_TEXT(name),
	    DB_INT(sort_order) };

	return domain_of_db(db_exec(&insert_category, a, DB_NARGS(a), NULL,
	    NULL));
}

enum domain_status
cap_add(const char *code, long long cap_fen, const char *from,
    const char *note, unsigned long long *id)
{
	struct db_arg	 a[] = { DB_TEXT(code), DB_INT(cap_fen), DB_TEXT(from),
	    DB_TEXT(note) };

	return domain_of_db(db_exec(&insert_cap, a, DB_NARGS(a), NULL, id));
}

enum domain_status
rate_add(long long rate_bp, long long central_bp, const char *from,
    const char *note, unsigned long long *id)
{
	struct db_arg	 a[] = { DB_INT(rate_bp), DB_INT(central_bp),
	    DB_TEXT(from), DB_TEXT(note) };

	return domain_of_db(db_exec(&insert_rate, a, DB_NARGS(a), NULL, id));
}

/* The columns a row_json read keeps, and the object it makes. */
struct json_read {
	const char *const	*ints;
	const char *const	*texts;
	json_t			*json;
};

static int
read_json(void *arg, const struct db_row *r)
{
	struct json_read	*k = arg;
	const char *const	*name;

	if (k->json != NULL || (k->json = json_object()) == NULL)
		return 0;
	for (name = k->ints; *name != NULL; name++)
		json_object_set_new(k->json, *name, json_integer(db_int(r,
		    *name)));
	for (name = k->texts; *name != NULL; name++)
		json_object_set_new(k->json, *name, json_string(db_text(r,
		    *name)));
	return 0;
}

/* The one row of s as a JSON object of the named columns, or NULL. */
static enum db_status
row_json(struct db_stmt *s, const struct db_arg *a, size_t n,
    const char *const *ints, const char *const *texts, json_t **json)
{
	struct json_read	 k = { ints, texts, NULL };
	enum db_status		 st;

	st = db_query_each(s, a, n, read_json, &k);
	if (st != DB_OK) {
		json_decref(k.json);
		k.json = NULL;
	}
	*json = k.json;
	return st;
}

enum domain_status
cap_before_json(const char *code, const char *date, json_t **json)
{
	static const char *const ints[] = { "cap_fen", NULL };
	static const char *const texts[] = { "effective_from", NULL };
	struct db_arg	 a[] = { DB_TEXT(code), DB_TEXT(date) };
	enum db_status	 st;

	st = row_json(&cap_before, a, DB_NARGS(a), ints, texts, json);
	if (*json != NULL)
		json_object_set_new(*json, "category", json_string(code));
	return domain_of_db(st);
}

enum domain_status
rate_before_json(const char *date, json_t **json)
{
	static const char *const ints[] = { "rate_bp", "central_share_bp",
	    NULL };
	static const char *const texts[] = { "effective_from", NULL };
	struct db_arg	 a[] = { DB_TEXT(date) };

	return domain_of_db(row_json(&rate_before, a, DB_NARGS(a), ints,
	    texts, json));
}

enum withdraw_outcome
caps_withdrawable(const char *effective_from, const char *withdrawn_at,
    const char *today)
{
	if (withdrawn_at != NULL && withdrawn_at[0] != '\0')
		return WITHDRAW_ALREADY;
	/* YYYY-MM-DD compares as text in date order. */
	if (strcmp(effective_from, today) <= 0)
		return WITHDRAW_IN_FORCE;
	return WITHDRAW_OK;
}

/* Where caps_withdraw reads its row. */
struct target_read {
	struct arena			*arena;
	struct withdrawal_target	*row;
	int				 found;
};

static int
read_target(void *arg, const struct db_row *r)
{
	struct target_read		*k = arg;
	struct withdrawal_target	*t = k->row;

	if (k->found)
		return 0;
	k->found = 1;
	t->id = db_int(r, "id");
	t->category = db_keep(k->arena, r, "category");
	t->name = db_keep(k->arena, r, "name");
	t->cap_fen = db_int(r, "cap_fen");
	t->rate_bp = db_int(r, "rate_bp");
	t->central_share_bp = db_int(r, "central_share_bp");
	t->effective_from = db_keep(k->arena, r, "effective_from");
	t->withdrawn_at = db_keep(k->arena, r, "withdrawn_at");
	t->withdrawn_by = db_keep(k->arena, r, "withdrawn_by");
	return 0;
}

enum domain_status
caps_withdraw(int is_cap, long long id, const char *today, const char *by,
    const char *reason, struct arena *ar, struct withdrawal_target *row,
    enum withdraw_outcome *outcome)
{
	struct target_read	 k = { ar, row, 0 };
	struct db_arg		 a[4];
	unsigned long long	 n = 0;
	enum db_status		 st;

	*outcome = WITHDRAW_NOT_FOUND;
	memset(row, 0, sizeof(*row));
	a[0] = DB_INT(id);
	if ((st = db_query_each(is_cap ? &cap_for_withdrawal :
	    &rate_for_withdrawal, a, 1, read_target, &k)) != DB_OK)
		return domain_of_db(st);
	if (ar->failed)
		return DOMAIN_INTERNAL;
	if (!k.found)
		return DOMAIN_OK;
	*outcome = caps_withdrawable(row->effective_from != NULL ?
	    row->effective_from : "", row->withdrawn_at, today);
	if (*outcome != WITHDRAW_OK)
		return DOMAIN_OK;
	a[0] = DB_TEXT(by);
	a[1] = DB_TEXT(reason);
	a[2] = DB_INT(id);
	a[3] = DB_TEXT(today);
	if ((st = db_exec(is_cap ? &withdraw_cap : &withdraw_rate, a, 4, &n,
	    NULL)) != DB_OK)
		return domain_of_db(st);
	return n == 1 ? DOMAIN_OK : DOMAIN_INTERNAL;
}

int
percent_parse_bp(const char *s, long long min, long long max, long long *bp)
{
	size_t		 len = strlen(s);
	long long	 v;

	if (len > 0 && s[len - 1] == '%')
		len--;
	else if (len >= 3 && strcmp(s + len - 3, "\xef\xbc\x85") == 0)
		len -= 3;	/* the full-width ％ of Chinese input */
	if (parse_hundredths(s, len, 3, &v) == -1 || v < min || v > max)
		return -1;
	*bp = v;
	return 0;
}

enum domain_status
category_create(const char *code, const char *name, long long sort_order,
    const struct audit_by *by, struct domain_problems *p)
{
	enum domain_status	 st;

	if ((st = domain_of_db(db_begin())) != DOMAIN_OK)
		return st;
	st = category_add(code, name, sort_order);
	if (st == DOMAIN_CONFLICT) {
		db_rollback();
		domain_problemf(p, "code", "类别代码“%s”已经有了，请换一个", code);
		return DOMAIN_CONFLICT;
	}
	if (st == DOMAIN_OK)
		st = domain_of_db(audit_record(by, "category_add", "category",
		    0, NULL, json_pack("{s:s,s:s,s:I}", "code", code, "name",
		    name, "sort_order", (json_int_t)sort_order)));
	return domain_finish(st);
}

/* The same category (or the rate) already changes on that day: existing
 * is the row in force from it. */
static enum domain_status
refused_same_day(const struct caps_change *ch, json_t *existing,
    struct domain_problems *p)
{
	char		 v[32];
	json_int_t	 value = 0;

	db_rollback();
	if (existing != NULL)
		value = json_integer_value(json_object_get(existing,
		    ch->is_cap ? "cap_fen" : "rate_bp"));
	if (ch->is_cap)
		yuan_format(v, sizeof(v), value);
	else
		percent_format(v, sizeof(v), value);
	json_decref(existing);
	domain_problemf(p, "effective_from", "%s起已有一条%s（%s%s），同一天只能"
	    "有一条。已有的记录不能修改；如需调整，请另选起始日期", ch->from,
	    ch->is_cap ? "这个类别的最高限价" : "补贴比例", v,
	    ch->is_cap ? " 元" : "%");
	return DOMAIN_CONFLICT;
}

enum domain_status
caps_change_add(const struct caps_change *ch, const struct audit_by *by,
    struct domain_problems *p, unsigned long long *id)
{
	enum domain_status	 st;
	json_t			*before = NULL;

	if ((st = domain_of_db(db_begin())) != DOMAIN_OK)
		return st;
	st = ch->is_cap ? cap_before_json(ch->category, ch->from, &before) :
	    rate_before_json(ch->from, &before);
	if (st == DOMAIN_OK)
		st = ch->is_cap ? cap_add(ch->category, ch->cap_fen, ch->from,
		    ch->note, id) : rate_add(ch->rate_bp, ch->central_bp,
		    ch->from, ch->note, id);
	if (st == DOMAIN_CONFLICT)
		return refused_same_day(ch, before, p);
	if (st == DOMAIN_OK && ch->is_cap)
		st = domain_of_db(audit_record(by, "cap_add", "category_cap",
		    (long long)*id, before, json_pack("{s:s,s:I,s:s,s:s}",
		    "category", ch->category, "cap_fen",
		    (json_int_t)ch->cap_fen, "effective_from", ch->from,
		    "note", ch->note)));
	else if (st == DOMAIN_OK)
		st = domain_of_db(audit_record(by, "rate_add", "subsidy_rate",
		    (long long)*id, before, json_pack("{s:I,s:I,s:s,s:s}",
		    "rate_bp", (json_int_t)ch->rate_bp, "central_share_bp",
		    (json_int_t)ch->central_bp, "effective_from", ch->from,
		    "note", ch->note)));
	else
		json_decref(before);
	return domain_finish(st);
}

/* Why a row may not be withdrawn, in problems. */
static void
refused_withdrawal(int is_cap, enum withdraw_outcome outcome,
    const struct withdrawal_target *row, struct domain_problems *p)
{
	const char	*what = is_cap ? "限价" : "补贴比例";

	if (outcome == WITHDRAW_ALREADY)
		domain_problemf(p, "reason", "这条%s已于 %s 由 %s 撤回，不用再撤回。",
		    what, row->withdrawn_at != NULL ? row->withdrawn_at : "",
		    row->withdrawn_by != NULL ? row->withdrawn_by : "");
	else
		domain_problemf(p, "reason", "这条%s自 %s 起已经执行，不能撤回：已"
		    "执行的记录要保留原样，补贴按它计算过。如需更正，请新增一条起始"
		    "日期在今后的%s。", what, row->effective_from, what);
}

/* The audit row of a withdrawal: the row as it was, and why. */
static enum db_status
audit_withdrawal(int is_cap, const struct withdrawal_target *row,
    const char *reason, const struct audit_by *by)
{
	json_t	*after = json_pack("{s:b,s:s}", "withdrawn", 1, "reason",
	    reason);

	if (is_cap)
		return audit_record(by, "cap_withdraw", "category_cap", row->id,
		    json_pack("{s:s,s:I,s:s}", "category", row->category,
		    "cap_fen", (json_int_t)row->cap_fen, "effective_from",
		    row->effective_from), after);
	return audit_record(by, "rate_withdraw", "subsidy_rate", row->id,
	    json_pack("{s:I,s:I,s:s}", "rate_bp", (json_int_t)row->rate_bp,
	    "central_share_bp", (json_int_t)row->central_share_bp,
	    "effective_from", row->effective_from), after);
}

enum domain_status
caps_row_withdraw(int is_cap, long long id, const char *today,
    const char *reason, const struct audit_by *by,
    struct domain_problems *p)
{
	struct arena			 a = { 0 };
	struct withdrawal_target	 row;
	enum withdraw_outcome		 outcome;
	enum domain_status		 st, ds;

	if ((st = domain_of_db(db_begin())) != DOMAIN_OK)
		return st;
	st = caps_withdraw(is_cap, id, today, by->user->username, reason, &a,
	    &row, &outcome);
	if (st != DOMAIN_OK || outcome != WITHDRAW_OK)
		db_rollback();
	if (st != DOMAIN_OK)
		ds = st;
	else if (outcome == WITHDRAW_NOT_FOUND)
		ds = DOMAIN_NOT_FOUND;
	else if (outcome != WITHDRAW_OK) {
		refused_withdrawal(is_cap, outcome, &row, p);
		ds = DOMAIN_CONFLICT;
	} else
		ds = domain_of_db(db_finish(audit_withdrawal(is_cap, &row,
		    reason, by)));
	arena_free(&a);
	return ds;
}
