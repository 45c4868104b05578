/* The outlet directory: filters chosen from fixed SQL fragments. */
#include <stdio.h>
#include <string.h>

#include "db/filtered.h"
#include "domain/outlet.h"
#include "domain/reference_cache.h"
#include "domain/region.h"
#include "db/search.h"

#define CARD_COLUMNS(dates, places, kept) \
    "SELECT o.id, o.reg_no, o.name, o.mode, o.address, o.phone, " \
    "o.services, o.status, o.status_reason, " dates ", o.is_demo, " \
    "o.region_code, " places ", o.enterprise_id, " kept " "
/* An outlet's dates are DATEs; a card keeps them as it shows them
 * (sql/036). */
#define DATES_FORMATTED \
    "DATE_FORMAT(o.status_since, '%Y-%m-%d') AS status_since, " \
    "DATE_FORMAT(o.registered_on, '%Y-%m-%d') AS registered_on"
#define DATES_ON_CARD	"o.status_since, o.registered_on"
#define PLACES_NAMED \
    "t.name AS township, c.code AS county_code, c.name AS county"
/* Named afterwards from the worker's region cache (name_local). */
#define PLACES_LOCAL \
    "NULL AS township, NULL AS county_code, NULL AS county"
#define OUTLET_COLUMNS CARD_COLUMNS(DATES_FORMATTED, PLACES_NAMED, \
    "e.name AS enterprise, ocs.names AS categories, " \
    "ocs.codes AS category_codes")
/* From outlet_card (sql/035), which keeps these three itself. */
#define KEPT_ON_CARD	"o.enterprise, o.categories, o.category_codes"

#define REGION_JOINS \
    "LEFT JOIN region t ON t.code = o.region_code " \
    "LEFT JOIN region c ON c.code = t.parent_code "
#define OUTLET_JOINS \
    "JOIN enterprise e ON e.id = o.enterprise_id " \
    "LEFT JOIN outlet_category_summary ocs ON ocs.outlet_id = o.id " \
    REGION_JOINS

#define PAGE_JOIN ") pg JOIN outlet o ON o.id = pg.id " OUTLET_JOINS

/* A Mroonga boolean query made from a keyword. */
#define OUTLET_QUERY_MAX	512

enum {
	OF_REGION = 1, OF_STATUS = 2, OF_CATEGORY = 4, OF_ENTERPRISE = 8
};

/* Without a keyword: InnoDB indexes on region, status and enterprise;
 * the page's ids first, its details after, so only 20 rows are joined. */
static const struct sql_fragment plain_filters[] = {
	{ OF_REGION, " AND o.region_code LIKE CONCAT(?, '%')" },
	{ OF_STATUS, " AND o.status = ?" },
	{ OF_CATEGORY, " AND EXISTS (SELECT 1 FROM outlet_category f "
	    "WHERE f.outlet_id = o.id AND f.category_code = ?)" },
	{ OF_ENTERPRISE, " AND o.enterprise_id = ?" },
};

#define DIRECTORY_ORDER	"ORDER BY o.region_code, o.reg_no"
#define BY_STATUS_INDEX	"FORCE INDEX (outlet_status_region) "

/* A list without a keyword: its statement's head and tail. */
#define PLAIN_LIST(head, tail) { \
	.list_head = head, \
	.count_head = "SELECT COUNT(*) FROM outlet o ", \
	.where = "WHERE 1 = 1", \
	.filters = plain_filters, \
	.nfilters = sizeof(plain_filters) / sizeof(plain_filters[0]), \
	.list_tail = tail, \
	.count_tail = "", \
}

#define DIRECTORY(hint) PLAIN_LIST( \
	OUTLET_COLUMNS "FROM (SELECT o.id FROM outlet o " hint, \
	" " DIRECTORY_ORDER " LIMIT ? OFFSET ?" PAGE_JOIN DIRECTORY_ORDER)

static struct filtered_sql directory = DIRECTORY("");

/*
 * With a status (the public's lists: active) and no enterprise. Once the
 * connection has read an outlet's row by its key (an outlet's page, the
 * exact match of a keyword search), MariaDB 10.11 stops seeing this
 * prepared statement's index as covering, and reads a province's page
 * through every active outlet's entry before it: 21-37 ms for 42 instead
 * of under 1. Named, the index is read as a range again.
 */
static struct filtered_sql directory_by_status = DIRECTORY(BY_STATUS_INDEX);

