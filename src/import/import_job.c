/* Import jobs: the job row, its progress outside the import's
 * transaction, and the named locks that tell a live job from one whose
 * worker died. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/stop.h"
#include "import/import_job.h"

/* Starting a job is one at a time, so two uploads cannot both find the
 * region free. */
static struct db_stmt take_start_lock = DB_WRITE(
    "SELECT GET_LOCK('jdxx-import-start', 10)");

static struct db_stmt drop_start_lock = DB_WRITE(
    "SELECT RELEASE_LOCK('jdxx-import-start')");

/* A live job of the kind over a region that contains or lies in ?. */
static struct db_stmt live_overlap = DB_WRITE(
    "SELECT id FROM import_job WHERE kind = ? AND state = 'running' "
    "AND (region_code = '' OR ? LIKE CONCAT(region_code, '%') "
    "OR region_code LIKE CONCAT(?, '%')) "
    "AND IS_USED_LOCK(CONCAT('jdxx-import-', id)) IS NOT NULL "
    "ORDER BY id LIMIT 1");

/* id_floor: every record of the kind above it is the job's or newer. */
static struct db_stmt insert_job = DB_WRITE(
    "INSERT INTO import_job (kind, staff_id, username, region_code, "
    "filename, encoding, total_rows, worker_pid, id_floor, started_at) "
    "SELECT ?, ?, ?, ?, ?, ?, ?, ?, IF(? = 'outlets', "
    "(SELECT COALESCE(MAX(id), 0) FROM outlet), "
    "(SELECT COALESCE(MAX(id), 0) FROM product)), NOW(3)");

/* The next statement reads uncommitted rows too, so that the search
 * rows of another import still running are kept. */
static struct db_stmt read_uncommitted = DB_WRITE(
    "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");

/* Mroonga keeps search rows through a rollback: those of records never
 * committed by the jobs that failed lately, 200 at a time (each
 * row takes a few milliseconds). A dead worker's rollback may still be
 * running when its job is found dead, so each later sweep looks again. */
static struct db_stmt drop_outlet_orphans = DB_WRITE(
    "DELETE FROM outlet_search WHERE outlet_id > (SELECT "
    "COALESCE(MIN(id_floor), 4294967295) FROM import_job WHERE kind = "
    "'outlets' AND state = 'failed' AND finished_at > NOW() - INTERVAL 1 "
    "DAY) AND outlet_id NOT IN (SELECT id FROM outlet) LIMIT 200");

static struct db_stmt drop_product_orphans = DB_WRITE(
    "DELETE FROM product_search WHERE product_id > (SELECT "
    "COALESCE(MIN(id_floor), 4294967295) FROM import_job WHERE kind = "
    "'products' AND state = 'failed' AND finished_at > NOW() - INTERVAL 1 "
    "DAY) AND product_id NOT IN (SELECT id FROM product) LIMIT 200");

static struct db_stmt insert_progress = DB_WRITE(
    "REPLACE INTO import_job_progress (job_id, rows_done, updated_at) "
    "VALUES (?, 0, NOW(3))");

static struct db_stmt take_job_lock = DB_WRITE(
    "SELECT GET_LOCK(CONCAT('jdxx-import-', ?), 0)");

static struct db_stmt drop_job_lock = DB_WRITE(
    "SELECT RELEASE_LOCK(CONCAT('jdxx-import-', ?))");

static struct db_stmt set_progress = DB_WRITE(
    "UPDATE import_job_progress SET rows_done = ?, updated_at = NOW(3) "
    "WHERE job_id = ?");

static struct db_stmt set_done = DB_WRITE(
    "UPDATE import_job SET state = 'done', imported = ?, "
    "finished_at = NOW(3) WHERE id = ? AND state = 'running'");

static struct db_stmt set_failed = DB_WRITE(
    "UPDATE import_job SET state = 'failed', imported = 0, error = ?, "
    "finished_at = NOW(3) WHERE id = ? AND state = 'running'");

/* Only when the lock is free: a live worker may still finish. */
static struct db_stmt set_orphaned = DB_WRITE(
    "UPDATE import_job SET state = 'failed', imported = 0, error = ?, "
    "finished_at = NOW(3) WHERE id = ? AND state = 'running' "
    "AND IS_USED_LOCK(CONCAT('jdxx-import-', id)) IS NULL");

/* Locks live on the primary alone: whether the job's is held is asked
 * there. */
