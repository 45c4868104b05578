/* Record fields as page data, through the counted setters of web/view.h. */
#include <stdio.h>

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
	snprintf(out, len, "%s.%zu", prefix, i);
}

void
view_set(HDF *record, const char *name, const char *value)
{
	if (value != NULL)
		hset(record, name, value);
}
