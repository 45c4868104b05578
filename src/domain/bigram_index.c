/* Postings of bigrams by open addressing; a look-up adds up, per id met
 * in its postings, the pairs in common, then keeps the ids whose count
 * reaches the similarity asked. */
#include <stdlib.h>
#include <string.h>

#include "domain/bigram_index.h"

struct posting {
	uint32_t	 id;
	uint32_t	 times;		/* the bigram's count in id's text */
};

/* A bigram, or a whole text too short to have one. */
struct key {
	const char	*p;		/* NULL: a free slot */
	size_t		 len;
	uint64_t	 hash;
	int		 whole;
	struct posting	*post;
	size_t		 n, cap;
};

struct bigram_index {
	struct key	*slot;
	size_t		 cap, nkeys;
	uint32_t	*pairs;		/* per id: its text's bigrams */
	uint32_t	*common;	/* per id: pairs in common, in a look-up */
	size_t		 nids, ids_cap;
	uint32_t	*touched;	/* ids counted, to clear: room for
					 * every id */
	size_t		 ntouched;
};

static uint64_t
hash_of(const char *p, size_t len, int whole)
{
	uint64_t	 h = whole ? 0x84222325cbf29ce4ULL : 0xcbf29ce484222325ULL;
	size_t		 i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Doubles cap until need fits; 0 or -1. */
static int
grow(void **v, size_t *cap, size_t need, size_t size)
{
	size_t	 n = *cap > 0 ? *cap : 16;
	void	*p;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	if ((p = realloc(*v, n * size)) == NULL)
		return -1;
	*v = p;
	*cap = n;
	return 0;
}

static struct key *
find(struct bigram_index *x, const char *p, size_t len, int whole,
    uint64_t h)
{
	struct key	*k;
	size_t		 i;

	if (x->cap == 0)
		return NULL;
	for (i = h & (x->cap - 1);; i = (i + 1) & (x->cap - 1)) {
		k = &x->slot[i];
		if (k->p == NULL)
			return k;
		if (k->hash == h && k->len == len && k->whole == whole &&
		    memcmp(k->p, p, len) == 0)
			return k;
	}
}

/* Twice the slots once the table is half full. */
static int
rehash(struct bigram_index *x)
{
	struct key	*old = x->slot, *k;
	size_t		 oldcap = x->cap, i;

	if (x->nkeys * 2 < x->cap)
		return 0;
	x->cap = oldcap > 0 ? oldcap * 2 : 256;
	if ((x->slot = calloc(x->cap, sizeof(*x->slot))) == NULL) {
		x->slot = old;
		x->cap = oldcap;
		return -1;
	}
	for (i = 0; i < oldcap; i++)
		if (old[i].p != NULL) {
			k = find(x, old[i].p, old[i].len, old[i].whole,
			    old[i].hash);
			*k = old[i];
		}
	free(old);
	return 0;
}

static int
post(struct bigram_index *x, const char *p, size_t len, int whole,
    uint32_t id, uint32_t times)
{
	uint64_t	 h = hash_of(p, len, whole);
	struct key	*k;

	if (rehash(x) == -1)
		return -1;
	k = find(x, p, len, whole, h);
	if (k->p == NULL) {
		k->p = p;
		k->len = len;
		k->hash = h;
		k->whole = whole;
		x->nkeys++;
	}
	if (grow((void **)&k->post, &k->cap, k->n + 1, sizeof(*k->post)) == -1)
		return -1;
	k->post[k->n].id = id;
	k->post[k->n++].times = times;
	return 0;
}

struct bigram_index *
bigram_index_new(void)
{
	return calloc(1, sizeof(struct bigram_index));
}

void
bigram_index_free(struct bigram_index *x)
{
	size_t	 i;

	if (x == NULL)
		return;
	for (i = 0; i < x->cap; i++)
		free(x->slot[i].post);
	free(x->slot);
	free(x->pairs);
	free(x->common);
	free(x->touched);
	free(x);
}

/* The run of equal pairs from pair i: how many there are. */
static size_t
run_of(const struct bigram_set *s, size_t i)
{
	size_t	 j = i + 1;

	while (j < s->n && s->pair[j].len == s->pair[i].len &&
	    memcmp(s->pair[j].p, s->pair[i].p, s->pair[i].len) == 0)
		j++;
	return j - i;
}

int
bigram_index_add(struct bigram_index *x, const struct bigram_set *s,
    uint32_t id)
{
	size_t	 i, n;

	if (grow((void **)&x->pairs, &x->ids_cap, (size_t)id + 1,
	    sizeof(*x->pairs)) == -1)
		return -1;
	/* common and touched have the same room as pairs, common zeroed. */
	if (x->ids_cap > x->nids) {
		uint32_t *c = realloc(x->common, x->ids_cap * sizeof(*c));
		uint32_t *t;

		if (c == NULL)
			return -1;
		memset(c + x->nids, 0, (x->ids_cap - x->nids) * sizeof(*c));
		x->common = c;
		if ((t = realloc(x->touched, x->ids_cap * sizeof(*t))) == NULL)
			return -1;
		x->touched = t;
		x->nids = x->ids_cap;
	}
	x->pairs[id] = (uint32_t)s->n;
	/* A text of one character is alike only to itself. */
	if (s->n == 0)
		return s->text[0] == '\0' ? 0 :
		    post(x, s->text, strlen(s->text), 1, id, 1);
	for (i = 0; i < s->n; i += n) {
		n = run_of(s, i);
		if (post(x, s->pair[i].p, s->pair[i].len, 0, id,
		    (uint32_t)n) == -1)
			return -1;
	}
	return 0;
}

int
bigram_ids_add(struct bigram_ids *l, uint32_t id)
{
	size_t	 lo = 0, hi = l->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (l->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < l->n && l->id[lo] == id)
		return 0;
	if (grow((void **)&l->id, &l->cap, l->n + 1, sizeof(*l->id)) == -1)
		return -1;
	memmove(l->id + lo + 1, l->id + lo, (l->n - lo) * sizeof(*l->id));
	l->id[lo] = id;
	l->n++;
	return 0;
}

void
bigram_ids_free(struct bigram_ids *l)
{
	free(l->id);
	memset(l, 0, sizeof(*l));
}

int
bigram_index_alike(struct bigram_index *x, const struct bigram_set *s,
    double at_least, struct bigram_ids *out)
{
	const struct posting *p;
	struct key	*k;
	size_t		 i, j, n, m;
	uint32_t	 id, t;
	int		 rc = 0;

	if (s->n == 0) {
		if (s->text[0] == '\0' || (k = find(x, s->text,
		    strlen(s->text), 1, hash_of(s->text, strlen(s->text),
		    1))) == NULL || k->p == NULL)
			return 0;
		for (j = 0; j < k->n && rc == 0; j++)
			rc = bigram_ids_add(out, k->post[j].id);
		return rc;
	}
	for (i = 0; i < s->n; i += n) {
		n = run_of(s, i);
		k = find(x, s->pair[i].p, s->pair[i].len, 0,
		    hash_of(s->pair[i].p, s->pair[i].len, 0));
		if (k == NULL || k->p == NULL)
			continue;
		for (j = 0, p = k->post; j < k->n; j++, p++) {
			t = p->times < n ? p->times : (uint32_t)n;
			if (x->common[p->id] == 0)
				x->touched[x->ntouched++] = p->id;
			x->common[p->id] += t;
		}
	}
	/* Kept as bigram_similarity measures, then every count cleared. */
	for (m = 0; m < x->ntouched; m++) {
		id = x->touched[m];
		if (rc == 0 && 2.0 * (double)x->common[id] /
		    (double)(s->n + x->pairs[id]) >= at_least)
			rc = bigram_ids_add(out, id);
		x->common[id] = 0;
	}
	x->ntouched = 0;
	return rc;
}

int
bigram_index_add_text(struct bigram_index *x, const char *text, uint32_t id)
{
	struct bigram_set	 s = { text, NULL, 0, 0 };

	return bigram_index_add(x, &s, id);
}

int
bigram_index_same(struct bigram_index *x, const char *text,
    struct bigram_ids *out)
{
	struct bigram_set	 s = { text, NULL, 0, 0 };

	return bigram_index_alike(x, &s, 1.0, out);
}
