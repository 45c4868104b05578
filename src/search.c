/* Keyword queries for the Mroonga full-text indexes. */
#include <string.h>

#include "search.h"

static size_t
space_len(const char *s)
{
	if (*s == ' ' || *s == '\t')
		return 1;
	if (strncmp(s, "\xe3\x80\x80", 3) == 0)	/* U+3000 */
		return 3;
	return 0;
}

int
search_query(char *out, size_t len, const char *q)
{
	size_t	 o = 0, sp;
	int	 terms = 0, in_term = 0;

	if (len == 0)
		return -1;
	out[0] = '\0';
	while (*q != '\0') {
		if ((sp = space_len(q)) > 0) {
			if (in_term) {
				if (o + 1 >= len)
					return -1;
				out[o++] = '"';
				in_term = 0;
			}
			q += sp;
			continue;
		}
		if (*q == '"' || *q == '\\') {
			q++;
			continue;
		}
		if (!in_term) {
			if (terms == SEARCH_MAX_TERMS)
				break;
			if (o + 4 >= len)
				return -1;
			if (terms > 0)
				out[o++] = ' ';
			out[o++] = '+';
			out[o++] = '"';
			in_term = 1;
			terms++;
		}
		if (o + 2 >= len)
			return -1;
		out[o++] = *q++;
	}
	if (in_term) {
		if (o + 1 >= len)
			return -1;
		out[o++] = '"';
	}
	out[o] = '\0';
	return terms;
}

void
search_phone_digits(char *out, size_t len, const char *q)
{
	size_t	 o = 0;

	out[0] = '\0';
	if (strncmp(q, "+86", 3) == 0)
		q += 3;
	for (; *q != '\0'; q++) {
		if (*q == ' ' || *q == '-')
			continue;
		if (*q < '0' || *q > '9' || o + 1 >= len) {
			out[0] = '\0';
			return;
		}
		out[o++] = *q;
	}
	out[o] = '\0';
	if (o < 7)
		out[0] = '\0';
}
