/* An index of texts by their bigrams (domain/similarity.h), so that the
 * texts alike to one are found from the postings of its own bigrams
 * instead of comparing it with every text: each posting keeps how often
 * its bigram occurs in its text, so the pairs in common, and with them
 * the similarity, are counted exactly. Texts are known by numbers
 * (ids) the caller gives, from 0 up; the index keeps the bigram sets'
 * text pointers, which must outlive it. */
#ifndef JDXX_BIGRAM_INDEX_H
#define JDXX_BIGRAM_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "domain/similarity.h"

struct bigram_index;

/* The ids a look-up finds, in increasing order; zeroed is empty. */
struct bigram_ids {
	uint32_t	*id;
	size_t		 n, cap;
};

struct bigram_index *bigram_index_new(void);
void	bigram_index_free(struct bigram_index *);
/* Adds the text of set as id; ids must be added in increasing order.
 * 0, or -1 when memory runs out. */
int	bigram_index_add(struct bigram_index *, const struct bigram_set *,
	    uint32_t id);
/* Appends to out the ids whose texts are at least at_least (above 0)
 * alike to set's, as bigram_similarity measures it, each once and in
 * increasing order after what out holds. 0, or -1 when memory runs
 * out. */
int	bigram_index_alike(struct bigram_index *, const struct bigram_set *,
	    double at_least, struct bigram_ids *out);

/* The same for texts that match only whole (phone numbers): add one,
 * and append the ids of the texts equal to text (none for ""). */
int	bigram_index_add_text(struct bigram_index *, const char *text,
	    uint32_t id);
int	bigram_index_same(struct bigram_index *, const char *text,
	    struct bigram_ids *out);

/* Adds id to out unless it holds it; out stays sorted. 0 or -1. */
int	bigram_ids_add(struct bigram_ids *, uint32_t id);
void	bigram_ids_free(struct bigram_ids *);

#endif
