/* Money formatting and the subsidy arithmetic. */
#include <string.h>

#include "check.h"
#include "base/money.h"

static const struct {
	long long	 price_fen, rate_bp, want_fen;
} subsidy_cases[] = {
	{ 199900, 1300, 25987 },	/* the example: 1999 -> 259.87 */
	{ 200000, 1300, 26000 },
	{ 100000, 1300, 13000 },
	{ 1, 1300, 0 },
	{ 4, 1300, 1 },			/* 0.52 fen rounds up */
	{ 3, 1300, 0 },			/* 0.39 fen rounds down */
	{ 249999, 1300, 32500 },	/* 32499.87 */
	{ 0, 1300, 0 },
	{ 199900, 1000, 19990 },
	{ 25987, 8000, 20790 },		/* central share of 259.87 */
};

static const struct {
	long long	 fen;
	const char	*money, *yuan;
} format_cases[] = {
	{ 25987, "259.87", "259.87" },
	{ 200000, "2000.00", "2000" },
	{ 5, "0.05", "0.05" },
	{ 0, "0.00", "0" },
	{ 10, "0.10", "0.10" },
	{ -150, "-1.50", "-1.50" },
};

static const struct {
	long long	 bp;
	const char	*want;
} percent_cases[] = {
	{ 1300, "13" }, { 8000, "80" }, { 1250, "12.5" }, { 1325, "13.25" },
	{ 5, "0.05" },
};

void
test_money(void)
{
	char	 out[32];
	size_t	 i;

	for (i = 0; i < NELEM(subsidy_cases); i++)
		CHECK(subsidy_fen(subsidy_cases[i].price_fen,
		    subsidy_cases[i].rate_bp) == subsidy_cases[i].want_fen,
		    "subsidy %zu", i);
	for (i = 0; i < NELEM(format_cases); i++) {
		money_format(out, sizeof(out), format_cases[i].fen);
		CHECK(strcmp(out, format_cases[i].money) == 0, "money %s", out);
		yuan_format(out, sizeof(out), format_cases[i].fen);
		CHECK(strcmp(out, format_cases[i].yuan) == 0, "yuan %s", out);
	}
	for (i = 0; i < NELEM(percent_cases); i++) {
		percent_format(out, sizeof(out), percent_cases[i].bp);
		CHECK(strcmp(out, percent_cases[i].want) == 0, "percent %s", out);
	}
}
