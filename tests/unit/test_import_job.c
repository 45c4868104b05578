/* The figures of an import's progress page and of an import's report:
 * the domain's values, then the page data the adapter makes of them. */
#include <string.h>

#include "check.h"
#include "import/import_job.h"
#include "import/import_run.h"
#include "web/import_view.h"
#include "web/view.h"

static const struct {
	long long	 n;
	const char	*want;
} digit_cases[] = {
	{ 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" },
	{ 12000, "12,000" }, { 50000, "50,000" }, { 123456, "123,456" },
	{ 1234567, "1,234,567" }, { -5, "0" },
};

static const struct {
	long long	 done, total, want;
} percent_cases[] = {
	{ 0, 0, 0 }, { 5, 0, 0 }, { 0, 10, 0 }, { 1, 3, 33 }, { 2, 3, 66 },
	{ 499, 1000, 49 }, { 999, 1000, 99 }, { 1000, 1000, 100 },
	{ 1500, 1000, 100 }, { -1, 10, 0 }, { 5, -10, 0 },
	{ 4000000000LL, 5000000000LL, 80 },
};

static const struct {
	const char		*code;
	enum import_job_state	 want;
	const char		*back;
} state_cases[] = {
	{ "running", IMPORT_JOB_RUNNING, "running" },
	{ "done", IMPORT_JOB_DONE, "done" },
	{ "failed", IMPORT_JOB_FAILED, "failed" },
	{ "", IMPORT_JOB_FAILED, "failed" },
	{ "Running", IMPORT_JOB_FAILED, "failed" },
	{ "runningx", IMPORT_JOB_FAILED, "failed" },
};

static void
test_job_figures(void)
{
	enum import_job_state	 st;
	char			 out[32], small[4];
	long long		 p;
	size_t			 i;

	for (i = 0; i < NELEM(digit_cases); i++) {
		import_job_digits(out, sizeof(out), digit_cases[i].n);
		CHECK(strcmp(out, digit_cases[i].want) == 0,
		    "import_job_digits(%lld) = %s, want %s", digit_cases[i].n,
		    out, digit_cases[i].want);
	}
	/* Cut short, never past the buffer. */
	import_job_digits(small, sizeof(small), 1234567);
	CHECK(strlen(small) < sizeof(small), "short buffer: %s", small);

	for (i = 0; i < NELEM(percent_cases); i++) {
		p = import_job_percent(percent_cases[i].done,
		    percent_cases[i].total);
		CHECK(p == percent_cases[i].want,
		    "import_job_percent(%lld, %lld) = %lld, want %lld",
		    percent_cases[i].done, percent_cases[i].total, p,
		    percent_cases[i].want);
	}
	for (i = 0; i < NELEM(state_cases); i++) {
		st = import_job_state_of(state_cases[i].code);
		CHECK(st == state_cases[i].want, "import_job_state_of(%s)",
		    state_cases[i].code);
		CHECK(strcmp(import_job_state_code(st), state_cases[i].back) ==
		    0, "import_job_state_code of %s", state_cases[i].code);
	}
	CHECK(strcmp(import_job_state_code((enum import_job_state)99),
	    "failed") == 0, "a state out of range reads as failed");
}

/* A job's page data: name, then the value wanted (NULL: left unset). */
static const struct {
	long long	 tenths;
	const char	*error;
	const char	*name;
	const char	*want;
} job_cases[] = {
	{ 123, NULL, "Job.seconds", "12.3" },
	{ 0, NULL, "Job.seconds", "0.0" },
	{ 5, NULL, "Job.seconds", "0.5" },
	{ 40, NULL, "Job.seconds", "4.0" },
	{ 36005, NULL, "Job.seconds", "3600.5" },
	{ -5, NULL, "Job.seconds", "-0.5" },
	{ 7, NULL, "Job.error", NULL },
	{ 7, "停了", "Job.error", "停了" },
	{ 7, NULL, "Job.state", "failed" },
	{ 7, NULL, "Job.id", "42" },
	{ 7, NULL, "Job.staff_id", "3" },
	{ 7, NULL, "Job.region", "" },
	{ 7, NULL, "Job.total", "12000" },
	{ 7, NULL, "Job.done", "6000" },
	{ 7, NULL, "Job.percent", "50" },
	{ 7, NULL, "Job.alive", "0" },
	{ 7, NULL, "Job.total_text", "12,000" },
	{ 7, NULL, "Job.done_text", "6,000" },
	{ 7, NULL, "Job.imported_text", "0" },
	{ 7, NULL, "Job.started", "2026-03-01 09:30:00" },
};

static void
test_job_view(void)
{
	struct import_job	 j;
	const char		*v;
	size_t			 i;
	HDF			*h;

	for (i = 0; i < NELEM(job_cases); i++) {
		if ((h = view_new()) == NULL)
			return;
		memset(&j, 0, sizeof(j));
		j.id = 42;
		j.kind = "outlets";
		j.staff_id = 3;
		j.username = "records";
		j.region = "";
		j.filename = "a.csv";
		j.encoding = "UTF-8";
		j.total = 12000;
		j.done = 6000;
		j.percent = 50;
		j.state = IMPORT_JOB_FAILED;
		j.started = "2026-03-01 09:30:00";
		j.tenths = job_cases[i].tenths;
		j.error = job_cases[i].error;
		view_fill_reset();
		import_view_job(h, "Job", &j);
		v = hdf_get_value(h, job_cases[i].name, NULL);
		if (job_cases[i].want == NULL)
			CHECK(v == NULL, "%s unset, not %s", job_cases[i].name,
			    v);
		else
			CHECK(v != NULL && strcmp(v, job_cases[i].want) == 0,
			    "%s = %s, want %s", job_cases[i].name,
			    v != NULL ? v : "(unset)", job_cases[i].want);
		CHECK(view_fill_failures() == 0, "job %zu set whole", i);
		hdf_destroy(&h);
	}
}

static const struct import_problem problems[] = {
	{ 0, "", "", "文件是空的" },
	{ 2, "店名", "x", "太短" },
	{ 3, "电话", "1", "不对" },
};

/* A report's page data: rows, good, imported, problems listed at most;
 * then a name and the value wanted (NULL: left unset). */
static const struct {
	size_t		 rows, good, imported, max;
	const char	*name;
	const char	*want;
} report_cases[] = {
	{ 10, 7, 0, 5, "R.bad", "3" },
	{ 10, 10, 10, 5, "R.bad", "0" },
	{ 3, 5, 0, 5, "R.bad", "0" },
	{ 10, 7, 0, 5, "R.good", "7" },
	{ 10, 7, 4, 5, "R.imported", "4" },
	{ 10, 7, 0, 5, "R.rows", "10" },
	{ 10, 7, 0, 5, "R.encoding", "GBK/GB18030" },
	{ 10, 7, 0, 5, "R.problems_total", "3" },
	{ 10, 7, 0, 5, "R.problems.0.line", "0" },
	{ 10, 7, 0, 5, "R.problems.1.column", "店名" },
	{ 10, 7, 0, 5, "R.problems.2.message", "不对" },
	{ 10, 7, 0, 2, "R.problems.1.value", "x" },
	{ 10, 7, 0, 2, "R.problems.2.message", NULL },
	{ 10, 7, 0, 2, "R.problems_total", "3" },
	{ 10, 7, 0, 0, "R.problems.0.line", NULL },
};

static void
test_report_view(void)
{
	struct import_report	 r;
	const char		*v;
	size_t			 i;
	HDF			*h;

	for (i = 0; i < NELEM(report_cases); i++) {
		if ((h = view_new()) == NULL)
			return;
		r = import_report_of("GBK/GB18030", report_cases[i].rows,
		    report_cases[i].good, report_cases[i].imported, problems,
		    NELEM(problems));
		view_fill_reset();
		import_view_report(h, "R", &r, report_cases[i].max);
		v = hdf_get_value(h, report_cases[i].name, NULL);
		if (report_cases[i].want == NULL)
			CHECK(v == NULL, "report %zu: %s unset, not %s", i,
			    report_cases[i].name, v);
		else
			CHECK(v != NULL && strcmp(v, report_cases[i].want) == 0,
			    "report %zu: %s = %s, want %s", i,
			    report_cases[i].name, v != NULL ? v : "(unset)",
			    report_cases[i].want);
		CHECK(view_fill_failures() == 0, "report %zu set whole", i);
		hdf_destroy(&h);
	}
}

void
test_import_job(void)
{
	test_job_figures();
	test_job_view();
	test_report_view();
}
