/* Photos with a complaint from the public: linked from the tracking page
 * for a short while, and served only to such a link, never cached (the
 * form's are read by web/complaint_photo_form.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/complaint_photo.h"
#include "public.h"
#include "web/complaint_photo_form.h"
#include "web/complaint_view.h"
#include "web/config.h"
#include "web/domain_answer.h"
#include "web/view.h"

const struct param_spec photo_params[PH_COUNT] = {
	[PH_TOKEN] = { "t", "链接", P_TEXT, 1, COMPLAINT_PHOTO_TOKEN_MAX - 1, 0 },
};

enum handler_result
complaint_photos_to_page(struct ctx *c, long long complaint_id,
    const struct arena_list *photos, const char *prefix)
{
	const struct complaint_photo *p;
	long long		 expires;
	char			 token[COMPLAINT_PHOTO_TOKEN_MAX], url[128];
	size_t			 i;

	/* The page was asked for with the number and code: its links work
	 * for a while, and carry neither. */
	expires = (long long)time(NULL) + COMPLAINT_PHOTO_LINK_SECONDS;
	for (i = 0; i < photos->n; i++) {
		p = complaint_photo_at(photos, i);
		complaint_photo_token(p->id, complaint_id, expires,
		    c->cfg->secret, token);
		snprintf(url, sizeof(url), "/complaints/photos/%lld?t=%s", p->id,
		    token);
		complaint_view_photo(c->hdf, prefix, i, p, url);
	}
	return H_OK;
}

/* Never kept by a browser or a cache, never named in a Referer. */
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
		complaint_photo_private(c);
		return r;
	}
	return complaint_photo_answer(c, data, len);
}
