/* The response being built for one request: status, headers, body. */
#ifndef JDXX_RESPONSE_H
#define JDXX_RESPONSE_H

#include <fcgiapp.h>

#include "base/buf.h"

struct response {
	int		 status;
	const char	*content_type;
	struct buf	 headers;	/* extra "Name: value\r\n" lines */
	struct buf	 body;
};

void		 response_init(struct response *);
void		 response_free(struct response *);
/* Drops headers and body, keeping nothing of a half-built answer. */
void		 response_reset(struct response *);
/* name must be a constant; value must not hold CR or LF. */
int		 response_header(struct response *, const char *name,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* 303 See Other to a local path. */
void		 response_redirect(struct response *, const char *path);
const char	*status_text(int status);
/* Serialises the whole response; the body is left out when head_only. */
int		 response_write(const struct response *, int head_only,
		    FCGX_Stream *out);
/* The same into a buffer, for tests. */
int		 response_serialise(const struct response *, int head_only,
		    struct buf *out);

#endif
