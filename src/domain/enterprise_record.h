/* Winning-bid sales enterprises as staff keep them: the lists of the
 * back office, and adding or changing one with its audit row. */
#ifndef JDXX_ENTERPRISE_RECORD_H
#define JDXX_ENTERPRISE_RECORD_H

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"
#include "domain/audit.h"
#include "domain/result.h"

/* The fields staff edit. */
struct enterprise_fields {
	const char	*name;
	const char	*bid_batch;	/* "" for none */
	const char	*phone;		/* "" for none */
};

/* Every enterprise by name as prefix.N.{id, name}, for a choice. */
enum db_status	enterprise_names(HDF *, const char *prefix, long *n);
/* Every enterprise by name as prefix.N.{id, name, bid_batch, phone,
 * is_demo, outlets}. */
enum db_status	enterprise_staff_list(HDF *, const char *prefix, long *n);
/* One enterprise as prefix.{id, name, bid_batch, phone}. */
enum db_status	enterprise_get(HDF *, long long id, const char *prefix,
		    int *found);
/* Adds an enterprise (*id 0, set to the new one's) or saves enterprise
 * *id, stored as old (enterprise_get's row); DOMAIN_INVALID, with the
 * reason in problems, when another has the name. */
enum domain_status enterprise_save(long long *id, HDF *old,
		    const struct enterprise_fields *, const struct audit_by *,
		    struct domain_problems *);

#endif
