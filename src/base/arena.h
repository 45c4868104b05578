/* Many small allocations freed together, such as the strings and rows of
 * one import. Memory comes from malloc in blocks; nothing is given back
 * before arena_free. A struct arena of all zeros is an empty arena. */
#ifndef JDXX_ARENA_H
#define JDXX_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block	*blocks;	/* the newest first */
	int			 failed;	/* an allocation found no memory */
};

/* n bytes aligned for any type; NULL, with failed set, when memory
 * runs out. */
void		*arena_alloc(struct arena *, size_t n);
/* A copy of p[0..n) and a NUL. Never NULL: "" when memory runs out,
 * with failed set, so a run of copies is checked once at its end. */
const char	*arena_strndup(struct arena *, const char *p, size_t n);
/* The same copy, but NULL when memory runs out: for a caller that must
 * know this copy failed, whatever failed says of earlier ones. */
char		*arena_copy(struct arena *, const char *p, size_t n);
const char	*arena_strdup(struct arena *, const char *s);
/* A list growing in an arena, such as the rows of one read: item holds
 * n items of one size; a list of all zeros is empty. */
struct arena_list {
	void	*item;
	size_t	 n, cap;
};
/* Room for one more item of size bytes at the list's end, zeroed; NULL,
 * with failed set, when memory runs out. Moving to a larger array leaves
 * the old one in the arena until arena_free. */
void		*arena_push(struct arena *, struct arena_list *, size_t size);
/* Whether p points into memory the arena handed out. */
int		 arena_owns(const struct arena *, const void *p);
/* Frees every block; the arena is empty again and may be reused. */
void		 arena_free(struct arena *);
/* Moves every block of from into to, from empty after: what from
 * handed out stays where it is until to is freed. */
void		 arena_adopt(struct arena *to, struct arena *from);
/* Empties the arena but keeps its first ordinary block, for the next
 * request: freeing a 64 kB block made malloc consolidate every small
 * chunk the request had freed. */
void		 arena_reset(struct arena *);

#endif
