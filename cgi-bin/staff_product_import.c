/* Product models in bulk for records staff: a CSV file checked (dry run)
 * or imported in one transaction, and every product downloaded as CSV
 * with the same columns. Products are national records, so an account
 * limited to a region can do neither. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/attachment.h"
#include "import/import_job.h"
#include "base/log.h"
#include "import/product_import.h"
#include "staff.h"
#include "web/import_view.h"
#include "web/domain_answer.h"
#include "web/view.h"

/* Problems the report page lists. */
#define REPORT_MAX	500

static int
import_page(struct ctx *c)
{
	return ctx_render(c, "staff/import_products.cs");
}

/* A checked file whose models are written after the answer is sent. */
struct product_job {
	struct product_import	 imp;
	struct staff_user	 user;
	char			 address[64];
	char			 filename[256];
};

static void
run_product_job(void *arg)
{
	struct product_job	*j = arg;
	struct timespec		 t0;
	enum domain_status	 st;
	char			 msg[400];

	clock_gettime(CLOCK_MONOTONIC, &t0);
	st = product_import_save(&j->imp, &j->user, NULL, j->address,
	    j->filename);
	if (st == DOMAIN_CONFLICT && j->imp.taken_line > 0) {
		snprintf(msg, sizeof(msg), "检查之后，第 %zu 行的型号已被别人登记，"
		    "没有导入任何型号。请重新选择文件提交，系统会列出是哪几行。",
		    j->imp.taken_line);
		import_job_failed(j->imp.job, msg);
	} else if (st != DOMAIN_OK)
		import_job_failed(j->imp.job, staff_import_failure(st, "型号"));
	import_job_release(j->imp.job);
	log_request("JOB", "/staff/products/import",
	    st == DOMAIN_OK ? 200 : 500, seconds_since(&t0) * 1e3);
	import_job_sweep(NULL);
	product_import_free(&j->imp);
	free(j);
}

/* Hands the checked import to a job; on success it runs after the
 * redirect to the job's page. */
static int
start_product_job(struct ctx *c, struct product_import *imp,
    const char *filename)
{
	struct product_job	*j;
	enum domain_status	 st;
	long long		 id, busy;

	if ((j = calloc(1, sizeof(*j))) == NULL)
		return H_ERROR;
	st = import_job_start("products", c->user, "", filename,
	    imp->encoding, imp->nlist, &id, &busy);
	if (st != DOMAIN_OK) {
		free(j);
		return staff_import_started(c, st, id, busy,
		    "staff/import_products.cs");
	}
	j->imp = *imp;
	j->imp.job = id;
	j->user = *c->user;
	snprintf(j->address, sizeof(j->address), "%s", staff_address(c));
	snprintf(j->filename, sizeof(j->filename), "%s", filename);
	memset(imp, 0, sizeof(*imp));
	c->after = run_product_job;
	c->after_arg = j;
	return staff_import_started(c, DOMAIN_OK, id, 0, NULL);
}

int
handle_product_import(struct ctx *c)
{
	const struct multipart_part	*file;
	struct product_import		 imp;
	struct timespec			 t0;
	enum domain_status		 st;
	char				 action[16], name[256];
	int				 ready, rc;

	hset(c->hdf, "Page.Title", "批量导入中标产品");
	if (c->req->method != M_POST)
		return import_page(c);
	staff_part_text(c, "action", action, sizeof(action));
	if (strcmp(action, "dryrun") != 0 && strcmp(action, "import") != 0) {
		ctx_field_error(c, "action", "请点“只检查”或“导入”按钮提交");
		c->resp->status = 400;
		return import_page(c);
	}
	file = multipart_get(&c->req->parts, "file");
	if (file == NULL || file->filename == NULL ||
	    file->filename[0] == '\0' || file->len == 0) {
		ctx_field_error(c, "file", "请选择要导入的 CSV 文件");
		c->resp->status = 400;
		return import_page(c);
	}
	if (file->len > PRODUCT_IMPORT_MAX_BYTES) {
		ctx_field_error(c, "file", "文件太大，最大 9 MB：请分成几个文件导入");
		c->resp->status = 413;
		return import_page(c);
	}
	attachment_clean_name(name, sizeof(name), file->filename);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	product_import_init(&imp);
	if ((st = product_import_check(&imp, file->data, file->len)) !=
	    DOMAIN_OK) {
		product_import_free(&imp);
		return domain_result(st);
	}
	ready = product_import_ready(&imp);
	if (ready && strcmp(action, "import") == 0) {
		rc = start_product_job(c, &imp, name);
		product_import_free(&imp);
		return rc;
	}
	import_view_products(c->hdf, "Report", &imp, REPORT_MAX);
	hset(c->hdf, "Report.action", action);
	hset(c->hdf, "Report.filename", name);
	hset(c->hdf, "Report.ready", ready ? "1" : "");
	hsetf(c->hdf, "Report.seconds", "%.1f", seconds_since(&t0));
	hseti(c->hdf, "Report.max", REPORT_MAX);
	if (imp.nproblems > 0 || !ready)
		c->resp->status = 400;
	else if (imp.taken_line > 0)
		c->resp->status = 409;
	product_import_free(&imp);
	return import_page(c);
}

int
handle_product_export(struct ctx *c)
{
	long long		 n;
	enum domain_status	 st;
	char			 d[11];

	buf_reset(&c->resp->body);
	if ((st = product_export_csv(&c->resp->body, &n)) != DOMAIN_OK) {
		buf_reset(&c->resp->body);
		return domain_result(st);
	}
	c->resp->content_type = "text/csv; charset=utf-8";
	today(d);
	response_header(c->resp, "Content-Disposition",
	    "attachment; filename=\"products-%s.csv\"", d);
	return H_OK;
}
