/* Outlet import and export: decoding, the column map, the shared checks
 * with their database answers remembered per value, the duplicate search
 * per county and the batched insert. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "domain/audit.h"
#include "base/csv.h"
#include "base/csv_read.h"
#include "base/csv_text.h"
#include "import/import_job.h"
#include "import/outlet_import.h"
#include "domain/outlet_record.h"
#include "db/search.h"
#include "base/utf8.h"
#include "web/view.h"

enum { C_REGNO, C_NAME, C_ENTERPRISE, C_MODE, C_REGION, C_ADDRESS, C_PHONE,
	C_CATEGORIES, C_SERVICES, C_REGISTERED, NCOLUMNS };

/* The header of both directions; key is also outlet_record_check's
 * name for the field. */
static const struct {
	const char	*label;
	const char	*key;
} columns[NCOLUMNS] = {
	[C_REGNO] = { "备案编号", "reg_no" },
	[C_NAME] = { "店名", "name" },
	[C_ENTERPRISE] = { "中标销售企业", "enterprise" },
	[C_MODE] = { "经营方式", "mode" },
	[C_REGION] = { "乡镇代码", "region" },
	[C_ADDRESS] = { "地址", "address" },
	[C_PHONE] = { "电话", "phone" },
	[C_CATEGORIES] = { "经营类别", "categories" },
	[C_SERVICES] = { "服务", "services" },
	[C_REGISTERED] = { "登记日期", "registered_on" },
};

static const char *const modes[][2] = {
	{ "直营", "direct" }, { "加盟", "franchise" }, { "授权", "authorised" },
	{ "authorized", "authorised" },
};

static const char *const services[][2] = {
	{ "送货上门", "delivery" }, { "安装调试", "install" },
	{ "使用辅导", "teach" }, { "上门维修", "repair" },
};

/* Reading limits: a row of ten cells is far below each. */
#define IMPORT_MAX_FIELDS	64
static const struct csv_read_limits read_limits = {
	16 * 1024, IMPORT_MAX_FIELDS, 4096, OUTLET_IMPORT_MAX_ROWS * 2
};

#define IMPORT_BATCH		500	/* rows a statement inserts */
#define IMPORT_LOOKUP_BATCH	1000	/* registration numbers a query checks */
#define PROGRESS_EVERY		5000
#define DUPLICATES_PER_ROW	3
#define SHOWN_CHARS		60	/* of a cell in a problem */
#define COUNTY_MAX		5000	/* outlets of a county compared, as in
					 * outlet_record_duplicates */
#define EXPORT_PAGE		5000

static struct db_stmt all_enterprises = DB_READ(
    "SELECT id, name FROM enterprise");

static struct db_stmt all_categories = DB_READ(
    "SELECT code, name FROM category ORDER BY sort_order, code");

/* The given registration numbers that are taken (any case). */
static struct db_stmt regnos_taken = DB_READ(
    "SELECT o.reg_no, o.name FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "reg_no VARCHAR(32) PATH '$')) AS j JOIN outlet o ON o.reg_no = j.reg_no");

static struct db_stmt county_outlets = DB_READ(
    "SELECT reg_no, name, address, phone_digits FROM outlet "
    "WHERE region_code LIKE CONCAT(?, '%') ORDER BY id LIMIT 5000");

/* While set, the outlet and category triggers leave outlet_search to the
 * statement below (sql/010_outlet_import.sql). */
static struct db_stmt defer_search = DB_WRITE(
    "SET @outlet_search_deferred = 1, @site_change_deferred = 1");

static struct db_stmt resume_search = DB_WRITE(
    "SET @outlet_search_deferred = NULL, @site_change_deferred = NULL");

/* The import counts once in the change counter (sql/013_site_change.sql)
 * instead of once a row. */
static struct db_stmt count_change = DB_WRITE(
    "INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1) "
    "ON DUPLICATE KEY UPDATE n = n + 1");

static struct db_stmt insert_outlets = DB_WRITE(
    "INSERT INTO outlet (reg_no, name, enterprise_id, mode, region_code, "
    "address, phone, services, status, status_since, registered_on) "
    "SELECT reg_no, name, enterprise_id, mode, region_code, address, phone, "
    "services, 'active', registered_on, registered_on FROM JSON_TABLE(?, "
    "'$[*]' COLUMNS (n FOR ORDINALITY, reg_no VARCHAR(32) PATH '$[0]', "
    "name VARCHAR(100) PATH '$[1]', enterprise_id INT UNSIGNED PATH '$[2]', "
    "mode VARCHAR(16) PATH '$[3]', region_code VARCHAR(12) PATH '$[4]', "
    "address VARCHAR(200) PATH '$[5]', phone VARCHAR(32) PATH '$[6]', "
    "services VARCHAR(64) PATH '$[7]', registered_on DATE PATH '$[8]')) "
    "AS j ORDER BY n");

static struct db_stmt insert_categories = DB_WRITE(
    "INSERT INTO outlet_category (outlet_id, category_code) "
    "SELECT o.id, j.code FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "reg_no VARCHAR(32) PATH '$[0]', code VARCHAR(16) PATH '$[1]')) AS j "
    "JOIN outlet o ON o.reg_no = j.reg_no");

/* The search rows exactly as the triggers of sql/005 make them. */
static struct db_stmt build_search = DB_WRITE(
    "REPLACE INTO outlet_search (outlet_id, body, region_code, status, "
    "enterprise_id, categories) SELECT o.id, CONCAT_WS(' ', o.name, "
    "o.address, e.name, o.reg_no, o.phone_digits), o.region_code, o.status, "
    "o.enterprise_id, CONCAT(',', COALESCE((SELECT GROUP_CONCAT("
    "c.category_code ORDER BY c.category_code) FROM outlet_category c "
    "WHERE c.outlet_id = o.id), ''), ',') FROM JSON_TABLE(?, '$[*]' "
    "COLUMNS (reg_no VARCHAR(32) PATH '$')) AS j "
    "JOIN outlet o ON o.reg_no = j.reg_no "
    "JOIN enterprise e ON e.id = o.enterprise_id");

/* The category summaries as the triggers of sql/014 make them. */
static struct db_stmt build_category_summary = DB_WRITE(
    "REPLACE INTO outlet_category_summary (outlet_id, codes, names) "
    "SELECT oc.outlet_id, GROUP_CONCAT(oc.category_code "
    "ORDER BY oc.category_code), GROUP_CONCAT(c.name ORDER BY c.sort_order, "
    "c.code SEPARATOR '、') FROM JSON_TABLE(?, '$[*]' "
    "COLUMNS (reg_no VARCHAR(32) PATH '$')) AS j "
    "JOIN outlet o ON o.reg_no = j.reg_no "
    "JOIN outlet_category oc ON oc.outlet_id = o.id "
    "JOIN category c ON c.code = oc.category_code GROUP BY oc.outlet_id");

/* Read uncommitted: another import's outlets in the same id range are
 * kept, and their locks are not waited for. */
