/* Notices for editors: write, preview, publish, withdraw, attach files;
 * every change of a published notice keeps the previous text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/attachment.h"
#include "domain/notice.h"
#include "domain/region.h"
#include "domain/session.h"
#include "staff.h"
#include "web/attachment_view.h"
#include "web/domain_answer.h"
#include "web/notice_view.h"
#include "web/view.h"

const struct param_spec notice_edit_params[NE_COUNT] = {
	[NE_KIND] = { "kind", "类别", P_CODE, 1, 16, 0 },
	[NE_TITLE] = { "title", "标题", P_TEXT, 2, 200, 0 },
	[NE_ISSUER] = { "issuer", "发文机关", P_TEXT, 2, 100, 0 },
	[NE_DOCNO] = { "doc_no", "文号", P_TEXT, 1, 64, 0 },
	[NE_ISSUED] = { "issued_on", "发文日期", P_DATE, 0, 0, 0 },
	[NE_REGION] = { "region", "所属地区", P_REGION, 0, 0, 0 },
	[NE_BODY] = { "body", "正文", P_LONGTEXT, 1, 100000, 0 },
	[NE_NOTE] = { "change_note", "修改说明", P_TEXT, 1, 200, 0 },
	[NE_ACTION] = { "action", "操作", P_CODE, 1, 16, 0 },
};

const struct param_spec notice_status_params[NS_COUNT] = {
	[NS_STATUS] = { "status", "状态", P_CODE, 1, 16, P_REQUIRED },
};

int
handle_staff_notices(struct ctx *c)
{
	struct arena_list	 notices;
	enum domain_status	 ds;

	hset(c->hdf, "Page.Title", "通知公告管理");
	if ((ds = notice_staff_list(&c->arena, c->user->region, &notices)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	notice_view_entries(c->hdf, "Notices", &notices);
	return ctx_render(c, "staff/notices.cs");
}

/* Reads and checks the form; marks wrong fields. */
static void
read_fields(struct ctx *c, struct notice_fields *f, int editing_published)
{
	const struct param_value *p = c->req->param;

	f->kind = ctx_text(c, NE_KIND);
	f->title = ctx_text(c, NE_TITLE);
	f->issuer = ctx_text(c, NE_ISSUER);
	f->doc_no = ctx_text(c, NE_DOCNO);
	f->issued_on = ctx_text(c, NE_ISSUED);
	f->region = ctx_text(c, NE_REGION);
	f->body_md = ctx_text(c, NE_BODY);
	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (!notice_kind_valid(f->kind, NULL))
		ctx_field_error(c, "kind", "请选择类别");
	if (!p[NE_TITLE].present)
		ctx_field_error(c, "title", "请填写标题");
	if (!p[NE_ISSUER].present)
		ctx_field_error(c, "issuer", "请填写发文机关");
	if (!p[NE_BODY].present)
		ctx_field_error(c, "body", "请填写正文");
	if (!staff_in_region(c, f->region))
		ctx_field_error(c, "region", "只能发布本地区的通知，请填写您负责的地区代码");
	if (editing_published && !p[NE_NOTE].present)
		ctx_field_error(c, "change_note", "修改已发布的通知，请写明修改说明");
}

/* Shows the rendered body above the form; nothing is saved. */
static enum handler_result
preview(struct ctx *c, const char *body)
{
	char	*html;

	if ((html = notice_markdown_to_html(body)) == NULL)
		return H_ERROR;
	hset(c->hdf, "Preview.body_html", html);
	free(html);
	return H_OK;
}

static int
edit_page(struct ctx *c)
{
	return ctx_render(c, "staff/notice_edit.cs");
}

int
handle_notice_new(struct ctx *c)
{
	struct notice_fields	 f;
	unsigned long long	 id = 0;
	enum domain_status	 ds;
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };

	hset(c->hdf, "Page.Title", "新建通知");
	if (c->req->method != M_POST) {
		hset(c->hdf, "Form.region", c->user->region);
		return edit_page(c);
	}
	read_fields(c, &f, 0);
	if (c->resp->status != 200)
		return edit_page(c);
	if (strcmp(ctx_text(c, NE_ACTION), "preview") == 0) {
		if (preview(c, f.body_md) != H_OK)
			return H_ERROR;
		return edit_page(c);
	}
	/* Created first: the id is read only once it is set. */
	ds = notice_create(&f, &by, &id);
	return domain_answer_saved(c, ds, "/staff/notices/%lld", (long long)id);
}

/* Loads a notice the user may change into n and the page, with the
 * count of its files in *files (unless NULL), or answers 404/403. */
