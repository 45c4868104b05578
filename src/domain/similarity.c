/* Bigram similarity: each text's pairs sorted, then counted in common
 * by one merge of the two lists. */
#include <stdlib.h>
#include <string.h>

#include "domain/similarity.h"

/* The start of each character (a byte that does not continue one), of
 * the first SIMILARITY_CHARS. */
static size_t
char_starts(const char *text, size_t len, const char **starts)
{
	size_t	 i, n = 0;

	for (i = 0; i < len && n < SIMILARITY_CHARS; i++)
		if (((unsigned char)text[i] & 0xc0) != 0x80)
			starts[n++] = text + i;
	return n;
}

size_t
bigram_count(const char *text)
{
	const char	*starts[SIMILARITY_CHARS];
	size_t		 n = char_starts(text, strlen(text), starts);

	return n > 1 ? n - 1 : 0;
}

/* Pairs in the order of their heads, then of the bytes after the head;
 * two pairs compare equal only when their bytes are the same. */
static int
bigram_cmp(const struct bigram *x, const struct bigram *y)
{
	size_t	 n;
	int	 c;

	if (x->head != y->head)
		return x->head < y->head ? -1 : 1;
	/* Equal heads of a pair of 8 bytes or fewer (no NUL inside) mean
	 * the same bytes up to the shorter's end. */
	if (x->len > 8 && y->len > 8) {
		n = (x->len < y->len ? x->len : y->len) - 8;
		if ((c = memcmp(x->p + 8, y->p + 8, n)) != 0)
			return c;
	}
	return (x->len > y->len) - (x->len < y->len);
}

static int
bigram_sort_cmp(const void *a, const void *b)
{
	return bigram_cmp(a, b);
}

void
bigram_set_make(struct bigram_set *set, const char *text,
    struct bigram *room)
{
	const char	*starts[SIMILARITY_CHARS], *end;
	struct bigram	*b;
	size_t		 i, n, len = strlen(text);

	n = char_starts(text, len, starts);
	set->text = text;
	set->pair = room;
	set->n = n > 1 ? n - 1 : 0;
	set->sig = 0;
	for (i = 0; i < set->n; i++) {
		b = &room[i];
		end = i + 2 < n ? starts[i + 2] : text + len;
		b->p = starts[i];
		b->len = (size_t)(end - starts[i]);
		b->head = 0;
		memcpy(&b->head, b->p, b->len < 8 ? b->len : 8);
		set->sig |= 1ULL << ((b->head * 0x9e3779b97f4a7c15ULL) >> 58);
	}
	qsort(room, set->n, sizeof(*room), bigram_sort_cmp);
}

double
bigram_similarity(const struct bigram_set *x, const struct bigram_set *y)
{
	size_t	 i = 0, j = 0, common = 0;
	int	 c;

	if (strcmp(x->text, y->text) == 0)
		return x->text[0] != '\0' ? 1.0 : 0.0;
	if (x->n == 0 || y->n == 0)
		return 0.0;
	while (i < x->n && j < y->n) {
		if ((c = bigram_cmp(&x->pair[i], &y->pair[j])) == 0) {
			common++;
			i++;
			j++;
		} else if (c < 0)
			i++;
		else
			j++;
	}
	return 2.0 * (double)common / (double)(x->n + y->n);
}

int
bigram_alike(const struct bigram_set *x, const struct bigram_set *y,
    double at_least)
{
	size_t	 small, can_x, can_y;
	double	 need = at_least * (double)(x->n + y->n);

	if (strcmp(x->text, y->text) != 0) {
		/* No more pairs in common than the smaller set has... */
		small = x->n < y->n ? x->n : y->n;
		if (2.0 * (double)small < need)
			return 0;
		/* ...nor than are left once each signature bit one side
		 * lacks has taken away a pair of the other. */
		can_x = x->n - (size_t)__builtin_popcountll(x->sig & ~y->sig);
		can_y = y->n - (size_t)__builtin_popcountll(y->sig & ~x->sig);
		small = can_x < can_y ? can_x : can_y;
		if (2.0 * (double)small < need)
			return 0;
	}
	return bigram_similarity(x, y) >= at_least;
}

double
text_similarity(const char *a, const char *b)
{
	struct bigram		 pa[SIMILARITY_BIGRAMS], pb[SIMILARITY_BIGRAMS];
	struct bigram_set	 x, y;

	if (strcmp(a, b) == 0)
		return a[0] != '\0' ? 1.0 : 0.0;
	bigram_set_make(&x, a, pa);
	bigram_set_make(&y, b, pb);
	return bigram_similarity(&x, &y);
}
