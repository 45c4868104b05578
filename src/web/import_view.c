/* Import reports and jobs as page data. */
#include <stdio.h>
#include <stdlib.h>

#include "web/import_view.h"
#include "web/view.h"
#include "web/view_field.h"

/* The count with its commas, as import_job_digits writes it. */
static void
put_digits(HDF *hdf, const char *prefix, const char *name, long long n)
{
	char	 text[32];

	import_job_digits(text, sizeof(text), n);
	view_field(hdf, prefix, name, text);
}

void
import_view_report(HDF *hdf, const char *prefix,
    const struct import_report *r, size_t max)
{
	const struct import_problem	*p;
	char				 name[64];
	size_t				 i;

	view_field(hdf, prefix, "encoding", r->encoding);
	view_field_int(hdf, prefix, "rows", (long long)r->rows);
	view_field_int(hdf, prefix, "good", (long long)r->good);
	view_field_int(hdf, prefix, "bad", (long long)r->bad);
	view_field_int(hdf, prefix, "imported", (long long)r->imported);
	view_field_int(hdf, prefix, "problems_total", (long long)r->nproblems);
	for (i = 0; i < r->nproblems && i < max; i++) {
		p = &r->problems[i];
		snprintf(name, sizeof(name), "problems.%zu.line", i);
		view_field_int(hdf, prefix, name, (long long)p->line);
		snprintf(name, sizeof(name), "problems.%zu.column", i);
		view_field(hdf, prefix, name, p->column);
		snprintf(name, sizeof(name), "problems.%zu.value", i);
		view_field(hdf, prefix, name, p->value);
		snprintf(name, sizeof(name), "problems.%zu.message", i);
		view_field(hdf, prefix, name, p->message);
	}
}

void
import_view_outlets(HDF *hdf, const char *prefix,
    const struct outlet_import *imp, size_t max)
{
	const struct import_duplicate	*d;
	struct import_report		 r = outlet_import_report(imp);
	char				 name[64];
	size_t				 i;

	import_view_report(hdf, prefix, &r, max);
	view_field_int(hdf, prefix, "duplicate_rows", (long long)imp->duplicate_rows);
	view_field_int(hdf, prefix, "duplicates_total", (long long)imp->nduplicates);
#define PUT(field, how, value) do {					\
	snprintf(name, sizeof(name), "duplicates.%zu.%s", i, (field));	\
	how(hdf, prefix, name, (value));				\
} while (0)
	for (i = 0; i < imp->nduplicates && i < max; i++) {
		d = &imp->duplicates[i];
		PUT("line", view_field_int, (long long)d->line);
		PUT("reg_no", view_field, d->reg_no);
		PUT("name", view_field, d->name);
		PUT("other_line", view_field_int, (long long)d->other_line);
		PUT("other_reg_no", view_field, d->other_reg_no);
		PUT("other_name", view_field, d->other_name);
		PUT("why", view_field, d->why);
	}
#undef PUT
}

void
import_view_products(HDF *hdf, const char *prefix,
    const struct product_import *imp, size_t max)
{
	struct import_report	 r = product_import_report(imp);

	import_view_report(hdf, prefix, &r, max);
	view_field_int(hdf, prefix, "taken_line", (long long)imp->taken_line);
}

void
import_view_job(HDF *hdf, const char *prefix, const struct import_job *j)
{
	char	 seconds[32];

	/* One decimal, as the database rounded it. */
	snprintf(seconds, sizeof(seconds), "%s%lld.%lld", j->tenths < 0 ?
	    "-" : "", llabs(j->tenths) / 10, llabs(j->tenths) % 10);
	view_field_int(hdf, prefix, "id", j->id);
	view_field(hdf, prefix, "kind", j->kind);
	view_field_int(hdf, prefix, "staff_id", j->staff_id);
	view_field(hdf, prefix, "username", j->username);
	view_field(hdf, prefix, "region", j->region);
	view_field(hdf, prefix, "filename", j->filename);
	view_field(hdf, prefix, "encoding", j->encoding);
	view_field_int(hdf, prefix, "total", j->total);
	view_field_int(hdf, prefix, "imported", j->imported);
	view_field(hdf, prefix, "state", import_job_state_code(j->state));
	view_field(hdf, prefix, "error", j->error);
	view_field(hdf, prefix, "started", j->started);
	view_field(hdf, prefix, "seconds", seconds);
	view_field_int(hdf, prefix, "done", j->done);
	view_field_int(hdf, prefix, "alive", j->alive);
	view_field_int(hdf, prefix, "percent", j->percent);
	put_digits(hdf, prefix, "total_text", j->total);
	put_digits(hdf, prefix, "done_text", j->done);
	put_digits(hdf, prefix, "imported_text", j->imported);
}