/* The first pages of a region's list by status read the cards
 * (sql/035) in their key's order, and stop at the page's end. Deeper
 * pages would read every row they skip. */
#define SHALLOW_OFFSET_MAX	200

/* Those first pages carry their count in each row, from the tallies
 * (below): one round trip where the count and the page took two. A
 * country's or a province's sums its townships' rows in a subquery
 * MariaDB runs once; a county's or a township's is one row, joined as a
 * constant. The tally's arguments come first, then the same filters again
 * and the page's. */
#define CARDS	"FROM outlet_card o FORCE INDEX (PRIMARY) "
#define TALLY_SUM(tally, where) \
    ", (SELECT CAST(COALESCE(SUM(k.n), 0) AS SIGNED) FROM " tally " k " \
    "WHERE " where ") AS total " CARDS
/* An inner join: MariaDB then reads the tally row once, where an outer
 * join tested its condition again with every card (a tenth of the
 * statement's server time). Without the row there are no cards to show
 * either, and the page is counted apart, as past the last. */
#define TALLY_ROW(tally, on) \
    ", k.n AS total " CARDS \
    "JOIN " tally " k FORCE INDEX (PRIMARY) ON " on " "
#define COUNTED_CARDS(places, count, joins) PLAIN_LIST( \
    CARD_COLUMNS(DATES_ON_CARD, places, KEPT_ON_CARD) count joins, \
    " " DIRECTORY_ORDER " LIMIT ? OFFSET ?")
#define IN_REGION	"k.region_code LIKE CONCAT(?, '%') AND k.status = ?"

static struct filtered_sql counted_by_status = COUNTED_CARDS(PLACES_NAMED,
    TALLY_SUM("outlet_tally", "k.status = ?"), REGION_JOINS);
static struct filtered_sql counted_in_region = COUNTED_CARDS(PLACES_NAMED,
    TALLY_SUM("outlet_tally", IN_REGION), REGION_JOINS);
/* A county's or a township's page (the county page): no other join, and
 * its count the tally row of its key (sql/034, sql/017). */
static struct filtered_sql counted_in_county = COUNTED_CARDS(PLACES_LOCAL,
    TALLY_ROW("outlet_county_tally", "k.county_code = ? AND k.status = ?"),
    "");
static struct filtered_sql counted_in_township = COUNTED_CARDS(PLACES_LOCAL,
    TALLY_ROW("outlet_tally", "k.region_code = ? AND k.status = ?"), "");

/* Region and status alone are counted from each township's tally
 * (sql/017_outlet_tally.sql): a few dozen rows for a county, not every
 * outlet's index entry. Same bits and order of arguments as above. */
static const struct sql_fragment tally_filters[] = {
	{ OF_REGION, " AND o.region_code LIKE CONCAT(?, '%')" },
	{ OF_STATUS, " AND o.status = ?" },
};

static struct filtered_sql tally =
    FILTERED_TALLY("outlet_tally o", "o.n", tally_filters);

/* With a keyword: Mroonga matches, filters and orders by id itself, and
 * counts no further than the cap, however common the word. */
#define SEARCH_FILTERS(status) { \
	{ OF_REGION, " AND s.region_code LIKE CONCAT(?, '%')" }, \
	{ OF_STATUS, (status) }, \
	{ OF_CATEGORY, " AND s.categories LIKE CONCAT('%,', ?, ',%')" }, \
	{ OF_ENTERPRISE, " AND s.enterprise_id = ?" }, \
}

static const struct sql_fragment keyword_filters[] =
    SEARCH_FILTERS(" AND s.status = ?");

#define MATCH_WHERE	"WHERE MATCH(s.body) AGAINST(? IN BOOLEAN MODE)"
#define SEARCH_COUNT	"SELECT COUNT(*) FROM (SELECT 1 FROM outlet_search s "

/* Outlet search rows by id, a page of them; counted up to the cap. */
#define SEARCH_LIST(where_sql, fragments, count) { \
	.list_head = OUTLET_COLUMNS \
	    "FROM (SELECT s.outlet_id AS id FROM outlet_search s ", \
	.count_head = SEARCH_COUNT, \
	.where = (where_sql), \
	.filters = (fragments), \
	.nfilters = sizeof(fragments) / sizeof((fragments)[0]), \
	.list_tail = " ORDER BY s.outlet_id LIMIT ? OFFSET ?" PAGE_JOIN \
	    "ORDER BY o.id", \
	.count_tail = " LIMIT " DB_NUMBER(OUTLET_KEYWORD_COUNT) ") t" count, \
}

