/* Product models in bulk: the columns and their checks, models repeated
 * in the file or registered already, the insert one model at a time, and
 * the export. The course of an import is import_run's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/money.h"
#include "base/csv.h"
#include "base/utf8.h"
#include "domain/caps.h"
#include "domain/product.h"
#include "domain/product_record.h"
#include "import/import_job.h"
#include "import/product_import.h"

enum { PC_CATEGORY, PC_BRAND, PC_MAKER, PC_MODEL, PC_SPEC, PC_PRICE,
	PC_BATCH, PC_STATUS, NCOLUMNS };

static const struct import_column columns[NCOLUMNS] = {
	[PC_CATEGORY] = { "类别", "category", 0 },
	[PC_BRAND] = { "品牌", "brand", 0 },
	[PC_MAKER] = { "生产企业", "manufacturer", 0 },
	[PC_MODEL] = { "型号", "model", 0 },
	[PC_SPEC] = { "规格", "spec", 1 },
	[PC_PRICE] = { "中标价", "bid_price", 0 },
	[PC_BATCH] = { "中标批次", "bid_batch", 1 },
	[PC_STATUS] = { "状态", "status", 1 },
};

/* Characters a cell may hold, when it holds any. */
static const struct {
	size_t	 min, max;
} lengths[NCOLUMNS] = {
	[PC_CATEGORY] = { 1, 64 },
	[PC_BRAND] = { 1, PRODUCT_BRAND_MAX },
	[PC_MAKER] = { 2, PRODUCT_MAKER_MAX },
	[PC_MODEL] = { 1, PRODUCT_MODEL_MAX },
	[PC_SPEC] = { 0, PRODUCT_SPEC_MAX },
	[PC_PRICE] = { 1, 32 },
	[PC_BATCH] = { 0, PRODUCT_BATCH_MAX },
	[PC_STATUS] = { 0, 16 },
};

#define HEADER_TEXT	"类别、品牌、生产企业、型号、规格、中标价、中标批次、状态"
#define EXPORT_PAGE	5000

struct product_row {
	struct import_row	 base;
	const char		*category;	/* code */
	const char		*brand_fold;	/* ASCII lower-cased */
	char			 key[PRODUCT_MODEL_MAX * 4 + 1];
	long long		 fen;
	const char		*status;
};

struct product_state {
	struct import_run	 run;
	struct arena_list	 categories;	/* of struct category, in the
						 * run's arena */
};

/* A registered model of the same category and brand with the same key:
 * the same number, or one the model check could not tell apart. */
static struct db_stmt registered = DB_READ(
    "SELECT id, model FROM product WHERE category_code = ? AND brand = ? "
    "AND model_key = ? ORDER BY id LIMIT 1");

static struct db_stmt export_page = DB_READ(
    "SELECT p.id, c.name AS category, p.brand, p.manufacturer, p.model, "
    "p.spec, p.bid_price_fen, p.bid_batch, p.status FROM product p "
    "JOIN category c ON c.code = p.category_code WHERE p.id > ? "
    "ORDER BY p.id LIMIT ?");

static struct product_row *
row_at(struct product_state *s, size_t i)
{
	return (struct product_row *)import_run_row(&s->run, i);
}

static enum db_status
load_categories(struct import_run *run, void *arg)
{
	struct product_state	*s = ((struct product_import *)arg)->state;
	enum domain_status	 ds;

	if ((ds = category_list(&run->arena, &s->categories)) == DOMAIN_OK)
		return DB_OK;
	return ds == DOMAIN_UNAVAILABLE ? DB_DOWN : DB_ERROR;
}

/* The category code for a code or a name; NULL when unknown. */
static const char *
category_code(const struct product_state *s, const char *v)
{
	const struct category	*c = s->categories.item;
	size_t			 i;

	for (i = 0; i < s->categories.n; i++)
		if (strcasecmp(c[i].code, v) == 0 || strcmp(c[i].name, v) == 0)
			return c[i].code;
	return NULL;
}

