/* Complaints as service requests (Open311 GeoReport v2), read from the
 * database: a key sees whole requests of its region, the public only
 * what the statistics show. Never the complainant's name or phone. */
#ifndef JDXX_SERVICE_REQUEST_H
#define JDXX_SERVICE_REQUEST_H

#include "base/arena.h"
#include "db/db.h"
#include "domain/result.h"

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
	/* Keyset paging: the rows after a cursor (after_id 0: page). */
	const char	*after_at;	/* "YYYY-MM-DD hh:mm:ss" */
	long long	 after_id;
};

/* Who reads: the public, without a key, sees what the statistics show
 * (the service, the status, the dates and the shop's county); a key
 * sees whole requests, but only those inside its region. */
struct service_request_scope {
	int		 keyed;		/* 0: the public */
	const char	*region;	/* a key's region; "" the whole country */
};

/* A complaint as a service request, with the spec's field names;
 * strings live in the arena of the read. NULL for SQL NULL, and for
 * what the public's read leaves out: status_notes, description and
 * expected_datetime. Datetimes are W3C text at SERVICE_REQUEST_TZ. */
struct service_request {
	const char	*service_request_id;	/* the tracking number */
	const char	*status;		/* "open" or "closed" */
	const char	*status_notes;		/* the latest public reply */
	const char	*service_name;		/* the category's name */
	const char	*service_code;		/* and code */
	const char	*description;
	const char	*agency_responsible;	/* the county's bureau */
	const char	*requested_datetime;
	const char	*updated_datetime;
	const char	*expected_datetime;	/* the deadline running now */
	const char	*address;
	const char	*county_code;
	const char	*cursor;	/* the next page starts after it */
};

/* The i-th of a list of struct service_request. */
static inline const struct service_request *
service_request_at(const struct arena_list *l, size_t i)
{
	return &((const struct service_request *)l->item)[i];
}

/* Requests filed in the filter's range, newest first, into requests
 * (struct service_request). */
enum domain_status service_requests_find(struct arena *,
		    const struct service_request_filter *,
		    const struct service_request_scope *,
		    struct arena_list *requests);
/* One request by tracking number; DOMAIN_NOT_FOUND for one outside the
 * scope's region, as for an unknown number. */
enum domain_status service_request_get(struct arena *,
		    const char *tracking_no,
		    const struct service_request_scope *,
		    struct service_request *);

/* A cursor as a row gave it (opaque to clients): its time into at and
 * its id; -1 when it is not one. */
int		service_request_cursor_parse(const char *, char at[20],
		    long long *id);

#endif
