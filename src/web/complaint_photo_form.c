/* The photos a complaint form sends: counted, cleaned, and each one
 * refused marked on the form, for the public's form and staff intake. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/complaint_photo_form.h"
#include "web/view.h"

/* A file input with a photo in it: one left empty sends a part with no
 * filename and no bytes. */
static int
is_photo(const struct multipart_part *p)
{
	return strcmp(p->name, "photo") == 0 && p->filename != NULL &&
	    (p->len > 0 || p->filename[0] != '\0');
}

size_t
complaint_photo_form_sent(struct ctx *c)
{
	const struct multipart	*mp = &c->req->parts;
	size_t			 i, sent = 0;

	for (i = 0; i < mp->n; i++)
		sent += is_photo(&mp->parts[i]);
	/* Whatever comes of this form, the files are not sent back. */
	if (sent > 0)
		hset(c->hdf, "Photos.sent", "1");
	return sent;
}

enum handler_result
complaint_photo_form_read(struct ctx *c, struct image_out *out, size_t *n)
{
	const struct multipart	*mp = &c->req->parts;
	enum image_status	 st;
	size_t			 i, sent;
	int			 status = 0;
	char			 msg[256];

	*n = 0;
	if ((sent = complaint_photo_form_sent(c)) == 0)
		return H_OK;
	if (sent > COMPLAINT_PHOTOS_MAX) {
		snprintf(msg, sizeof(msg), "最多上传 %d 张照片，您选了 %zu 张",
		    COMPLAINT_PHOTOS_MAX, sent);
		ctx_field_error(c, "photo", msg);
		return H_OK;
	}
	for (i = 0, sent = 0; i < mp->n; i++) {
		if (!is_photo(&mp->parts[i]))
			continue;
		sent++;
		st = complaint_photo_clean(mp->parts[i].data, mp->parts[i].len,
		    &out[*n]);
		if (st == IMAGE_OK) {
			(*n)++;
			continue;
		}
		snprintf(msg, sizeof(msg), "第 %zu 张照片：%s", sent,
		    complaint_photo_problem(st));
		ctx_field_error(c, "photo", msg);
		if (status == 0)
			status = st == IMAGE_TOO_LARGE ? 413 :
			    st == IMAGE_NOT_ALLOWED ? 415 :
			    /* Ours, not the photo's: try again later. */
			    st == IMAGE_FAILED ? 503 : 400;
	}
	if (status != 0)
		c->resp->status = status;
	return H_OK;
}

void
complaint_photo_private(struct ctx *c)
{
	response_header(c->resp, "Cache-Control", "private, no-store");
	response_header(c->resp, "Referrer-Policy", "no-referrer");
}

enum handler_result
complaint_photo_answer(struct ctx *c, char *data, size_t len)
{
	buf_reset(&c->resp->body);
	if (buf_add(&c->resp->body, data, len) == -1) {
		free(data);
		return H_ERROR;
	}
	free(data);
	c->resp->content_type = "image/jpeg";
	response_header(c->resp, "Content-Disposition",
	    "inline; filename=\"photo.jpg\"");
	complaint_photo_private(c);
	return H_OK;
}

void
complaint_photo_form_free(struct image_out *out, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		image_out_free(&out[i]);
}
