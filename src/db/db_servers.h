/* The database servers of the configuration, one at a time: opening a
 * connection (over a Unix socket or TCP with TLS), and asking a server
 * whether it is the primary and whether, as a replica, it may serve
 * reads. Which connection a statement uses is db.c's choice. */
#ifndef JDXX_DB_SERVERS_H
#define JDXX_DB_SERVERS_H

#include <mysql.h>

#include "db/db.h"

/* A connection to server i of c, its session set up; NULL, the reason
 * logged, when it cannot be had. */
MYSQL	*server_open(const struct db_config *c, size_t i);
/* 1 when the server takes writes (read_only is off), 0 when it does not,
 * -1 when it did not answer. */
int	 server_takes_writes(MYSQL *);

/* What a replica says of its replication. */
struct replica_state {
	int		 replicating;	/* SQL thread running */
	int		 receiving;	/* IO thread connected to its primary */
	long long	 lag;		/* seconds behind; -1 unknown */
};
/* Reads it: 0, or -1 when the server did not answer or is no replica. */
int	 server_replica_state(MYSQL *, struct replica_state *);
/* Whether a replica in state r serves reads: replicating and caught up
 * within max_lag seconds; or whatever its state when the primary is
 * gone (being promoted, or cut off), as it is then as current as
 * anything left. */
int	 replica_serves_reads(const struct replica_state *r, unsigned max_lag,
	    int primary_gone);

#endif
