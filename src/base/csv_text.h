/* The text of an uploaded CSV file as UTF-8 without a byte order mark:
 * as it is when it is UTF-8, else converted from GB18030 (a superset of
 * GBK and GB2312, what Excel saves a Chinese CSV file in). */
#ifndef JDXX_CSV_TEXT_H
#define JDXX_CSV_TEXT_H

#include <stddef.h>

enum csv_text_status {
	CSV_TEXT_OK = 0,
	CSV_TEXT_WORKBOOK,	/* an Excel workbook (.xlsx or .xls) */
	CSV_TEXT_NO_ICONV,	/* the system cannot convert GB18030 */
	CSV_TEXT_NOT_TEXT,	/* neither UTF-8 nor GB18030 */
	CSV_TEXT_BAD_CHAR,	/* converted, but holds a NUL */
	CSV_TEXT_NOMEM
};

struct csv_text {
	const char	*text;		/* into the data, or owned */
	size_t		 len;
	const char	*encoding;	/* "UTF-8" or "GBK/GB18030" */
	char		*owned;		/* the converted copy, or NULL */
};

/* Fills t from data[0..len), which must outlive t when it is UTF-8.
 * On any status but CSV_TEXT_OK nothing is owned. */
enum csv_text_status csv_text_decode(struct csv_text *t, const char *data,
		    size_t len);
/* Frees the converted copy; safe to call twice. */
void		 csv_text_free(struct csv_text *t);
/* A Chinese sentence for a status other than CSV_TEXT_OK. */
const char	*csv_text_message(enum csv_text_status);

#endif
