/* Arenas: blocks from malloc, handed out front to back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

/* Most of a block goes to small strings; one larger asks a block of
 * its own size. */
#define ARENA_BLOCK	(64 * 1024 - 64)
#define ARENA_ALIGN	_Alignof(max_align_t)

struct arena_block {
	struct arena_block	*next;
	size_t			 used, cap;
	_Alignas(max_align_t) unsigned char data[];
};

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block	*b = a->blocks;
	size_t			 cap;
	void			*p;

	if (n > (size_t)-1 - ARENA_ALIGN - sizeof(*b)) {
		a->failed = 1;
		return NULL;
	}
	n = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (b == NULL || b->cap - b->used < n) {
		cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		if ((b = malloc(sizeof(*b) + cap)) == NULL) {
			a->failed = 1;
			return NULL;
		}
		b->next = a->blocks;
		b->used = 0;
		b->cap = cap;
		a->blocks = b;
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

int
arena_owns(const struct arena *a, const void *p)
{
	const struct arena_block	*b;
	uintptr_t			 q = (uintptr_t)p, start;

	/* As addresses: p may belong to no block at all. */
	for (b = a->blocks; b != NULL; b = b->next) {
		start = (uintptr_t)b->data;
		if (q >= start && q - start < b->used)
			return 1;
	}
	return 0;
}

char *
arena_copy(struct arena *a, const char *p, size_t n)
{
	char	*d;

	if (n == (size_t)-1 || (d = arena_alloc(a, n + 1)) == NULL)
		return NULL;
	memcpy(d, p, n);
	d[n] = '\0';
	return d;
}

const char *
arena_strndup(struct arena *a, const char *p, size_t n)
{
	const char	*d = arena_copy(a, p, n);

	return d != NULL ? d : "";
}

const char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void *
arena_push(struct arena *a, struct arena_list *l, size_t size)
{
	size_t		 cap;
	unsigned char	*item;

	if (l->n == l->cap) {
		cap = l->cap > 0 ? l->cap * 2 : 16;
		if (size == 0 || cap > (size_t)-1 / 2 / size ||
		    (item = arena_alloc(a, cap * size)) == NULL) {
			a->failed = 1;
			return NULL;
		}
		if (l->n > 0)
			memcpy(item, l->item, l->n * size);
		l->item = item;
		l->cap = cap;
	}
	item = (unsigned char *)l->item + l->n++ * size;
	memset(item, 0, size);
	return item;
}

void
arena_free(struct arena *a)
{
	struct arena_block	*b, *next;

	for (b = a->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->blocks = NULL;
	a->failed = 0;
}

void
arena_adopt(struct arena *to, struct arena *from)
{
	struct arena_block	*last;

	if (from->blocks == NULL)
		return;
	for (last = from->blocks; last->next != NULL; last = last->next)
		continue;
	last->next = to->blocks;
	to->blocks = from->blocks;
	to->failed |= from->failed;
	from->blocks = NULL;
	from->failed = 0;
}

void
arena_reset(struct arena *a)
{
	struct arena_block	*b, *next, *keep = NULL;

	/* The oldest block is an ordinary one unless a large ask made it. */
	for (b = a->blocks; b != NULL; b = next) {
		next = b->next;
		if (next == NULL && b->cap == ARENA_BLOCK)
			keep = b;
		else
			free(b);
	}
	if (keep != NULL)
		keep->used = 0;
	a->blocks = keep;
	a->failed = 0;
}
