/* JSON answers for the API, built with jansson from rows in the HDF. */
#ifndef JDXX_JSON_H
#define JDXX_JSON_H

#include <stddef.h>

#include <ClearSilver/ClearSilver.h>
#include <jansson.h>

#include "base/buf.h"

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
/* Serialises and frees root, appending to out. Returns 0 or -1. */
int	 json_emit(json_t *root, struct buf *out);
/* {"error": {"status": s, "code": code, "message": msg}} */
json_t	*json_error(int status, const char *code, const char *message);

#endif
