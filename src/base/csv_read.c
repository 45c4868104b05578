/* CSV records from memory, one at a time, within fixed buffers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv_read.h"

int
csv_reader_init(struct csv_reader *r, const char *text, size_t len,
    const struct csv_read_limits *lim)
{
	memset(r, 0, sizeof(*r));
	r->p = text;
	r->end = text + len;
	r->next_line = 1;
	r->lim = *lim;
	r->stuck = CSV_READ_OK;
	if (lim->max_record == 0 || lim->max_fields == 0 ||
	    lim->max_record > SIZE_MAX / 2 ||
	    lim->max_fields > SIZE_MAX / 2 / sizeof(char *))
		return -1;
	/* Unquoted text is never longer than the raw record; one NUL more
	 * a field. */
	r->buf = malloc(lim->max_record + lim->max_fields + 1);
	r->fields = calloc(lim->max_fields, sizeof(*r->fields));
	r->field_len = calloc(lim->max_fields, sizeof(*r->field_len));
	if (r->buf == NULL || r->fields == NULL || r->field_len == NULL) {
		csv_reader_free(r);
		return -1;
	}
	return 0;
}

void
csv_reader_free(struct csv_reader *r)
{
	free(r->buf);
	free(r->fields);
	free(r->field_len);
	r->buf = NULL;
	r->fields = NULL;
	r->field_len = NULL;
	r->nfields = 0;
}

/* The record being read: where its text goes and the first problem. */
struct record {
	const char		*start;		/* its first raw byte */
	char			*out;		/* next byte of field text */
	size_t			 len;		/* of the current field */
	enum csv_read_status	 err;
};

/* Takes one byte of field text; after a problem only skips. */
static void
emit(struct csv_reader *r, struct record *rec, char c)
{
	if (rec->err != CSV_READ_OK)
		return;
	if ((size_t)(r->p - rec->start) >= r->lim.max_record)
		rec->err = CSV_READ_RECORD_TOO_LONG;
	else if (rec->len >= r->lim.max_field)
		rec->err = CSV_READ_FIELD_TOO_LONG;
	else if (r->nfields >= r->lim.max_fields)
		rec->err = CSV_READ_TOO_MANY_FIELDS;
	else {
		*rec->out++ = c;
		rec->len++;
	}
}

/* Reads a quoted field from its opening quote. Returns 0, or -1 when
 * reading cannot go on (r->stuck is set). */
static int
quoted(struct csv_reader *r, struct record *rec)
{
	size_t	 opened = r->next_line;

	r->p++;
	for (;;) {
		if (r->p == r->end) {
			r->stuck = CSV_READ_UNCLOSED_QUOTE;
			r->line = opened;
			return -1;
		}
		if (*r->p == '"') {
			if (r->end - r->p > 1 && r->p[1] == '"') {
				emit(r, rec, '"');
				r->p += 2;
				continue;
			}
			r->p++;
			break;
		}
		/* A line break inside quotes is text, but still a line. */
		if (*r->p == '\n' || (*r->p == '\r' &&
		    (r->end - r->p == 1 || r->p[1] != '\n')))
			r->next_line++;
		emit(r, rec, *r->p);
		r->p++;
	}
	if (r->p != r->end && *r->p != ',' && *r->p != '\r' && *r->p != '\n') {
		r->stuck = CSV_READ_BAD_QUOTE;
		r->line = r->next_line;
		return -1;
	}
	return 0;
}

enum csv_read_status
csv_read_record(struct csv_reader *r)
{
	struct record	 rec;
	size_t		 off[2];

	r->nfields = 0;
	if (r->stuck != CSV_READ_OK)
		return r->stuck;
	if (r->p == r->end)
		return CSV_READ_END;
	r->line = r->next_line;
	if (r->records >= r->lim.max_records) {
		r->stuck = CSV_READ_TOO_MANY_RECORDS;
		return r->stuck;
	}
	rec.start = r->p;
	rec.out = r->buf;
	rec.err = CSV_READ_OK;
	for (;;) {
		rec.len = 0;
		off[0] = (size_t)(rec.out - r->buf);
		if (r->p != r->end && *r->p == '"') {
			if (quoted(r, &rec) == -1) {
				r->nfields = 0;
				return r->stuck;
			}
		} else
			while (r->p != r->end && *r->p != ',' &&
			    *r->p != '\r' && *r->p != '\n') {
				emit(r, &rec, *r->p);
				r->p++;
			}
		if (rec.err == CSV_READ_OK && r->nfields >= r->lim.max_fields)
			rec.err = CSV_READ_TOO_MANY_FIELDS;
		if (rec.err == CSV_READ_OK) {
			off[1] = (size_t)(rec.out - r->buf);
			*rec.out++ = '\0';
			r->fields[r->nfields] = r->buf + off[0];
			r->field_len[r->nfields] = off[1] - off[0];
			r->nfields++;
		}
		if (r->p == r->end)
			break;
		if (*r->p == ',') {
			r->p++;
			continue;
		}
		/* CRLF, LF or a lone CR ends the record. */
		if (*r->p == '\r' && r->end - r->p > 1 && r->p[1] == '\n')
			r->p++;
		r->p++;
		r->next_line++;
		break;
	}
	r->records++;
	if (rec.err != CSV_READ_OK)
		r->nfields = 0;
	return rec.err;
}

const char *
csv_read_message(enum csv_read_status st)
{
	switch (st) {
	case CSV_READ_OK:
		return "";
	case CSV_READ_END:
		return "文件已结束";
	case CSV_READ_RECORD_TOO_LONG:
		return "这一行太长";
	case CSV_READ_TOO_MANY_FIELDS:
		return "这一行的列数太多";
	case CSV_READ_FIELD_TOO_LONG:
		return "这一行有一项内容太长";
	case CSV_READ_TOO_MANY_RECORDS:
		return "文件的行数超过上限";
	case CSV_READ_BAD_QUOTE:
		return "引号用法不对：含逗号、引号或换行的内容须整个放在英文双引号里，"
		    "内容中的双引号要写成两个";
	case CSV_READ_UNCLOSED_QUOTE:
		return "从这一行开始的英文双引号直到文件末尾都没有结束";
	case CSV_READ_NOMEM:
		return "内存不足";
	}
	return "无法读取";
}

size_t
csv_space_at(const char *p, const char *end)
{
	if (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		return 1;
	if (end - p >= 3 && memcmp(p, "\xe3\x80\x80", 3) == 0)
		return 3;
	if (end - p >= 2 && memcmp(p, "\xc2\xa0", 2) == 0)
		return 2;
	return 0;
}

char *
csv_cell_clean(const char *v, size_t len, char *d)
{
	size_t	 start = 0, end = len, last, n, o;

	while ((n = csv_space_at(v + start, v + end)) > 0)
		start += n;
	while (end > start) {
		/* The last character starts after its continuation bytes. */
		for (last = end - 1; last > start &&
		    ((unsigned char)v[last] & 0xc0) == 0x80; last--)
			continue;
		if ((n = csv_space_at(v + last, v + end)) == 0 ||
		    last + n != end)
			break;
		end = last;
	}
	if (end - start >= 2 && v[start] == '\'' &&
	    strchr("=+-@\t\r", v[start + 1]) != NULL)
		start++;
	/* A line break typed inside a cell (Alt+Enter) reads as a space. */
	for (o = 0; start < end; start++) {
		if (v[start] != '\r' && v[start] != '\n')
			d[o++] = v[start];
		else if (o > 0 && d[o - 1] != ' ')
			d[o++] = ' ';
	}
	d[o] = '\0';
	return d;
}
