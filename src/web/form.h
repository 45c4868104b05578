/* Parsing of query strings, urlencoded bodies and Cookie headers into
 * bounded key/value lists. Nothing here trusts its input. */
#ifndef JDXX_FORM_H
#define JDXX_FORM_H

#include <stddef.h>

struct kv {
	char	*key;
	char	*val;	/* decoded, NUL-terminated, valid UTF-8 */
	size_t	 vlen;
};

struct kvlist {
	struct kv	*items;
	size_t		 n;
	size_t		 cap;
};

struct form_limits {
	size_t	max_fields;
	size_t	max_key;	/* bytes, decoded */
	size_t	max_value;	/* bytes, decoded */
};

enum form_status {
	FORM_OK = 0,
	FORM_TOO_MANY,		/* more fields than max_fields */
	FORM_TOO_LONG,		/* a key or value over its limit */
	FORM_BAD_ESCAPE,	/* a broken %XX escape */
	FORM_BAD_UTF8,		/* decoded text is not UTF-8, or holds NUL */
	FORM_NOMEM
};

void		 kvlist_init(struct kvlist *);
void		 kvlist_free(struct kvlist *);
/* First value for key, or NULL. */
const struct kv	*kvlist_get(const struct kvlist *, const char *key);
size_t		 kvlist_count(const struct kvlist *, const char *key);

/* Appends a copy of key and val[0..vlen) (NUL-terminated); val must be
 * UTF-8 already. */
enum form_status kvlist_add(struct kvlist *, const char *key,
		    const char *val, size_t vlen);

/* Decodes %XX and '+' (when plus_is_space) from src[0..len) into dst,
 * which must hold len + 1 bytes. Returns the decoded length or -1. */
long		 url_decode(char *dst, const char *src, size_t len,
		    int plus_is_space);

/* Appends the fields of an application/x-www-form-urlencoded string. */
enum form_status form_parse_urlencoded(struct kvlist *, const char *,
		    size_t, const struct form_limits *);
/* Appends the cookies of a Cookie header (name=value; name=value). */
enum form_status form_parse_cookies(struct kvlist *, const char *,
		    size_t, const struct form_limits *);

#endif