static struct db_stmt load_job = DB_READ_PRIMARY(
    "SELECT j.id, j.kind, j.staff_id, j.username, j.region_code AS region, "
    "j.filename, j.encoding, j.total_rows AS total, j.imported, j.state, j.error, "
    "DATE_FORMAT(j.started_at, '%Y-%m-%d %H:%i:%s') AS started, "
    "CAST(ROUND(TIMESTAMPDIFF(MICROSECOND, j.started_at, "
    "COALESCE(j.finished_at, NOW(3))) / 1000000, 1) * 10 AS SIGNED) "
    "AS tenths, "
    "COALESCE(p.rows_done, 0) AS done, "
    "IS_USED_LOCK(CONCAT('jdxx-import-', j.id)) IS NOT NULL AS alive "
    "FROM import_job j LEFT JOIN import_job_progress p ON p.job_id = j.id "
    "WHERE j.id = ?");

/* Search rows deleted a round, and at most so many rounds a sweep. */
#define SWEEP_ROWS	200
#define SWEEP_ROUNDS	500

#define ORPHANED_MESSAGE "处理这项导入的程序中途停止了（例如服务重启），" \
	"全部行都没有导入。请重新导入这个文件。"

/* Deletes in rounds until a round finds less than a full one. */
static void
sweep(struct db_stmt *drop)
{
	unsigned long long	 n;
	int			 round;

	/* A worker asked to stop leaves the rest to the next sweep. */
	for (round = 0; round < SWEEP_ROUNDS && !stop_requested();
	    round++) {
		n = 0;
		if (db_exec(&read_uncommitted, NULL, 0, NULL, NULL) != DB_OK ||
		    db_exec(drop, NULL, 0, &n, NULL) != DB_OK || n < SWEEP_ROWS)
			return;
	}
}

void
import_job_sweep(void *unused)
{
	(void)unused;
	sweep(&drop_outlet_orphans);
	sweep(&drop_product_orphans);
}

enum domain_status
import_job_start(const char *kind, const struct staff_user *u,
    const char *region, const char *filename, const char *encoding,
    size_t total, long long *id, long long *busy)
{
	struct db_arg		 a[9];
	unsigned long long	 newid = 0;
	enum db_status		 st;
	long long		 got;

	*id = *busy = 0;
	if ((st = db_query_int(&take_start_lock, NULL, 0, &got)) != DB_OK)
		return domain_of_db(st);
	if (got != 1)
		return DOMAIN_INTERNAL;
	a[0] = DB_TEXT(kind);
	a[1] = a[2] = DB_TEXT(region);
	if ((st = db_query_int(&live_overlap, a, 3, busy)) != DB_OK)
		goto out;
	if (*busy > 0) {
		st = DB_DUPLICATE;
		goto out;
	}
	/* Row and lock appear together: never running without its lock. */
	if ((st = db_begin()) != DB_OK)
		goto out;
	a[0] = DB_TEXT(kind);
	a[1] = DB_INT(u->id);
	a[2] = DB_TEXT(u->username);
	a[3] = DB_TEXT(region);
	a[4] = DB_TEXT(filename);
	a[5] = DB_TEXT(encoding);
	a[6] = DB_INT((long long)total);
	a[7] = DB_INT((long long)getpid());
	a[8] = DB_TEXT(kind);
	st = db_exec(&insert_job, a, 9, NULL, &newid);
	a[0] = DB_INT((long long)newid);
	if (st == DB_OK)
		st = db_exec(&insert_progress, a, 1, NULL, NULL);
	if (st == DB_OK && (st = db_query_int(&take_job_lock, a, 1, &got)) ==
	    DB_OK && got != 1)
		st = DB_ERROR;
	if ((st = db_finish(st)) == DB_OK)
		*id = (long long)newid;
	else if (newid > 0)
		db_query_int(&drop_job_lock, a, 1, &got);
out:
	if (st != DB_DOWN)
		db_query_int(&drop_start_lock, NULL, 0, &got);
	return domain_of_db(st);
}

enum db_status
import_job_progress(long long id, size_t done)
{
	struct db_arg	 a[2] = { DB_INT((long long)done), DB_INT(id) };

	if (stop_requested())
		return DB_ERROR;
	return db_exec(&set_progress, a, 2, NULL, NULL);
}

enum db_status
import_job_done(long long id, size_t imported)
{
	struct db_arg		 a[2] = { DB_INT((long long)imported),
	    DB_INT(id) };
	unsigned long long	 n = 0;
	enum db_status		 st;

	if ((st = import_job_progress(id, imported)) != DB_OK)
		return st;
	if ((st = db_exec(&set_done, a, 2, &n, NULL)) != DB_OK)
		return st;
	return n == 1 ? DB_OK : DB_ERROR;
}