static const char *
status_code(const char *v)
{
	if (v[0] == '\0' || strcmp(v, "在售") == 0 ||
	    strcasecmp(v, "active") == 0)
		return "active";
	if (strcmp(v, "已撤销") == 0 || strcasecmp(v, "withdrawn") == 0)
		return "withdrawn";
	return NULL;
}

/* Checks each cell's characters; a cell refused is checked no further. */
static void
check_lengths(struct import_run *run, struct import_row *row)
{
	const char	*v, *label;
	size_t		 n;
	int		 c;

	for (c = 0; c < NCOLUMNS; c++) {
		v = row->cell[c];
		n = utf8_chars(v, strlen(v));
		label = columns[c].label;
		if (utf8_has_controls(v, strlen(v), 0))
			import_problem_value(run, row, c, "",
			    "含有不能识别的控制字符");
		else if (n == 0 && !columns[c].optional)
			import_problem(run, row, c, "请填写%s", label);
		else if (n > 0 && n < lengths[c].min)
			import_problem(run, row, c, "%s至少 %zu 个字", label,
			    lengths[c].min);
		else if (n > lengths[c].max)
			import_problem(run, row, c, "%s太长，最多 %zu 个字（现有 "
			    "%zu 个）", label, lengths[c].max, n);
		else
			continue;
		row->cell[c] = "";
	}
}

/* Checks one row as the product form checks a record. */
static enum db_status
check_row(struct import_run *run, struct import_row *base, void *arg)
{
	struct product_state	*s = ((struct product_import *)arg)->state;
	struct product_row	*row = (struct product_row *)base;
	const char		*code;

	check_lengths(run, base);
	if (base->cell[PC_CATEGORY][0] != '\0') {
		if ((code = category_code(s, base->cell[PC_CATEGORY])) == NULL)
			import_problem(run, base, PC_CATEGORY, "没有这个商品类别："
			    "请填写类别名称（如 彩电）或代码（如 tv）");
		else
			row->category = code;
	}
	if (base->cell[PC_MODEL][0] != '\0') {
		product_model_key(row->key, sizeof(row->key),
		    base->cell[PC_MODEL]);
		if (row->key[0] == '\0')
			import_problem(run, base, PC_MODEL,
			    "产品型号须含有字母或数字");
	}
	if (base->cell[PC_PRICE][0] != '\0') {
		if (parse_money_fen(base->cell[PC_PRICE], &row->fen) == -1)
			import_problem(run, base, PC_PRICE, "中标价请填写数字，单位"
			    "为元，最多两位小数，例如 1999 或 1999.50");
		else if (row->fen < 100 || row->fen > PRODUCT_PRICE_MAX_FEN)
			import_problem(run, base, PC_PRICE, "中标价须在 1.00 元到 "
			    "%lld.00 元之间", PRODUCT_PRICE_MAX_FEN / 100);
	}
	if ((row->status = status_code(base->cell[PC_STATUS])) == NULL)
		import_problem(run, base, PC_STATUS,
		    "状态只能是 在售 或 已撤销（不填为在售）");
	row->brand_fold = import_lower(run, base->cell[PC_BRAND]);
	return DB_OK;
}

/* 0 when x and y are the same model of the same category and brand. */
static int
key_cmp(const struct product_row *x, const struct product_row *y)
{
	int	 d;

	if ((d = strcmp(x->category, y->category)) != 0 ||
	    (d = strcmp(x->brand_fold, y->brand_fold)) != 0)
		return d;
	return strcmp(x->key, y->key);
}

static int
by_key(const void *a, const void *b)
{
	const struct product_row *x = *(const void *const *)a;
	const struct product_row *y = *(const void *const *)b;
	int	 d;

	if ((d = key_cmp(x, y)) != 0)
		return d;
	return x->base.line < y->base.line ? -1 : x->base.line > y->base.line;
}