static struct filtered_sql keyword_directory =
    SEARCH_LIST(MATCH_WHERE, keyword_filters, "");

/* One LIKE per word, the words not used "%". */
#define SCAN_WHERE	"WHERE " SEARCH_LIKE_BODY

/* The same keyword search read row by row with LIKE, for a county or a
 * township: its few hundred rows are read in a millisecond or two, where
 * Mroonga gathers every match in the country first (a common word: a
 * second). Also for words found in most outlets, read in id order. */
static struct filtered_sql scan_directory =
    SEARCH_LIST(SCAN_WHERE, keyword_filters, "");

/*
 * A word in most outlets (家电, 指定店) makes Mroonga gather all its
 * matches before it can order or count them: 130 ms for 200,000. Read in
 * id order, a thousand of them are found within a few thousand rows. So
 * the words are tried on the rows first, and LIMIT ROWS EXAMINED gives up
 * (no row comes back) once they prove rarer than one row in four: first
 * on about 100 rows, then, for the count, on about 4,000. MariaDB counts
 * each row read twice and each row counted once. Only counts are cut
 * short: a statement stopped in the middle of a sort leaves the
 * connection unusable (MariaDB 10.11, "Sort aborted").
 */
#define DENSE_PROBE_HITS	25
#define DENSE_PROBE_EXAMINED	225
#define DENSE_COUNT_EXAMINED	9009

/* Counts only: the probe stops at DENSE_PROBE_HITS matches. */
static struct filtered_sql dense_probe = {
	.list_head = "",
	.count_head = SEARCH_COUNT,
	.where = SCAN_WHERE,
	.filters = keyword_filters,
	.nfilters = sizeof(keyword_filters) / sizeof(keyword_filters[0]),
	.list_tail = "",
	.count_tail = " LIMIT " DB_NUMBER(DENSE_PROBE_HITS)
	    ") t LIMIT ROWS EXAMINED " DB_NUMBER(DENSE_PROBE_EXAMINED),
};

static struct filtered_sql dense_count = SEARCH_LIST(SCAN_WHERE,
    keyword_filters, " LIMIT ROWS EXAMINED " DB_NUMBER(DENSE_COUNT_EXAMINED));

/* Mroonga when the count stayed under the cap. With "status = ?" Mroonga
 * orders the matches itself and first spends 7 to 10 ms at 200,000
 * outlets however few they are; with this IN, MariaDB orders the few
 * matches (0.6 ms). Past the cap Mroonga's own ordering is the faster. */
static const struct sql_fragment few_filters[] =
    SEARCH_FILTERS(" AND s.status IN (?, '')");

static struct filtered_sql keyword_few =
    SEARCH_LIST(MATCH_WHERE, few_filters, "");

static struct db_stmt exact = DB_READ(
    OUTLET_COLUMNS "FROM outlet o " OUTLET_JOINS
    "WHERE o.reg_no = ? OR o.phone_digits = ? ORDER BY o.id LIMIT 10");

static struct db_stmt region_of = DB_READ(
    "SELECT region_code FROM outlet WHERE id = ?");

static struct db_stmt get_by_id = DB_READ(
    OUTLET_COLUMNS "FROM outlet o " OUTLET_JOINS "WHERE o.id = ?");

static struct db_stmt check_regno = DB_READ(
    OUTLET_COLUMNS "FROM outlet o " OUTLET_JOINS "WHERE o.reg_no = ?");

static struct db_stmt check_phone = DB_READ(
    OUTLET_COLUMNS "FROM outlet o " OUTLET_JOINS
    "WHERE o.phone_digits = ? ORDER BY o.reg_no LIMIT 11");

/* A name's common words read in id order (see dense_probe). */
static struct db_stmt check_name_scan = DB_READ(
    OUTLET_COLUMNS "FROM (SELECT s.outlet_id AS id FROM outlet_search s "
    SCAN_WHERE " ORDER BY s.outlet_id LIMIT 11" PAGE_JOIN "ORDER BY o.id");

static struct db_stmt check_name = DB_READ(
    OUTLET_COLUMNS "FROM (SELECT s.outlet_id AS id FROM outlet_search s "
    MATCH_WHERE " ORDER BY s.outlet_id LIMIT 11" PAGE_JOIN "ORDER BY o.id");

