/* Configuration from an HDF file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/config.h"
#include "base/log.h"
#include "domain/session.h"

/* The roles named in a comma-separated list, admins always among them;
 * -1 for a name that is no role. */
static int
second_factor_roles(const char *list, unsigned *roles)
{
	char	 name[16];
	size_t	 n;

	*roles = ROLE_ADMIN;
	while (*list != '\0') {
		n = strcspn(list, ", ");
		if (n >= sizeof(name))
			return -1;
		if (n > 0) {
			memcpy(name, list, n);
			name[n] = '\0';
			if (role_bit(name) == 0)
				return -1;
			*roles |= role_bit(name);
		}
		list += n;
		list += strspn(list, ", ");
	}
	return 0;
}

/* The database servers: DB.Servers.N.{Host, Port, Socket}, else DB.Host
 * and DB.Port, else DB.Socket. -1 for a list too long or a bad port. */
static int
db_servers(struct config *c)
{
	HDF			*node;
	struct db_server	*sv;
	int			 port;

	node = hdf_get_child(c->hdf, "DB.Servers");
	if (node == NULL && (hdf_get_value(c->hdf, "DB.Host", NULL) != NULL ||
	    hdf_get_value(c->hdf, "DB.Socket", NULL) != NULL))
		node = hdf_get_obj(c->hdf, "DB");
	for (c->db.nservers = 0; node != NULL; node = hdf_obj_next(node)) {
		if (c->db.nservers == DB_MAX_SERVERS)
			return -1;
		sv = &c->db.servers[c->db.nservers++];
		sv->host = hdf_get_value(node, "Host", NULL);
		sv->socket = hdf_get_value(node, "Socket", NULL);
		port = hdf_get_int_value(node, "Port", 3306);
		if ((sv->host == NULL && sv->socket == NULL) || port < 1 ||
		    port > 65535)
			return -1;
		sv->port = sv->host != NULL ? (unsigned)port : 0;
		/* DB itself stands for the one server. */
		if (strcmp(hdf_obj_name(node), "DB") == 0)
			break;
	}
	return 0;
}

/* Whether u is a scheme and a host (and port) the printed links may
 * start with: nothing a page could misread. */
