/* JSON answers built with jansson: the body of one, and the error shape
 * the API and Open311 share. */
#ifndef JDXX_JSON_H
#define JDXX_JSON_H

#include <stddef.h>

#include <jansson.h>

#include "base/buf.h"

/* Serialises and frees root, appending to out. Returns 0 or -1. */
int	 json_emit(json_t *root, struct buf *out);
/* {"error": {"status": s, "code": code, "message": msg}} */
json_t	*json_error(int status, const char *code, const char *message);

#endif
