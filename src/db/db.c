/* MariaDB Connector/C behind prepared statements. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <errmsg.h>
#include <mysqld_error.h>

#include "db/db.h"
#include "base/log.h"
#include "db/db_servers.h"

#define DB_MAX_ARGS	32
#define DB_MAX_COLUMNS	48
/* How often a replica in use is asked again how far behind it is. */
#define READER_CHECK_MS	1000
/* How often a worker that found no primary looks again. */
#define PRIMARY_RETRY_MS 1000

/* A worker's connections: writes, transactions and locks on the
 * primary; with replicas configured, reads outside a transaction on one
 * of them. */
enum link_kind { LINK_PRIMARY, LINK_READER };

struct link {
	MYSQL		*m;
	size_t		 server;	/* its index in the configuration */
	struct db_stmt	*prepared;	/* statements holding a handle on it */
	struct timespec	 checked;	/* a replica's last look at its lag */
};

static struct db_config	 cfg;
static struct link	 links[DB_LINKS];
static int		 in_transaction;
static size_t		 primary_at;	/* where the primary was last found */
static int		 primary_gone;	/* no server took writes at the last look */
static struct timespec	 primary_tried;
static size_t		 reader_from;	/* where this worker looks for a replica */
static int		 reads_on_primary; /* this request: its reads see its writes */
static int		 seen_waited;	/* the client's write was found on the replica */
static char		 seen[DB_GTID_MAX];	/* the client's last write */
static char		 written[DB_GTID_MAX];	/* this request's last write */

static void	(*on_write)(void);

void
db_configure(const struct db_config *c)
{
	cfg = *c;
	primary_at = 0;
	/* Each worker (configured after the fork) starts at its own replica. */
	reader_from = cfg.nservers > 0 ? (size_t)getpid() % cfg.nservers : 0;
}

int
db_replicated(void)
{
	return cfg.nservers > 1;
}

static long long
ms_since(const struct timespec *t)
{
	struct timespec	 now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000LL +
	    (now.tv_nsec - t->tv_nsec) / 1000000;
}

static void
link_close(enum link_kind k)
{
	struct link	*l = &links[k];
	struct db_stmt	*s, *next;

	for (s = l->prepared; s != NULL; s = next) {
		next = s->next[k];
		if (s->handle == s->on[k])
			s->handle = NULL;
		mysql_stmt_close(s->on[k]);
		s->on[k] = NULL;
		s->next[k] = NULL;
	}
	l->prepared = NULL;
	if (l->m != NULL) {
		mysql_close(l->m);
		l->m = NULL;
	}
}

void
db_close(void)
{
	in_transaction = 0;
	link_close(LINK_PRIMARY);
	link_close(LINK_READER);
}

static int
is_connection_error(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == CR_SERVER_LOST_EXTENDED || e == ER_CONNECTION_KILLED ||
	    e == ER_SERVER_SHUTDOWN || e == CR_COMMANDS_OUT_OF_SYNC ||
	    e == CR_SSL_CONNECTION_ERROR;
}

/* The primary: with one server, that server; with several, the one whose
 * read_only is off, looked for from where it was last found. */
static enum db_status
primary_connect(void)
{
	struct link	*l = &links[LINK_PRIMARY];
	size_t		 k, i;
	MYSQL		*m;

	if (l->m != NULL)
		return DB_OK;
	if (primary_gone && ms_since(&primary_tried) < PRIMARY_RETRY_MS)
		return DB_DOWN;
	clock_gettime(CLOCK_MONOTONIC, &primary_tried);
	for (k = 0; k < cfg.nservers; k++) {
		i = (primary_at + k) % cfg.nservers;
		if ((m = server_open(&cfg, i)) == NULL)
			continue;
		if (!db_replicated() || server_takes_writes(m) == 1) {
			l->m = m;
			l->server = primary_at = i;
			primary_gone = 0;
			return DB_OK;
		}
		mysql_close(m);
	}
	primary_gone = db_replicated();
	return DB_DOWN;
}

/* Whether the replica on m may serve reads now. */
static int
replica_usable(MYSQL *m)
{
	struct replica_state	 r;

	return server_replica_state(m, &r) == 0 &&
	    replica_serves_reads(&r, cfg.max_lag, primary_gone);
}

