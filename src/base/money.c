/* Money arithmetic in whole fen: no floating point near money. */
#include <stdio.h>
#include <string.h>

#include "base/money.h"

void
money_format(char *out, size_t len, long long fen)
{
	const char	*sign = fen < 0 ? "-" : "";

	if (fen < 0)
		fen = -fen;
	snprintf(out, len, "%s%lld.%02lld", sign, fen / 100, fen % 100);
}

void
yuan_format(char *out, size_t len, long long fen)
{
	if (fen % 100 == 0)
		snprintf(out, len, "%lld", fen / 100);
	else
		money_format(out, len, fen);
}

void
percent_format(char *out, size_t len, long long bp)
{
	if (bp % 100 == 0)
		snprintf(out, len, "%lld", bp / 100);
	else if (bp % 10 == 0)
		snprintf(out, len, "%lld.%lld", bp / 100, (bp % 100) / 10);
	else
		snprintf(out, len, "%lld.%02lld", bp / 100, bp % 100);
}

long long
subsidy_fen(long long price_fen, long long rate_bp)
{
	return (price_fen * rate_bp + 5000) / 10000;
}

int
parse_hundredths(const char *s, size_t len, size_t max_whole, long long *out)
{
	long long	 whole = 0, frac = 0;
	size_t		 i = 0, digits = 0, fd = 0;

	while (len > 0 && s[len - 1] == ' ')
		len--;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		if (++digits > max_whole)
			return -1;
		whole = whole * 10 + (s[i] - '0');
	}
	if (digits == 0)
		return -1;
	if (i < len && s[i] == '.') {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			if (++fd > 2)
				return -1;
			frac = frac * 10 + (s[i] - '0');
		}
		if (fd == 0)
			return -1;
		if (fd == 1)
			frac *= 10;
	}
	if (i != len)
		return -1;
	*out = whole * 100 + frac;
	return 0;
}

/* Accepts 1999, 1999.5, 1999.50, and a trailing 元 as people write it. */
int
parse_money_fen(const char *s, long long *fen)
{
	static const char	 yuan[] = "\xe5\x85\x83";	/* 元 */
	size_t			 len = strlen(s);

	if (len >= sizeof(yuan) - 1 &&
	    strcmp(s + len - (sizeof(yuan) - 1), yuan) == 0)
		len -= sizeof(yuan) - 1;
	return parse_hundredths(s, len, 10, fen);
}
