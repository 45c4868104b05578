/* Photo cleaning: every allowed format comes out a stripped, upright,
 * bounded JPEG; everything else (empty, too large, not an image, another
 * format, truncated, a header declaring too many pixels) is refused with
 * its own status, before or without decoding. The inputs are made here
 * with libvips. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vips/vips.h>
#include <zlib.h>

#include "check.h"
#include "base/image.h"

static const struct image_limits lim = {
	8 * 1024 * 1024, 40000000ULL, 1600, 80
};

/* A w×h gradient of bands bands saved as format ("jpeg", "png",
 * "webp"), with orientation when > 0 and comment when not NULL. */
static void *
make(const char *format, int w, int h, int bands, int orientation,
    const char *comment, size_t *len)
{
	VipsImage	*x = NULL, *img = NULL, *u = NULL;
	void		*buf = NULL;
	int		 rc = -1;

	*len = 0;
	if (vips_xyz(&x, w, h, NULL) != 0 ||
	    vips_extract_band(x, &img, 0, "n", 1, NULL) != 0)
		goto out;
	g_object_unref(x);
	x = img;
	img = NULL;
	if (vips_bandjoin_const1(x, &img, 128.0, NULL) != 0)
		goto out;
	while (vips_image_get_bands(img) < bands) {
		g_object_unref(x);
		x = img;
		img = NULL;
		if (vips_bandjoin_const1(x, &img, 200.0, NULL) != 0)
			goto out;
	}
	if (vips_cast_uchar(img, &u, NULL) != 0)
		goto out;
	if (bands >= 3)
		u->Type = VIPS_INTERPRETATION_sRGB;
	if (orientation > 0)
		vips_image_set_int(u, "orientation", orientation);
	if (comment != NULL)
		vips_image_set_string(u, "exif-ifd0-ImageDescription", comment);
	if (strcmp(format, "jpeg") == 0)
		rc = vips_jpegsave_buffer(u, &buf, len, "Q", 90, NULL);
	else if (strcmp(format, "png") == 0)
		rc = vips_pngsave_buffer(u, &buf, len, NULL);
	else
		rc = vips_webpsave_buffer(u, &buf, len, NULL);
out:
	if (x != NULL)
		g_object_unref(x);
	if (img != NULL)
		g_object_unref(img);
	if (u != NULL)
		g_object_unref(u);
	if (rc != 0) {
		g_free(buf);
		vips_error_clear();
		return NULL;
	}
	return buf;
}

