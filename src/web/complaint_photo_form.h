/* Photos sent with a complaint form (multipart, file inputs named
 * "photo"), read for the domain to keep (domain/complaint_photo.h). */
#ifndef JDXX_COMPLAINT_PHOTO_FORM_H
#define JDXX_COMPLAINT_PHOTO_FORM_H

#include <stddef.h>

#include "base/image.h"
#include "domain/complaint_photo.h"
#include "web/app.h"

/* How many photos the form sent; when any, the page notes they are to
 * be chosen again (Photos.sent), whatever comes of the form. */
size_t	complaint_photo_form_sent(struct ctx *);
/* Cleans the form's photos into out (room for COMPLAINT_PHOTOS_MAX; *n
 * of them, to be freed with image_out_free whatever happens), marking
 * each refusal on the field "photo" with its message and the answer
 * 413 (too large), 415 (not a photo) or 400. */
enum handler_result complaint_photo_form_read(struct ctx *,
	    struct image_out *out, size_t *n);
/* Frees the n photos complaint_photo_form_read cleaned. */
void	complaint_photo_form_free(struct image_out *out, size_t n);
/* Marks the answer about a photo, the photo or its refusal, as never
 * cached and never named in a Referer. */
void	complaint_photo_private(struct ctx *);
/* Answers with a kept photo's bytes (freed here, whatever happens):
 * a JPEG, never cached, never named in a Referer. */
enum handler_result complaint_photo_answer(struct ctx *, char *data,
	    size_t len);

#endif
