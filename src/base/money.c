/* Money arithmetic in whole fen: no floating point near money. */
#include <stdio.h>

#include "base/money.h"

void
money_format(char *out, size_t len, long long fen)
{
	const char	*sign = fen < 0 ? "-" : "";

	if (fen < 0)
		fen = -fen;
	snprintf(out, len, "%s%lld.%02lld", sign, fen / 100, fen % 100);
}

long long
subsidy_fen(long long price_fen, long long rate_bp)
{
	return (price_fen * rate_bp + 5000) / 10000;
}
