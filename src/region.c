/* Region look-ups: a code's ancestors are its 2, 4, 6 and 9 digit prefixes. */
#include <stdio.h>
#include <string.h>

#include "region.h"

static struct db_stmt path_of = DB_READ(
    "SELECT code, name, level FROM region "
    "WHERE code IN (LEFT(?, 2), LEFT(?, 4), LEFT(?, 6), LEFT(?, 9), ?) "
    "ORDER BY level");

static struct db_stmt children_of = DB_READ(
    "SELECT code, name, level FROM region WHERE parent_code <=> ? "
    "ORDER BY code");

static struct db_stmt exists = DB_READ(
    "SELECT 1 AS found FROM region WHERE code = ?");

enum db_status
region_path(HDF *hdf, const char *code, const char *prefix, long *n)
{
	struct db_arg	 a[] = { DB_TEXT(code), DB_TEXT(code), DB_TEXT(code),
	    DB_TEXT(code), DB_TEXT(code) };
	struct db_arg	 e[] = { DB_TEXT(code) };
	enum db_status	 st;
	long long	 found;

	*n = 0;
	if ((st = db_query_int(&exists, e, 1, &found)) != DB_OK || !found)
		return st;
	return db_query(&path_of, a, DB_NARGS(a), hdf, prefix, n);
}

enum db_status
region_children(HDF *hdf, const char *parent, const char *prefix, long *n)
{
	struct db_arg	 a[] = { parent[0] ? DB_TEXT(parent) : DB_NULLARG };

	return db_query(&children_of, a, 1, hdf, prefix, n);
}
