/* Outlet import: the columns and their normalisers, the shared record
 * checks with their database answers remembered per value, and the
 * registration numbers taken. The course of an import is import_run's;
 * the likely duplicates are outlet_duplicates.c's, the writing
 * outlet_save.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "base/csv_read.h"
#include "base/utf8.h"
#include "domain/caps.h"
#include "domain/outlet_record.h"
#include "import/outlet_import.h"
#include "import/outlet_rows.h"

const struct import_column outlet_columns[OUTLET_COLUMNS] = {
	[C_REGNO] = { "备案编号", "reg_no", 0 },
	[C_NAME] = { "店名", "name", 0 },
	[C_ENTERPRISE] = { "中标销售企业", "enterprise", 0 },
	[C_MODE] = { "经营方式", "mode", 0 },
	[C_REGION] = { "乡镇代码", "region", 0 },
	[C_ADDRESS] = { "地址", "address", 0 },
	[C_PHONE] = { "电话", "phone", 0 },
	[C_CATEGORIES] = { "经营类别", "categories", 0 },
	[C_SERVICES] = { "服务", "services", 0 },
	[C_REGISTERED] = { "登记日期", "registered_on", 0 },
};

const char *const outlet_modes[][2] = {
	{ "直营", "direct" }, { "加盟", "franchise" }, { "授权", "authorised" },
	{ "authorized", "authorised" },
};

const char *const outlet_services[][2] = {
	{ "送货上门", "delivery" }, { "安装调试", "install" },
	{ "使用辅导", "teach" }, { "上门维修", "repair" },
};

#define IMPORT_LOOKUP_BATCH	1000	/* registration numbers a query checks */

/* What a database-backed check said about one value. */
struct verdict {
	const char	*msg[4];
	int		 n;
};

static struct db_stmt all_enterprises = DB_READ(
    "SELECT id, name FROM enterprise");


/* The given registration numbers that are taken (any case). */
static struct db_stmt regnos_taken = DB_READ(
    "SELECT o.reg_no, o.name FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "reg_no VARCHAR(32) PATH '$')) AS j JOIN outlet o ON o.reg_no = j.reg_no");

/* Full-width parentheses as ASCII, so 冰箱（含冷柜） names 冰箱(含冷柜). */
static const char *
category_key(struct outlet_state *s, const char *v)
{
	size_t	 n = strlen(v), i, o = 0;
	char	*d;

	if ((d = arena_alloc(&s->run.arena, n + 1)) == NULL)
		return "";
	for (i = 0; i < n; i++) {
		if (strncmp(v + i, "（", 3) == 0 || strncmp(v + i, "）", 3) == 0) {
			d[o++] = v[i + 2] == '\x88' ? '(' : ')';
			i += 2;
		} else
			d[o++] = v[i] >= 'A' && v[i] <= 'Z' ? (char)(v[i] + 32) :
			    v[i];
	}
	d[o] = '\0';
	return d;
}

/* An enterprise by its exact name. */
static int
read_enterprise(void *arg, const struct db_row *r)
{
	struct outlet_state	*s = arg;
	size_t			 v = (size_t)db_int(r, "id");

	if (strmap_add(&s->enterprises, arena_strdup(&s->run.arena,
	    db_text(r, "name")), &v) == -1)
		s->run.nomem = 1;
	return 0;
}

/* The categories by code and by name, each to its index in the list. */
static void
index_categories(struct outlet_state *s, const struct arena_list *list)
{
	const struct category	*c = list->item;
	size_t			 i, v;

	for (i = 0; i < list->n; i++) {
		v = i;
		if (strmap_add(&s->categories, category_key(s, c[i].code),
		    &v) == -1 || strmap_add(&s->categories,
		    category_key(s, c[i].name), &v) == -1)
			s->run.nomem = 1;
	}
}

/* Enterprises by exact name and categories by code or name, once. */
static enum db_status
load_names(struct import_run *run, void *arg)
{
	struct outlet_state	*s = ((struct outlet_import *)arg)->state;
	struct arena_list	 categories;
	enum db_status		 st;
	enum domain_status	 ds;

	if ((st = db_query_each(&all_enterprises, NULL, 0, read_enterprise,
	    s)) != DB_OK)
		return st;
	if ((ds = category_list(&run->arena, &categories)) != DOMAIN_OK)
		return ds == DOMAIN_UNAVAILABLE ? DB_DOWN : DB_ERROR;
	index_categories(s, &categories);
	s->category = categories.item;
	s->ncategories = categories.n;
	return run->nomem || run->arena.failed ? DB_ERROR : DB_OK;
}