struct label {
	const char	*code, *name;
};

static const struct label modes[] = {
	{ "direct", "直营" }, { "franchise", "加盟" }, { "authorised", "授权" },
}, services[] = {
	{ "delivery", "送货上门" }, { "install", "安装调试" },
	{ "teach", "使用辅导" }, { "repair", "上门维修" },
}, statuses[] = {
	{ "active", "正常" }, { "suspended", "暂停" }, { "cancelled", "取消" },
};

#define LABEL(table, code) label((table), sizeof(table) / sizeof((table)[0]), (code))

static const char *
label(const struct label *t, size_t n, const char *code)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return t[i].name;
	return "";
}

const char *
outlet_status_name(const char *status)
{
	return LABEL(statuses, status);
}

const char *
outlet_status_code(size_t i)
{
	return i < sizeof(statuses) / sizeof(statuses[0]) ?
	    statuses[i].code : NULL;
}

const char *
outlet_status_move_name(const char *to)
{
	/* Back to active is a restoration, the others keep their name. */
	return strcmp(to, "active") == 0 ? "恢复正常" : outlet_status_name(to);
}

int
outlet_status_valid(const char *status)
{
	return outlet_status_name(status)[0] != '\0';
}

const char *
outlet_mode_name(const char *mode)
{
	return LABEL(modes, mode);
}

/* Appends as much of s to names (used bytes of size taken) as fits with
 * its NUL, as strncat would; returns the bytes now used. */
static size_t
append_cut(char *names, size_t size, size_t used, const char *s)
{
	size_t	 n = strlen(s);

	if (n > size - used - 1)
		n = size - used - 1;
	memcpy(names + used, s, n);
	names[used + n] = '\0';
	return used + n;
}

void
outlet_service_names(const char *codes, char *names, size_t size)
{
	const char	*svc = codes;
	size_t		 i, n, used = 0;

	/* Each card asks: no printf, no rescans of what is written. */
	if (size == 0)
		return;
	names[0] = '\0';
	while (*svc != '\0') {
		n = strcspn(svc, ",");
		for (i = 0; i < sizeof(services) / sizeof(services[0]); i++)
			if (strlen(services[i].code) == n &&
			    memcmp(services[i].code, svc, n) == 0) {
				if (used > 0)
					used = append_cut(names, size, used,
					    "、");
				used = append_cut(names, size, used,
				    services[i].name);
			}
		svc += n + (svc[n] == ',');
	}
}

/* Where a read of outlets puts its rows. */
struct outlet_sink {
	struct arena		*arena;
	struct arena_list	*list;	/* the rows; NULL: one row */
	struct outlet		*one;	/* where the one row goes */
	int			 found;
	long long		*total;	/* the rows' total column, if any */
};

/* Read in CARD_COLUMNS' order: db_col looks first where the last column
 * read was found. */
static void
outlet_from_row(struct arena *a, const struct db_row *r, struct outlet *o)
{
	o->id = db_int(r, "id");
	o->reg_no = db_keep(a, r, "reg_no");
	o->name = db_keep(a, r, "name");
	o->mode = db_keep(a, r, "mode");
	o->address = db_keep(a, r, "address");
	o->phone = db_keep(a, r, "phone");
	o->services = db_keep(a, r, "services");
	o->status = db_keep(a, r, "status");
	o->status_reason = db_keep(a, r, "status_reason");
	o->status_since = db_keep(a, r, "status_since");
	o->registered_on = db_keep(a, r, "registered_on");
	o->is_demo = db_int(r, "is_demo") != 0;
	o->region_code = db_keep(a, r, "region_code");
	o->township = db_keep(a, r, "township");
	o->county_code = db_keep(a, r, "county_code");
	o->county = db_keep(a, r, "county");
	o->enterprise_id = db_int(r, "enterprise_id");
	o->enterprise = db_keep(a, r, "enterprise");
	o->categories = db_keep(a, r, "categories");
	o->category_codes = db_keep(a, r, "category_codes");
}

static int
add_outlet(void *arg, const struct db_row *r)
{
	struct outlet_sink	*s = arg;
	struct outlet		*o = s->one;

	if (s->list != NULL &&
	    (o = arena_push(s->arena, s->list, sizeof(*o))) == NULL)
		return -1;
	outlet_from_row(s->arena, r, o);
	if (s->total != NULL)
		*s->total = db_int(r, "total");
	s->found = 1;
	return 0;
}