static int
site_url_valid(const char *u)
{
	size_t	 n;

	if (strncmp(u, "https://", 8) == 0)
		u += 8;
	else if (strncmp(u, "http://", 7) == 0)
		u += 7;
	else
		return 0;
	n = strspn(u, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789.-:[]");
	return n > 0 && n <= 192 && u[n] == '\0';
}

/* Takes the values from c->hdf and checks them; 0, or -1 with the
 * reason logged. */
static int
config_check(struct config *c, const char *path)
{
	int	 timeout, max_lag, wait_ms;

	c->db.user = hdf_get_value(c->hdf, "DB.User", NULL);
	c->db.password = hdf_get_value(c->hdf, "DB.Password", "");
	c->db.name = hdf_get_value(c->hdf, "DB.Name", "jdxx");
	timeout = hdf_get_int_value(c->hdf, "DB.Timeout", 5);
	c->db.bind = hdf_get_value(c->hdf, "DB.Bind", NULL);
	c->db.tls_ca = hdf_get_value(c->hdf, "DB.TLS.CA", NULL);
	c->db.tls_cert = hdf_get_value(c->hdf, "DB.TLS.Cert", NULL);
	c->db.tls_key = hdf_get_value(c->hdf, "DB.TLS.Key", NULL);
	max_lag = hdf_get_int_value(c->hdf, "DB.MaxLag", 5);
	wait_ms = hdf_get_int_value(c->hdf, "DB.WaitMs", 500);
	c->templates = hdf_get_value(c->hdf, "Site.Templates", "templates");
	c->site_name = hdf_get_value(c->hdf, "Site.Name", "家电下乡公共服务网");
	c->timezone = hdf_get_value(c->hdf, "Site.TimeZone", "Asia/Shanghai");
	c->secret = hdf_get_value(c->hdf, "Site.Secret", "");
	c->asset_version = hdf_get_value(c->hdf, "Site.AssetVersion", "1");
	c->site_url = hdf_get_value(c->hdf, "Site.URL", "http://127.0.0.1:8080");
	c->complaint_phone = hdf_get_value(c->hdf, "Complaints.Phone", "12315");
	c->accept_days = hdf_get_int_value(c->hdf, "Complaints.AcceptDays", 7);
	c->resolve_days = hdf_get_int_value(c->hdf, "Complaints.ResolveDays",
	    30);
	c->complaints_per_hour = hdf_get_int_value(c->hdf,
	    "Complaints.PerHour", 5);
	c->demo = hdf_get_int_value(c->hdf, "Site.Demo", 0);
	c->tls = hdf_get_int_value(c->hdf, "Site.TLS", 0);
	c->workers = hdf_get_int_value(c->hdf, "Workers", 8);
	c->page_cache = hdf_get_int_value(c->hdf, "PageCache", 1);
	c->page_cache_check_ms = hdf_get_int_value(c->hdf,
	    "PageCacheCheckMs", 250);
	c->change_signal = hdf_get_value(c->hdf, "Site.ChangeSignal", NULL);
	c->hash_slots = hdf_get_int_value(c->hdf, "Staff.HashSlots", 2);
	c->hash_lock_dir = hdf_get_value(c->hdf, "Staff.HashLockDir", NULL);
	if (second_factor_roles(hdf_get_value(c->hdf, "Staff.SecondFactor",
	    "admin"), &c->second_factor_roles) == -1) {
		log_error("config %s: Staff.SecondFactor must list roles "
		    "(admin, editor, handler, records) separated by commas",
		    path);
		return -1;
	}
	if (c->hash_slots < 1 || c->hash_slots > 64) {
		log_error("config %s: Staff.HashSlots must be 1 to 64", path);
		return -1;
	}
	if (db_servers(c) == -1) {
		log_error("config %s: DB.Servers holds 1 to %d servers, each "
		    "with a Host (and a Port of 1 to 65535) or a Socket", path,
		    DB_MAX_SERVERS);
		return -1;
	}
	if (c->db.nservers == 0 || c->db.user == NULL) {
		log_error("config %s: DB.Socket and DB.User are required", path);
		return -1;
	}
	if (max_lag < 1 || max_lag > 3600 || wait_ms < 0 || wait_ms > 10000) {
		log_error("config %s: DB.MaxLag must be 1 to 3600 seconds and "
		    "DB.WaitMs 0 to 10000", path);
		return -1;
	}
	c->db.max_lag = (unsigned)max_lag;
	c->db.wait_ms = (unsigned)wait_ms;
	if (!site_url_valid(c->site_url)) {
		log_error("config %s: Site.URL must be http:// or https:// and a "
		    "host, without a path, at most 200 characters", path);
		return -1;
	}
	if (strlen(c->complaint_phone) < 3 || strlen(c->complaint_phone) > 32 ||
	    c->complaint_phone[strspn(c->complaint_phone, "0123456789- ")] !=
	    '\0') {
		log_error("config %s: Complaints.Phone must be 3 to 32 digits, "
		    "dashes or spaces", path);
		return -1;
	}
	if (strlen(c->secret) < 32) {
		log_error("config %s: Site.Secret must hold at least 32 "
		    "characters", path);
		return -1;
	}
	if (c->accept_days < 1 || c->accept_days > 60 ||
	    c->resolve_days < 1 || c->resolve_days > 120) {
		log_error("config %s: Complaints.AcceptDays must be 1 to 60 and "
		    "ResolveDays 1 to 120", path);
		return -1;
	}
	/* 0: not counted at all, for loopback load tests only. */
	if (c->complaints_per_hour < 0 || c->complaints_per_hour > 1000000) {
		log_error("config %s: Complaints.PerHour must be 0 to 1000000",
		    path);
		return -1;
	}
	/* Staff changes must reach the public within a second. */
	if (c->page_cache_check_ms < 0 || c->page_cache_check_ms > 500) {
		log_error("config %s: PageCacheCheckMs must be 0 to 500", path);
		return -1;
	}
	if (timeout < 1 || timeout > 300) {
		log_error("config %s: DB.Timeout must be 1 to 300 seconds", path);
		return -1;
	}
	c->db.timeout = (unsigned)timeout;
	if (c->workers < 1 || c->workers > 256) {
		log_error("config %s: Workers must be 1 to 256", path);
		return -1;
	}
	return 0;
}

/* 1 for a character ClearSilver takes into an HDF name. */
static int
name_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') ||
	    (ch != '\0' && strchr("_.*\\", ch) != NULL);
}

/* The number of the first line that is not a blank line, a comment,
 * "name = value", "name {" or "}", or 0. ClearSilver's links, copies
 * and splices can point a node into itself ("DB : DB.Socket"), which it
 * follows until the stack runs out; its multi-line values and
 * attributes are not needed here either. -1 when the file is unreadable
 * (hdf_read_file says why). */
static long
config_plain(const char *path)
{
	FILE	*f;
	char	*line = NULL, *p, *name;
	size_t	 cap = 0;
	long	 n = 0, bad = 0;

	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (bad == 0 && getline(&line, &cap, f) != -1) {
		n++;
		for (p = line; *p == ' ' || *p == '\t'; p++)
			continue;
		if (*p == '#' || *p == '}' || *p == '\0' || *p == '\n' ||
		    *p == '\r')
			continue;
		for (name = p; name_char(*p); p++)
			continue;
		if (p == name)
			bad = n;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '=' && *p != '{')
			bad = n;
	}
	free(line);
	fclose(f);
	return bad;
}

int
config_load(struct config *c, const char *path)
{
	NEOERR	*err;
	STRING	 s;
	long	 bad;

	c->hdf = NULL;
	if ((bad = config_plain(path)) > 0) {
		log_error("config %s:%ld: only \"name = value\", \"name {\", "
		    "\"}\" and comments are allowed", path, bad);
		return -1;
	}
	if ((err = hdf_init(&c->hdf)) == STATUS_OK)
		err = hdf_read_file(c->hdf, path);
	if (err != STATUS_OK) {
		string_init(&s);
		nerr_error_string(err, &s);
		log_error("config %s: %s", path, s.buf != NULL ? s.buf : "?");
		string_clear(&s);
		nerr_ignore(&err);
		hdf_destroy(&c->hdf);
		return -1;
	}
	if (config_check(c, path) == -1) {
		hdf_destroy(&c->hdf);
		return -1;
	}
	return 0;
}

void
config_free(struct config *c)
{
	hdf_destroy(&c->hdf);
}
