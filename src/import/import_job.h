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

#include "base/arena.h"
#include "db/db.h"
#include "domain/result.h"
#include "domain/session.h"

/* Rows written between two progress figures. */
#define IMPORT_JOB_STEP	500

/* Starts a job of kind ("outlets" or "products") for user over region
 * ("" for all) and takes its lock on this connection. DOMAIN_CONFLICT,
 * with *busy set to its id, when a live job of the same kind covers
 * part of the same region. encoding is the file's, as the check found
 * it. */
enum domain_status import_job_start(const char *kind, const struct staff_user *,
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

enum import_job_state {
	IMPORT_JOB_RUNNING,
	IMPORT_JOB_DONE,
	IMPORT_JOB_FAILED,
};

/* A job as its page shows it. Text lives in the arena given to
 * import_job_load. */
struct import_job {
	long long		 id;
	const char		*kind;		/* "outlets" or "products" */
	long long		 staff_id;	/* who started it */
	const char		*username;
	const char		*region;	/* "" for all */
	const char		*filename;
	const char		*encoding;	/* as the check found it */
	long long		 total;		/* rows in the file */
	long long		 imported;	/* rows written, once done */
	enum import_job_state	 state;
	const char		*error;		/* why it failed; NULL: none */
	const char		*started;	/* YYYY-MM-DD HH:MM:SS */
	long long		 tenths;	/* tenths of a second it ran,
						 * or has run so far */
	long long		 done;		/* rows written so far, at most
						 * total */
	long long		 percent;	/* of total done, rounded down */
	int			 alive;		/* a worker holds its lock */
};

/* Job id into *job: DOMAIN_NOT_FOUND when there is none. A running job
 * that lost its worker is first marked failed, and *orphaned set: its
 * search rows want a sweep. */
enum domain_status import_job_load(long long id, struct arena *,
		    struct import_job *job, int *orphaned);
/* The state's code as stored ("running", "done", "failed"), and back;
 * text that is no state reads as failed. */
const char	*import_job_state_code(enum import_job_state);
enum import_job_state import_job_state_of(const char *code);
/* How much of total done is, in whole percent: 0 when total is not
 * above 0, never over 100. */
long long	import_job_percent(long long done, long long total);
/* Deletes the search rows that jobs which failed in the last day left
 * without their record. Slow for many rows (a few milliseconds each),
 * so it runs once the answer is sent: after a job, or as the work left
 * by the page that found a job dead. The argument is unused. */
void		import_job_sweep(void *);

/* n with a comma every three digits: 12,000. */
void		import_job_digits(char *out, size_t len, long long n);

#endif
