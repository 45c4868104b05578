/* ClearSilver rendering. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "log.h"
#include "view.h"

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

void
hset(HDF *hdf, const char *name, const char *value)
{
	NEOERR	*err;

	if ((err = hdf_set_value(hdf, name, value)) != STATUS_OK)
		log_neoerr(err, name);
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
	if (s == NULL)
		return;
	hset(hdf, name, s);
	free(s);
}

void
nerr_ignore_ok(NEOERR *err)
{
	if (err != STATUS_OK)
		nerr_ignore(&err);
}

void
hseti(HDF *hdf, const char *name, long long value)
{
	hsetf(hdf, name, "%lld", value);
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

static NEOERR *
append_output(void *ctx, char *s)
{
	if (buf_adds(ctx, s) == -1)
		return nerr_raise(NERR_NOMEM, "output buffer");
	return STATUS_OK;
}

int
view_render(HDF *hdf, const char *page, int layout, struct buf *out)
{
	CSPARSE	*cs = NULL;
	NEOERR	*err;

	hset(hdf, "Page.Template", page);
	/* Re-assert the escaping mode in case a handler overwrote it. */
	hset(hdf, "Config.VarEscapeMode", "html");
	err = cs_init(&cs, hdf);
	if (err == STATUS_OK)
		err = cs_parse_file(cs, layout ? "layout.cs" : page);
	if (err == STATUS_OK)
		err = cs_render(cs, out, append_output);
	cs_destroy(&cs);
	if (err != STATUS_OK) {
		log_neoerr(err, page);
		return -1;
	}
	return 0;
}
