/* Open311 GeoReport v2 output and complaints as service requests. */
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "web/open311.h"
#include "web/param.h"
#include "domain/workday.h"

/* Shared by both views: open or closed, filed, last changed. */
#define STATUS_COLUMN \
    "CASE WHEN c.status IN ('rejected', 'resolved') THEN 'closed' " \
    "ELSE 'open' END AS status, "
#define DATETIME_COLUMNS \
    "DATE_FORMAT(c.submitted_at, '%Y-%m-%dT%H:%i:%s" OPEN311_TZ "') " \
    "AS requested_datetime, " \
    "DATE_FORMAT(COALESCE((SELECT MAX(e.at) FROM complaint_event e " \
    "WHERE e.complaint_id = c.id), c.submitted_at), " \
    "'%Y-%m-%dT%H:%i:%s" OPEN311_TZ "') AS updated_datetime, "
/* The county of the shop (for a shop not listed, of the complainant),
 * whose commerce bureau answers for it. */
#define COUNTY_COLUMNS \
    "CONCAT(cty.name, '商务局') AS agency_responsible, " \
    "LEFT(c.outlet_region, 6) AS county_code "

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
    "ELSE c.resolve_due END, '%Y-%m-%dT23:59:59" OPEN311_TZ "') " \
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

/* The page's ids first, from complaint alone and its submitted_at index;
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

static struct db_stmt township = DB_READ(
    "SELECT COUNT(*) FROM region WHERE code = ? AND level = 4");

static struct db_stmt outlet = DB_READ(
    "SELECT region_code FROM outlet WHERE id = ?");

/* Each table begins with service_request_id, which a public list leaves
 * out by starting at the second entry. */
static const struct json_field request_fields[] = {
	{ "service_request_id", "service_request_id", JF_STRING },
	{ "status", "status", JF_STRING },
	{ "status_notes", "status_notes", JF_STRING },
	{ "service_name", "service_name", JF_STRING },
	{ "service_code", "service_code", JF_STRING },
	{ "description", "description", JF_STRING },
	{ "agency_responsible", "agency_responsible", JF_STRING },
	{ "requested_datetime", "requested_datetime", JF_STRING },
	{ "updated_datetime", "updated_datetime", JF_STRING },
	{ "expected_datetime", "expected_datetime", JF_STRING },
	{ "address", "address", JF_STRING },
	{ "zipcode", "zipcode", JF_STRING },	/* never selected: null */
	{ "county_code", "county_code", JF_STRING },
};

static const struct json_field public_fields[] = {
	{ "service_request_id", "service_request_id", JF_STRING },
	{ "status", "status", JF_STRING },
	{ "service_name", "service_name", JF_STRING },
	{ "service_code", "service_code", JF_STRING },
	{ "agency_responsible", "agency_responsible", JF_STRING },
	{ "requested_datetime", "requested_datetime", JF_STRING },
	{ "updated_datetime", "updated_datetime", JF_STRING },
	{ "address", "address", JF_STRING },
	{ "county_code", "county_code", JF_STRING },
};

enum open311_format
open311_format(const char *ext)
{
	if (strcmp(ext, "json") == 0)
		return OPEN311_JSON;
	if (strcmp(ext, "xml") == 0)
		return OPEN311_XML;
	return OPEN311_NONE;
}

enum open311_format
open311_split(char *key, const char **name)
{
	char	*dot = strrchr(key, '.');

	*name = key;
	if (dot == NULL)
		return OPEN311_NONE;
	*dot = '\0';
	return open311_format(dot + 1);
}

int
open311_xml_text(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	const char		*rep;
	size_t			 run;

	while (*p != '\0') {
		run = 0;
		while (p[run] >= 0x20 && strchr("&<>\"'", p[run]) == NULL &&
		    !(p[run] == 0xef && p[run + 1] == 0xbf &&
		    (p[run + 2] == 0xbe || p[run + 2] == 0xbf)))
			run++;
		if (run > 0 && buf_add(out, p, run) == -1)
			return -1;
		p += run;
		if (*p == '\0')
			break;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\t': rep = "\t"; break;
		case '\n': rep = "\n"; break;
		case '\r': rep = "&#13;"; break;
		default: rep = ""; break;	/* other C0 controls */
		}
		if (buf_adds(out, rep) == -1)
			return -1;
		/* U+FFFE and U+FFFF are three bytes, all left out. */
		p += *p == 0xef ? 3 : 1;
	}
	return 0;
}

