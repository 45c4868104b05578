/* Product models in bulk: CSV in (checked, then saved all at once) and
 * out. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/audit.h"
#include "domain/caps.h"
#include "base/csv.h"
#include "base/csv_read.h"
#include "base/csv_text.h"
#include "import/import_job.h"
#include "web/param.h"
#include "domain/product.h"
#include "import/product_import.h"
#include "domain/product_record.h"
#include "base/utf8.h"
#include "web/view.h"

enum { PC_CATEGORY, PC_BRAND, PC_MAKER, PC_MODEL, PC_SPEC, PC_PRICE,
	PC_BATCH, PC_STATUS, NCOLUMNS };

static const struct {
	const char	*label;
	const char	*key;
	int		 required;
	size_t		 min, max;	/* characters */
} columns[NCOLUMNS] = {
	[PC_CATEGORY] = { "类别", "category", 1, 1, 64 },
	[PC_BRAND] = { "品牌", "brand", 1, 1, PRODUCT_BRAND_MAX },
	[PC_MAKER] = { "生产企业", "manufacturer", 1, 2, PRODUCT_MAKER_MAX },
	[PC_MODEL] = { "型号", "model", 1, 1, PRODUCT_MODEL_MAX },
	[PC_SPEC] = { "规格", "spec", 0, 0, PRODUCT_SPEC_MAX },
	[PC_PRICE] = { "中标价", "bid_price", 1, 1, 32 },
	[PC_BATCH] = { "中标批次", "bid_batch", 0, 0, PRODUCT_BATCH_MAX },
	[PC_STATUS] = { "状态", "status", 0, 0, 16 },
};

#define HEADER_TEXT	"类别、品牌、生产企业、型号、规格、中标价、中标批次、状态"
#define MAX_FIELDS	64
#define SHOWN_CHARS	60
#define EXPORT_PAGE	5000

static const struct csv_read_limits read_limits = {
	16 * 1024, MAX_FIELDS, 4096, PRODUCT_IMPORT_MAX_ROWS * 2
};

struct product_import_row {
	size_t		 line;
	char		*v[NCOLUMNS];
	char		*category;	/* code */
	char		*brand_fold;	/* ASCII lower-cased */
	char		 key[PRODUCT_MODEL_MAX * 4 + 1];
	long long	 fen;
	const char	*status;
};

static struct db_stmt all_categories = DB_READ(
    "SELECT code, name FROM category ORDER BY sort_order, code");

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

void
product_import_init(struct product_import *imp)
{
	memset(imp, 0, sizeof(*imp));
	imp->encoding = "";
}

void
product_import_free(struct product_import *imp)
{
	size_t	 i;
	int	 c;

	for (i = 0; i < imp->nproblems; i++) {
		free(imp->problems[i].column);
		free(imp->problems[i].value);
		free(imp->problems[i].message);
	}
	free(imp->problems);
	for (i = 0; i < imp->nlist; i++) {
		for (c = 0; c < NCOLUMNS; c++)
			free(imp->list[i].v[c]);
		free(imp->list[i].category);
		free(imp->list[i].brand_fold);
	}
	free(imp->list);
	free(imp->text);
	memset(imp, 0, sizeof(*imp));
	imp->encoding = "";
}

/* v cut to SHOWN_CHARS characters. */
static char *
shown(const char *v)
{
	size_t	 i, n = 0;
	char	*s;

	for (i = 0; v[i] != '\0'; i++)
		if (((unsigned char)v[i] & 0xc0) != 0x80 && n++ == SHOWN_CHARS)
			break;
	if ((s = malloc(i + 4)) == NULL)
		return NULL;
	memcpy(s, v, i);
	strcpy(s + i, v[i] != '\0' ? "…" : "");
	return s;
}

