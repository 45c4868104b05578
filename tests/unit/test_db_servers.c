/* Several database servers: the configuration's list, GTID positions a
 * client may send back, and when a replica serves reads. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "db/db.h"
#include "db/db_servers.h"
#include "web/config.h"

#define REST	"DB.User = u\nSite.Secret = 0123456789abcdef0123456789abcdef\n"

static const struct {
	const char	*text;
	int		 want;		/* config_load's answer */
	size_t		 nservers;
	const char	*host;		/* of the last server, or NULL */
	unsigned	 port;
} lists[] = {
	{ "DB.Socket = /run/x.sock\n" REST, 0, 1, NULL, 0 },
	{ "DB.Host = 10.0.0.5\n" REST, 0, 1, "10.0.0.5", 3306 },
	{ "DB.Host = 10.0.0.5\nDB.Port = 3307\n" REST, 0, 1, "10.0.0.5", 3307 },
	{ "DB.Servers.0.Host = a\nDB.Servers.1.Host = b\nDB.Servers.1.Port = 4\n"
	    REST, 0, 2, "b", 4 },
	{ "DB.Servers.0.Host = a\nDB.Servers.1.Socket = /s\n" REST, 0, 2, NULL,
	    0 },
	/* The list wins over a lone server. */
	{ "DB.Socket = /s\nDB.Servers.0.Host = a\n" REST, 0, 1, "a", 3306 },
	{ "DB.Servers.0.Port = 3306\n" REST, -1, 0, NULL, 0 },
	{ "DB.Host = a\nDB.Port = 0\n" REST, -1, 0, NULL, 0 },
	{ "DB.Host = a\nDB.Port = 65536\n" REST, -1, 0, NULL, 0 },
	{ "DB.Servers.0.Host = a\nDB.Servers.1.Host = a\nDB.Servers.2.Host = a\n"
	    "DB.Servers.3.Host = a\nDB.Servers.4.Host = a\nDB.Servers.5.Host = a\n"
	    "DB.Servers.6.Host = a\nDB.Servers.7.Host = a\nDB.Servers.8.Host = a\n"
	    REST, -1, 0, NULL, 0 },
	{ "DB.Host = a\nDB.MaxLag = 0\n" REST, -1, 0, NULL, 0 },
	{ "DB.Host = a\nDB.WaitMs = 10001\n" REST, -1, 0, NULL, 0 },
	{ "DB.Host = a\nDB.MaxLag = 3600\nDB.WaitMs = 0\n" REST, 0, 1, "a",
	    3306 },
	{ REST, -1, 0, NULL, 0 },
};

static const struct {
	const char	*gtid;
	int		 valid;
} gtids[] = {
	{ "0-1-190", 1 },
	{ "0-1-190,1-2-7", 1 },
	{ "4294967295-4294967295-18446744073709551615", 1 },
	{ "", 0 },
	{ "0-1", 0 },
	{ "0-1-", 0 },
	{ "-1-2", 0 },
	{ "0--1-2", 0 },
	{ "0-1-2-3", 0 },
	{ "0-1-2,", 0 },
	{ ",0-1-2", 0 },
	{ "0-1-2, 1-1-1", 0 },
	{ "0-1-2'); DROP", 0 },
	{ "0-1-2_1-1-1", 0 },
};

static const struct {
	struct replica_state	 r;
	unsigned		 max_lag;
	int			 primary_gone;
	int			 serves;
} replicas[] = {
	{ { 1, 1, 0 }, 5, 0, 1 },
	{ { 1, 1, 5 }, 5, 0, 1 },
	{ { 1, 1, 6 }, 5, 0, 0 },
	{ { 0, 1, 0 }, 5, 0, 0 },
	/* Its threads stopped while a replica is promoted. */
	{ { 0, 0, -1 }, 5, 1, 1 },
	/* Cut off from a primary still there: it falls behind unseen. */
	{ { 1, 0, -1 }, 5, 0, 0 },
	/* Cut off from a primary that is gone: the freshest left. */
	{ { 1, 0, -1 }, 5, 1, 1 },
	{ { 1, 1, -1 }, 5, 0, 0 },
	{ { 1, 1, 100 }, 5, 1, 1 },
};

void
test_db_servers(void)
{
	struct config	 c;
	char		 path[64];
	FILE		*f;
	size_t		 i;
	int		 rc;
	const struct db_server *last;

	snprintf(path, sizeof(path), "/tmp/jdxx-test-servers-%d.hdf",
	    (int)getpid());
	for (i = 0; i < NELEM(lists); i++) {
		if ((f = fopen(path, "w")) == NULL) {
			CHECK(0, "servers: cannot write %s", path);
			return;
		}
		fputs(lists[i].text, f);
		fclose(f);
		memset(&c, 0, sizeof(c));
		rc = config_load(&c, path);
		CHECK(rc == lists[i].want, "servers case %zu: %d, want %d", i,
		    rc, lists[i].want);
		if (rc != 0)
			continue;
		CHECK(c.db.nservers == lists[i].nservers,
		    "servers case %zu: %zu servers, want %zu", i, c.db.nservers,
		    lists[i].nservers);
		last = &c.db.servers[c.db.nservers - 1];
		CHECK(lists[i].host == NULL ? last->host == NULL :
		    last->host != NULL && strcmp(last->host, lists[i].host) == 0,
		    "servers case %zu: host %s", i, last->host ? last->host : "-");
		CHECK(last->port == lists[i].port, "servers case %zu: port %u",
		    i, last->port);
		config_free(&c);
	}
	unlink(path);
	for (i = 0; i < NELEM(gtids); i++)
		CHECK(db_gtid_valid(gtids[i].gtid) == gtids[i].valid,
		    "gtid \"%s\": want %d", gtids[i].gtid, gtids[i].valid);
	for (i = 0; i < NELEM(replicas); i++)
		CHECK(replica_serves_reads(&replicas[i].r, replicas[i].max_lag,
		    replicas[i].primary_gone) == replicas[i].serves,
		    "replica case %zu: want %d", i, replicas[i].serves);
}
