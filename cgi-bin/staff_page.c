/* What every staff page shares: the signed-in user's reach and page data,
 * the validated text of a parameter, and the answer after a change. */
#include <stdio.h>
#include <string.h>

#include "domain/session.h"
#include "staff.h"
#include "web/view.h"

int
staff_in_region(const struct ctx *c, const char *code)
{
	const char	*mine = c->user->region;

	if (mine[0] == '\0')
		return 1;
	return code != NULL && strncmp(code, mine, strlen(mine)) == 0;
}

const char *
staff_address(const struct ctx *c)
{
	return c->req->remote_addr;
}

int
staff_redirect(struct ctx *c, const char *path)
{
	buf_reset(&c->resp->body);
	response_redirect(c->resp, path);
	return H_OK;
}

void
staff_user_to_hdf(struct ctx *c)
{
	hset(c->hdf, "Staff.username", c->user->username);
	hset(c->hdf, "Staff.display_name", c->user->display_name[0] ?
	    c->user->display_name : c->user->username);
	hset(c->hdf, "Staff.role", c->user->role_name);
	hset(c->hdf, "Staff.region", c->user->region);
	hset(c->hdf, "Staff.csrf", c->user->csrf);
	hseti(c->hdf, "Staff.totp_enabled", c->user->totp_enabled);
	/* Half signed in: no way into the work until the second factor. */
	if (c->user->stage != STAGE_FULL)
		return;
	hseti(c->hdf, "Staff.is_admin", c->user->role == ROLE_ADMIN);
	hseti(c->hdf, "Staff.can_notices",
	    (c->user->role & (ROLE_ADMIN | ROLE_EDITOR)) != 0);
	hseti(c->hdf, "Staff.can_records",
	    (c->user->role & (ROLE_ADMIN | ROLE_RECORDS)) != 0);
	hseti(c->hdf, "Staff.can_complaints",
	    (c->user->role & (ROLE_ADMIN | ROLE_HANDLER)) != 0);
}

const char *
staff_part_text(const struct ctx *c, const char *name, char *out, size_t len)
{
	const struct multipart_part	*p;

	p = multipart_get(&c->req->parts, name);
	out[0] = '\0';
	if (p != NULL && p->filename == NULL && p->len < len) {
		memcpy(out, p->data, p->len);
		out[p->len] = '\0';
	}
	return out;
}