static int
add_problem(struct product_import *imp, size_t line, const char *column,
    const char *value, const char *fmt, ...)
{
	struct product_problem	*p;
	va_list			 ap;
	char			 msg[1024];

	if ((p = realloc(imp->problems, (imp->nproblems + 1) *
	    sizeof(*p))) == NULL)
		return -1;
	imp->problems = p;
	p += imp->nproblems;
	va_start(ap, fmt);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(msg, sizeof(msg), fmt, ap);
#pragma GCC diagnostic pop
	va_end(ap);
	p->line = line;
	p->column = strdup(column);
	p->value = shown(value);
	p->message = strdup(msg);
	if (p->column == NULL || p->value == NULL || p->message == NULL) {
		free(p->column);
		free(p->value);
		free(p->message);
		return -1;
	}
	imp->nproblems++;
	return 0;
}


/* The cell cleaned (csv_cell_clean) into a new string; NULL when
 * memory runs out. */
static char *
cell(const char *v, size_t len)
{
	char	*d;

	if ((d = malloc(len + 1)) == NULL)
		return NULL;
	return csv_cell_clean(v, len, d);
}

/* The text as UTF-8 without a BOM (csv_text.h); NULL with a problem
 * when it is not text, or with *nomem set. */
static const char *
decode(struct product_import *imp, const char *data, size_t *len, int *nomem)
{
	struct csv_text		 t;
	enum csv_text_status	 st;

	if ((st = csv_text_decode(&t, data, *len)) != CSV_TEXT_OK) {
		if (st == CSV_TEXT_NOMEM)
			*nomem = 1;
		else
			add_problem(imp, 0, "", "", "%s", csv_text_message(st));
		return NULL;
	}
	imp->text = t.owned;
	imp->encoding = t.encoding;
	*len = t.len;
	return t.text;
}

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

