/* The version of everything the public pages show: it moves with every
 * committed change and when a notice comes due, so caches of those pages
 * know when to forget. */
#ifndef JDXX_SITE_VERSION_H
#define JDXX_SITE_VERSION_H

#include "db/db.h"
#include "domain/result.h"

enum domain_status site_version(long long *version);
/* Whether the database answers now: DOMAIN_OK, else why not. */
enum domain_status site_ping(void);

#endif
