/* Connections to one server and what it says of its role. */
#include <stdlib.h>
#include <string.h>

#include "db/db_servers.h"
#include "base/log.h"

MYSQL *
server_open(const struct db_config *c, size_t i)
{
	const struct db_server	*sv = &c->servers[i];
	unsigned		 t = c->timeout ? c->timeout : 5;
	my_bool			 verify = 1;
	MYSQL			*m;

	if (i >= c->nservers || (m = mysql_init(NULL)) == NULL)
		return NULL;
	mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &t);
	mysql_optionsv(m, MYSQL_OPT_READ_TIMEOUT, &t);
	mysql_optionsv(m, MYSQL_OPT_WRITE_TIMEOUT, &t);
	mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* Dates shown to farmers are Beijing time whatever the server's zone. */
	mysql_optionsv(m, MYSQL_INIT_COMMAND,
	    "SET time_zone = '+08:00', sql_mode = 'STRICT_ALL_TABLES,"
	    "NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'");
	/* Each host has its own address and database user. */
	if (sv->host != NULL && c->bind != NULL)
		mysql_optionsv(m, MYSQL_OPT_BIND, c->bind);
	/* Over the network only with a certificate checked against the CA. */
	if (sv->host != NULL && c->tls_ca != NULL) {
		mysql_optionsv(m, MYSQL_OPT_SSL_CA, c->tls_ca);
		if (c->tls_cert != NULL)
			mysql_optionsv(m, MYSQL_OPT_SSL_CERT, c->tls_cert);
		if (c->tls_key != NULL)
			mysql_optionsv(m, MYSQL_OPT_SSL_KEY, c->tls_key);
		mysql_optionsv(m, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify);
		mysql_optionsv(m, MYSQL_OPT_SSL_ENFORCE, &verify);
	}
	if (mysql_real_connect(m, sv->host, c->user, c->password, c->name,
	    sv->port, sv->socket, 0) == NULL) {
		log_error("db connect %s: %s", sv->host != NULL ? sv->host :
		    sv->socket, mysql_error(m));
		mysql_close(m);
		return NULL;
	}
	return m;
}

/* The first row of a query without arguments: the caller frees *res. */
static MYSQL_ROW
first_row(MYSQL *m, const char *sql, MYSQL_RES **res)
{
	MYSQL_ROW	 row;

	*res = NULL;
	if (mysql_real_query(m, sql, strlen(sql)) != 0 ||
	    (*res = mysql_store_result(m)) == NULL)
		return NULL;
	if ((row = mysql_fetch_row(*res)) == NULL) {
		mysql_free_result(*res);
		*res = NULL;
	}
	return row;
}

int
server_takes_writes(MYSQL *m)
{
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	int		 writes;

	if ((row = first_row(m, "SELECT @@read_only", &res)) == NULL)
		return -1;
	writes = row[0] != NULL && strcmp(row[0], "0") == 0;
	mysql_free_result(res);
	return writes;
}

/* The value of the column named name in row, or NULL. */
static const char *
column(MYSQL_RES *res, MYSQL_ROW row, const char *name)
{
	MYSQL_FIELD	*f = mysql_fetch_fields(res);
	unsigned	 i, n = mysql_num_fields(res);

	for (i = 0; i < n; i++)
		if (strcmp(f[i].name, name) == 0)
			return row[i];
	return NULL;
}

int
server_replica_state(MYSQL *m, struct replica_state *r)
{
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	const char	*v;

	memset(r, 0, sizeof(*r));
	r->lag = -1;
	if ((row = first_row(m, "SHOW REPLICA STATUS", &res)) == NULL)
		return -1;
	v = column(res, row, "Slave_SQL_Running");
	r->replicating = v != NULL && strcmp(v, "Yes") == 0;
	v = column(res, row, "Slave_IO_Running");
	r->receiving = v != NULL && strcmp(v, "Yes") == 0;
	if ((v = column(res, row, "Seconds_Behind_Master")) != NULL)
		r->lag = strtoll(v, NULL, 10);
	mysql_free_result(res);
	return 0;
}

int
replica_serves_reads(const struct replica_state *r, unsigned max_lag,
    int primary_gone)
{
	if (primary_gone)
		return 1;
	return r->replicating && r->receiving && r->lag >= 0 &&
	    r->lag <= (long long)max_lag;
}
