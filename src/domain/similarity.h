/* How alike two texts are, as the duplicate guards measure names and
 * addresses: the Dice coefficient of their character bigrams (pairs of
 * neighbouring UTF-8 characters, each pair counted as often as it
 * occurs), 0 when nothing is shared, 1 for the same text.
 *
 * Only the first SIMILARITY_CHARS characters are cut into pairs; the
 * last pair then runs to the end of the text. A text of one character
 * has no pair: it is alike only to itself.
 *
 * text_similarity compares two texts once. Comparing one text with many
 * (the importer's rows with every outlet of their county) prepares each
 * text's bigrams once as a bigram_set. */
#ifndef JDXX_SIMILARITY_H
#define JDXX_SIMILARITY_H

#include <stddef.h>
#include <stdint.h>

#define SIMILARITY_CHARS	256
#define SIMILARITY_BIGRAMS	(SIMILARITY_CHARS - 1)

/* One pair: its first 8 bytes as a number, for quick comparisons, and
 * where it is in the text (UTF-8 pairs are at most 8 bytes). */
struct bigram {
	uint64_t	 head;
	const char	*p;
	size_t		 len;
};

/* A text's bigrams in order, for comparing it many times. */
struct bigram_set {
	const char	*text;		/* must outlive the set */
	struct bigram	*pair;		/* n, sorted */
	size_t		 n;
	uint64_t	 sig;		/* one bit per distinct head */
};

/* Similarity of two UTF-8 texts, 0 to 1. */
double	text_similarity(const char *a, const char *b);

/* How many bigrams text has, at most SIMILARITY_BIGRAMS: the room that
 * bigram_set_make needs. */
size_t	bigram_count(const char *text);
/* Cuts text into set, using room (bigram_count(text) pairs). */
void	bigram_set_make(struct bigram_set *, const char *text,
	    struct bigram *room);
/* text_similarity of the two sets' texts. */
double	bigram_similarity(const struct bigram_set *,
	    const struct bigram_set *);
/* 1 when bigram_similarity reaches at_least; most pairs far apart are
 * told from their sizes and signatures alone. */
int	bigram_alike(const struct bigram_set *, const struct bigram_set *,
	    double at_least);

#endif