/* The code for a name (or the code itself, any case) in a fixed table;
 * NULL when unknown. */
static const char *
table_code(const char *const (*table)[2], size_t n, const char *v)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v, table[i][0]) == 0 || strcasecmp(v, table[i][1]) == 0)
			return table[i][1];
	return NULL;
}

/* Length of a list separator at p: 、，；,; or a space; else 0. */
static size_t
separator_at(const char *p, const char *end)
{
	static const char *const seps[] = { "、", "，", "；", ",", ";" };
	size_t		 i, n;

	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		n = strlen(seps[i]);
		if ((size_t)(end - p) >= n && memcmp(p, seps[i], n) == 0)
			return n;
	}
	return csv_space_at(p, end);
}

/* A list cell as comma-separated codes: known names become codes, other
 * items stay as written for outlet_record_check to refuse. Categories
 * use the category table, services the fixed one. */
static const char *
code_list(struct outlet_state *s, const char *v, int categories)
{
	const char	*end = v + strlen(v), *p = v, *item, *code, *list;
	char		*out, *o;
	size_t		 n, k;

	/* An item of one byte may become a code of up to 16 and a comma. */
	if ((out = malloc((strlen(v) + 1) * 17)) == NULL) {
		s->run.nomem = 1;
		return "";
	}
	o = out;
	while (p < end) {
		if ((n = separator_at(p, end)) > 0) {
			p += n;
			continue;
		}
		for (item = p; p < end && separator_at(p, end) == 0; p++)
			continue;
		code = arena_strndup(&s->run.arena, item, (size_t)(p - item));
		if (categories) {
			if (strmap_get(&s->categories, category_key(s, code), &k))
				code = s->category[k].code;
		} else if ((item = table_code(outlet_services, OUTLET_SERVICES,
		    code)) != NULL)
			code = item;
		/* The same item twice is said once. */
		n = strlen(code);
		if (o > out) {
			const char *q = out;

			*o = '\0';
			while ((q = strstr(q, code)) != NULL &&
			    !((q == out || q[-1] == ',') &&
			    (q[n] == ',' || q[n] == '\0')))
				q++;
			if (q != NULL)
				continue;
			*o++ = ',';
		}
		memcpy(o, code, n);
		o += n;
	}
	*o = '\0';
	list = arena_strndup(&s->run.arena, out, (size_t)(o - out));
	free(out);
	return list;
}

/* YYYY-MM-DD from YYYY-M-D, YYYY/M/D, YYYY.M.D or YYYY年M月D日, with an
 * empty time a spreadsheet may add ("2009/3/1 0:00"); else v as it is. */
static const char *
iso_date(struct outlet_state *s, const char *v)
{
	static const char *const seps[] = { "-", "/", ".", "年", "月", "日" };
	unsigned	 part[3] = { 0, 0, 0 };
	const char	*p = v;
	char		*d;
	size_t		 i, k, digits;

	for (k = 0; k < 3; k++) {
		for (digits = 0; *p >= '0' && *p <= '9' && digits < 4; p++,
		    digits++)
			part[k] = part[k] * 10 + (unsigned)(*p - '0');
		if (digits == 0 || (k == 0 && digits != 4) ||
		    (k > 0 && digits > 2))
			return v;
		for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++)
			if (strncmp(p, seps[i], strlen(seps[i])) == 0)
				break;
		if (k < 2 && i == sizeof(seps) / sizeof(seps[0]))
			return v;
		if (k == 2 && i != sizeof(seps) / sizeof(seps[0]) &&
		    strcmp(seps[i], "日") != 0)
			return v;
		if (i < sizeof(seps) / sizeof(seps[0]))
			p += strlen(seps[i]);
	}
	if (*p == ' ')
		p += strspn(p, " 0:");
	if (*p != '\0' || (d = arena_alloc(&s->run.arena, 11)) == NULL)
		return v;
	snprintf(d, 11, "%04u-%02u-%02u", part[0] % 10000, part[1] % 100,
	    part[2] % 100);
	return d;
}

