/* Photos through libvips: header first, then a shrinking decode into a
 * JPEG saved with every piece of metadata stripped. */
#include <stdlib.h>
#include <string.h>

#include <vips/vips.h>
#include <vips/vector.h>

#include "base/image.h"

/* 1 started, -1 could not start, 0 not yet. */
static int	 started;

/* The loaders that may read a photo: no other of libvips' many formats
 * (SVG, PDF, TIFF, HEIF...) is reachable from a complaint. */
static const struct {
	const char	*format, *loader;
} loaders[] = {
	{ "jpeg", "VipsForeignLoadJpeg" },
	{ "png", "VipsForeignLoadPng" },
	{ "webp", "VipsForeignLoadWebp" },
};

/* Warnings of a corrupt file are answered by the status, not logged. */
static void
quiet(const gchar *domain, GLogLevelFlags level, const gchar *msg,
    gpointer arg)
{
	(void)domain;
	(void)level;
	(void)msg;
	(void)arg;
}

static int
start(void)
{
	if (started != 0)
		return started;
	if (VIPS_INIT("jdxx") != 0) {
		started = -1;
		return -1;
	}
	/* A worker lives long: nothing kept between photos, one thread. */
	vips_cache_set_max(0);
	vips_cache_set_max_mem(0);
	vips_cache_set_max_files(0);
	vips_concurrency_set(1);
	/* No code made at run time (liborc): the unit denies W^X memory. */
	vips_vector_set_enabled(FALSE);
	vips_block_untrusted_set(TRUE);
	g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE |
	    G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG, quiet, NULL);
	started = 1;
	return 1;
}

void
image_shutdown(void)
{
	if (started == 1)
		vips_shutdown();
	started = 0;
}

const char *
image_format(const void *data, size_t len)
{
	const unsigned char *p = data;

	if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return "jpeg";
	if (len >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "png";
	if (len >= 12 && memcmp(p, "RIFF", 4) == 0 &&
	    memcmp(p + 8, "WEBP", 4) == 0)
		return "webp";
	return NULL;
}

/* 1 when libvips would read data with the loader of format. */
static int
loader_is(const void *data, size_t len, const char *format)
{
	const char	*name;
	size_t		 i;

	if ((name = vips_foreign_find_load_buffer(data, len)) == NULL)
		return 0;
	for (i = 0; i < sizeof(loaders) / sizeof(loaders[0]); i++)
		if (strcmp(loaders[i].format, format) == 0)
			return strncmp(name, loaders[i].loader,
			    strlen(loaders[i].loader)) == 0;
	return 0;
}

/* Reads only the header: the size the file claims, before decoding. */
static enum image_status
declared_size(const void *data, size_t len, const struct image_limits *lim,
    struct image_out *out)
{
	VipsImage	*h;

	h = vips_image_new_from_buffer(data, len, "", "access",
	    VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
	if (h == NULL)
		return IMAGE_BROKEN;
	out->in_width = vips_image_get_width(h);
	out->in_height = vips_image_get_height(h);
	g_object_unref(h);
	if (out->in_width <= 0 || out->in_height <= 0)
		return IMAGE_BROKEN;
	if ((unsigned long long)out->in_width * (unsigned long long)
	    out->in_height > lim->max_pixels)
		return IMAGE_TOO_MANY_PIXELS;
	return IMAGE_OK;
}

/* Decodes, turns upright, shrinks, drops any alpha onto white and saves
 * a stripped JPEG into out. */
static enum image_status
convert(const void *data, size_t len, const struct image_limits *lim,
    struct image_out *out)
{
	VipsImage	*t = NULL, *flat = NULL, *img;
	VipsArrayDouble	*white;
	void		*buf = NULL;
	size_t		 n = 0;
	enum image_status st = IMAGE_BROKEN;
	int		 rc;

	/* Autorotates by the orientation tag; decodes in one pass. */
	if (vips_thumbnail_buffer((void *)data, len, &t, lim->max_side,
	    "height", lim->max_side, "size", VIPS_SIZE_DOWN,
	    "option_string", "fail_on=error", NULL) != 0)
		goto out;
	img = t;
	if (vips_image_hasalpha(t)) {
		/* The operation takes its own reference to the array. */
		white = vips_array_double_newv(1, 255.0);
		rc = vips_flatten(t, &flat, "background", white, NULL);
		vips_area_unref(VIPS_AREA(white));
		if (rc != 0)
			goto out;
		img = flat;
	}
	if (vips_jpegsave_buffer(img, &buf, &n, "Q", lim->quality,
	    "strip", TRUE, "optimize_coding", TRUE, NULL) != 0)
		goto out;
	if ((out->data = malloc(n)) == NULL) {
		st = IMAGE_FAILED;
		goto out;
	}
	memcpy(out->data, buf, n);
	out->len = n;
	out->width = vips_image_get_width(img);
	out->height = vips_image_get_height(img);
	st = IMAGE_OK;
out:
	g_free(buf);
	if (flat != NULL)
		g_object_unref(flat);
	if (t != NULL)
		g_object_unref(t);
	return st;
}

enum image_status
image_clean(const void *data, size_t len, const struct image_limits *lim,
    struct image_out *out)
{
	const char	*format;
	enum image_status st;

	memset(out, 0, sizeof(*out));
	if (len == 0)
		return IMAGE_EMPTY;
	if (len > lim->max_bytes)
		return IMAGE_TOO_LARGE;
	if ((format = image_format(data, len)) == NULL)
		return IMAGE_NOT_ALLOWED;
	if (start() != 1)
		return IMAGE_FAILED;
	if (!loader_is(data, len, format))
		st = IMAGE_NOT_ALLOWED;
	else if ((st = declared_size(data, len, lim, out)) == IMAGE_OK)
		st = convert(data, len, lim, out);
	/* The library's error text would only grow. */
	vips_error_clear();
	if (st != IMAGE_OK) {
		free(out->data);
		out->data = NULL;
		out->len = 0;
	}
	return st;
}

void
image_out_free(struct image_out *o)
{
	free(o->data);
	o->data = NULL;
	o->len = 0;
}
