/* A bounded hash table of whole answers, emptied all at once. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "web/page_cache.h"

#define BUCKETS	1024

struct entry {
	struct entry		*next;
	struct cached_page	 page;
	size_t			 size;	/* everything this entry holds */
	time_t			 until;	/* forgotten then; 0: kept */
	char			 key[];	/* then the answer's bytes */
};

static struct entry	*bucket[BUCKETS];
static size_t		 held, count;
static size_t		 max_bytes = 4 * 1024 * 1024;
static size_t		 max_entry = 256 * 1024;
static long long	 known_version = -1;
static long		 known_day = -1;

static uint32_t
hash(const char *s)
{
	uint32_t	 h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
empty(void)
{
	struct entry	*e, *next;
	size_t		 i;

	for (i = 0; i < BUCKETS; i++) {
		for (e = bucket[i]; e != NULL; e = next) {
			next = e->next;
			free(e);
		}
		bucket[i] = NULL;
	}
	held = count = 0;
}

void
page_cache_init(size_t bytes, size_t entry)
{
	empty();
	max_bytes = bytes;
	max_entry = entry;
	known_version = -1;
	known_day = -1;
}

void
page_cache_validate(long long version, long day)
{
	if (version != known_version || day != known_day)
		empty();
	known_version = version;
	known_day = day;
}

void
page_cache_clear(void)
{
	empty();
	known_version = -1;
}

const struct cached_page *
page_cache_get(const char *key)
{
	struct entry	*e;

	if (known_version < 0)
		return NULL;
	for (e = bucket[hash(key) % BUCKETS]; e != NULL; e = e->next)
		if (strcmp(e->key, key) == 0)
			return e->until == 0 || time(NULL) < e->until ?
			    &e->page : NULL;
	return NULL;
}

int
page_cache_put(const char *key, const char *data, size_t len,
    size_t head_len)
{
	if (head_len > len)
		return -1;
	return page_cache_put_parts(key, data, head_len, data + head_len,
	    len - head_len);
}

int
page_cache_put_parts(const char *key, const char *head, size_t head_len,
    const char *body, size_t body_len)
{
	return page_cache_put_until(key, head, head_len, body, body_len, 0);
}

int
page_cache_put_until(const char *key, const char *head, size_t head_len,
    const char *body, size_t body_len, time_t until)
{
	struct entry	*e, **p;
	size_t		 klen = strlen(key), size, len = head_len + body_len;
	uint32_t	 b = hash(key) % BUCKETS;

	size = sizeof(*e) + klen + 1 + len;
	if (known_version < 0 || klen >= PAGE_CACHE_MAX_KEY ||
	    len > max_entry || head_len > len || size > max_bytes)
		return -1;
	/* The same key again replaces the older answer. */
	for (p = &bucket[b]; *p != NULL; p = &(*p)->next)
		if (strcmp((*p)->key, key) == 0) {
			e = *p;
			*p = e->next;
			held -= e->size;
			count--;
			free(e);
			break;
		}
	if (held + size > max_bytes)
		empty();
	if ((e = malloc(size)) == NULL)
		return -1;
	memcpy(e->key, key, klen + 1);
	memcpy(e->key + klen + 1, head, head_len);
	if (body_len > 0)
		memcpy(e->key + klen + 1 + head_len, body, body_len);
	e->page.data = e->key + klen + 1;
	e->page.len = len;
	e->page.head_len = head_len;
	e->size = size;
	e->until = until;
	e->next = bucket[b];
	bucket[b] = e;
	held += size;
	count++;
	return 0;
}

size_t
page_cache_bytes(void)
{
	return held;
}

size_t
page_cache_count(void)
{
	return count;
}
