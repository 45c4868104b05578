/* Configuration from an HDF file. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"

int
config_load(struct config *c, const char *path)
{
	NEOERR	*err;
	STRING	 s;

	if ((err = hdf_init(&c->hdf)) == STATUS_OK)
		err = hdf_read_file(c->hdf, path);
	if (err != STATUS_OK) {
		string_init(&s);
		nerr_error_string(err, &s);
		log_error("config %s: %s", path, s.buf != NULL ? s.buf : "?");
		string_clear(&s);
		nerr_ignore(&err);
		return -1;
	}
	c->db.socket = hdf_get_value(c->hdf, "DB.Socket", NULL);
	c->db.user = hdf_get_value(c->hdf, "DB.User", NULL);
	c->db.password = hdf_get_value(c->hdf, "DB.Password", "");
	c->db.name = hdf_get_value(c->hdf, "DB.Name", "jdxx");
	c->db.timeout = (unsigned)hdf_get_int_value(c->hdf, "DB.Timeout", 5);
	c->templates = hdf_get_value(c->hdf, "Site.Templates", "templates");
	c->site_name = hdf_get_value(c->hdf, "Site.Name", "家电下乡公共服务网");
	c->timezone = hdf_get_value(c->hdf, "Site.TimeZone", "Asia/Shanghai");
	c->secret = hdf_get_value(c->hdf, "Site.Secret", "");
	c->asset_version = hdf_get_value(c->hdf, "Site.AssetVersion", "1");
	c->accept_days = hdf_get_int_value(c->hdf, "Complaints.AcceptDays", 7);
	c->resolve_days = hdf_get_int_value(c->hdf, "Complaints.ResolveDays",
	    30);
	c->complaints_per_hour = hdf_get_int_value(c->hdf,
	    "Complaints.PerHour", 5);
	c->demo = hdf_get_int_value(c->hdf, "Site.Demo", 0);
	c->tls = hdf_get_int_value(c->hdf, "Site.TLS", 0);
	c->workers = hdf_get_int_value(c->hdf, "Workers", 4);
	c->page_cache = hdf_get_int_value(c->hdf, "PageCache", 1);
	c->page_cache_check_ms = hdf_get_int_value(c->hdf,
	    "PageCacheCheckMs", 250);
	c->change_signal = hdf_get_value(c->hdf, "Site.ChangeSignal", NULL);
	if (c->db.socket == NULL || c->db.user == NULL) {
		log_error("config %s: DB.Socket and DB.User are required", path);
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
	if (c->workers < 1 || c->workers > 256) {
		log_error("config %s: Workers must be 1 to 256", path);
		return -1;
	}
	return 0;
}

void
config_free(struct config *c)
{
	hdf_destroy(&c->hdf);
}
