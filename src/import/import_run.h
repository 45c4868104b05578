/* The course every import of a CSV file takes, whatever it imports.
 *
 * Checking: the file is read whole (UTF-8 with or without a BOM, else
 * GBK/GB18030, csv_text.h), its first line maps the columns by label or
 * key, and every data row is read within the limits, its cells cleaned
 * (csv_cell_clean) and handed to the importer's check. Whatever is wrong
 * becomes a problem with its line, column, cell and message; problems
 * end in line order. Nothing is written: that is the dry run.
 *
 * Saving: every row in one transaction, a batch at a time through the
 * importer, then one audit record and the import_job's "done"; or, on
 * any failure, nothing. Progress goes to a callback (the shell's) and to
 * the import_job, if any.
 *
 * An importer describes itself in a struct import_kind: its columns, its
 * limits, the wording of its report, and its callbacks. Each callback is
 * given back the arg of the call that runs it, as the importer's own
 * state; the run keeps no pointer to it, so the importer may move the
 * struct that holds the run between calls. */
#ifndef JDXX_IMPORT_RUN_H
#define JDXX_IMPORT_RUN_H

#include <stddef.h>

#include <jansson.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/csv.h"
#include "base/csv_read.h"
#include "base/csv_text.h"
#include "db/db.h"
#include "domain/session.h"

/* Something wrong in the file: its line (0 for the whole file), the
 * column's Chinese name ("" for the whole row), what the cell held (cut
 * to 60 characters) and why it is refused. */
struct import_problem {
	size_t		 line;
	const char	*column;
	const char	*value;
	const char	*message;
};

/* Told how far the work is: stage ("检查", "写入"...), rows done, rows in
 * all (0 while not known). */
typedef void	(*import_progress_fn)(void *arg, const char *stage,
		    size_t done, size_t total);

/* A column of the file: its Chinese label (the header an export writes)
 * and the key a header may use instead, in any case. */
struct import_column {
	const char	*label;
	const char	*key;
	int		 optional;	/* the header may leave it out */
};

/* A data row as read. The importer's own row begins with it. */
struct import_row {
	size_t		 line;
	const char	**cell;		/* by column; "" when the file has none */
	int		 bad;		/* it has a problem */
};

struct import_run;

#define IMPORT_MAX_COLUMNS	32

struct import_kind {
	const struct import_column *columns;
	int		 ncolumns;	/* at most IMPORT_MAX_COLUMNS */
	size_t		 row_size;	/* of the importer's row */
	size_t		 max_rows;	/* data rows in one file */
	size_t		 max_bytes;	/* 0: the caller checks the size */
	struct csv_read_limits limits;
	size_t		 batch;		/* rows one save_rows call writes */
	/* The figure an import_job shows counts the rows written once for
	 * each of the save's passes over them (written, then indexed...). */
	int		 passes;
	const char	*audit_action;	/* "outlet_import"... */
	const char	*audit_object;	/* "outlet"... */

	/* The report's words, said as they are but for three printf
	 * formats: too_many_rows is given max_rows twice; unknown_label and
	 * no_label the column's number, then the cell, which they quote
	 * when cell_in_message (else it is the problem's value). */
	const char	*too_big;	/* over max_bytes */
	const char	*empty;		/* no bytes; NULL: as no_content */
	const char	*no_content;	/* not a line to read */
	const char	*header_only;
	const char	*too_many_rows;
	const char	*unknown_label;	/* a header cell */
	const char	*no_label;	/* a cell under no column */
	int		 cell_in_message;
	int		 explain_limits; /* an unreadable row's message names
					  * the limits */
	int		 by_column;	/* a line's problems in column order,
					 * not as found */

	/* Once the text is read, before the first row: what the checks
	 * look up (names, codes). May be NULL. */
	enum db_status	(*prepare)(struct import_run *, void *arg);
	/* Checks one row: problems go to import_problem. */
	enum db_status	(*check_row)(struct import_run *, struct import_row *,
			    void *arg);
	/* After the last row: checks of the file as a whole (numbers taken,
	 * repeated). May be NULL. */
	enum db_status	(*check_file)(struct import_run *, void *arg);
	/* Inside the transaction, before the first batch. May be NULL. */
	enum db_status	(*save_start)(struct import_run *, void *arg);
	/* Writes rows [first, first + n) inside the transaction. */
	enum db_status	(*save_rows)(struct import_run *, size_t first,
			    size_t n, void *arg);
	/* After the last batch, inside the transaction. May be NULL. */
	enum db_status	(*save_end)(struct import_run *, void *arg);
};

