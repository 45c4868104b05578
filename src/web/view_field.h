/* The fields of a typed record put under a prefix of the page data, as
 * the adapters of the views (web/<entity>_view.c) do it. */
#ifndef JDXX_VIEW_FIELD_H
#define JDXX_VIEW_FIELD_H

#include <stddef.h>

#include <ClearSilver/ClearSilver.h>

/* prefix.name = value; a NULL value (SQL NULL) is left unset, which
 * templates test with ?prefix.name. */
void	view_field(HDF *, const char *prefix, const char *name,
	    const char *value);
void	view_field_int(HDF *, const char *prefix, const char *name,
	    long long value);
/* record.name = value, relative to a record's node (hnode in
 * web/view.h); NULL is left unset as above. */
void	view_set(HDF *record, const char *name, const char *value);
/* Room for the name of a list's item, prefix.i, in every view. */
#define VIEW_ITEM_MAX	128
/* The prefix of item i of the list at prefix: prefix.i. */
void	view_item_prefix(char *out, size_t len, const char *prefix, size_t i);

#endif
