/* Photos sent with a complaint: up to three, each cleaned (base/image.h)
 * before it is kept, stored with the complaint in the transaction that
 * files it, read by the staff of its region and, through a short-lived
 * link signed with the secret, by the complainant who tracked it. */
#ifndef JDXX_COMPLAINT_PHOTO_H
#define JDXX_COMPLAINT_PHOTO_H

#include <stddef.h>

#include "base/arena.h"
#include "base/image.h"
#include "db/db.h"
#include "domain/result.h"

#define COMPLAINT_PHOTOS_MAX		3
#define COMPLAINT_PHOTO_MAX_BYTES	(8 * 1024 * 1024)	/* as sent */
#define COMPLAINT_PHOTO_MAX_PIXELS	40000000ULL	/* as declared */
#define COMPLAINT_PHOTO_SIDE		1600	/* px, the longer side kept */
#define COMPLAINT_PHOTO_QUALITY		80
/* How long a tracking page's photo links work. */
#define COMPLAINT_PHOTO_LINK_SECONDS	900
#define COMPLAINT_PHOTO_TOKEN_MAX	64	/* bytes with the NUL */

/* A kept photo, without its bytes. */
struct complaint_photo {
	long long	 id;
	int		 seq;		/* 1.. in the order sent */
	long long	 size;		/* bytes */
	int		 width, height;
};

static inline const struct complaint_photo *
complaint_photo_at(const struct arena_list *l, size_t i)
{
	return (const struct complaint_photo *)l->item + i;
}

/* Cleans a photo as sent into out within the limits above. */
enum image_status complaint_photo_clean(const void *data, size_t len,
		    struct image_out *out);
/* What to tell the complainant about a photo refused with st. */
const char	*complaint_photo_problem(enum image_status st);
/* Keeps the cleaned photos of a complaint being filed: called inside
 * its transaction (complaint_file). */
enum db_status	complaint_photo_insert(long long complaint_id,
		    const struct image_out *photos, size_t n);
/* A complaint's photos in the order sent. */
enum domain_status complaint_photos(struct arena *, long long complaint_id,
		    struct arena_list *photos);
/* The bytes of photo_id when it belongs to complaint_id (the caller
 * checked the complaint is the reader's): malloc'd into *data;
 * DOMAIN_NOT_FOUND otherwise. */
enum domain_status complaint_photo_data(long long complaint_id,
		    long long photo_id, char **data, size_t *len);
/* The token of a link to photo_id of complaint_id working until expires
 * (seconds since the epoch), keyed with the secret. */
void		complaint_photo_token(long long photo_id, long long complaint_id,
		    long long expires, const char *secret,
		    char out[COMPLAINT_PHOTO_TOKEN_MAX]);
/* The bytes of photo_id when token is its link's, made with the secret
 * and not expired at now; DOMAIN_NOT_FOUND for anything else. */
enum domain_status complaint_photo_by_token(long long photo_id,
		    const char *token, const char *secret, long long now,
		    char **data, size_t *len);

#endif
