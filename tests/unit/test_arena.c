/* The arena: alignment, copies, large requests, reuse after freeing. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "base/arena.h"

static const struct {
	const char	*text;
	size_t		 n;
	const char	*want;
} copy_cases[] = {
	{ "", 0, "" }, { "abc", 3, "abc" }, { "abc", 2, "ab" },
	{ "张湾街道", 6, "张湾" }, { "a\0b", 3, "a\0b" },
};

static const size_t sizes[] = { 0, 1, 7, 8, 9, 15, 16, 17, 100, 4096,
	64 * 1024, 200 * 1024, 3 };

void
test_arena(void)
{
	struct arena	 a = { 0 };
	const char	*s;
	char		*p[NELEM(sizes)];
	size_t		 i, j;
	int		 ok;

	for (i = 0; i < NELEM(copy_cases); i++) {
		s = arena_strndup(&a, copy_cases[i].text, copy_cases[i].n);
		CHECK(memcmp(s, copy_cases[i].want, copy_cases[i].n) == 0 &&
		    s[copy_cases[i].n] == '\0', "copy %zu", i);
		CHECK(s != copy_cases[i].text, "copy %zu is a copy", i);
	}
	CHECK(strcmp(arena_strdup(&a, "鑫源电器行"), "鑫源电器行") == 0,
	    "strdup");
	/* Each allocation aligned, and none overlaps another. */
	for (i = 0; i < NELEM(sizes); i++) {
		p[i] = arena_alloc(&a, sizes[i]);
		CHECK(p[i] != NULL, "alloc %zu", sizes[i]);
		CHECK((uintptr_t)p[i] % _Alignof(max_align_t) == 0,
		    "aligned %zu", sizes[i]);
		memset(p[i], (int)i + 1, sizes[i]);
	}
	for (i = 0, ok = 1; i < NELEM(sizes); i++)
		for (j = 0; j < sizes[i]; j++)
			if (p[i][j] != (char)(i + 1))
				ok = 0;
	CHECK(ok, "allocations kept apart");
	CHECK(!a.failed, "nothing failed");
	/* Too much to ask is refused, and said once. */
	CHECK(arena_alloc(&a, (size_t)-1) == NULL && a.failed, "huge refused");
	CHECK(strcmp(arena_strndup(&a, "x", (size_t)-1), "") == 0,
	    "huge copy is empty");
	arena_free(&a);
	CHECK(a.blocks == NULL && !a.failed, "freed");
	arena_free(&a);
	CHECK(a.blocks == NULL, "freed twice");
	s = arena_strdup(&a, "again");
	CHECK(strcmp(s, "again") == 0 && !a.failed, "reused");
	arena_free(&a);
	/* A list keeps its items in order as it moves to larger arrays. */
	{
		struct arena_list	 l = { 0 };
		long long		*v;
		size_t			 i;
		int			 same = 1;

		for (i = 0; i < 1000; i++) {
			if ((v = arena_push(&a, &l, sizeof(*v))) == NULL)
				break;
			*v = (long long)i * 7;
		}
		CHECK(l.n == 1000 && l.cap >= 1000, "list of 1000 grew");
		for (i = 0; i < l.n; i++)
			same &= ((long long *)l.item)[i] == (long long)i * 7;
		CHECK(same, "list items kept in order");
		l = (struct arena_list){ 0 };
		CHECK(arena_push(&a, &l, 0) == NULL && a.failed,
		    "items of no size refused");
	}
	arena_free(&a);
	/* A reset keeps the first ordinary block for the next request. */
	{
		const char	*first, *again;
		size_t		 i;

		first = arena_strdup(&a, "request one");
		for (i = 0; i < 3000; i++)
			arena_strdup(&a, "a string of some forty bytes, each one");
		CHECK(!a.failed && a.blocks != NULL, "several blocks");
		arena_reset(&a);
		CHECK(a.blocks != NULL && !a.failed, "one block kept");
		again = arena_strdup(&a, "request two");
		CHECK(again == first && strcmp(again, "request two") == 0,
		    "the kept block is used from its start");
		arena_free(&a);
		/* A first block made for one large ask is not kept. */
		CHECK(arena_alloc(&a, 200 * 1024) != NULL, "large first");
		arena_reset(&a);
		CHECK(a.blocks == NULL, "a large block is given back");
		arena_reset(&a);
		CHECK(a.blocks == NULL && !a.failed, "reset of an empty arena");
	}
	/* What one arena handed out stays put when another adopts it. */
	{
		struct arena	 to = { 0 };
		const char	*mine, *lent[2];
		size_t		 i;

		arena_adopt(&to, &a);
		CHECK(to.blocks == NULL && a.blocks == NULL, "adopting nothing");
		mine = arena_strdup(&to, "kept before");
		lent[0] = arena_strdup(&a, "lent text");
		for (i = 0; i < 3000; i++)
			arena_strdup(&a, "a string of some forty bytes, each one");
		lent[1] = arena_strdup(&a, "lent last");
		arena_adopt(&to, &a);
		CHECK(a.blocks == NULL && !a.failed, "the adopted arena is empty");
		CHECK(strcmp(lent[0], "lent text") == 0 &&
		    strcmp(lent[1], "lent last") == 0 &&
		    strcmp(mine, "kept before") == 0, "text stays where it was");
		CHECK(arena_owns(&to, lent[0]) && arena_owns(&to, lent[1]) &&
		    arena_owns(&to, mine), "the adopter owns every block");
		CHECK(strcmp(arena_strdup(&a, "again"), "again") == 0,
		    "the adopted arena is reused");
		arena_free(&a);
		arena_free(&to);
		CHECK(to.blocks == NULL, "the adopter frees them all");
	}
}