/* The weekly report a commerce bureau sends up: complaints and outlet
 * changes of its region in one ISO week, as a page or a CSV file. */
#include <stdio.h>
#include <string.h>

#include "web/app.h"
#include "web/domain_answer.h"
#include "web/region_view.h"
#include "base/csv.h"
#include "domain/region.h"
#include "domain/session.h"
#include "staff.h"
#include "domain/stats.h"
#include "domain/stats_week.h"
#include "web/stats_view.h"
#include "web/view.h"
#include "domain/workday.h"

const struct param_spec weekly_params[WK_COUNT] = {
	[WK_REGION] = { "region", "地区", P_REGION, 0, 0, 0 },
	[WK_WEEK] = { "week", "周次", P_TEXT, 1, 16, 0 },
	[WK_FORMAT] = { "format", "格式", P_CODE, 1, 8, 0 },
};

/* What each count is called in the CSV file. */
static const char *const kind_labels[SW_COUNT] = {
	[SW_RECEIVED] = "收到投诉", [SW_ACCEPTED] = "受理",
	[SW_REJECTED] = "不予受理", [SW_RESOLVED] = "办结",
	[SW_OVERDUE] = "周末超期未办", [SW_ESCALATED] = "督办",
	[SW_TRANSFERRED] = "转出",
};

/* One record: region, week, what, category, count. */
static void
csv_record(struct csv *csv, HDF *hdf, const char *what,
    const char *category, long long n)
{
	csv_text(csv, hdf_get_value(hdf, "Report.region", ""));
	csv_text(csv, hdf_get_value(hdf, "Report.region_name", ""));
	csv_text(csv, hdf_get_value(hdf, "Report.week", ""));
	csv_text(csv, hdf_get_value(hdf, "Report.start", ""));
	csv_text(csv, hdf_get_value(hdf, "Report.end", ""));
	csv_text(csv, what);
	csv_text(csv, category);
	csv_int(csv, n);
	csv_end(csv);
}

/* The same numbers as the page, one per record, in UTF-8 with a BOM:
 * by category with their totals, by channel, then the outlets. */
static int
weekly_csv(struct ctx *c, const struct stats_week *w)
{
	struct buf	*b = &c->resp->body;
	struct csv	 csv;
	char		 what[64];
	size_t		 i, k;

	buf_reset(b);
	buf_adds(b, CSV_BOM);
	csv_init(&csv, b);
	csv_text(&csv, "地区代码");
	csv_text(&csv, "地区");
	csv_text(&csv, "周次");
	csv_text(&csv, "起始日期");
	csv_text(&csv, "截止日期");
	csv_text(&csv, "项目");
	csv_text(&csv, "类别");
	csv_text(&csv, "数量");
	csv_end(&csv);
	for (k = 0; k < SW_COUNT; k++) {
		for (i = 0; i < w->nrows; i++)
			csv_record(&csv, c->hdf, kind_labels[k],
			    w->rows[i].name, w->rows[i].n[k]);
		csv_record(&csv, c->hdf, kind_labels[k], "合计", w->total[k]);
	}
	/* The same counts by channel, after those by category. */
	for (k = 0; k < SW_COUNT; k++) {
		snprintf(what, sizeof(what), "%s（按渠道）", kind_labels[k]);
		for (i = 0; i < CHANNEL_COUNT; i++)
			csv_record(&csv, c->hdf, what, w->channels[i].name,
			    w->channels[i].n[k]);
	}
	csv_record(&csv, c->hdf, "新备案网点", "", w->registered);
	csv_record(&csv, c->hdf, "暂停网点", "", w->suspended);
	csv_record(&csv, c->hdf, "取消网点", "", w->cancelled);
	if (csv_status(&csv) == -1)
		return H_ERROR;
	c->resp->content_type = "text/csv; charset=utf-8";
	/* The name holds only digits, letters and '-'. */
	response_header(c->resp, "Content-Disposition",
	    "attachment; filename=\"weekly-%s-%s.csv\"",
	    hdf_get_value(c->hdf, "Report.region", "")[0] ?
	    hdf_get_value(c->hdf, "Report.region", "") : "all",
	    hdf_get_value(c->hdf, "Report.week", ""));
	return H_OK;
}

