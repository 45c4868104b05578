/* Sales enterprises with their outlet counts per county. */
#include "domain/enterprise.h"

static struct db_stmt count_all = DB_READ(
    "SELECT COUNT(*) FROM enterprise");

static struct db_stmt page_of = DB_READ(
    "SELECT e.id, e.name, e.bid_batch, e.phone, e.is_demo, "
    "(SELECT COUNT(*) FROM outlet o WHERE o.enterprise_id = e.id "
    "AND o.status = 'active') AS outlets "
    "FROM enterprise e ORDER BY e.name, e.id LIMIT ? OFFSET ?");

static struct db_stmt counties_of_page = DB_READ(
    "SELECT o.enterprise_id, LEFT(o.region_code, 6) AS county_code, "
    "r.name AS county, p.name AS province, COUNT(*) AS outlets "
    "FROM outlet o JOIN (SELECT id FROM enterprise "
    "ORDER BY name, id LIMIT ? OFFSET ?) pg ON pg.id = o.enterprise_id "
    "LEFT JOIN region r ON r.code = LEFT(o.region_code, 6) "
    "LEFT JOIN region p ON p.code = LEFT(o.region_code, 2) "
    "WHERE o.status = 'active' "
    "GROUP BY o.enterprise_id, LEFT(o.region_code, 6), r.name, p.name "
    "ORDER BY o.enterprise_id, county_code");

enum db_status
enterprise_list(HDF *hdf, long page, const char *prefix,
    const char *counties_prefix, long *n, long long *total)
{
	struct db_arg	 a[] = { DB_INT(ENTERPRISE_PAGE_SIZE),
	    DB_INT((long long)(page - 1) * ENTERPRISE_PAGE_SIZE) };
	enum db_status	 st;
	long		 nc;

	*n = 0;
	if ((st = db_query_int(&count_all, NULL, 0, total)) != DB_OK)
		return st;
	if ((st = db_query(&page_of, a, 2, hdf, prefix, n)) != DB_OK || *n == 0)
		return st;
	return db_query(&counties_of_page, a, 2, hdf, counties_prefix, &nc);
}
