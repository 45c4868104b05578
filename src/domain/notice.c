/* Notices: the public's reads, the staff's reads and their changes. */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "db/filtered.h"
#include "db/search.h"
#include "domain/attachment.h"
#include "domain/notice.h"

#define NOTICE_COLUMNS \
    "SELECT n.id, n.kind, n.title, n.issuer, n.doc_no, " \
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
    "SELECT n.id, n.kind, n.title, n.status, n.version, "
    "COALESCE(n.region_code, '') AS region_code, "
    "DATE_FORMAT(n.updated_at, '%Y-%m-%d %H:%i') AS updated, n.is_demo "
    "FROM notice n WHERE COALESCE(n.region_code, '') LIKE CONCAT(?, '%') "
    "ORDER BY n.updated_at DESC, n.id DESC LIMIT 500");

static struct db_stmt staff_get = DB_READ(
    "SELECT n.id, n.kind, n.title, n.issuer, n.doc_no, "
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

const char *
notice_kind_name(const char *kind)
{
	const char	*name;

	return kind != NULL && notice_kind_valid(kind, &name) ? name :
	    "通知公告";
}

int
notice_is_published(const struct notice_record *n)
{
	return n->status != NULL && strcmp(n->status, "published") == 0;
}

/* Where the rows of a read go: a list, or the one record. */
struct notice_sink {
	struct arena		*arena;
	struct arena_list	*list;
	void			*one;
	int			 found;
};

/* The columns of NOTICE_COLUMNS. */
static void
keep_notice(struct arena *a, const struct db_row *r, struct notice *n)
{
	n->id = db_int(r, "id");
	n->kind = db_keep(a, r, "kind");
	n->title = db_keep(a, r, "title");
	n->issuer = db_keep(a, r, "issuer");
	n->doc_no = db_keep(a, r, "doc_no");
	n->issued_on = db_keep(a, r, "issued_on");
	n->published_on = db_keep(a, r, "published_on");
	n->published_at = db_keep(a, r, "published_at");
	n->updated_at = db_keep(a, r, "updated_at");
	n->version = db_int(r, "version");
	n->is_demo = db_int(r, "is_demo") != 0;
}

static int
notice_row(void *arg, const struct db_row *r)
{
	struct notice_sink	*k = arg;
	struct notice		*n;

	if ((n = arena_push(k->arena, k->list, sizeof(*n))) == NULL)
		return -1;
	keep_notice(k->arena, r, n);
	return k->arena->failed ? -1 : 0;
}

static int
published_row(void *arg, const struct db_row *r)
{
	struct notice_sink	*k = arg;
	struct notice		*n = k->one;

	if (k->found++)
		return 0;
	keep_notice(k->arena, r, n);
	n->body_md = db_keep(k->arena, r, "body_md");
	return k->arena->failed ? -1 : 0;
}

static int
version_row(void *arg, const struct db_row *r)
{
	struct notice_sink	*k = arg;
	struct notice_version	*v;

	if ((v = arena_push(k->arena, k->list, sizeof(*v))) == NULL)
		return -1;
	v->version = db_int(r, "version");
	v->title = db_keep(k->arena, r, "title");
	v->change_note = db_keep(k->arena, r, "change_note");
	v->edited_at = db_keep(k->arena, r, "edited_at");
	return k->arena->failed ? -1 : 0;
}

static int
entry_row(void *arg, const struct db_row *r)
{
	struct notice_sink	*k = arg;
	struct notice_entry	*e;

	if ((e = arena_push(k->arena, k->list, sizeof(*e))) == NULL)
		return -1;
	e->id = db_int(r, "id");
	e->kind = db_keep(k->arena, r, "kind");
	e->title = db_keep(k->arena, r, "title");
	e->status = db_keep(k->arena, r, "status");
	e->version = db_int(r, "version");
	e->region_code = db_keep(k->arena, r, "region_code");
	e->updated = db_keep(k->arena, r, "updated");
	e->is_demo = db_int(r, "is_demo") != 0;
	return k->arena->failed ? -1 : 0;
}

static int
record_row(void *arg, const struct db_row *r)
{
	struct notice_sink	*k = arg;
	struct notice_record	*n = k->one;

	if (k->found++)
		return 0;
	n->id = db_int(r, "id");
	n->kind = db_keep(k->arena, r, "kind");
	n->title = db_keep(k->arena, r, "title");
	n->issuer = db_keep(k->arena, r, "issuer");
	n->doc_no = db_keep(k->arena, r, "doc_no");
	n->issued_on = db_keep(k->arena, r, "issued_on");
	n->region_code = db_keep(k->arena, r, "region_code");
	n->body_md = db_keep(k->arena, r, "body_md");
	n->status = db_keep(k->arena, r, "status");
	n->version = db_int(r, "version");
	n->published = db_keep(k->arena, r, "published");
	return k->arena->failed ? -1 : 0;
}

/* The outcome of a read into the arena: out of memory is ours. */
static enum domain_status
read_outcome(struct arena *a, enum db_status st)
{
	if (st == DB_OK && a->failed)
		return DOMAIN_INTERNAL;
	return domain_of_db(st);
}

enum domain_status
notice_find(struct arena *arena, const char *kind, const char *keyword,
    long page, long page_size, struct arena_list *notices, long long *total)
{
	struct notice_sink	 k = { arena, notices, NULL, 0 };
	struct filtered_sql	*f = &published;
	struct db_arg		 a[5];
	struct db_stmt		*list;
	char			 ftq[512];
	unsigned		 mask = 0;
	size_t			 na = 0;
	enum db_status		 st;

	*notices = (struct arena_list){ 0 };
	*total = 0;
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
		return DOMAIN_INTERNAL;
	st = db_query_int(filtered_count(f, mask), a, na, total);
	if (st != DB_OK || *total == 0)
		return domain_of_db(st);
	a[na++] = DB_INT(page_size);
	a[na++] = DB_INT((long long)(page - 1) * page_size);
	return read_outcome(arena, db_query_each(list, a, na, notice_row, &k));
}

char *
notice_markdown_to_html(const char *md)
{
	/* CMARK_OPT_DEFAULT is safe since cmark 0.29: raw HTML and
	 * javascript: links are dropped. */
	return cmark_markdown_to_html(md, strlen(md), CMARK_OPT_DEFAULT);
}

enum domain_status
notice_get(struct arena *arena, long long id, struct notice *n)
{
	struct db_arg		 a[] = { DB_INT(id) };
	struct notice_sink	 k = { arena, &n->versions, n, 0 };
	enum db_status		 st;
	char			*html;

	memset(n, 0, sizeof(*n));
	st = db_query_each(&get_published, a, 1, published_row, &k);
	if (st != DB_OK || arena->failed)
		return read_outcome(arena, st);
	if (!k.found)
		return DOMAIN_NOT_FOUND;
	if ((html = notice_markdown_to_html(n->body_md != NULL ? n->body_md :
	    "")) == NULL)
		return DOMAIN_INTERNAL;
	n->body_html = arena_strdup(arena, html);
	free(html);
	return read_outcome(arena, db_query_each(&versions_of, a, 1,
	    version_row, &k));
}

enum domain_status
notice_staff_list(struct arena *arena, const char *region,
    struct arena_list *entries)
{
	struct db_arg		 a[] = { DB_TEXT(region) };
	struct notice_sink	 k = { arena, entries, NULL, 0 };

	*entries = (struct arena_list){ 0 };
	return read_outcome(arena, db_query_each(&staff_list, a, 1, entry_row,
	    &k));
}

enum domain_status
notice_staff_get(struct arena *arena, long long id, struct notice_record *n)
{
	struct db_arg		 a[] = { DB_INT(id) };
	struct notice_sink	 k = { arena, NULL, n, 0 };
	enum domain_status	 ds;

	memset(n, 0, sizeof(*n));
	ds = read_outcome(arena, db_query_each(&staff_get, a, 1, record_row,
	    &k));
	return ds == DOMAIN_OK && !k.found ? DOMAIN_NOT_FOUND : ds;
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
update_row(long long id, const struct notice_record *old,
    const struct notice_fields *f, const char *change_note, long long staff_id)
{
	struct db_arg	 a[8], v[] = { DB_TEXT(change_note), DB_INT(staff_id),
	    DB_INT(id) };
	enum db_status	 st;

	if (notice_is_published(old) &&
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

/* A text of a record for the log: "" where there is none. */
static const char *
text(const char *s)
{
	return s != NULL ? s : "";
}

json_t *
notice_row_json(const struct notice_record *n)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}",
	    "kind", text(n->kind), "title", text(n->title),
	    "issuer", text(n->issuer), "doc_no", text(n->doc_no),
	    "issued_on", text(n->issued_on),
	    "region_code", text(n->region_code),
	    "body_md", text(n->body_md), "status", text(n->status));
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
notice_update(long long id, const struct notice_record *old,
    const struct notice_fields *f, const char *change_note,
    const struct audit_by *by)
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
notice_set_status(long long id, const struct notice_record *old,
    const char *status, const struct audit_by *by)
{
	enum db_status	 st;

	if ((st = db_begin()) != DB_OK)
		return domain_of_db(st);
	st = status_row(id, status);
	if (st == DB_OK)
		st = audit_record(by, "notice_status", "notice", id,
		    json_pack("{s:s}", "status", text(old->status)),
		    json_pack("{s:s}", "status", status));
	return domain_of_db(db_finish(st));
}

enum domain_status
notice_attach(long long id, const char *filename, const char *type,
    const char *data, size_t len, const struct audit_by *by,
    unsigned long long *aid)
{
	enum domain_status	 st;

	if ((st = domain_of_db(db_begin())) != DOMAIN_OK)
		return st;
	st = attachment_add(id, filename, type, data, len, by->user->id, aid);
	if (st == DOMAIN_OK)
		st = domain_of_db(audit_record(by, "attachment_add", "notice",
		    id, NULL, json_pack("{s:I,s:s,s:s,s:I}", "attachment",
		    (json_int_t)*aid, "filename", filename, "content_type",
		    type, "size", (json_int_t)len)));
	return domain_finish(st);
}

enum domain_status
notice_detach(const struct attachment *att, const struct audit_by *by)
{
	enum domain_status	 st;

	if ((st = domain_of_db(db_begin())) != DOMAIN_OK)
		return st;
	st = attachment_delete(att->id);
	if (st == DOMAIN_OK)
		st = domain_of_db(audit_record(by, "attachment_delete",
		    "notice", att->notice_id, json_pack("{s:I,s:s}",
		    "attachment", (json_int_t)att->id, "filename",
		    text(att->filename)), NULL));
	return domain_finish(st);
}
