/* Writing a checked outlet import in one transaction: the outlets and
 * their categories in batches, then their search rows, category
 * summaries and cards, and after a failure the search rows Mroonga kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "import/outlet_import.h"
#include "import/outlet_rows.h"

#define PROGRESS_EVERY		5000

/* While set, the outlet and category triggers leave outlet_search and
 * outlet_card to the statements below (sql/010_outlet_import.sql,
 * sql/035_outlet_card.sql). */
static struct db_stmt defer_search = DB_WRITE(
    "SET @outlet_search_deferred = 1, @site_change_deferred = 1");

static struct db_stmt resume_search = DB_WRITE(
    "SET @outlet_search_deferred = NULL, @site_change_deferred = NULL");

/* The import counts once in the change counter (sql/013_site_change.sql)
 * instead of once a row. */
static struct db_stmt count_change = DB_WRITE(
    "INSERT INTO site_change (shard, n) VALUES (CONNECTION_ID() % 1024, 1) "
    "ON DUPLICATE KEY UPDATE n = n + 1");

static struct db_stmt insert_outlets = DB_WRITE(
    "INSERT INTO outlet (reg_no, name, enterprise_id, mode, region_code, "
    "address, phone, services, status, status_since, registered_on) "
    "SELECT reg_no, name, enterprise_id, mode, region_code, address, phone, "
    "services, 'active', registered_on, registered_on FROM JSON_TABLE(?, "
    "'$[*]' COLUMNS (n FOR ORDINALITY, reg_no VARCHAR(32) PATH '$[0]', "
    "name VARCHAR(100) PATH '$[1]', enterprise_id INT UNSIGNED PATH '$[2]', "
    "mode VARCHAR(16) PATH '$[3]', region_code VARCHAR(12) PATH '$[4]', "
    "address VARCHAR(200) PATH '$[5]', phone VARCHAR(32) PATH '$[6]', "
    "services VARCHAR(64) PATH '$[7]', registered_on DATE PATH '$[8]')) "
    "AS j ORDER BY n");

static struct db_stmt insert_categories = DB_WRITE(
    "INSERT INTO outlet_category (outlet_id, category_code) "
    "SELECT o.id, j.code FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "reg_no VARCHAR(32) PATH '$[0]', code VARCHAR(16) PATH '$[1]')) AS j "
    "STRAIGHT_JOIN outlet o ON o.reg_no = j.reg_no");

/* The search rows exactly as the triggers of sql/005 make them. The
 * batch leads, as below: begun at the enterprise, MariaDB read every
 * outlet of an enterprise for each batch, and an import of 50,000
 * outlets of one enterprise slowed to 4 s a batch and failed. */
static struct db_stmt build_search = DB_WRITE(
    "REPLACE INTO outlet_search (outlet_id, body, region_code, status, "
    "enterprise_id, categories) SELECT o.id, CONCAT_WS(' ', o.name, "
    "o.address, e.name, o.reg_no, o.phone_digits), o.region_code, o.status, "
    "o.enterprise_id, CONCAT(',', COALESCE((SELECT GROUP_CONCAT("
    "c.category_code ORDER BY c.category_code) FROM outlet_category c "
    "WHERE c.outlet_id = o.id), ''), ',') FROM JSON_TABLE(?, '$[*]' "
    "COLUMNS (reg_no VARCHAR(32) PATH '$')) AS j "
    "STRAIGHT_JOIN outlet o ON o.reg_no = j.reg_no "
    "STRAIGHT_JOIN enterprise e ON e.id = o.enterprise_id");

/* The category summaries as the triggers of sql/014 make them. The batch
 * leads: with the statistics of a table still small, MariaDB began at the
 * categories and read every outlet_category row for each batch (3 s a
 * batch, 350 s for 50,000 outlets instead of 35 s). */
