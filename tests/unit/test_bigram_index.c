/* The bigram index finds, for each text, exactly the texts added before
 * it that bigram_alike finds by comparing it with each (the cases of
 * test_similarity and generated names, at several thresholds). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "domain/bigram_index.h"
#include "domain/similarity.h"

#define NGEN	300

static const char *const fixed[] = {
	"张湾街道华润家电下乡指定店", "张湾街道华润家电下乡指定店",
	"张湾街道华润家电下乡指定店二店", "襄州区张湾街道航空路128号",
	"襄州区张湾街道航空路130号", "兴隆家电城城东店", "兴隆家电城城东分店",
	"abcd", "abcd ", "双沟镇鑫隆家电下乡指定店", "光明家电城", "兴旺电器行",
	"", "", "a", "a", "b", "店", "店", "店铺", "ab", "ba", "ab ", "aaaa",
	"aa", "abab", "ab", "aba", "bab",
	"x\x80\x80\x80\x80\x80\x80\x80\x81y", "x\x80\x80\x80\x80\x80\x80\x80\x82y",
	"x\x80\x80\x80\x80\x80\x80\x80\x81yz",
};

/* Names from a few characters, so that many are alike in part. */
static void
generate(char out[NGEN][64])
{
	static const char *const pool[] = { "华", "润", "家", "电", "店", "鑫",
		"隆", "城", "东", "西", "兴", "旺" };
	unsigned	 seed = 7, i, j, len;

	for (i = 0; i < NGEN; i++) {
		out[i][0] = '\0';
		seed = seed * 1103515245u + 12345u;
		len = 1 + (seed >> 16) % 7;
		for (j = 0; j < len; j++) {
			seed = seed * 1103515245u + 12345u;
			strcat(out[i], pool[(seed >> 16) % 12]);
		}
	}
}

static void
against_pairwise(const char *const *text, size_t n, double at_least)
{
	struct bigram		(*room)[SIMILARITY_BIGRAMS];
	struct bigram_set	*set;
	struct bigram_index	*x;
	struct bigram_ids	 ids = { 0 };
	size_t			 i, j, k, mismatched = 0, found = 0;

	room = calloc(n, sizeof(*room));
	set = calloc(n, sizeof(*set));
	x = bigram_index_new();
	if (room == NULL || set == NULL || x == NULL) {
		CHECK(0, "memory");
		goto out;
	}
	for (i = 0; i < n; i++)
		bigram_set_make(&set[i], text[i], room[i]);
	for (i = 0; i < n; i++) {
		ids.n = 0;
		CHECK(bigram_index_alike(x, &set[i], at_least, &ids) == 0,
		    "look-up %zu", i);
		for (j = 0, k = 0; j < i; j++) {
			int want = bigram_alike(&set[i], &set[j], at_least);
			int got = k < ids.n && ids.id[k] == j;

			if (got)
				k++;
			if (want != got)
				mismatched++;
			found += want;
		}
		if (k != ids.n)
			mismatched++;
		CHECK(bigram_index_add(x, &set[i], (uint32_t)i) == 0,
		    "add %zu", i);
	}
	CHECK(mismatched == 0, "index as pairwise at %.2f: %zu differ",
	    at_least, mismatched);
	CHECK(found > 0, "some alike at %.2f", at_least);
out:
	bigram_ids_free(&ids);
	bigram_index_free(x);
	free(set);
	free(room);
}

void
test_bigram_index(void)
{
	static char		 gen[NGEN][64];
	const char		*text[NGEN];
	struct bigram_index	*x;
	struct bigram_ids	 ids = { 0 };
	double			 t[] = { 0.3, 0.5, 0.75, 1.0 };
	size_t			 i;

	generate(gen);
	for (i = 0; i < NGEN; i++)
		text[i] = gen[i];
	for (i = 0; i < NELEM(t); i++) {
		against_pairwise(fixed, NELEM(fixed), t[i]);
		against_pairwise(text, NGEN, t[i]);
	}

	/* Whole texts: equal only, "" never. */
	if ((x = bigram_index_new()) == NULL)
		return;
	CHECK(bigram_index_add_text(x, "13907100001", 0) == 0 &&
	    bigram_index_add_text(x, "13907100002", 1) == 0 &&
	    bigram_index_add_text(x, "13907100001", 2) == 0 &&
	    bigram_index_add_text(x, "", 3) == 0, "phones added");
	CHECK(bigram_index_same(x, "13907100001", &ids) == 0 && ids.n == 2 &&
	    ids.id[0] == 0 && ids.id[1] == 2, "same phone: %zu", ids.n);
	ids.n = 0;
	CHECK(bigram_index_same(x, "1390710000", &ids) == 0 && ids.n == 0,
	    "a prefix is not the same");
	CHECK(bigram_index_same(x, "", &ids) == 0 && ids.n == 0,
	    "no phone is nobody's");
	bigram_ids_free(&ids);
	bigram_index_free(x);
}
