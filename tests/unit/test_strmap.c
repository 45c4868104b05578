/* The string map: adding, finding, growing, keys by content. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "base/strmap.h"

static const struct {
	const char	*key;
	size_t		 val;
	int		 want;		/* strmap_add: 0 added, 1 there */
	size_t		 now;		/* the key's number afterwards */
} add_cases[] = {
	{ "tv", 1, 0, 1 }, { "彩电", 1, 0, 1 }, { "phone", 2, 0, 2 },
	{ "tv", 9, 1, 1 }, { "", 3, 0, 3 }, { "TV", 4, 0, 4 },
	{ "冰箱(含冷柜)", 5, 0, 5 }, { "", 8, 1, 3 },
};

void
test_strmap(void)
{
	struct strmap	 m = { 0 };
	static char	 keys[1000][8];
	size_t		 i, v;
	int		 r, ok;
	char		 probe[8];

	CHECK(strmap_get(&m, "tv", &v) == 0, "empty map has nothing");
	for (i = 0; i < NELEM(add_cases); i++) {
		v = add_cases[i].val;
		r = strmap_add(&m, add_cases[i].key, &v);
		CHECK(r == add_cases[i].want, "add %zu: %d", i, r);
		CHECK(strmap_get(&m, add_cases[i].key, &v) &&
		    v == add_cases[i].now, "get %zu: %zu", i, v);
	}
	CHECK(m.n == 6, "six keys: %zu", m.n);
	/* Found by content, not by pointer. */
	snprintf(probe, sizeof(probe), "%s", "phone");
	CHECK(strmap_get(&m, probe, &v) && v == 2, "by content");
	CHECK(strmap_get(&m, "pho", &v) == 0, "prefix is another key");
	strmap_free(&m);
	CHECK(m.n == 0 && m.cap == 0 && strmap_get(&m, "tv", &v) == 0,
	    "freed");

	/* Many keys: the map grows and keeps every number. */
	for (i = 0, ok = 1; i < NELEM(keys); i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%zu", i);
		v = i;
		if (strmap_add(&m, keys[i], &v) != 0)
			ok = 0;
	}
	CHECK(ok, "1000 added");
	for (i = 0, ok = 1; i < NELEM(keys); i++)
		if (!strmap_get(&m, keys[i], &v) || v != i)
			ok = 0;
	CHECK(ok, "1000 found");
	CHECK(m.n == 1000 && m.cap >= 2000, "at most half full: %zu of %zu",
	    m.n, m.cap);
	strmap_free(&m);
}
