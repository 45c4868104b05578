/* CSV output per RFC 4180: fields separated by commas, records ended by
 * CRLF, a field holding a comma, quote, CR or LF enclosed in double
 * quotes with its quotes doubled. Text that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) gets a leading apostrophe. */
#ifndef JDXX_CSV_H
#define JDXX_CSV_H

#include "base/buf.h"

/* The UTF-8 byte order mark, so spreadsheets read the file as UTF-8. */
#define CSV_BOM	"\xEF\xBB\xBF"

struct csv {
	struct buf	*out;
	int		 fields;	/* in the current record */
	int		 failed;	/* memory ran out on some write */
};

void	csv_init(struct csv *, struct buf *out);
/* Appends a text field to the current record. */
void	csv_text(struct csv *, const char *);
/* Appends a number field. */
void	csv_int(struct csv *, long long);
/* Ends the current record with CRLF. */
void	csv_end(struct csv *);
/* 0 when every write landed, else -1. */
int	csv_status(const struct csv *);

#endif