int
handle_weekly(struct ctx *c)
{
	const struct param_value *p = c->req->param;
	const char	*region = ctx_text(c, WK_REGION);
	const char	*format = ctx_text(c, WK_FORMAT);
	enum handler_result r;
	struct stats_week w;
	char		 d[11], week[9], msg[160];
	long		 monday;
	enum domain_status ds;
	struct arena_list path;
	int		 csv = 0;

	hset(c->hdf, "Page.Title", "周报");
	if (!p[WK_REGION].present)
		region = c->user->region;
	if (region[0] != '\0' && !staff_in_region(c, region)) {
		snprintf(msg, sizeof(msg), "您的账号只能查看本地区（%s）的周报。",
		    c->user->region);
		ctx_error_page(c, 403, msg);
		return H_OK;
	}
	if (format[0] != '\0' && strcmp(format, "csv") != 0 &&
	    strcmp(format, "html") != 0)
		ctx_field_error(c, "format", "格式只能是 csv 或 html");
	csv = strcmp(format, "csv") == 0;
	if (p[WK_WEEK].present && p[WK_WEEK].valid) {
		if (iso_week_parse(p[WK_WEEK].s, &monday) == -1) {
			ctx_field_error(c, "week",
			    "周次须为 ISO 周，格式如 2010-W10（2000 至 2099 年）");
			monday = 0;
		}
	} else {
		/* By default the last full week. */
		today(d);
		monday = iso_week_monday(date_to_days(d)) - 7;
	}
	if (region[0] != '\0') {
		ds = region_path(&c->arena, region, &path);
		if (ds != DOMAIN_OK && ds != DOMAIN_NOT_FOUND)
			return domain_answer_error(c, ds);
		if (ds == DOMAIN_NOT_FOUND)
			ctx_field_error(c, "region", "没有这个地区代码");
		else {
			const struct region *self = region_at(&path,
			    path.n - 1);

			region_view_list(c->hdf, "RegionPath", &path);
			hset(c->hdf, "Report.region_name", self->name != NULL ?
			    self->name : region);
		}
	} else
		hset(c->hdf, "Report.region_name", "全国");
	if (c->req->param_errors > 0 || c->resp->status != 200) {
		if (csv) {
			ctx_error_page(c, 400, hdf_get_value(c->hdf,
			    "ErrorList.0", NULL));
			return H_OK;
		}
		c->resp->status = 400;
		return ctx_render(c, "staff/weekly.cs");
	}
	iso_week_format(monday, week);
	hset(c->hdf, "Report.region", region);
	hset(c->hdf, "Report.week", week);
	days_to_date(monday, d);
	hset(c->hdf, "Report.start", d);
	days_to_date(monday + 6, d);
	hset(c->hdf, "Report.end", d);
	iso_week_format(monday - 7, week);
	hset(c->hdf, "Report.prev", week);
	iso_week_format(monday + 7, week);
	hset(c->hdf, "Report.next", week);
	if ((r = domain_result(stats_weekly(&w, region, monday))) != H_OK) {
		stats_week_free(&w);
		return r;
	}
	if (csv) {
		r = weekly_csv(c, &w);
		stats_week_free(&w);
		return r;
	}
	stats_week_view(c->hdf, "Weekly", &w);
	stats_week_free(&w);
	hsetf(c->hdf, "Page.Title", "周报 %s %s", hdf_get_value(c->hdf,
	    "Report.region_name", ""), hdf_get_value(c->hdf, "Report.week",
	    ""));
	return ctx_render(c, "staff/weekly.cs");
}
