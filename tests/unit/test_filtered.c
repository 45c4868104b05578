/* SQL built from fixed fragments: each combination holds exactly the
 * fragments chosen, in order, and the statement is built once. */
#include <string.h>

#include "check.h"
#include "db/filtered.h"

static const struct sql_fragment frags[] = {
	{ 1, " AND a = ?" },
	{ 2, " AND b LIKE CONCAT(?, '%')" },
};

static struct filtered_sql q = {
	.list_head = "SELECT x FROM (SELECT id FROM t ",
	.count_head = "SELECT COUNT(*) FROM t ",
	.where = "WHERE k = ?",
	.filters = frags,
	.nfilters = 2,
	.list_tail = " ORDER BY id LIMIT ? OFFSET ?) p JOIN u ON u.id = p.id",
	.count_tail = "",
};

static size_t
placeholders(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		n += *s == '?';
	return n;
}

/* A WHERE over the builder's buffer is refused, never cut short. */
static void
test_filtered_too_long(void)
{
	static char		 wide[1100];
	static struct sql_fragment big[] = { { 1, wide } };
	static struct filtered_sql too_long = {
		.list_head = "SELECT id FROM t ",
		.count_head = "SELECT COUNT(*) FROM t ",
		.where = "WHERE 1 = 1",
		.filters = big,
		.nfilters = 1,
		.list_tail = "",
		.count_tail = "",
	};

	memset(wide, 'x', sizeof(wide) - 1);
	memcpy(wide, " AND ", 5);
	CHECK(filtered_list(&too_long, 1) == NULL, "over-long WHERE refused");
	CHECK(filtered_count(&too_long, 1) == NULL, "its count refused too");
	CHECK(filtered_list(&too_long, 0) != NULL, "without it, built");
}

void
test_filtered(void)
{
	static const struct {
		unsigned	 mask;
		const char	*list, *count;
		size_t		 nlist, ncount;
	} cases[] = {
		{ 0, "SELECT x FROM (SELECT id FROM t WHERE k = ? ORDER BY id "
		    "LIMIT ? OFFSET ?) p JOIN u ON u.id = p.id",
		    "SELECT COUNT(*) FROM t WHERE k = ?", 3, 1 },
		{ 1, "SELECT x FROM (SELECT id FROM t WHERE k = ? AND a = ? "
		    "ORDER BY id LIMIT ? OFFSET ?) p JOIN u ON u.id = p.id",
		    "SELECT COUNT(*) FROM t WHERE k = ? AND a = ?", 4, 2 },
		{ 2, NULL, "SELECT COUNT(*) FROM t WHERE k = ? AND b LIKE "
		    "CONCAT(?, '%')", 4, 2 },
		{ 3, NULL, "SELECT COUNT(*) FROM t WHERE k = ? AND a = ? "
		    "AND b LIKE CONCAT(?, '%')", 5, 3 },
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
	test_filtered_too_long();
}