static enum handler_result
load_own_notice(struct ctx *c, long long id, struct notice_record *n,
    size_t *files)
{
	struct arena_list	 list;
	enum domain_status	 ds;

	if ((ds = notice_staff_get(&c->arena, id, n)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	if (!staff_in_region(c, n->region_code))
		return H_FORBIDDEN;
	if ((ds = attachment_list(&c->arena, id, &list)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	notice_view_record(c->hdf, "Notice", n);
	attachment_view_rows(c->hdf, "Attachments", &list);
	if (files != NULL)
		*files = list.n;
	return H_OK;
}

int
handle_notice_edit(struct ctx *c)
{
	long long		 id = c->req->path_id;
	struct notice_fields	 f;
	struct notice_record	 old;
	enum handler_result	 r;
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };

	if ((r = load_own_notice(c, id, &old, NULL)) != H_OK)
		return r;
	hset(c->hdf, "Page.Title", "编辑通知");
	if (c->req->method != M_POST) {
		const struct {
			const char	*name, *value;
		} copy[] = {
			{ "Form.kind", old.kind }, { "Form.title", old.title },
			{ "Form.issuer", old.issuer },
			{ "Form.doc_no", old.doc_no },
			{ "Form.issued_on", old.issued_on },
			{ "Form.region", old.region_code },
			{ "Form.body", old.body_md },
		};
		size_t	 i;

		for (i = 0; i < sizeof(copy) / sizeof(copy[0]); i++)
			hset(c->hdf, copy[i].name, copy[i].value != NULL ?
			    copy[i].value : "");
		return edit_page(c);
	}
	read_fields(c, &f, notice_is_published(&old));
	if (c->resp->status != 200)
		return edit_page(c);
	if (strcmp(ctx_text(c, NE_ACTION), "preview") == 0) {
		if (preview(c, f.body_md) != H_OK)
			return H_ERROR;
		return edit_page(c);
	}
	return domain_answer_saved(c, notice_update(id, &old, &f, ctx_text(c,
	    NE_NOTE), &by), "/staff/notices/%lld", (long long)id);
}

int
handle_notice_status(struct ctx *c)
{
	long long	 id = c->req->path_id;
	const char	*status = ctx_text(c, NS_STATUS);
	struct notice_record old;
	enum handler_result r;
	struct audit_by	 by = { .user = c->user,
	    .address = staff_address(c) };

	if (strcmp(status, "published") != 0 && strcmp(status, "draft") != 0 &&
	    strcmp(status, "withdrawn") != 0) {
		ctx_error_page(c, 400, "状态只能是 发布、草稿 或 撤回");
		return H_OK;
	}
	if ((r = load_own_notice(c, id, &old, NULL)) != H_OK)
		return r;
	return domain_answer_saved(c, notice_set_status(id, &old, status, &by),
	    "/staff/notices/%lld", (long long)id);
}

int
handle_attachment_upload(struct ctx *c)
{
	long long			 id = c->req->path_id;
	const struct multipart_part	*file;
	const char			*type;
	char				 name[512];
	unsigned long long		 aid = 0;
	struct notice_record		 notice;
	enum handler_result		 r;
	struct audit_by			 by = { .user = c->user,
	    .address = staff_address(c) };
	size_t				 files;

	if ((r = load_own_notice(c, id, &notice, &files)) != H_OK)
		return r;
	hset(c->hdf, "Page.Title", "编辑通知");
	file = multipart_get(&c->req->parts, "file");
	if (file == NULL || file->filename == NULL || file->filename[0] == '\0' ||
	    file->len == 0) {
		ctx_field_error(c, "file", "请选择要上传的文件");
		return edit_page(c);
	}
	if (file->len > ATTACHMENT_MAX_BYTES) {
		ctx_field_error(c, "file", "文件太大，最大 8 MB");
		c->resp->status = 413;
		return edit_page(c);
	}
	if (files >= ATTACHMENT_MAX_PER_NOTICE) {
		ctx_field_error(c, "file", "每条通知最多 20 个附件");
		return edit_page(c);
	}
	if ((type = attachment_type(file->data, file->len, file->filename)) ==
	    NULL) {
		ctx_field_error(c, "file",
		    "只能上传 PDF、Word、Excel、JPEG 或 PNG 文件（按文件内容判断）");
		c->resp->status = 415;
		return edit_page(c);
	}
	attachment_clean_name(name, sizeof(name), file->filename);
	return domain_answer_saved(c, notice_attach(id, name, type, file->data,
	    file->len, &by, &aid), "/staff/notices/%lld", (long long)id);
}

int
handle_attachment_delete(struct ctx *c)
{
	struct attachment	 file;
	enum domain_status	 ds;
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };

	if ((ds = attachment_meta(&c->arena, c->req->path_id, &file)) !=
	    DOMAIN_OK)
		return domain_answer_error(c, ds);
	if (!staff_in_region(c, file.region_code))
		return H_FORBIDDEN;
	return domain_answer_saved(c, notice_detach(&file, &by),
	    "/staff/notices/%lld", file.notice_id);
}
