/* For the form harnesses: what form.h promises of a parsed list. */
#ifndef JDXX_FORM_CHECK_H
#define JDXX_FORM_CHECK_H

#include <string.h>

#include "web/form.h"
#include "fuzz.h"
#include "base/utf8.h"

static void
check_kvlist(const struct kvlist *l, const struct form_limits *lim)
{
	size_t	 i;

	MUST(l->n <= lim->max_fields && l->n <= l->cap);
	for (i = 0; i < l->n; i++) {
		MUST(strlen(l->items[i].key) <= lim->max_key);
		MUST(utf8_valid(l->items[i].key, strlen(l->items[i].key)));
		MUST(l->items[i].vlen <= lim->max_value);
		MUST(strlen(l->items[i].val) == l->items[i].vlen);
		MUST(utf8_valid(l->items[i].val, l->items[i].vlen));
		MUST(kvlist_get(l, l->items[i].key) != NULL);
	}
}

#endif