/* The rows of statement s added to list. */
static enum db_status
read_outlets(struct db_stmt *s, const struct db_arg *a, size_t na,
    struct arena *arena, struct arena_list *list)
{
	struct outlet_sink	 sink = { arena, list, NULL, 0, NULL };
	enum db_status		 st;

	if ((st = db_query_each(s, a, na, add_outlet, &sink)) != DB_OK)
		return st;
	return arena->failed ? DB_ERROR : DB_OK;
}

/* The filters' arguments, in the order of their fragments; their bits. */
static unsigned
filter_args(const struct outlet_query *q, struct db_arg *a, size_t *na)
{
	unsigned	 mask = 0;

	if (q->region[0] != '\0') {
		mask |= OF_REGION;
		a[(*na)++] = DB_TEXT(q->region);
	}
	if (q->status[0] != '\0') {
		mask |= OF_STATUS;
		a[(*na)++] = DB_TEXT(q->status);
	}
	if (q->category[0] != '\0') {
		mask |= OF_CATEGORY;
		a[(*na)++] = DB_TEXT(q->category);
	}
	if (q->enterprise > 0) {
		mask |= OF_ENTERPRISE;
		a[(*na)++] = DB_INT(q->enterprise);
	}
	return mask;
}

/* Whether the words are in one row in four read in id order
 * (or in every row there is: *hits then counts them all). */
static enum db_status
words_dense(const struct db_arg *a, size_t na, unsigned mask,
    long long *hits, int *dense)
{
	struct db_stmt	*probe = filtered_count(&dense_probe, mask);

	*dense = 0;
	if (probe == NULL)
		return DB_ERROR;
	return db_query_int_row(probe, a, na, hits, dense);
}

/* The count of words found in one row in four read in id order;
 * *dense 0 when they proved rarer. */
static enum db_status
dense_total(const struct db_arg *a, size_t na, unsigned mask,
    long long *total, int *dense)
{
	struct db_stmt	*count = filtered_count(&dense_count, mask);
	enum db_status	 st;

	if (count == NULL)
		return DB_ERROR;
	st = words_dense(a, na, mask, total, dense);
	if (st != DB_OK || !*dense || *total < DENSE_PROBE_HITS)
		return st;
	return db_query_int_row(count, a, na, total, dense);
}

/* The count of a national or provincial keyword search, and the
 * statements that list it: a[] holds the LIKE patterns (when words > 0)
 * and the filters, and is rewritten for Mroonga when needed, its query
 * in ftq (the caller's, so that it outlives this call). */
static enum db_status
keyword_total(const struct outlet_query *q, int words, struct db_arg *a,
    size_t *na, unsigned mask, long long *total, struct filtered_sql **f,
    char ftq[OUTLET_QUERY_MAX])
{
	struct db_stmt	*count;
	enum db_status	 st;
	int		 dense = 0;

	if (words > 0 &&
	    (st = dense_total(a, *na, mask, total, &dense)) != DB_OK)
		return st;
	if (dense) {
		*f = &scan_directory;
		return DB_OK;
	}
	/* Mroonga matches nothing for an empty query. */
	if (search_query(ftq, OUTLET_QUERY_MAX, q->keyword) < 1)
		ftq[0] = '\0';
	*na = 0;
	a[(*na)++] = DB_TEXT(ftq);
	filter_args(q, a, na);
	if ((count = filtered_count(&keyword_directory, mask)) == NULL)
		return DB_ERROR;
	if ((st = db_query_int(count, a, *na, total)) != DB_OK)
		return st;
	*f = *total < OUTLET_KEYWORD_COUNT ? &keyword_few : &keyword_directory;
	return DB_OK;
}

/* Names the township and county of the outlets of region, a county or a
 * township, from the worker's region cache: its own path and children
 * hold every name needed. */