/* A replica for reads, its lag looked at again every READER_CHECK_MS;
 * DB_DOWN when none may serve them. */
static enum db_status
reader_connect(void)
{
	struct link	*l = &links[LINK_READER];
	size_t		 k, i;
	MYSQL		*m;

	if (l->m != NULL && ms_since(&l->checked) < READER_CHECK_MS)
		return DB_OK;
	if (l->m != NULL && replica_usable(l->m)) {
		clock_gettime(CLOCK_MONOTONIC, &l->checked);
		return DB_OK;
	}
	link_close(LINK_READER);
	for (k = 0; k < cfg.nservers; k++) {
		i = (reader_from + k) % cfg.nservers;
		if (links[LINK_PRIMARY].m != NULL &&
		    i == links[LINK_PRIMARY].server)
			continue;
		if ((m = server_open(&cfg, i)) == NULL)
			continue;
		if (replica_usable(m)) {
			l->m = m;
			l->server = reader_from = i;
			clock_gettime(CLOCK_MONOTONIC, &l->checked);
			return DB_OK;
		}
		mysql_close(m);
	}
	return DB_DOWN;
}

enum db_status
db_ping(void)
{
	if (db_replicated() && reader_connect() == DB_OK)
		return DB_OK;
	if (primary_connect() != DB_OK)
		return DB_DOWN;
	if (mysql_ping(links[LINK_PRIMARY].m) == 0)
		return DB_OK;
	link_close(LINK_PRIMARY);
	return primary_connect();
}

static enum db_status
prepare(struct db_stmt *s, enum link_kind k)
{
	struct link	*l = &links[k];
	MYSQL_STMT	*h;

	if (s->on[k] != NULL)
		return DB_OK;
	if ((h = mysql_stmt_init(l->m)) == NULL)
		return DB_DOWN;
	if (mysql_stmt_prepare(h, s->sql, strlen(s->sql)) != 0) {
		unsigned e = mysql_stmt_errno(h);

		log_error("db prepare: %s: %s", mysql_stmt_error(h), s->sql);
		mysql_stmt_close(h);
		return is_connection_error(e) ? DB_DOWN : DB_ERROR;
	}
	s->on[k] = h;
	s->next[k] = l->prepared;
	l->prepared = s;
	return DB_OK;
}

static int
bind_args(struct db_stmt *s, const struct db_arg *args, size_t n)
{
	/* Static: the library keeps pointers to these until execute runs. */
	static MYSQL_BIND	 b[DB_MAX_ARGS];
	static unsigned long	 len[DB_MAX_ARGS];
	size_t			 i;

	if (n > DB_MAX_ARGS || mysql_stmt_param_count(s->handle) != n) {
		log_error("db bind: %zu arguments for: %s", n, s->sql);
		return -1;
	}
	memset(b, 0, sizeof(b));
	for (i = 0; i < n; i++) {
		switch (args[i].type) {
		case DB_ARG_INT:
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&args[i].i;
			break;
		case DB_ARG_TEXT:
			len[i] = strlen(args[i].s);
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)args[i].s;
			b[i].buffer_length = len[i];
			b[i].length = &len[i];
			break;
		case DB_ARG_BLOB:
			len[i] = args[i].len;
			b[i].buffer_type = MYSQL_TYPE_BLOB;
			b[i].buffer = (void *)args[i].s;
			b[i].buffer_length = len[i];
			b[i].length = &len[i];
			break;
		case DB_ARG_NULL:
			b[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		}
	}
	return n == 0 || mysql_stmt_bind_param(s->handle, b) == 0 ? 0 : -1;
}

/* Prepares, binds and executes s on link k, reconnecting once where that
 * is safe; s->handle is then the handle that ran. */
