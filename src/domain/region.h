/* Administrative divisions (GB/T 2260 and township codes). */
#ifndef JDXX_REGION_H
#define JDXX_REGION_H

#include <ClearSilver/ClearSilver.h>

#include "db/db.h"

/* The region and its ancestors, province first, as prefix.N.{code, name,
 * level}; *n is 0 when the code does not exist. */
/* 1 for the shape of a region code: 2, 4, 6, 9 or 12 digits. */
int		valid_region_code(const char *);
/* *found is 1 when code names a township (level 4, nine digits). */
enum db_status	region_township_exists(const char *code, int *found);
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
