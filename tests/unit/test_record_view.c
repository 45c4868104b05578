/* Notices, their files, accounts, keys and the audit log as page data:
 * the labels and rules the domain gives once, and the HDF names the
 * templates read, with a field that is NULL left unset. */
#include <string.h>

#include "check.h"
#include "domain/notice.h"
#include "web/account_view.h"
#include "web/apikey_view.h"
#include "web/attachment_view.h"
#include "web/audit_view.h"
#include "web/notice_view.h"
#include "web/view.h"
#include "web/view_field.h"

/* The value at name, or NULL when it is unset. */
static const char *
value(HDF *h, const char *name)
{
	return hdf_get_value(h, name, NULL);
}

/* 1 when name holds want (NULL: unset). */
static int
holds(HDF *h, const char *name, const char *want)
{
	const char	*v = value(h, name);

	if (want == NULL)
		return v == NULL;
	return v != NULL && strcmp(v, want) == 0;
}

static void
test_labels(void)
{
	static const struct {
		const char	*kind, *name;
		int		 valid;
	} kinds[] = {
		{ "policy", "政策文件", 1 }, { "notice", "通知公告", 1 },
		{ "guide", "办事指南", 1 }, { "exposure", "曝光通报", 1 },
		{ "", "通知公告", 0 }, { "Policy", "通知公告", 0 },
		{ "bogus", "通知公告", 0 }, { "policy ", "通知公告", 0 },
	};
	static const struct {
		const char	*status;
		int		 published;
	} statuses[] = {
		{ "published", 1 }, { "draft", 0 }, { "withdrawn", 0 },
		{ "", 0 }, { "Published", 0 }, { NULL, 0 },
	};
	static const struct {
		long long	 size, kb;
	} sizes[] = {
		{ 0, 0 }, { 1, 1 }, { 1023, 1 }, { 1024, 1 }, { 1025, 2 },
		{ 2048, 2 }, { 2049, 3 }, { 8 * 1024 * 1024, 8192 },
		{ -1, 0 },
	};
	struct notice_record	 n;
	size_t			 i;

	for (i = 0; i < NELEM(kinds); i++) {
		CHECK(strcmp(notice_kind_name(kinds[i].kind), kinds[i].name) ==
		    0, "kind name of \"%s\"", kinds[i].kind);
		CHECK(notice_kind_valid(kinds[i].kind, NULL) == kinds[i].valid,
		    "kind \"%s\" valid", kinds[i].kind);
	}
	CHECK(strcmp(notice_kind_name(NULL), "通知公告") == 0,
	    "no kind is a plain notice");
	for (i = 0; i < NELEM(statuses); i++) {
		memset(&n, 0, sizeof(n));
		n.status = statuses[i].status;
		CHECK(notice_is_published(&n) == statuses[i].published,
		    "status \"%s\" published", statuses[i].status != NULL ?
		    statuses[i].status : "(null)");
	}
	for (i = 0; i < NELEM(sizes); i++)
		CHECK(attachment_view_kb(sizes[i].size) == sizes[i].kb,
		    "%lld bytes are %lld KB", sizes[i].size, sizes[i].kb);
}

/* Pushes n items of size, copied from items, onto a list in a. */
static struct arena_list
list_of(struct arena *a, const void *items, size_t n, size_t size)
{
	struct arena_list	 l = { 0 };
	void			*p;
	size_t			 i;

	for (i = 0; i < n; i++)
		if ((p = arena_push(a, &l, size)) != NULL)
			memcpy(p, (const char *)items + i * size, size);
	return l;
}

static const struct notice_entry entries[] = {
	{ 7, "policy", "补贴标准", "published", 2, "", "2009-01-05 10:00", 0 },
	{ 9, "exposure", "曝光", "draft", 1, "420607", "2009-02-01 08:30", 1 },
};

static const struct notice_version versions[] = {
	{ 2, "旧标题", "更正文号", "2009-01-04 09:00" },
	{ 1, "更旧的标题", "初稿", "2009-01-03 09:00" },
};

static const struct attachment files[] = {
	{ 3, 0, "名单.pdf", "application/pdf", 1025, NULL, NULL },
};

static const struct account accounts[] = {
	{ 1, "admin", "", "admin", "", 0, 1, "2009-01-01 00:00" },
	{ 4, "editorc", "张三", "editor", "4206", 1, 0, "2009-01-02 00:00" },
};

static const struct apikey_record keys[] = {
	{ 2, "县里", "420607", "襄州区", "2009-03-01 10:00", "admin", NULL },
	{ 1, "全国", NULL, NULL, "2009-02-01 10:00", NULL, "2009-02-02 10:00" },
};