static enum db_status
execute_on(enum link_kind k, struct db_stmt *s, const struct db_arg *args,
    size_t n)
{
	enum db_status	 st;
	unsigned	 e;
	int		 attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		/* A reconnect would silently leave the transaction. */
		if (attempt > 0 && in_transaction)
			return DB_DOWN;
		if (links[k].m == NULL && in_transaction)
			return DB_DOWN;
		st = k == LINK_PRIMARY ? primary_connect() : reader_connect();
		if (st != DB_OK)
			return st;
		if ((st = prepare(s, k)) == DB_DOWN) {
			link_close(k);
			continue;
		}
		if (st != DB_OK)
			return st;
		s->handle = s->on[k];
		if (bind_args(s, args, n) == -1)
			return DB_ERROR;
		if (mysql_stmt_execute(s->handle) == 0)
			return DB_OK;
		e = mysql_stmt_errno(s->handle);
		/* The row that refused this one is on the primary, perhaps not
		 * yet on a replica: the request's reads look for it there. */
		if (e == ER_DUP_ENTRY || e == ER_DUP_KEY) {
			reads_on_primary = 1;
			return DB_DUPLICATE;
		}
		/* Refused, not run: the primary moved or the schema did. */
		if (e == ER_NEED_REPREPARE || (e == ER_OPTION_PREVENTS_STATEMENT &&
		    db_replicated())) {
			link_close(k);
			continue;
		}
		log_error("db execute (%u): %s: %s", e,
		    mysql_stmt_error(s->handle), s->sql);
		if (!is_connection_error(e))
			return DB_ERROR;
		link_close(k);
		if (!s->readonly)
			return DB_DOWN;
	}
	return DB_DOWN;
}

/* The first column of the first row, as a number. */
struct first_int {
	long long	*value;
	int		*found;
};

static int	first_int(void *, const struct db_row *);
static enum db_status	fetch(struct db_stmt *,
		    int (*)(void *, const struct db_row *), void *);

/* Waits, at most cfg.wait_ms, for the client's last write to reach the
 * replica in use: 0 when it has. */
static int
seen_on_reader(void)
{
	/* The wait is in seconds. */
	static struct db_stmt	 wait = DB_READ(
	    "SELECT MASTER_GTID_WAIT(?, ? / 1000)");
	struct db_arg		 a[] = { DB_TEXT(seen),
				    DB_INT((long long)cfg.wait_ms) };
	long long		 v = -1;
	int			 found = 0;
	struct first_int	 f = { &v, &found };

	if (execute_on(LINK_READER, &wait, a, DB_NARGS(a)) != DB_OK ||
	    fetch(&wait, first_int, &f) != DB_OK)
		return -1;
	return found && v == 0 ? 0 : -1;
}

/* Where s runs: writes, transactions and a request that wrote on the
 * primary; other reads on a replica when one may serve them, after the
 * client's last write has reached it. */
static enum link_kind
link_for(const struct db_stmt *s)
{
	if (!db_replicated() || s->primary || in_transaction ||
	    reads_on_primary)
		return LINK_PRIMARY;
	if (reader_connect() != DB_OK) {
		/* With the primary gone too, a cut-off replica is the best
		 * left: its state says so once primary_gone is known. */
		if (primary_connect() == DB_OK || reader_connect() != DB_OK)
			return LINK_PRIMARY;
	}
	if (seen[0] != '\0' && !seen_waited) {
		if (seen_on_reader() != 0) {
			reads_on_primary = 1;
			return LINK_PRIMARY;
		}
		seen_waited = 1;
	}
	return LINK_READER;
}

static enum db_status
execute(struct db_stmt *s, const struct db_arg *args, size_t n)
{
	enum db_status	 st;
	enum link_kind	 k = link_for(s);

	st = execute_on(k, s, args, n);
	/* A server lost mid-request: the read goes to whichever serves now
	 * (a replica, once no primary answers). */
	if (st == DB_DOWN && s->readonly && !in_transaction &&
	    db_replicated())
		st = execute_on(link_for(s), s, args, n);
	return st;
}

/* After a write reached the primary: with replicas, its GTID, which the
 * client's next pages wait for, and this request's reads move to the
 * primary. */