/* A registered model the row would repeat. */
struct registered_read {
	struct import_run	*run;
	struct product_row	*row;
};

static int
refuse_registered(void *arg, const struct db_row *r)
{
	struct registered_read	*k = arg;

	import_problem(k->run, &k->row->base, PC_MODEL, "同一类别、同一品牌下已经"
	    "登记了型号“%s”（产品编号 %s），不能重复登记", db_text(r, "model"),
	    db_text(r, "id"));
	return 0;
}

/* Models repeated in the file, then models registered already. */
static enum db_status
check_file(struct import_run *run, void *arg)
{
	struct product_state	 *s = ((struct product_import *)arg)->state;
	struct product_row	**idx, *r, *p;
	struct registered_read	  k;
	struct db_arg		  a[3];
	enum db_status		  st = DB_OK;
	size_t			  i, j, n = 0;

	if ((idx = calloc(run->nrows + 1, sizeof(*idx))) == NULL)
		return DB_ERROR;
	for (i = 0; i < run->nrows; i++)
		if (!row_at(s, i)->base.bad)
			idx[n++] = row_at(s, i);
	qsort(idx, n, sizeof(*idx), by_key);
	for (i = 1; i < n; i++) {
		r = idx[i];
		if (key_cmp(idx[i - 1], r) != 0)
			continue;
		/* The first row of the key is the earliest line. */
		for (j = i - 1; j > 0 && key_cmp(idx[j - 1], r) == 0; j--)
			continue;
		p = idx[j];
		import_problem(run, &r->base, PC_MODEL, "与文件第 %zu 行（型号“%s”）"
		    "同一类别、同一品牌的型号重复（大小写、空格、“-”和“/”不算区别）",
		    p->base.line, p->base.cell[PC_MODEL]);
	}
	free(idx);
	k.run = run;
	for (i = 0; i < run->nrows && st == DB_OK; i++) {
		r = row_at(s, i);
		if (r->base.bad)
			continue;
		a[0] = DB_TEXT(r->category);
		a[1] = DB_TEXT(r->base.cell[PC_BRAND]);
		a[2] = DB_TEXT(r->key);
		k.row = r;
		st = db_query_each(&registered, a, 3, refuse_registered, &k);
	}
	return st;
}

/* Writes rows [first, first + n), one record at a time as the form
 * does; a model taken meanwhile is said by its line. */
static enum db_status
save_rows(struct import_run *run, size_t first, size_t n, void *arg)
{
	struct product_import	*imp = arg;
	struct product_record	 p;
	struct product_row	*row;
	enum db_status		 st = DB_OK;
	unsigned long long	 id;
	size_t			 i;

	(void)run;
	for (i = first; i < first + n && st == DB_OK; i++) {
		row = row_at(imp->state, i);
		p.category = row->category;
		p.brand = row->base.cell[PC_BRAND];
		p.manufacturer = row->base.cell[PC_MAKER];
		p.model = row->base.cell[PC_MODEL];
		p.spec = row->base.cell[PC_SPEC];
		p.bid_price_fen = row->fen;
		p.bid_batch = row->base.cell[PC_BATCH];
		p.status = row->status;
		if ((st = product_record_create(&p, &id)) == DB_DUPLICATE)
			imp->taken_line = row->base.line;
	}
	return st;
}

static const struct import_kind product_kind = {
	.columns = columns,
	.ncolumns = NCOLUMNS,
	.row_size = sizeof(struct product_row),
	.max_rows = PRODUCT_IMPORT_MAX_ROWS,
	.limits = { 16 * 1024, 64, 4096, PRODUCT_IMPORT_MAX_ROWS * 2 },
	.batch = IMPORT_JOB_STEP,
	.passes = 1,
	.audit_action = "product_import",
	.audit_object = "product",
	.no_content = "文件是空的：第一行须为列名：" HEADER_TEXT "，以下每行一个型号",
	.header_only = "文件只有表头，没有要导入的型号",
	.too_many_rows = "文件超过 %zu 行：请分成几个文件导入",
	.unknown_label = "表头第 %zu 列不是可识别的列名",
	.no_label = "第 %zu 列没有列名，这一列的内容无法导入",
	.prepare = load_categories,
	.check_row = check_row,
	.check_file = check_file,
	.save_rows = save_rows,
};

