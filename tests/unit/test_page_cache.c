/* The page cache: lookups, limits, and forgetting on a change. */
#include <string.h>
#include <time.h>

#include "check.h"
#include "web/page_cache.h"

/* One step of a scenario: an operation and what must follow from it. */
enum op { PUT, GET, VALIDATE, CLEAR };

static const struct {
	enum op		 op;
	const char	*key;
	const char	*data;		/* PUT: the answer; GET: what is found */
	long long	 version;	/* VALIDATE */
	long		 day;		/* VALIDATE */
	int		 want;		/* PUT: 0 or -1; GET: 1 found, 0 not */
	size_t		 count;		/* answers kept afterwards */
} steps[] = {
	{ PUT, "/", "home", 0, 0, -1, 0 },		/* no version known yet */
	{ VALIDATE, NULL, NULL, 7, 100, 0, 0 },
	{ PUT, "/", "home", 0, 0, 0, 1 },
	{ GET, "/", "home", 0, 0, 1, 1 },
	{ GET, "/?", NULL, 0, 0, 0, 1 },		/* keys are exact */
	{ PUT, "/outlets?region=420607", "county", 0, 0, 0, 2 },
	{ PUT, "/", "home again", 0, 0, 0, 2 },	/* replaces */
	{ GET, "/", "home again", 0, 0, 1, 2 },
	{ VALIDATE, NULL, NULL, 7, 100, 0, 2 },	/* nothing changed */
	{ GET, "/outlets?region=420607", "county", 0, 0, 1, 2 },
	{ VALIDATE, NULL, NULL, 8, 100, 0, 0 },	/* a staff change */
	{ GET, "/", NULL, 0, 0, 0, 0 },
	{ PUT, "/", "home", 0, 0, 0, 1 },
	{ VALIDATE, NULL, NULL, 8, 101, 0, 0 },	/* a new day */
	{ GET, "/", NULL, 0, 0, 0, 0 },
	{ PUT, "/notices", "list", 0, 0, 0, 1 },
	{ CLEAR, NULL, NULL, 0, 0, 0, 0 },		/* the database is away */
	{ PUT, "/notices", "list", 0, 0, -1, 0 },
	{ GET, "/notices", NULL, 0, 0, 0, 0 },
	{ VALIDATE, NULL, NULL, 8, 101, 0, 0 },
	{ PUT, "/notices", "list", 0, 0, 0, 1 },
};

static void
scenario(void)
{
	const struct cached_page *p;
	size_t		 i;

	page_cache_init(1 << 20, 1 << 16);
	for (i = 0; i < NELEM(steps); i++) {
		switch (steps[i].op) {
		case PUT:
			CHECK(page_cache_put(steps[i].key, steps[i].data,
			    strlen(steps[i].data), 0) == steps[i].want,
			    "step %zu: put %s", i, steps[i].key);
			break;
		case GET:
			p = page_cache_get(steps[i].key);
			CHECK((p != NULL) == steps[i].want, "step %zu: get %s",
			    i, steps[i].key);
			if (p != NULL && steps[i].data != NULL)
				CHECK(p->len == strlen(steps[i].data) &&
				    memcmp(p->data, steps[i].data, p->len) == 0,
				    "step %zu: get %s: other bytes", i,
				    steps[i].key);
			break;
		case VALIDATE:
			page_cache_validate(steps[i].version, steps[i].day);
			break;
		case CLEAR:
			page_cache_clear();
			break;
		}
		CHECK(page_cache_count() == steps[i].count,
		    "step %zu: %zu kept, want %zu", i, page_cache_count(),
		    steps[i].count);
	}
}

/* The limits: an answer too big is refused, a full cache starts again. */
static void
limits(void)
{
	static char	 big[5000];
	char		 key[32];
	int		 i;

	memset(big, 'x', sizeof(big));
	page_cache_init(16 * 1024, 4096);
	page_cache_validate(1, 1);
	CHECK(page_cache_put("/big", big, sizeof(big), 0) == -1,
	    "an answer over the entry limit is refused");
	CHECK(page_cache_put("/head", big, 10, 11) == -1,
	    "headers longer than the answer are refused");
	for (i = 0; i < 12; i++) {
		snprintf(key, sizeof(key), "/p%d", i);
		CHECK(page_cache_put(key, big, 3000, 100) == 0, "put %s", key);
		CHECK(page_cache_bytes() <= 16 * 1024, "%zu bytes held after %s",
		    page_cache_bytes(), key);
	}
	CHECK(page_cache_get("/p11") != NULL, "the newest answer is kept");
	CHECK(page_cache_get("/p0") == NULL, "a full cache started again");
	CHECK(page_cache_get("/p11")->head_len == 100, "head length kept");
	/* Head and body from apart are kept as one answer. */
	{
		const struct cached_page *p;

		CHECK(page_cache_put_parts("/parts", "Status: 200\r\n\r\n", 15,
		    "<p>body</p>", 11) == 0, "parts put");
		p = page_cache_get("/parts");
		CHECK(p != NULL && p->len == 26 && p->head_len == 15 &&
		    memcmp(p->data, "Status: 200\r\n\r\n<p>body</p>", 26) == 0,
		    "parts joined");
		CHECK(page_cache_put_parts("/nobody", "Status: 304\r\n\r\n", 15,
		    NULL, 0) == 0 && page_cache_get("/nobody")->len == 15,
		    "a head alone");
	}
	page_cache_init(1 << 20, 1 << 16);
	CHECK(page_cache_count() == 0 && page_cache_bytes() == 0,
	    "init empties");
}

/* An answer kept for a while (statistics) is forgotten when that is
 * over, even though the site has not changed. */
static void
expiry(void)
{
	page_cache_init(1 << 20, 1 << 16);
	page_cache_validate(1, 1);
	CHECK(page_cache_put_until("/fresh", "H", 1, "b", 1,
	    time(NULL) + 60) == 0, "fresh put");
	CHECK(page_cache_get("/fresh") != NULL, "kept while fresh");
	CHECK(page_cache_put_until("/old", "H", 1, "b", 1, time(NULL)) == 0,
	    "old put");
	CHECK(page_cache_get("/old") == NULL, "not served once its time is up");
	CHECK(page_cache_put_until("/old", "H", 1, "b", 1, 0) == 0 &&
	    page_cache_get("/old") != NULL, "the same key kept for good");
	page_cache_validate(2, 1);
	CHECK(page_cache_get("/fresh") == NULL, "forgotten when the site changes");
	page_cache_init(1 << 20, 1 << 16);
}

void
test_page_cache(void)
{
	scenario();
	limits();
	expiry();
}
