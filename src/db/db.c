/* MariaDB Connector/C behind prepared statements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <errmsg.h>
#include <mysqld_error.h>

#include "db/db.h"
#include "base/log.h"

#define DB_MAX_ARGS	32
#define DB_MAX_COLUMNS	48

static struct db_config	 cfg;
static MYSQL		*conn;
static struct db_stmt	*prepared;	/* statements holding a handle */
static int		 in_transaction;

void
db_configure(const struct db_config *c)
{
	cfg = *c;
}

static void
close_statements(void)
{
	struct db_stmt	*s, *next;

	for (s = prepared; s != NULL; s = next) {
		next = s->next;
		mysql_stmt_close(s->handle);
		s->handle = NULL;
		s->next = NULL;
	}
	prepared = NULL;
}

void
db_close(void)
{
	in_transaction = 0;
	close_statements();
	if (conn != NULL) {
		mysql_close(conn);
		conn = NULL;
	}
}

static int
is_connection_error(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == CR_SERVER_LOST_EXTENDED || e == ER_CONNECTION_KILLED ||
	    e == ER_SERVER_SHUTDOWN || e == CR_COMMANDS_OUT_OF_SYNC;
}

static enum db_status
db_connect(void)
{
	unsigned	 t = cfg.timeout ? cfg.timeout : 5;

	if (conn != NULL)
		return DB_OK;
	if ((conn = mysql_init(NULL)) == NULL)
		return DB_DOWN;
	mysql_optionsv(conn, MYSQL_OPT_CONNECT_TIMEOUT, &t);
	mysql_optionsv(conn, MYSQL_OPT_READ_TIMEOUT, &t);
	mysql_optionsv(conn, MYSQL_OPT_WRITE_TIMEOUT, &t);
	mysql_optionsv(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* Dates shown to farmers are Beijing time whatever the server's zone. */
	mysql_optionsv(conn, MYSQL_INIT_COMMAND,
	    "SET time_zone = '+08:00', sql_mode = 'STRICT_ALL_TABLES,"
	    "NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'");
	if (mysql_real_connect(conn, NULL, cfg.user, cfg.password, cfg.name,
	    0, cfg.socket, 0) == NULL) {
		log_error("db connect: %s", mysql_error(conn));
		mysql_close(conn);
		conn = NULL;
		return DB_DOWN;
	}
	return DB_OK;
}

enum db_status
db_ping(void)
{
	if (db_connect() != DB_OK)
		return DB_DOWN;
	if (mysql_ping(conn) == 0)
		return DB_OK;
	db_close();
	return db_connect();
}

static enum db_status
prepare(struct db_stmt *s)
{
	if (s->handle != NULL)
		return DB_OK;
	if ((s->handle = mysql_stmt_init(conn)) == NULL)
		return DB_DOWN;
	if (mysql_stmt_prepare(s->handle, s->sql, strlen(s->sql)) != 0) {
		unsigned e = mysql_stmt_errno(s->handle);

		log_error("db prepare: %s: %s", mysql_stmt_error(s->handle),
		    s->sql);
		mysql_stmt_close(s->handle);
		s->handle = NULL;
		return is_connection_error(e) ? DB_DOWN : DB_ERROR;
	}
	s->next = prepared;
	prepared = s;
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

static void	(*on_write)(void);

/* Prepares, binds and executes, reconnecting once where that is safe. */
static enum db_status
execute(struct db_stmt *s, const struct db_arg *args, size_t n)
{
	enum db_status	 st;
	unsigned	 e;
	int		 attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		/* A reconnect would silently leave the transaction. */
		if (attempt > 0 && in_transaction)
			return DB_DOWN;
		if (conn == NULL && in_transaction)
			return DB_DOWN;
		if ((st = db_connect()) != DB_OK)
			return st;
		if ((st = prepare(s)) == DB_DOWN) {
			db_close();
			continue;
		}
		if (st != DB_OK)
			return st;
		if (bind_args(s, args, n) == -1)
			return DB_ERROR;
		if (mysql_stmt_execute(s->handle) == 0)
			return DB_OK;
		e = mysql_stmt_errno(s->handle);
		if (e == ER_DUP_ENTRY || e == ER_DUP_KEY)
			return DB_DUPLICATE;
		if (e == ER_NEED_REPREPARE) {
			mysql_stmt_close(s->handle);
			s->handle = NULL;
			db_close();
			continue;
		}
		log_error("db execute (%u): %s: %s", e,
		    mysql_stmt_error(s->handle), s->sql);
		if (!is_connection_error(e))
			return DB_ERROR;
		db_close();
		if (!s->readonly)
			return DB_DOWN;
	}
	return DB_DOWN;
}

/* Calls sink with each row of the executed statement s, as text; a sink
 * answering -1 stops the fetch with DB_ERROR. */
static enum db_status
fetch(struct db_stmt *s, int (*sink)(void *, const struct db_row *),
    void *arg)
{
	MYSQL_RES	*meta;
	MYSQL_FIELD	*fields;
	MYSQL_BIND	 b[DB_MAX_COLUMNS];
	unsigned long	 len[DB_MAX_COLUMNS];
	my_bool		 isnull[DB_MAX_COLUMNS], trunc[DB_MAX_COLUMNS];
	char		*val[DB_MAX_COLUMNS];
	const char	*names[DB_MAX_COLUMNS], *values[DB_MAX_COLUMNS];
	struct db_row	 row;
	unsigned	 ncol, i;
	my_bool		 update_max = 1;
	enum db_status	 st = DB_OK;
	int		 rc;

	memset(val, 0, sizeof(val));
	if ((meta = mysql_stmt_result_metadata(s->handle)) == NULL)
		return DB_OK;
	ncol = mysql_num_fields(meta);
	if (ncol > DB_MAX_COLUMNS) {
		mysql_free_result(meta);
		return DB_ERROR;
	}
	mysql_stmt_attr_set(s->handle, STMT_ATTR_UPDATE_MAX_LENGTH,
	    &update_max);
	if (mysql_stmt_store_result(s->handle) != 0) {
		st = is_connection_error(mysql_stmt_errno(s->handle)) ?
		    DB_DOWN : DB_ERROR;
		goto out;
	}
	/* max_length is known only after store_result. */
	mysql_free_result(meta);
	meta = mysql_stmt_result_metadata(s->handle);
	fields = mysql_fetch_fields(meta);
	memset(b, 0, sizeof(b));
	for (i = 0; i < ncol; i++) {
		size_t cap = fields[i].max_length + 64;

		if ((val[i] = malloc(cap)) == NULL) {
			st = DB_ERROR;
			goto out;
		}
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
	for (i = 0; i < ncol; i++)
		free(val[i]);
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

const char *
db_col(const struct db_row *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->ncol; i++)
		if (strcmp(r->name[i], name) == 0)
			return r->value[i];
	return NULL;
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
	const char	*v = db_col(r, name);

	return v != NULL ? arena_strdup(a, v) : NULL;
}

long long
db_int(const struct db_row *r, const char *name)
{
	const char	*v = db_col(r, name);

	return v != NULL ? strtoll(v, NULL, 10) : 0;
}

enum db_status
db_begin(void)
{
	int	 attempt;

	/* One round trip, no ping first: a connection found dead here is
	 * made again, as nothing of the transaction is lost yet. */
	for (attempt = 0; attempt < 2; attempt++) {
		if (db_connect() != DB_OK)
			return DB_DOWN;
		if (mysql_real_query(conn, "START TRANSACTION", 17) == 0) {
			in_transaction = 1;
			return DB_OK;
		}
		log_error("db begin: %s", mysql_error(conn));
		db_close();
	}
	return DB_DOWN;
}

enum db_status
db_commit(void)
{
	if (conn == NULL || !in_transaction)
		return DB_DOWN;
	in_transaction = 0;
	if (mysql_commit(conn) != 0) {
		log_error("db commit: %s", mysql_error(conn));
		db_close();
		return DB_DOWN;
	}
	if (on_write != NULL)
		on_write();
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
	if (conn == NULL || !in_transaction)
		return;
	in_transaction = 0;
	if (mysql_rollback(conn) != 0)
		db_close();
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

/* The first column of the first row, as a number. */
struct first_int {
	long long	*value;
	int		*found;
};

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
	if (!in_transaction && !s->readonly && on_write != NULL)
		on_write();
	return DB_OK;
}
