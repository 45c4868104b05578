/* The site's version: the change counter (sql/013_site_change.sql). */
#include "domain/site_version.h"

/* The change counter, and how many notices wait for their publication
 * time: a notice coming due changes the public pages without a write. */
static struct db_stmt current = DB_READ(
    "SELECT (SELECT COALESCE(SUM(n), 0) FROM site_change) + "
    "1000000000000 * (SELECT COUNT(*) FROM notice "
    "WHERE status = 'published' AND published_at > NOW())");

enum domain_status
site_version(long long *version)
{
	return domain_of_db(db_query_int(&current, NULL, 0, version));
}

enum domain_status
site_ping(void)
{
	return domain_of_db(db_ping());
}