/* Collects outlet_record_check's complaints for one row. */
struct row_check {
	struct outlet_state	*s;
	struct outlet_row	*row;
	const char		*only;		/* a probe keeps this field */
	struct verdict		*verdict;
};

static int
column_of(const char *field)
{
	int	 i;

	for (i = 0; i < OUTLET_COLUMNS; i++)
		if (strcmp(field, outlet_columns[i].key) == 0)
			return i;
	return -1;
}

/* The checks that need no database; the others are left to probes. */
static void
plain_error(void *arg, const char *field, const char *message)
{
	struct row_check	*rc = arg;

	if (strcmp(field, "region") == 0 || strcmp(field, "enterprise") == 0 ||
	    strcmp(field, "categories") == 0)
		return;
	import_problem(&rc->s->run, &rc->row->base, column_of(field), "%s",
	    message);
}

static void
probe_error(void *arg, const char *field, const char *message)
{
	struct row_check	*rc = arg;
	struct verdict		*v = rc->verdict;

	if (strcmp(field, rc->only) == 0 && v->n < 4)
		v->msg[v->n++] = arena_strdup(&rc->s->run.arena, message);
}

/* outlet_record_check in the status of the import's callbacks: it can
 * only fail for want of the database. */
static enum db_status
record_check(const struct outlet_record *r, const char *limit,
    record_error_fn fn, void *arg)
{
	switch (outlet_record_check(r, limit, fn, arg)) {
	case DOMAIN_OK:
		return DB_OK;
	case DOMAIN_UNAVAILABLE:
		return DB_DOWN;
	default:
		return DB_ERROR;
	}
}

/* What outlet_record_check says about one database-backed field of the
 * row, asked once per distinct value. */
static enum db_status
probe(struct outlet_import *imp, struct outlet_row *row, int column,
    const struct outlet_record *base)
{
	struct outlet_state	*s = imp->state;
	struct outlet_record	 r = *base;
	struct row_check	 rc;
	struct verdict		*v;
	enum db_status		 st;
	char			*key, id[24];
	size_t			 i, n;
	int			 k;

	snprintf(id, sizeof(id), "%lld", row->enterprise_id);
	n = strlen(row->v[column]) + 24;
	if ((key = arena_alloc(&s->run.arena, n)) == NULL)
		return DB_ERROR;
	snprintf(key, n, "%d:%s", column, column == C_ENTERPRISE ? id :
	    row->v[column]);
	i = s->nverdicts;
	if ((k = strmap_add(&s->memo, key, &i)) == -1)
		return DB_ERROR;
	if (k == 0) {
		if ((v = import_grow(s->verdicts, &s->verdicts_cap,
		    s->nverdicts, sizeof(*v))) == NULL)
			return DB_ERROR;
		s->verdicts = v;
		v += s->nverdicts++;
		v->n = 0;
		if (column == C_REGION)
			r.region = row->v[C_REGION];
		else if (column == C_ENTERPRISE)
			r.enterprise_id = row->enterprise_id;
		else
			r.categories = row->v[C_CATEGORIES];
		rc.s = s;
		rc.row = row;
		rc.only = outlet_columns[column].key;
		rc.verdict = v;
		if ((st = record_check(&r, imp->limit, probe_error, &rc)) !=
		    DB_OK)
			return st;
	}
	v = &s->verdicts[i];
	for (k = 0; k < v->n; k++)
		import_problem(&s->run, &row->base, column, "%s", v->msg[k]);
	return DB_OK;
}

