/* Winning-bid sales enterprises (中标销售企业) and where their outlets are. */
#ifndef JDXX_ENTERPRISE_H
#define JDXX_ENTERPRISE_H

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"

#define ENTERPRISE_PAGE_SIZE	20

/* One page of enterprises by name as prefix.N.{id, name, bid_batch, phone,
 * is_demo, outlets}, with their active outlets per county as
 * counties_prefix.N.{enterprise_id, county_code, county, province,
 * outlets}. */
enum db_status	enterprise_list(HDF *, long page, const char *prefix,
		    const char *counties_prefix, long *n, long long *total);

#endif
