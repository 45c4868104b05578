/* Cookies: named with __Host- under TLS, HttpOnly and SameSite=Lax; and
 * the one that carries a client's last write to its next pages when
 * reads go to replicas. */
#ifndef JDXX_COOKIE_H
#define JDXX_COOKIE_H

#include "web/app.h"

/* The value of the cookie named base, or "". */
const char	*ctx_cookie(const struct ctx *, const char *base);
void		 ctx_set_cookie(struct ctx *, const char *base,
		    const char *value, int max_age);

/* Hands the database the client's last write, from its cookie, before
 * the handler runs. */
void		 written_cookie_read(const struct ctx *);
/* After the handler: sets the cookie when the request wrote. */
void		 written_cookie_set(struct ctx *);

#endif
