/* Notices. */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "db/filtered.h"
#include "domain/attachment.h"
#include "domain/notice.h"
#include "db/search.h"
#include "web/view.h"

#define KIND_NAME \
    "CASE n.kind WHEN 'policy' THEN '政策文件' WHEN 'guide' THEN '办事指南' " \
    "WHEN 'exposure' THEN '曝光通报' ELSE '通知公告' END AS kind_name, "

#define NOTICE_COLUMNS \
    "SELECT n.id, n.kind, " KIND_NAME "n.title, n.issuer, n.doc_no, " \
    "DATE_FORMAT(n.issued_on, '%Y-%m-%d') AS issued_on, " \
    "DATE_FORMAT(n.published_at, '%Y-%m-%d') AS published_on, " \
    "DATE_FORMAT(n.published_at, '%Y-%m-%dT%H:%i:%s+08:00') AS published_at, " \
    "DATE_FORMAT(n.updated_at, '%Y-%m-%dT%H:%i:%s+08:00') AS updated_at, " \
    "n.version, n.is_demo "

#define PUBLISHED " AND " NOTICE_IS_PUBLIC

enum { NF_KIND = 1 };

static const struct sql_fragment filter_fragments[] = {
	{ NF_KIND, " AND n.kind = ?" },
};

#define NEWEST " ORDER BY n.published_at DESC, n.id DESC LIMIT ? OFFSET ?"

static struct filtered_sql published = {
	.list_head = NOTICE_COLUMNS "FROM notice n ",
	.count_head = "SELECT COUNT(*) FROM notice n ",
	.where = "WHERE 1 = 1" PUBLISHED,
	.filters = filter_fragments,
	.nfilters = 1,
	.list_tail = NEWEST,
	.count_tail = "",
};

static struct filtered_sql published_keyword = {
	.list_head = NOTICE_COLUMNS
	    "FROM notice_search s JOIN notice n ON n.id = s.notice_id ",
	.count_head = "SELECT COUNT(*) FROM notice_search s "
	    "JOIN notice n ON n.id = s.notice_id ",
	.where = "WHERE MATCH(s.body) AGAINST(? IN BOOLEAN MODE)" PUBLISHED,
	.filters = filter_fragments,
	.nfilters = 1,
	.list_tail = NEWEST,
	.count_tail = "",
};

static struct db_stmt get_published = DB_READ(
    NOTICE_COLUMNS ", n.body_md FROM notice n WHERE n.id = ?" PUBLISHED);

static struct db_stmt versions_of = DB_READ(
    "SELECT version, title, change_note, "
    "DATE_FORMAT(edited_at, '%Y-%m-%d %H:%i') AS edited_at "
    "FROM notice_version WHERE notice_id = ? ORDER BY version DESC");

static struct db_stmt staff_list = DB_READ(
    "SELECT n.id, n.kind, " KIND_NAME "n.title, n.status, n.version, "
    "COALESCE(n.region_code, '') AS region_code, "
    "DATE_FORMAT(n.updated_at, '%Y-%m-%d %H:%i') AS updated, n.is_demo "
    "FROM notice n WHERE COALESCE(n.region_code, '') LIKE CONCAT(?, '%') "
    "ORDER BY n.updated_at DESC, n.id DESC LIMIT 500");

static struct db_stmt staff_get = DB_READ(
    "SELECT n.id, n.kind, " KIND_NAME "n.title, n.issuer, n.doc_no, "
    "COALESCE(DATE_FORMAT(n.issued_on, '%Y-%m-%d'), '') AS issued_on, "
    "COALESCE(n.region_code, '') AS region_code, n.body_md, n.status, "
    "n.version, DATE_FORMAT(n.published_at, '%Y-%m-%d %H:%i') AS published "
    "FROM notice n WHERE n.id = ?");

static struct db_stmt insert_notice = DB_WRITE(
    "INSERT INTO notice (kind, title, issuer, doc_no, issued_on, "
    "region_code, body_md, status, created_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?)");

static struct db_stmt keep_version = DB_WRITE(
    "INSERT INTO notice_version (notice_id, version, kind, title, issuer, "
    "doc_no, issued_on, body_md, change_note, edited_by, edited_at) "
    "SELECT id, version, kind, title, issuer, doc_no, issued_on, body_md, "
    "?, ?, NOW() FROM notice WHERE id = ?");

