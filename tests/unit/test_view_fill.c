/* Page data that could not be set is counted, and a page rendered with
 * any counted is refused (a 500), never sent with holes. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "base/arena.h"
#include "web/app.h"
#include "web/config.h"
#include "web/request.h"
#include "web/response.h"
#include "web/region_view.h"
#include "web/view.h"
#include "web/view_field.h"

/* Numbers and item names are written without printf: they must read
 * exactly as printf's would, the extremes and a name too long included. */
static void
test_view_numbers(void)
{
	static const long long numbers[] = {
		0, 7, -7, 10, 19, 2147483648LL, -1000000, LLONG_MAX, LLONG_MIN,
	};
	static const struct {
		const char	*prefix;
		size_t		 i, len;
	} items[] = {
		{ "Outlets", 0, 64 }, { "Outlets", 19, 64 }, { "", 3, 64 },
		{ "RegionChildren", 123456, 64 }, { "Outlets", 19, 10 },
		{ "Outlets", 19, 11 }, { "Outlets", 19, 1 },
	};
	char	 d[VIEW_DECIMAL_MAX], want[64], got[64];
	size_t	 i;

	for (i = 0; i < NELEM(numbers); i++) {
		snprintf(want, sizeof(want), "%lld", numbers[i]);
		CHECK(strcmp(view_decimal(d, numbers[i]), want) == 0,
		    "decimal %s", want);
	}
	for (i = 0; i < NELEM(items); i++) {
		snprintf(want, items[i].len, "%s.%zu", items[i].prefix,
		    items[i].i);
		memset(got, 'x', sizeof(got));
		view_item_prefix(got, items[i].len, items[i].prefix,
		    items[i].i);
		CHECK(strcmp(got, want) == 0, "item %s.%zu in %zu",
		    items[i].prefix, items[i].i, items[i].len);
	}
}

/* Links to regions carry code and name; the API's list its level too. */
static void
test_region_links(void)
{
	struct region		 g[2] = { { "42", "湖北省", 1 },
				    { "4206", "襄阳市", 2 } };
	struct arena_list	 l = { g, 2, 2 };
	HDF			*h;

	if ((h = view_new()) == NULL)
		return;
	region_view_links(h, "L", &l);
	region_view_list(h, "F", &l);
	CHECK(strcmp(hdf_get_value(h, "L.1.code", ""), "4206") == 0 &&
	    strcmp(hdf_get_value(h, "L.1.name", ""), "襄阳市") == 0 &&
	    hdf_get_obj(h, "L.1.level") == NULL && hdf_get_obj(h, "L.2") ==
	    NULL, "links: code and name");
	CHECK(strcmp(hdf_get_value(h, "F.0.level", ""), "1") == 0 &&
	    strcmp(hdf_get_value(h, "F.1.level", ""), "2") == 0,
	    "the full list keeps the level");
	hdf_destroy(&h);
}

/* Children linked on by hadd read as hset's would: in order, found by
 * name before and after the node has a hash table (more than ten
 * children), alongside hset's own, and freed by hdf_destroy without
 * their borrowed values (the sanitizers' runs would report a bad free). */