static struct db_stmt build_category_summary = DB_WRITE(
    "REPLACE INTO outlet_category_summary (outlet_id, codes, names) "
    "SELECT oc.outlet_id, GROUP_CONCAT(oc.category_code "
    "ORDER BY oc.category_code), GROUP_CONCAT(c.name ORDER BY c.sort_order, "
    "c.code SEPARATOR '、') FROM JSON_TABLE(?, '$[*]' "
    "COLUMNS (reg_no VARCHAR(32) PATH '$')) AS j "
    "STRAIGHT_JOIN outlet o ON o.reg_no = j.reg_no "
    "STRAIGHT_JOIN outlet_category oc ON oc.outlet_id = o.id "
    "STRAIGHT_JOIN category c ON c.code = oc.category_code "
    "GROUP BY oc.outlet_id");

/* The cards as the triggers of sql/035 make them, after the batch's
 * category summaries; the batch leads, as above. */
static struct db_stmt build_cards = DB_WRITE(
    "INSERT INTO outlet_card (status, region_code, reg_no, id, name, "
    "enterprise_id, enterprise, mode, address, phone, services, "
    "status_since, status_reason, registered_on, is_demo, categories, "
    "category_codes) SELECT o.status, o.region_code, o.reg_no, o.id, "
    "o.name, o.enterprise_id, e.name, o.mode, o.address, o.phone, "
    "o.services, o.status_since, o.status_reason, o.registered_on, "
    "o.is_demo, s.names, s.codes FROM JSON_TABLE(?, '$[*]' "
    "COLUMNS (reg_no VARCHAR(32) PATH '$')) AS j "
    "STRAIGHT_JOIN outlet o ON o.reg_no = j.reg_no "
    "STRAIGHT_JOIN enterprise e ON e.id = o.enterprise_id "
    "LEFT JOIN outlet_category_summary s ON s.outlet_id = o.id");

/* Read uncommitted: another import's outlets in the same id range are
 * kept, and their locks are not waited for. */
static struct db_stmt read_uncommitted = DB_WRITE(
    "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");

/* Mroonga does not roll back: search rows of outlets that were not
 * kept. */
static struct db_stmt drop_orphans = DB_WRITE(
    "DELETE FROM outlet_search WHERE outlet_id BETWEEN ? AND ? "
    "AND outlet_id NOT IN (SELECT id FROM outlet WHERE id BETWEEN ? AND ?) "
    "LIMIT 200");

/* Search rows of outlets from first to last that were rolled back, 200
 * a round: Mroonga takes a few milliseconds a row. */
static void
drop_search_orphans(unsigned long long first, unsigned long long last)
{
	struct db_arg		 a[4];
	unsigned long long	 n;

	a[0] = a[2] = DB_INT((long long)first);
	a[1] = a[3] = DB_INT((long long)last);
	do {
		n = 0;
		if (db_exec(&read_uncommitted, NULL, 0, NULL, NULL) != DB_OK ||
		    db_exec(&drop_orphans, a, 4, &n, NULL) != DB_OK)
			return;
	} while (n == 200);
}

/* Sends one batch: the outlets and their categories. */
static enum db_status
save_batch(struct outlet_state *s, json_t *outlets, json_t *categories,
    size_t expected)
{
	char			*t[2];
	struct db_arg		 a;
	unsigned long long	 affected = 0, id = 0;
	enum db_status		 st = DB_ERROR;

	t[0] = json_dumps(outlets, JSON_COMPACT);
	t[1] = json_dumps(categories, JSON_COMPACT);
	if (t[0] == NULL || t[1] == NULL)
		goto out;
	a = DB_TEXT(t[0]);
	if ((st = db_exec(&insert_outlets, &a, 1, &affected, &id)) != DB_OK)
		goto out;
	if (affected != expected) {
		st = DB_ERROR;
		goto out;
	}
	if (s->first == 0 || id < s->first)
		s->first = id;
	if (id + affected - 1 > s->last)
		s->last = id + affected - 1;
	a = DB_TEXT(t[1]);
	if (json_array_size(categories) > 0)
		st = db_exec(&insert_categories, &a, 1, NULL, NULL);
out:
	free(t[0]);
	free(t[1]);
	return st;
}

/* The outlet triggers leave the search rows to outlet_save_end. */
enum db_status
outlet_save_start(struct import_run *run, void *arg)
{
	(void)run;
	(void)arg;
	return db_exec(&defer_search, NULL, 0, NULL, NULL);
}

