/* The files of a notice as page data. */
#ifndef JDXX_ATTACHMENT_VIEW_H
#define JDXX_ATTACHMENT_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "base/arena.h"
#include "domain/attachment.h"

/* A size in bytes as whole kilobytes, rounded up, as the lists show it. */
long long	attachment_view_kb(long long size);
/* A list of struct attachment (attachment_list's) as prefix.N.{id,
 * filename, content_type, size, size_kb}. */
void		attachment_view_rows(HDF *, const char *prefix,
		    const struct arena_list *);

#endif
