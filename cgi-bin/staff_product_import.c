/* Product models in bulk for records staff: a CSV file checked (dry run)
 * or imported in one transaction, and every product downloaded as CSV
 * with the same columns. Products are national records, so an account
 * limited to a region can do neither. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "attachment.h"
#include "log.h"
#include "product_import.h"
#include "staff.h"
#include "view.h"

/* Problems the report page lists. */
#define REPORT_MAX	500

static int
refuse_limited(struct ctx *c)
{
	if (staff_in_region(c, NULL))
		return 0;
	ctx_error_page(c, 403, "中标产品全国统一，只能由不限地区的账号导入和导出。");
	return 1;
}

static int
import_page(struct ctx *c)
{
	return ctx_render(c, "staff/import_products.cs");
}

int
handle_product_import(struct ctx *c)
{
	const struct multipart_part	*file;
	struct product_import		 imp;
	struct timespec			 t0;
	enum db_status			 st;
	char				 action[16], name[256];
	int				 ready;

	hset(c->hdf, "Page.Title", "批量导入中标产品");
	if (refuse_limited(c))
		return H_OK;
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
	    DB_OK) {
		product_import_free(&imp);
		return staff_from_db(st);
	}
	ready = product_import_ready(&imp);
	if (ready && strcmp(action, "import") == 0) {
		st = product_import_save(&imp, c->user, NULL, staff_address(c),
		    name);
		if (st != DB_OK && st != DB_DUPLICATE) {
			product_import_free(&imp);
			return staff_from_db(st);
		}
	}
	product_import_to_hdf(&imp, c->hdf, "Report", REPORT_MAX);
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
	long long	 n;
	enum db_status	 st;
	char		 d[11];

	if (refuse_limited(c))
		return H_OK;
	buf_reset(&c->resp->body);
	if ((st = product_export_csv(&c->resp->body, &n)) != DB_OK) {
		buf_reset(&c->resp->body);
		return staff_from_db(st);
	}
	c->resp->content_type = "text/csv; charset=utf-8";
	today(d);
	response_header(c->resp, "Content-Disposition",
	    "attachment; filename=\"products-%s.csv\"", d);
	response_header(c->resp, "Cache-Control", "private, no-store");
	return H_OK;
}
