/* Complaints as service requests, as Open311 reads them: a key sees
 * whole requests of its region, the public only what the statistics
 * show. Never the complainant's name or phone. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domain/result.h"
#include "domain/service_request.h"

/* Shared by both views: open or closed, filed, last changed. */
#define STATUS_COLUMN \
    "CASE WHEN c.status IN ('rejected', 'resolved') THEN 'closed' " \
    "ELSE 'open' END AS status, "
#define DATETIME_COLUMNS \
    "DATE_FORMAT(c.submitted_at, '%Y-%m-%dT%H:%i:%s" SERVICE_REQUEST_TZ "') " \
    "AS requested_datetime, " \
    "DATE_FORMAT(COALESCE((SELECT MAX(e.at) FROM complaint_event e " \
    "WHERE e.complaint_id = c.id), c.submitted_at), " \
    "'%Y-%m-%dT%H:%i:%s" SERVICE_REQUEST_TZ "') AS updated_datetime, "
/* The county of the shop (for a shop not listed, of the complainant),
 * whose commerce bureau answers for it. */
#define COUNTY_COLUMNS \
    "CONCAT(cty.name, '商务局') AS agency_responsible, " \
    "LEFT(c.outlet_region, 6) AS county_code, " CURSOR_COLUMN
/* Where the page after this row starts: its place in REQUEST_ORDER. */
#define CURSOR_COLUMN \
    "CONCAT(DATE_FORMAT(c.submitted_at, '%Y%m%d%H%i%s'), '-', c.id) " \
    "AS next_after "

/* A key's view of a complaint: where and what, never who. The address
 * is the shop (listed or as given), else the complainant's township;
 * the deadline is the one running now; the notes are the latest reply
 * staff made public. */
#define REQUEST_COLUMNS \
    "SELECT c.tracking_no AS service_request_id, " STATUS_COLUMN \
    "(SELECT e.public_reply FROM complaint_event e " \
    "WHERE e.complaint_id = c.id AND e.public_reply <> '' " \
    "AND e.kind NOT IN ('submitted', 'satisfaction', 'reopened') " \
    "ORDER BY e.at DESC, e.id DESC LIMIT 1) AS status_notes, " \
    "k.name AS service_name, c.category AS service_code, c.description, " \
    DATETIME_COLUMNS \
    "DATE_FORMAT(CASE c.status WHEN 'submitted' THEN c.accept_due " \
    "WHEN 'rejected' THEN NULL WHEN 'resolved' THEN NULL " \
    "ELSE c.resolve_due END, '%Y-%m-%dT23:59:59" SERVICE_REQUEST_TZ "') " \
    "AS expected_datetime, " \
    "COALESCE(NULLIF(CONCAT_WS(' ', COALESCE(o.name, " \
    "NULLIF(c.outlet_name, '')), COALESCE(o.address, " \
    "NULLIF(c.outlet_address, ''))), ''), CONCAT(COALESCE(tc.name, ''), " \
    "t.name)) AS address, " COUNTY_COLUMNS

#define REQUEST_JOINS \
    "JOIN complaint_category k ON k.code = c.category " \
    "LEFT JOIN outlet o ON o.id = c.outlet_id " \
    "LEFT JOIN region cty ON cty.code = LEFT(c.outlet_region, 6) " \
    "LEFT JOIN region t ON t.code = c.region_code " \
    "LEFT JOIN region tc ON tc.code = LEFT(c.region_code, 6) "

/* The public's view: what the statistics page shows of a complaint, the
 * service, the status, the dates and the county with its city (that of
 * a municipality for its districts), as address. No text, no reply, no
 * shop, no township. */
#define PUBLIC_COLUMNS \
    "SELECT c.tracking_no AS service_request_id, " STATUS_COLUMN \
    "k.name AS service_name, c.category AS service_code, " \
    DATETIME_COLUMNS \
    "CONCAT(COALESCE(CASE WHEN p.name IN ('市辖区', '县') THEN g.name " \
    "ELSE p.name END, ''), cty.name) AS address, " COUNTY_COLUMNS