static struct db_stmt update_notice = DB_WRITE(
    "UPDATE notice SET kind = ?, title = ?, issuer = ?, doc_no = ?, "
    "issued_on = ?, region_code = ?, body_md = ?, "
    "version = version + IF(status = 'published', 1, 0) WHERE id = ?");

static struct db_stmt set_status = DB_WRITE(
    "UPDATE notice SET status = ?, published_at = IF(? = 'published', "
    "COALESCE(published_at, NOW()), published_at) WHERE id = ?");

static const struct {
	const char	*kind, *name;
} kinds[] = {
	{ "policy", "政策文件" }, { "notice", "通知公告" },
	{ "guide", "办事指南" }, { "exposure", "曝光通报" },
};

int
notice_kind_valid(const char *kind, const char **name)
{
	size_t	 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].kind, kind) == 0) {
			if (name != NULL)
				*name = kinds[i].name;
			return 1;
		}
	return 0;
}

enum db_status
notice_find(HDF *hdf, const char *kind, const char *keyword, long page,
    long page_size, const char *prefix, long *n, long long *total)
{
	struct filtered_sql	*f = &published;
	struct db_arg		 a[5];
	struct db_stmt		*list;
	char			 ftq[512];
	unsigned		 mask = 0;
	size_t			 na = 0;
	enum db_status		 st;

	*n = *total = 0;
	if (keyword[0] != '\0') {
		if (search_query(ftq, sizeof(ftq), keyword) < 1)
			ftq[0] = '\0';
		f = &published_keyword;
		a[na++] = DB_TEXT(ftq);
	}
	if (kind[0] != '\0') {
		mask |= NF_KIND;
		a[na++] = DB_TEXT(kind);
	}
	if ((list = filtered_list(f, mask)) == NULL)
		return DB_ERROR;
	st = db_query_int(filtered_count(f, mask), a, na, total);
	if (st != DB_OK || *total == 0)
		return st;
	a[na++] = DB_INT(page_size);
	a[na++] = DB_INT((long long)(page - 1) * page_size);
	return db_query(list, a, na, hdf, prefix, n);
}

char *
notice_markdown_to_html(const char *md)
{
	/* CMARK_OPT_DEFAULT is safe since cmark 0.29: raw HTML and
	 * javascript: links are dropped. */
	return cmark_markdown_to_html(md, strlen(md), CMARK_OPT_DEFAULT);
}

enum db_status
notice_get(HDF *hdf, long long id, const char *prefix, int *found)
{
	struct db_arg	 a[] = { DB_INT(id) };
	enum db_status	 st;
	HDF		*row;
	char		*html;
	long		 n;

	st = db_query_row(&get_published, a, 1, hdf, prefix, found);
	if (st != DB_OK || !*found)
		return st;
	row = hdf_get_obj(hdf, prefix);
	if ((html = notice_markdown_to_html(hdf_get_value(row, "body_md",
	    ""))) == NULL)
		return DB_ERROR;
	hset(row, "body_html", html);
	free(html);
	return db_query(&versions_of, a, 1, row, "versions", &n);
}

enum db_status
notice_staff_list(HDF *hdf, const char *region, const char *prefix, long *n)
{
	struct db_arg	 a[] = { DB_TEXT(region) };

	return db_query(&staff_list, a, 1, hdf, prefix, n);
}

enum db_status
notice_staff_get(HDF *hdf, long long id, const char *prefix, int *found)
{
	struct db_arg	 a[] = { DB_INT(id) };

	return db_query_row(&staff_get, a, 1, hdf, prefix, found);
}

static void
fields_args(struct db_arg *a, const struct notice_fields *f)
{
	a[0] = DB_TEXT(f->kind);
	a[1] = DB_TEXT(f->title);
	a[2] = DB_TEXT(f->issuer);
	a[3] = DB_TEXT(f->doc_no);
	a[4] = f->issued_on[0] ? DB_TEXT(f->issued_on) : DB_NULLARG;
	a[5] = f->region[0] ? DB_TEXT(f->region) : DB_NULLARG;
	a[6] = DB_TEXT(f->body_md);
}

