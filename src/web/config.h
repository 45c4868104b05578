/* The instance configuration, read from an HDF file at start. */
#ifndef JDXX_CONFIG_H
#define JDXX_CONFIG_H

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"

struct config {
	HDF		*hdf;		/* owns every string below */
	struct db_config db;
	const char	*templates;
	const char	*site_name;
	const char	*timezone;
	const char	*secret;	/* keys hashes of query codes */
	const char	*asset_version;	/* changes with static/: busts caches */
	const char	*site_url;	/* scheme and host, for printed links */
	const char	*complaint_phone; /* printed in every store */
	int		 accept_days;	/* working days to accept a complaint */
	int		 resolve_days;	/* working days to resolve one */
	int		 complaints_per_hour;	/* from one address; 0: no limit */
	int		 demo;		/* the instance holds demo data */
	int		 tls;		/* served over HTTPS */
	int		 workers;
	int		 page_cache;	/* keep whole public answers */
	int		 page_cache_check_ms;	/* how often to ask for changes */
	const char	*change_signal;	/* shared counter file, or NULL */
	/* Staff sign-in: Argon2id hashes computed at once on this host
	 * (each takes 64 MiB), counted by locks on files in hash_lock_dir
	 * (NULL: each worker counts its own); roles (enum staff_role bits)
	 * that must use a second factor, admins always. */
	int		 hash_slots;
	const char	*hash_lock_dir;
	unsigned	 second_factor_roles;
};

/* Returns 0, or -1 with the reason logged and nothing kept. */
int	config_load(struct config *, const char *path);
void	config_free(struct config *);

#endif
