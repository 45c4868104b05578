/* Inside the outlet import: the file's columns, a row as the checks
 * leave it, and the state of one import, shared by the checks
 * (outlet_import.c), the likely-duplicate search (outlet_duplicates.c),
 * the save (outlet_save.c) and the export (outlet_export.c). */
#ifndef JDXX_OUTLET_ROWS_H
#define JDXX_OUTLET_ROWS_H

#include <stddef.h>

#include "base/strmap.h"
#include "import/import_run.h"
#include "import/outlet_import.h"

struct category;

enum { C_REGNO, C_NAME, C_ENTERPRISE, C_MODE, C_REGION, C_ADDRESS, C_PHONE,
	C_CATEGORIES, C_SERVICES, C_REGISTERED, OUTLET_COLUMNS };

/* The header of both directions; each key is also outlet_record_check's
 * name for the field. */
extern const struct import_column outlet_columns[OUTLET_COLUMNS];

/* Chinese names and the codes stored for them. */
extern const char *const outlet_modes[][2];
#define OUTLET_MODES		4	/* the last is a spelling of the third */
extern const char *const outlet_services[][2];
#define OUTLET_SERVICES		4

struct outlet_row {
	struct import_row	 base;		/* base.cell: as written */
	const char		*v[OUTLET_COLUMNS];	/* as stored: codes,
							 * ISO date */
	long long		 enterprise_id;
};

struct verdict;

struct outlet_state {
	struct import_run	 run;
	struct strmap		 enterprises;	/* name -> id */
	struct strmap		 categories;	/* code or name -> index */
	const struct category	*category;	/* in the run's arena */
	size_t			 ncategories;
	struct strmap		 regnos;	/* lowercase -> row */
	struct strmap		 memo;		/* kind + value -> verdict */
	struct verdict		*verdicts;
	size_t			 nverdicts, verdicts_cap;
	size_t			 duplicates_cap;
	unsigned long long	 first, last;	/* ids the save was given */
};

static inline struct outlet_row *
outlet_row_at(struct outlet_state *s, size_t i)
{
	return (struct outlet_row *)import_run_row(&s->run, i);
}

/* Finds the good rows alike to an outlet of their county, registered or
 * earlier in the file, into imp's duplicates in line order. */
enum db_status	outlet_find_duplicates(struct outlet_import *);

/* The save's steps (import_kind), in outlet_save.c. */
#define OUTLET_SAVE_BATCH	500	/* rows a statement inserts */
enum db_status	outlet_save_start(struct import_run *, void *imp);
enum db_status	outlet_save_rows(struct import_run *, size_t first, size_t n,
		    void *imp);
enum db_status	outlet_save_end(struct import_run *, void *imp);
/* After the transaction ended with st: the outlet triggers back, and the
 * search rows of a failed import not run as a job swept. */
void		outlet_save_after(struct outlet_import *, enum db_status st);

#endif
