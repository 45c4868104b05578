/* Keyword queries for Mroonga, phone digits, model keys. */
#include <string.h>

#include "check.h"
#include "domain/product.h"
#include "db/search.h"

static const struct {
	const char	*in;
	int		 terms;
	const char	*want;
} query_cases[] = {
	{ "华润", 1, "+\"华润\"" },
	{ "  华润  ", 1, "+\"华润\"" },
	{ "华润 襄州", 2, "+\"华润\" +\"襄州\"" },
	{ "华润\xe3\x80\x80襄州", 2, "+\"华润\" +\"襄州\"" },
	{ "a\"b", 1, "+\"ab\"" },
	{ "\"", 0, "" },
	{ "\\\"\\", 0, "" },
	{ "", 0, "" },
	{ "   ", 0, "" },
	{ "+-*~()<>", 1, "+\"+-*~()<>\"" },
	{ "' OR 1=1 --", 4, "+\"'\" +\"OR\" +\"1=1\" +\"--\"" },
	{ "a b c d e f g", 5, "+\"a\" +\"b\" +\"c\" +\"d\" +\"e\"" },
	{ "XY-420607-0001", 1, "+\"XY-420607-0001\"" },
};

static const struct {
	const char	*in;
	int		 terms;
	const char	*want[SEARCH_MAX_TERMS];
} like_cases[] = {
	{ "家电", 1, { "%家电%", "%", "%", "%", "%" } },
	{ " 华润\xe3\x80\x80襄州 ", 2, { "%华润%", "%襄州%", "%", "%", "%" } },
	{ "100%_a", 1, { "%100\\%\\_a%", "%", "%", "%", "%" } },
	{ "a\"b\\", 1, { "%ab%", "%", "%", "%", "%" } },
	/* Full-width forms stay: the collation matches them. */
	{ "\xef\xbc\xb4\xef\xbc\x85", 1,
	    { "%\xef\xbc\xb4\xef\xbc\x85%", "%", "%", "%", "%" } },
	{ "", 0, { "%", "%", "%", "%", "%" } },
	{ "\"", 0, { "%", "%", "%", "%", "%" } },
	{ "a b c d e f", 5, { "%a%", "%b%", "%c%", "%d%", "%e%" } },
};

static const struct {
	const char	*in, *want;
} phone_cases[] = {
	{ "13872291056", "13872291056" },
	{ "138 7229 1056", "13872291056" },
	{ "0710-2812301", "07102812301" },
	{ "+86 13872291056", "13872291056" },
	{ "123456", "" },		/* too short for a phone */
	{ "0710-28a2301", "" },
	{ "华润", "" },
	{ "", "" },
};

static const struct {
	const char	*in, *want;
} model_cases[] = {
	{ "tlm32e08", "TLM32E08" },
	{ "TLM-32 E08", "TLM32E08" },
	{ "BCD-215/KS", "BCD215KS" },
	{ "", "" },
	{ "中文", "中文" },
};

void
test_search(void)
{
	char	 out[128];
	size_t	 i;
	int	 n;

	for (i = 0; i < NELEM(query_cases); i++) {
		n = search_query(out, sizeof(out), query_cases[i].in);
		CHECK(n == query_cases[i].terms, "terms of [%s]: %d",
		    query_cases[i].in, n);
		CHECK(strcmp(out, query_cases[i].want) == 0, "query of [%s]: [%s]",
		    query_cases[i].in, out);
	}
	for (i = 0; i < NELEM(like_cases); i++) {
		char	 pat[SEARCH_MAX_TERMS][SEARCH_PATTERN_MAX];
		int	 k;

		n = search_like_patterns(pat, like_cases[i].in);
		CHECK(n == like_cases[i].terms, "like terms of case %zu: %d",
		    i, n);
		for (k = 0; k < SEARCH_MAX_TERMS; k++)
			CHECK(strcmp(pat[k], like_cases[i].want[k]) == 0,
			    "like case %zu pattern %d: %s", i, k, pat[k]);
	}
	CHECK(search_query(out, 6, "华润家电") == -1, "small buffer");
	CHECK(search_query(out, 0, "a") == -1, "no buffer");
	for (i = 0; i < NELEM(phone_cases); i++) {
		search_phone_digits(out, sizeof(out), phone_cases[i].in);
		CHECK(strcmp(out, phone_cases[i].want) == 0, "phone [%s]: [%s]",
		    phone_cases[i].in, out);
	}
	for (i = 0; i < NELEM(model_cases); i++) {
		product_model_key(out, sizeof(out), model_cases[i].in);
		CHECK(strcmp(out, model_cases[i].want) == 0, "model [%s]: [%s]",
		    model_cases[i].in, out);
	}
}
