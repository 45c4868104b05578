/* The JSON API's objects from the rows a view put in the page data: the
 * same names and NULLs as the pages see. */
#ifndef JDXX_JSON_ROWS_H
#define JDXX_JSON_ROWS_H

#include <stddef.h>

#include <ClearSilver/ClearSilver.h>
#include <jansson.h>

enum json_field_type {
	JF_STRING,	/* the text as it is; null when absent */
	JF_INT,		/* a whole number; null when absent */
	JF_BOOL,	/* "1" is true */
	JF_LIST		/* comma-separated text as an array of strings */
};

struct json_field {
	const char		*name;	/* key in the JSON object */
	const char		*hdf;	/* child of the row in the HDF */
	enum json_field_type	 type;
};

/* One row (an HDF node) as an object with the declared fields. */
json_t	*json_from_row(HDF *row, const struct json_field *, size_t n);
/* Every child of node as an array of such objects. */
json_t	*json_from_rows(HDF *node, const struct json_field *, size_t n);

#endif
