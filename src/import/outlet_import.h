/* Outlets from a spreadsheet saved as CSV, and the directory back out as
 * CSV with the same ten columns, so an export can be edited and imported.
 *
 * A file is read whole (UTF-8 with or without a BOM, else GBK/GB18030),
 * every row is checked with outlet_record_check against the staff
 * member's region, and registration numbers already registered or
 * repeated in the file are refused. Rows alike to an outlet of the same
 * county, in the database or earlier in the file, are held as likely
 * duplicates until the user confirms them. Saving writes every row in
 * one transaction, or none. */
#ifndef JDXX_OUTLET_IMPORT_H
#define JDXX_OUTLET_IMPORT_H

#include <stddef.h>

#include "base/buf.h"
#include "db/db.h"
#include "domain/result.h"
#include "domain/session.h"
#include "import/import_run.h"

#define OUTLET_IMPORT_MAX_ROWS	60000		/* data rows in one file */
#define OUTLET_IMPORT_MAX_BYTES	(9 * 1024 * 1024)
#define OUTLET_EXPORT_MAX	250000		/* rows in one download */

/* A row alike to another outlet of its county: one in the database
 * (other_line 0) or an earlier row of the file. */
struct import_duplicate {
	size_t		 line;
	const char	*reg_no;
	const char	*name;
	size_t		 other_line;
	const char	*other_reg_no;
	const char	*other_name;
	const char	*why;		/* 电话相同, 店名相近 or 地址相近 */
};

struct outlet_state;

struct outlet_import {
	/* Set by outlet_import_init. */
	const char		*limit;		/* region code, "" for all */
	import_progress_fn	 progress;	/* may be NULL; stages 检查,
						 * 查重, 写入, 搜索 */
	void			*progress_arg;
	/* Set by the caller: the import_job a web import reports to, whose
	 * "done" outlet_import_save writes in its transaction; 0: none. */
	long long		 job;

	/* Filled by outlet_import_check. */
	const char		*encoding;	/* "UTF-8" or "GBK/GB18030" */
	size_t			 rows;		/* data rows in the file */
	size_t			 good;		/* rows without a problem */
	size_t			 duplicate_rows; /* good rows alike to others */
	struct import_problem	*problems;	/* in file order */
	size_t			 nproblems;
	struct import_duplicate	*duplicates;	/* in file order */
	size_t			 nduplicates;

	/* Set by outlet_import_save. */
	size_t			 imported;

	struct outlet_state	*state;
};

void		outlet_import_init(struct outlet_import *, const char *limit,
		    import_progress_fn, void *progress_arg);
/* Reads and checks the file; what is wrong goes into problems and
 * duplicates. DOMAIN_OK when the checks ran. */
enum domain_status outlet_import_check(struct outlet_import *,
		    const char *data, size_t len);
/* 1 when saving would write the rows: there are some, none has a
 * problem, and likely duplicates (if any) are confirmed. */
int		outlet_import_ready(const struct outlet_import *,
		    int confirm_duplicates);
/* Writes every row in one transaction with one outlet_import audit
 * record (file name and counts) as user, or as username from address
 * when user is NULL. Only when ready (DOMAIN_INTERNAL otherwise).
 * DOMAIN_CONFLICT when a registration number was taken since the check. */
enum domain_status outlet_import_save(struct outlet_import *,
		    int confirm_duplicates, const struct staff_user *user,
		    const char *username, const char *address,
		    const char *filename);
/* The figures and problems of the check and the save; the likely
 * duplicates are imp's own duplicate_rows and duplicates. */
struct import_report outlet_import_report(const struct outlet_import *);
void		outlet_import_free(struct outlet_import *);

/* How many outlets an export of region (any level, "" for all) and
 * status ("" for all) holds. */
enum domain_status outlet_export_count(const char *region, const char *status,
		    long long *n);
/* Appends those outlets to out as CSV (UTF-8 with a BOM, CRLF) under the
 * import's header, read from the database in pages by id. */
enum domain_status outlet_export_csv(struct buf *out, const char *region,
		    const char *status, long long *rows);

#endif
