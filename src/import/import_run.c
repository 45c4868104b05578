/* The import course: decoding, the header, reading rows within limits,
 * problems in line order, and the all-or-nothing save in batches. */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/audit.h"
#include "import/import_job.h"
#include "import/import_run.h"

#define PROGRESS_EVERY	5000	/* rows between two progress calls */
#define SHOWN_CHARS	60	/* of a cell in a problem */

void
import_run_init(struct import_run *run, const struct import_kind *kind,
    import_progress_fn fn, void *arg)
{
	assert(kind->ncolumns > 0 && kind->ncolumns <= IMPORT_MAX_COLUMNS);
	assert(kind->batch > 0 && kind->passes > 0);
	memset(run, 0, sizeof(*run));
	run->kind = kind;
	run->encoding = "";
	run->progress = fn;
	run->progress_arg = arg;
}

void
import_run_free(struct import_run *run)
{
	csv_text_free(&run->text);
	free(run->rows);
	free(run->problems);
	arena_free(&run->arena);
	memset(run, 0, sizeof(*run));
	run->encoding = "";
}

struct import_row *
import_run_row(const struct import_run *run, size_t i)
{
	return (struct import_row *)(run->rows + i * run->kind->row_size);
}

void
import_run_progress(struct import_run *run, const char *stage, size_t done,
    size_t total)
{
	if (run->progress != NULL)
		run->progress(run->progress_arg, stage, done, total);
}

enum db_status
import_run_job(struct import_run *run, size_t figure)
{
	if (run->job == 0)
		return DB_OK;
	return import_job_progress(run->job, figure);
}

void *
import_grow(void *list, size_t *cap, size_t n, size_t size)
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

const char *
import_lower(struct import_run *run, const char *v)
{
	size_t	 i, n = strlen(v);
	char	*d;

	if ((d = arena_alloc(&run->arena, n + 1)) == NULL)
		return "";
	for (i = 0; i <= n; i++)
		d[i] = v[i] >= 'A' && v[i] <= 'Z' ? (char)(v[i] + 32) : v[i];
	return d;
}

/* The cell cut to SHOWN_CHARS characters for the report. */
static const char *
shown(struct import_run *run, const char *v)
{
	size_t	 i, chars = 0;
	char	*d;

	for (i = 0; v[i] != '\0'; i++)
		if (((unsigned char)v[i] & 0xc0) != 0x80 &&
		    chars++ == SHOWN_CHARS) {
			if ((d = arena_alloc(&run->arena, i + 4)) == NULL)
				return "";
			memcpy(d, v, i);
			memcpy(d + i, "…", 4);
			return d;
		}
	return v;
}

static void
add_problem(struct import_run *run, struct import_row *row, size_t line,
    int column, const char *value, const char *fmt, va_list ap)
{
	struct import_problem	*p;
	char			 msg[1024];

	if (row != NULL)
		row->bad = 1;
	if ((p = import_grow(run->problems, &run->problems_cap, run->nproblems,
	    sizeof(*p))) == NULL) {
		run->nomem = 1;
		return;
	}
	run->problems = p;
	p += run->nproblems++;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	p->line = row != NULL ? row->line : line;
	p->column = column >= 0 ? run->kind->columns[column].label : "";
	p->value = shown(run, value);
	p->message = arena_strdup(&run->arena, msg);
}

void
import_problem(struct import_run *run, struct import_row *row, int column,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	add_problem(run, row, 0, column, column >= 0 ? row->cell[column] : "",
	    fmt, ap);
	va_end(ap);
}

void
import_problem_value(struct import_run *run, struct import_row *row,
    int column, const char *value, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	add_problem(run, row, 0, column, value, fmt, ap);
	va_end(ap);
}

void
import_file_problem(struct import_run *run, size_t line, const char *value,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	add_problem(run, NULL, line, -1, value, fmt, ap);
	va_end(ap);
}

