/* Keyword search: turning what someone typed into a Mroonga boolean query
 * that matches each word as a substring, never as query syntax. */
#ifndef JDXX_SEARCH_H
#define JDXX_SEARCH_H

#include <stddef.h>

#define SEARCH_MAX_TERMS	5
/* A term's bytes (keywords are at most 50 characters), and its LIKE
 * pattern: every byte may gain an escape, plus the two %. */
#define SEARCH_TERM_MAX		256
#define SEARCH_PATTERN_MAX	(2 * SEARCH_TERM_MAX + 3)

/* Writes +"term" +"term" ... for the words of q (split on ASCII and
 * ideographic spaces; quotes and backslashes dropped) into out.
 * Returns the number of terms, 0 when nothing searchable remains, or -1
 * when out is too small. */
int	search_query(char *out, size_t len, const char *q);
/* The same words as LIKE patterns, %word% with % and _ escaped; the
 * patterns past the last word are "%".
 * Returns the number of words, or -1 when one is over SEARCH_TERM_MAX. */
int	search_like_patterns(char pattern[SEARCH_MAX_TERMS][SEARCH_PATTERN_MAX],
	    const char *q);
/* The SEARCH_MAX_TERMS patterns against column s.body, in SQL; the
 * collation folds case and full-width forms as Mroonga's normaliser. */
#define SEARCH_LIKE_ONE	"s.body LIKE ? COLLATE utf8mb4_unicode_ci"
#define SEARCH_LIKE_BODY \
    SEARCH_LIKE_ONE " AND " SEARCH_LIKE_ONE " AND " SEARCH_LIKE_ONE \
    " AND " SEARCH_LIKE_ONE " AND " SEARCH_LIKE_ONE

/* Copies only the digits of q into out when q looks like a phone number
 * (digits, spaces, hyphens, an optional +86); else out becomes "". */
void	search_phone_digits(char *out, size_t len, const char *q);

#endif
