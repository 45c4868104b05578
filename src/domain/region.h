/* Administrative divisions (GB/T 2260 and township codes). */
#ifndef JDXX_REGION_H
#define JDXX_REGION_H

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"

/* The region and its ancestors, province first, as prefix.N.{code, name,
 * level}; *n is 0 when the code does not exist. */
enum db_status	region_path(HDF *, const char *code, const char *prefix,
		    long *n);
/* region_path and region_children of the same code in one round trip. */
enum db_status	region_path_and_children(HDF *, const char *code,
		    const char *path, const char *children, long *npath,
		    long *nchildren);
/* The children of parent ("" for the provinces), by code. */
enum db_status	region_children(HDF *, const char *parent, const char *prefix,
		    long *n);

#endif
