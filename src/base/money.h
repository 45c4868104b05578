/* Money in fen (1/100 yuan) and the subsidy arithmetic. */
#ifndef JDXX_MONEY_H
#define JDXX_MONEY_H

#include <stddef.h>

/* Writes fen as yuan with two decimals, e.g. 25987 -> "259.87". */
void		money_format(char *out, size_t len, long long fen);
/* fen * rate_bp / 10000, rounded half up. */
long long	subsidy_fen(long long price_fen, long long rate_bp);

#endif
