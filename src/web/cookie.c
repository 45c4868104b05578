/* Cookies and the read-your-writes cookie. */
#include <stdio.h>
#include <string.h>

#include "web/cookie.h"
#include "db/db.h"
#include "web/config.h"
#include "web/form.h"

/* Long enough for a replica to catch up on the write. */
#define WRITTEN_MAX_AGE	60

static void
cookie_name(const struct ctx *c, const char *base, char out[64])
{
	snprintf(out, 64, "%s%s", c->cfg->tls ? "__Host-" : "", base);
}

const char *
ctx_cookie(const struct ctx *c, const char *base)
{
	const struct kv	*kv;
	char		 name[64];

	cookie_name(c, base, name);
	kv = kvlist_get(&c->req->cookies, name);
	return kv != NULL ? kv->val : "";
}

void
ctx_set_cookie(struct ctx *c, const char *base, const char *value,
    int max_age)
{
	char	 name[64];

	cookie_name(c, base, name);
	response_header(c->resp, "Set-Cookie",
	    "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d%s",
	    name, value, max_age, c->cfg->tls ? "; Secure" : "");
}

/* A GTID position in a cookie: a cookie value holds no comma, so the
 * positions of several domains are joined by '_'. */
static void
swap_separator(char *s, char from, char to)
{
	for (; *s != '\0'; s++)
		if (*s == from)
			*s = to;
}

void
written_cookie_read(const struct ctx *c)
{
	char	 gtid[DB_GTID_MAX];

	if (!db_replicated()) {
		db_request_begin(NULL);
		return;
	}
	snprintf(gtid, sizeof(gtid), "%s", ctx_cookie(c, "jdxx_seen"));
	swap_separator(gtid, '_', ',');
	/* db_request_begin ignores what is no GTID position. */
	db_request_begin(gtid);
}

void
written_cookie_set(struct ctx *c)
{
	char	 gtid[DB_GTID_MAX];

	if (db_written()[0] == '\0')
		return;
	snprintf(gtid, sizeof(gtid), "%s", db_written());
	swap_separator(gtid, ',', '_');
	ctx_set_cookie(c, "jdxx_seen", gtid, WRITTEN_MAX_AGE);
}
