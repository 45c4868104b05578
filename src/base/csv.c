/* CSV records for downloads (RFC 4180). */
#include <string.h>

#include "base/csv.h"

void
csv_init(struct csv *c, struct buf *out)
{
	c->out = out;
	c->fields = 0;
	c->failed = 0;
}

static void
put(struct csv *c, const char *s, size_t n)
{
	if (buf_add(c->out, s, n) == -1)
		c->failed = 1;
}

static void
separator(struct csv *c)
{
	if (c->fields++ > 0)
		put(c, ",", 1);
}

void
csv_text(struct csv *c, const char *s)
{
	const char	*q;
	int		 formula, quote;

	separator(c);
	formula = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		put(c, "\"", 1);
	if (formula)
		put(c, "'", 1);
	/* Each quote inside is doubled. */
	while ((q = strchr(s, '"')) != NULL) {
		put(c, s, (size_t)(q - s) + 1);
		put(c, "\"", 1);
		s = q + 1;
	}
	put(c, s, strlen(s));
	if (quote)
		put(c, "\"", 1);
}

void
csv_int(struct csv *c, long long v)
{
	separator(c);
	if (buf_printf(c->out, "%lld", v) == -1)
		c->failed = 1;
}

void
csv_end(struct csv *c)
{
	put(c, "\r\n", 2);
	c->fields = 0;
}

int
csv_status(const struct csv *c)
{
	return c->failed ? -1 : 0;
}