/* Element names are ours: lowercase letters and '_' only. */
static int
xml_name_valid(const char *name)
{
	return name[0] != '\0' && strspn(name, "abcdefghijklmnopqrstuvwxyz_") ==
	    strlen(name);
}

static int
xml_element(struct buf *out, const char *name, const char *item,
    json_t *v)
{
	const char	*key;
	json_t		*child;
	char		 singular[64];
	size_t		 i, len;
	int		 rc = 0;

	if (!xml_name_valid(name) || buf_printf(out, "<%s>", name) == -1)
		return -1;
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		json_object_foreach(v, key, child) {
			len = strlen(key);
			if (len >= sizeof(singular))
				return -1;
			memcpy(singular, key, len + 1);
			if (len > 1 && singular[len - 1] == 's')
				singular[len - 1] = '\0';
			if (xml_element(out, key, singular, child) == -1)
				return -1;
		}
		break;
	case JSON_ARRAY:
		json_array_foreach(v, i, child)
			if (xml_element(out, item, item, child) == -1)
				return -1;
		break;
	case JSON_STRING:
		rc = open311_xml_text(out, json_string_value(v));
		break;
	case JSON_INTEGER:
		rc = buf_printf(out, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		break;
	case JSON_REAL:
		rc = buf_printf(out, "%.17g", json_real_value(v));
		break;
	case JSON_TRUE:
		rc = buf_adds(out, "true");
		break;
	case JSON_FALSE:
		rc = buf_adds(out, "false");
		break;
	case JSON_NULL:
		break;
	}
	if (rc == -1)
		return -1;
	return buf_printf(out, "</%s>", name);
}

int
open311_emit(json_t *root, enum open311_format f, const char *xml_root,
    const char *xml_item, struct buf *out)
{
	int	 rc;

	if (f == OPEN311_JSON)
		return json_emit(root, out);
	if (root == NULL)
		return -1;
	rc = buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	if (rc == 0)
		rc = xml_element(out, xml_root, xml_item, root);
	if (rc == 0)
		rc = buf_adds(out, "\n");
	json_decref(root);
	return rc;
}

void
open311_error_add(json_t *list, int code, const char *description)
{
	json_array_append_new(list, json_pack("{s:i,s:s}", "code", code,
	    "description", description));
}

/* n digits of s as a number, or -1 when one is not a digit. */
static int
digits(const char *s, int n)
{
	int	 v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
open311_datetime_parse(const char *s, long long *t)
{
	char		 date[11];
	long long	 secs = 0, offset;
	int		 hh, mm, ss = 0, oh, om;
	const char	*p;

	if (strlen(s) < 10 || strlen(s) > 40)
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!valid_date(date))
		return -1;
	p = s + 10;
	if (*p == '\0') {
		/* A date alone is that day at our time zone. */
		*t = (long long)date_to_days(date) * 86400 - OPEN311_UTC_OFFSET;
		return 0;
	}
	if (*p++ != 'T' || (hh = digits(p, 2)) < 0 || p[2] != ':' ||
	    (mm = digits(p + 3, 2)) < 0 || hh > 23 || mm > 59)
		return -1;
	p += 5;
	if (*p == ':') {
		if ((ss = digits(p + 1, 2)) < 0 || ss > 59)
			return -1;
		p += 3;
		if (*p == '.') {
			if (p[1] < '0' || p[1] > '9')
				return -1;
			for (p++; *p >= '0' && *p <= '9'; p++)
				continue;
		}
	}
	if (*p == 'Z' && p[1] == '\0')
		offset = 0;
	else if ((*p == '+' || *p == ' ' || *p == '-') &&
	    (oh = digits(p + 1, 2)) >= 0 && p[3] == ':' &&
	    (om = digits(p + 4, 2)) >= 0 && p[6] == '\0' && oh <= 14 &&
	    om <= 59)
		offset = (*p == '-' ? -1 : 1) * (oh * 3600LL + om * 60LL);
	else
		return -1;
	secs = hh * 3600LL + mm * 60LL + ss;
	*t = (long long)date_to_days(date) * 86400 + secs - offset;
	return 0;
}