static enum db_status
insert_row(const struct notice_fields *f, long long staff_id,
    unsigned long long *id)
{
	struct db_arg	 a[8];

	fields_args(a, f);
	a[7] = DB_INT(staff_id);
	return db_exec(&insert_notice, a, 8, NULL, id);
}

static enum db_status
update_row(long long id, HDF *old, const struct notice_fields *f,
    const char *change_note, long long staff_id)
{
	struct db_arg	 a[8], v[] = { DB_TEXT(change_note), DB_INT(staff_id),
	    DB_INT(id) };
	enum db_status	 st;

	if (strcmp(hdf_get_value(old, "status", ""), "published") == 0 &&
	    (st = db_exec(&keep_version, v, 3, NULL, NULL)) != DB_OK)
		return st;
	fields_args(a, f);
	a[7] = DB_INT(id);
	return db_exec(&update_notice, a, 8, NULL, NULL);
}

static enum db_status
status_row(long long id, const char *status)
{
	struct db_arg	 a[] = { DB_TEXT(status), DB_TEXT(status), DB_INT(id) };

	return db_exec(&set_status, a, 3, NULL, NULL);
}

json_t *
notice_row_json(HDF *row)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}",
	    "kind", hdf_get_value(row, "kind", ""),
	    "title", hdf_get_value(row, "title", ""),
	    "issuer", hdf_get_value(row, "issuer", ""),
	    "doc_no", hdf_get_value(row, "doc_no", ""),
	    "issued_on", hdf_get_value(row, "issued_on", ""),
	    "region_code", hdf_get_value(row, "region_code", ""),
	    "body_md", hdf_get_value(row, "body_md", ""),
	    "status", hdf_get_value(row, "status", ""));
}

json_t *
notice_fields_json(const struct notice_fields *f)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "kind", f->kind,
	    "title", f->title, "issuer", f->issuer, "doc_no", f->doc_no,
	    "issued_on", f->issued_on, "region_code", f->region,
	    "body_md", f->body_md);
}

enum domain_status
notice_create(const struct notice_fields *f, const struct audit_by *by,
    unsigned long long *id)
{
	enum db_status	 st;

	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	st = insert_row(f, by->user->id, id);
	if (st == DB_OK)
		st = audit_record(by, "notice_create", "notice", (long long)*id,
		    NULL, notice_fields_json(f));
	return domain_of_db(db_finish(st));
}

enum domain_status
notice_update(long long id, HDF *old, const struct notice_fields *f,
    const char *change_note, const struct audit_by *by)
{
	enum db_status	 st;

	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	st = update_row(id, old, f, change_note, by->user->id);
	if (st == DB_OK)
		st = audit_record(by, "notice_update", "notice", id,
		    notice_row_json(old), notice_fields_json(f));
	return domain_of_db(db_finish(st));
}

enum domain_status
notice_set_status(long long id, HDF *old, const char *status,
    const struct audit_by *by)
{
	enum db_status	 st;

	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	st = status_row(id, status);
	if (st == DB_OK)
		st = audit_record(by, "notice_status", "notice", id,
		    json_pack("{s:s}", "status", hdf_get_value(old, "status",
		    "")), json_pack("{s:s}", "status", status));
	return domain_of_db(db_finish(st));
}

enum domain_status
notice_attach(long long id, const char *filename, const char *type,
    const char *data, size_t len, const struct audit_by *by,
    unsigned long long *aid)
{
	enum db_status	 st;

	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	st = attachment_add(id, filename, type, data, len, by->user->id, aid);
	if (st == DB_OK)
		st = audit_record(by, "attachment_add", "notice", id, NULL,
		    json_pack("{s:I,s:s,s:s,s:I}", "attachment",
		    (json_int_t)*aid, "filename", filename, "content_type",
		    type, "size", (json_int_t)len));
	return domain_of_db(db_finish(st));
}

enum domain_status
notice_detach(long long aid, HDF *row, const struct audit_by *by)
{
	enum db_status	 st;

	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	st = attachment_delete(aid);
	if (st == DB_OK)
		st = audit_record(by, "attachment_delete", "notice",
		    hdf_get_int_value(row, "notice_id", 0),
		    json_pack("{s:I,s:s}", "attachment", (json_int_t)aid,
		    "filename", hdf_get_value(row, "filename", "")), NULL);
	return domain_of_db(db_finish(st));
}