/* Maps the header's fields to columns; -1 when it is unusable. */
static int
read_header(struct product_import *imp, const struct csv_reader *r,
    int *map)
{
	char	*v, msg[512];
	int	 seen[NCOLUMNS], c, bad = 0;
	size_t	 i;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < r->nfields; i++) {
		map[i] = -1;
		if ((v = cell(r->fields[i], r->field_len[i])) == NULL)
			return -2;
		if (v[0] != '\0') {
			for (c = 0; c < NCOLUMNS; c++)
				if (strcmp(v, columns[c].label) == 0 ||
				    strcasecmp(v, columns[c].key) == 0)
					break;
			if (c == NCOLUMNS) {
				add_problem(imp, r->line, "", v,
				    "表头第 %zu 列不是可识别的列名", i + 1);
				bad = 1;
			} else if (seen[c]++) {
				add_problem(imp, r->line, "", v,
				    "表头中“%s”出现了两次", columns[c].label);
				bad = 1;
			} else
				map[i] = c;
		}
		free(v);
	}
	msg[0] = '\0';
	for (c = 0; c < NCOLUMNS; c++)
		if (columns[c].required && !seen[c]) {
			strcat(msg, msg[0] ? "、" : "表头缺少这些列：");
			strcat(msg, columns[c].label);
		}
	if (msg[0] != '\0') {
		add_problem(imp, r->line, "", "", "%s。第一行须为列名：%s",
		    msg, HEADER_TEXT);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* The category code for a code or a name; NULL when unknown. */
static const char *
category_code(HDF *cats, const char *v)
{
	HDF	*k;

	for (k = hdf_get_child(cats, "C"); k != NULL; k = hdf_obj_next(k))
		if (strcasecmp(hdf_get_value(k, "code", ""), v) == 0 ||
		    strcmp(hdf_get_value(k, "name", ""), v) == 0)
			return hdf_get_value(k, "code", "");
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

/* Checks one row's cells; 1 when good, 0 with problems, -1 on memory. */
static int
check_cells(struct product_import *imp, HDF *cats,
    struct product_import_row *row)
{
	const char	*v, *code;
	size_t		 n, i;
	int		 c, good = 1;

	for (c = 0; c < NCOLUMNS; c++) {
		v = row->v[c];
		n = utf8_chars(v, strlen(v));
		if (utf8_has_controls(v, strlen(v), 0)) {
			if (add_problem(imp, row->line, columns[c].label, "",
			    "含有不能识别的控制字符") == -1)
				return -1;
			good = 0;
		} else if (n == 0 && columns[c].required) {
			if (add_problem(imp, row->line, columns[c].label, v,
			    "请填写%s", columns[c].label) == -1)
				return -1;
			good = 0;
		} else if (n > 0 && n < columns[c].min) {
			if (add_problem(imp, row->line, columns[c].label, v,
			    "%s至少 %zu 个字", columns[c].label,
			    columns[c].min) == -1)
				return -1;
			good = 0;
		} else if (n > columns[c].max) {
			if (add_problem(imp, row->line, columns[c].label, v,
			    "%s太长，最多 %zu 个字（现有 %zu 个）",
			    columns[c].label, columns[c].max, n) == -1)
				return -1;
			good = 0;
		} else
			continue;
		row->v[c][0] = '\0';	/* checked no further */
	}
	if (row->v[PC_CATEGORY][0] != '\0') {
		if ((code = category_code(cats, row->v[PC_CATEGORY])) == NULL) {
			if (add_problem(imp, row->line, "类别",
			    row->v[PC_CATEGORY], "没有这个商品类别：请填写类别名称"
			    "（如 彩电）或代码（如 tv）") == -1)
				return -1;
			good = 0;
		} else if ((row->category = strdup(code)) == NULL)
			return -1;
	}
	if (row->v[PC_MODEL][0] != '\0') {
		product_model_key(row->key, sizeof(row->key), row->v[PC_MODEL]);
		if (row->key[0] == '\0') {
			if (add_problem(imp, row->line, "型号", row->v[PC_MODEL],
			    "产品型号须含有字母或数字") == -1)
				return -1;
			good = 0;
		}
	}
	if (row->v[PC_PRICE][0] != '\0') {
		if (parse_money_fen(row->v[PC_PRICE], &row->fen) == -1) {
			if (add_problem(imp, row->line, "中标价",
			    row->v[PC_PRICE], "中标价请填写数字，单位为元，最多两位"
			    "小数，例如 1999 或 1999.50") == -1)
				return -1;
			good = 0;
		} else if (row->fen < 100 ||
		    row->fen > PRODUCT_PRICE_MAX_FEN) {
			if (add_problem(imp, row->line, "中标价",
			    row->v[PC_PRICE], "中标价须在 1.00 元到 %lld.00 元之间",
			    PRODUCT_PRICE_MAX_FEN / 100) == -1)
				return -1;
			good = 0;
		}
	}
	if ((row->status = status_code(row->v[PC_STATUS])) == NULL) {
		if (add_problem(imp, row->line, "状态", row->v[PC_STATUS],
		    "状态只能是 在售 或 已撤销（不填为在售）") == -1)
			return -1;
		good = 0;
	}
	if ((row->brand_fold = strdup(row->v[PC_BRAND])) == NULL)
		return -1;
	for (i = 0; row->brand_fold[i] != '\0'; i++)
		if (row->brand_fold[i] >= 'A' && row->brand_fold[i] <= 'Z')
			row->brand_fold[i] += 'a' - 'A';
	return good;
}

static int
by_key(const void *a, const void *b)
{
	const struct product_import_row *x = *(const void *const *)a;
	const struct product_import_row *y = *(const void *const *)b;
	int	 d;

	if ((d = strcmp(x->category, y->category)) != 0 ||
	    (d = strcmp(x->brand_fold, y->brand_fold)) != 0 ||
	    (d = strcmp(x->key, y->key)) != 0)
		return d;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int
by_line(const void *a, const void *b)
{
	const struct product_problem *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

/* Models repeated in the file, then models registered already. */
static enum db_status
check_duplicates(struct product_import *imp, unsigned char *bad)
{
	struct product_import_row	**idx, *r, *p;
	struct db_arg			  a[3];
	enum db_status			  st;
	HDF				 *h;
	size_t				  i, j, n = 0;
	int				  found;

	if ((idx = calloc(imp->nlist + 1, sizeof(*idx))) == NULL)
		return DB_ERROR;
	for (i = 0; i < imp->nlist; i++)
		if (!bad[i])
			idx[n++] = &imp->list[i];
	qsort(idx, n, sizeof(*idx), by_key);
	for (i = 1; i < n; i++) {
		r = idx[i];
		p = idx[i - 1];
		if (strcmp(p->category, r->category) != 0 ||
		    strcmp(p->brand_fold, r->brand_fold) != 0 ||
		    strcmp(p->key, r->key) != 0)
			continue;
		/* The first row of the key is the earliest line. */
		for (j = i - 1; j > 0 && strcmp(idx[j - 1]->category,
		    r->category) == 0 && strcmp(idx[j - 1]->brand_fold,
		    r->brand_fold) == 0 && strcmp(idx[j - 1]->key, r->key) == 0;
		    j--)
			continue;
		p = idx[j];
		if (add_problem(imp, r->line, "型号", r->v[PC_MODEL],
		    "与文件第 %zu 行（型号“%s”）同一类别、同一品牌的型号重复"
		    "（大小写、空格、“-”和“/”不算区别）", p->line,
		    p->v[PC_MODEL]) == -1) {
			free(idx);
			return DB_ERROR;
		}
		bad[r - imp->list] = 1;
	}
	free(idx);
	if (hdf_init(&h) != NULL)
		return DB_ERROR;
	for (i = 0; i < imp->nlist; i++) {
		r = &imp->list[i];
		if (bad[i])
			continue;
		a[0] = DB_TEXT(r->category);
		a[1] = DB_TEXT(r->v[PC_BRAND]);
		a[2] = DB_TEXT(r->key);
		if ((st = db_query_row(&registered, a, 3, h, "D", &found)) !=
		    DB_OK) {
			hdf_destroy(&h);
			return st;
		}
		if (!found)
			continue;
		if (add_problem(imp, r->line, "型号", r->v[PC_MODEL],
		    "同一类别、同一品牌下已经登记了型号“%s”（产品编号 %s），"
		    "不能重复登记", hdf_get_value(h, "D.model", ""),
		    hdf_get_value(h, "D.id", "")) == -1) {
			hdf_destroy(&h);
			return DB_ERROR;
		}
		bad[i] = 1;
	}
	hdf_destroy(&h);
	return DB_OK;
}

enum db_status
product_import_check(struct product_import *imp, const char *data,
    size_t len)
{
	struct csv_reader		 r;
	struct product_import_row	*row;
	enum csv_read_status		 rs;
	enum db_status			 st = DB_OK;
	const char			*text;
	unsigned char			*bad = NULL;
	HDF				*cats = NULL;
	int				 map[MAX_FIELDS], header = 0, nomem = 0;
	int				 c, g;
	size_t				 i, cap = 0;
	long				 ncat;

	if ((text = decode(imp, data, &len, &nomem)) == NULL)
		return nomem ? DB_ERROR : DB_OK;
	if (hdf_init(&cats) != NULL)
		return DB_ERROR;
	if ((st = db_query(&all_categories, NULL, 0, cats, "C", &ncat)) !=
	    DB_OK) {
		hdf_destroy(&cats);
		return st;
	}
	if (csv_reader_init(&r, text, len, &read_limits) == -1) {
		hdf_destroy(&cats);
		return DB_ERROR;
	}
	while ((rs = csv_read_record(&r)) != CSV_READ_END) {
		if (rs >= CSV_READ_TOO_MANY_RECORDS) {
			if (add_problem(imp, r.line, "", "", "%s",
			    csv_read_message(rs)) == -1)
				goto nomem;
			break;
		}
		if (rs != CSV_READ_OK) {
			if (add_problem(imp, r.line, "", "", "%s",
			    csv_read_message(rs)) == -1)
				goto nomem;
			/* Without a header no row can be read. */
			if (!header) {
				header = -1;
				break;
			}
			imp->rows++;
			continue;
		}
		if (blank_record(&r))
			continue;
		if (!header) {
			if ((c = read_header(imp, &r, map)) == -2)
				goto nomem;
			header = c == 0 ? 1 : -1;
			if (header == -1)
				break;
			for (i = r.nfields; i < MAX_FIELDS; i++)
				map[i] = -1;
			continue;
		}
		if (imp->rows++ >= PRODUCT_IMPORT_MAX_ROWS) {
			if (add_problem(imp, r.line, "", "", "文件超过 %d 行：请分成"
			    "几个文件导入", PRODUCT_IMPORT_MAX_ROWS) == -1)
				goto nomem;
			break;
		}
		if (imp->nlist == cap) {
			cap = cap ? cap * 2 : 256;
			if ((row = realloc(imp->list, cap * sizeof(*row))) ==
			    NULL)
				goto nomem;
			imp->list = row;
		}
		row = &imp->list[imp->nlist++];
		memset(row, 0, sizeof(*row));
		row->line = r.line;
		for (i = 0; i < r.nfields; i++) {
			char *v;

			if (map[i] >= 0) {
				if ((row->v[map[i]] = cell(r.fields[i],
				    r.field_len[i])) == NULL)
					goto nomem;
				continue;
			}
			if ((v = cell(r.fields[i], r.field_len[i])) == NULL)
				goto nomem;
			if (v[0] != '\0' && add_problem(imp, r.line, "", v,
			    "第 %zu 列没有列名，这一列的内容无法导入", i + 1) ==
			    -1) {
				free(v);
				goto nomem;
			}
			free(v);
		}
		for (c = 0; c < NCOLUMNS; c++)
			if (row->v[c] == NULL && (row->v[c] = strdup("")) ==
			    NULL)
				goto nomem;
	}
	csv_reader_free(&r);
	if (header == 0 && imp->nproblems == 0)
		add_problem(imp, 0, "", "", "文件是空的：第一行须为列名：%s，"
		    "以下每行一个型号", HEADER_TEXT);
	else if (header == 1 && imp->rows == 0)
		add_problem(imp, 0, "", "", "文件只有表头，没有要导入的型号");
	if ((bad = calloc(imp->nlist + 1, 1)) == NULL)
		goto nomem2;
	for (i = 0; i < imp->nlist; i++) {
		if ((g = check_cells(imp, cats, &imp->list[i])) == -1)
			goto nomem2;
		bad[i] = g == 0;
	}
	for (i = 0; i < imp->nproblems; i++)
		for (size_t j = 0; j < imp->nlist; j++)
			if (imp->problems[i].line == imp->list[j].line)
				bad[j] = 1;
	if ((st = check_duplicates(imp, bad)) != DB_OK)
		goto out;
	for (i = 0; i < imp->nlist; i++)
		if (!bad[i])
			imp->good++;
	/* qsort may not be given NULL, which problems is when empty. */
	if (imp->nproblems > 1)
		qsort(imp->problems, imp->nproblems, sizeof(*imp->problems),
		    by_line);
	goto out;
nomem:
	csv_reader_free(&r);
nomem2:
	st = DB_ERROR;
out:
	free(bad);
	hdf_destroy(&cats);
	return st;
}

int
product_import_ready(const struct product_import *imp)
{
	return imp->nproblems == 0 && imp->rows > 0 &&
	    imp->good == imp->rows;
}

enum db_status
product_import_save(struct product_import *imp,
    const struct staff_user *user, const char *username, const char *address,
    const char *filename)
{
	struct product_record		 p;
	struct product_import_row	*row;
	enum db_status			 st;
	unsigned long long		 id;
	size_t				 i;

	if (!product_import_ready(imp))
		return DB_ERROR;
	if ((st = db_begin()) != DB_OK)
		return st;
	for (i = 0; i < imp->nlist; i++) {
		row = &imp->list[i];
		p.category = row->category;
		p.brand = row->v[PC_BRAND];
		p.manufacturer = row->v[PC_MAKER];
		p.model = row->v[PC_MODEL];
		p.spec = row->v[PC_SPEC];
		p.bid_price_fen = row->fen;
		p.bid_batch = row->v[PC_BATCH];
		p.status = row->status;
		if ((st = product_record_create(&p, &id)) == DB_OK &&
		    imp->job != 0 && (i + 1) % IMPORT_JOB_STEP == 0)
			st = import_job_progress(imp->job, i + 1);
		if (st != DB_OK) {
			db_rollback();
			if (st == DB_DUPLICATE)
				imp->taken_line = row->line;
			return st;
		}
	}
	st = audit_write(user, username, address, "product_import", "product", 0,
	    NULL, json_pack("{s:s,s:s,s:I,s:I}", "file", filename,
	    "encoding", imp->encoding, "rows", (json_int_t)imp->rows,
	    "imported", (json_int_t)imp->nlist));
	if (st == DB_OK && imp->job != 0)
		st = import_job_done(imp->job, imp->nlist);
	if ((st = db_finish(st)) == DB_OK)
		imp->imported = imp->nlist;
	return st;
}

void
product_import_to_hdf(const struct product_import *imp, HDF *hdf,
    const char *prefix, size_t max)
{
	char	 n[64];
	size_t	 i;

	static const char *const names[] = { "rows", "good", "bad",
	    "imported", "problems_total", "taken_line" };
	size_t	 v[6];

	v[0] = imp->rows;
	v[1] = imp->good;
	v[2] = imp->rows > imp->good ? imp->rows - imp->good : 0;
	v[3] = imp->imported;
	v[4] = imp->nproblems;
	v[5] = imp->taken_line;
	snprintf(n, sizeof(n), "%s.encoding", prefix);
	hset(hdf, n, imp->encoding);
	for (i = 0; i < 6; i++) {
		snprintf(n, sizeof(n), "%s.%s", prefix, names[i]);
		hseti(hdf, n, (long long)v[i]);
	}
	for (i = 0; i < imp->nproblems && i < max; i++) {
		snprintf(n, sizeof(n), "%s.problems.%zu.line", prefix, i);
		hseti(hdf, n, (long long)imp->problems[i].line);
		snprintf(n, sizeof(n), "%s.problems.%zu.column", prefix, i);
		hset(hdf, n, imp->problems[i].column);
		snprintf(n, sizeof(n), "%s.problems.%zu.value", prefix, i);
		hset(hdf, n, imp->problems[i].value);
		snprintf(n, sizeof(n), "%s.problems.%zu.message", prefix, i);
		hset(hdf, n, imp->problems[i].message);
	}
}

enum db_status
product_export_csv(struct buf *out, long long *rows)
{
	struct csv	 w;
	struct db_arg	 a[2];
	enum db_status	 st;
	long long	 last = 0;
	long		 n;
	HDF		*h, *r;
	char		 y[32];
	int		 c;

	*rows = 0;
	csv_init(&w, out);
	buf_adds(out, CSV_BOM);
	for (c = 0; c < NCOLUMNS; c++)
		csv_text(&w, columns[c].label);
	csv_end(&w);
	do {
		if (hdf_init(&h) != NULL)
			return DB_ERROR;
		a[0] = DB_INT(last);
		a[1] = DB_INT(EXPORT_PAGE);
		if ((st = db_query(&export_page, a, 2, h, "P", &n)) != DB_OK) {
			hdf_destroy(&h);
			return st;
		}
		for (r = hdf_get_child(h, "P"); r != NULL; r = hdf_obj_next(r)) {
			last = atoll(hdf_get_value(r, "id", "0"));
			csv_text(&w, hdf_get_value(r, "category", ""));
			csv_text(&w, hdf_get_value(r, "brand", ""));
			csv_text(&w, hdf_get_value(r, "manufacturer", ""));
			csv_text(&w, hdf_get_value(r, "model", ""));
			csv_text(&w, hdf_get_value(r, "spec", ""));
			yuan_format(y, sizeof(y), atoll(hdf_get_value(r,
			    "bid_price_fen", "0")));
			csv_text(&w, y);
			csv_text(&w, hdf_get_value(r, "bid_batch", ""));
			csv_text(&w, strcmp(hdf_get_value(r, "status", ""),
			    "withdrawn") == 0 ? "已撤销" : "在售");
			csv_end(&w);
			(*rows)++;
		}
		hdf_destroy(&h);
	} while (n == EXPORT_PAGE);
	return csv_status(&w) == 0 ? DB_OK : DB_ERROR;
}