void
product_import_init(struct product_import *imp)
{
	memset(imp, 0, sizeof(*imp));
	imp->encoding = "";
}

void
product_import_free(struct product_import *imp)
{
	if (imp->state != NULL) {
		import_run_free(&imp->state->run);
		free(imp->state);
	}
	memset(imp, 0, sizeof(*imp));
	imp->encoding = "";
}

enum domain_status
product_import_check(struct product_import *imp, const char *data,
    size_t len)
{
	struct product_state	*s;
	enum db_status		 st;

	if ((s = imp->state = calloc(1, sizeof(*s))) == NULL)
		return DOMAIN_INTERNAL;
	import_run_init(&s->run, &product_kind, NULL, NULL);
	st = import_run_check(&s->run, data, len, imp);
	imp->encoding = s->run.encoding;
	imp->rows = imp->nlist = s->run.nrows;
	imp->good = s->run.good;
	imp->problems = s->run.problems;
	imp->nproblems = s->run.nproblems;
	return domain_of_db(st);
}

int
product_import_ready(const struct product_import *imp)
{
	return imp->state != NULL && import_run_ready(&imp->state->run);
}

enum domain_status
product_import_save(struct product_import *imp,
    const struct staff_user *user, const char *username, const char *address,
    const char *filename)
{
	enum db_status	 st;

	if (!product_import_ready(imp))
		return DOMAIN_INTERNAL;
	st = import_run_save(&imp->state->run, user, username, address,
	    filename, imp->job, NULL, imp);
	imp->imported = imp->state->run.written;
	return domain_of_db(st);
}

struct import_report
product_import_report(const struct product_import *imp)
{
	return import_report_of(imp->encoding, imp->rows, imp->good,
	    imp->imported, imp->problems, imp->nproblems);
}

/* A page of the export as it is written. */
struct export_read {
	struct csv	*csv;
	long long	 last;		/* the id of its last product */
	long long	 n;		/* products on it */
};

/* A product as a line of the export. */
static int
export_row(void *arg, const struct db_row *r)
{
	struct export_read	*p = arg;
	char			 y[32];

	p->last = db_int(r, "id");
	csv_text(p->csv, db_text(r, "category"));
	csv_text(p->csv, db_text(r, "brand"));
	csv_text(p->csv, db_text(r, "manufacturer"));
	csv_text(p->csv, db_text(r, "model"));
	csv_text(p->csv, db_text(r, "spec"));
	yuan_format(y, sizeof(y), db_int(r, "bid_price_fen"));
	csv_text(p->csv, y);
	csv_text(p->csv, db_text(r, "bid_batch"));
	csv_text(p->csv, strcmp(db_text(r, "status"), "withdrawn") == 0 ?
	    "已撤销" : "在售");
	csv_end(p->csv);
	p->n++;
	return 0;
}

enum domain_status
product_export_csv(struct buf *out, long long *rows)
{
	struct csv		 w;
	struct export_read	 p = { &w, 0, 0 };
	struct db_arg		 a[2];
	enum db_status		 st;

	*rows = 0;
	import_export_start(&w, out, columns, NCOLUMNS);
	do {
		a[0] = DB_INT(p.last);
		a[1] = DB_INT(EXPORT_PAGE);
		p.n = 0;
		if ((st = db_query_each(&export_page, a, 2, export_row, &p)) !=
		    DB_OK)
			return domain_of_db(st);
		*rows += p.n;
	} while (p.n == EXPORT_PAGE);
	return csv_status(&w) == 0 ? DOMAIN_OK : DOMAIN_INTERNAL;
}
