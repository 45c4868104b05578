/* Text keys to numbers, by open addressing. The map keeps each key by
 * its pointer, so a key must live as long as the map. A struct strmap of
 * all zeros is an empty map. */
#ifndef JDXX_STRMAP_H
#define JDXX_STRMAP_H

#include <stddef.h>

struct strmap {
	const char	**keys;		/* cap slots, NULL where free */
	size_t		 *vals;
	size_t		  cap, n;
};

/* 1 with *val set when key is there, else 0. */
int	strmap_get(const struct strmap *, const char *key, size_t *val);
/* Adds key with *val unless it is there: 0 added, 1 there (*val set to
 * its number), -1 out of memory (the map is as it was). */
int	strmap_add(struct strmap *, const char *key, size_t *val);
/* Frees the slots (not the keys); the map is empty again. */
void	strmap_free(struct strmap *);

#endif
