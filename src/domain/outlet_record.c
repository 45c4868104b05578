/* Outlet records: checks, the duplicate guard and status history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/workday.h"
#include "domain/region.h"
#include "domain/caps_record.h"
#include "domain/complaint.h"
#include "domain/outlet.h"
#include "domain/outlet_record.h"
#include "db/search.h"
#include "base/utf8.h"

static const char *const modes[] = { "direct", "franchise", "authorised" };
static const char *const services[] = { "delivery", "install", "teach",
	"repair" };

static struct db_stmt enterprise_exists = DB_READ(
    "SELECT COUNT(*) FROM enterprise WHERE id = ?");

static struct db_stmt same_county = DB_READ(
    "SELECT id, reg_no, name, address, phone, phone_digits FROM outlet "
    "WHERE region_code LIKE CONCAT(LEFT(?, 6), '%') AND id <> ? "
    "ORDER BY id LIMIT 5000");

static struct db_stmt regno_taken = DB_READ(
    "SELECT COUNT(*) FROM outlet WHERE reg_no = ? AND id <> ?");

static struct db_stmt insert_outlet = DB_WRITE(
    "INSERT INTO outlet (reg_no, name, enterprise_id, mode, region_code, "
    "address, phone, services, status, status_since, registered_on) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)");

static struct db_stmt update_outlet = DB_WRITE(
    "UPDATE outlet SET reg_no = ?, name = ?, enterprise_id = ?, mode = ?, "
    "region_code = ?, address = ?, phone = ?, services = ?, "
    "registered_on = ? WHERE id = ?");

static struct db_stmt clear_categories = DB_WRITE(
    "DELETE FROM outlet_category WHERE outlet_id = ?");

static struct db_stmt add_category = DB_WRITE(
    "INSERT INTO outlet_category (outlet_id, category_code) VALUES (?, ?)");

static struct db_stmt set_status = DB_WRITE(
    "UPDATE outlet SET status = ?, status_since = ?, status_reason = ? "
    "WHERE id = ?");

static struct db_stmt add_history = DB_WRITE(
    "INSERT INTO outlet_status_history (outlet_id, status, effective_on, "
    "reason, staff_id, recorded_at) VALUES (?, ?, ?, ?, ?, NOW())");

static struct db_stmt history = DB_READ(
    "SELECT status, DATE_FORMAT(effective_on, '%Y-%m-%d') AS effective_on, "
    "reason FROM outlet_status_history WHERE outlet_id = ? "
    "ORDER BY effective_on, id");

int
list_valid(const char *list, const char *const *allowed, size_t n,
    int allow_empty)
{
	const char	*p = list;
	size_t		 len, i;
	int		 items = 0;

	while (*p != '\0') {
		len = strcspn(p, ",");
		for (i = 0; i < n; i++)
			if (strlen(allowed[i]) == len &&
			    strncmp(allowed[i], p, len) == 0)
				break;
		if (i == n)
			return 0;
		items++;
		p += len + (p[len] == ',');
	}
	return items > 0 || allow_empty;
}

enum domain_status
outlet_record_check(const struct outlet_record *r, const char *limit,
    record_error_fn fn, void *arg)
{
	const char		*p;
	char			 code[17];
	enum domain_status	 st;
	size_t			 len;
	int			 yes;

	if (strlen(r->reg_no) < 4 || strlen(r->reg_no) > 32 ||
	    strspn(r->reg_no, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-") != strlen(r->reg_no))
		fn(arg, "reg_no", "备案编号须为 4 到 32 个字母、数字或“-”");
	if (utf8_chars(r->name, strlen(r->name)) < 2 ||
	    utf8_chars(r->name, strlen(r->name)) > 100)
		fn(arg, "name", "店名须为 2 到 100 个字");
	if (utf8_chars(r->address, strlen(r->address)) < 4 ||
	    utf8_chars(r->address, strlen(r->address)) > 200)
		fn(arg, "address", "地址须为 4 到 200 个字");
	if (r->phone[0] != '\0' && !complaint_phone_valid(r->phone))
		fn(arg, "phone", "电话须为 11 位手机号码，或带区号的固定电话");
	if (!list_valid(r->mode, modes, 3, 0) || strchr(r->mode, ',') != NULL)
		fn(arg, "mode", "经营方式须为 直营、加盟 或 授权");
	if (!list_valid(r->services, services, 4, 1))
		fn(arg, "services", "服务只能是 送货上门、安装调试、使用辅导、上门维修");
	if (!valid_date(r->registered_on))
		fn(arg, "registered_on", "登记日期须为有效日期，格式如 2009-03-15");
	if (strlen(r->region) != 9 || !valid_region_code(r->region))
		fn(arg, "region", "所在乡镇须为 9 位乡镇（街道）代码");
	else {
		if ((st = region_township_exists(r->region, &yes)) !=
		    DOMAIN_OK)
			return st;
		if (!yes)
			fn(arg, "region", "没有这个乡镇（街道）");
		else if (limit[0] != '\0' &&
		    strncmp(r->region, limit, strlen(limit)) != 0)
			fn(arg, "region", "只能登记您负责地区内的网点");
	}
	if (r->enterprise_id <= 0)
		fn(arg, "enterprise", "请选择中标销售企业");
	else {
		struct db_arg e[] = { DB_INT(r->enterprise_id) };

		if ((st = domain_of_db(db_exists(&enterprise_exists, e, 1,
		    &yes))) != DOMAIN_OK)
			return st;
		if (!yes)
			fn(arg, "enterprise", "没有这个中标销售企业");
	}
	if (r->categories[0] == '\0')
		fn(arg, "categories", "请至少选择一个经营类别");
	for (p = r->categories; *p != '\0'; p += len + (p[len] == ',')) {
		len = strcspn(p, ",");
		if (len == 0 || len >= sizeof(code)) {
			fn(arg, "categories", "经营类别不正确");
			break;
		}
		snprintf(code, sizeof(code), "%.*s", (int)len, p);
		if ((st = category_exists(code, &yes)) != DOMAIN_OK)
			return st;
		if (!yes) {
			fn(arg, "categories", "没有这个经营类别");
			break;
		}
	}
	return DOMAIN_OK;
}

enum domain_status
outlet_regno_taken(const char *reg_no, long long except_id, int *taken)
{
	struct db_arg	 a[] = { DB_TEXT(reg_no), DB_INT(except_id) };
	long long	 n;
	enum db_status	 st;

	st = db_query_int(&regno_taken, a, 2, &n);
	*taken = n > 0;
	return domain_of_db(st);
}

const char *
outlet_alike_name(enum outlet_alike why)
{
	switch (why) {
	case OUTLET_SAME_PHONE:
		return "电话相同";
	case OUTLET_NAME_ALIKE:
		return "店名相近";
	case OUTLET_ADDRESS_ALIKE:
		return "地址相近";
	default:
		return "";
	}
}

/* What outlet_record_duplicates compares its county's outlets with. */
struct duplicate_sink {
	struct arena			*arena;
	struct arena_list		*list;
	const struct outlet_record	*r;
	char				 phone[32];	/* r's digits */
};