static struct db_stmt read_uncommitted = DB_WRITE(
    "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");

/* Mroonga does not roll back: search rows of outlets that were not
 * kept. */
static struct db_stmt drop_orphans = DB_WRITE(
    "DELETE FROM outlet_search WHERE outlet_id BETWEEN ? AND ? "
    "AND outlet_id NOT IN (SELECT id FROM outlet WHERE id BETWEEN ? AND ?) "
    "LIMIT 200");

static struct db_stmt export_count = DB_READ(
    "SELECT COUNT(*) FROM outlet WHERE region_code LIKE CONCAT(?, '%') "
    "AND (? = '' OR status = ?)");

static struct db_stmt export_page = DB_READ(
    "SELECT o.id, o.reg_no, o.name, e.name AS enterprise, o.mode, "
    "o.region_code, o.address, o.phone, ocs.names AS categories, "
    "o.services, DATE_FORMAT(o.registered_on, '%Y-%m-%d') AS registered_on "
    "FROM outlet o JOIN enterprise e ON e.id = o.enterprise_id "
    "LEFT JOIN outlet_category_summary ocs ON ocs.outlet_id = o.id "
    "WHERE o.region_code LIKE CONCAT(?, '%') AND (? = '' OR o.status = ?) "
    "AND o.id > ? ORDER BY o.id LIMIT 5000");

/* Strings of one import, freed together. */
struct arena_block {
	struct arena_block	*next;
	size_t			 used, cap;
	char			 data[];
};

/* A string key to a number, open addressing. */
struct strmap {
	const char	**keys;
	size_t		 *vals;
	size_t		  cap, n;
};

/* What a database-backed check said about one value. */
struct verdict {
	const char	*msg[4];
	int		 n;
};

struct import_row {
	size_t		 line;
	const char	*raw[NCOLUMNS];		/* the cells, trimmed */
	const char	*v[NCOLUMNS];		/* as stored: codes, ISO date */
	long long	 enterprise_id;
	int		 bad;
};

struct import_state {
	struct arena_block	*arena;
	char			*text;		/* decoded copy, or NULL */
	struct import_row	*rows;
	size_t			 rows_cap, problems_cap, duplicates_cap;
	struct strmap		 enterprises;	/* name -> id */
	struct strmap		 categories;	/* code or name -> index */
	const char		**category_code;
	size_t			 ncategories;
	struct strmap		 regnos;	/* lowercase -> row */
	struct strmap		 memo;		/* kind + value -> verdict */
	struct verdict		*verdicts;
	size_t			 nverdicts, verdicts_cap;
	int			 nomem;
};

/* Two characters' bytes as one number: the unit of text_similarity. */
struct bigrams {
	uint64_t	*key;		/* sorted */
	size_t		 n;
	uint64_t	 sig;		/* one bit per key, for a quick no */
};

/* One side of a comparison: a file row or an outlet in the database. */
struct candidate {
	size_t		 line;		/* 0: in the database */
	int		 kept;		/* reg_no and name copied to the arena */
	const char	*reg_no, *name, *address;
	char		 phone[32];
	struct bigrams	 name_bg, addr_bg;
};

