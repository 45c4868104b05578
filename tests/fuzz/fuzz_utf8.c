/* libFuzzer harness for utf8.c: utf8_valid, utf8_chars and
 * utf8_has_controls against a plain reading of the Unicode standard's
 * table of well-formed byte sequences (Table 3-7). */
#include <string.h>

#include "fuzz.h"
#include "base/utf8.h"

/* Bytes of the well-formed sequence at s[0..len), or 0. */
static size_t
well_formed(const unsigned char *s, size_t len)
{
	unsigned char	 lo = 0x80, hi = 0xbf;
	size_t		 n, i;

	if (s[0] >= 0x01 && s[0] <= 0x7f)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (len < n || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*copy;
	size_t		 i = 0, n, chars = 0;
	int		 valid = 1, controls = 0, controls_nl = 0;

	/* An exact-size copy, so a read past the end is caught. */
	if ((copy = malloc(size ? size : 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	while (i < size) {
		if ((n = well_formed(data + i, size - i)) == 0) {
			valid = 0;
			break;
		}
		i += n;
		chars++;
	}
	for (i = 0; i < size; i++) {
		if (data[i] == '\t' || !(data[i] < 0x20 || data[i] == 0x7f))
			continue;
		controls = 1;
		if (data[i] != '\n' && data[i] != '\r')
			controls_nl = 1;
	}
	MUST(utf8_valid(copy, size) == valid);
	if (valid)
		MUST(utf8_chars(copy, size) == chars);
	MUST(utf8_has_controls(copy, size, 0) == controls);
	MUST(utf8_has_controls(copy, size, 1) == controls_nl);
	free(copy);
	return 0;
}
