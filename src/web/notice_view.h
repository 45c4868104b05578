/* Notices as page data: the records of domain/notice.h put under the HDF
 * names the templates read, with the names of their kinds. */
#ifndef JDXX_NOTICE_VIEW_H
#define JDXX_NOTICE_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "base/arena.h"
#include "domain/notice.h"

/* A published notice as prefix.{id, kind, kind_name, title, issuer,
 * doc_no, issued_on, published_on, published_at, updated_at, version,
 * is_demo} and, read by notice_get, body_md, body_html and
 * versions.N.{version, title, change_note, edited_at}. */
void	notice_view_put(HDF *, const char *prefix, const struct notice *);
/* A list of struct notice (notice_find's) as prefix.N.*. */
void	notice_view_rows(HDF *, const char *prefix, const struct arena_list *);
/* The staff list (struct notice_entry) as prefix.N.{id, kind, kind_name,
 * title, status, version, region_code, updated, is_demo}. */
void	notice_view_entries(HDF *, const char *prefix,
	    const struct arena_list *);
/* A notice as staff edit it, as prefix.{id, kind, kind_name, title,
 * issuer, doc_no, issued_on, region_code, body_md, status, version,
 * published}. */
void	notice_view_record(HDF *, const char *prefix,
	    const struct notice_record *);

#endif
