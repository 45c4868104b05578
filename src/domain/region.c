/* Region look-ups: a code's ancestors are its 2, 4, 6 and 9 digit prefixes. */
#include <string.h>

#include "domain/result.h"
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

/* path_of and children_of in one round trip: part names the list. */
static struct db_stmt path_and_children_of = DB_READ(
    "SELECT 0 AS part, code, name, level FROM region "
    "WHERE code IN (LEFT(?, 2), LEFT(?, 4), LEFT(?, 6), LEFT(?, 9), ?) "
    "UNION ALL SELECT 1, code, name, level FROM region "
    "WHERE parent_code = ? ORDER BY part, level, code");

/* Where the rows of a read go: lists[part] (one list: lists[0]). */
struct region_sink {
	struct arena		*arena;
	struct arena_list	*lists[2];
	int			 parts;
};

static int
read_region(void *arg, const struct db_row *r)
{
	struct region_sink	*k = arg;
	struct arena_list	*list = k->lists[0];
	struct region		*g;
	long long		 part;

	if (k->parts) {
		part = db_col(r, "part") != NULL ? db_int(r, "part") : -1;
		if (part < 0 || part > 1)
			return -1;
		list = k->lists[part];
	}
	if ((g = arena_push(k->arena, list, sizeof(*g))) == NULL)
		return -1;
	g->code = db_keep(k->arena, r, "code");
	g->name = db_keep(k->arena, r, "name");
	g->level = db_int(r, "level");
	return 0;
}

/* DOMAIN_OK when the path ends at code itself; else it is emptied:
 * ancestors alone, without the code, mean no such region. */
static enum domain_status
path_reaches(const char *code, struct arena_list *path)
{
	const struct region	*last;

	if (path->n > 0) {
		last = region_at(path, path->n - 1);
		if (last->code != NULL && strcmp(last->code, code) == 0)
			return DOMAIN_OK;
	}
	path->n = 0;
	return DOMAIN_NOT_FOUND;
}

enum domain_status
region_path(struct arena *arena, const char *code, struct arena_list *path)
{
	struct db_arg		 a[] = { DB_TEXT(code), DB_TEXT(code),
	    DB_TEXT(code), DB_TEXT(code), DB_TEXT(code) };
	struct region_sink	 k = { arena, { path, NULL }, 0 };
	enum domain_status	 ds;

	*path = (struct arena_list){ 0 };
	ds = domain_of_read(db_query_each(&path_of, a, DB_NARGS(a), read_region,
	    &k), arena);
	return ds == DOMAIN_OK ? path_reaches(code, path) : ds;
}

enum domain_status
region_path_and_children(struct arena *arena, const char *code,
    struct arena_list *path, struct arena_list *children)
{
	struct db_arg		 a[] = { DB_TEXT(code), DB_TEXT(code),
	    DB_TEXT(code), DB_TEXT(code), DB_TEXT(code), DB_TEXT(code) };
	struct region_sink	 k = { arena, { path, children }, 1 };
	enum domain_status	 ds;

	*path = *children = (struct arena_list){ 0 };
	ds = domain_of_read(db_query_each(&path_and_children_of, a, DB_NARGS(a),
	    read_region, &k), arena);
	return ds == DOMAIN_OK ? path_reaches(code, path) : ds;
}

enum domain_status
region_children(struct arena *arena, const char *parent,
    struct arena_list *children)
{
	struct db_arg		 a[] = { parent[0] ? DB_TEXT(parent) :
	    DB_NULLARG };
	struct region_sink	 k = { arena, { children, NULL }, 0 };

	*children = (struct arena_list){ 0 };
	return domain_of_read(db_query_each(&children_of, a, 1, read_region, &k),
	    arena);
}

enum domain_status
region_township_exists(const char *code, int *found)
{
	struct db_arg	 a[] = { DB_TEXT(code) };

	*found = 0;
	if (strlen(code) != 9)
		return DOMAIN_OK;
	return domain_of_db(db_exists(&township, a, 1, found));
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
