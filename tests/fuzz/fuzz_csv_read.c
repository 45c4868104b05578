/* libFuzzer harness for csv_read.c: the input is the text. Aborts when a
 * record breaks a promise of csv_read.h: a limit exceeded, a field
 * outside the buffer or not NUL-terminated, a line number going back, a
 * stopping error that does not stick, or reading that never ends. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv_read.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const struct csv_read_limits lim = { 64, 6, 16, 20 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader	 r;
	enum csv_read_status	 st;
	size_t			 i, calls, last_line = 0, total;

	if (csv_reader_init(&r, (const char *)data, size, &lim) == -1)
		abort();
	/* Every call consumes a record or stops, so size + 2 calls end it. */
	for (calls = 0; calls < size + 2; calls++) {
		st = csv_read_record(&r);
		if (st == CSV_READ_END)
			break;
		if (r.line < last_line || r.line == 0 || r.line > size + 1)
			abort();
		last_line = r.line;
		if (r.records > lim.max_records)
			abort();
		if (st != CSV_READ_OK) {
			if (r.nfields != 0)
				abort();
			if (st >= CSV_READ_TOO_MANY_RECORDS) {
				if (csv_read_record(&r) != st)
					abort();
				break;
			}
			continue;
		}
		if (r.nfields == 0 || r.nfields > lim.max_fields)
			abort();
		total = 0;
		for (i = 0; i < r.nfields; i++) {
			if (r.field_len[i] > lim.max_field ||
			    r.fields[i] < r.buf ||
			    r.fields[i] + r.field_len[i] >
			    r.buf + lim.max_record + lim.max_fields ||
			    r.fields[i][r.field_len[i]] != '\0')
				abort();
			total += r.field_len[i];
		}
		if (total > lim.max_record || total > size)
			abort();
	}
	if (calls == size + 2)
		abort();
	csv_reader_free(&r);
	return 0;
}
