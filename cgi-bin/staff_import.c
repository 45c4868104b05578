/* Outlets in bulk for records staff: a CSV file checked (dry run) or
 * imported in one transaction, and the directory of the user's region
 * downloaded as CSV with the same columns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "web/import_view.h"
#include "web/outlet_view.h"
#include "domain/attachment.h"
#include "import/import_job.h"
#include "domain/outlet.h"
#include "import/outlet_import.h"
#include "base/log.h"
#include "staff.h"
#include "web/domain_answer.h"
#include "web/view.h"

/* Rows of each list the report page shows. */
#define REPORT_MAX	500

const struct param_spec outlet_export_params[OX_COUNT] = {
	[OX_REGION] = { "region", "地区", P_REGION, 0, 0, 0 },
	[OX_STATUS] = { "status", "状态", P_CODE, 1, 16, 0 },
};

static int
import_page(struct ctx *c)
{
	outlet_view_statuses(c->hdf, "OutletStatuses");
	return ctx_render(c, "staff/import_outlets.cs");
}

/* A checked file whose rows are written after the answer is sent. */
struct outlet_job {
	struct outlet_import	 imp;
	int			 confirm;
	struct staff_user	 user;
	char			 address[64];
	char			 filename[256];
};

static void
run_outlet_job(void *arg)
{
	struct outlet_job	*j = arg;
	struct timespec		 t0;
	enum domain_status	 st;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	st = outlet_import_save(&j->imp, j->confirm, &j->user, NULL,
	    j->address, j->filename);
	if (st != DOMAIN_OK)
		import_job_failed(j->imp.job, staff_import_failure(st, "网点"));
	import_job_release(j->imp.job);
	log_request("JOB", "/staff/outlets/import", st == DOMAIN_OK ? 200 : 500,
	    seconds_since(&t0) * 1e3);
	import_job_sweep(NULL);
	outlet_import_free(&j->imp);
	free(j);
}

/* Hands the checked import to a job; on success it runs after the
 * redirect to the job's page. */
static int
start_outlet_job(struct ctx *c, struct outlet_import *imp, int confirm,
    const char *filename)
{
	struct outlet_job	*j;
	enum domain_status	 st;
	long long		 id, busy;

	if ((j = calloc(1, sizeof(*j))) == NULL)
		return H_ERROR;
	st = import_job_start("outlets", c->user, c->user->region, filename,
	    imp->encoding, imp->rows, &id, &busy);
	if (st != DOMAIN_OK) {
		free(j);
		outlet_view_statuses(c->hdf, "OutletStatuses");
		return staff_import_started(c, st, id, busy,
		    "staff/import_outlets.cs");
	}
	j->imp = *imp;
	j->imp.job = id;
	j->confirm = confirm;
	j->user = *c->user;
	j->imp.limit = j->user.region;
	snprintf(j->address, sizeof(j->address), "%s", staff_address(c));
	snprintf(j->filename, sizeof(j->filename), "%s", filename);
	memset(imp, 0, sizeof(*imp));
	c->after = run_outlet_job;
	c->after_arg = j;
	return staff_import_started(c, DOMAIN_OK, id, 0, NULL);
}

int
handle_outlet_import(struct ctx *c)
{
	const struct multipart_part	*file;
	struct outlet_import		 imp;
	struct timespec			 t0;
	enum domain_status		 st;
	char				 action[16], confirm[4], name[256];
	int				 ready, rc;

	hset(c->hdf, "Page.Title", "批量导入网点");
	if (c->req->method != M_POST)
		return import_page(c);
	staff_part_text(c, "action", action, sizeof(action));
	staff_part_text(c, "confirm_duplicates", confirm, sizeof(confirm));
	hset(c->hdf, "Form.confirm_duplicates", confirm);
	if (strcmp(action, "dryrun") != 0 && strcmp(action, "import") != 0) {
		ctx_field_error(c, "action", "请点“只检查”或“导入”按钮提交");
		return import_page(c);
	}
	file = multipart_get(&c->req->parts, "file");
	if (file == NULL || file->filename == NULL ||
	    file->filename[0] == '\0' || file->len == 0) {
		ctx_field_error(c, "file", "请选择要导入的 CSV 文件");
		return import_page(c);
	}
	if (file->len > OUTLET_IMPORT_MAX_BYTES) {
		ctx_field_error(c, "file", "文件太大，最大 9 MB：请分成几个文件导入");
		c->resp->status = 413;
		return import_page(c);
	}
	attachment_clean_name(name, sizeof(name), file->filename);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	outlet_import_init(&imp, c->user->region, NULL, NULL);
	if ((st = outlet_import_check(&imp, file->data, file->len)) !=
	    DOMAIN_OK) {
		outlet_import_free(&imp);
		return domain_result(st);
	}
	ready = outlet_import_ready(&imp, strcmp(confirm, "1") == 0);
	if (ready && strcmp(action, "import") == 0) {
		rc = start_outlet_job(c, &imp, strcmp(confirm, "1") == 0, name);
		outlet_import_free(&imp);
		return rc;
	}
	import_view_outlets(c->hdf, "Report", &imp, REPORT_MAX);
	hset(c->hdf, "Report.action", action);
	hset(c->hdf, "Report.filename", name);
	hset(c->hdf, "Report.ready", ready ? "1" : "");
	hsetf(c->hdf, "Report.seconds", "%.1f", seconds_since(&t0));
	hseti(c->hdf, "Report.max", REPORT_MAX);
	/* Bad rows are bad input; likely duplicates wait for the user. */
	if (imp.nproblems > 0)
		c->resp->status = 400;
	else if (!ready)
		c->resp->status = 409;
	else if (hdf_get_obj(c->hdf, "Report.taken") != NULL)
		c->resp->status = 409;
	outlet_import_free(&imp);
	return import_page(c);
}

int
handle_outlet_export(struct ctx *c)
{
	const char		*region = ctx_text(c, OX_REGION);
	const char		*status = ctx_text(c, OX_STATUS);
	long long		 n;
	enum domain_status	 st;
	char			 d[11], msg[160];

	if (region[0] == '\0')
		region = c->user->region;
	if (!staff_in_region(c, region)) {
		ctx_error_page(c, 403, "只能导出您负责地区内的网点");
		return H_OK;
	}
	if (strcmp(status, "all") == 0)
		status = "";
	if (status[0] != '\0' && !outlet_status_valid(status)) {
		ctx_error_page(c, 400, "状态只能是 active（正常）、suspended（暂停）、"
		    "cancelled（取消）或 all（全部）");
		return H_OK;
	}
	if ((st = outlet_export_count(region, status, &n)) != DOMAIN_OK)
		return domain_result(st);
	if (n > OUTLET_EXPORT_MAX) {
		snprintf(msg, sizeof(msg), "共 %lld 家网点，一次最多导出 %d 家："
		    "请选择较小的地区", n, OUTLET_EXPORT_MAX);
		ctx_error_page(c, 400, msg);
		return H_OK;
	}
	buf_reset(&c->resp->body);
	if ((st = outlet_export_csv(&c->resp->body, region, status, &n)) !=
	    DOMAIN_OK) {
		buf_reset(&c->resp->body);
		return domain_result(st);
	}
	c->resp->content_type = "text/csv; charset=utf-8";
	today(d);
	/* The name holds only digits, letters and '-'. */
	response_header(c->resp, "Content-Disposition",
	    "attachment; filename=\"outlets-%s-%s.csv\"",
	    region[0] != '\0' ? region : "all", d);
	return H_OK;
}