static int
add_if_alike(void *arg, const struct db_row *row)
{
	struct duplicate_sink	*s = arg;
	struct outlet_duplicate	*d;
	enum outlet_alike	 why;

	/* The same phone counts whatever its dashes and spaces. */
	if (s->phone[0] != '\0' &&
	    strcmp(s->phone, db_text(row, "phone_digits")) == 0)
		why = OUTLET_SAME_PHONE;
	else if (text_similarity(s->r->name, db_text(row, "name")) >=
	    OUTLET_SIMILAR)
		why = OUTLET_NAME_ALIKE;
	else if (text_similarity(s->r->address, db_text(row, "address")) >=
	    OUTLET_SIMILAR)
		why = OUTLET_ADDRESS_ALIKE;
	else
		return 0;
	if ((d = arena_push(s->arena, s->list, sizeof(*d))) == NULL)
		return -1;
	d->id = db_int(row, "id");
	d->reg_no = db_keep(s->arena, row, "reg_no");
	d->name = db_keep(s->arena, row, "name");
	d->address = db_keep(s->arena, row, "address");
	d->phone = db_keep(s->arena, row, "phone");
	d->phone_digits = db_keep(s->arena, row, "phone_digits");
	d->why = why;
	return 0;
}

enum domain_status
outlet_record_duplicates(struct arena *arena, const struct outlet_record *r,
    long long except_id, struct arena_list *list)
{
	struct db_arg		 a[] = { DB_TEXT(r->region), DB_INT(except_id) };
	struct duplicate_sink	 sink = { arena, list, r, "" };
	enum db_status		 st;

	memset(list, 0, sizeof(*list));
	search_phone_digits(sink.phone, sizeof(sink.phone), r->phone);
	if ((st = db_query_each(&same_county, a, 2, add_if_alike, &sink)) !=
	    DB_OK)
		return domain_of_db(st);
	return arena->failed ? DOMAIN_INTERNAL : DOMAIN_OK;
}

