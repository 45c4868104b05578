/* Rows of the page data to JSON through jansson. */
#include <stdlib.h>
#include <string.h>

#include "web/json_rows.h"

json_t *
json_from_row(HDF *row, const struct json_field *f, size_t n)
{
	json_t		*obj, *list;
	const char	*v, *p;
	size_t		 i, len;

	if ((obj = json_object()) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		v = row != NULL ? hdf_get_value(row, f[i].hdf, NULL) : NULL;
		switch (f[i].type) {
		case JF_STRING:
			json_object_set_new(obj, f[i].name,
			    v != NULL ? json_string(v) : json_null());
			break;
		case JF_INT:
			json_object_set_new(obj, f[i].name, v != NULL ?
			    json_integer(strtoll(v, NULL, 10)) : json_null());
			break;
		case JF_BOOL:
			json_object_set_new(obj, f[i].name,
			    json_boolean(v != NULL && strcmp(v, "1") == 0));
			break;
		case JF_LIST:
			list = json_array();
			for (p = v; p != NULL && *p != '\0'; p += len) {
				len = strcspn(p, ",");
				json_array_append_new(list,
				    json_stringn(p, len));
				if (p[len] == ',')
					len++;
			}
			json_object_set_new(obj, f[i].name, list);
			break;
		}
	}
	return obj;
}

json_t *
json_from_rows(HDF *node, const struct json_field *f, size_t n)
{
	json_t	*arr;
	HDF	*row;

	if ((arr = json_array()) == NULL)
		return NULL;
	for (row = node != NULL ? hdf_obj_child(node) : NULL; row != NULL;
	    row = hdf_obj_next(row))
		json_array_append_new(arr, json_from_row(row, f, n));
	return arr;
}
