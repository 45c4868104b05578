/* Money in fen (1/100 yuan): its text and the subsidy arithmetic. */
#ifndef JDXX_MONEY_H
#define JDXX_MONEY_H

#include <stddef.h>

/* Writes fen as yuan with two decimals, e.g. 25987 -> "259.87". */
void		money_format(char *out, size_t len, long long fen);
/* Writes fen as yuan, dropping ".00": 200000 -> 2000, 25987 -> 259.87. */
void		yuan_format(char *out, size_t len, long long fen);
/* Writes basis points as a percentage without trailing zeros: 1300 -> 13,
 * 1250 -> 12.5. */
void		percent_format(char *out, size_t len, long long bp);
/* fen * rate_bp / 10000, rounded half up. */
long long	subsidy_fen(long long price_fen, long long rate_bp);
/* Money as people type it: 1999, 1999.5, 1999.50, with a trailing 元
 * or not; 0 with the fen, or -1. */
int		parse_money_fen(const char *, long long *fen);
/* A decimal with up to two fraction digits and max_whole whole digits
 * in s[0..len) (trailing spaces ignored), in hundredths; 0 or -1. */
int		parse_hundredths(const char *s, size_t len, size_t max_whole,
		    long long *out);

#endif