static void
wrote(void)
{
	MYSQL		*m = links[LINK_PRIMARY].m;
	MYSQL_RES	*res;
	MYSQL_ROW	 row;

	if (db_replicated()) {
		reads_on_primary = 1;
		if (m != NULL && mysql_real_query(m, "SELECT @@last_gtid",
		    18) == 0 && (res = mysql_store_result(m)) != NULL) {
			if ((row = mysql_fetch_row(res)) != NULL &&
			    row[0] != NULL)
				snprintf(written, sizeof(written), "%s",
				    row[0]);
			mysql_free_result(res);
		}
	}
	if (on_write != NULL)
		on_write();
}

void
db_request_begin(const char *gtid)
{
	/* No request inherits a transaction a fault left open. */
	db_rollback();
	reads_on_primary = 0;
	seen_waited = 0;
	written[0] = '\0';
	snprintf(seen, sizeof(seen), "%s", gtid != NULL &&
	    db_gtid_valid(gtid) ? gtid : "");
}

const char *
db_written(void)
{
	return written;
}

int
db_gtid_valid(const char *g)
{
	size_t	 n = 0, parts = 0;

	/* domain-server-sequence, comma separated: digits and two dashes. */
	if (*g == '\0' || strlen(g) >= DB_GTID_MAX)
		return 0;
	for (; *g != '\0'; g++) {
		if (*g >= '0' && *g <= '9')
			n++;
		else if (*g == '-' && n > 0 && parts < 2) {
			parts++;
			n = 0;
		} else if (*g == ',' && n > 0 && parts == 2) {
			parts = 0;
			n = 0;
		} else
			return 0;
	}
	return n > 0 && parts == 2;
}

/* Calls sink with each row of the executed statement s, as text; a sink
 * answering -1 stops the fetch with DB_ERROR. */
static enum db_status
fetch(struct db_stmt *s, int (*sink)(void *, const struct db_row *),
    void *arg)
{
	MYSQL_RES	*meta = NULL;
	MYSQL_FIELD	*fields;
	MYSQL_BIND	 b[DB_MAX_COLUMNS];
	unsigned long	 len[DB_MAX_COLUMNS];
	my_bool		 isnull[DB_MAX_COLUMNS], trunc[DB_MAX_COLUMNS];
	char		*val[DB_MAX_COLUMNS], *block = NULL;
	const char	*names[DB_MAX_COLUMNS], *values[DB_MAX_COLUMNS];
	size_t		 total;
	struct db_row	 row;
	unsigned	 ncol, i, k;
	my_bool		 update_max = 1;
	enum db_status	 st = DB_OK;
	int		 rc;

	if ((ncol = mysql_stmt_field_count(s->handle)) == 0)
		return DB_OK;
	if (ncol > DB_MAX_COLUMNS)
		return DB_ERROR;
	mysql_stmt_attr_set(s->handle, STMT_ATTR_UPDATE_MAX_LENGTH,
	    &update_max);
	if (mysql_stmt_store_result(s->handle) != 0) {
		st = is_connection_error(mysql_stmt_errno(s->handle)) ?
		    DB_DOWN : DB_ERROR;
		goto out;
	}
	/* max_length is known only after store_result. */
	if ((meta = mysql_stmt_result_metadata(s->handle)) == NULL) {
		st = DB_ERROR;
		goto out;
	}
	fields = mysql_fetch_fields(meta);
	memset(b, 0, sizeof(b));
	/* Every column's text in one block: one allocation a fetch. */
	for (i = 0, total = 0; i < ncol; i++)
		total += fields[i].max_length + 64;
	if ((block = malloc(total)) == NULL) {
		st = DB_ERROR;
		goto out;
	}
	for (i = 0, total = 0; i < ncol; i++) {
		size_t cap = fields[i].max_length + 64;

		val[i] = block + total;
		total += cap;
		names[i] = fields[i].name;
		b[i].buffer_type = MYSQL_TYPE_STRING;
		b[i].buffer = val[i];
		b[i].buffer_length = cap - 1;
		b[i].length = &len[i];
		b[i].is_null = &isnull[i];
		b[i].error = &trunc[i];
	}
	if (mysql_stmt_bind_result(s->handle, b) != 0) {
		st = DB_ERROR;
		goto out;
	}
	row.ncol = ncol;
	row.name = names;
	row.value = values;
	row.length = len;
	row.unique = 1;
	for (i = 0; i < ncol && row.unique; i++)
		for (k = i + 1; k < ncol && row.unique; k++)
			row.unique = strcmp(names[i], names[k]) != 0;
	while ((rc = mysql_stmt_fetch(s->handle)) == 0 ||
	    rc == MYSQL_DATA_TRUNCATED) {
		if (rc == MYSQL_DATA_TRUNCATED) {
			/* max_length said otherwise; refuse rather than cut text. */
			log_error("db fetch: truncated column in: %s", s->sql);
			st = DB_ERROR;
			goto out;
		}
		/* A NULL's length is not set: only text is terminated. */
		for (i = 0; i < ncol; i++) {
			values[i] = NULL;
			if (isnull[i])
				continue;
			val[i][len[i]] = '\0';
			values[i] = val[i];
		}
		if (sink(arg, &row) == -1) {
			st = DB_ERROR;
			goto out;
		}
	}
	if (rc != MYSQL_NO_DATA) {
		log_error("db fetch: %s", mysql_stmt_error(s->handle));
		st = DB_ERROR;
	}
out:
	free(block);
	if (meta != NULL)
		mysql_free_result(meta);
	mysql_stmt_free_result(s->handle);
	return st;
}