/* Writes rows [first, first + n): every outlet first, every search
 * row in outlet_save_end, as Mroonga does not roll back and a
 * registration number taken meanwhile stops the first part, so a failed
 * import seldom leaves search rows behind. */
enum db_status
outlet_save_rows(struct import_run *run, size_t first, size_t n, void *arg)
{
	struct outlet_state	*s = ((struct outlet_import *)arg)->state;
	struct outlet_row	*row;
	json_t			*outlets, *cats;
	enum db_status		 st = DB_ERROR;
	const char		*p;
	char			 code[17];
	size_t			 i, len;

	(void)run;
	outlets = json_array();
	cats = json_array();
	if (outlets == NULL || cats == NULL)
		goto out;
	for (i = first; i < first + n; i++) {
		row = outlet_row_at(s, i);
		json_array_append_new(outlets, json_pack("[s,s,I,s,s,s,s,s,s]",
		    row->v[C_REGNO], row->v[C_NAME],
		    (json_int_t)row->enterprise_id, row->v[C_MODE],
		    row->v[C_REGION], row->v[C_ADDRESS], row->v[C_PHONE],
		    row->v[C_SERVICES], row->v[C_REGISTERED]));
		for (p = row->v[C_CATEGORIES]; *p != '\0'; p += len +
		    (p[len] == ',')) {
			len = strcspn(p, ",");
			snprintf(code, sizeof(code), "%.*s", (int)len, p);
			json_array_append_new(cats, json_pack("[s,s]",
			    row->v[C_REGNO], code));
		}
	}
	st = save_batch(s, outlets, cats, n);
out:
	json_decref(outlets);
	json_decref(cats);
	return st;
}

/* The search, category summary and card rows of one batch's
 * registration numbers. */
static enum db_status
search_batch(struct outlet_state *s, size_t first, size_t n)
{
	struct db_arg	 a;
	enum db_status	 st;
	json_t		*regnos;
	char		*t = NULL;
	size_t		 i;

	if ((regnos = json_array()) != NULL)
		for (i = first; i < first + n; i++)
			json_array_append_new(regnos,
			    json_string(outlet_row_at(s, i)->v[C_REGNO]));
	if (regnos == NULL || (t = json_dumps(regnos, JSON_COMPACT)) == NULL) {
		json_decref(regnos);
		return DB_ERROR;
	}
	a = DB_TEXT(t);
	st = db_exec(&build_search, &a, 1, NULL, NULL);
	if (st == DB_OK)
		st = db_exec(&build_category_summary, &a, 1, NULL, NULL);
	if (st == DB_OK)
		st = db_exec(&build_cards, &a, 1, NULL, NULL);
	free(t);
	json_decref(regnos);
	return st;
}

/* Every search row, a batch at a time; a job's figure counts them as the
 * second half. Then the import counts once in the change counter. */
enum db_status
outlet_save_end(struct import_run *run, void *arg)
{
	struct outlet_state	*s = ((struct outlet_import *)arg)->state;
	enum db_status		 st = DB_OK;
	size_t			 i, n, searched = 0;

	for (i = 0; i < run->nrows && st == DB_OK; i += n) {
		n = run->nrows - i < OUTLET_SAVE_BATCH ? run->nrows - i :
		    OUTLET_SAVE_BATCH;
		if ((st = search_batch(s, i, n)) != DB_OK)
			break;
		searched += n;
		if (searched % PROGRESS_EVERY == 0 || searched == run->nrows)
			import_run_progress(run, "搜索", searched, run->nrows);
		st = import_run_job(run, (run->written + searched) / 2);
	}
	if (st == DB_OK)
		st = db_exec(&count_change, NULL, 0, NULL, NULL);
	return st;
}

void
outlet_save_after(struct outlet_import *imp, enum db_status st)
{
	struct outlet_state	*s = imp->state;

	/* The session goes back to the triggers whatever happened. */
	if (st != DB_DOWN)
		db_exec(&resume_search, NULL, 0, NULL, NULL);
	/* A job's sweep does it once the job shows as failed. */
	if (st != DB_OK && s->first > 0 && st != DB_DOWN && imp->job == 0)
		drop_search_orphans(s->first, s->last);
}