static enum db_status
name_local(const char *region, struct arena_list *rows)
{
	struct arena_list	 path, children;
	const struct region	*county, *township, *t;
	struct outlet		*o;
	size_t			 i, j, level;
	enum domain_status	 ds;

	if (rows->n == 0)
		return DB_OK;
	ds = reference_region(region, &path, &children);
	if (ds == DOMAIN_UNAVAILABLE)
		return DB_DOWN;
	if (ds != DOMAIN_OK && ds != DOMAIN_NOT_FOUND)
		return DB_ERROR;
	/* A county's townships are its children; a township is itself.
	 * Without its region rows an outlet goes unnamed, as a join left it. */
	level = strlen(region) == 6 ? 1 : 2;
	if (path.n < level)
		return DB_OK;
	county = region_at(&path, path.n - level);
	township = level == 2 ? region_at(&path, path.n - 1) : NULL;
	for (i = 0; i < rows->n; i++) {
		o = &((struct outlet *)rows->item)[i];
		o->county_code = county->code;
		o->county = county->name;
		t = township;
		for (j = 0; t == NULL && j < children.n; j++)
			if (strcmp(region_at(&children, j)->code,
			    o->region_code) == 0)
				t = region_at(&children, j);
		o->township = t != NULL ? t->name : NULL;
	}
	return DB_OK;
}

/* A first page by status and perhaps region, with its count: *total
 * is left alone when the page has no rows. */
static enum db_status
counted_page(struct arena *arena, const struct db_arg *a, size_t na,
    unsigned mask, long long offset, const char *region,
    struct arena_list *rows, long long *total)
{
	struct filtered_sql	*f = !(mask & OF_REGION) ? &counted_by_status :
	    strlen(region) == 6 ? &counted_in_county :
	    strlen(region) == 9 ? &counted_in_township : &counted_in_region;
	struct outlet_sink	 sink = { arena, rows, NULL, 0, total };
	struct db_arg		 b[8];
	struct db_stmt		*list;
	enum db_status		 st;
	size_t			 i;

	if (na * 2 + 2 > sizeof(b) / sizeof(b[0]) ||
	    (list = filtered_list(f, mask)) == NULL)
		return DB_ERROR;
	for (i = 0; i < na; i++)
		b[i] = b[na + i] = a[i];
	b[na * 2] = DB_INT(OUTLET_PAGE_SIZE);
	b[na * 2 + 1] = DB_INT(offset);
	if ((st = db_query_each(list, b, na * 2 + 2, add_outlet, &sink)) !=
	    DB_OK)
		return st;
	if (arena->failed)
		return DB_ERROR;
	return f == &counted_in_county || f == &counted_in_township ?
	    name_local(region, rows) : DB_OK;
}

/* The count of q's outlets, then the rows of its page into rows. */
static enum db_status
find(struct arena *arena, const struct outlet_query *q,
    struct arena_list *rows, long long *total)
{
	struct filtered_sql	*f = &directory;
	struct db_arg		 a[16];
	struct db_stmt		*list, *count;
	char			 like[SEARCH_MAX_TERMS][SEARCH_PATTERN_MAX];
	char			 ftq[OUTLET_QUERY_MAX];
	unsigned		 mask;
	size_t			 na = 0, i;
	enum db_status		 st;
	long long		 offset;
	int			 words = 0, counted = 0;

	*total = 0;
	if (q->keyword[0] != '\0' &&
	    (words = search_like_patterns(like, q->keyword)) > 0)
		for (i = 0; i < SEARCH_MAX_TERMS; i++)
			a[na++] = DB_TEXT(like[i]);
	mask = filter_args(q, a, &na);
	offset = (long long)(q->page - 1) * OUTLET_PAGE_SIZE;
	/* A page past the last has no row to carry the count: counted below. */
	if (q->keyword[0] == '\0' && (mask & ~OF_REGION) == OF_STATUS &&
	    offset < SHALLOW_OFFSET_MAX) {
		st = counted_page(arena, a, na, mask, offset, q->region, rows,
		    total);
		if (st != DB_OK || rows->n > 0)
			return st;
		counted = 1;
	}
	if (q->keyword[0] == '\0' ||
	    (words > 0 && strlen(q->region) >= OUTLET_SCAN_REGION)) {
		if (q->keyword[0] != '\0')
			f = &scan_directory;
		else if ((mask & (OF_STATUS | OF_ENTERPRISE)) == OF_STATUS)
			f = &directory_by_status;
		count = q->keyword[0] == '\0' &&
		    (mask & ~(OF_REGION | OF_STATUS)) == 0 ?
		    filtered_count(&tally, mask) : filtered_count(f, mask);
		if (count == NULL)
			return DB_ERROR;
		st = db_query_int(count, a, na, total);
	} else
		st = keyword_total(q, words, a, &na, mask, total, &f, ftq);
	if (st != DB_OK || *total == 0 || counted)
		return st;
	if ((list = filtered_list(f, mask)) == NULL)
		return DB_ERROR;
	a[na++] = DB_INT(OUTLET_PAGE_SIZE);
	a[na++] = DB_INT(offset);
	return read_outlets(list, a, na, arena, rows);
}

