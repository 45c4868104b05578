/* Files attached to notices: checked by content, kept in the database.
 * Reads answer typed records whose strings live in the caller's arena. */
#ifndef JDXX_ATTACHMENT_H
#define JDXX_ATTACHMENT_H

#include <stddef.h>

#include "base/arena.h"
#include "db/db.h"
#include "domain/result.h"

#define ATTACHMENT_MAX_BYTES	(8 * 1024 * 1024)
#define ATTACHMENT_MAX_PER_NOTICE 20

/* A file of a notice, without its bytes (attachment_data has them). */
struct attachment {
	long long	 id;
	long long	 notice_id;	/* 0 in attachment_list's rows */
	const char	*filename;
	const char	*content_type;
	long long	 size;		/* bytes */
	/* Read by attachment_meta only (NULL otherwise): the notice's */
	const char	*notice_status;
	const char	*region_code;	/* "" for none */
};

static inline const struct attachment *
attachment_at(const struct arena_list *l, size_t i)
{
	return (const struct attachment *)l->item + i;
}

/* The content type to store for data, judged by its bytes (libmagic);
 * NULL when it is not one of PDF, DOC, DOCX, XLS, XLSX, JPEG, PNG. The
 * name only tells the old Office formats apart, which share a container. */
const char	*attachment_type(const char *data, size_t len,
		    const char *filename);
/* A filename safe to store and send: no controls, quotes, slashes or
 * backslashes, at most 100 characters, never empty. */
void		 attachment_clean_name(char *out, size_t len, const char *name);
/* The Content-Disposition value for name: an ASCII fallback and the
 * UTF-8 name percent-encoded (RFC 6266). */
void		 attachment_disposition(char *out, size_t len, const char *name);

enum domain_status attachment_add(long long notice_id, const char *filename,
		    const char *type, const char *data, size_t len,
		    long long staff_id, unsigned long long *id);
/* The files of a notice, in the order attached, as struct attachment
 * (id, filename, content_type and size). */
enum domain_status attachment_list(struct arena *, long long notice_id,
		    struct arena_list *files);
/* Staff: one file with its notice's status and region, whatever the
 * notice's status. */
enum domain_status attachment_meta(struct arena *, long long id,
		    struct attachment *);
/* The public: one file (no notice_status or region_code), found only
 * while its notice is public (NOTICE_IS_PUBLIC in notice.h). */
enum domain_status attachment_public_meta(struct arena *, long long id,
		    struct attachment *);
enum domain_status attachment_data(long long id, char **data, size_t *len);
enum domain_status attachment_delete(long long id);

#endif