static void
test_added_children(void)
{
	static const char *const names[] = {
		"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l",
		"m", "n",
	};
	static const struct {
		const char	*name;
		unsigned long	 failures;
	} refused[] = {
		{ "a.b", 1 }, { "", 1 }, { "ok", 0 },
	};
	char	 borrowed[] = "arena text", name[8];
	HDF	*h, *node, *c;
	size_t	 i, n;
	int	 in_order = 1;

	if ((h = view_new()) == NULL)
		return;
	node = hnode(h, "L");
	hset(node, "first", "set");
	for (i = 0; i < NELEM(names); i++) {
		/* The twelfth by hset, which then gives the node its hash. */
		if (i == 11)
			hset(node, names[i], names[i]);
		else
			hadd(node, names[i], i % 2 ? borrowed : names[i]);
	}
	CHECK(node->hash != NULL, "hadd after the hash table is made");
	hadd_int(node, "int", -42);
	hadd_copy(node, "copy", borrowed);
	hadd(node, "empty", NULL);
	hadd_spaced(node, "two", "襄州区", "张湾街道");
	hadd_spaced(node, "one", "襄州区", "");
	{
		char	 a[300], b[300], want[602];

		memset(a, 'a', sizeof(a) - 1);
		a[sizeof(a) - 1] = '\0';
		memset(b, 'b', sizeof(b) - 1);
		b[sizeof(b) - 1] = '\0';
		snprintf(want, sizeof(want), "%s %s", a, b);
		hadd_spaced(node, "long", a, b);
		CHECK(strcmp(hdf_get_value(h, "L.long", ""), want) == 0,
		    "two words longer than the stack's room");
	}
	CHECK(strcmp(hdf_get_value(h, "L.two", ""), "襄州区 张湾街道") == 0 &&
	    strcmp(hdf_get_value(h, "L.one", ""), "襄州区 ") == 0,
	    "two words with a space, the second maybe empty");
	hset(node, "last", "set");
	for (i = 0; i < NELEM(names); i++) {
		snprintf(name, sizeof(name), "L.%s", names[i]);
		CHECK(strcmp(hdf_get_value(h, name, "?"), i % 2 && i != 11 ?
		    borrowed : names[i]) == 0, "added %s", names[i]);
	}
	CHECK(strcmp(hdf_get_value(h, "L.int", ""), "-42") == 0 &&
	    strcmp(hdf_get_value(h, "L.copy", ""), "arena text") == 0 &&
	    hdf_get_obj(h, "L.empty") != NULL &&
	    hdf_get_value(h, "L.empty", NULL) == NULL &&
	    strcmp(hdf_get_value(h, "L.last", ""), "set") == 0,
	    "numbers, copies, empty nodes, and hset after");
	/* A copy is its own; a borrowed value is the caller's text. */
	borrowed[0] = 'A';
	CHECK(strcmp(hdf_get_value(h, "L.copy", ""), "arena text") == 0 &&
	    strcmp(hdf_get_value(h, "L.b", ""), "Arena text") == 0,
	    "copied and borrowed");
	c = hdf_obj_child(node);
	CHECK(c != NULL && strcmp(hdf_obj_name(c), "first") == 0, "order");
	for (i = 0, c = hdf_obj_next(c); i < NELEM(names) && c != NULL;
	    i++, c = hdf_obj_next(c))
		in_order &= strcmp(hdf_obj_name(c), names[i]) == 0;
	CHECK(in_order && i == NELEM(names), "in the order added");
	for (n = 0, c = hdf_obj_child(node); c != NULL; c = hdf_obj_next(c))
		n++;
	CHECK(n == NELEM(names) + 8, "every child once (%zu)", n);
	for (i = 0; i < NELEM(refused); i++) {
		view_fill_reset();
		CHECK((hadd(node, refused[i].name, "x") == NULL) ==
		    (refused[i].failures > 0) && view_fill_failures() ==
		    refused[i].failures, "add \"%s\"", refused[i].name);
	}
	view_fill_reset();
	CHECK(hadd(NULL, "x", "x") == NULL && view_fill_failures() == 1,
	    "no node: counted");
	view_fill_reset();
	hdf_destroy(&h);
}

/* A request's tree takes its added nodes from the arena; view_destroy
 * unlinks them and frees what ClearSilver malloc'd among them (the
 * sanitizers' runs report any bad free or leak): a value hset replaced,
 * a node hset added below an arena node, a hash table it made there, and
 * arena nodes added below that node of its own. */
