/* Keyword queries for the Mroonga full-text indexes. */
#include <string.h>

#include "db/search.h"

_Static_assert(SEARCH_MAX_TERMS == 5, "SEARCH_LIKE_BODY has five LIKEs");

static size_t
space_len(const char *s)
{
	if (*s == ' ' || *s == '\t')
		return 1;
	if (strncmp(s, "\xe3\x80\x80", 3) == 0)	/* U+3000 */
		return 3;
	return 0;
}

/* Copies the next word of *q (quotes and backslashes dropped) into term
 * and moves *q past it; the word's length, 0 when none is left, or -1
 * when term is too small. Words of only quotes are skipped. */
static int
next_term(const char **q, char *term, size_t len)
{
	const char	*s = *q;
	size_t		 o = 0, sp;

	for (;;) {
		while ((sp = space_len(s)) > 0)
			s += sp;
		if (*s == '\0')
			break;
		for (; *s != '\0' && space_len(s) == 0; s++) {
			if (*s == '"' || *s == '\\')
				continue;
			if (o + 1 >= len)
				return -1;
			term[o++] = *s;
		}
		if (o > 0)
			break;
	}
	term[o] = '\0';
	*q = s;
	return (int)o;
}

int
search_query(char *out, size_t len, const char *q)
{
	char	 term[SEARCH_TERM_MAX];
	size_t	 o = 0, n;
	int	 terms = 0, r;

	if (len == 0)
		return -1;
	out[0] = '\0';
	while (terms < SEARCH_MAX_TERMS &&
	    (r = next_term(&q, term, sizeof(term))) != 0) {
		n = (size_t)r;
		/* +"term", a space before all but the first. */
		if (r < 0 || o + n + 4 + (terms > 0) >= len)
			return -1;
		if (terms > 0)
			out[o++] = ' ';
		out[o++] = '+';
		out[o++] = '"';
		memcpy(out + o, term, n);
		o += n;
		out[o++] = '"';
		out[o] = '\0';
		terms++;
	}
	return terms;
}

int
search_like_patterns(char pattern[SEARCH_MAX_TERMS][SEARCH_PATTERN_MAX],
    const char *q)
{
	char		 term[SEARCH_TERM_MAX];
	const char	*t;
	size_t		 o;
	int		 terms = 0, r, i;

	while (terms < SEARCH_MAX_TERMS &&
	    (r = next_term(&q, term, sizeof(term))) != 0) {
		if (r < 0)
			return -1;
		o = 0;
		pattern[terms][o++] = '%';
		for (t = term; *t != '\0'; t++) {
			if (*t == '%' || *t == '_')
				pattern[terms][o++] = '\\';
			pattern[terms][o++] = *t;
		}
		pattern[terms][o++] = '%';
		pattern[terms][o] = '\0';
		terms++;
	}
	/* The unused ones match every row. */
	for (i = terms; i < SEARCH_MAX_TERMS; i++)
		strcpy(pattern[i], "%");
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
