/* The string map: FNV-1a hashes, linear probing, at most half full. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/strmap.h"

static size_t
slot_of(const struct strmap *m, const char *key)
{
	uint64_t	 h = 14695981039346656037ULL;
	const char	*p;
	size_t		 i;

	for (p = key; *p != '\0'; p++) {
		h ^= (unsigned char)*p;
		h *= 1099511628211ULL;
	}
	i = (size_t)h & (m->cap - 1);
	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

int
strmap_get(const struct strmap *m, const char *key, size_t *val)
{
	size_t	 i;

	if (m->cap == 0)
		return 0;
	i = slot_of(m, key);
	if (m->keys[i] == NULL)
		return 0;
	*val = m->vals[i];
	return 1;
}

/* Twice the slots (64 for an empty map), every key moved over. */
static int
grow(struct strmap *m)
{
	struct strmap	 bigger;
	size_t		 i, j;

	bigger.cap = m->cap ? m->cap * 2 : 64;
	bigger.n = m->n;
	bigger.keys = calloc(bigger.cap, sizeof(*bigger.keys));
	bigger.vals = calloc(bigger.cap, sizeof(*bigger.vals));
	if (bigger.keys == NULL || bigger.vals == NULL) {
		free(bigger.keys);
		free(bigger.vals);
		return -1;
	}
	for (i = 0; i < m->cap; i++)
		if (m->keys[i] != NULL) {
			j = slot_of(&bigger, m->keys[i]);
			bigger.keys[j] = m->keys[i];
			bigger.vals[j] = m->vals[i];
		}
	free(m->keys);
	free(m->vals);
	*m = bigger;
	return 0;
}

int
strmap_add(struct strmap *m, const char *key, size_t *val)
{
	size_t	 i;

	if (m->cap != 0) {
		i = slot_of(m, key);
		if (m->keys[i] != NULL) {
			*val = m->vals[i];
			return 1;
		}
	}
	if (m->n + 1 > m->cap / 2 && grow(m) == -1)
		return -1;
	i = slot_of(m, key);
	m->keys[i] = key;
	m->vals[i] = *val;
	m->n++;
	return 0;
}

void
strmap_free(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}
