/* Files attached to notices: checked by content, kept in the database. */
#ifndef JDXX_ATTACHMENT_H
#define JDXX_ATTACHMENT_H

#include <stddef.h>

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"

#define ATTACHMENT_MAX_BYTES	(8 * 1024 * 1024)
#define ATTACHMENT_MAX_PER_NOTICE 20

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

enum db_status	attachment_add(long long notice_id, const char *filename,
		    const char *type, const char *data, size_t len,
		    long long staff_id, unsigned long long *id);
/* prefix.N.{id, filename, content_type, size, size_kb} of a notice. */
enum db_status	attachment_list(HDF *, long long notice_id, const char *prefix,
		    long *n);
/* Staff: prefix.{id, notice_id, filename, content_type, size,
 * notice_status, region_code}, whatever the notice's status. */
enum db_status	attachment_meta(HDF *, long long id, const char *prefix,
		    int *found);
/* The public: prefix.{id, notice_id, filename, content_type, size}, found
 * only while the notice is public (NOTICE_IS_PUBLIC in notice.h). */
enum db_status	attachment_public_meta(HDF *, long long id,
		    const char *prefix, int *found);
enum db_status	attachment_data(long long id, char **data, size_t *len);
enum db_status	attachment_delete(long long id);

#endif
