/* Bounded multipart/form-data parsing after RFC 7578 and RFC 2046. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "web/multipart.h"
#include "base/utf8.h"

/* One name=value parameter of a header value, pointing into it. */
struct param {
	const char	*name;
	size_t		 nlen;
	const char	*val;
	size_t		 vlen;
};

/* The body being parsed and the delimiter that splits it. */
struct scan {
	const char			*body;
	size_t				 len;
	size_t				 pos;
	char				 delim[4 + MULTIPART_MAX_BOUNDARY];
	size_t				 dlen;	/* "\r\n--" and the boundary */
	const struct multipart_limits	*lim;
};

static int
is_ows(int c)
{
	return c == ' ' || c == '\t';
}

/* RFC 7230 tchar: what a header or parameter name may hold. */
static int
is_tchar(int c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* RFC 2046 bchars, less the space that may not end a boundary. */
static int
is_bchar_nospace(int c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("'()+_,-./:=?", c) != NULL;
}

static int
boundary_valid(const char *b, size_t len)
{
	size_t	 i;

	if (len == 0 || len > MULTIPART_MAX_BOUNDARY ||
	    !is_bchar_nospace((unsigned char)b[len - 1]))
		return 0;
	for (i = 0; i < len; i++)
		if (b[i] != ' ' && !is_bchar_nospace((unsigned char)b[i]))
			return 0;
	return 1;
}

/* Reads the next "; name=value" of s[*pos..len), the value quoted or a
 * token. Quoted values end at the next '"': browsers send no backslash
 * escapes, so "C:\fakepath\a.pdf" stays whole. Returns 1 with p filled,
 * 0 at the end, -1 when malformed. */
static int
next_param(const char *s, size_t len, size_t *pos, struct param *p)
{
	const char	*q;
	size_t		 i = *pos;

	for (;;) {
		while (i < len && is_ows((unsigned char)s[i]))
			i++;
		if (i == len)
			return 0;
		if (s[i] != ';')
			return -1;
		/* Tolerate empty parameters such as a trailing ';'. */
		for (i++; i < len && is_ows((unsigned char)s[i]); i++)
			continue;
		if (i < len && s[i] != ';')
			break;
	}
	p->name = s + i;
	while (i < len && is_tchar((unsigned char)s[i]))
		i++;
	if ((p->nlen = (size_t)(s + i - p->name)) == 0)
		return -1;
	while (i < len && is_ows((unsigned char)s[i]))
		i++;
	if (i == len || s[i] != '=')
		return -1;
	for (i++; i < len && is_ows((unsigned char)s[i]); i++)
		continue;
	if (i < len && s[i] == '"') {
		if ((q = memchr(s + i + 1, '"', len - i - 1)) == NULL)
			return -1;
		p->val = s + i + 1;
		p->vlen = (size_t)(q - p->val);
		*pos = (size_t)(q - s) + 1;
		return 1;
	}
	p->val = s + i;
	while (i < len && (unsigned char)s[i] > ' ' && s[i] != 0x7f &&
	    s[i] != ';' && s[i] != '"')
		i++;
	if ((p->vlen = (size_t)(s + i - p->val)) == 0)
		return -1;
	*pos = i;
	return 1;
}

static int
param_is(const struct param *p, const char *name)
{
	return p->nlen == strlen(name) &&
	    strncasecmp(p->name, name, p->nlen) == 0;
}

/* Matches a case-insensitive word at s[*pos..len); what follows must
 * be a parameter list, which next_param checks. */
static int
match_word(const char *s, size_t len, size_t *pos, const char *word)
{
	size_t	 n = strlen(word);

	if (len - *pos < n || strncasecmp(s + *pos, word, n) != 0)
		return 0;
	*pos += n;
	return 1;
}

int
multipart_boundary(const char *ct, char *out, size_t outlen)
{
	struct param	 p;
	size_t		 len, pos = 0;
	int		 r, found = 0;

	if (ct == NULL)
		return -1;
	len = strlen(ct);
	while (pos < len && is_ows((unsigned char)ct[pos]))
		pos++;
	if (!match_word(ct, len, &pos, "multipart/form-data"))
		return -1;
	while ((r = next_param(ct, len, &pos, &p)) == 1) {
		if (!param_is(&p, "boundary"))
			continue;
		if (found++ || !boundary_valid(p.val, p.vlen) ||
		    p.vlen >= outlen)
			return -1;
		memcpy(out, p.val, p.vlen);
		out[p.vlen] = '\0';
	}
	return r == 0 && found ? 0 : -1;
}

void
multipart_free(struct multipart *mp)
{
	size_t	 i;

	for (i = 0; i < mp->n; i++) {
		free(mp->parts[i].name);
		free(mp->parts[i].filename);
		free(mp->parts[i].content_type);
	}
	free(mp->parts);
	mp->parts = NULL;
	mp->n = mp->cap = 0;
}

const struct multipart_part *
multipart_get(const struct multipart *mp, const char *name)
{
	size_t	 i;

	for (i = 0; i < mp->n; i++)
		if (strcmp(mp->parts[i].name, name) == 0)
			return &mp->parts[i];
	return NULL;
}

/* Names and filenames end up in pages and logs: UTF-8, no controls. */
static enum multipart_status
check_text(const char *s, size_t len)
{
	size_t	 i;

	if (!utf8_valid(s, len))
		return MP_BAD_UTF8;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return MP_BAD_UTF8;
	return MP_OK;
}

static enum multipart_status
copy_text(char **out, const char *s, size_t len)
{
	if (len > MULTIPART_MAX_NAME)
		return MP_HEADER_TOO_LONG;
	if ((*out = malloc(len + 1)) == NULL)
		return MP_NOMEM;
	memcpy(*out, s, len);
	(*out)[len] = '\0';
	return MP_OK;
}

/* Keeps what follows the last '/' or '\\'; both are ASCII, so this
 * cannot split a UTF-8 sequence. */
static const char *
basename_of(const char *s, size_t *len)
{
	size_t	 i = *len;

	while (i > 0 && s[i - 1] != '/' && s[i - 1] != '\\')
		i--;
	*len -= i;
	return s + i;
}

static enum multipart_status
parse_disposition(const char *s, size_t len, struct multipart_part *part)
{
	struct param		 p, name = { 0 }, file = { 0 };
	const char		*base;
	size_t			 pos = 0, blen;
	int			 r;
	enum multipart_status	 st;

	if (part->name != NULL || !match_word(s, len, &pos, "form-data"))
		return MP_MALFORMED;
	while ((r = next_param(s, len, &pos, &p)) == 1) {
		if (param_is(&p, "name")) {
			if (name.name != NULL)
				return MP_MALFORMED;
			name = p;
		} else if (param_is(&p, "filename")) {
			if (file.name != NULL)
				return MP_MALFORMED;
			file = p;
		}
	}
	if (r < 0 || name.name == NULL || name.vlen == 0)
		return MP_MALFORMED;
	if ((st = check_text(name.val, name.vlen)) != MP_OK ||
	    (st = copy_text(&part->name, name.val, name.vlen)) != MP_OK)
		return st;
	if (file.name == NULL)
		return MP_OK;
	if ((st = check_text(file.val, file.vlen)) != MP_OK)
		return st;
	blen = file.vlen;
	base = basename_of(file.val, &blen);
	return copy_text(&part->filename, base, blen);
}

static enum multipart_status
parse_content_type(const char *s, size_t len, struct multipart_part *part)
{
	size_t	 i;

	if (part->content_type != NULL || len == 0)
		return MP_MALFORMED;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return MP_MALFORMED;
	return copy_text(&part->content_type, s, len);
}

/* One header line without its CRLF; unknown headers are ignored. */
static enum multipart_status
parse_header(const char *s, size_t len, struct multipart_part *part)
{
	const char	*colon, *v, *end = s + len;

	if (memchr(s, '\r', len) != NULL || memchr(s, '\n', len) != NULL)
		return MP_MALFORMED;
	if ((colon = memchr(s, ':', len)) == NULL || colon == s)
		return MP_MALFORMED;
	for (v = s; v < colon; v++)
		if (!is_tchar((unsigned char)*v))
			return MP_MALFORMED;
	for (v = colon + 1; v < end && is_ows((unsigned char)*v); v++)
		continue;
	while (end > v && is_ows((unsigned char)end[-1]))
		end--;
	if ((size_t)(colon - s) == 19 &&
	    strncasecmp(s, "content-disposition", 19) == 0)
		return parse_disposition(v, (size_t)(end - v), part);
	if ((size_t)(colon - s) == 12 &&
	    strncasecmp(s, "content-type", 12) == 0)
		return parse_content_type(v, (size_t)(end - v), part);
	return MP_OK;
}

/* Bytes of s[0..len) before its first CRLF, or len. */
static size_t
line_length(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i + 1 < len; i++)
		if (s[i] == '\r' && s[i + 1] == '\n')
			return i;
	return len;
}

