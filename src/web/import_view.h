/* Imports as page data: the report of a checked (or saved) file, and the
 * page of an import job, under the names the import templates read. */
#ifndef JDXX_IMPORT_VIEW_H
#define JDXX_IMPORT_VIEW_H

#include <stddef.h>

#include <ClearSilver/ClearSilver.h>

#include "import/import_job.h"
#include "import/import_run.h"
#include "import/outlet_import.h"
#include "import/product_import.h"

/* The report as prefix.{encoding, rows, good, bad, imported,
 * problems_total} and at most max problems as prefix.problems.N.{line,
 * column, value, message}. */
void	import_view_report(HDF *, const char *prefix,
	    const struct import_report *, size_t max);
/* An outlet import's report, then prefix.{duplicate_rows,
 * duplicates_total} and at most max likely duplicates as
 * prefix.duplicates.N.{line, reg_no, name, other_line, other_reg_no,
 * other_name, why}. */
void	import_view_outlets(HDF *, const char *prefix,
	    const struct outlet_import *, size_t max);
/* A product import's report, then prefix.taken_line. */
void	import_view_products(HDF *, const char *prefix,
	    const struct product_import *, size_t max);
/* A job as prefix.{id, kind, staff_id, username, region, filename,
 * encoding, total, imported, state, error (when it has one), started,
 * seconds (one decimal), done, alive, percent} and its counts with a
 * comma every three digits as prefix.{total_text, done_text,
 * imported_text}. */
void	import_view_job(HDF *, const char *prefix, const struct import_job *);

#endif
