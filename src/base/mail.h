/* Email and HTTP deliveries over libcurl, for the notice sender: an
 * SMTP submission (STARTTLS when the server offers it) and an HTTP POST
 * to a gateway, each bounded in time. */
#ifndef JDXX_MAIL_H
#define JDXX_MAIL_H

#include <stddef.h>

#include "base/buf.h"

/* An SMTP server: url smtp://host:port or smtps://...; user and
 * password NULL or "" for none. */
struct smtp_server {
	const char	*url;
	const char	*user;
	const char	*password;
	long		 timeout;	/* seconds for the whole submission */
};

/* Starts and ends libcurl for the process. */
int	mail_global_init(void);
void	mail_global_cleanup(void);

/* Makes a message: From, To, Subject (RFC 2047, UTF-8), Date,
 * Message-ID <id@domain of from>, MIME headers and the UTF-8 body in
 * base64. -1 when a header value holds a line break. */
int	mail_compose(struct buf *out, const char *from, const char *to,
	    const char *subject, const char *message_id, const char *body);
/* Submits message from envelope sender from to rcpt; 0, or -1 with the
 * reason in err. */
int	smtp_send(const struct smtp_server *, const char *from,
	    const char *rcpt, const char *message, char *err, size_t errsize);
/* POSTs body with the headers (a NULL-ended list of "Name: value");
 * *status gets the HTTP status, response up to 64 KB of the answer.
 * 0 when an answer came, -1 (reason in err) when none did. */
int	http_post(const char *url, const char *const *headers,
	    const char *body, long timeout, long *status, struct buf *response,
	    char *err, size_t errsize);

#endif
