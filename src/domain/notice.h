/* Notices: policy documents, announcements, how-to guides and exposure
 * reports, as the public reads them and as staff write them. */
#ifndef JDXX_NOTICE_H
#define JDXX_NOTICE_H

#include <ClearSilver/ClearSilver.h>
#include <jansson.h>

#include "db/db.h"
#include "domain/audit.h"
#include "domain/result.h"

#define NOTICE_PAGE_SIZE	20

/* The rule that makes a notice public, as SQL over the notice aliased n:
 * published, and its publication time has come. Whatever the public
 * reads of a notice (its page, the lists, the feed, its files) uses it. */
#define NOTICE_IS_PUBLIC \
    "n.status = 'published' AND n.published_at <= NOW()"

/* The fields staff edit. */
struct notice_fields {
	const char	*kind;		/* notice, policy, guide, exposure */
	const char	*title;
	const char	*issuer;
	const char	*doc_no;
	const char	*issued_on;	/* YYYY-MM-DD or "" */
	const char	*region;	/* a region code or "" */
	const char	*body_md;
};

/* 1 for a known kind; its Chinese name in *name. */
int		notice_kind_valid(const char *kind, const char **name);

/* Published notices, newest first, as prefix.N.{id, kind, kind_name,
 * title, issuer, doc_no, issued_on, published_on, is_demo}; kind and
 * keyword may be "". */
enum db_status	notice_find(HDF *, const char *kind, const char *keyword,
		    long page, long page_size, const char *prefix, long *n,
		    long long *total);
/* One published notice with body_html, its versions and attachments. */
enum db_status	notice_get(HDF *, long long id, const char *prefix,
		    int *found);
/* CommonMark to HTML with raw HTML and unsafe links removed.
 * The result is malloc'd; NULL when memory runs out. */
char		*notice_markdown_to_html(const char *md);

/* Staff: every notice of a region ("" for all) with any status. */
enum db_status	notice_staff_list(HDF *, const char *region, const char *prefix,
		    long *n);
/* Staff: one notice in any status, with body_md. */
enum db_status	notice_staff_get(HDF *, long long id, const char *prefix,
		    int *found);

/* Staff changes, each in one transaction with its audit row. */

/* A new draft written by by. */
enum domain_status notice_create(const struct notice_fields *,
		    const struct audit_by *, unsigned long long *id);
/* Saves new text for notice id, stored as old (notice_staff_get's row);
 * a published notice first keeps its old text as a version with
 * change_note. */
enum domain_status notice_update(long long id, HDF *old,
		    const struct notice_fields *, const char *change_note,
		    const struct audit_by *);
/* Publishes, withdraws or returns to draft notice id, stored as old. */
enum domain_status notice_set_status(long long id, HDF *old,
		    const char *status, const struct audit_by *);
/* Attaches a file of content type to notice id, as filename (cleaned
 * already); *aid gets the attachment's id. */
enum domain_status notice_attach(long long id, const char *filename,
		    const char *type, const char *data, size_t len,
		    const struct audit_by *, unsigned long long *aid);
/* Removes attachment aid, stored as row (attachment_meta's). */
enum domain_status notice_detach(long long aid, HDF *row,
		    const struct audit_by *);
/* A notice row (from the HDF) or fields as JSON for the audit log. */
json_t		*notice_row_json(HDF *row);
json_t		*notice_fields_json(const struct notice_fields *);

#endif
