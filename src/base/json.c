/* JSON answers through jansson. */
#include <stdlib.h>
#include <string.h>

#include "base/json.h"

int
json_emit(json_t *root, struct buf *out)
{
	char	*s;
	int	 rc;

	if (root == NULL)
		return -1;
	/* Escaping '/' keeps "</script>" out of any page that embeds it. */
	s = json_dumps(root, JSON_COMPACT | JSON_ESCAPE_SLASH);
	json_decref(root);
	if (s == NULL)
		return -1;
	rc = buf_adds(out, s);
	free(s);
	return rc;
}

json_t *
json_error(int status, const char *code, const char *message)
{
	return json_pack("{s:{s:i,s:s,s:s}}", "error", "status", status,
	    "code", code, "message", message);
}