static void
test_arena_tree(void)
{
	struct arena	 a = { 0 };
	char		 name[8];
	HDF		*h, *list, *item, *own;
	size_t		 i;

	if ((h = view_new_in(&a)) == NULL)
		return;
	view_fill_reset();
	list = hnew(h, "L");
	for (i = 0; i < 3; i++) {
		item = hadd_item(list, i);
		hadd_int(item, "id", (long long)i);
		hadd_copy(item, "name", "copied");
		hadd_spaced(item, "place", "襄州区", "张湾街道");
	}
	CHECK(list != NULL && arena_owns(&a, hdf_get_obj(h, "L.2")) &&
	    arena_owns(&a, hdf_get_obj(h, "L.2.name")) &&
	    !arena_owns(&a, list), "items and fields are the arena's");
	CHECK(strcmp(hdf_get_value(h, "L.2.id", ""), "2") == 0 &&
	    strcmp(hdf_get_value(h, "L.1.name", ""), "copied") == 0 &&
	    strcmp(hdf_get_value(h, "L.1.place", ""), "襄州区 张湾街道") == 0 &&
	    arena_owns(&a, hdf_get_value(h, "L.1.place", NULL)),
	    "read as set");
	/* ClearSilver's own below and beside the arena's. */
	hset(h, "L.0.name", "replaced");
	hset(h, "L.1.extra.deep", "hset's");
	own = hdf_get_obj(h, "L.1.extra");
	hadd(own, "again", "arena below hset's");
	for (i = 0; i < 12; i++) {
		snprintf(name, sizeof(name), "k%zu", i);
		hset(hdf_get_obj(h, "L.2"), name, "hashed");
	}
	hset(h, "L.3", "after the items");
	CHECK(strcmp(hdf_get_value(h, "L.0.name", ""), "replaced") == 0 &&
	    strcmp(hdf_get_value(h, "L.1.extra.again", ""),
	    "arena below hset's") == 0 &&
	    strcmp(hdf_get_value(h, "L.2.k11", ""), "hashed") == 0 &&
	    strcmp(hdf_get_value(h, "L.3", ""), "after the items") == 0 &&
	    !arena_owns(&a, own) && arena_owns(&a,
	    hdf_get_obj(h, "L.1.extra.again")), "mixed with hset's");
	CHECK(view_fill_failures() == 0, "all set");
	view_destroy(&h);
	CHECK(h == NULL, "destroyed");
	/* A tree of the arena's again after the last one is gone. */
	if ((h = view_new_in(&a)) != NULL) {
		hadd(h, "x", "y");
		CHECK(arena_owns(&a, hdf_get_obj(h, "x")), "a second tree");
		view_destroy(&h);
	}
	arena_free(&a);
}

void
test_view_fill(void)
{
	static const struct {
		const char	*name;
		unsigned long	 failures;
	} cases[] = {
		{ "Page.Title", 0 }, { "Queue.0.status_name", 0 },
		{ "a..b", 1 }, { ".leading", 1 }, { "trailing.", 1 },
	};
	struct config	 cfg;
	struct request	 req;
	struct response	 resp;
	struct ctx	 c;
	HDF		*h;
	size_t		 i;

	for (i = 0; i < NELEM(cases); i++) {
		view_fill_reset();
		if ((h = view_new()) == NULL)
			return;
		hset(h, cases[i].name, "x");
		CHECK(view_fill_failures() == cases[i].failures, "set %s",
		    cases[i].name);
		hdf_destroy(&h);
	}
	test_view_numbers();
	test_region_links();
	test_added_children();
	test_arena_tree();

	/* The render refuses; the count is cleared for the error page. */
	memset(&cfg, 0, sizeof(cfg));
	cfg.site_name = "jdxx";
	cfg.asset_version = "1";
	request_init(&req);
	response_init(&resp);
	memset(&c, 0, sizeof(c));
	c.req = &req;
	c.resp = &resp;
	c.cfg = &cfg;
	view_fill_reset();
	if ((c.hdf = view_new()) == NULL)
		return;
	hset(c.hdf, "Bad..name", "x");
	CHECK(ctx_render(&c, "nothing.cs") == H_ERROR,
	    "a page with a value not set is not rendered");
	CHECK(view_fill_failures() == 0, "cleared for the error page");
	CHECK(resp.body.len == 0, "nothing of the page was written");
	hdf_destroy(&c.hdf);
	request_free(&req);
	response_free(&resp);
}