/* Normalises and checks one row. */
static enum db_status
check_row(struct import_run *run, struct import_row *base, void *arg)
{
	struct outlet_import	*imp = arg;
	struct outlet_state	*s = imp->state;
	struct outlet_row	*row = (struct outlet_row *)base;
	struct outlet_record	 rec;
	struct row_check	 rc;
	enum db_status		 st;
	const char		*code;
	size_t			 other;
	int			 c;

	memcpy(row->v, base->cell, sizeof(row->v));
	for (c = 0; c < OUTLET_COLUMNS; c++)
		if (utf8_has_controls(base->cell[c], strlen(base->cell[c]), 0))
			import_problem(run, base, c, "不能含有换行或其他控制字符");
	if ((code = table_code(outlet_modes, OUTLET_MODES,
	    base->cell[C_MODE])) != NULL)
		row->v[C_MODE] = code;
	row->v[C_CATEGORIES] = code_list(s, base->cell[C_CATEGORIES], 1);
	row->v[C_SERVICES] = code_list(s, base->cell[C_SERVICES], 0);
	row->v[C_REGISTERED] = iso_date(s, base->cell[C_REGISTERED]);
	if (base->cell[C_ENTERPRISE][0] == '\0')
		import_problem(run, base, C_ENTERPRISE, "请填写中标销售企业的名称");
	else if (strmap_get(&s->enterprises, base->cell[C_ENTERPRISE], &other))
		row->enterprise_id = (long long)other;
	else
		import_problem(run, base, C_ENTERPRISE,
		    "没有这个中标销售企业（名称须与企业名录中的完全一致）");

	/* outlet_record_check without the fields that need the database,
	 * then those fields one value at a time. */
	rec.reg_no = row->v[C_REGNO];
	rec.name = row->v[C_NAME];
	rec.enterprise_id = 0;
	rec.mode = row->v[C_MODE];
	rec.region = "";
	rec.address = row->v[C_ADDRESS];
	rec.phone = row->v[C_PHONE];
	rec.categories = "";
	rec.services = row->v[C_SERVICES];
	rec.registered_on = row->v[C_REGISTERED];
	rc.s = s;
	rc.row = row;
	if ((st = record_check(&rec, imp->limit, plain_error, &rc)) != DB_OK)
		return st;
	if ((st = probe(imp, row, C_REGION, &rec)) != DB_OK)
		return st;
	if (row->enterprise_id > 0 &&
	    (st = probe(imp, row, C_ENTERPRISE, &rec)) != DB_OK)
		return st;
	if ((st = probe(imp, row, C_CATEGORIES, &rec)) != DB_OK)
		return st;

	/* The same registration number twice in the file. */
	if (row->v[C_REGNO][0] != '\0') {
		other = run->nrows - 1;		/* this row */
		if (strmap_add(&s->regnos, import_lower(run, row->v[C_REGNO]),
		    &other) == 1)
			import_problem(run, base, C_REGNO, "备案编号与第 %zu 行重复",
			    outlet_row_at(s, other)->base.line);
	}
	return DB_OK;
}

/* A registration number found taken: its row refused. */
static int
refuse_taken(void *arg, const struct db_row *r)
{
	struct outlet_state	*s = arg;
	size_t			 k;

	if (strmap_get(&s->regnos, import_lower(&s->run, db_text(r,
	    "reg_no")), &k))
		import_problem(&s->run, &outlet_row_at(s, k)->base, C_REGNO,
		    "备案编号已登记：%s %s", db_text(r, "reg_no"),
		    db_text(r, "name"));
	return 0;
}

/* Refuses the registration numbers of list that are taken. */
static enum db_status
taken_batch(struct outlet_state *s, json_t *list)
{
	enum db_status		 st;
	struct db_arg		 a;
	char			*text;

	if ((text = json_dumps(list, JSON_COMPACT)) == NULL)
		return DB_ERROR;
	a = DB_TEXT(text);
	st = db_query_each(&regnos_taken, &a, 1, refuse_taken, s);
	free(text);
	return st;
}

/* Refuses registration numbers already in the database, a batch of
 * rows at a time. */
static enum db_status
check_taken(struct outlet_state *s)
{
	enum db_status		 st = DB_OK;
	json_t			*list;
	const char		*v;
	size_t			 i;

	if ((list = json_array()) == NULL)
		return DB_ERROR;
	for (i = 0; i < s->run.nrows && st == DB_OK; i++) {
		/* NULL: a record the reader skipped, never checked. */
		v = outlet_row_at(s, i)->v[C_REGNO];
		if (v == NULL || v[0] == '\0' || strlen(v) > 32)
			continue;
		json_array_append_new(list, json_string(v));
		if (json_array_size(list) < IMPORT_LOOKUP_BATCH)
			continue;
		st = taken_batch(s, list);
		json_array_clear(list);
	}
	if (st == DB_OK && json_array_size(list) > 0)
		st = taken_batch(s, list);
	json_decref(list);
	return st;
}