/* Header lines are joined by CRLF; an empty first line means no headers
 * at all and, having no colon, is refused. */
static enum multipart_status
parse_headers(const char *s, size_t len, struct multipart_part *part)
{
	size_t			 pos = 0, n;
	enum multipart_status	 st;

	for (;;) {
		n = line_length(s + pos, len - pos);
		if ((st = parse_header(s + pos, n, part)) != MP_OK)
			return st;
		pos += n;
		if (pos == len)
			break;
		pos += 2;
	}
	return part->name != NULL ? MP_OK : MP_MALFORMED;
}

/* Finds needle starting at most max bytes into s[0..len), so a search
 * never runs past what the limit allows. Sets *over when it stopped
 * short of len. */
static const char *
find_within(const char *s, size_t len, const char *needle, size_t nlen,
    size_t max, int *over)
{
	size_t	 win = len;

	*over = 0;
	if (len > nlen && max < len - nlen) {
		win = max + nlen;
		*over = 1;
	}
	return memmem(s, win, needle, nlen);
}

static struct multipart_part *
part_new(struct multipart *mp)
{
	struct multipart_part	*p;
	size_t			 ncap;

	if (mp->n == mp->cap) {
		ncap = mp->cap ? mp->cap * 2 : 8;
		if ((p = reallocarray(mp->parts, ncap, sizeof(*p))) == NULL)
			return NULL;
		mp->parts = p;
		mp->cap = ncap;
	}
	p = &mp->parts[mp->n++];
	memset(p, 0, sizeof(*p));
	return p;
}

