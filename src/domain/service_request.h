/* Complaints as service requests (Open311 GeoReport v2), read from the
 * database: a key sees whole requests of its region, the public only
 * what the statistics show. Never the complainant's name or phone. */
#ifndef JDXX_SERVICE_REQUEST_H
#define JDXX_SERVICE_REQUEST_H

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"

/* The database session's time zone (db.c), in every datetime read. */
#define SERVICE_REQUEST_TZ	"+08:00"

struct service_request_filter {
	const char	*service_code;	/* NULL: every service */
	int		 open_only;
	int		 closed_only;
	const char	*start;		/* "YYYY-MM-DD hh:mm:ss", inclusive */
	const char	*end;
	long		 page;		/* from 1 */
	long		 page_size;
};

/* Who reads: the public, without a key, sees what the statistics show
 * (the service, the status, the dates and the shop's county); a key
 * sees whole requests, but only those inside its region. */
struct service_request_scope {
	int		 keyed;		/* 0: the public */
	const char	*region;	/* a key's region; "" the whole country */
};

/* Requests filed in the filter's range, newest first, as prefix.N.*. */
enum db_status	service_requests_find(HDF *,
		    const struct service_request_filter *,
		    const struct service_request_scope *, const char *prefix,
		    long *n);
/* One request by tracking number under prefix; *found is 0 for one
 * outside the scope's region, as for an unknown number. */
enum db_status	service_request_get(HDF *, const char *tracking_no,
		    const struct service_request_scope *, const char *prefix,
		    int *found);

#endif
