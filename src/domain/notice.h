/* Notices: policy documents, announcements, how-to guides and exposure
 * reports, as the public reads them and as staff write them. Reads answer
 * typed records whose strings live in the caller's arena; the names of
 * the kinds are given here, once, for every page that names them. */
#ifndef JDXX_NOTICE_H
#define JDXX_NOTICE_H

#include <stddef.h>

#include <jansson.h>

#include "base/arena.h"
#include "db/db.h"
#include "domain/audit.h"
#include "domain/result.h"

#define NOTICE_PAGE_SIZE	20

/* The rule that makes a notice public, as SQL over the notice aliased n:
 * published, and its publication time has come. Whatever the public
 * reads of a notice (its page, the lists, the feed, its files) uses it. */
#define NOTICE_IS_PUBLIC \
    "n.status = 'published' AND n.published_at <= NOW()"

struct attachment;

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

/* A published notice as the public reads it. */
struct notice {
	long long		 id;
	const char		*kind;
	const char		*title;
	const char		*issuer;
	const char		*doc_no;
	const char		*issued_on;	/* YYYY-MM-DD; NULL: none */
	const char		*published_on;	/* YYYY-MM-DD */
	const char		*published_at;	/* YYYY-MM-DDTHH:MM:SS+08:00 */
	const char		*updated_at;	/* the same form */
	long long		 version;
	int			 is_demo;
	/* Read by notice_get only (NULL and empty in a list): */
	const char		*body_md;
	const char		*body_html;	/* body_md, raw HTML removed */
	struct arena_list	 versions;	/* of struct notice_version */
};

/* The text a published notice had before a change. */
struct notice_version {
	long long	 version;
	const char	*title;
	const char	*change_note;
	const char	*edited_at;	/* YYYY-MM-DD HH:MM */
};

/* A notice in any status, as the staff list shows it. */
struct notice_entry {
	long long	 id;
	const char	*kind;
	const char	*title;
	const char	*status;	/* draft, published, withdrawn */
	long long	 version;
	const char	*region_code;	/* "" for none */
	const char	*updated;	/* YYYY-MM-DD HH:MM */
	int		 is_demo;
};

/* A notice in any status with its text, as staff edit it. */
struct notice_record {
	long long	 id;
	const char	*kind;
	const char	*title;
	const char	*issuer;
	const char	*doc_no;
	const char	*issued_on;	/* YYYY-MM-DD or "" */
	const char	*region_code;	/* "" for none */
	const char	*body_md;
	const char	*status;	/* draft, published, withdrawn */
	long long	 version;
	const char	*published;	/* YYYY-MM-DD HH:MM; NULL: never */
};

static inline const struct notice *
notice_at(const struct arena_list *l, size_t i)
{
	return (const struct notice *)l->item + i;
}

static inline const struct notice_version *
notice_version_at(const struct arena_list *l, size_t i)
{
	return (const struct notice_version *)l->item + i;
}

static inline const struct notice_entry *
notice_entry_at(const struct arena_list *l, size_t i)
{
	return (const struct notice_entry *)l->item + i;
}

/* 1 for a known kind; its Chinese name in *name. */
int		notice_kind_valid(const char *kind, const char **name);
/* The Chinese name of kind; an unknown one is a plain notice's. */
const char	*notice_kind_name(const char *kind);
/* 1 when the notice is published: a change then keeps the old text. */
int		notice_is_published(const struct notice_record *);

/* Published notices, newest first, a page of page_size into notices (of
 * struct notice, without body), and the count of all that match in
 * *total; kind and keyword may be "". */
enum domain_status notice_find(struct arena *, const char *kind,
		    const char *keyword, long page, long page_size,
		    struct arena_list *notices, long long *total);
/* One published notice with body_html and its versions, newest first;
 * DOMAIN_NOT_FOUND unless the public may read it. */
enum domain_status notice_get(struct arena *, long long id, struct notice *);
/* CommonMark to HTML with raw HTML and unsafe links removed.
 * The result is malloc'd; NULL when memory runs out. */
char		*notice_markdown_to_html(const char *md);

/* Staff: every notice of a region ("" for all) with any status, the
 * latest changed first, as struct notice_entry. */
enum domain_status notice_staff_list(struct arena *, const char *region,
		    struct arena_list *entries);
/* Staff: one notice in any status, with body_md. */
enum domain_status notice_staff_get(struct arena *, long long id,
		    struct notice_record *);

/* Staff changes, each in one transaction with its audit row. */

/* A new draft written by by. */
enum domain_status notice_create(const struct notice_fields *,
		    const struct audit_by *, unsigned long long *id);
/* Saves new text for notice id, stored as old (notice_staff_get's);
 * a published notice first keeps its old text as a version with
 * change_note. */
enum domain_status notice_update(long long id,
		    const struct notice_record *old,
		    const struct notice_fields *, const char *change_note,
		    const struct audit_by *);
/* Publishes, withdraws or returns to draft notice id, stored as old. */
enum domain_status notice_set_status(long long id,
		    const struct notice_record *old, const char *status,
		    const struct audit_by *);
/* Attaches a file of content type to notice id, as filename (cleaned
 * already); *aid gets the attachment's id. */
enum domain_status notice_attach(long long id, const char *filename,
		    const char *type, const char *data, size_t len,
		    const struct audit_by *, unsigned long long *aid);
/* Removes the attachment a (attachment_meta's) from its notice. */
enum domain_status notice_detach(const struct attachment *a,
		    const struct audit_by *);
/* A notice as staff edit it, or the fields, as JSON for the audit log. */
json_t		*notice_row_json(const struct notice_record *);
json_t		*notice_fields_json(const struct notice_fields *);

#endif