static enum db_status
set_categories(long long id, const char *list)
{
	struct db_arg	 a[2];
	enum db_status	 st;
	char		 code[17];
	size_t		 len;

	a[0] = DB_INT(id);
	if ((st = db_exec(&clear_categories, a, 1, NULL, NULL)) != DB_OK)
		return st;
	for (; *list != '\0'; list += len + (list[len] == ',')) {
		len = strcspn(list, ",");
		snprintf(code, sizeof(code), "%.*s", (int)len, list);
		a[1] = DB_TEXT(code);
		/* Duplicates in the list are harmless. */
		st = db_exec(&add_category, a, 2, NULL, NULL);
		if (st != DB_OK && st != DB_DUPLICATE)
			return st;
	}
	return DB_OK;
}

static void
record_args(struct db_arg *a, const struct outlet_record *r)
{
	a[0] = DB_TEXT(r->reg_no);
	a[1] = DB_TEXT(r->name);
	a[2] = DB_INT(r->enterprise_id);
	a[3] = DB_TEXT(r->mode);
	a[4] = DB_TEXT(r->region);
	a[5] = DB_TEXT(r->address);
	a[6] = DB_TEXT(r->phone);
	a[7] = DB_TEXT(r->services);
}

enum domain_status
outlet_record_insert(const struct outlet_record *r, unsigned long long *id)
{
	struct db_arg	 a[10];
	enum db_status	 st;

	record_args(a, r);
	a[8] = DB_TEXT(r->registered_on);
	a[9] = DB_TEXT(r->registered_on);
	if ((st = db_exec(&insert_outlet, a, 10, NULL, id)) != DB_OK)
		return domain_of_db(st);
	if ((st = set_categories((long long)*id, r->categories)) != DB_OK)
		return domain_of_db(st);
	/* Touch the row so the search row picks up the categories. */
	a[8] = DB_TEXT(r->registered_on);
	a[9] = DB_INT((long long)*id);
	return domain_of_db(db_exec(&update_outlet, a, 10, NULL, NULL));
}

enum domain_status
outlet_record_update(long long id, const struct outlet_record *r)
{
	struct db_arg	 a[10];
	enum db_status	 st;

	if ((st = set_categories(id, r->categories)) != DB_OK)
		return domain_of_db(st);
	record_args(a, r);
	a[8] = DB_TEXT(r->registered_on);
	a[9] = DB_INT(id);
	return domain_of_db(db_exec(&update_outlet, a, 10, NULL, NULL));
}

enum domain_status
outlet_status_change(long long id, const char *status,
    const char *effective_on, const char *reason, long long staff_id)
{
	struct db_arg	 a[] = { DB_TEXT(status), DB_TEXT(effective_on),
	    DB_TEXT(reason), DB_INT(id) };
	struct db_arg	 h[] = { DB_INT(id), DB_TEXT(status),
	    DB_TEXT(effective_on), DB_TEXT(reason), DB_INT(staff_id) };
	enum db_status	 st;

	if ((st = db_exec(&set_status, a, 4, NULL, NULL)) != DB_OK)
		return domain_of_db(st);
	return domain_of_db(db_exec(&add_history, h, 5, NULL, NULL));
}

/* Where outlet_status_history puts its rows. */
struct history_sink {
	struct arena		*arena;
	struct arena_list	*list;
};

