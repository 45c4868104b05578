/* Winning-bid product models from a spreadsheet saved as CSV, and the
 * records back out as CSV with the same eight columns.
 *
 * A file is read whole (UTF-8 with or without a BOM, else GBK/GB18030)
 * and every row checked as the product form checks one record: the
 * category by name or code, the lengths, the price, the status, and the
 * model number, which must not repeat (ignoring case, spaces, '-' and
 * '/') within a category and brand, in the database or in the file.
 * Saving writes every row in one transaction, or none. */
#ifndef JDXX_PRODUCT_IMPORT_H
#define JDXX_PRODUCT_IMPORT_H

#include <stddef.h>

#include "base/buf.h"
#include "db/db.h"
#include "domain/result.h"
#include "domain/session.h"
#include "import/import_run.h"

#define PRODUCT_IMPORT_MAX_ROWS		30000	/* data rows in one file */
#define PRODUCT_IMPORT_MAX_BYTES	(9 * 1024 * 1024)

struct product_state;

struct product_import {
	/* Set by the caller: the import_job a web import reports to, whose
	 * "done" product_import_save writes in its transaction; 0: none. */
	long long		 job;
	/* Filled by product_import_check. */
	const char		*encoding;	/* "UTF-8" or "GBK/GB18030" */
	size_t			 rows;		/* data rows in the file */
	size_t			 good;		/* rows without a problem */
	struct import_problem	*problems;	/* in file order */
	size_t			 nproblems;
	size_t			 nlist;		/* rows a save would write */
	/* Set by product_import_save. */
	size_t			 imported;
	size_t			 taken_line;	/* row refused by the key
						 * since the check */
	struct product_state	*state;
};

void		product_import_init(struct product_import *);
/* Reads and checks the file; what is wrong goes into problems.
 * DOMAIN_OK when the checks ran. */
enum domain_status product_import_check(struct product_import *,
		    const char *data, size_t len);
/* 1 when there are rows and none has a problem. */
int		product_import_ready(const struct product_import *);
/* Writes every row in one transaction with one product_import audit
 * record (file name and counts) in the name of user, or of username
 * when user is NULL (the shell). Only when ready (DOMAIN_INTERNAL
 * otherwise). DOMAIN_CONFLICT, with taken_line set, when a model was
 * registered since the check; nothing is written then. */
enum domain_status product_import_save(struct product_import *,
		    const struct staff_user *user, const char *username,
		    const char *address, const char *filename);
/* The figures and problems of the check and the save; a model taken
 * since the check is imp's own taken_line. */
struct import_report product_import_report(const struct product_import *);
void		product_import_free(struct product_import *);

/* Appends every product to out as CSV (UTF-8 with a BOM, CRLF) under
 * the import's header, read from the database in pages by id. */
enum domain_status product_export_csv(struct buf *out, long long *rows);

#endif
