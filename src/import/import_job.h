/* Web imports as jobs: one row per import (who, what, how many rows, how
 * it ended) and its progress, which other requests read while the
 * import's own transaction is still open.
 *
 * The worker answers the upload with a redirect to the job's page, ends
 * the FastCGI request and imports on its own connection in one
 * transaction, all or nothing. Progress goes to import_job_progress, an
 * Aria table outside that transaction: other requests see it at once
 * and a rollback leaves it. "done" is written inside the transaction, so
 * it commits with the rows. While it runs the connection holds the named
 * lock jdxx-import-ID; a job still marked running whose lock is free has
 * lost its worker, and the server rolled its transaction back when the
 * connection closed, so it is shown as failed. */
#ifndef JDXX_IMPORT_JOB_H
#define JDXX_IMPORT_JOB_H

#include <stddef.h>

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"
#include "domain/session.h"

/* Rows written between two progress figures. */
#define IMPORT_JOB_STEP	500

/* Starts a job of kind ("outlets" or "products") for user over region
 * ("" for all) and takes its lock on this connection. DB_DUPLICATE, with
 * *busy set to its id, when a live job of the same kind covers part of
 * the same region. encoding is the file's, as the check found it. */
enum db_status	import_job_start(const char *kind, const struct staff_user *,
		    const char *region, const char *filename,
		    const char *encoding, size_t total, long long *id,
		    long long *busy);
/* Rows written so far. DB_ERROR when the worker is asked to stop: the
 * import then gives up and rolls back. */
enum db_status	import_job_progress(long long id, size_t done);
/* Inside the import's transaction, just before it commits. */
enum db_status	import_job_done(long long id, size_t imported);
/* After the rollback: why nothing was imported. */
void		import_job_failed(long long id, const char *message);
/* Gives up the job's lock; the job must be done or failed by then. */
void		import_job_release(long long id);

/* The job as prefix.{id, kind, staff_id, username, region, filename,
 * encoding, total, imported, state (running, done, failed), error,
 * started, seconds, done, percent, total_text, done_text,
 * imported_text}; a running job that lost its worker is first marked
 * failed, and *orphaned set: its search rows want a sweep. */
enum db_status	import_job_load(long long id, HDF *, const char *prefix,
		    int *found, int *orphaned);
/* Deletes the search rows that jobs which failed in the last day left
 * without their record. Slow for many rows (a few milliseconds each),
 * so it runs once the answer is sent: after a job, or as the work left
 * by the page that found a job dead. The argument is unused. */
void		import_job_sweep(void *);

/* n with a comma every three digits: 12,000. */
void		import_job_digits(char *out, size_t len, long long n);

#endif
