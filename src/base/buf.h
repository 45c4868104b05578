/* A growable byte buffer for response bodies and built strings. */
#ifndef JDXX_BUF_H
#define JDXX_BUF_H

#include <stddef.h>

struct buf {
	char	*data;	/* always NUL-terminated when len > 0 or after buf_init */
	size_t	 len;
	size_t	 cap;
};

void	buf_init(struct buf *);
void	buf_free(struct buf *);
void	buf_reset(struct buf *);
/* Each returns 0, or -1 when memory runs out (the buffer keeps what it had). */
int	buf_add(struct buf *, const void *, size_t);
int	buf_adds(struct buf *, const char *);
/* Appends s percent-encoded for a query string or path: letters, digits
 * and -_.~ as they are, every other byte as %XX. */
int	buf_add_urlencoded(struct buf *, const char *s);
int	buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
