/* Import reports and jobs as page data. */
#include <stdio.h>
#include <stdlib.h>

#include "web/import_view.h"
#include "web/view.h"

/* prefix.name set to value; NULL (SQL NULL) leaves it unset. */
static void
put_text(HDF *hdf, const char *prefix, const char *name, const char *value)
{
	char	 key[128];

	if (value == NULL)
		return;
	snprintf(key, sizeof(key), "%s.%s", prefix, name);
	hset(hdf, key, value);
}

static void
put_number(HDF *hdf, const char *prefix, const char *name, long long n)
{
	char	 key[128];

	snprintf(key, sizeof(key), "%s.%s", prefix, name);
	hseti(hdf, key, n);
}

/* The count with its commas, as import_job_digits writes it. */
static void
put_digits(HDF *hdf, const char *prefix, const char *name, long long n)
{
	char	 text[32];

	import_job_digits(text, sizeof(text), n);
	put_text(hdf, prefix, name, text);
}

void
import_view_report(HDF *hdf, const char *prefix,
    const struct import_report *r, size_t max)
{
	const struct import_problem	*p;
	char				 name[64];
	size_t				 i;

	put_text(hdf, prefix, "encoding", r->encoding);
	put_number(hdf, prefix, "rows", (long long)r->rows);
	put_number(hdf, prefix, "good", (long long)r->good);
	put_number(hdf, prefix, "bad", (long long)r->bad);
	put_number(hdf, prefix, "imported", (long long)r->imported);
	put_number(hdf, prefix, "problems_total", (long long)r->nproblems);
	for (i = 0; i < r->nproblems && i < max; i++) {
		p = &r->problems[i];
		snprintf(name, sizeof(name), "problems.%zu.line", i);
		put_number(hdf, prefix, name, (long long)p->line);
		snprintf(name, sizeof(name), "problems.%zu.column", i);
		put_text(hdf, prefix, name, p->column);
		snprintf(name, sizeof(name), "problems.%zu.value", i);
		put_text(hdf, prefix, name, p->value);
		snprintf(name, sizeof(name), "problems.%zu.message", i);
		put_text(hdf, prefix, name, p->message);
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
	put_number(hdf, prefix, "duplicate_rows", (long long)imp->duplicate_rows);
	put_number(hdf, prefix, "duplicates_total", (long long)imp->nduplicates);
#define PUT(field, how, value) do {					\
	snprintf(name, sizeof(name), "duplicates.%zu.%s", i, (field));	\
	how(hdf, prefix, name, (value));				\
} while (0)
	for (i = 0; i < imp->nduplicates && i < max; i++) {
		d = &imp->duplicates[i];
		PUT("line", put_number, (long long)d->line);
		PUT("reg_no", put_text, d->reg_no);
		PUT("name", put_text, d->name);
		PUT("other_line", put_number, (long long)d->other_line);
		PUT("other_reg_no", put_text, d->other_reg_no);
		PUT("other_name", put_text, d->other_name);
		PUT("why", put_text, d->why);
	}
#undef PUT
}

void
import_view_products(HDF *hdf, const char *prefix,
    const struct product_import *imp, size_t max)
{
	struct import_report	 r = product_import_report(imp);

	import_view_report(hdf, prefix, &r, max);
	put_number(hdf, prefix, "taken_line", (long long)imp->taken_line);
}

void
import_view_job(HDF *hdf, const char *prefix, const struct import_job *j)
{
	char	 seconds[32];

	/* One decimal, as the database rounded it. */
	snprintf(seconds, sizeof(seconds), "%s%lld.%lld", j->tenths < 0 ?
	    "-" : "", llabs(j->tenths) / 10, llabs(j->tenths) % 10);
	put_number(hdf, prefix, "id", j->id);
	put_text(hdf, prefix, "kind", j->kind);
	put_number(hdf, prefix, "staff_id", j->staff_id);
	put_text(hdf, prefix, "username", j->username);
	put_text(hdf, prefix, "region", j->region);
	put_text(hdf, prefix, "filename", j->filename);
	put_text(hdf, prefix, "encoding", j->encoding);
	put_number(hdf, prefix, "total", j->total);
	put_number(hdf, prefix, "imported", j->imported);
	put_text(hdf, prefix, "state", import_job_state_code(j->state));
	put_text(hdf, prefix, "error", j->error);
	put_text(hdf, prefix, "started", j->started);
	put_text(hdf, prefix, "seconds", seconds);
	put_number(hdf, prefix, "done", j->done);
	put_number(hdf, prefix, "alive", j->alive);
	put_number(hdf, prefix, "percent", j->percent);
	put_digits(hdf, prefix, "total_text", j->total);
	put_digits(hdf, prefix, "done_text", j->done);
	put_digits(hdf, prefix, "imported_text", j->imported);
}