#define PUBLIC_JOINS \
    "JOIN complaint_category k ON k.code = c.category " \
    "LEFT JOIN region cty ON cty.code = LEFT(c.outlet_region, 6) " \
    "LEFT JOIN region p ON p.code = cty.parent_code " \
    "LEFT JOIN region g ON g.code = p.parent_code "

#define REQUEST_ORDER	"ORDER BY c.submitted_at DESC, c.id DESC"

/* A key's region holds the codes that begin with it. */
#define IN_REGION	"AND c.outlet_region LIKE CONCAT(?, '%') "
/* A region's complaints by their index of region and date: left to
 * itself, MariaDB walked the 90 days of the whole country by date for a
 * province's closed complaints of one service, 135,269 rows for 215
 * (3.1 s at 1,000,000 complaints; 0.45 s by region). */
#define BY_REGION	"FORCE INDEX (complaint_region) "

/* After a cursor, end is its time (service_requests_find), so the
 * index starts there; of the rows at that very second, the lower ids.
 * The page's ids first, from complaint alone and its submitted_at index;
 * its columns after, for those rows only. Joined and filtered in one
 * query, MariaDB began at the 8 categories, read all 1,033,318
 * complaints through them and sorted them with their two subqueries:
 * 38 s for the default 90 days, well past the 10 s a worker waits. */
#define IN_RANGE(columns, joins, index, region) \
    columns "FROM (SELECT c.id FROM complaint c " index \
    "WHERE c.submitted_at >= ? AND c.submitted_at <= ? " region \
    "AND c.category = COALESCE(?, c.category) " \
    "AND (? = 0 OR c.status IN ('submitted', 'accepted', 'investigating', " \
    "'reopened')) " \
    "AND (? = 0 OR c.status IN ('rejected', 'resolved')) " \
    "AND (? = 0 OR c.submitted_at < ? OR c.id < ?) " \
    REQUEST_ORDER " LIMIT ? OFFSET ?) pg " \
    "JOIN complaint c ON c.id = pg.id " joins REQUEST_ORDER

static struct db_stmt public_in_range = DB_READ(
    IN_RANGE(PUBLIC_COLUMNS, PUBLIC_JOINS, "", ""));

static struct db_stmt requests_in_range = DB_READ(
    IN_RANGE(REQUEST_COLUMNS, REQUEST_JOINS, "", ""));

static struct db_stmt requests_in_region = DB_READ(
    IN_RANGE(REQUEST_COLUMNS, REQUEST_JOINS, BY_REGION, IN_REGION));

static struct db_stmt public_by_no = DB_READ(
    PUBLIC_COLUMNS "FROM complaint c " PUBLIC_JOINS
    "WHERE c.tracking_no = ?");

/* A key of the whole country passes "", which every code begins with. */
static struct db_stmt request_by_no = DB_READ(
    REQUEST_COLUMNS "FROM complaint c " REQUEST_JOINS
    "WHERE c.tracking_no = ? " IN_REGION);

/* Where a read puts its rows: a list, or one request. */
struct request_sink {
	struct arena		*arena;
	struct arena_list	*list;
	struct service_request	*one;
	int			 found;
};

/* q from the columns of r, copied into the arena. */
static void
fill(struct arena *a, const struct db_row *r, struct service_request *q)
{
	q->service_request_id = db_keep(a, r, "service_request_id");
	q->status = db_keep(a, r, "status");
	q->status_notes = db_keep(a, r, "status_notes");
	q->service_name = db_keep(a, r, "service_name");
	q->service_code = db_keep(a, r, "service_code");
	q->description = db_keep(a, r, "description");
	q->agency_responsible = db_keep(a, r, "agency_responsible");
	q->requested_datetime = db_keep(a, r, "requested_datetime");
	q->updated_datetime = db_keep(a, r, "updated_datetime");
	q->expected_datetime = db_keep(a, r, "expected_datetime");
	q->address = db_keep(a, r, "address");
	q->county_code = db_keep(a, r, "county_code");
	q->cursor = db_keep(a, r, "next_after");
}

static int
read_request(void *arg, const struct db_row *r)
{
	struct request_sink	*k = arg;
	struct service_request	*q;

	if ((q = arena_push(k->arena, k->list, sizeof(*q))) == NULL)
		return -1;
	fill(k->arena, r, q);
	return 0;
}

