/* The database: prepared statements only, over one connection per worker
 * to the primary and, with replicas configured, one to a replica for
 * reads. A lost connection is reopened and statements prepared again;
 * reads are retried once, writes never (they may have landed). */
#ifndef JDXX_DB_H
#define JDXX_DB_H

#include <mysql.h>

#include "base/arena.h"

#define DB_MAX_SERVERS	8
#define DB_GTID_MAX	256	/* a GTID position as text, with its NUL */

/* A server: over TCP when host is set, else over the Unix socket. */
struct db_server {
	const char	*host;
	unsigned	 port;
	const char	*socket;
};

struct db_config {
	/* One server, or a primary and its replicas in any order: the one
	 * whose read_only is off takes the writes. */
	struct db_server servers[DB_MAX_SERVERS];
	size_t		 nservers;
	const char	*user;
	const char	*password;
	const char	*name;
	unsigned	 timeout;	/* seconds, for connect, read and write */
	const char	*bind;		/* TCP from this address, or NULL */
	/* TCP connections use TLS, the server's certificate checked
	 * against tls_ca, when it is set; cert and key may be NULL. */
	const char	*tls_ca, *tls_cert, *tls_key;
	unsigned	 max_lag;	/* seconds a replica may be behind */
	unsigned	 wait_ms;	/* for a client's write to reach one */
};

#define DB_LINKS	2	/* connections: the primary, a replica */

/* A statement, declared once next to the code that uses it. Reads
 * (DB_READ) may run on a replica and are retried after a lost
 * connection; reads that must see the primary's state at once (locks,
 * throttles: DB_READ_PRIMARY) are retried too; writes (DB_WRITE) run on
 * the primary and never again. */
struct db_stmt {
	const char	*sql;
	int		 readonly;
	int		 primary;		/* never on a replica */
	MYSQL_STMT	*handle;		/* the one that ran last */
	MYSQL_STMT	*on[DB_LINKS];		/* prepared on each connection */
	struct db_stmt	*next[DB_LINKS];	/* in each one's list */
};

#define DB_READ(sql) \
	{ (sql), 1, 0, NULL, { NULL, NULL }, { NULL, NULL } }
#define DB_READ_PRIMARY(sql) \
	{ (sql), 1, 1, NULL, { NULL, NULL }, { NULL, NULL } }
#define DB_WRITE(sql) \
	{ (sql), 0, 1, NULL, { NULL, NULL }, { NULL, NULL } }
/* A numeric constant written into a statement's text as it is compiled
 * (a LIMIT, an interval): DB_NUMBER(500) is "500". */
#define DB_NUMERAL(x)	#x
#define DB_NUMBER(x)	DB_NUMERAL(x)

enum db_arg_type { DB_ARG_INT, DB_ARG_TEXT, DB_ARG_NULL, DB_ARG_BLOB };

struct db_arg {
	enum db_arg_type	 type;
	long long		 i;
	const char		*s;
	size_t			 len;	/* DB_ARG_BLOB only */
};

#define DB_INT(v)	((struct db_arg){ DB_ARG_INT, (v), NULL, 0 })
#define DB_TEXT(v)	((struct db_arg){ DB_ARG_TEXT, 0, (v), 0 })
#define DB_BLOB(p, n)	((struct db_arg){ DB_ARG_BLOB, 0, (p), (n) })
#define DB_NULLARG	((struct db_arg){ DB_ARG_NULL, 0, NULL, 0 })

enum db_status {
	DB_OK = 0,
	DB_ERROR = -1,		/* the statement failed: a bug, logged */
	DB_DOWN = -2,		/* no connection could be had */
	DB_DUPLICATE = -3	/* a unique key refused the row */
};

void		db_configure(const struct db_config *);
/* Closes every statement and connection. */
void		db_close(void);
/* Whether replicas are configured. */
int		db_replicated(void);
/* Starts a request. gtid, when not NULL, is the client's last write (as
 * db_written gave it): reads on a replica first wait for it, or go to
 * the primary. */
void		db_request_begin(const char *gtid);
/* The GTID position of this request's last write, with replicas; "". */
const char	*db_written(void);
/* Whether g is a GTID position: domain-server-sequence, comma separated. */
int		db_gtid_valid(const char *g);
/* DB_OK when the server answers. */
enum db_status	db_ping(void);

/* One row of a result, as text: a column's value is NULL for SQL NULL. */
struct db_row {
	size_t			 ncol;
	const char *const	*name;
	const char *const	*value;
	const unsigned long	*length;	/* of each value not NULL */
	int			 unique;	/* no two columns share a name */
};
/* Runs a query and calls sink with each row, in order; a sink answering
 * -1 stops it with DB_ERROR. The row is valid only during the call. */
enum db_status	db_query_each(struct db_stmt *, const struct db_arg *,
		    size_t nargs, int (*sink)(void *, const struct db_row *),
		    void *arg);
/* A column of a row by name: its text (NULL for SQL NULL or no such
 * column), its text or "", its value as a number (0 for NULL). */
const char	*db_col(const struct db_row *, const char *name);
const char	*db_text(const struct db_row *, const char *name);
long long	 db_int(const struct db_row *, const char *name);
/* A column's text copied into the arena, to outlive the row: NULL for SQL
 * NULL or no such column. */
const char	*db_keep(struct arena *, const struct db_row *, const char *name);

/* The first column of the first row as bytes, malloc'd into *data
 * (NULL when no row). */
enum db_status	db_query_blob(struct db_stmt *, const struct db_arg *,
		    size_t nargs, char **data, size_t *len);
/* The first column of the first row as a number (0 when no row). */
enum db_status	db_query_int(struct db_stmt *, const struct db_arg *,
		    size_t nargs, long long *value);
/* Whether a count (SELECT COUNT(*) ...) is above 0. */
enum db_status	db_exists(struct db_stmt *, const struct db_arg *,
		    size_t nargs, int *found);
/* The same, telling whether there was a row. */
enum db_status	db_query_int_row(struct db_stmt *, const struct db_arg *,
		    size_t nargs, long long *value, int *found);
/* Runs a write; affected and insert_id may be NULL. */
enum db_status	db_exec(struct db_stmt *, const struct db_arg *, size_t nargs,
		    unsigned long long *affected, unsigned long long *insert_id);

/* Called after each write that reached the database: a committed
 * transaction or a write outside one. NULL: nothing is called. */
void		db_on_write(void (*fn)(void));

/* Transactions: nothing inside one is retried after a lost connection. */
enum db_status	db_begin(void);
enum db_status	db_commit(void);
void		db_rollback(void);
/* Ends a transaction: commits when st is DB_OK, else rolls back.
 * Returns the outcome. */
enum db_status	db_finish(enum db_status st);

#define DB_NARGS(a)	(sizeof(a) / sizeof((a)[0]))

#endif
