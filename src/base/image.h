/* Photos made safe to keep and show (libvips): a JPEG, PNG or WebP in,
 * a plain JPEG out, turned upright, no larger than asked, with no
 * metadata at all (EXIF, GPS, XMP, IPTC, ICC, comments). The declared
 * size is checked before anything is decoded. */
#ifndef JDXX_IMAGE_H
#define JDXX_IMAGE_H

#include <stddef.h>

enum image_status {
	IMAGE_OK = 0,
	IMAGE_EMPTY,		/* no bytes */
	IMAGE_TOO_LARGE,	/* more than max_bytes */
	IMAGE_NOT_ALLOWED,	/* not a JPEG, PNG or WebP by its bytes */
	IMAGE_TOO_MANY_PIXELS,	/* its header declares over max_pixels */
	IMAGE_BROKEN,		/* cannot be decoded: truncated or corrupt */
	IMAGE_FAILED		/* memory, or the library would not start */
};

struct image_limits {
	size_t		 max_bytes;	/* of the file as sent */
	unsigned long long max_pixels;	/* width × height as declared */
	int		 max_side;	/* the longer side of the output */
	int		 quality;	/* JPEG, 1..100 */
};

struct image_out {
	unsigned char	*data;		/* malloc'd JPEG; image_out_free */
	size_t		 len;
	int		 width, height;		/* of the output */
	int		 in_width, in_height;	/* as the header declared */
};

/* The format of data by its first bytes: "jpeg", "png", "webp" or NULL. */
const char	*image_format(const void *data, size_t len);
/* Makes the cleaned JPEG of data into out (zeroed first; filled only on
 * IMAGE_OK). Starts libvips on first use in this process, with no
 * operation cache and one thread. */
enum image_status image_clean(const void *data, size_t len,
		    const struct image_limits *, struct image_out *out);
void		 image_out_free(struct image_out *);
/* Stops libvips if it was started: at a worker's exit. */
void		 image_shutdown(void);

#endif
