/* Attachments: libmagic decides what a file is, not its name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <magic.h>
#include <sodium.h>

#include "domain/attachment.h"
#include "domain/notice.h"
#include "base/utf8.h"

static struct db_stmt insert_attachment = DB_WRITE(
    "INSERT INTO attachment (notice_id, filename, content_type, size, "
    "sha256, data, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, NOW(), ?)");

static struct db_stmt list_of_notice = DB_READ(
    "SELECT id, filename, content_type, size "
    "FROM attachment WHERE notice_id = ? ORDER BY id");

static struct db_stmt meta_of = DB_READ(
    "SELECT a.id, a.notice_id, a.filename, a.content_type, a.size, "
    "n.status AS notice_status, COALESCE(n.region_code, '') AS region_code "
    "FROM attachment a JOIN notice n ON n.id = a.notice_id WHERE a.id = ?");

/* Only a file of a notice the public may read: a draft's, a withdrawn
 * one's or one not yet due is not found. */
static struct db_stmt public_meta_of = DB_READ(
    "SELECT a.id, a.notice_id, a.filename, a.content_type, a.size "
    "FROM attachment a JOIN notice n ON n.id = a.notice_id "
    "WHERE a.id = ? AND " NOTICE_IS_PUBLIC);

static struct db_stmt data_of = DB_READ(
    "SELECT data FROM attachment WHERE id = ?");

static struct db_stmt delete_attachment = DB_WRITE(
    "DELETE FROM attachment WHERE id = ?");

static const char *const allowed[] = {
	"application/pdf",
	"application/msword",
	"application/vnd.ms-excel",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"image/jpeg",
	"image/png",
};

static magic_t	 cookie;

static int
ends_with(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

const char *
attachment_type(const char *data, size_t len, const char *filename)
{
	const char	*t;
	size_t		 i;

	if (cookie == NULL) {
		if ((cookie = magic_open(MAGIC_MIME_TYPE)) == NULL)
			return NULL;
		if (magic_load(cookie, NULL) != 0) {
			magic_close(cookie);
			cookie = NULL;
			return NULL;
		}
	}
	if (len == 0 || (t = magic_buffer(cookie, data, len)) == NULL)
		return NULL;
	/* Word and Excel 97-2003 share the OLE container. */
	if (strcmp(t, "application/CDFV2") == 0 ||
	    strcmp(t, "application/x-ole-storage") == 0) {
		if (ends_with(filename, ".doc"))
			return "application/msword";
		if (ends_with(filename, ".xls"))
			return "application/vnd.ms-excel";
		return NULL;
	}
	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (strcmp(t, allowed[i]) == 0)
			return allowed[i];
	return NULL;
}

void
attachment_clean_name(char *out, size_t len, const char *name)
{
	size_t	 o = 0, chars = 0, n;
	const unsigned char *p = (const unsigned char *)name;

	if (!utf8_valid(name, strlen(name)))
		p = (const unsigned char *)"";
	while (*p != '\0' && chars < 100) {
		n = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
		if (*p < 0x20 || *p == 0x7f || strchr("\"\\/:*?<>|;", *p) != NULL) {
			p++;
			continue;
		}
		if (o + n >= len)
			break;
		memcpy(out + o, p, n);
		o += n;
		p += n;
		chars++;
	}
	out[o] = '\0';
	if (o == 0 || strcmp(out, ".") == 0 || strcmp(out, "..") == 0)
		snprintf(out, len, "附件");
}

void
attachment_disposition(char *out, size_t len, const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	char		 ascii[128], enc[1024];
	size_t		 a = 0, e = 0;
	const unsigned char *p;

	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		if (a + 1 < sizeof(ascii))
			ascii[a++] = (*p >= 0x20 && *p < 0x7f && *p != '"' &&
			    *p != '\\' && *p != '%') ? (char)*p : '_';
		if (e + 4 >= sizeof(enc))
			continue;
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-_.~", *p) != NULL)
			enc[e++] = (char)*p;
		else {
			enc[e++] = '%';
			enc[e++] = hex[*p >> 4];
			enc[e++] = hex[*p & 15];
		}
	}
	ascii[a] = '\0';
	enc[e] = '\0';
	snprintf(out, len, "attachment; filename=\"%s\"; filename*=UTF-8''%s",
	    ascii, enc);
}

enum domain_status
attachment_add(long long notice_id, const char *filename, const char *type,
    const char *data, size_t len, long long staff_id, unsigned long long *id)
{
	unsigned char	 h[crypto_hash_sha256_BYTES];
	char		 hex[65];
	struct db_arg	 a[7];

	crypto_hash_sha256(h, (const unsigned char *)data, len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	a[0] = DB_INT(notice_id);
	a[1] = DB_TEXT(filename);
	a[2] = DB_TEXT(type);
	a[3] = DB_INT((long long)len);
	a[4] = DB_TEXT(hex);
	a[5] = DB_BLOB(data, len);
	a[6] = DB_INT(staff_id);
	return domain_of_db(db_exec(&insert_attachment, a, 7, NULL, id));
}

static int
attachment_row(void *arg, const struct db_row *r)
{
	struct db_records	*k = arg;
	struct attachment	*f;

	if ((f = db_record(k)) == NULL)
		return k->arena->failed ? -1 : 0;
	f->id = db_int(r, "id");
	f->notice_id = db_int(r, "notice_id");
	f->filename = db_keep(k->arena, r, "filename");
	f->content_type = db_keep(k->arena, r, "content_type");
	f->size = db_int(r, "size");
	f->notice_status = db_keep(k->arena, r, "notice_status");
	f->region_code = db_keep(k->arena, r, "region_code");
	return k->arena->failed ? -1 : 0;
}

/* Runs a read of stmt for id into k. */
static enum domain_status
read_files(struct db_stmt *stmt, long long id, struct db_records *k)
{
	struct db_arg	 a[] = { DB_INT(id) };
	enum db_status	 st;

	st = db_query_each(stmt, a, 1, attachment_row, k);
	return domain_of_records(st, k);
}

enum domain_status
attachment_list(struct arena *arena, long long notice_id,
    struct arena_list *files)
{
	struct db_records	 k = { arena, files, NULL,
	    sizeof(struct attachment), 0 };

	*files = (struct arena_list){ 0 };
	return read_files(&list_of_notice, notice_id, &k);
}

enum domain_status
attachment_meta(struct arena *arena, long long id, struct attachment *f)
{
	struct db_records	 k = { arena, NULL, f,
	    sizeof(struct attachment), 0 };

	memset(f, 0, sizeof(*f));
	return read_files(&meta_of, id, &k);
}

enum domain_status
attachment_public_meta(struct arena *arena, long long id,
    struct attachment *f)
{
	struct db_records	 k = { arena, NULL, f,
	    sizeof(struct attachment), 0 };

	memset(f, 0, sizeof(*f));
	return read_files(&public_meta_of, id, &k);
}

enum domain_status
attachment_data(long long id, char **data, size_t *len)
{
	struct db_arg	 a[] = { DB_INT(id) };

	return domain_of_db(db_query_blob(&data_of, a, 1, data, len));
}

enum domain_status
attachment_delete(long long id)
{
	struct db_arg	 a[] = { DB_INT(id) };

	return domain_of_db(db_exec(&delete_attachment, a, 1, NULL, NULL));
}
