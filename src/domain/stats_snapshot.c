/* The statistics kept in the database for every worker, and the lock
 * that has one worker at a time count the country's and a province's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/stats_json.h"
#include "domain/stats_snapshot.h"

/*
 * The country's and provinces' numbers, and any others slow to count, are
 * shared through stats_snapshot (sql/022, sql/026) and shown to everyone from
 * there; the former are counted by one worker at a time, under a lock
 * named after the database and the filter.
 */
#define LOCK_NAME "CONCAT('stats.', MD5(CONCAT_WS('.', DATABASE(), ?, ?)))"

static struct db_stmt snapshot_get = DB_READ(
    "SELECT data, DATE_FORMAT(computed_at, '%Y-%m-%d %H:%i') AS computed_at, "
    "computed_at < NOW() - INTERVAL " DB_NUMBER(STATS_CACHE_SECONDS) " SECOND "
    "AS stale, " DB_NUMBER(STATS_CACHE_SECONDS) " - TIMESTAMPDIFF(SECOND, "
    "computed_at, NOW()) AS fresh FROM stats_snapshot "
    "WHERE region = ? AND year = ?");

static struct db_stmt snapshot_put = DB_WRITE(
    "INSERT INTO stats_snapshot (region, year, computed_at, data) "
    "VALUES (?, ?, NOW(), ?) ON DUPLICATE KEY UPDATE "
    "computed_at = VALUES(computed_at), data = VALUES(data)");

static struct db_stmt snapshot_drop = DB_WRITE(
    "DELETE FROM stats_snapshot WHERE region = ? AND year = ?");

/* A lock holds across hosts only on the primary: DB_WRITE runs there. */
static struct db_stmt lock_take = DB_WRITE(
    "SELECT COALESCE(GET_LOCK(" LOCK_NAME ", ?), 0) AS got");

static struct db_stmt lock_release = DB_WRITE(
    "SELECT RELEASE_LOCK(" LOCK_NAME ") AS released");

static long
elapsed_ms(const struct timespec *from)
{
	struct timespec	 now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - from->tv_sec) * 1000L +
	    (now.tv_nsec - from->tv_nsec) / 1000000L;
}

static void
unlock_filter(const struct stats_filter *f)
{
	struct db_arg	 a[] = { DB_TEXT(f->region), DB_INT(f->year) };
	long long	 ignored;

	(void)db_query_int(&lock_release, a, DB_NARGS(a), &ignored);
}

/* *got: 1 when this connection now holds the filter's lock. */
static enum db_status
lock_filter(const struct stats_filter *f, int wait_seconds, int *got)
{
	struct db_arg	 a[] = { DB_TEXT(f->region), DB_INT(f->year),
	    DB_INT(wait_seconds) };
	long long	 v = 0;
	enum db_status	 st;

	st = db_query_int(&lock_take, a, DB_NARGS(a), &v);
	*got = st == DB_OK && v == 1;
	/* Taken or not, the answer was lost: let go in case. */
	if (st != DB_OK)
		unlock_filter(f);
	return st;
}

/* The country's and a province's numbers are always kept: they are the
 * slow ones as the complaints grow, and counted one worker at a time. */
static int
always_kept(const struct stats_filter *f)
{
	return strlen(f->region) <= STATS_LOCK_REGION_MAX;
}

/* What snapshot_read found of the filter's kept numbers. */
struct snapshot {
	struct stats	*s;
	int		 kept, found, stale;
};

/* The kept row: its numbers into s, when they can be read. */
static int
read_snapshot(void *arg, const struct db_row *r)
{
	struct snapshot	*k = arg;

	if (k->kept)
		return 0;
	k->kept = 1;
	/* Unreadable: counted again, as if there were none. */
	if (stats_from_json(k->s, db_text(r, "data")) == -1)
		return 0;
	k->found = 1;
	k->stale = db_int(r, "stale") != 0;
	k->s->fresh_seconds = k->stale ? 0 : (int)db_int(r, "fresh");
	snprintf(k->s->computed_at, sizeof(k->s->computed_at), "%s",
	    db_text(r, "computed_at"));
	return 0;
}

/* The filter's kept numbers into s, with computed_at: *kept says
 * whether a row is there, *found whether its numbers could be read,
 * *stale whether they are old. */
static enum db_status
snapshot_read(struct stats *s, const struct stats_filter *f, int *kept,
    int *found, int *stale)
{
	struct db_arg	 a[] = { DB_TEXT(f->region), DB_INT(f->year) };
	struct snapshot	 k = { s, 0, 0, 0 };
	enum db_status	 st;

	st = db_query_each(&snapshot_get, a, DB_NARGS(a), read_snapshot, &k);
	*kept = k.kept;
	*found = k.found;
	*stale = k.stale;
	return st;
}

/* Counts the filter's numbers into s and keeps them when they were slow
 * to count; forgets kept ones that have become quick. Numbers counted
 * are shown even when they could not be kept. */
static enum db_status
count_and_keep(struct stats *s, const struct stats_filter *f, int kept)
{
	struct db_arg	 a[3] = { DB_TEXT(f->region), DB_INT(f->year) };
	struct timespec	 start;
	enum db_status	 st;
	time_t		 now = time(NULL);
	struct tm	 tm;
	char		*text;

	stats_free(s);
	clock_gettime(CLOCK_MONOTONIC, &start);
	if ((st = stats_load(s, f)) != DB_OK)
		return st;
	localtime_r(&now, &tm);
	strftime(s->computed_at, sizeof(s->computed_at), "%Y-%m-%d %H:%M",
	    &tm);
	s->fresh_seconds = STATS_CACHE_SECONDS;
	if (!always_kept(f) && elapsed_ms(&start) < STATS_CACHE_SLOW_MS) {
		if (kept)
			(void)db_exec(&snapshot_drop, a, 2, NULL, NULL);
		return DB_OK;
	}
	if ((text = stats_to_json(s)) == NULL)
		return DB_OK;
	a[2] = DB_TEXT(text);
	(void)db_exec(&snapshot_put, a, DB_NARGS(a), NULL, NULL);
	free(text);
	return DB_OK;
}

enum domain_status
stats_load_shared(struct stats *s, const struct stats_filter *f, int *stale,
    int *busy)
{
	enum db_status	 st;
	int		 kept, found, got;

	stats_init(s);
	*stale = *busy = 0;
	if ((st = snapshot_read(s, f, &kept, &found, stale)) != DB_OK ||
	    found)
		return domain_of_db(st);
	if (!always_kept(f))
		return domain_of_db(count_and_keep(s, f, kept));
	/* Not counted twice at once. */
	if ((st = lock_filter(f, STATS_LOCK_WAIT, &got)) != DB_OK)
		return domain_of_db(st);
	if (!got) {
		*busy = 1;
		return DOMAIN_OK;
	}
	st = snapshot_read(s, f, &kept, &found, stale);
	if (st == DB_OK && !found)
		st = count_and_keep(s, f, kept);
	unlock_filter(f);
	return domain_of_db(st);
}

void
stats_refresh(const struct stats_filter *f)
{
	struct stats	 s;
	int		 kept, found, stale, got;

	stats_init(&s);
	/* Another worker counting them already: nothing to do. */
	if (lock_filter(f, 0, &got) == DB_OK && got) {
		if (snapshot_read(&s, f, &kept, &found, &stale) == DB_OK &&
		    kept && (stale || !found))
			(void)count_and_keep(&s, f, kept);
		unlock_filter(f);
	}
	stats_free(&s);
}
