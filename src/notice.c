/* Notices as the public sees them. */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "notice.h"
#include "view.h"

#define NOTICE_COLUMNS \
    "id, kind, CASE kind WHEN 'policy' THEN '政策文件' " \
    "WHEN 'guide' THEN '办事指南' ELSE '通知公告' END AS kind_name, " \
    "title, issuer, doc_no, DATE_FORMAT(published_at, '%Y-%m-%d') " \
    "AS published_on, is_demo "

static struct db_stmt list_published = DB_READ(
    "SELECT " NOTICE_COLUMNS "FROM notice "
    "WHERE status = 'published' AND published_at <= NOW() "
    "ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?");

static struct db_stmt count_published = DB_READ(
    "SELECT COUNT(*) AS n FROM notice "
    "WHERE status = 'published' AND published_at <= NOW()");

static struct db_stmt get_published = DB_READ(
    "SELECT " NOTICE_COLUMNS ", body_md FROM notice "
    "WHERE id = ? AND status = 'published' AND published_at <= NOW()");

enum db_status
notice_list(HDF *hdf, long limit, long page, const char *prefix, long *n)
{
	struct db_arg	 a[] = { DB_INT(limit), DB_INT((page - 1) * limit) };

	return db_query(&list_published, a, DB_NARGS(a), hdf, prefix, n);
}

enum db_status
notice_count(long long *total)
{
	return db_query_int(&count_published, NULL, 0, total);
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

	st = db_query_row(&get_published, a, DB_NARGS(a), hdf, prefix, found);
	if (st != DB_OK || !*found)
		return st;
	row = hdf_get_obj(hdf, prefix);
	if ((html = notice_markdown_to_html(hdf_get_value(row, "body_md",
	    ""))) == NULL)
		return DB_ERROR;
	hset(row, "body_html", html);
	free(html);
	return DB_OK;
}
