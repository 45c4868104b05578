/* Whole answers to public GET requests, kept in each worker and forgotten
 * together when the site's change counter moves or the day turns. */
#ifndef JDXX_PAGE_CACHE_H
#define JDXX_PAGE_CACHE_H

#include <stddef.h>
#include <time.h>

#define PAGE_CACHE_MAX_KEY	(256 + 1 + 2048)	/* path ? query */

struct cached_page {
	const char	*data;		/* the serialised FastCGI answer */
	size_t		 len;
	size_t		 head_len;	/* its headers, for HEAD */
};

/* Sets the limits (bytes for everything, bytes for one answer) and empties
 * the cache. */
void	page_cache_init(size_t max_bytes, size_t max_entry);
/* Empties the cache unless version and day are those its answers were
 * made under; then remembers them. */
void	page_cache_validate(long long version, long day);
/* Empties the cache and forgets the version: nothing is stored again
 * until page_cache_validate. */
void	page_cache_clear(void);
/* The answer kept for key, or NULL. Valid until the next call that
 * stores or empties. */
const struct cached_page *page_cache_get(const char *key);
/* Keeps a copy of an answer; 0, or -1 when it is not kept (too big, no
 * known version, no memory). A full cache is emptied first. */
int	page_cache_put(const char *key, const char *data, size_t len,
	    size_t head_len);
/* The same from the head and the body where they are, copied once. */
int	page_cache_put_parts(const char *key, const char *head,
	    size_t head_len, const char *body, size_t body_len);
/* The same, forgotten at until (time(NULL)) if the site has not changed
 * by then; 0: kept until it does. */
int	page_cache_put_until(const char *key, const char *head,
	    size_t head_len, const char *body, size_t body_len, time_t until);
/* Bytes held and answers kept, for tests and the benchmark. */
size_t	page_cache_bytes(void);
size_t	page_cache_count(void);

#endif
