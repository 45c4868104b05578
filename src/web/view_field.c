/* Record fields as page data, through the counted setters of web/view.h. */
#include <stdio.h>
#include <string.h>

#include "web/view.h"
#include "web/view_field.h"

/* Long enough for the deepest name a view puts, such as
 * Notices.19.Full.versions.12.change_note. */
#define FIELD_NAME_MAX	256

void
view_field(HDF *hdf, const char *prefix, const char *name, const char *value)
{
	char	 key[FIELD_NAME_MAX];

	if (value == NULL)
		return;
	snprintf(key, sizeof(key), "%s.%s", prefix, name);
	hset(hdf, key, value);
}

void
view_field_int(HDF *hdf, const char *prefix, const char *name,
    long long value)
{
	char	 key[FIELD_NAME_MAX];

	snprintf(key, sizeof(key), "%s.%s", prefix, name);
	hseti(hdf, key, value);
}

void
view_item_prefix(char *out, size_t len, const char *prefix, size_t i)
{
	char	 d[VIEW_DECIMAL_MAX];
	const char *n = view_decimal(d, (long long)i);
	size_t	 pl = strlen(prefix), nl = strlen(n);

	/* Called for every item of every list: no printf. Too long a name
	 * is cut as snprintf would, and hset then refuses it loudly. */
	if (len == 0)
		return;
	if (pl + 1 + nl >= len) {
		snprintf(out, len, "%s.%s", prefix, n);
		return;
	}
	memcpy(out, prefix, pl);
	out[pl] = '.';
	memcpy(out + pl + 1, n, nl + 1);
}

void
view_set(HDF *record, const char *name, const char *value)
{
	if (value != NULL)
		hset(record, name, value);
}