static void *
arena_alloc(struct import_state *s, size_t n)
{
	struct arena_block	*b = s->arena;
	size_t			 cap;
	void			*p;

	n = (n + 7) & ~(size_t)7;
	if (b == NULL || b->cap - b->used < n) {
		cap = n > 60000 ? n : 60000;
		if ((b = malloc(sizeof(*b) + cap)) == NULL) {
			s->nomem = 1;
			return NULL;
		}
		b->next = s->arena;
		b->used = 0;
		b->cap = cap;
		s->arena = b;
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

static const char *
arena_strndup(struct import_state *s, const char *p, size_t n)
{
	char	*d;

	if ((d = arena_alloc(s, n + 1)) == NULL)
		return "";
	memcpy(d, p, n);
	d[n] = '\0';
	return d;
}

static uint64_t
hash_bytes(const char *p, size_t n)
{
	uint64_t	 h = 14695981039346656037ULL;
	size_t		 i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static size_t
strmap_slot(const struct strmap *m, const char *key)
{
	size_t	 i = (size_t)hash_bytes(key, strlen(key)) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* 1 with *val when key is there, else 0. */
static int
strmap_get(const struct strmap *m, const char *key, size_t *val)
{
	size_t	 i;

	if (m->cap == 0)
		return 0;
	i = strmap_slot(m, key);
	if (m->keys[i] == NULL)
		return 0;
	*val = m->vals[i];
	return 1;
}

/* Adds key (kept by pointer) unless there: 0 added, 1 there (*val set
 * to its number), -1 out of memory. */
static int
strmap_add(struct strmap *m, const char *key, size_t *val)
{
	struct strmap	 bigger;
	size_t		 i;

	if (m->n + 1 > m->cap / 2) {
		bigger.cap = m->cap ? m->cap * 2 : 64;
		bigger.n = 0;
		bigger.keys = calloc(bigger.cap, sizeof(*bigger.keys));
		bigger.vals = calloc(bigger.cap, sizeof(*bigger.vals));
		if (bigger.keys == NULL || bigger.vals == NULL) {
			free(bigger.keys);
			free(bigger.vals);
			return -1;
		}
		for (i = 0; i < m->cap; i++)
			if (m->keys[i] != NULL) {
				size_t j = strmap_slot(&bigger, m->keys[i]);

				bigger.keys[j] = m->keys[i];
				bigger.vals[j] = m->vals[i];
				bigger.n++;
			}
		free(m->keys);
		free(m->vals);
		*m = bigger;
	}
	i = strmap_slot(m, key);
	if (m->keys[i] != NULL) {
		*val = m->vals[i];
		return 1;
	}
	m->keys[i] = key;
	m->vals[i] = *val;
	m->n++;
	return 0;
}

static void
strmap_free(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* Grows a list by one element; NULL when memory runs out. */
static void *
grow(void *list, size_t *cap, size_t n, size_t size)
{
	void	*p;
	size_t	 c;

	if (n < *cap)
		return list;
	c = *cap ? *cap * 2 : 64;
	if ((p = realloc(list, c * size)) == NULL)
		return NULL;
	*cap = c;
	return p;
}

/* The cell cut to SHOWN_CHARS characters for the report. */
static const char *
shown(struct import_state *s, const char *v)
{
	size_t	 i, chars = 0;
	char	*d;

	for (i = 0; v[i] != '\0'; i++)
		if (((unsigned char)v[i] & 0xc0) != 0x80 &&
		    chars++ == SHOWN_CHARS) {
			if ((d = arena_alloc(s, i + 4)) == NULL)
				return "";
			memcpy(d, v, i);
			memcpy(d + i, "…", 4);
			return d;
		}
	return v;
}

static void
add_problem(struct outlet_import *imp, struct import_row *row, int column,
    const char *message)
{
	struct import_state	*s = imp->state;
	struct import_problem	*p;

	if (row != NULL)
		row->bad = 1;
	if ((p = grow(imp->problems, &s->problems_cap, imp->nproblems,
	    sizeof(*p))) == NULL) {
		s->nomem = 1;
		return;
	}
	imp->problems = p;
	p += imp->nproblems++;
	p->line = row != NULL ? row->line : 0;
	p->column = column >= 0 ? columns[column].label : "";
	p->value = row != NULL && column >= 0 ? shown(s, row->raw[column]) : "";
	p->message = arena_strndup(s, message, strlen(message));
}

/* A problem of the whole file (line 0) or of a line without a row. */
static void
file_problem(struct outlet_import *imp, size_t line, const char *message)
{
	struct import_row	 none;

	memset(&none, 0, sizeof(none));
	none.line = line;
	add_problem(imp, &none, -1, message);
}

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
	struct import_state	*s = imp->state;
	struct arena_block	*b, *next;

	free(imp->problems);
	free(imp->duplicates);
	imp->problems = NULL;
	imp->duplicates = NULL;
	imp->nproblems = imp->nduplicates = 0;
	if (s == NULL)
		return;
	for (b = s->arena; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(s->text);
	free(s->rows);
	free(s->category_code);
	free(s->verdicts);
	strmap_free(&s->enterprises);
	strmap_free(&s->categories);
	strmap_free(&s->regnos);
	strmap_free(&s->memo);
	free(s);
	imp->state = NULL;
}

static void
progress(struct outlet_import *imp, const char *stage, size_t done,
    size_t total)
{
	if (imp->progress != NULL)
		imp->progress(imp->progress_arg, stage, done, total);
}

/* ASCII letters folded to lower case, as the database compares codes. */
static const char *
folded(struct import_state *s, const char *v)
{
	size_t	 i, n = strlen(v);
	char	*d;

	if ((d = arena_alloc(s, n + 1)) == NULL)
		return "";
	for (i = 0; i <= n; i++)
		d[i] = v[i] >= 'A' && v[i] <= 'Z' ? (char)(v[i] + 32) : v[i];
	return d;
}

/* Full-width parentheses as ASCII, so 冰箱（含冷柜） names 冰箱(含冷柜). */
static const char *
category_key(struct import_state *s, const char *v)
{
	size_t	 n = strlen(v), i, o = 0;
	char	*d;

	if ((d = arena_alloc(s, n + 1)) == NULL)
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

/* Enterprises by exact name and categories by code or name, once. */
static enum db_status
load_names(struct outlet_import *imp)
{
	struct import_state	*s = imp->state;
	enum db_status		 st;
	HDF			*h, *row;
	const char		*k;
	size_t			 i, v;
	long			 n;

	if (hdf_init(&h) != STATUS_OK)
		return DB_ERROR;
	if ((st = db_query(&all_enterprises, NULL, 0, h, "E", &n)) != DB_OK ||
	    (st = db_query(&all_categories, NULL, 0, h, "C", &n)) != DB_OK)
		goto out;
	for (row = hdf_get_child(h, "E"); row != NULL; row = hdf_obj_next(row)) {
		k = hdf_get_value(row, "name", "");
		v = (size_t)hdf_get_int_value(row, "id", 0);
		if (strmap_add(&s->enterprises, arena_strndup(s, k, strlen(k)),
		    &v) == -1)
			s->nomem = 1;
	}
	if ((s->category_code = calloc((size_t)n + 1, sizeof(char *))) == NULL) {
		st = DB_ERROR;
		goto out;
	}
	for (row = hdf_get_child(h, "C"), i = 0; row != NULL;
	    row = hdf_obj_next(row), i++) {
		k = hdf_get_value(row, "code", "");
		s->category_code[i] = arena_strndup(s, k, strlen(k));
		v = i;
		if (strmap_add(&s->categories, category_key(s, k), &v) == -1 ||
		    strmap_add(&s->categories, category_key(s,
		    hdf_get_value(row, "name", "")), &v) == -1)
			s->nomem = 1;
	}
	s->ncategories = i;
	if (s->nomem)
		st = DB_ERROR;
out:
	hdf_destroy(&h);
	return st;
}


/* The cell cleaned (csv_cell_clean) into the file's arena. */
static const char *
cell(struct import_state *s, const char *v, size_t len)
{
	char	*d;

	if ((d = arena_alloc(s, len + 1)) == NULL)
		return "";
	return csv_cell_clean(v, len, d);
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
code_list(struct import_state *s, const char *v, int categories)
{
	const char	*end = v + strlen(v), *p = v, *item, *code, *list;
	char		*out, *o;
	size_t		 n, k;

	/* An item of one byte may become a code of up to 16 and a comma. */
	if ((out = malloc((strlen(v) + 1) * 17)) == NULL) {
		s->nomem = 1;
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
		code = arena_strndup(s, item, (size_t)(p - item));
		if (categories) {
			if (strmap_get(&s->categories, category_key(s, code), &k))
				code = s->category_code[k];
		} else if ((item = table_code(services, 4, code)) != NULL)
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
	list = arena_strndup(s, out, (size_t)(o - out));
	free(out);
	return list;
}

/* YYYY-MM-DD from YYYY-M-D, YYYY/M/D, YYYY.M.D or YYYY年M月D日, with an
 * empty time a spreadsheet may add ("2009/3/1 0:00"); else v as it is. */
static const char *
iso_date(struct import_state *s, const char *v)
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
	if (*p != '\0' || (d = arena_alloc(s, 11)) == NULL)
		return v;
	snprintf(d, 11, "%04u-%02u-%02u", part[0] % 10000, part[1] % 100,
	    part[2] % 100);
	return d;
}

/* Collects outlet_record_check's complaints for one row. */
struct row_check {
	struct outlet_import	*imp;
	struct import_row	*row;
	const char		*only;		/* a probe keeps this field */
	struct verdict		*verdict;
};

static int
column_of(const char *field)
{
	int	 i;

	for (i = 0; i < NCOLUMNS; i++)
		if (strcmp(field, columns[i].key) == 0)
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
	add_problem(rc->imp, rc->row, column_of(field), message);
}

static void
probe_error(void *arg, const char *field, const char *message)
{
	struct row_check	*rc = arg;
	struct verdict		*v = rc->verdict;

	if (strcmp(field, rc->only) == 0 && v->n < 4)
		v->msg[v->n++] = arena_strndup(rc->imp->state, message,
		    strlen(message));
}

/* What outlet_record_check says about one database-backed field of the
 * row, asked once per distinct value. */
static enum db_status
probe(struct outlet_import *imp, struct import_row *row, int column,
    const struct outlet_record *base)
{
	struct import_state	*s = imp->state;
	struct outlet_record	 r = *base;
	struct row_check	 rc;
	struct verdict		*v;
	enum db_status		 st;
	char			*key, id[24];
	size_t			 i, n;
	int			 k;

	snprintf(id, sizeof(id), "%lld", row->enterprise_id);
	n = strlen(row->v[column]) + 24;
	if ((key = arena_alloc(s, n)) == NULL)
		return DB_ERROR;
	snprintf(key, n, "%d:%s", column, column == C_ENTERPRISE ? id :
	    row->v[column]);
	i = s->nverdicts;
	if ((k = strmap_add(&s->memo, key, &i)) == -1)
		return DB_ERROR;
	if (k == 0) {
		if ((v = grow(s->verdicts, &s->verdicts_cap, s->nverdicts,
		    sizeof(*v))) == NULL)
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
		rc.imp = imp;
		rc.row = row;
		rc.only = columns[column].key;
		rc.verdict = v;
		if ((st = outlet_record_check(&r, imp->limit, probe_error,
		    &rc)) != DB_OK)
			return st;
	}
	v = &s->verdicts[i];
	for (k = 0; k < v->n; k++)
		add_problem(imp, row, column, v->msg[k]);
	return DB_OK;
}

/* Maps and checks one data record. */
static enum db_status
check_row(struct outlet_import *imp, const struct csv_reader *r,
    const int *map, size_t nmap)
{
	struct import_state	*s = imp->state;
	struct import_row	*row;
	struct outlet_record	 rec;
	struct row_check	 rc;
	enum db_status		 st;
	const char		*v, *code;
	char			 msg[160];
	size_t			 i, other;
	int			 c;

	if ((row = grow(s->rows, &s->rows_cap, imp->rows, sizeof(*row))) ==
	    NULL)
		return DB_ERROR;
	s->rows = row;
	row += imp->rows++;
	memset(row, 0, sizeof(*row));
	row->line = r->line;
	for (c = 0; c < NCOLUMNS; c++)
		row->raw[c] = "";
	for (i = 0; i < r->nfields; i++) {
		v = cell(s, r->fields[i], r->field_len[i]);
		if (i < nmap && map[i] >= 0)
			row->raw[map[i]] = v;
		else if (v[0] != '\0') {
			snprintf(msg, sizeof(msg), "第 %zu 列没有列名，无法识别：%s",
			    i + 1, shown(s, v));
			add_problem(imp, row, -1, msg);
		}
	}
	memcpy(row->v, row->raw, sizeof(row->v));
	for (c = 0; c < NCOLUMNS; c++)
		if (utf8_has_controls(row->raw[c], strlen(row->raw[c]), 0))
			add_problem(imp, row, c, "不能含有换行或其他控制字符");
	if ((code = table_code(modes, 4, row->raw[C_MODE])) != NULL)
		row->v[C_MODE] = code;
	row->v[C_CATEGORIES] = code_list(s, row->raw[C_CATEGORIES], 1);
	row->v[C_SERVICES] = code_list(s, row->raw[C_SERVICES], 0);
	row->v[C_REGISTERED] = iso_date(s, row->raw[C_REGISTERED]);
	if (row->raw[C_ENTERPRISE][0] == '\0')
		add_problem(imp, row, C_ENTERPRISE, "请填写中标销售企业的名称");
	else if (strmap_get(&s->enterprises, row->raw[C_ENTERPRISE], &other))
		row->enterprise_id = (long long)other;
	else
		add_problem(imp, row, C_ENTERPRISE,
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
	rc.imp = imp;
	rc.row = row;
	if ((st = outlet_record_check(&rec, imp->limit, plain_error, &rc)) !=
	    DB_OK)
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
		other = (size_t)(row - s->rows);
		if (strmap_add(&s->regnos, folded(s, row->v[C_REGNO]), &other) ==
		    1) {
			snprintf(msg, sizeof(msg), "备案编号与第 %zu 行重复",
			    s->rows[other].line);
			add_problem(imp, row, C_REGNO, msg);
		}
	}
	return s->nomem ? DB_ERROR : DB_OK;
}

/* A record the reader skipped: a row of the file, and a bad one. */
static enum db_status
skipped_row(struct outlet_import *imp, size_t line, const char *message)
{
	struct import_state	*s = imp->state;
	struct import_row	*row;
	int			 c;

	if ((row = grow(s->rows, &s->rows_cap, imp->rows, sizeof(*row))) ==
	    NULL)
		return DB_ERROR;
	s->rows = row;
	row += imp->rows++;
	memset(row, 0, sizeof(*row));
	row->line = line;
	for (c = 0; c < NCOLUMNS; c++)
		row->raw[c] = row->v[c] = "";
	add_problem(imp, row, -1, message);
	return DB_OK;
}

/* Maps each field of the header to a column; 0, or -1 when the header
 * is unusable (the problems say why). */
static int
read_header(struct outlet_import *imp, const struct csv_reader *r, int *map,
    size_t *nmap)
{
	struct import_state	*s = imp->state;
	const char		*v;
	char			 msg[512];
	int			 seen[NCOLUMNS], c, bad = 0;
	size_t			 i;

	memset(seen, 0, sizeof(seen));
	*nmap = r->nfields;
	for (i = 0; i < r->nfields; i++) {
		map[i] = -1;
		v = cell(s, r->fields[i], r->field_len[i]);
		if (v[0] == '\0')
			continue;
		for (c = 0; c < NCOLUMNS; c++)
			if (strcmp(v, columns[c].label) == 0 ||
			    strcasecmp(v, columns[c].key) == 0)
				break;
		if (c == NCOLUMNS) {
			snprintf(msg, sizeof(msg), "表头第 %zu 列“%s”不是可识别的列名",
			    i + 1, shown(s, v));
			file_problem(imp, r->line, msg);
			bad = 1;
		} else if (seen[c]++) {
			snprintf(msg, sizeof(msg), "表头中“%s”出现了两次",
			    columns[c].label);
			file_problem(imp, r->line, msg);
			bad = 1;
		} else
			map[i] = c;
	}
	msg[0] = '\0';
	for (c = 0; c < NCOLUMNS; c++)
		if (!seen[c]) {
			strcat(msg, msg[0] ? "、" : "表头缺少这些列：");
			strcat(msg, columns[c].label);
		}
	if (msg[0] != '\0') {
		strcat(msg, "。第一行须为列名：备案编号、店名、中标销售企业、"
		    "经营方式、乡镇代码、地址、电话、经营类别、服务、登记日期");
		file_problem(imp, r->line, msg);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* 1 when every field is blank (a spreadsheet's empty row). */
static int
blank_record(const struct csv_reader *r)
{
	size_t	 i, j;

	for (i = 0; i < r->nfields; i++)
		for (j = 0; j < r->field_len[i]; j++)
			if (r->fields[i][j] != ' ' && r->fields[i][j] != '\t')
				return 0;
	return 1;
}

/* The text as UTF-8 without a BOM (csv_text.h). NULL when it is not
 * text (a problem says so) or memory ran out. */
static const char *
decode(struct outlet_import *imp, const char *data, size_t *len)
{
	struct csv_text		 t;
	enum csv_text_status	 st;

	if ((st = csv_text_decode(&t, data, *len)) != CSV_TEXT_OK) {
		if (st == CSV_TEXT_NOMEM)
			imp->state->nomem = 1;
		else
			file_problem(imp, 0, csv_text_message(st));
		return NULL;
	}
	imp->state->text = t.owned;
	imp->encoding = t.encoding;
	*len = t.len;
	return t.text;
}

/* Refuses the registration numbers of list that are taken. */
static enum db_status
taken_batch(struct outlet_import *imp, json_t *list)
{
	struct import_state	*s = imp->state;
	enum db_status		 st;
	struct db_arg		 a;
	char			*text, msg[256];
	HDF			*h, *hit;
	size_t			 k;
	long			 n;

	if ((text = json_dumps(list, JSON_COMPACT)) == NULL)
		return DB_ERROR;
	if (hdf_init(&h) != STATUS_OK) {
		free(text);
		return DB_ERROR;
	}
	a = DB_TEXT(text);
	st = db_query(&regnos_taken, &a, 1, h, "T", &n);
	for (hit = st == DB_OK ? hdf_get_child(h, "T") : NULL; hit != NULL;
	    hit = hdf_obj_next(hit)) {
		if (!strmap_get(&s->regnos, folded(s, hdf_get_value(hit,
		    "reg_no", "")), &k))
			continue;
		snprintf(msg, sizeof(msg), "备案编号已登记：%s %s",
		    hdf_get_value(hit, "reg_no", ""), hdf_get_value(hit, "name",
		    ""));
		add_problem(imp, &s->rows[k], C_REGNO, msg);
	}
	hdf_destroy(&h);
	free(text);
	return st;
}

/* Refuses registration numbers already in the database, a batch of
 * rows at a time. */
static enum db_status
check_taken(struct outlet_import *imp)
{
	struct import_state	*s = imp->state;
	enum db_status		 st = DB_OK;
	json_t			*list;
	const char		*v;
	size_t			 i;

	if ((list = json_array()) == NULL)
		return DB_ERROR;
	for (i = 0; i < imp->rows && st == DB_OK; i++) {
		v = s->rows[i].v[C_REGNO];
		if (v[0] == '\0' || strlen(v) > 32)
			continue;
		json_array_append_new(list, json_string(v));
		if (json_array_size(list) < IMPORT_LOOKUP_BATCH)
			continue;
		st = taken_batch(imp, list);
		json_array_clear(list);
	}
	if (st == DB_OK && json_array_size(list) > 0)
		st = taken_batch(imp, list);
	json_decref(list);
	return st;
}

/* Bigram keys of s exactly as text_similarity cuts them, sorted. */
static int
key_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int
make_bigrams(struct import_state *s, const char *text, struct bigrams *bg)
{
	const char	*chars[256], *a, *b;
	size_t		 n = 0, i, len = strlen(text);
	uint64_t	 k;

	for (i = 0; i < len && n < 256; i++)
		if (((unsigned char)text[i] & 0xc0) != 0x80)
			chars[n++] = text + i;
	bg->n = n > 1 ? n - 1 : 0;
	bg->sig = 0;
	if ((bg->key = arena_alloc(s, (bg->n + 1) * sizeof(uint64_t))) ==
	    NULL)
		return -1;
	for (i = 0; i < bg->n; i++) {
		a = chars[i];
		b = i + 2 < n ? chars[i + 2] : text + len;
		/* Up to 8 bytes (no NUL inside) pack exactly; longer ones
		 * are hashed, and every match is confirmed anyway. */
		k = 0;
		if (b - a <= 8)
			memcpy(&k, a, (size_t)(b - a));
		else
			k = hash_bytes(a, (size_t)(b - a));
		bg->key[i] = k;
		bg->sig |= 1ULL << ((k * 0x9e3779b97f4a7c15ULL) >> 58);
	}
	qsort(bg->key, bg->n, sizeof(uint64_t), key_cmp);
	return 0;
}

/* text_similarity(a, b) >= OUTLET_SIMILAR, with the bigram counts
 * compared first so that most pairs cost a merge of two short lists. */
static int
alike(const char *a, const struct bigrams *x, const char *b,
    const struct bigrams *y)
{
	size_t	 i = 0, j = 0, common = 0, small, can_x, can_y;

	if (strcmp(a, b) == 0)
		return a[0] != '\0';
	if (x->n == 0 || y->n == 0)
		return 0;
	small = x->n < y->n ? x->n : y->n;
	if (2.0 * (double)small < OUTLET_SIMILAR * (double)(x->n + y->n))
		return 0;
	/* A bit one side has and the other lacks is a bigram not shared:
	 * fewer can be in common than the rest. */
	can_x = x->n - (size_t)__builtin_popcountll(x->sig & ~y->sig);
	can_y = y->n - (size_t)__builtin_popcountll(y->sig & ~x->sig);
	small = can_x < can_y ? can_x : can_y;
	if (2.0 * (double)small < OUTLET_SIMILAR * (double)(x->n + y->n))
		return 0;
	while (i < x->n && j < y->n) {
		if (x->key[i] == y->key[j]) {
			common++;
			i++;
			j++;
		} else if (x->key[i] < y->key[j])
			i++;
		else
			j++;
	}
	if (2.0 * (double)common < OUTLET_SIMILAR * (double)(x->n + y->n))
		return 0;
	return text_similarity(a, b) >= OUTLET_SIMILAR;
}

/* Why two outlets look like one shop, in outlet_record_duplicates'
 * order, or NULL. */
static const char *
why_alike(const struct candidate *a, const struct candidate *b)
{
	if (a->phone[0] != '\0' && strcmp(a->phone, b->phone) == 0)
		return "电话相同";
	if (alike(a->name, &a->name_bg, b->name, &b->name_bg))
		return "店名相近";
	if (alike(a->address, &a->addr_bg, b->address, &b->addr_bg))
		return "地址相近";
	return NULL;
}

static int
add_duplicate(struct outlet_import *imp, const struct candidate *row,
    const struct candidate *other, const char *why)
{
	struct import_state	*s = imp->state;
	struct import_duplicate	*d;

	if ((d = grow(imp->duplicates, &s->duplicates_cap, imp->nduplicates,
	    sizeof(*d))) == NULL)
		return -1;
	imp->duplicates = d;
	d += imp->nduplicates++;
	d->line = row->line;
	d->reg_no = row->reg_no;
	d->name = row->name;
	d->other_line = other->line;
	d->other_reg_no = other->reg_no;
	d->other_name = other->name;
	d->why = why;
	return 0;
}

static int
by_county(const void *a, const void *b)
{
	const struct import_row *x = *(struct import_row *const *)a;
	const struct import_row *y = *(struct import_row *const *)b;
	int	 c = strncmp(x->v[C_REGION], y->v[C_REGION], 6);

	return c != 0 ? c : x->line < y->line ? -1 : x->line > y->line;
}

/* Compares the good rows of one county with its outlets in the database
 * and with each other. */
static enum db_status
county_duplicates(struct outlet_import *imp, struct import_row **rows,
    size_t n)
{
	struct import_state	*s = imp->state;
	struct candidate	*c = NULL;
	enum db_status		 st;
	struct db_arg		 a;
	char			 county[7];
	HDF			*h, *o;
	size_t			 i, j, ndb = 0, found;
	long			 nrows;
	const char		*why;

	snprintf(county, sizeof(county), "%.6s", rows[0]->v[C_REGION]);
	if (hdf_init(&h) != STATUS_OK)
		return DB_ERROR;
	a = DB_TEXT(county);
	if ((st = db_query(&county_outlets, &a, 1, h, "O", &nrows)) != DB_OK)
		goto out;
	st = DB_ERROR;
	if ((c = calloc((size_t)nrows + n, sizeof(*c))) == NULL)
		goto out;
	for (o = hdf_get_child(h, "O"); o != NULL; o = hdf_obj_next(o), ndb++) {
		c[ndb].reg_no = hdf_get_value(o, "reg_no", "");
		c[ndb].name = hdf_get_value(o, "name", "");
		c[ndb].address = hdf_get_value(o, "address", "");
		snprintf(c[ndb].phone, sizeof(c[ndb].phone), "%s",
		    hdf_get_value(o, "phone_digits", ""));
		if (make_bigrams(s, c[ndb].name, &c[ndb].name_bg) == -1 ||
		    make_bigrams(s, c[ndb].address, &c[ndb].addr_bg) == -1)
			goto out;
	}
	for (i = 0; i < n; i++) {
		struct candidate *me = &c[ndb + i];

		me->line = rows[i]->line;
		me->reg_no = rows[i]->v[C_REGNO];
		me->name = rows[i]->v[C_NAME];
		me->address = rows[i]->v[C_ADDRESS];
		search_phone_digits(me->phone, sizeof(me->phone),
		    rows[i]->v[C_PHONE]);
		if (make_bigrams(s, me->name, &me->name_bg) == -1 ||
		    make_bigrams(s, me->address, &me->addr_bg) == -1)
			goto out;
		/* The outlets registered, then the rows above this one. */
		found = 0;
		for (j = 0; j < ndb + i && found < DUPLICATES_PER_ROW; j++) {
			if ((why = why_alike(me, &c[j])) == NULL)
				continue;
			if (c[j].line == 0 && !c[j].kept) {
				c[j].kept = 1;
				c[j].reg_no = arena_strndup(s, c[j].reg_no,
				    strlen(c[j].reg_no));
				c[j].name = arena_strndup(s, c[j].name,
				    strlen(c[j].name));
			}
			if (add_duplicate(imp, me, &c[j], why) == -1)
				goto out;
			found++;
		}
		if (found > 0)
			imp->duplicate_rows++;
	}
	st = s->nomem ? DB_ERROR : DB_OK;
out:
	free(c);
	hdf_destroy(&h);
	return st;
}

static int
by_line(const void *a, const void *b)
{
	const struct import_duplicate *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->other_line < y->other_line ? -1 : x->other_line >
	    y->other_line;
}

static enum db_status
find_duplicates(struct outlet_import *imp)
{
	struct import_state	 *s = imp->state;
	struct import_row	**good;
	enum db_status		  st = DB_OK;
	size_t			  i, n = 0, start;

	if ((good = calloc(imp->rows + 1, sizeof(*good))) == NULL)
		return DB_ERROR;
	for (i = 0; i < imp->rows; i++)
		if (!s->rows[i].bad)
			good[n++] = &s->rows[i];
	qsort(good, n, sizeof(*good), by_county);
	for (start = 0, i = 1; i <= n && st == DB_OK; i++) {
		if (i < n && strncmp(good[i]->v[C_REGION],
		    good[start]->v[C_REGION], 6) == 0)
			continue;
		st = county_duplicates(imp, good + start, i - start);
		if (i / PROGRESS_EVERY != start / PROGRESS_EVERY || i == n)
			progress(imp, "查重", i, n);
		start = i;
	}
	free(good);
	if (imp->nduplicates > 1)
		qsort(imp->duplicates, imp->nduplicates,
		    sizeof(*imp->duplicates), by_line);
	return st;
}

/* A problem's column as a number: the whole row (-1) first. */
static int
column_rank(const char *label)
{
	int	 c;

	for (c = 0; c < NCOLUMNS; c++)
		if (label == columns[c].label)
			return c;
	return -1;
}

static int
by_problem_line(const void *a, const void *b)
{
	const struct import_problem *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return column_rank(x->column) - column_rank(y->column);
}

enum db_status
outlet_import_check(struct outlet_import *imp, const char *data, size_t len)
{
	struct import_state	*s;
	struct csv_reader	 r;
	enum csv_read_status	 rs;
	enum db_status		 st = DB_OK;
	const char		*text;
	int			 map[IMPORT_MAX_FIELDS], have_header = 0;
	size_t			 nmap = 0, i;
	char			 msg[256];

	if ((s = imp->state = calloc(1, sizeof(*s))) == NULL)
		return DB_ERROR;
	if (len == 0) {
		file_problem(imp, 0, "文件是空的");
		return DB_OK;
	}
	if (len > OUTLET_IMPORT_MAX_BYTES) {
		file_problem(imp, 0, "文件太大，最大 9 MB：请分成几个文件导入");
		return DB_OK;
	}
	if ((text = decode(imp, data, &len)) == NULL)
		return s->nomem || imp->nproblems == 0 ? DB_ERROR : DB_OK;
	if ((st = load_names(imp)) != DB_OK)
		return st;
	if (csv_reader_init(&r, text, len, &read_limits) == -1)
		return DB_ERROR;
	while (st == DB_OK && (rs = csv_read_record(&r)) != CSV_READ_END) {
		if (rs == CSV_READ_OK && blank_record(&r))
			continue;
		if (rs == CSV_READ_NOMEM) {
			st = DB_ERROR;
			break;
		}
		if (!have_header) {
			have_header = 1;
			if (rs != CSV_READ_OK || read_header(imp, &r, map,
			    &nmap) == -1) {
				if (rs != CSV_READ_OK)
					file_problem(imp, r.line,
					    csv_read_message(rs));
				break;
			}
			continue;
		}
		if (imp->rows >= OUTLET_IMPORT_MAX_ROWS) {
			snprintf(msg, sizeof(msg), "超过 %d 行：一次最多导入 %d 行，"
			    "请分成几个文件", OUTLET_IMPORT_MAX_ROWS,
			    OUTLET_IMPORT_MAX_ROWS);
			file_problem(imp, r.line, msg);
			break;
		}
		if (rs >= CSV_READ_TOO_MANY_RECORDS) {
			file_problem(imp, r.line, csv_read_message(rs));
			break;
		}
		if (rs != CSV_READ_OK) {
			snprintf(msg, sizeof(msg), "%s（每行最多 %zu 字节、%zu 列，"
			    "每项最多 %zu 字节）", csv_read_message(rs),
			    read_limits.max_record, read_limits.max_fields,
			    read_limits.max_field);
			st = skipped_row(imp, r.line, msg);
			continue;
		}
		st = check_row(imp, &r, map, nmap);
		if (imp->rows % PROGRESS_EVERY == 0)
			progress(imp, "检查", imp->rows, 0);
	}
	csv_reader_free(&r);
	if (st != DB_OK)
		return st;
	if (have_header == 0)
		file_problem(imp, 0, "文件里没有内容");
	else if (imp->rows == 0 && imp->nproblems == 0)
		file_problem(imp, 0, "文件只有表头，没有网点");
	if (imp->rows > 0 && (st = check_taken(imp)) != DB_OK)
		return st;
	for (i = 0; i < imp->rows; i++)
		imp->good += !s->rows[i].bad;
	if (imp->good > 0 && (st = find_duplicates(imp)) != DB_OK)
		return st;
	/* Problems found per column and per batch: put them in line order. */
	if (imp->nproblems > 1)
		qsort(imp->problems, imp->nproblems, sizeof(*imp->problems),
		    by_problem_line);
	return s->nomem ? DB_ERROR : DB_OK;
}

int
outlet_import_ready(const struct outlet_import *imp, int confirm)
{
	return imp->state != NULL && imp->rows > 0 && imp->nproblems == 0 &&
	    imp->good == imp->rows && (imp->duplicate_rows == 0 || confirm);
}

/* Search rows of outlets from first to last that were rolled back, 200
 * a round: Mroonga takes a few milliseconds a row. */
static void
drop_search_orphans(unsigned long long first, unsigned long long last)
{
	struct db_arg		 a[4];
	unsigned long long	 n;

	a[0] = a[2] = DB_INT((long long)first);
	a[1] = a[3] = DB_INT((long long)last);
	do {
		n = 0;
		if (db_exec(&read_uncommitted, NULL, 0, NULL, NULL) != DB_OK ||
		    db_exec(&drop_orphans, a, 4, &n, NULL) != DB_OK)
			return;
	} while (n == 200);
}

/* Sends one batch: the outlets and their categories. */
static enum db_status
save_batch(json_t *outlets, json_t *categories, size_t expected,
    unsigned long long *first, unsigned long long *last)
{
	char			*t[2];
	struct db_arg		 a;
	unsigned long long	 affected = 0, id = 0;
	enum db_status		 st = DB_ERROR;

	t[0] = json_dumps(outlets, JSON_COMPACT);
	t[1] = json_dumps(categories, JSON_COMPACT);
	if (t[0] == NULL || t[1] == NULL)
		goto out;
	a = DB_TEXT(t[0]);
	if ((st = db_exec(&insert_outlets, &a, 1, &affected, &id)) != DB_OK)
		goto out;
	if (affected != expected) {
		st = DB_ERROR;
		goto out;
	}
	if (*first == 0 || id < *first)
		*first = id;
	if (id + affected - 1 > *last)
		*last = id + affected - 1;
	a = DB_TEXT(t[1]);
	if (json_array_size(categories) > 0)
		st = db_exec(&insert_categories, &a, 1, NULL, NULL);
out:
	free(t[0]);
	free(t[1]);
	return st;
}

/* The search and category summary rows of one batch's registration
 * numbers. */
static enum db_status
search_batch(json_t *regnos)
{
	struct db_arg	 a;
	enum db_status	 st;
	char		*t;

	if ((t = json_dumps(regnos, JSON_COMPACT)) == NULL)
		return DB_ERROR;
	a = DB_TEXT(t);
	st = db_exec(&build_search, &a, 1, NULL, NULL);
	if (st == DB_OK)
		st = db_exec(&build_category_summary, &a, 1, NULL, NULL);
	free(t);
	return st;
}

/* A job's figure: rows written count half, their search rows the other
 * half, as the two take about as long. */
static enum db_status
job_progress(struct outlet_import *imp, size_t searched)
{
	if (imp->job == 0)
		return DB_OK;
	return import_job_progress(imp->job, (imp->imported + searched) / 2);
}

enum db_status
outlet_import_save(struct outlet_import *imp, int confirm,
    const struct staff_user *user, const char *username, const char *address,
    const char *filename)
{
	struct import_state	*s = imp->state;
	struct import_row	*row;
	json_t			*outlets = NULL, *cats = NULL, *regs = NULL;
	json_t			*batches;
	unsigned long long	 first = 0, last = 0;
	enum db_status		 st;
	const char		*p;
	char			 code[17];
	size_t			 i, len, batch = 0, searched = 0;

	if (!outlet_import_ready(imp, confirm))
		return DB_ERROR;
	if ((batches = json_array()) == NULL)
		return DB_ERROR;
	if ((st = db_begin()) != DB_OK) {
		json_decref(batches);
		return st;
	}
	/* Every outlet first, then every search row: Mroonga does not roll
	 * back, and a registration number taken meanwhile stops the first
	 * part, so a failed import seldom leaves search rows behind. */
	st = db_exec(&defer_search, NULL, 0, NULL, NULL);
	for (i = 0; i < imp->rows && st == DB_OK; i++) {
		row = &s->rows[i];
		if (outlets == NULL && ((outlets = json_array()) == NULL ||
		    (cats = json_array()) == NULL || (regs = json_array()) ==
		    NULL || json_array_append(batches, regs) == -1)) {
			st = DB_ERROR;
			break;
		}
		json_array_append_new(outlets, json_pack("[s,s,I,s,s,s,s,s,s]",
		    row->v[C_REGNO], row->v[C_NAME],
		    (json_int_t)row->enterprise_id, row->v[C_MODE],
		    row->v[C_REGION], row->v[C_ADDRESS], row->v[C_PHONE],
		    row->v[C_SERVICES], row->v[C_REGISTERED]));
		json_array_append_new(regs, json_string(row->v[C_REGNO]));
		for (p = row->v[C_CATEGORIES]; *p != '\0'; p += len +
		    (p[len] == ',')) {
			len = strcspn(p, ",");
			snprintf(code, sizeof(code), "%.*s", (int)len, p);
			json_array_append_new(cats, json_pack("[s,s]",
			    row->v[C_REGNO], code));
		}
		if (++batch < IMPORT_BATCH && i + 1 < imp->rows)
			continue;
		st = save_batch(outlets, cats, batch, &first, &last);
		json_decref(outlets);
		json_decref(cats);
		json_decref(regs);
		outlets = cats = regs = NULL;
		imp->imported += batch;
		batch = 0;
		if (imp->imported % PROGRESS_EVERY == 0 || i + 1 == imp->rows)
			progress(imp, "写入", imp->imported, imp->rows);
		if (st == DB_OK)
			st = job_progress(imp, 0);
	}
	json_decref(outlets);
	json_decref(cats);
	json_decref(regs);
	for (i = 0; i < json_array_size(batches) && st == DB_OK; i++) {
		regs = json_array_get(batches, i);
		if ((st = search_batch(regs)) != DB_OK)
			break;
		searched += json_array_size(regs);
		if (searched % PROGRESS_EVERY == 0 || searched == imp->rows)
			progress(imp, "搜索", searched, imp->rows);
		st = job_progress(imp, searched);
	}
	json_decref(batches);
	if (st == DB_OK)
		st = audit_write(user, username, address, "outlet_import",
		    "outlet", 0, NULL, json_pack("{s:s,s:s,s:I,s:I,s:I}",
		    "file", filename, "encoding", imp->encoding, "rows",
		    (json_int_t)imp->rows, "imported", (json_int_t)imp->imported,
		    "likely_duplicates_confirmed",
		    (json_int_t)imp->duplicate_rows));
	if (st == DB_OK)
		st = db_exec(&count_change, NULL, 0, NULL, NULL);
	if (st == DB_OK && imp->job != 0)
		st = import_job_done(imp->job, imp->imported);
	/* The session goes back to the triggers whatever happened. */
	if (st != DB_DOWN)
		db_exec(&resume_search, NULL, 0, NULL, NULL);
	if ((st = db_finish(st)) != DB_OK) {
		imp->imported = 0;
		/* A job's sweep does it once the job shows as failed. */
		if (first > 0 && st != DB_DOWN && imp->job == 0)
			drop_search_orphans(first, last);
	}
	return st;
}

void
outlet_import_to_hdf(const struct outlet_import *imp, HDF *hdf,
    const char *prefix, size_t max)
{
	const struct import_problem	*p;
	const struct import_duplicate	*d;
	char				 name[128];
	size_t				 i;

#define SET(field, value) do {						\
	snprintf(name, sizeof(name), "%s." field, prefix);		\
	hset(hdf, name, (value));					\
} while (0)
#define SETI(field, value) do {						\
	snprintf(name, sizeof(name), "%s." field, prefix);		\
	hseti(hdf, name, (long long)(value));				\
} while (0)
	SET("encoding", imp->encoding);
	SETI("rows", imp->rows);
	SETI("good", imp->good);
	SETI("bad", imp->rows - imp->good);
	SETI("duplicate_rows", imp->duplicate_rows);
	SETI("imported", imp->imported);
	SETI("problems_total", imp->nproblems);
	SETI("duplicates_total", imp->nduplicates);
	for (i = 0; i < imp->nproblems && i < max; i++) {
		p = &imp->problems[i];
		snprintf(name, sizeof(name), "%s.problems.%zu.line", prefix, i);
		hseti(hdf, name, (long long)p->line);
		snprintf(name, sizeof(name), "%s.problems.%zu.column", prefix, i);
		hset(hdf, name, p->column);
		snprintf(name, sizeof(name), "%s.problems.%zu.value", prefix, i);
		hset(hdf, name, p->value);
		snprintf(name, sizeof(name), "%s.problems.%zu.message", prefix, i);
		hset(hdf, name, p->message);
	}
	for (i = 0; i < imp->nduplicates && i < max; i++) {
		d = &imp->duplicates[i];
		snprintf(name, sizeof(name), "%s.duplicates.%zu.line", prefix, i);
		hseti(hdf, name, (long long)d->line);
		snprintf(name, sizeof(name), "%s.duplicates.%zu.reg_no", prefix, i);
		hset(hdf, name, d->reg_no);
		snprintf(name, sizeof(name), "%s.duplicates.%zu.name", prefix, i);
		hset(hdf, name, d->name);
		snprintf(name, sizeof(name), "%s.duplicates.%zu.other_line",
		    prefix, i);
		hseti(hdf, name, (long long)d->other_line);
		snprintf(name, sizeof(name), "%s.duplicates.%zu.other_reg_no",
		    prefix, i);
		hset(hdf, name, d->other_reg_no);
		snprintf(name, sizeof(name), "%s.duplicates.%zu.other_name",
		    prefix, i);
		hset(hdf, name, d->other_name);
		snprintf(name, sizeof(name), "%s.duplicates.%zu.why", prefix, i);
		hset(hdf, name, d->why);
	}
#undef SET
#undef SETI
}

enum db_status
outlet_export_count(const char *region, const char *status, long long *n)
{
	struct db_arg	 a[] = { DB_TEXT(region), DB_TEXT(status),
	    DB_TEXT(status) };

	return db_query_int(&export_count, a, 3, n);
}

/* Chinese names for a stored comma-separated list, joined by 、. */
static void
names_of(char *out, size_t len, const char *list,
    const char *const (*table)[2], size_t n)
{
	const char	*p;
	size_t		 k, i, o = 0;

	out[0] = '\0';
	for (p = list; *p != '\0'; p += k + (p[k] == ',')) {
		k = strcspn(p, ",");
		for (i = 0; i < n; i++)
			if (strlen(table[i][1]) == k &&
			    strncmp(table[i][1], p, k) == 0)
				break;
		o += (size_t)snprintf(out + o, len - o, "%s%.*s", o ? "、" : "",
		    i < n ? (int)strlen(table[i][0]) : (int)k,
		    i < n ? table[i][0] : p);
		if (o >= len)
			return;
	}
}

enum db_status
outlet_export_csv(struct buf *out, const char *region, const char *status,
    long long *rows)
{
	struct db_arg	 a[4];
	enum db_status	 st = DB_OK;
	struct csv	 csv;
	long long	 after = 0;
	char		 text[128];
	HDF		*h, *o;
	long		 n;
	int		 c;

	*rows = 0;
	buf_adds(out, CSV_BOM);
	csv_init(&csv, out);
	for (c = 0; c < NCOLUMNS; c++)
		csv_text(&csv, columns[c].label);
	csv_end(&csv);
	do {
		if (hdf_init(&h) != STATUS_OK)
			return DB_ERROR;
		a[0] = DB_TEXT(region);
		a[1] = a[2] = DB_TEXT(status);
		a[3] = DB_INT(after);
		st = db_query(&export_page, a, 4, h, "O", &n);
		for (o = st == DB_OK ? hdf_get_child(h, "O") : NULL; o != NULL;
		    o = hdf_obj_next(o)) {
			csv_text(&csv, hdf_get_value(o, "reg_no", ""));
			csv_text(&csv, hdf_get_value(o, "name", ""));
			csv_text(&csv, hdf_get_value(o, "enterprise", ""));
			names_of(text, sizeof(text), hdf_get_value(o, "mode", ""),
			    modes, 3);
			csv_text(&csv, text);
			csv_text(&csv, hdf_get_value(o, "region_code", ""));
			csv_text(&csv, hdf_get_value(o, "address", ""));
			csv_text(&csv, hdf_get_value(o, "phone", ""));
			csv_text(&csv, hdf_get_value(o, "categories", ""));
			names_of(text, sizeof(text), hdf_get_value(o,
			    "services", ""), services, 4);
			csv_text(&csv, text);
			csv_text(&csv, hdf_get_value(o, "registered_on", ""));
			csv_end(&csv);
			after = hdf_get_int_value(o, "id", 0);
			(*rows)++;
		}
		hdf_destroy(&h);
	} while (st == DB_OK && n == EXPORT_PAGE);
	if (st == DB_OK && csv_status(&csv) == -1)
		st = DB_ERROR;
	return st;
}