void
open311_datetime_local(long long t, char out[20])
{
	long long	 local = t + OPEN311_UTC_OFFSET;
	long long	 days = local >= 0 ? local / 86400 :
	    -((-local + 86399) / 86400);
	long long	 secs = local - days * 86400;
	char		 date[11];

	days_to_date((long)days, date);
	snprintf(out, 20, "%.10s %02u:%02u:%02u", date,
	    (unsigned)(secs / 3600) % 24u, (unsigned)(secs / 60 % 60) % 60u,
	    (unsigned)(secs % 60) % 60u);
}

int
open311_tracking_no_valid(const char *s)
{
	size_t	 i;

	if (strlen(s) != 9 || s[4] != '-')
		return 0;
	for (i = 0; i < 9; i++)
		if (i != 4 && !((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
	return 1;
}

enum db_status
open311_requests_find(HDF *hdf, const struct open311_filter *f,
    const struct open311_scope *scope, const char *prefix, long *n)
{
	char		 start[20], end[20];
	struct db_arg	 a[8];
	struct db_stmt	*st = &public_in_range;
	size_t		 i = 0;

	open311_datetime_local(f->start, start);
	open311_datetime_local(f->end, end);
	a[i++] = DB_TEXT(start);
	a[i++] = DB_TEXT(end);
	if (scope->keyed && scope->region[0] != '\0') {
		st = &requests_in_region;
		a[i++] = DB_TEXT(scope->region);
	} else if (scope->keyed)
		st = &requests_in_range;
	a[i++] = f->service_code != NULL ? DB_TEXT(f->service_code) :
	    DB_NULLARG;
	a[i++] = DB_INT(f->open_only);
	a[i++] = DB_INT(f->closed_only);
	a[i++] = DB_INT(f->page_size);
	a[i++] = DB_INT((long long)(f->page - 1) * f->page_size);
	return db_query(st, a, i, hdf, prefix, n);
}

enum db_status
open311_request_get(HDF *hdf, const char *tracking_no,
    const struct open311_scope *scope, const char *prefix, int *found)
{
	struct db_arg	 a[] = { DB_TEXT(tracking_no),
	    DB_TEXT(scope->region) };

	if (!scope->keyed)
		return db_query_row(&public_by_no, a, 1, hdf, prefix, found);
	return db_query_row(&request_by_no, a, 2, hdf, prefix, found);
}

json_t *
open311_request_json(HDF *row, const struct open311_scope *scope, int named)
{
	const struct json_field	*f = scope->keyed ? request_fields :
	    public_fields;
	size_t			 n = scope->keyed ?
	    sizeof(request_fields) / sizeof(request_fields[0]) :
	    sizeof(public_fields) / sizeof(public_fields[0]);

	return named ? json_from_row(row, f, n) :
	    json_from_row(row, f + 1, n - 1);
}

enum db_status
open311_township_exists(const char *code, int *found)
{
	struct db_arg	 a[] = { DB_TEXT(code) };
	enum db_status	 st;
	long long	 n = 0;

	st = db_query_int(&township, a, 1, &n);
	*found = n > 0;
	return st;
}

enum db_status
open311_outlet_region(long long id, char region[13], int *found)
{
	struct db_arg	 a[] = { DB_INT(id) };
	enum db_status	 st;
	HDF		*h;

	*found = 0;
	region[0] = '\0';
	if (hdf_init(&h) != STATUS_OK)
		return DB_ERROR;
	st = db_query_row(&outlet, a, 1, h, "Outlet", found);
	if (st == DB_OK && *found)
		snprintf(region, 13, "%s", hdf_get_value(h,
		    "Outlet.region_code", ""));
	hdf_destroy(&h);
	return st;
}