enum domain_status
outlet_find(struct arena *arena, const struct outlet_query *q,
    struct arena_list *list, long long *total)
{
	memset(list, 0, sizeof(*list));
	return domain_of_db(find(arena, q, list, total));
}

enum domain_status
outlet_exact(struct arena *arena, const char *keyword,
    struct arena_list *list)
{
	struct db_arg	 a[2];
	char		 phone[32];

	memset(list, 0, sizeof(*list));
	search_phone_digits(phone, sizeof(phone), keyword);
	a[0] = DB_TEXT(keyword);
	a[1] = phone[0] ? DB_TEXT(phone) : DB_NULLARG;
	return domain_of_db(read_outlets(&exact, a, 2, arena, list));
}

enum domain_status
outlet_get(struct arena *arena, long long id, struct outlet *o)
{
	struct db_arg		 a[] = { DB_INT(id) };
	struct outlet_sink	 sink = { arena, NULL, o, 0, NULL };
	enum db_status		 st;

	memset(o, 0, sizeof(*o));
	if ((st = db_query_each(&get_by_id, a, 1, add_outlet, &sink)) != DB_OK)
		return domain_of_db(st);
	if (arena->failed)
		return DOMAIN_INTERNAL;
	return sink.found ? DOMAIN_OK : DOMAIN_NOT_FOUND;
}

/* outlet_check's statements in turn until one finds outlets. */
static enum db_status
check(struct arena *arena, const char *q, enum outlet_check_kind *kind,
    struct arena_list *list)
{
	struct db_arg	 a[1], l[SEARCH_MAX_TERMS];
	char		 buf[512];
	char		 like[SEARCH_MAX_TERMS][SEARCH_PATTERN_MAX];
	enum db_status	 st;
	long long	 hits;
	size_t		 i;
	int		 dense = 0;

	a[0] = DB_TEXT(q);
	if ((st = read_outlets(&check_regno, a, 1, arena, list)) != DB_OK)
		return st;
	if (list->n > 0) {
		*kind = CHECK_REGNO;
		return DB_OK;
	}
	search_phone_digits(buf, sizeof(buf), q);
	if (buf[0] != '\0') {
		a[0] = DB_TEXT(buf);
		if ((st = read_outlets(&check_phone, a, 1, arena, list)) !=
		    DB_OK)
			return st;
		if (list->n > 0) {
			*kind = CHECK_PHONE;
			return DB_OK;
		}
	}
	if (search_like_patterns(like, q) > 0) {
		for (i = 0; i < SEARCH_MAX_TERMS; i++)
			l[i] = DB_TEXT(like[i]);
		if ((st = words_dense(l, SEARCH_MAX_TERMS, 0, &hits,
		    &dense)) != DB_OK)
			return st;
	}
	if (dense)
		st = read_outlets(&check_name_scan, l, SEARCH_MAX_TERMS, arena,
		    list);
	else if (search_query(buf, sizeof(buf), q) < 1)
		return DB_OK;
	else {
		a[0] = DB_TEXT(buf);
		st = read_outlets(&check_name, a, 1, arena, list);
	}
	if (st != DB_OK)
		return st;
	if (list->n > 0)
		*kind = CHECK_NAME;
	return DB_OK;
}

enum domain_status
outlet_check(struct arena *arena, const char *q,
    enum outlet_check_kind *kind, struct arena_list *list)
{
	*kind = CHECK_NONE;
	memset(list, 0, sizeof(*list));
	return domain_of_db(check(arena, q, kind, list));
}

/* Copies the region code of the one row into the caller's buffer. */
static int
keep_region(void *arg, const struct db_row *r)
{
	snprintf(arg, 13, "%s", db_text(r, "region_code"));
	return 0;
}

enum domain_status
outlet_region_of(long long id, char region[13], int *found)
{
	struct db_arg	 a[] = { DB_INT(id) };
	enum db_status	 st;

	region[0] = '\0';
	st = db_query_each(&region_of, a, 1, keep_region, region);
	/* A township code is never empty: the row was there. */
	*found = st == DB_OK && region[0] != '\0';
	return domain_of_db(st);
}

int
outlet_is_designated(const struct outlet *o)
{
	return o->status != NULL && strcmp(o->status, "active") == 0;
}
