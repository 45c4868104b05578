/* SQL built from fixed fragments: each combination holds exactly the
 * fragments chosen, in order, and the statement is built once. */
#include <string.h>

#include "check.h"
#include "filtered.h"

static const struct sql_fragment frags[] = {
	{ 1, " AND a = ?" },
	{ 2, " AND b LIKE CONCAT(?, '%')" },
};

static struct filtered_sql q = {
	.columns = "SELECT id ",
	.from = { "FROM t ", "FROM (SELECT id FROM s WHERE k = ?) h JOIN t " },
	.joins = "JOIN u ON u.id = t.uid ",
	.filters = frags,
	.nfilters = 2,
	.order = { " ORDER BY id LIMIT ? OFFSET ?",
	    " ORDER BY (x = ?) DESC, id LIMIT ? OFFSET ?" },
	.keyword_bit = 4,
};

static size_t
placeholders(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		n += *s == '?';
	return n;
}

void
test_filtered(void)
{
	static const struct {
		unsigned	 mask;
		const char	*list, *count;
		size_t		 nlist, ncount;
	} cases[] = {
		{ 0, "SELECT id FROM t JOIN u ON u.id = t.uid WHERE 1 = 1 "
		    "ORDER BY id LIMIT ? OFFSET ?",
		    "SELECT COUNT(*) AS n FROM t WHERE 1 = 1", 2, 0 },
		{ 1, "SELECT id FROM t JOIN u ON u.id = t.uid WHERE 1 = 1 AND "
		    "a = ? ORDER BY id LIMIT ? OFFSET ?",
		    "SELECT COUNT(*) AS n FROM t WHERE 1 = 1 AND a = ?", 3, 1 },
		{ 3, NULL, "SELECT COUNT(*) AS n FROM t WHERE 1 = 1 AND a = ? "
		    "AND b LIKE CONCAT(?, '%')", 4, 2 },
		{ 6, NULL, "SELECT COUNT(*) AS n FROM (SELECT id FROM s WHERE "
		    "k = ?) h JOIN t WHERE 1 = 1 AND b LIKE CONCAT(?, '%')", 5, 2 },
	};
	struct db_stmt	*l, *c;
	size_t		 i;

	for (i = 0; i < NELEM(cases); i++) {
		l = filtered_list(&q, cases[i].mask);
		c = filtered_count(&q, cases[i].mask);
		CHECK(l != NULL && c != NULL, "mask %u built", cases[i].mask);
		if (l == NULL || c == NULL)
			continue;
		if (cases[i].list != NULL)
			CHECK(strcmp(l->sql, cases[i].list) == 0, "list %u: %s",
			    cases[i].mask, l->sql);
		CHECK(strcmp(c->sql, cases[i].count) == 0, "count %u: %s",
		    cases[i].mask, c->sql);
		CHECK(placeholders(l->sql) == cases[i].nlist, "list ? %u",
		    cases[i].mask);
		CHECK(placeholders(c->sql) == cases[i].ncount, "count ? %u",
		    cases[i].mask);
		CHECK(l->readonly && c->readonly, "reads %u", cases[i].mask);
		CHECK(filtered_list(&q, cases[i].mask) == l, "built once %u",
		    cases[i].mask);
	}
	CHECK(filtered_list(&q, FILTERED_COMBOS) == NULL, "mask out of range");
}