static int
read_one(void *arg, const struct db_row *r)
{
	struct request_sink	*k = arg;

	if (!k->found)
		fill(k->arena, r, k->one);
	k->found = 1;
	return 0;
}

enum domain_status
service_requests_find(struct arena *arena,
    const struct service_request_filter *f,
    const struct service_request_scope *scope, struct arena_list *requests)
{
	struct db_arg		 a[11];
	struct db_stmt		*st = &public_in_range;
	struct request_sink	 k = { arena, requests, NULL, 0 };
	size_t			 i = 0;

	*requests = (struct arena_list){ 0 };
	a[i++] = DB_TEXT(f->start);
	a[i++] = DB_TEXT(f->after_id > 0 && strcmp(f->after_at, f->end) < 0 ?
	    f->after_at : f->end);
	if (scope->keyed && scope->region[0] != '\0') {
		st = &requests_in_region;
		a[i++] = DB_TEXT(scope->region);
	} else if (scope->keyed)
		st = &requests_in_range;
	a[i++] = f->service_code != NULL ? DB_TEXT(f->service_code) :
	    DB_NULLARG;
	a[i++] = DB_INT(f->open_only);
	a[i++] = DB_INT(f->closed_only);
	a[i++] = DB_INT(f->after_id > 0);
	a[i++] = DB_TEXT(f->after_id > 0 ? f->after_at : f->end);
	a[i++] = DB_INT(f->after_id);
	a[i++] = DB_INT(f->page_size);
	a[i++] = DB_INT(f->after_id > 0 ? 0 :
	    (long long)(f->page - 1) * f->page_size);
	return domain_of_read(db_query_each(st, a, i, read_request, &k), arena);
}

enum domain_status
service_request_get(struct arena *arena, const char *tracking_no,
    const struct service_request_scope *scope, struct service_request *out)
{
	struct db_arg		 a[] = { DB_TEXT(tracking_no),
	    DB_TEXT(scope->region) };
	struct request_sink	 k = { arena, NULL, out, 0 };
	enum domain_status	 ds;

	memset(out, 0, sizeof(*out));
	ds = domain_of_read(scope->keyed ?
	    db_query_each(&request_by_no, a, 2, read_one, &k) :
	    db_query_each(&public_by_no, a, 1, read_one, &k), arena);
	if (ds == DOMAIN_OK && !k.found)
		return DOMAIN_NOT_FOUND;
	return ds;
}

int
service_request_cursor_parse(const char *s, char at[20], long long *id)
{
	struct tm	 tm, back;
	time_t		 t;
	long long	 n = 0;
	size_t		 i;

	if (strlen(s) < 16 || strlen(s) > 33 || s[14] != '-')
		return -1;
	for (i = 0; s[i] != '\0'; i++)
		if (i != 14 && (s[i] < '0' || s[i] > '9'))
			return -1;
	for (i = 15; s[i] != '\0'; i++)
		n = n * 10 + (s[i] - '0');
	memset(&tm, 0, sizeof(tm));
	sscanf(s, "%4d%2d%2d%2d%2d%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	    &tm.tm_hour, &tm.tm_min, &tm.tm_sec);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	back = tm;
	/* A real time: one that comes back the same from the calendar. */
	if (n < 1 || (t = timegm(&back)) == (time_t)-1 ||
	    gmtime_r(&t, &back) == NULL || back.tm_year != tm.tm_year ||
	    back.tm_mon != tm.tm_mon || back.tm_mday != tm.tm_mday ||
	    back.tm_hour != tm.tm_hour || back.tm_min != tm.tm_min ||
	    back.tm_sec != tm.tm_sec)
		return -1;
	/* The digits as they came, punctuated as MariaDB reads a time. */
	memcpy(at, s, 4);
	at[4] = '-';
	memcpy(at + 5, s + 4, 2);
	at[7] = '-';
	memcpy(at + 8, s + 6, 2);
	at[10] = ' ';
	memcpy(at + 11, s + 8, 2);
	at[13] = ':';
	memcpy(at + 14, s + 10, 2);
	at[16] = ':';
	memcpy(at + 17, s + 12, 2);
	at[19] = '\0';
	*id = n;
	return 0;
}