enum db_status
db_query_each(struct db_stmt *s, const struct db_arg *args, size_t n,
    int (*sink)(void *, const struct db_row *), void *arg)
{
	enum db_status	 st;

	if ((st = execute(s, args, n)) != DB_OK)
		return st;
	return fetch(s, sink, arg);
}

/* The index of a column of r by name, or -1. */
static long
column(const struct db_row *r, const char *name)
{
	/* Sinks read columns mostly in their order: looking from the one
	 * after the last found makes each look-up one comparison. Where two
	 * columns share a name, the first is the answer: look from it. */
	static size_t	 next;
	size_t		 i, k, from = r->unique ? next : 0;

	for (k = 0; k < r->ncol; k++) {
		i = (from + k) % r->ncol;
		if (strcmp(r->name[i], name) == 0) {
			next = i + 1;
			return (long)i;
		}
	}
	return -1;
}

const char *
db_col(const struct db_row *r, const char *name)
{
	long	 i = column(r, name);

	return i >= 0 ? r->value[i] : NULL;
}

const char *
db_text(const struct db_row *r, const char *name)
{
	const char	*v = db_col(r, name);

	return v != NULL ? v : "";
}

const char *
db_keep(struct arena *a, const struct db_row *r, const char *name)
{
	long	 i = column(r, name);

	/* The length fetch read, not strlen: a card keeps seventeen. */
	return i >= 0 && r->value[i] != NULL ?
	    arena_strndup(a, r->value[i], r->length[i]) : NULL;
}

long long
db_int(const struct db_row *r, const char *name)
{
	const char		*v = db_col(r, name);
	unsigned long long	 n = 0, max;
	int			 neg;

	if (v == NULL)
		return 0;
	/* The server's own decimal text (no spaces, no locale, no base),
	 * as strtoll would read it, at a tenth of its cost; past the range
	 * of a long long, its limit. */
	if ((neg = *v == '-') || *v == '+')
		v++;
	max = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
	for (; *v >= '0' && *v <= '9'; v++) {
		if (n > (max - (unsigned long long)(*v - '0')) / 10)
			return neg ? LLONG_MIN : LLONG_MAX;
		n = n * 10 + (unsigned long long)(*v - '0');
	}
	if (!neg)
		return (long long)n;
	return n == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN :
	    -(long long)n;
}

enum db_status
db_begin(void)
{
	int	 attempt;

	/* START TRANSACTION would commit one left open: end it first. */
	db_rollback();
	/* One round trip, no ping first: a connection found dead here is
	 * made again, as nothing of the transaction is lost yet. */
	for (attempt = 0; attempt < 2; attempt++) {
		if (primary_connect() != DB_OK)
			return DB_DOWN;
		if (mysql_real_query(links[LINK_PRIMARY].m, "START TRANSACTION",
		    17) == 0) {
			in_transaction = 1;
			return DB_OK;
		}
		log_error("db begin: %s", mysql_error(links[LINK_PRIMARY].m));
		link_close(LINK_PRIMARY);
	}
	return DB_DOWN;
}

