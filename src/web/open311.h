/* Open311 GeoReport v2: formats, W3C datetimes, the spec's XML and
 * error lists, and complaints as service requests (never with the
 * complainant's name or phone). */
#ifndef JDXX_OPEN311_H
#define JDXX_OPEN311_H

#include <jansson.h>

#include "base/buf.h"
#include "db/db.h"
#include "domain/service_request.h"

/* The database session's time zone (db.c), shown in every datetime. */
#define OPEN311_UTC_OFFSET	(8 * 3600)
#define OPEN311_TZ		SERVICE_REQUEST_TZ

#define OPEN311_MAX_RANGE	(90LL * 86400)	/* start_date to end_date */
#define OPEN311_MAX_RESULTS	1000		/* a page of requests */
#define OPEN311_OFFSET_MAX	10000		/* rows skipped by page numbers */
#define OPEN311_MAX_IDS		100		/* service_request_id list */

enum open311_format {
	OPEN311_NONE = 0,	/* not a format we serve */
	OPEN311_JSON,
	OPEN311_XML
};

/* The format named by ext ("json" or "xml"). */
enum open311_format open311_format(const char *ext);
/* Splits a path key "name.ext" in place: *name gets the part before
 * the last '.', and the format of ext is returned (NONE without one). */
enum open311_format open311_split(char *key, const char **name);

/* Appends root as JSON, or as XML with the spec's element names: an
 * array becomes <xml_root> holding one <xml_item> per element, an
 * object <xml_root> holding one element per member; arrays inside are
 * named by their key and hold elements named by the key without its
 * final 's'. null is an empty element. Frees root; returns 0 or -1. */
int	open311_emit(json_t *root, enum open311_format, const char *xml_root,
	    const char *xml_item, struct buf *out);
/* Appends s with & < > " ' escaped, leaving out what XML 1.0 forbids. */
int	open311_xml_text(struct buf *out, const char *s);
/* Adds {"code": code, "description": description} to an error list. */
void	open311_error_add(json_t *list, int code, const char *description);

/* Seconds since 1970 (UTC) for a W3C datetime: YYYY-MM-DD (the start
 * of that day at OPEN311_TZ) or YYYY-MM-DDThh:mm[:ss[.s]] followed by Z
 * or +hh:mm / -hh:mm (a '+' sent unencoded arrives as ' ' and counts).
 * Returns 0, or -1 when s is none of these. */
int	open311_datetime_parse(const char *s, long long *t);
/* The same instant as "YYYY-MM-DD hh:mm:ss" at OPEN311_TZ, for SQL. */
void	open311_datetime_local(long long t, char out[20]);
/* 1 for a tracking number's shape, XXXX-XXXX of digits and capitals. */
int	open311_tracking_no_valid(const char *);

struct open311_filter {
	const char	*service_code;	/* NULL: every service */
	int		 open_only;
	int		 closed_only;
	long long	 start;		/* seconds since 1970, inclusive */
	long long	 end;
	long		 page;		/* from 1 */
	long		 page_size;
	const char	*after_at;	/* keyset paging: after_id 0, page */
	long long	 after_id;
};

/* Requests filed in the filter's range, newest first, into requests
 * (struct service_request). */
enum domain_status open311_requests_find(struct arena *,
		    const struct open311_filter *,
		    const struct service_request_scope *,
		    struct arena_list *requests);
/* The spec's request fields of one request, as the scope may see them
 * (a field without a value is null); named: with its service_request_id
 * (a public list leaves the tracking numbers out: half of what tracks a
 * complaint). */
json_t		*open311_request_json(const struct service_request *,
		    const struct service_request_scope *, int named);

#endif