/* A new row at line, every cell "". */
static struct import_row *
new_row(struct import_run *run, size_t line)
{
	struct import_row	*row;
	unsigned char		*rows;
	int			 c;

	if ((rows = import_grow(run->rows, &run->rows_cap, run->nrows,
	    run->kind->row_size)) == NULL)
		return NULL;
	run->rows = rows;
	row = import_run_row(run, run->nrows++);
	memset(row, 0, run->kind->row_size);
	row->line = line;
	if ((row->cell = arena_alloc(&run->arena, (size_t)run->kind->ncolumns *
	    sizeof(*row->cell))) == NULL)
		return NULL;
	for (c = 0; c < run->kind->ncolumns; c++)
		row->cell[c] = "";
	return row;
}

/* The cell cleaned (csv_cell_clean) into the run's arena. */
static const char *
cell(struct import_run *run, const char *v, size_t len)
{
	char	*d;

	if ((d = arena_alloc(&run->arena, len + 1)) == NULL)
		return "";
	return csv_cell_clean(v, len, d);
}

/* The text as UTF-8 without a BOM (csv_text.h); NULL when it is not
 * text (a problem says so) or memory ran out. */
static const char *
decode(struct import_run *run, const char *data, size_t *len)
{
	enum csv_text_status	 st;

	if ((st = csv_text_decode(&run->text, data, *len)) != CSV_TEXT_OK) {
		if (st == CSV_TEXT_NOMEM)
			run->nomem = 1;
		else
			import_file_problem(run, 0, "", "%s",
			    csv_text_message(st));
		return NULL;
	}
	run->encoding = run->text.encoding;
	*len = run->text.len;
	return run->text.text;
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

/* A header cell or a cell under no column: in the message, or as the
 * value, as the kind words it. */
static void
cell_problem(struct import_run *run, struct import_row *row, size_t line,
    const char *fmt, size_t column, const char *v)
{
	const char	*cut = shown(run, v);
	const char	*value = run->kind->cell_in_message ? "" : cut;

	if (row != NULL)
		import_problem_value(run, row, -1, value, fmt, column, cut);
	else
		import_file_problem(run, line, value, fmt, column, cut);
}

/* Appends item to the list in out, after first when it is the first
 * item, else after "、"; cut short rather than past out's end. */
static void
join(char *out, size_t size, const char *first, const char *item)
{
	size_t	 n = strlen(out);

	snprintf(out + n, size - n, "%s%s", n > 0 ? "、" : first, item);
}

/* Maps each field of the header to a column; 0, or -1 when the header
 * is unusable (the problems say why). */
static int
read_header(struct import_run *run, const struct csv_reader *r, int *map,
    size_t *nmap)
{
	const struct import_kind	*k = run->kind;
	const char			*v;
	char				 missing[1024], all[1024];
	int				 seen[IMPORT_MAX_COLUMNS], c, bad = 0;
	size_t				 i;

	memset(seen, 0, sizeof(seen));
	*nmap = r->nfields;
	for (i = 0; i < r->nfields; i++) {
		map[i] = -1;
		v = cell(run, r->fields[i], r->field_len[i]);
		if (v[0] == '\0')
			continue;
		for (c = 0; c < k->ncolumns; c++)
			if (strcmp(v, k->columns[c].label) == 0 ||
			    strcasecmp(v, k->columns[c].key) == 0)
				break;
		if (c == k->ncolumns) {
			cell_problem(run, NULL, r->line, k->unknown_label, i + 1,
			    v);
			bad = 1;
		} else if (seen[c]++) {
			import_file_problem(run, r->line, k->cell_in_message ?
			    "" : v, "表头中“%s”出现了两次", k->columns[c].label);
			bad = 1;
		} else
			map[i] = c;
	}
	missing[0] = all[0] = '\0';
	for (c = 0; c < k->ncolumns; c++) {
		if (!seen[c] && !k->columns[c].optional)
			join(missing, sizeof(missing), "表头缺少这些列：",
			    k->columns[c].label);
		join(all, sizeof(all), "", k->columns[c].label);
	}
	if (missing[0] != '\0') {
		import_file_problem(run, r->line, "", "%s。第一行须为列名：%s",
		    missing, all);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* Maps and checks one data record. */
static enum db_status
read_row(struct import_run *run, const struct csv_reader *r, const int *map,
    size_t nmap, void *arg)
{
	struct import_row	*row;
	const char		*v;
	enum db_status		 st;
	size_t			 i;

	if ((row = new_row(run, r->line)) == NULL)
		return DB_ERROR;
	for (i = 0; i < r->nfields; i++) {
		v = cell(run, r->fields[i], r->field_len[i]);
		if (i < nmap && map[i] >= 0)
			row->cell[map[i]] = v;
		else if (v[0] != '\0')
			cell_problem(run, row, r->line, run->kind->no_label,
			    i + 1, v);
	}
	if ((st = run->kind->check_row(run, row, arg)) != DB_OK)
		return st;
	return run->nomem || run->arena.failed ? DB_ERROR : DB_OK;
}

/* A record the reader skipped: a row of the file, and a bad one. */
static enum db_status
skipped_row(struct import_run *run, size_t line, enum csv_read_status rs)
{
	const struct csv_read_limits	*l = &run->kind->limits;
	struct import_row		*row;

	if ((row = new_row(run, line)) == NULL)
		return DB_ERROR;
	if (run->kind->explain_limits)
		import_problem(run, row, -1, "%s（每行最多 %zu 字节、%zu 列，"
		    "每项最多 %zu 字节）", csv_read_message(rs), l->max_record,
		    l->max_fields, l->max_field);
	else
		import_problem(run, row, -1, "%s", csv_read_message(rs));
	return DB_OK;
}

/* Reads the records of text: the header, then the rows. */
static enum db_status
read_rows(struct import_run *run, const char *text, size_t len, void *arg)
{
	const struct import_kind	*k = run->kind;
	struct csv_reader		 r;
	enum csv_read_status		 rs;
	enum db_status			 st = DB_OK;
	int				*map;
	int				 have_header = 0;
	size_t				 nmap = 0;

	if ((map = arena_alloc(&run->arena, k->limits.max_fields *
	    sizeof(*map))) == NULL ||
	    csv_reader_init(&r, text, len, &k->limits) == -1)
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
			if (rs != CSV_READ_OK)
				import_file_problem(run, r.line, "", "%s",
				    csv_read_message(rs));
			if (rs != CSV_READ_OK || read_header(run, &r, map,
			    &nmap) == -1)
				break;
			continue;
		}
		if (run->nrows >= k->max_rows) {
			import_file_problem(run, r.line, "", k->too_many_rows,
			    k->max_rows, k->max_rows);
			break;
		}
		if (rs >= CSV_READ_TOO_MANY_RECORDS) {
			import_file_problem(run, r.line, "", "%s",
			    csv_read_message(rs));
			break;
		}
		if (rs != CSV_READ_OK) {
			st = skipped_row(run, r.line, rs);
			continue;
		}
		st = read_row(run, &r, map, nmap, arg);
		if (run->nrows % PROGRESS_EVERY == 0)
			import_run_progress(run, "检查", run->nrows, 0);
	}
	csv_reader_free(&r);
	if (st != DB_OK)
		return st;
	if (!have_header)
		import_file_problem(run, 0, "", "%s", k->no_content);
	else if (run->nrows == 0 && run->nproblems == 0)
		import_file_problem(run, 0, "", "%s", k->header_only);
	return DB_OK;
}

/* Where a problem goes in the report: by line, then (as the kind says)
 * by column, the whole row first, then as found. */
struct place {
	size_t	 line;
	int	 column;
	size_t	 found;
};

static int
by_place(const void *a, const void *b)
{
	const struct place *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return x->found < y->found ? -1 : x->found > y->found;
}

static int
sort_problems(struct import_run *run)
{
	const struct import_kind	*k = run->kind;
	struct import_problem		*sorted;
	struct place			*at;
	size_t				 i;
	int				 c;

	if (run->nproblems < 2)
		return 0;
	at = calloc(run->nproblems, sizeof(*at));
	sorted = calloc(run->nproblems, sizeof(*sorted));
	if (at == NULL || sorted == NULL) {
		free(at);
		free(sorted);
		return -1;
	}
	for (i = 0; i < run->nproblems; i++) {
		at[i].line = run->problems[i].line;
		at[i].column = -1;
		for (c = 0; k->by_column && c < k->ncolumns; c++)
			if (run->problems[i].column == k->columns[c].label)
				at[i].column = c;
		at[i].found = i;
	}
	qsort(at, run->nproblems, sizeof(*at), by_place);
	for (i = 0; i < run->nproblems; i++)
		sorted[i] = run->problems[at[i].found];
	free(run->problems);
	free(at);
	run->problems = sorted;
	run->problems_cap = run->nproblems;
	return 0;
}

enum db_status
import_run_check(struct import_run *run, const char *data, size_t len,
    void *arg)
{
	const struct import_kind	*k = run->kind;
	enum db_status			 st;
	const char			*text;
	size_t				 i;

	if (len == 0 && k->empty != NULL) {
		import_file_problem(run, 0, "", "%s", k->empty);
		return DB_OK;
	}
	if (k->max_bytes > 0 && len > k->max_bytes) {
		import_file_problem(run, 0, "", "%s", k->too_big);
		return DB_OK;
	}
	if ((text = decode(run, data, &len)) == NULL)
		return run->nomem || run->nproblems == 0 ? DB_ERROR : DB_OK;
	if (k->prepare != NULL && (st = k->prepare(run, arg)) != DB_OK)
		return st;
	if ((st = read_rows(run, text, len, arg)) != DB_OK)
		return st;
	if (k->check_file != NULL && (st = k->check_file(run, arg)) != DB_OK)
		return st;
	for (i = 0; i < run->nrows; i++)
		run->good += !import_run_row(run, i)->bad;
	if (sort_problems(run) == -1)
		return DB_ERROR;
	return run->nomem || run->arena.failed ? DB_ERROR : DB_OK;
}

int
import_run_ready(const struct import_run *run)
{
	return run->nrows > 0 && run->nproblems == 0 &&
	    run->good == run->nrows;
}

enum db_status
import_run_save(struct import_run *run, const struct staff_user *user,
    const char *username, const char *address, const char *filename,
    long long job, json_t *audit_extra, void *arg)
{
	const struct import_kind	*k = run->kind;
	const struct audit_by		 by = { user, address, username };
	enum db_status			 st;
	json_t				*after;
	size_t				 i, n;

	st = import_run_ready(run) ? db_begin() : DB_ERROR;
	if (st != DB_OK) {
		json_decref(audit_extra);
		return st;
	}
	run->job = job;
	run->written = 0;
	if (k->save_start != NULL)
		st = k->save_start(run, arg);
	for (i = 0; i < run->nrows && st == DB_OK; i += n) {
		n = run->nrows - i < k->batch ? run->nrows - i : k->batch;
		st = k->save_rows(run, i, n, arg);
		run->written += n;
		if (run->written % PROGRESS_EVERY == 0 ||
		    run->written == run->nrows)
			import_run_progress(run, "写入", run->written,
			    run->nrows);
		if (st == DB_OK)
			st = import_run_job(run, run->written /
			    (size_t)k->passes);
	}
	if (st == DB_OK && k->save_end != NULL)
		st = k->save_end(run, arg);
	if (st == DB_OK) {
		after = json_pack("{s:s,s:s,s:I,s:I}", "file", filename,
		    "encoding", run->encoding, "rows", (json_int_t)run->nrows,
		    "imported", (json_int_t)run->written);
		if (after != NULL && audit_extra != NULL)
			json_object_update(after, audit_extra);
		st = audit_record(&by, k->audit_action, k->audit_object, 0,
		    NULL, after);
	}
	json_decref(audit_extra);
	if (st == DB_OK && job != 0)
		st = import_job_done(job, run->written);
	if ((st = db_finish(st)) != DB_OK)
		run->written = 0;
	run->job = 0;
	return st;
}

struct import_report
import_report_of(const char *encoding, size_t rows, size_t good,
    size_t imported, const struct import_problem *problems, size_t nproblems)
{
	struct import_report	 r;

	r.encoding = encoding;
	r.rows = rows;
	r.good = good;
	r.bad = rows > good ? rows - good : 0;
	r.imported = imported;
	r.problems = problems;
	r.nproblems = nproblems;
	return r;
}

void
import_export_start(struct csv *csv, struct buf *out,
    const struct import_column *columns, int ncolumns)
{
	int	 c;

	buf_adds(out, CSV_BOM);
	csv_init(csv, out);
	for (c = 0; c < ncolumns; c++)
		csv_text(csv, columns[c].label);
	csv_end(csv);
}
