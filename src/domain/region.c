/* Region look-ups: a code's ancestors are its 2, 4, 6 and 9 digit prefixes. */
#include <stdio.h>
#include <string.h>

#include "domain/region.h"

static struct db_stmt township = DB_READ(
    "SELECT COUNT(*) FROM region WHERE code = ? AND level = 4");

static struct db_stmt path_of = DB_READ(
    "SELECT code, name, level FROM region "
    "WHERE code IN (LEFT(?, 2), LEFT(?, 4), LEFT(?, 6), LEFT(?, 9), ?) "
    "ORDER BY level");

static struct db_stmt children_of = DB_READ(
    "SELECT code, name, level FROM region WHERE parent_code <=> ? "
    "ORDER BY code");

/* path_of and children_of in one round trip (db_query_parts). */
static struct db_stmt path_and_children_of = DB_READ(
    "SELECT 0 AS part, code, name, level FROM region "
    "WHERE code IN (LEFT(?, 2), LEFT(?, 4), LEFT(?, 6), LEFT(?, 9), ?) "
    "UNION ALL SELECT 1, code, name, level FROM region "
    "WHERE parent_code = ? ORDER BY part, level, code");

/* 1 when the path under prefix ends at code itself; else it is removed. */
static int
path_reaches(HDF *hdf, const char *code, const char *prefix, long n)
{
	char	 last[128];
	NEOERR	*err;

	snprintf(last, sizeof(last), "%s.%ld.code", prefix, n - 1);
	if (n > 0 && strcmp(hdf_get_value(hdf, last, ""), code) == 0)
		return 1;
	if ((err = hdf_remove_tree(hdf, prefix)) != STATUS_OK)
		nerr_ignore(&err);
	return 0;
}

enum db_status
region_path(HDF *hdf, const char *code, const char *prefix, long *n)
{
	struct db_arg	 a[] = { DB_TEXT(code), DB_TEXT(code), DB_TEXT(code),
	    DB_TEXT(code), DB_TEXT(code) };
	enum db_status	 st;

	st = db_query(&path_of, a, DB_NARGS(a), hdf, prefix, n);
	/* Ancestors alone, without the code itself: no such region. */
	if (st == DB_OK && !path_reaches(hdf, code, prefix, *n))
		*n = 0;
	return st;
}

enum db_status
region_path_and_children(HDF *hdf, const char *code, const char *path,
    const char *children, long *npath, long *nchildren)
{
	struct db_arg	 a[] = { DB_TEXT(code), DB_TEXT(code), DB_TEXT(code),
	    DB_TEXT(code), DB_TEXT(code), DB_TEXT(code) };
	struct db_part	 parts[] = { { path, 0, 0 }, { children, 0, 0 } };
	enum db_status	 st;

	st = db_query_parts(&path_and_children_of, a, DB_NARGS(a), hdf, parts,
	    DB_NARGS(parts));
	*npath = parts[0].rows;
	*nchildren = parts[1].rows;
	if (st == DB_OK && !path_reaches(hdf, code, path, *npath))
		*npath = 0;
	return st;
}

enum db_status
region_children(HDF *hdf, const char *parent, const char *prefix, long *n)
{
	struct db_arg	 a[] = { parent[0] ? DB_TEXT(parent) : DB_NULLARG };

	return db_query(&children_of, a, 1, hdf, prefix, n);
}

enum db_status
region_township_exists(const char *code, int *found)
{
	struct db_arg	 a[] = { DB_TEXT(code) };

	*found = 0;
	if (strlen(code) != 9)
		return DB_OK;
	return db_exists(&township, a, 1, found);
}

int
valid_region_code(const char *s)
{
	size_t	 i, len = strlen(s);

	if (len != 2 && len != 4 && len != 6 && len != 9 && len != 12)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}