static int
add_entry(void *arg, const struct db_row *row)
{
	struct history_sink		*s = arg;
	struct outlet_status_entry	*e;

	if ((e = arena_push(s->arena, s->list, sizeof(*e))) == NULL)
		return -1;
	e->status = db_keep(s->arena, row, "status");
	e->effective_on = db_keep(s->arena, row, "effective_on");
	e->reason = db_keep(s->arena, row, "reason");
	return 0;
}

enum domain_status
outlet_status_history(struct arena *arena, long long id,
    struct arena_list *list)
{
	struct db_arg		 a[] = { DB_INT(id) };
	struct history_sink	 sink = { arena, list };
	enum db_status		 st;

	memset(list, 0, sizeof(*list));
	if ((st = db_query_each(&history, a, 1, add_entry, &sink)) != DB_OK)
		return domain_of_db(st);
	return arena->failed ? DOMAIN_INTERNAL : DOMAIN_OK;
}

json_t *
outlet_record_json(const struct outlet_record *r)
{
	return json_pack("{s:s,s:s,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s}",
	    "reg_no", r->reg_no, "name", r->name, "enterprise_id",
	    (json_int_t)r->enterprise_id, "mode", r->mode, "region_code",
	    r->region, "address", r->address, "phone", r->phone,
	    "categories", r->categories, "services", r->services,
	    "registered_on", r->registered_on);
}

enum domain_status
outlet_register(const struct outlet_record *r, const struct audit_by *by,
    struct domain_problems *p, unsigned long long *id)
{
	enum domain_status	 st;

	if ((st = domain_of_db(db_begin())) != DOMAIN_OK)
		return st;
	st = outlet_record_insert(r, id);
	if (st == DOMAIN_CONFLICT) {
		db_rollback();
		domain_problem(p, "reg_no", "这个备案编号已经登记过，同一网点不能重复登记");
		return DOMAIN_INVALID;
	}
	if (st == DOMAIN_OK)
		st = domain_of_db(audit_record(by, "outlet_create", "outlet",
		    (long long)*id, NULL, outlet_record_json(r)));
	return domain_finish(st);
}

/* A text of a record read back, "" where the database had none. */
static const char *
text_or_empty(const char *s)
{
	return s != NULL ? s : "";
}

enum domain_status
outlet_amend(long long id, const struct outlet *old,
    const struct outlet_record *r,
    const struct audit_by *by, struct domain_problems *p)
{
	enum domain_status	 st;
	json_t			*before;

	if ((st = domain_of_db(db_begin())) != DOMAIN_OK)
		return st;
	st = outlet_record_update(id, r);
	if (st == DOMAIN_CONFLICT) {
		db_rollback();
		domain_problem(p, "reg_no", "这个备案编号已经登记给另一家网点");
		return DOMAIN_INVALID;
	}
	if (st == DOMAIN_OK) {
		before = json_pack("{s:s,s:s,s:s,s:s,s:s}", "reg_no",
		    text_or_empty(old->reg_no), "name",
		    text_or_empty(old->name), "address",
		    text_or_empty(old->address), "phone",
		    text_or_empty(old->phone), "region_code",
		    text_or_empty(old->region_code));
		st = domain_of_db(audit_record(by, "outlet_update", "outlet",
		    id, before, outlet_record_json(r)));
	}
	return domain_finish(st);
}

int
outlet_status_move_allowed(const char *from, const char *to)
{
	if (strcmp(from, "active") == 0)
		return strcmp(to, "suspended") == 0 ||
		    strcmp(to, "cancelled") == 0;
	if (strcmp(from, "suspended") == 0)
		return strcmp(to, "active") == 0 ||
		    strcmp(to, "cancelled") == 0;
	return 0;
}

enum domain_status
outlet_status_move(long long id, const char *from, const char *status,
    const char *effective_on, const char *reason, const struct audit_by *by)
{
	enum domain_status	 st;

	if ((st = domain_of_db(db_begin())) != DOMAIN_OK)
		return st;
	st = outlet_status_change(id, status, effective_on, reason,
	    by->user->id);
	if (st == DOMAIN_OK)
		st = domain_of_db(audit_record(by, "outlet_status", "outlet",
		    id, json_pack("{s:s}", "status", from),
		    json_pack("{s:s,s:s,s:s}", "status", status, "effective_on",
		    effective_on, "reason", reason)));
	return domain_finish(st);
}
