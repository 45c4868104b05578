/* Published notices: policy documents, guides and announcements. */
#ifndef JDXX_NOTICE_H
#define JDXX_NOTICE_H

#include <ClearSilver/ClearSilver.h>

#include "db.h"

#define NOTICE_PAGE_SIZE	20

/* The newest published notices as prefix.N.{id, kind, kind_name, title,
 * issuer, doc_no, published_on, is_demo}; page counts from 1. */
enum db_status	notice_list(HDF *, long limit, long page, const char *prefix,
		    long *n);
enum db_status	notice_count(long long *total);
/* One published notice with its body as HTML in prefix.body_html. */
enum db_status	notice_get(HDF *, long long id, const char *prefix,
		    int *found);
/* CommonMark to HTML with raw HTML and unsafe links removed.
 * The result is malloc'd; NULL when memory runs out. */
char		*notice_markdown_to_html(const char *md);

#endif
