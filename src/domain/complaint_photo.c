/* Complaint photos: cleaned before they are kept, read only by those
 * the complaint is for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "domain/complaint_photo.h"

static struct db_stmt insert_photo = DB_WRITE(
    "INSERT INTO complaint_photo (complaint_id, seq, data, size, width, "
    "height, created_at) VALUES (?, ?, ?, ?, ?, ?, NOW())");

/* On the primary: the complainant may look right after filing. */
static struct db_stmt photos_of = DB_READ_PRIMARY(
    "SELECT id, seq, size, width, height FROM complaint_photo "
    "WHERE complaint_id = ? ORDER BY seq");

static struct db_stmt data_of = DB_READ(
    "SELECT data FROM complaint_photo WHERE id = ? AND complaint_id = ?");

static struct db_stmt complaint_of = DB_READ(
    "SELECT complaint_id FROM complaint_photo WHERE id = ?");

static const struct image_limits photo_limits = {
	COMPLAINT_PHOTO_MAX_BYTES, COMPLAINT_PHOTO_MAX_PIXELS,
	COMPLAINT_PHOTO_SIDE, COMPLAINT_PHOTO_QUALITY
};

enum image_status
complaint_photo_clean(const void *data, size_t len, struct image_out *out)
{
	return image_clean(data, len, &photo_limits, out);
}

const char *
complaint_photo_problem(enum image_status st)
{
	switch (st) {
	case IMAGE_OK:
		return "";
	case IMAGE_EMPTY:
		return "照片文件是空的，请重新选择";
	case IMAGE_TOO_LARGE:
		return "每张照片不能超过 8 MB，请换一张或先缩小再上传";
	case IMAGE_NOT_ALLOWED:
		return "只能上传 JPEG、PNG 或 WebP 格式的照片";
	case IMAGE_TOO_MANY_PIXELS:
		return "照片尺寸太大（超过 4000 万像素），请缩小后再上传";
	case IMAGE_BROKEN:
		return "照片文件不完整或已损坏，请重新拍摄或选择";
	default:
		return "照片暂时无法处理，请稍后再试";
	}
}

enum db_status
complaint_photo_insert(long long complaint_id, const struct image_out *p,
    size_t n)
{
	struct db_arg	 a[6];
	enum db_status	 st = DB_OK;
	size_t		 i;

	for (i = 0; i < n && st == DB_OK; i++) {
		a[0] = DB_INT(complaint_id);
		a[1] = DB_INT((long long)i + 1);
		a[2] = DB_BLOB((const char *)p[i].data, p[i].len);
		a[3] = DB_INT((long long)p[i].len);
		a[4] = DB_INT(p[i].width);
		a[5] = DB_INT(p[i].height);
		st = db_exec(&insert_photo, a, 6, NULL, NULL);
	}
	return st;
}

static int
photo_row(void *arg, const struct db_row *r)
{
	struct db_records	*k = arg;
	struct complaint_photo	*p;

	if ((p = db_record(k)) == NULL)
		return k->arena->failed ? -1 : 0;
	p->id = db_int(r, "id");
	p->seq = (int)db_int(r, "seq");
	p->size = db_int(r, "size");
	p->width = (int)db_int(r, "width");
	p->height = (int)db_int(r, "height");
	return 0;
}

enum domain_status
complaint_photos(struct arena *arena, long long complaint_id,
    struct arena_list *photos)
{
	struct db_records	 k = { arena, photos, NULL,
	    sizeof(struct complaint_photo), 0 };
	struct db_arg		 a[] = { DB_INT(complaint_id) };

	*photos = (struct arena_list){ 0 };
	return domain_of_records(db_query_each(&photos_of, a, 1, photo_row,
	    &k), &k);
}

enum domain_status
complaint_photo_data(long long complaint_id, long long photo_id, char **data,
    size_t *len)
{
	struct db_arg	 a[] = { DB_INT(photo_id), DB_INT(complaint_id) };
	enum db_status	 st;

	*data = NULL;
	*len = 0;
	if ((st = db_query_blob(&data_of, a, 2, data, len)) != DB_OK)
		return domain_of_db(st);
	return *data != NULL ? DOMAIN_OK : DOMAIN_NOT_FOUND;
}

/* The link's MAC: the photo, its complaint and the expiry, keyed with
 * the secret, so no other photo or time can be put in the link. */
static void
photo_mac(long long photo_id, long long complaint_id, long long expires,
    const char *secret, char out[44])
{
	unsigned char	 h[24];
	char		 msg[96];

	snprintf(msg, sizeof(msg), "complaint-photo:%lld:%lld:%lld", photo_id,
	    complaint_id, expires);
	crypto_generichash(h, sizeof(h), (const unsigned char *)msg,
	    strlen(msg), (const unsigned char *)secret,
	    strlen(secret) > 64 ? 64 : strlen(secret));
	sodium_bin2base64(out, 44, h, sizeof(h),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void
complaint_photo_token(long long photo_id, long long complaint_id,
    long long expires, const char *secret, char out[COMPLAINT_PHOTO_TOKEN_MAX])
{
	char	 mac[44];

	photo_mac(photo_id, complaint_id, expires, secret, mac);
	snprintf(out, COMPLAINT_PHOTO_TOKEN_MAX, "%lld.%s", expires, mac);
}

enum domain_status
complaint_photo_by_token(long long photo_id, const char *token,
    const char *secret, long long now, char **data, size_t *len)
{
	struct db_arg	 a[] = { DB_INT(photo_id) };
	char		 want[COMPLAINT_PHOTO_TOKEN_MAX], *end;
	long long	 expires, complaint_id;
	enum db_status	 st;

	*data = NULL;
	*len = 0;
	expires = strtoll(token, &end, 10);
	/* Expired, or made to last longer than any link is given. */
	if (end == token || *end != '.' || expires < now ||
	    expires > now + COMPLAINT_PHOTO_LINK_SECONDS + 60 ||
	    strlen(token) >= sizeof(want))
		return DOMAIN_NOT_FOUND;
	if ((st = db_query_int(&complaint_of, a, 1, &complaint_id)) != DB_OK)
		return domain_of_db(st);
	if (complaint_id <= 0)
		return DOMAIN_NOT_FOUND;
	complaint_photo_token(photo_id, complaint_id, expires, secret, want);
	if (strlen(want) != strlen(token) ||
	    sodium_memcmp(want, token, strlen(want)) != 0)
		return DOMAIN_NOT_FOUND;
	return complaint_photo_data(complaint_id, photo_id, data, len);
}
