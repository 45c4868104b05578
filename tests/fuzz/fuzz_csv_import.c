/* libFuzzer harness for reading an uploaded CSV file as the importers
 * do: csv_text_decode (UTF-8 or GBK/GB18030, byte order mark, Excel
 * workbooks refused), then every record with the importers' kind of
 * limits, each cell cleaned as the importers clean it. Aborts when the
 * text is not UTF-8 after decoding, a cell grows, or a record breaks a
 * limit. */
#include <string.h>

#include "base/csv_read.h"
#include "base/csv_text.h"
#include "fuzz.h"
#include "base/utf8.h"

static const struct csv_read_limits lim = { 512, 12, 128, 64 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_text		 t;
	struct csv_reader	 r;
	enum csv_text_status	 st;
	enum csv_read_status	 rs;
	char			 cell[129];
	size_t			 i, calls = 0;

	st = csv_text_decode(&t, (const char *)data, size);
	if (st != CSV_TEXT_OK) {
		MUST(t.owned == NULL && st != CSV_TEXT_NOMEM);
		MUST(csv_text_message(st)[0] != '\0');
		csv_text_free(&t);
		return 0;
	}
	MUST(utf8_valid(t.text, t.len));
	MUST(t.owned != NULL || t.text >= (const char *)data);
	MUST(t.len <= size * 2 + 16);
	MUST(csv_reader_init(&r, t.text, t.len, &lim) == 0);
	while ((rs = csv_read_record(&r)) != CSV_READ_END) {
		MUST(++calls <= t.len + 1);
		if (rs >= CSV_READ_TOO_MANY_RECORDS)
			break;
		if (rs != CSV_READ_OK)
			continue;
		for (i = 0; i < r.nfields; i++) {
			MUST(r.field_len[i] <= lim.max_field);
			csv_cell_clean(r.fields[i], r.field_len[i], cell);
			MUST(strlen(cell) <= r.field_len[i]);
			MUST(utf8_valid(cell, strlen(cell)));
		}
	}
	csv_reader_free(&r);
	csv_text_free(&t);
	return 0;
}
