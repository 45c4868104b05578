/* Photos with a complaint from the public: taken from the form and
 * cleaned before anything is filed, linked from the tracking page for a
 * short while, and served only to such a link, never cached. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/complaint_photo.h"
#include "public.h"
#include "web/complaint_view.h"
#include "web/config.h"
#include "web/domain_answer.h"
#include "web/view.h"

const struct param_spec photo_params[PH_COUNT] = {
	[PH_TOKEN] = { "t", "链接", P_TEXT, 1, COMPLAINT_PHOTO_TOKEN_MAX - 1, 0 },
};

/* A file input with a photo in it: one left empty sends a part with no
 * filename and no bytes. */
static int
is_photo(const struct multipart_part *p)
{
	return strcmp(p->name, "photo") == 0 && p->filename != NULL &&
	    (p->len > 0 || p->filename[0] != '\0');
}

size_t
complaint_photos_sent(struct ctx *c)
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
complaint_photos_from_form(struct ctx *c, struct image_out *out, size_t *n)
{
	const struct multipart	*mp = &c->req->parts;
	enum image_status	 st;
	size_t			 i, sent;
	int			 status = 0;
	char			 msg[256];

	*n = 0;
	if ((sent = complaint_photos_sent(c)) == 0)
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
			    st == IMAGE_NOT_ALLOWED ? 415 : 400;
	}
	if (status != 0)
		c->resp->status = status;
	return H_OK;
}

enum handler_result
complaint_photos_to_page(struct ctx *c, long long complaint_id,
    const char *prefix)
{
	struct arena_list	 photos;
	const struct complaint_photo *p;
	enum domain_status	 ds;
	long long		 expires;
	char			 token[COMPLAINT_PHOTO_TOKEN_MAX], url[128];
	size_t			 i;

	if ((ds = complaint_photos(&c->arena, complaint_id, &photos)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	/* The page was asked for with the number and code: its links work
	 * for a while, and carry neither. */
	expires = (long long)time(NULL) + COMPLAINT_PHOTO_LINK_SECONDS;
	for (i = 0; i < photos.n; i++) {
		p = complaint_photo_at(&photos, i);
		complaint_photo_token(p->id, complaint_id, expires,
		    c->cfg->secret, token);
		snprintf(url, sizeof(url), "/complaints/photos/%lld?t=%s", p->id,
		    token);
		complaint_view_photo(c->hdf, prefix, i, p, url);
	}
	return H_OK;
}

/* Never kept by a browser or a cache, never named in a Referer. */
static void
private_photo(struct ctx *c)
{
	response_header(c->resp, "Cache-Control", "private, no-store");
	response_header(c->resp, "Referrer-Policy", "no-referrer");
}

int
handle_complaint_photo(struct ctx *c)
{
	enum handler_result	 r;
	enum domain_status	 ds;
	char			*data = NULL;
	size_t			 len = 0;

	/* A bad or missing token is a link that does not exist. */
	if (c->req->param_errors > 0 || !c->req->param[PH_TOKEN].present)
		ds = DOMAIN_NOT_FOUND;
	else
		ds = complaint_photo_by_token(c->req->path_id,
		    ctx_text(c, PH_TOKEN), c->cfg->secret, (long long)time(NULL),
		    &data, &len);
	if (ds != DOMAIN_OK) {
		r = domain_answer_error(c, ds);
		private_photo(c);
		return r;
	}
	buf_reset(&c->resp->body);
	if (buf_add(&c->resp->body, data, len) == -1) {
		free(data);
		return H_ERROR;
	}
	free(data);
	c->resp->content_type = "image/jpeg";
	response_header(c->resp, "Content-Disposition",
	    "inline; filename=\"photo.jpg\"");
	private_photo(c);
	return H_OK;
}
