/* libFuzzer harness for multipart.c: the first line is a Content-Type
 * value (or, when that is refused, the boundary itself), the rest is the
 * body. Aborts when a part breaks a promise of multipart.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/multipart.h"
#include "base/utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const struct multipart_limits lim = { 12, 512, 64, 1024 };

static int
text_ok(const char *s, size_t max)
{
	size_t	 i, len = strlen(s);

	if (len > max || !utf8_valid(s, len))
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return 1;
}

static void
check_parts(const struct multipart *mp, const char *body, size_t len)
{
	const struct multipart_part	*p;
	size_t				 i;

	for (i = 0; i < mp->n; i++) {
		p = &mp->parts[i];
		if (p->name == NULL || p->name[0] == '\0' ||
		    !text_ok(p->name, MULTIPART_MAX_NAME))
			abort();
		if (p->data < body || p->len > len ||
		    (size_t)(p->data - body) > len - p->len)
			abort();
		if (p->filename == NULL) {
			if (p->len > lim.max_field_bytes ||
			    !utf8_valid(p->data, p->len))
				abort();
		} else if (!text_ok(p->filename, MULTIPART_MAX_NAME) ||
		    strpbrk(p->filename, "/\\") != NULL ||
		    p->len > lim.max_file_bytes)
			abort();
		if (p->content_type != NULL &&
		    !text_ok(p->content_type, MULTIPART_MAX_NAME))
			abort();
		if (multipart_get(mp, p->name) == NULL)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct multipart	 mp;
	const char		*in = (const char *)data, *nl, *body;
	char			 ct[256], boundary[MULTIPART_MAX_BOUNDARY + 1];
	size_t			 n, len;

	if (size == 0 || (nl = memchr(in, '\n', size)) == NULL)
		return 0;
	n = (size_t)(nl - in);
	if (n >= sizeof(ct))
		return 0;
	memcpy(ct, in, n);
	ct[n] = '\0';
	body = nl + 1;
	len = size - n - 1;
	if (multipart_boundary(ct, boundary, sizeof(boundary)) == -1) {
		if (n >= sizeof(boundary))
			return 0;
		memcpy(boundary, ct, n + 1);
	}
	if (multipart_parse(&mp, body, len, boundary, &lim) == MP_OK)
		check_parts(&mp, body, len);
	else if (mp.parts != NULL || mp.n != 0)
		abort();
	multipart_free(&mp);
	return 0;
}
