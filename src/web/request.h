/* One HTTP request as FastCGI hands it over, parsed within hard limits. */
#ifndef JDXX_REQUEST_H
#define JDXX_REQUEST_H

#include <time.h>

#include <fcgiapp.h>

#include "web/form.h"
#include "web/multipart.h"
#include "web/param.h"

enum http_method {
	M_GET = 1, M_HEAD = 2, M_POST = 4, M_OTHER = 8
};

#define REQUEST_MAX_PATH	256
#define REQUEST_MAX_QUERY	2048
#define REQUEST_MAX_BODY	(64 * 1024)	/* public urlencoded forms */
#define REQUEST_MAX_FIELD	(16 * 1024)
#define REQUEST_MAX_PARAMS	24
#define REQUEST_MAX_KEY		64	/* a {key} path segment, bytes */

struct request {
	enum http_method	 method;
	const char		*method_name;
	const char		*path;
	const char		*remote_addr;
	struct kvlist		 query;
	struct kvlist		 body;
	struct kvlist		 cookies;
	char			*multipart;	/* raw multipart body, or NULL */
	size_t			 multipart_len;
	struct multipart	 parts;		/* pointing into multipart */
	long long		 path_id;	/* the {id} of /things/{id} */
	char			 path_key[REQUEST_MAX_KEY + 1]; /* {key} of /x/{key} */
	struct param_value	 param[REQUEST_MAX_PARAMS];
	size_t			 param_errors;
	struct timespec		 started;
};

/* What a program accepts in a request body. */
struct request_limits {
	size_t	 max_form;	/* urlencoded body, bytes */
	size_t	 max_field;	/* one decoded field, bytes */
	size_t	 max_multipart;	/* multipart body, bytes; 0 refuses it */
	/* The one path that takes multipart bodies; NULL: any path. */
	const char *multipart_path;
};

/* The public pages' limits: small forms, no uploads. */
extern const struct request_limits request_default_limits;

/* The outcome of reading a request: 0, or the 4xx status to answer with
 * and a Chinese reason. */
struct request_error {
	int		 status;
	const char	*reason;
};

void	request_init(struct request *);
void	request_free(struct request *);
/* Reads method, path, query, cookies and (for POST) the body from the
 * FastCGI environment and input stream, within the limits; a multipart
 * body is parsed into parts, and its plain fields are also put into
 * body, so that a form's parameters read the same either way. */
struct request_error request_read(struct request *, char **envp,
	    FCGX_Stream *in, const struct request_limits *);
/* The same from plain strings, for tests and tools. */
struct request_error request_parse(struct request *, const char *method,
	    const char *path, const char *query, const char *cookie,
	    const char *content_type, const char *body, size_t bodylen,
	    const struct request_limits *);

#endif
