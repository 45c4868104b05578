/* ClearSilver rendering. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "web/view.h"

static char	 view_root[512] = "templates";

void
view_set_root(const char *dir)
{
	snprintf(view_root, sizeof(view_root), "%s", dir);
}

/* Logs a ClearSilver error once and frees it. */
static void
log_neoerr(NEOERR *err, const char *what)
{
	STRING	 s;

	string_init(&s);
	nerr_error_string(err, &s);
	log_error("%s: %s", what, s.buf != NULL ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
}

/* Values hset could not set since the request began. */
static unsigned long fill_failures;

void
view_fill_reset(void)
{
	fill_failures = 0;
}

void
view_fill_failed(const char *what)
{
	log_error("page data not set: %s", what);
	fill_failures++;
}

unsigned long
view_fill_failures(void)
{
	return fill_failures;
}

void
hset(HDF *hdf, const char *name, const char *value)
{
	NEOERR	*err;

	if ((err = hdf_set_value(hdf, name, value)) != STATUS_OK) {
		log_neoerr(err, name);
		fill_failures++;
	}
}

void
hsetf(HDF *hdf, const char *name, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		s = NULL;
	va_end(ap);
	if (s == NULL) {
		fill_failures++;
		return;
	}
	hset(hdf, name, s);
	free(s);
}

void
nerr_ignore_ok(NEOERR *err)
{
	if (err != STATUS_OK)
		nerr_ignore(&err);
}

char *
view_decimal(char out[VIEW_DECIMAL_MAX], long long value)
{
	unsigned long long	 u = value < 0 ? 0 - (unsigned long long)value :
				    (unsigned long long)value;
	char			*p = out + VIEW_DECIMAL_MAX - 1;

	*p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (value < 0)
		*--p = '-';
	return p;
}

void
hseti(HDF *hdf, const char *name, long long value)
{
	char	 v[VIEW_DECIMAL_MAX];

	/* A number needs no allocation nor printf: snprintf was a tenth of
	 * filling the county page. */
	hset(hdf, name, view_decimal(v, value));
}

HDF *
hnode(HDF *hdf, const char *name)
{
	HDF	*node;
	NEOERR	*err;

	if ((err = hdf_get_node(hdf, name, &node)) != STATUS_OK) {
		log_neoerr(err, name);
		fill_failures++;
		return NULL;
	}
	return node;
}

HDF *
view_new(void)
{
	HDF	*hdf;
	NEOERR	*err;

	if ((err = hdf_init(&hdf)) != STATUS_OK) {
		log_neoerr(err, "hdf_init");
		return NULL;
	}
	hset(hdf, "Config.VarEscapeMode", "html");
	hset(hdf, "hdf.loadpaths.0", view_root);
	return hdf;
}

/* Called for every piece of a page, a thousand and more: a piece that
 * fits is copied here, its NUL with it, without buf_add's call. */
static NEOERR *
append_output(void *ctx, char *s)
{
	struct buf	*b = ctx;
	size_t		 n = strlen(s);

	if (n < b->cap - b->len) {
		memcpy(b->data + b->len, s, n + 1);
		b->len += n;
	} else if (buf_add(b, s, n) == -1)
		return nerr_raise(NERR_NOMEM, "output buffer");
	return STATUS_OK;
}

/* Parsed templates, kept for the worker's life: parsing costs more than
 * rendering, and a page's tree depends only on its name (the layout
 * includes Page.Template when parsed). */
#define VIEW_MAX_PARSED	64

struct parsed {
	char		 page[128];
	int		 layout;
	CSPARSE		*cs;
};

static struct parsed	 parsed[VIEW_MAX_PARSED];
static size_t		 nparsed;

static struct parsed *
parsed_find(const char *page, int layout)
{
	size_t	 i;

	for (i = 0; i < nparsed; i++)
		if (parsed[i].layout == layout &&
		    strcmp(parsed[i].page, page) == 0)
			return &parsed[i];
	return NULL;
}

static void
parsed_drop(struct parsed *p)
{
	cs_destroy(&p->cs);
	*p = parsed[--nparsed];
}

void
view_forget_parsed(void)
{
	while (nparsed > 0)
		parsed_drop(&parsed[0]);
}

int
view_render(HDF *hdf, const char *page, int layout, struct buf *out)
{
	struct parsed	*p;
	CSPARSE		*cs = NULL;
	NEOERR		*err = STATUS_OK;

	hset(hdf, "Page.Template", page);
	/* Re-assert the escaping mode in case a handler overwrote it. */
	hset(hdf, "Config.VarEscapeMode", "html");
	if ((p = parsed_find(page, layout)) != NULL)
		cs = p->cs;
	else {
		err = cs_init(&cs, hdf);
		if (err == STATUS_OK)
			err = cs_parse_file(cs, layout ? "layout.cs" : page);
		if (err == STATUS_OK && nparsed < VIEW_MAX_PARSED &&
		    strlen(page) < sizeof(parsed[0].page)) {
			p = &parsed[nparsed++];
			snprintf(p->page, sizeof(p->page), "%s", page);
			p->layout = layout;
			p->cs = cs;
		}
	}
	if (err == STATUS_OK) {
		/* A kept tree renders this request's data, from a clean start. */
		cs->hdf = hdf;
		cs->locals = NULL;
		err = cs_render(cs, out, append_output);
	}
	/* A failed render may leave state behind: parse afresh next time. */
	if (p != NULL && err != STATUS_OK)
		parsed_drop(p);
	else if (p == NULL)
		cs_destroy(&cs);
	if (err != STATUS_OK) {
		log_neoerr(err, page);
		return -1;
	}
	return 0;
}

void
view_code_item(HDF *hdf, const char *prefix, size_t n, const char *code,
    const char *name)
{
	char	 key[64];

	snprintf(key, sizeof(key), "%s.%zu.code", prefix, n);
	hset(hdf, key, code);
	snprintf(key, sizeof(key), "%s.%zu.name", prefix, n);
	hset(hdf, key, name);
}

