/* What every FastCGI program shares: its route table, the request loop,
 * the error pages and the common page data. */
#ifndef JDXX_APP_H
#define JDXX_APP_H

#include <stddef.h>

#include <ClearSilver/ClearSilver.h>
#include <jansson.h>

#include "base/arena.h"
#include "db/db.h"
#include "domain/workday.h"
#include "web/param.h"
#include "web/request.h"
#include "web/response.h"

/* What a handler returns besides filling the response. */
enum handler_result {
	H_OK = 0,
	H_ERROR = -1,		/* 500: a bug, already logged */
	H_UNAVAILABLE = -2,	/* 503: the database is down */
	H_NOT_FOUND = -3,	/* 404 */
	H_FORBIDDEN = -4	/* 403 */
};

struct staff_user;
struct app;

struct ctx {
	struct request		*req;
	struct response		*resp;
	HDF			*hdf;	/* page data, rendered by ctx_render */
	/* The request's typed values (domain reads put their strings here),
	 * freed with the page data. */
	struct arena		 arena;
	const struct config	*cfg;
	const struct app	*app;
	const struct route	*route;	/* NULL until matched */
	int			 json;	/* errors answer in JSON */
	struct staff_user	*user;	/* the signed-in staff member, or NULL */
	/* Work left to run once the answer is sent: the worker ends the
	 * FastCGI request first and takes no other until it returns. */
	void			(*after)(void *);
	void			*after_arg;
	/* How long a ROUTE_CACHE answer may be kept, in seconds: 0 until
	 * the site changes, < 0 not at all (its numbers are already old). */
	int			 keep_seconds;
};

/* The handler sees invalid parameters itself (to redisplay a form). */
#define ROUTE_FORM	0x1
/* An API route: JSON answers, errors included. */
#define ROUTE_JSON	0x2
/* Takes multipart/form-data (file uploads). */
#define ROUTE_MULTIPART	0x4
/* The same for everyone until the site changes: 200 answers are kept in
 * the worker's page cache. */
#define ROUTE_CACHE	0x8
/* Staff sessions whose second factor is still due reach only routes
 * marked for their stage: the code (ROUTE_OTP, and only then), setting
 * one up (ROUTE_ENROL), or any stage (sign-out). */
#define ROUTE_OTP	0x10
#define ROUTE_ENROL	0x20
#define ROUTE_ANY_STAGE	0x40

struct route {
	/* Exact, or holding one "{id}" (a number from 1) or one "{key}" (1
	 * to REQUEST_MAX_KEY letters, digits, '-', '_' or '.', starting
	 * with a letter or digit). */
	const char		*path;
	unsigned		 methods;	/* M_GET | M_HEAD | M_POST */
	int			(*handle)(struct ctx *);
	const struct param_spec	*params;
	size_t			 nparams;
	unsigned		 flags;
	/* Staff access (src/authz.h ACCESS): the roles allowed and the
	 * object the path names; 0: public. */
	unsigned		 roles;
};

struct app {
	const char		*name;
	const struct route	*routes;
	size_t			 nroutes;
	/* Runs after routing, before validation and the handler: H_OK to
	 * go on, a negative handler_result, or the HTTP status of a
	 * response it filled itself (a redirect to the sign-in page). */
	int			(*before)(struct ctx *);
	const struct request_limits *limits;	/* NULL: the defaults */
	int			 signals_changes;	/* moves the change signal */
	/* Answers an error in another format for the paths it owns (the
	 * Open311 error lists): 1 when it did, 0 for the HTML page. May be
	 * NULL. */
	int			(*error_page)(struct ctx *, int status,
				    const char *reason);
	/* Answers hold private data: never stored by any cache. */
	int			 private_pages;
};

#define PARAMS(p)	(p), (sizeof(p) / sizeof((p)[0]))
#define NOPARAMS	NULL, 0

/* Parses --config and --socket, then serves until told to stop. */
int	app_main(int argc, char **argv, const struct app *);

/* The route for a method and path, with *id set for "{id}" routes and
 * key (when not NULL) for "{key}" routes, "" otherwise. NULL with
 * *allowed set to the methods the path takes, or 0. */
const struct route *route_match(const struct app *, const char *path,
	    enum http_method, long long *id, char key[REQUEST_MAX_KEY + 1],
	    unsigned *allowed);

/* A parameter's text when it was sent and valid, else "". */
const char *ctx_text(const struct ctx *, size_t index);
/* Renders a page inside the layout into the response body. */
enum handler_result ctx_render(struct ctx *, const char *template);
/* Replaces the response with the styled error page for status. */
void	ctx_error_page(struct ctx *, int status, const char *reason);
/* Sets Paging.{page, pages, total, past_end} for a list. */
void	ctx_paging(struct ctx *, long page, long long total, long page_size);
/* Puts the route's present parameters, URL-encoded as a query string
 * (a=1&b=2), under name in the page data, leaving out the parameters
 * named in omit (comma-separated). */
void	ctx_query_string(struct ctx *, const char *name, const char *omit);
/* Answers with root as JSON; root is freed. */
enum handler_result ctx_json(struct ctx *, json_t *root);
/* Marks a form field wrong with a message shown beside it and in the
 * summary, and makes the answer a 400. */
void	ctx_field_error(struct ctx *, const char *field, const char *message);
/* Today's date in the site's time zone, YYYY-MM-DD. */

#endif