enum db_status
db_commit(void)
{
	MYSQL	*m = links[LINK_PRIMARY].m;

	if (!in_transaction)
		return DB_DOWN;
	in_transaction = 0;
	/* Lost with its connection: nothing of it was kept. */
	if (m == NULL)
		return DB_DOWN;
	if (mysql_commit(m) != 0) {
		log_error("db commit: %s", mysql_error(m));
		link_close(LINK_PRIMARY);
		return DB_DOWN;
	}
	wrote();
	return DB_OK;
}

void
db_on_write(void (*fn)(void))
{
	on_write = fn;
}

void
db_rollback(void)
{
	MYSQL	*m = links[LINK_PRIMARY].m;

	if (!in_transaction)
		return;
	in_transaction = 0;
	if (m != NULL && mysql_rollback(m) != 0)
		link_close(LINK_PRIMARY);
}

enum db_status
db_finish(enum db_status st)
{
	if (st == DB_OK && (st = db_commit()) == DB_OK)
		return DB_OK;
	db_rollback();
	return st;
}

enum db_status
db_query_blob(struct db_stmt *s, const struct db_arg *args, size_t n,
    char **data, size_t *len)
{
	MYSQL_BIND	 b;
	unsigned long	 length = 0;
	my_bool		 isnull = 0;
	enum db_status	 st;
	int		 rc;

	*data = NULL;
	*len = 0;
	if ((st = execute(s, args, n)) != DB_OK)
		return st;
	memset(&b, 0, sizeof(b));
	b.buffer_type = MYSQL_TYPE_BLOB;
	b.length = &length;
	b.is_null = &isnull;
	/* Learn the length with an empty buffer, then fetch the column. */
	if (mysql_stmt_bind_result(s->handle, &b) != 0)
		st = DB_ERROR;
	else if ((rc = mysql_stmt_fetch(s->handle)) == 0 ||
	    rc == MYSQL_DATA_TRUNCATED) {
		if (!isnull && (*data = malloc(length + 1)) == NULL)
			st = DB_ERROR;
		else if (!isnull) {
			b.buffer = *data;
			b.buffer_length = length;
			if (mysql_stmt_fetch_column(s->handle, &b, 0, 0) != 0) {
				free(*data);
				*data = NULL;
				st = DB_ERROR;
			} else
				*len = length;
		}
		while (mysql_stmt_fetch(s->handle) == 0)
			continue;
	} else if (rc != MYSQL_NO_DATA)
		st = DB_ERROR;
	mysql_stmt_free_result(s->handle);
	return st;
}

static int
first_int(void *arg, const struct db_row *r)
{
	struct first_int *f = arg;

	if (*f->found || r->ncol == 0)
		return 0;
	*f->found = 1;
	*f->value = r->value[0] != NULL ? strtoll(r->value[0], NULL, 10) : 0;
	return 0;
}

enum db_status
db_query_int_row(struct db_stmt *s, const struct db_arg *args, size_t n,
    long long *value, int *found)
{
	struct first_int f = { value, found };

	*value = 0;
	*found = 0;
	return db_query_each(s, args, n, first_int, &f);
}

enum db_status
db_exists(struct db_stmt *s, const struct db_arg *args, size_t n, int *found)
{
	long long	 count = 0;
	enum db_status	 st;

	st = db_query_int(s, args, n, &count);
	*found = count > 0;
	return st;
}

enum db_status
db_query_int(struct db_stmt *s, const struct db_arg *args, size_t n,
    long long *value)
{
	int	 found;

	return db_query_int_row(s, args, n, value, &found);
}

enum db_status
db_exec(struct db_stmt *s, const struct db_arg *args, size_t n,
    unsigned long long *affected, unsigned long long *insert_id)
{
	enum db_status	 st;

	if ((st = execute(s, args, n)) != DB_OK)
		return st;
	if (affected != NULL)
		*affected = mysql_stmt_affected_rows(s->handle);
	if (insert_id != NULL)
		*insert_id = mysql_stmt_insert_id(s->handle);
	if (!in_transaction && !s->readonly)
		wrote();
	return DB_OK;
}