static void
put32(unsigned char *p, unsigned long v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* A PNG whose header says w×h but that holds almost nothing: the bomb
 * must be refused from the header alone. */
static size_t
png_bomb(unsigned char *p, unsigned long w, unsigned long h)
{
	static const unsigned char idat[] = { 0x78, 0x9c, 0x03, 0x00, 0x00,
	    0x00, 0x00, 0x01 };
	size_t	 n = 0;

	memcpy(p, "\x89PNG\r\n\x1a\n", 8);
	n = 8;
	put32(p + n, 13);
	memcpy(p + n + 4, "IHDR", 4);
	put32(p + n + 8, w);
	put32(p + n + 12, h);
	memcpy(p + n + 16, "\x08\x02\x00\x00\x00", 5);
	put32(p + n + 21, crc32(0, p + n + 4, 17));
	n += 25;
	put32(p + n, sizeof(idat));
	memcpy(p + n + 4, "IDAT", 4);
	memcpy(p + n + 8, idat, sizeof(idat));
	put32(p + n + 8 + sizeof(idat), crc32(0, p + n + 4, 4 + sizeof(idat)));
	n += 12 + sizeof(idat);
	put32(p + n, 0);
	memcpy(p + n + 4, "IEND", 4);
	put32(p + n + 8, crc32(0, (const unsigned char *)"IEND", 4));
	return n + 12;
}

static int
has(const unsigned char *p, size_t n, const char *what, size_t wn)
{
	size_t	 i;

	for (i = 0; i + wn <= n; i++)
		if (memcmp(p + i, what, wn) == 0)
			return 1;
	return 0;
}

static const struct good {
	const char	*format;
	int		 w, h, bands, orientation;
	int		 out_w, out_h;
} goods[] = {
	{ "jpeg", 3200, 2400, 3, 0, 1600, 1200 },
	{ "jpeg", 640, 480, 3, 0, 640, 480 },		/* never enlarged */
	{ "jpeg", 400, 200, 3, 6, 200, 400 },		/* turned upright */
	{ "jpeg", 400, 200, 3, 8, 200, 400 },
	{ "jpeg", 2000, 3000, 1, 0, 1067, 1600 },	/* grey */
	{ "png", 1800, 900, 4, 0, 1600, 800 },		/* alpha on white */
	{ "png", 300, 300, 2, 0, 300, 300 },
	{ "webp", 2400, 1600, 3, 0, 1600, 1067 },
	{ "webp", 500, 500, 4, 0, 500, 500 },
};

static void
check_good(const struct good *g)
{
	struct image_out o;
	enum image_status st;
	VipsImage	*back;
	size_t		 len;
	void		*in;

	in = make(g->format, g->w, g->h, g->bands, g->orientation,
	    "GPS 32.0N 112.1E secret", &len);
	CHECK(in != NULL, "%s %dx%d made", g->format, g->w, g->h);
	if (in == NULL)
		return;
	CHECK(strcmp(image_format(in, len), g->format) == 0, "%s detected",
	    g->format);
	st = image_clean(in, len, &lim, &o);
	CHECK(st == IMAGE_OK, "%s %dx%d o%d: status %d", g->format, g->w, g->h,
	    g->orientation, st);
	if (st == IMAGE_OK) {
		CHECK(o.width == g->out_w && o.height == g->out_h,
		    "%s %dx%d o%d: %dx%d, want %dx%d", g->format, g->w, g->h,
		    g->orientation, o.width, o.height, g->out_w, g->out_h);
		CHECK(o.in_width == g->w && o.in_height == g->h,
		    "declared %dx%d", o.in_width, o.in_height);
		CHECK(o.len > 3 && o.data[0] == 0xff && o.data[1] == 0xd8,
		    "%s: a JPEG out", g->format);
		CHECK(!has(o.data, o.len, "Exif", 4) &&
		    !has(o.data, o.len, "ICC_PROFILE", 11) &&
		    !has(o.data, o.len, "http://ns.adobe.com", 19) &&
		    !has(o.data, o.len, "secret", 6),
		    "%s: no metadata left", g->format);
		back = vips_image_new_from_buffer(o.data, o.len, "", NULL);
		CHECK(back != NULL && vips_image_get_width(back) == o.width &&
		    vips_image_get_height(back) == o.height,
		    "%s: the output decodes", g->format);
		if (back != NULL)
			g_object_unref(back);
		vips_error_clear();
	}
	image_out_free(&o);
	CHECK(o.data == NULL, "freed");
	g_free(in);
}

void
test_image(void)
{
	static const struct image_limits small = { 1000, 40000000ULL, 1600,
	    80 };
	unsigned char	 bomb[128], *cut;
	struct image_out o;
	size_t		 i, len, n;
	void		*jpeg;
	const struct bad {
		const char	*name;
		const void	*data;
		size_t		 len;
		const struct image_limits *lim;
		enum image_status want;
	} *b;

	for (i = 0; i < NELEM(goods); i++)
		check_good(&goods[i]);

	jpeg = make("jpeg", 800, 600, 3, 0, NULL, &len);
	CHECK(jpeg != NULL, "input made");
	if (jpeg == NULL)
		return;
	cut = malloc(len / 2);
	memcpy(cut, jpeg, len / 2);
	{
		const struct bad bads[] = {
			{ "empty", "", 0, &lim, IMAGE_EMPTY },
			{ "over the byte limit", jpeg, len, &small,
			    IMAGE_TOO_LARGE },
			{ "text", "hello, this is not a photo", 26, &lim,
			    IMAGE_NOT_ALLOWED },
			{ "GIF", "GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14,
			    &lim, IMAGE_NOT_ALLOWED },
			{ "SVG", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
			    41, &lim, IMAGE_NOT_ALLOWED },
			{ "PDF", "%PDF-1.4\n", 9, &lim, IMAGE_NOT_ALLOWED },
			{ "JPEG magic, then nothing", "\xff\xd8\xff", 3, &lim,
			    IMAGE_BROKEN },
			{ "RIFF but not WebP", "RIFF\x04\x00\x00\x00WAVE", 12,
			    &lim, IMAGE_NOT_ALLOWED },
			{ "truncated JPEG", cut, len / 2, &lim, IMAGE_BROKEN },
			{ "PNG bomb 20000x20000", bomb, png_bomb(bomb, 20000,
			    20000), &lim, IMAGE_TOO_MANY_PIXELS },
		};

		for (b = bads; b < bads + NELEM(bads); b++) {
			enum image_status st = image_clean(b->data, b->len,
			    b->lim, &o);

			CHECK(st == b->want, "%s: status %d, want %d", b->name,
			    st, b->want);
			CHECK(o.data == NULL && o.len == 0, "%s: no output",
			    b->name);
		}
	}
	/* Just over the limit, from the header; just under, it is decoded
	 * and found empty. */
	n = png_bomb(bomb, 6400, 6400);
	CHECK(image_clean(bomb, n, &lim, &o) == IMAGE_TOO_MANY_PIXELS,
	    "6400x6400 declared: too many pixels");
	n = png_bomb(bomb, 6000, 6000);
	CHECK(image_clean(bomb, n, &lim, &o) == IMAGE_BROKEN,
	    "6000x6000 declared, no pixel data: broken");
	free(cut);
	g_free(jpeg);
}