void
import_job_failed(long long id, const char *message)
{
	struct db_arg	 a[2] = { DB_TEXT(message), DB_INT(id) };

	db_exec(&set_failed, a, 2, NULL, NULL);
}

void
import_job_release(long long id)
{
	struct db_arg	 a = DB_INT(id);
	long long	 got;

	db_query_int(&drop_job_lock, &a, 1, &got);
}

void
import_job_digits(char *out, size_t len, long long n)
{
	char	 d[32];
	size_t	 i, k, o = 0, nd;

	nd = (size_t)snprintf(d, sizeof(d), "%lld", n < 0 ? 0 : n);
	for (i = 0; i < nd && o + 2 < len; i++) {
		k = nd - i;
		if (i > 0 && k % 3 == 0)
			out[o++] = ',';
		out[o++] = d[i];
	}
	out[o] = '\0';
}

static const char *const state_codes[] = {
	[IMPORT_JOB_RUNNING] = "running",
	[IMPORT_JOB_DONE] = "done",
	[IMPORT_JOB_FAILED] = "failed",
};

const char *
import_job_state_code(enum import_job_state st)
{
	if ((size_t)st >= sizeof(state_codes) / sizeof(state_codes[0]))
		st = IMPORT_JOB_FAILED;
	return state_codes[st];
}

enum import_job_state
import_job_state_of(const char *code)
{
	if (strcmp(code, "running") == 0)
		return IMPORT_JOB_RUNNING;
	if (strcmp(code, "done") == 0)
		return IMPORT_JOB_DONE;
	return IMPORT_JOB_FAILED;
}

long long
import_job_percent(long long done, long long total)
{
	if (total <= 0 || done <= 0)
		return 0;
	return done >= total ? 100 : done * 100 / total;
}

/* Where the row of load_job goes. */
struct job_read {
	struct arena		*arena;
	struct import_job	*job;
	int			 found;
};

static int
read_job(void *arg, const struct db_row *r)
{
	struct job_read		*k = arg;
	struct import_job	*j = k->job;

	memset(j, 0, sizeof(*j));
	j->id = db_int(r, "id");
	j->kind = db_keep(k->arena, r, "kind");
	j->staff_id = db_int(r, "staff_id");
	j->username = db_keep(k->arena, r, "username");
	j->region = db_keep(k->arena, r, "region");
	j->filename = db_keep(k->arena, r, "filename");
	j->encoding = db_keep(k->arena, r, "encoding");
	j->total = db_int(r, "total");
	j->imported = db_int(r, "imported");
	j->state = import_job_state_of(db_text(r, "state"));
	j->error = db_keep(k->arena, r, "error");
	j->started = db_keep(k->arena, r, "started");
	j->tenths = db_int(r, "tenths");
	j->done = db_int(r, "done");
	j->alive = db_int(r, "alive") != 0;
	/* The page never shows more rows done than the file holds. */
	if (j->done > j->total)
		j->done = j->total;
	j->percent = import_job_percent(j->done, j->total);
	k->found = 1;
	return 0;
}

static enum db_status
read_one(long long id, struct job_read *k)
{
	struct db_arg	 a = DB_INT(id);

	k->found = 0;
	return db_query_each(&load_job, &a, 1, read_job, k);
}

enum domain_status
import_job_load(long long id, struct arena *arena, struct import_job *job,
    int *orphaned)
{
	struct job_read		 k = { arena, job, 0 };
	struct db_arg		 a[2];
	unsigned long long	 n = 0;
	enum db_status		 st;

	*orphaned = 0;
	memset(job, 0, sizeof(*job));
	if ((st = read_one(id, &k)) != DB_OK || !k.found)
		goto out;
	if (job->state == IMPORT_JOB_RUNNING && !job->alive) {
		a[0] = DB_TEXT(ORPHANED_MESSAGE);
		a[1] = DB_INT(id);
		if ((st = db_exec(&set_orphaned, a, 2, &n, NULL)) != DB_OK)
			goto out;
		*orphaned = n == 1;
		st = read_one(id, &k);
	}
out:
	if (st != DB_OK)
		return domain_of_db(st);
	if (!k.found)
		return DOMAIN_NOT_FOUND;
	return arena->failed ? DOMAIN_INTERNAL : DOMAIN_OK;
}