static const struct audit_entry log_entries[] = {
	{ 5, "2009-01-05 10:00:00", "admin", "127.0.0.1", "notice_update",
	    "notice", 7, "{\"a\":1}", "{\"a\":2}" },
	{ 4, "2009-01-05 09:00:00", "nobody", "127.0.0.1", "login_failed",
	    "staff", 0, NULL, NULL },
};

/* Each name a view puts, with its value (NULL: left unset). */
static const struct {
	const char	*name, *want;
} expected[] = {
	{ "Staff.0.id", "7" }, { "Staff.0.kind_name", "政策文件" },
	{ "Staff.0.status", "published" }, { "Staff.0.version", "2" },
	{ "Staff.0.region_code", "" },
	{ "Staff.0.updated", "2009-01-05 10:00" },
	{ "Staff.0.is_demo", "0" }, { "Staff.1.kind_name", "曝光通报" },
	{ "Staff.1.is_demo", "1" }, { "Staff.2.id", NULL },
	{ "Notice.id", "7" }, { "Notice.kind", "guide" },
	{ "Notice.kind_name", "办事指南" }, { "Notice.issued_on", NULL },
	{ "Notice.issuer", "" }, { "Notice.published_on", "2009-01-05" },
	{ "Notice.body_html", "<p>x</p>\n" }, { "Notice.is_demo", "0" },
	{ "Notice.versions.0.version", "2" },
	{ "Notice.versions.1.change_note", "初稿" },
	{ "Notice.versions.1.edited_at", "2009-01-03 09:00" },
	{ "Notice.versions.2.version", NULL },
	{ "Record.issued_on", "" }, { "Record.published", NULL },
	{ "Record.kind_name", "通知公告" }, { "Record.is_demo", NULL },
	{ "Files.0.id", "3" }, { "Files.0.size", "1025" },
	{ "Files.0.size_kb", "2" }, { "Files.0.filename", "名单.pdf" },
	{ "Files.0.notice_id", NULL },
	{ "Accounts.0.display_name", "" }, { "Accounts.0.totp_enabled", "1" },
	{ "Accounts.1.region_code", "4206" }, { "Accounts.1.disabled", "1" },
	{ "Accounts.1.created_at", "2009-01-02 00:00" },
	{ "Keys.0.region_name", "襄州区" }, { "Keys.0.revoked_at", NULL },
	{ "Keys.1.region_code", NULL }, { "Keys.1.region_name", NULL },
	{ "Keys.1.created_by", NULL },
	{ "Keys.1.revoked_at", "2009-02-02 10:00" },
	{ "Audit.0.object_id", "7" }, { "Audit.0.before_json", "{\"a\":1}" },
	{ "Audit.1.object_id", NULL }, { "Audit.1.before_json", NULL },
	{ "Audit.1.after_json", NULL }, { "Audit.1.object_type", "staff" },
};

static void
test_views(void)
{
	struct arena		 a = { 0 };
	struct arena_list	 l;
	struct notice		 n;
	struct notice_record	 r;
	HDF			*h;
	size_t			 i;

	view_fill_reset();
	if ((h = view_new()) == NULL)
		return;
	l = list_of(&a, entries, NELEM(entries), sizeof(entries[0]));
	notice_view_entries(h, "Staff", &l);
	memset(&n, 0, sizeof(n));
	n.id = 7;
	n.kind = "guide";
	n.title = "办事指南";
	n.issuer = "";
	n.published_on = "2009-01-05";
	n.body_html = "<p>x</p>\n";
	n.versions = list_of(&a, versions, NELEM(versions),
	    sizeof(versions[0]));
	notice_view_put(h, "Notice", &n);
	memset(&r, 0, sizeof(r));
	r.kind = "notice";
	r.issued_on = "";
	notice_view_record(h, "Record", &r);
	l = list_of(&a, files, NELEM(files), sizeof(files[0]));
	attachment_view_rows(h, "Files", &l);
	l = list_of(&a, accounts, NELEM(accounts), sizeof(accounts[0]));
	account_view_rows(h, "Accounts", &l);
	l = list_of(&a, keys, NELEM(keys), sizeof(keys[0]));
	apikey_view_rows(h, "Keys", &l);
	l = list_of(&a, log_entries, NELEM(log_entries),
	    sizeof(log_entries[0]));
	audit_view_rows(h, "Audit", &l);
	CHECK(!a.failed, "the lists were made");
	for (i = 0; i < NELEM(expected); i++)
		CHECK(holds(h, expected[i].name, expected[i].want),
		    "%s is %s, not %s", expected[i].name, expected[i].want !=
		    NULL ? expected[i].want : "unset", value(h,
		    expected[i].name) != NULL ? value(h, expected[i].name) :
		    "unset");
	CHECK(view_fill_failures() == 0, "every value was set");
	hdf_destroy(&h);
	arena_free(&a);
}

void
test_record_view(void)
{
	test_labels();
	test_views();
}
