/* Bounded parsing of multipart/form-data bodies (RFC 7578, RFC 2046)
 * for staff file uploads. The body is already in memory; nothing here
 * trusts it. */
#ifndef JDXX_MULTIPART_H
#define JDXX_MULTIPART_H

#include <stddef.h>

#define MULTIPART_MAX_BOUNDARY	70	/* RFC 2046 */
#define MULTIPART_MAX_NAME	255	/* name, filename, content type */

struct multipart_limits {
	size_t	max_parts;
	size_t	max_header_bytes;	/* one part's header block */
	size_t	max_field_bytes;	/* a plain field's value */
	size_t	max_file_bytes;		/* a file's contents */
};

/* One part. Strings are NUL-terminated copies, at most 255 bytes. */
struct multipart_part {
	char		*name;		/* UTF-8, no controls, not empty */
	/* NULL for a plain field; else the name as sent, cut after its last
	 * '/' or '\\', UTF-8, no controls. It may be "" (no file chosen)
	 * or "..", so never use it as a path. */
	char		*filename;
	char		*content_type;	/* printable ASCII as sent, or NULL */
	const char	*data;		/* into the body, not copied; UTF-8
					 * for a plain field */
	size_t		 len;
};

struct multipart {
	struct multipart_part	*parts;
	size_t			 n;
	size_t			 cap;
};

enum multipart_status {
	MP_OK = 0,
	MP_BAD_BOUNDARY,	/* not 1..70 RFC 2046 boundary characters */
	MP_MALFORMED,		/* broken framing or headers, no final
				 * delimiter, no Content-Disposition name */
	MP_TOO_MANY_PARTS,	/* more than max_parts */
	MP_HEADER_TOO_LONG,	/* headers over max_header_bytes, or a name,
				 * filename or content type over 255 bytes */
	MP_FIELD_TOO_LONG,	/* a plain field over max_field_bytes */
	MP_FILE_TOO_LARGE,	/* a file over max_file_bytes */
	MP_BAD_UTF8,		/* a field, name or filename is not UTF-8 or
				 * a name or filename holds a control */
	MP_NOMEM
};

/* Copies the boundary parameter of a Content-Type header value
 * ("multipart/form-data; boundary=...", quoted or not) into out, which
 * must hold it and its NUL. Returns 0, or -1 when the media type is not
 * multipart/form-data or the boundary is missing, repeated or invalid. */
int		 multipart_boundary(const char *content_type, char *out,
		    size_t outlen);
/* Fills mp with the parts of body[0..len) delimited by boundary; the
 * preamble and epilogue are ignored. On any status but MP_OK mp is left
 * empty. Whatever mp held before is overwritten, not freed. */
enum multipart_status multipart_parse(struct multipart *mp, const char *body,
		    size_t len, const char *boundary,
		    const struct multipart_limits *);
/* Frees the parts; safe on an empty or already freed mp. */
void		 multipart_free(struct multipart *mp);
/* The first part called name, or NULL. */
const struct multipart_part *multipart_get(const struct multipart *,
		    const char *name);

#endif