/* Reads one part: headers, blank line, data up to the next delimiter,
 * leaving sc->pos just after that delimiter. */
static enum multipart_status
parse_part(struct multipart *mp, struct scan *sc)
{
	struct multipart_part	*part;
	const char		*s = sc->body + sc->pos, *hend, *dend;
	size_t			 rem = sc->len - sc->pos, max;
	int			 over;
	enum multipart_status	 st;

	if (mp->n >= sc->lim->max_parts)
		return MP_TOO_MANY_PARTS;
	if ((part = part_new(mp)) == NULL)
		return MP_NOMEM;
	hend = find_within(s, rem, "\r\n\r\n", 4, sc->lim->max_header_bytes,
	    &over);
	if (hend == NULL)
		return over ? MP_HEADER_TOO_LONG : MP_MALFORMED;
	if ((st = parse_headers(s, (size_t)(hend - s), part)) != MP_OK)
		return st;

	part->data = hend + 4;
	rem -= (size_t)(part->data - s);
	max = part->filename ? sc->lim->max_file_bytes :
	    sc->lim->max_field_bytes;
	dend = find_within(part->data, rem, sc->delim, sc->dlen, max, &over);
	if (dend == NULL) {
		if (!over)
			return MP_MALFORMED;
		return part->filename ? MP_FILE_TOO_LARGE : MP_FIELD_TOO_LONG;
	}
	part->len = (size_t)(dend - part->data);
	if (part->filename == NULL && !utf8_valid(part->data, part->len))
		return MP_BAD_UTF8;
	sc->pos = (size_t)(dend - sc->body) + sc->dlen;
	return MP_OK;
}

/* After a delimiter: 1 for the closing "--", 0 when a part follows
 * (after transport padding and CRLF), -1 for anything else. */
static int
delimiter_end(struct scan *sc)
{
	const char	*s = sc->body;
	size_t		 i = sc->pos;

	if (sc->len - i >= 2 && s[i] == '-' && s[i + 1] == '-')
		return 1;
	while (i < sc->len && is_ows((unsigned char)s[i]))
		i++;
	if (sc->len - i < 2 || s[i] != '\r' || s[i + 1] != '\n')
		return -1;
	sc->pos = i + 2;
	return 0;
}

enum multipart_status
multipart_parse(struct multipart *mp, const char *body, size_t len,
    const char *boundary, const struct multipart_limits *lim)
{
	struct scan		 sc;
	const char		*p;
	size_t			 blen;
	int			 r;
	enum multipart_status	 st;

	mp->parts = NULL;
	mp->n = mp->cap = 0;
	if (boundary == NULL)
		return MP_BAD_BOUNDARY;
	blen = strnlen(boundary, MULTIPART_MAX_BOUNDARY + 1);
	if (!boundary_valid(boundary, blen))
		return MP_BAD_BOUNDARY;
	if (body == NULL)
		return MP_MALFORMED;
	memcpy(sc.delim, "\r\n--", 4);
	memcpy(sc.delim + 4, boundary, blen);
	sc.dlen = 4 + blen;
	sc.body = body;
	sc.len = len;
	sc.lim = lim;

	/* The first delimiter may open the body with no CRLF before it. */
	if (len >= sc.dlen - 2 && memcmp(body, sc.delim + 2, sc.dlen - 2) == 0)
		sc.pos = sc.dlen - 2;
	else if ((p = memmem(body, len, sc.delim, sc.dlen)) != NULL)
		sc.pos = (size_t)(p - body) + sc.dlen;
	else
		return MP_MALFORMED;

	while ((r = delimiter_end(&sc)) == 0)
		if ((st = parse_part(mp, &sc)) != MP_OK)
			goto fail;
	if (r < 0) {
		st = MP_MALFORMED;
		goto fail;
	}
	return MP_OK;
fail:
	multipart_free(mp);
	return st;
}
