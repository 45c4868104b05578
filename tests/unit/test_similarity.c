/* Text similarity as the duplicate guards use it, two texts at once and
 * as prepared bigram sets; and the guard's list check. */
#include <string.h>

#include "check.h"
#include "domain/outlet_record.h"
#include "domain/similarity.h"

/* 300 characters alike but for the last: the pair that runs to the end
 * of a long text tells them apart. */
#define A50	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define LONG_A	A50 A50 A50 A50 A50 A50
#define LONG_B	A50 A50 A50 A50 A50 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"

static const struct {
	const char	*a, *b;
	double		 min, max;
} cases[] = {
	/* Identical. */
	{ "张湾街道华润家电下乡指定店", "张湾街道华润家电下乡指定店", 1.0, 1.0 },
	{ "a", "a", 1.0, 1.0 },
	{ LONG_A, LONG_A, 1.0, 1.0 },
	/* Near duplicates: names and addresses of one shop. */
	{ "张湾街道华润家电下乡指定店", "张湾街道华润家电下乡指定店二店", 0.8, 0.99 },
	{ "襄州区张湾街道航空路128号", "襄州区张湾街道航空路130号", 0.75, 0.95 },
	{ "兴隆家电城城东店", "兴隆家电城城东分店", 0.75, 0.9 },
	{ "abcd", "abcd ", 0.8, 0.99 },
	{ LONG_A, LONG_B, 0.99, 0.999 },
	/* Alike in part: the same kind of shop elsewhere. */
	{ "张湾街道华润家电下乡指定店", "双沟镇鑫隆家电下乡指定店", 0.3, 0.74 },
	{ "襄州区黄集镇鑫源路18号", "襄州区双沟镇和平路9号", 0.1, 0.3 },
	/* Disjoint. */
	{ "枣阳市吴店镇吴店正街75号", "宜城市小河镇小河街12号", 0.0, 0.3 },
	{ "光明家电城", "兴旺电器行", 0.0, 0.0 },
	/* Short and empty. */
	{ "", "", 0.0, 0.0 },
	{ "", "abc", 0.0, 0.0 },
	{ "a", "b", 0.0, 0.0 },
	{ "店", "店铺", 0.0, 0.0 },
	{ "ab", "ba", 0.0, 0.0 },
	{ "ab", "ab ", 0.66, 0.67 },
	/* A pair counts as often as it occurs on both sides. */
	{ "aaaa", "aa", 0.5, 0.5 },
	{ "abab", "ab", 0.5, 0.5 },
	/* Bytes that are not UTF-8: long "characters" still compare by
	 * every byte. */
	{ "x\x80\x80\x80\x80\x80\x80\x80\x81y", "x\x80\x80\x80\x80\x80\x80\x80\x82y",
	    0.0, 0.0 },
	{ "x\x80\x80\x80\x80\x80\x80\x80\x81y", "x\x80\x80\x80\x80\x80\x80\x80\x81yz",
	    0.66, 0.67 },
};

static const char *const services[] = { "delivery", "install", "teach",
	"repair" };

static const struct {
	const char	*list;
	int		 allow_empty, want;
} list_cases[] = {
	{ "delivery", 0, 1 }, { "delivery,install,teach,repair", 0, 1 },
	{ "", 0, 0 }, { "", 1, 1 }, { "delivery,", 0, 1 },
	{ "deliver", 0, 0 }, { "delivery,fly", 0, 0 }, { ",", 0, 0 },
	{ "delivery,,install", 0, 0 }, { "DELIVERY", 0, 0 },
};

static const struct {
	const char	*text;
	size_t		 want;
} count_cases[] = {
	{ "", 0 }, { "a", 0 }, { "ab", 1 }, { "店名", 1 }, { "张湾街道", 3 },
	{ "\x80\x80" "ab", 1 }, { LONG_A, SIMILARITY_BIGRAMS },
};

void
test_similarity(void)
{
	struct bigram		 pa[SIMILARITY_BIGRAMS], pb[SIMILARITY_BIGRAMS];
	struct bigram_set	 x, y;
	size_t			 i;
	double			 s, t[] = { 0.0, 0.5, 0.75, 1.0 };
	int			 k;

	for (i = 0; i < NELEM(cases); i++) {
		s = text_similarity(cases[i].a, cases[i].b);
		CHECK(s >= cases[i].min && s <= cases[i].max,
		    "similarity %zu: %.3f", i, s);
		CHECK(s == text_similarity(cases[i].b, cases[i].a),
		    "symmetric %zu", i);
		/* Prepared sets say exactly the same. */
		bigram_set_make(&x, cases[i].a, pa);
		bigram_set_make(&y, cases[i].b, pb);
		CHECK(x.n == bigram_count(cases[i].a) &&
		    y.n == bigram_count(cases[i].b), "count %zu", i);
		CHECK(bigram_similarity(&x, &y) == s &&
		    bigram_similarity(&y, &x) == s, "sets %zu", i);
		for (k = 0; k < (int)NELEM(t); k++)
			CHECK(bigram_alike(&x, &y, t[k]) == (s >= t[k]),
			    "alike %zu at %.2f", i, t[k]);
	}
	for (i = 0; i < NELEM(count_cases); i++)
		CHECK(bigram_count(count_cases[i].text) == count_cases[i].want,
		    "bigram_count %zu: %zu", i, bigram_count(count_cases[i].text));
	for (i = 0; i < NELEM(list_cases); i++)
		CHECK(list_valid(list_cases[i].list, services, 4,
		    list_cases[i].allow_empty) == list_cases[i].want,
		    "list [%s]", list_cases[i].list);
}