struct import_run {
	const struct import_kind *kind;
	struct arena		 arena;		/* cells, rows' strings, problems */
	struct csv_text		 text;
	const char		*encoding;	/* "UTF-8", "GBK/GB18030"; "" */
	unsigned char		*rows;		/* nrows of kind->row_size */
	size_t			 nrows, rows_cap;
	size_t			 good;		/* rows without a problem */
	struct import_problem	*problems;
	size_t			 nproblems, problems_cap;
	import_progress_fn	 progress;	/* may be NULL */
	void			*progress_arg;
	long long		 job;		/* while saving; 0: none */
	size_t			 written;	/* rows saved so far */
	int			 nomem;
};

void		import_run_init(struct import_run *, const struct import_kind *,
		    import_progress_fn, void *progress_arg);
/* Reads and checks the file. DB_OK when the checks ran, whatever they
 * found. */
enum db_status	import_run_check(struct import_run *, const char *data,
		    size_t len, void *arg);
/* 1 when there are rows and none has a problem. */
int		import_run_ready(const struct import_run *);
/* Writes every row in one transaction, with one audit record of the
 * file (file name, encoding, rows, imported and what audit_extra holds,
 * which it takes) as user, or as username when user is NULL, and
 * import_job_done for job (0: none). Only when ready (DB_ERROR
 * otherwise). */
enum db_status	import_run_save(struct import_run *,
		    const struct staff_user *user, const char *username,
		    const char *address, const char *filename, long long job,
		    json_t *audit_extra, void *arg);
void		import_run_free(struct import_run *);

/* Row i of the file. */
struct import_row *import_run_row(const struct import_run *, size_t i);
/* A problem of row in column (-1: the whole row), its cell as the value;
 * the row is bad from now on. */
void		import_problem(struct import_run *, struct import_row *,
		    int column, const char *fmt, ...)
		    __attribute__((format(printf, 4, 5)));
/* The same with the value given: a cell, or text that lives as long as
 * the run. */
void		import_problem_value(struct import_run *, struct import_row *,
		    int column, const char *value, const char *fmt, ...)
		    __attribute__((format(printf, 5, 6)));
/* A problem of the file at line (0: as a whole), outside any row. */
void		import_file_problem(struct import_run *, size_t line,
		    const char *value, const char *fmt, ...)
		    __attribute__((format(printf, 4, 5)));
/* Tells the progress callback; a save's figure also goes to its job. */
void		import_run_progress(struct import_run *, const char *stage,
		    size_t done, size_t total);
enum db_status	import_run_job(struct import_run *, size_t figure);

/* v with ASCII letters folded to lower case, as the database compares
 * codes; in the run's arena. */
const char	*import_lower(struct import_run *, const char *v);
/* list of n elements of size with room for one more, grown (twice, or
 * 64) when *cap is reached; NULL when memory runs out (list is kept). */
void		*import_grow(void *list, size_t *cap, size_t n, size_t size);

/* What a check, and then a save, found: the figures a report shows and
 * the problems in line order. The text is the run's. */
struct import_report {
	const char			*encoding;	/* "UTF-8", "GBK/GB18030"; "" */
	size_t				 rows;		/* data rows in the file */
	size_t				 good;		/* rows without a problem */
	size_t				 bad;		/* rows with one */
	size_t				 imported;	/* rows written */
	const struct import_problem	*problems;
	size_t				 nproblems;
};

/* The report of those figures, the bad rows counted. */
struct import_report import_report_of(const char *encoding, size_t rows,
		    size_t good, size_t imported,
		    const struct import_problem *, size_t nproblems);
/* Starts an export to out: a BOM and the header of the columns'
 * labels. */
void		import_export_start(struct csv *, struct buf *out,
		    const struct import_column *, int ncolumns);

#endif
