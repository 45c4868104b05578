/* The page of a web import: progress while it runs (refreshing itself,
 * no script needed), then how it ended. Only the staff member who
 * started it and admins see it. */
#include <stdio.h>
#include <string.h>

#include "base/stop.h"
#include "import/import_job.h"
#include "domain/session.h"
#include "staff.h"
#include "web/domain_answer.h"
#include "web/import_view.h"
#include "web/view.h"

/* Seconds between two refreshes of a running job's page. */
#define REFRESH_SEC	2

int
handle_import_job(struct ctx *c)
{
	struct import_job	 job;
	enum domain_status	 st;
	int			 orphaned;

	st = import_job_load(c->req->path_id, &c->arena, &job, &orphaned);
	if (orphaned)
		c->after = import_job_sweep;
	if (st != DOMAIN_OK)
		return domain_answer_error(c, st);
	if (c->user->role != ROLE_ADMIN && job.staff_id != c->user->id) {
		ctx_error_page(c, 403, "只有提交这项导入的人和管理员能查看它。");
		return H_OK;
	}
	import_view_job(c->hdf, "Job", &job);
	hsetf(c->hdf, "Page.Title", "导入进度（第 %lld 号）", c->req->path_id);
	if (job.state == IMPORT_JOB_RUNNING)
		hseti(c->hdf, "Page.Refresh", REFRESH_SEC);
	return ctx_render(c, "staff/import_job.cs");
}

int
staff_import_started(struct ctx *c, enum domain_status st, long long id,
    long long busy, const char *form_template)
{
	char	 msg[200], path[64];

	if (st == DOMAIN_CONFLICT) {
		snprintf(msg, sizeof(msg), "本地区已有一项导入正在进行（第 %lld "
		    "号），请等它完成后再导入：同一地区一次只能导入一个文件。",
		    busy);
		ctx_field_error(c, "file", msg);
		c->resp->status = 409;
		return ctx_render(c, form_template);
	}
	if (st != DOMAIN_OK)
		return domain_result(st);
	snprintf(path, sizeof(path), "/staff/imports/%lld", id);
	return staff_redirect(c, path);
}

const char *
staff_import_failure(enum domain_status st, const char *what)
{
	static char	 msg[300];

	if (stop_requested())
		snprintf(msg, sizeof(msg), "服务正在重启，导入已停止，没有导入任何%s。"
		    "请稍后重新导入这个文件。", what);
	else if (st == DOMAIN_UNAVAILABLE)
		snprintf(msg, sizeof(msg), "数据库连接中断，没有导入任何%s。"
		    "请稍后重新导入这个文件。", what);
	else if (st == DOMAIN_CONFLICT)
		snprintf(msg, sizeof(msg), "检查之后，文件中有%s已被别人登记，"
		    "没有导入任何%s。请重新选择文件提交，系统会列出是哪几行。",
		    strcmp(what, "网点") == 0 ? "备案编号" : "型号", what);
	else
		snprintf(msg, sizeof(msg), "导入出错，没有导入任何%s。请稍后重新导入；"
		    "再出错请联系管理员。", what);
	return msg;
}