/* Numbers taken, then likely duplicates of the rows without a problem. */
static enum db_status
check_file(struct import_run *run, void *arg)
{
	struct outlet_import	*imp = arg;
	enum db_status		 st;

	if (run->nrows > 0 && (st = check_taken(imp->state)) != DB_OK)
		return st;
	return outlet_find_duplicates(imp);
}

static const struct import_kind outlet_kind = {
	.columns = outlet_columns,
	.ncolumns = OUTLET_COLUMNS,
	.row_size = sizeof(struct outlet_row),
	.max_rows = OUTLET_IMPORT_MAX_ROWS,
	.max_bytes = OUTLET_IMPORT_MAX_BYTES,
	/* A row of ten cells is far below each limit. */
	.limits = { 16 * 1024, 64, 4096, OUTLET_IMPORT_MAX_ROWS * 2 },
	.batch = OUTLET_SAVE_BATCH,
	.passes = 2,
	.audit_action = "outlet_import",
	.audit_object = "outlet",
	.too_big = "文件太大，最大 9 MB：请分成几个文件导入",
	.empty = "文件是空的",
	.no_content = "文件里没有内容",
	.header_only = "文件只有表头，没有网点",
	.too_many_rows = "超过 %zu 行：一次最多导入 %zu 行，请分成几个文件",
	.unknown_label = "表头第 %zu 列“%s”不是可识别的列名",
	.no_label = "第 %zu 列没有列名，无法识别：%s",
	.cell_in_message = 1,
	.explain_limits = 1,
	.by_column = 1,
	.prepare = load_names,
	.check_row = check_row,
	.check_file = check_file,
	.save_start = outlet_save_start,
	.save_rows = outlet_save_rows,
	.save_end = outlet_save_end,
};

void
outlet_import_init(struct outlet_import *imp, const char *limit,
    import_progress_fn fn, void *arg)
{
	memset(imp, 0, sizeof(*imp));
	imp->limit = limit;
	imp->progress = fn;
	imp->progress_arg = arg;
	imp->encoding = "";
}

void
outlet_import_free(struct outlet_import *imp)
{
	struct outlet_state	*s = imp->state;

	free(imp->duplicates);
	imp->problems = NULL;
	imp->duplicates = NULL;
	imp->nproblems = imp->nduplicates = 0;
	if (s == NULL)
		return;
	import_run_free(&s->run);
	free(s->verdicts);
	strmap_free(&s->enterprises);
	strmap_free(&s->categories);
	strmap_free(&s->regnos);
	strmap_free(&s->memo);
	free(s);
	imp->state = NULL;
}

enum domain_status
outlet_import_check(struct outlet_import *imp, const char *data, size_t len)
{
	struct outlet_state	*s;
	enum db_status		 st;

	if ((s = imp->state = calloc(1, sizeof(*s))) == NULL)
		return DOMAIN_INTERNAL;
	import_run_init(&s->run, &outlet_kind, imp->progress,
	    imp->progress_arg);
	st = import_run_check(&s->run, data, len, imp);
	imp->encoding = s->run.encoding;
	imp->rows = s->run.nrows;
	imp->good = s->run.good;
	imp->problems = s->run.problems;
	imp->nproblems = s->run.nproblems;
	return domain_of_db(st);
}

int
outlet_import_ready(const struct outlet_import *imp, int confirm)
{
	return imp->state != NULL && import_run_ready(&imp->state->run) &&
	    (imp->duplicate_rows == 0 || confirm);
}

enum domain_status
outlet_import_save(struct outlet_import *imp, int confirm,
    const struct staff_user *user, const char *username, const char *address,
    const char *filename)
{
	struct outlet_state	*s = imp->state;
	enum db_status		 st;

	if (!outlet_import_ready(imp, confirm))
		return DOMAIN_INTERNAL;
	s->run.progress = imp->progress;
	s->run.progress_arg = imp->progress_arg;
	st = import_run_save(&s->run, user, username, address, filename,
	    imp->job, json_pack("{s:I}", "likely_duplicates_confirmed",
	    (json_int_t)imp->duplicate_rows), imp);
	imp->imported = s->run.written;
	outlet_save_after(imp, st);
	return domain_of_db(st);
}

struct import_report
outlet_import_report(const struct outlet_import *imp)
{
	return import_report_of(imp->encoding, imp->rows, imp->good,
	    imp->imported, imp->problems, imp->nproblems);
}
