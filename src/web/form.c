/* Bounded parsing of urlencoded data and cookies. */
#include <stdlib.h>
#include <string.h>

#include "web/form.h"
#include "base/utf8.h"

void
kvlist_init(struct kvlist *l)
{
	l->items = NULL;
	l->n = l->cap = 0;
}

void
kvlist_free(struct kvlist *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].key);
		free(l->items[i].val);
	}
	free(l->items);
	kvlist_init(l);
}

const struct kv *
kvlist_get(const struct kvlist *l, const char *key)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return &l->items[i];
	return NULL;
}

size_t
kvlist_count(const struct kvlist *l, const char *key)
{
	size_t	 i, n = 0;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			n++;
	return n;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long
url_decode(char *dst, const char *src, size_t len, int plus_is_space)
{
	size_t	 i, o = 0;
	int	 hi, lo;

	for (i = 0; i < len; i++) {
		if (src[i] == '%') {
			if (len - i < 3)
				return -1;
			hi = hexval((unsigned char)src[i + 1]);
			lo = hexval((unsigned char)src[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			dst[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (src[i] == '+' && plus_is_space)
			dst[o++] = ' ';
		else
			dst[o++] = src[i];
	}
	dst[o] = '\0';
	return (long)o;
}

/* Decodes one piece into a fresh string after checking its limit. */
static enum form_status
decode_piece(char **out, size_t *outlen, const char *s, size_t len,
    size_t max, int plus_is_space)
{
	char	*p;
	long	 n;

	*out = NULL;
	/* Each decoded byte takes at least one input byte, at most three. */
	if (len > max * 3)
		return FORM_TOO_LONG;
	if ((p = malloc(len + 1)) == NULL)
		return FORM_NOMEM;
	if ((n = url_decode(p, s, len, plus_is_space)) < 0) {
		free(p);
		return FORM_BAD_ESCAPE;
	}
	if ((size_t)n > max) {
		free(p);
		return FORM_TOO_LONG;
	}
	if (!utf8_valid(p, (size_t)n)) {
		free(p);
		return FORM_BAD_UTF8;
	}
	*out = p;
	if (outlen != NULL)
		*outlen = (size_t)n;
	return FORM_OK;
}

static enum form_status
kvlist_push(struct kvlist *l, char *key, char *val, size_t vlen)
{
	struct kv	*p;
	size_t		 ncap;

	if (l->n == l->cap) {
		ncap = l->cap ? l->cap * 2 : 8;
		if ((p = realloc(l->items, ncap * sizeof(*p))) == NULL) {
			free(key);
			free(val);
			return FORM_NOMEM;
		}
		l->items = p;
		l->cap = ncap;
	}
	l->items[l->n].key = key;
	l->items[l->n].val = val;
	l->items[l->n].vlen = vlen;
	l->n++;
	return FORM_OK;
}

enum form_status
kvlist_add(struct kvlist *l, const char *key, const char *val, size_t vlen)
{
	char	*k, *v;

	if ((k = strdup(key)) == NULL)
		return FORM_NOMEM;
	if ((v = malloc(vlen + 1)) == NULL) {
		free(k);
		return FORM_NOMEM;
	}
	memcpy(v, val, vlen);
	v[vlen] = '\0';
	return kvlist_push(l, k, v, vlen);
}

/* Splits s on sep; each piece is key[=value], optionally space-trimmed. */
static enum form_status
parse_pairs(struct kvlist *l, const char *s, size_t len, char sep,
    int cookie, const struct form_limits *lim)
{
	const char		*p = s, *end = s + len, *next, *eq;
	char			*key, *val;
	size_t			 vlen, fields = 0;
	enum form_status	 st;

	while (p < end) {
		if ((next = memchr(p, sep, (size_t)(end - p))) == NULL)
			next = end;
		if (cookie)
			while (p < next && *p == ' ')
				p++;
		if (p == next) {
			p = next + 1;
			continue;
		}
		if (++fields > lim->max_fields)
			return FORM_TOO_MANY;
		if ((eq = memchr(p, '=', (size_t)(next - p))) == NULL)
			eq = next;
		st = decode_piece(&key, NULL, p, (size_t)(eq - p),
		    lim->max_key, !cookie);
		if (st != FORM_OK)
			return st;
		st = eq < next ?
		    decode_piece(&val, &vlen, eq + 1, (size_t)(next - eq - 1),
		    lim->max_value, !cookie) :
		    decode_piece(&val, &vlen, "", 0, lim->max_value, 0);
		if (st != FORM_OK) {
			free(key);
			return st;
		}
		if ((st = kvlist_push(l, key, val, vlen)) != FORM_OK)
			return st;
		p = next + 1;
	}
	return FORM_OK;
}

enum form_status
form_parse_urlencoded(struct kvlist *l, const char *s, size_t len,
    const struct form_limits *lim)
{
	return parse_pairs(l, s, len, '&', 0, lim);
}

enum form_status
form_parse_cookies(struct kvlist *l, const char *s, size_t len,
    const struct form_limits *lim)
{
	return parse_pairs(l, s, len, ';', 1, lim);
}
