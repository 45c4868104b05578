/* Bounded reading of CSV text (RFC 4180) from memory, for imports.
 *
 * Fields are separated by commas and records end with CRLF, LF or a lone
 * CR. A field that starts with a double quote runs to the next lone
 * quote and may hold commas, line breaks and doubled quotes (""). A
 * quote inside an unquoted field is kept as it is. The bytes are not
 * interpreted otherwise: decode the text first. Nothing here trusts the
 * input; every size is bounded by the limits. */
#ifndef JDXX_CSV_READ_H
#define JDXX_CSV_READ_H

#include <stddef.h>

struct csv_read_limits {
	size_t	max_record;	/* raw bytes of one record: its line, or
				 * lines when a quoted field holds breaks */
	size_t	max_fields;	/* fields in one record */
	size_t	max_field;	/* bytes of one field, quotes removed */
	size_t	max_records;	/* records in the text */
};

enum csv_read_status {
	CSV_READ_OK = 0,		/* a record is in fields[0..nfields) */
	CSV_READ_END,			/* no record left */
	/* The record is skipped and reading can go on. */
	CSV_READ_RECORD_TOO_LONG,
	CSV_READ_TOO_MANY_FIELDS,
	CSV_READ_FIELD_TOO_LONG,
	/* Reading cannot go on: every later call answers the same. */
	CSV_READ_TOO_MANY_RECORDS,
	CSV_READ_BAD_QUOTE,		/* text after a closing quote */
	CSV_READ_UNCLOSED_QUOTE,	/* the text ends inside quotes */
	CSV_READ_NOMEM
};

struct csv_reader {
	/* After CSV_READ_OK: the fields, NUL-terminated (a field may hold
	 * a NUL byte of the input; field_len has the real length). Valid
	 * until the next call. */
	char			**fields;
	size_t			 *field_len;
	size_t			  nfields;
	size_t			  line;		/* where the last record (or
						 * the problem) began, from 1 */
	size_t			  records;	/* records read so far */

	const char		 *p, *end;
	size_t			  next_line;
	struct csv_read_limits	  lim;
	char			 *buf;		/* field text, NUL-separated */
	enum csv_read_status	  stuck;	/* CSV_READ_OK, or the error
						 * that stopped reading */
};

/* Starts reading text[0..len), which must outlive the reader. Returns 0,
 * or -1 when memory for the limits' buffers runs out. */
int	csv_reader_init(struct csv_reader *, const char *text, size_t len,
	    const struct csv_read_limits *);
/* Reads the next record. An empty line is a record of one empty field;
 * the text's last record needs no line break. */
enum csv_read_status csv_read_record(struct csv_reader *);
/* Frees the buffers; safe to call twice. */
void	csv_reader_free(struct csv_reader *);
/* Length of a space at p: ASCII blanks, U+3000 or U+00A0; else 0. */
size_t	csv_space_at(const char *p, const char *end);
/* Writes the cell v[0..len) to out (len + 1 bytes) without surrounding
 * spaces, line breaks inside as one space, and without the apostrophe an
 * export puts before text a spreadsheet would take for a formula.
 * Returns out. */
char	*csv_cell_clean(const char *v, size_t len, char *out);
/* A Chinese sentence for a status, e.g. for "第 N 行：...". */
const char *csv_read_message(enum csv_read_status);

#endif
