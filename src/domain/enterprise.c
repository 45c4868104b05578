/* Sales enterprises with their outlet counts per county. */
#include <string.h>

#include "domain/enterprise.h"

static struct db_stmt count_all = DB_READ(
    "SELECT COUNT(*) FROM enterprise");

/* Each enterprise with its active outlets and the counties they are in,
 * both counted from the index of enterprise, status and region (sql/024);
 * the counties themselves are on the enterprise's own page, so the list
 * stays small at 1,000 enterprises over 200,000 outlets. */
static struct db_stmt page_of = DB_READ(
    "SELECT e.id, e.name, e.bid_batch, e.phone, e.is_demo, "
    "(SELECT COUNT(*) FROM outlet o WHERE o.enterprise_id = e.id "
    "AND o.status = 'active') AS outlets, "
    "(SELECT COUNT(DISTINCT LEFT(o.region_code, 6)) FROM outlet o "
    "WHERE o.enterprise_id = e.id AND o.status = 'active') AS counties "
    "FROM enterprise e ORDER BY e.name, e.id LIMIT ? OFFSET ?");

static struct db_stmt one_enterprise = DB_READ(
    "SELECT e.id, e.name, e.bid_batch, e.phone, e.is_demo, "
    "(SELECT COUNT(*) FROM outlet o WHERE o.enterprise_id = e.id "
    "AND o.status = 'active') AS outlets "
    "FROM enterprise e WHERE e.id = ?");

static struct db_stmt counties_of = DB_READ(
    "SELECT o.enterprise_id, LEFT(o.region_code, 6) AS county_code, "
    "r.name AS county, p.name AS province, COUNT(*) AS outlets "
    "FROM outlet o "
    "LEFT JOIN region r ON r.code = LEFT(o.region_code, 6) "
    "LEFT JOIN region p ON p.code = LEFT(o.region_code, 2) "
    "WHERE o.enterprise_id = ? AND o.status = 'active' "
    "GROUP BY o.enterprise_id, LEFT(o.region_code, 6), r.name, p.name "
    "ORDER BY county_code");

/* Where a read puts its rows. */
struct sink {
	struct arena		*arena;
	struct arena_list	*list;
};

void
enterprise_from_row(struct arena *a, const struct db_row *r,
    struct enterprise *e)
{
	e->id = db_int(r, "id");
	e->name = db_keep(a, r, "name");
	e->bid_batch = db_keep(a, r, "bid_batch");
	e->phone = db_keep(a, r, "phone");
	e->is_demo = db_int(r, "is_demo") != 0;
	e->outlets = db_int(r, "outlets");
	e->counties = db_int(r, "counties");
}

static int
add_enterprise(void *arg, const struct db_row *r)
{
	struct sink		*s = arg;
	struct enterprise	*e;

	if ((e = arena_push(s->arena, s->list, sizeof(*e))) == NULL)
		return -1;
	enterprise_from_row(s->arena, r, e);
	return 0;
}

static int
add_county(void *arg, const struct db_row *r)
{
	struct sink			*s = arg;
	struct enterprise_county	*k;

	if ((k = arena_push(s->arena, s->list, sizeof(*k))) == NULL)
		return -1;
	k->enterprise_id = db_int(r, "enterprise_id");
	k->county_code = db_keep(s->arena, r, "county_code");
	k->county = db_keep(s->arena, r, "county");
	k->province = db_keep(s->arena, r, "province");
	k->outlets = db_int(r, "outlets");
	return 0;
}

static enum db_status
read_page(struct arena *arena, long page, struct enterprise_page *out)
{
	struct db_arg	 a[] = { DB_INT(ENTERPRISE_PAGE_SIZE),
	    DB_INT((long long)(page - 1) * ENTERPRISE_PAGE_SIZE) };
	struct sink	 s = { arena, &out->enterprises };
	enum db_status	 st;

	if ((st = db_query_int(&count_all, NULL, 0, &out->total)) != DB_OK)
		return st;
	return db_query_each(&page_of, a, 2, add_enterprise, &s);
}

enum domain_status
enterprise_list(struct arena *arena, long page, struct enterprise_page *out)
{
	enum db_status	 st;

	memset(out, 0, sizeof(*out));
	if ((st = read_page(arena, page, out)) != DB_OK)
		return domain_of_db(st);
	return arena->failed ? DOMAIN_INTERNAL : DOMAIN_OK;
}

enum domain_status
enterprise_counties(struct arena *arena, long long id, struct enterprise *e,
    struct arena_list *counties)
{
	struct db_arg	 a = DB_INT(id);
	struct arena_list found = { 0 };
	struct sink	 s = { arena, &found };
	enum db_status	 st;

	memset(e, 0, sizeof(*e));
	memset(counties, 0, sizeof(*counties));
	if ((st = db_query_each(&one_enterprise, &a, 1, add_enterprise,
	    &s)) != DB_OK)
		return domain_of_db(st);
	if (found.n == 0)
		return arena->failed ? DOMAIN_INTERNAL : DOMAIN_NOT_FOUND;
	*e = *enterprise_at(&found, 0);
	s.list = counties;
	if ((st = db_query_each(&counties_of, &a, 1, add_county, &s)) != DB_OK)
		return domain_of_db(st);
	e->counties = (long long)counties->n;
	return arena->failed ? DOMAIN_INTERNAL : DOMAIN_OK;
}
