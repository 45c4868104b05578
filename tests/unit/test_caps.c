/* Which cap or rate row applies on a day, with withdrawn rows, which
 * rows may still be withdrawn, which cap comes next, where a new category
 * goes, and a product priced against the caps in force. */
#include <stdio.h>
#include <string.h>

#include "domain/caps.h"
#include "domain/caps_record.h"
#include "domain/product.h"
#include "check.h"

/* A history as the database gives it: newest first per category. Each
 * row: category, effective_from, withdrawn ("" or when), then the state
 * wanted on the day of the case. */
struct row {
	const char	*code, *from, *withdrawn, *want;
};

static const struct {
	const char	*name, *date;
	struct row	 rows[6];
} mark_cases[] = {
	{ "plain: upcoming, current, past", "2009-06-01", {
	    { "tv", "2010-01-01", "", "upcoming" },
	    { "tv", "2009-02-01", "", "current" },
	    { "tv", "2008-12-01", "", "past" } } },
	{ "withdrawn upcoming row is not upcoming", "2009-06-01", {
	    { "tv", "2010-01-01", "2009-05-02 10:00", "withdrawn" },
	    { "tv", "2009-02-01", "", "current" },
	    { "tv", "2008-12-01", "", "past" } } },
	{ "withdrawn newest row leaves the older one current", "2010-06-01", {
	    { "tv", "2010-01-01", "2009-12-30 09:00", "withdrawn" },
	    { "tv", "2009-02-01", "", "current" },
	    { "tv", "2008-12-01", "", "past" } } },
	{ "corrected row on the same day as a withdrawn one", "2010-06-01", {
	    { "tv", "2010-01-01", "", "current" },
	    { "tv", "2010-01-01", "2009-12-30 09:00", "withdrawn" },
	    { "tv", "2008-12-01", "", "past" } } },
	{ "withdrawn row first on the same day as the corrected one",
	    "2010-06-01", {
	    { "tv", "2010-01-01", "2009-12-30 09:00", "withdrawn" },
	    { "tv", "2010-01-01", "", "current" },
	    { "tv", "2008-12-01", "", "past" } } },
	{ "each category on its own", "2010-06-01", {
	    { "tv", "2010-01-01", "2009-12-30 09:00", "withdrawn" },
	    { "tv", "2008-12-01", "", "current" },
	    { "phone", "2011-01-01", "", "upcoming" },
	    { "phone", "2010-06-01", "", "current" },
	    { "phone", "2008-12-01", "", "past" } } },
	{ "every row withdrawn: none current", "2010-06-01", {
	    { "tv", "2010-01-01", "2009-12-30 09:00", "withdrawn" },
	    { "tv", "2008-12-01", "2008-11-30 09:00", "withdrawn" } } },
	{ "the first day counts as in force", "2010-01-01", {
	    { "tv", "2010-01-01", "", "current" },
	    { "tv", "2008-12-01", "", "past" } } },
};

static const struct {
	const char		*from, *withdrawn, *today;
	enum withdraw_outcome	 want;
} withdrawable_cases[] = {
	{ "2010-01-02", "", "2010-01-01", WITHDRAW_OK },
	{ "2030-01-01", "", "2010-01-01", WITHDRAW_OK },
	{ "2010-01-01", "", "2010-01-01", WITHDRAW_IN_FORCE },	/* today */
	{ "2009-12-31", "", "2010-01-01", WITHDRAW_IN_FORCE },
	{ "2008-12-01", "", "2010-01-01", WITHDRAW_IN_FORCE },
	{ "2030-01-01", "2009-12-30 09:00", "2010-01-01", WITHDRAW_ALREADY },
	{ "2008-12-01", "2008-11-30 09:00", "2010-01-01", WITHDRAW_ALREADY },
	{ "2030-01-01", NULL, "2010-01-01", WITHDRAW_OK },
};

static const struct {
	const char	*name;
	struct {
		const char	*from, *withdrawn;
	} rows[4];
	const char	*date;
	const char	*want[4];
} rate_cases[] = {
	{ "a withdrawn rate leaves the one under it current", {
	    { "2010-01-01", "2009-12-01" }, { "2008-12-01", NULL } },
	    "2010-06-01", { "withdrawn", "current" } },
	{ "rates are one run", {
	    { "2011-01-01", NULL }, { "2010-01-01", NULL },
	    { "2008-12-01", NULL } },
	    "2010-06-01", { "upcoming", "current", "past" } },
	{ "none in force yet", {
	    { "2011-01-01", NULL }, { "2010-07-01", NULL } },
	    "2010-06-01", { "upcoming", "upcoming" } },
};

/* A history marked on its date, and the category asked about. */
static const struct {
	const char	*name, *date, *code, *want;
	struct row	 rows[5];
} next_cases[] = {
	{ "the soonest of two upcoming", "2010-06-01", "tv", "2010-09-01", {
	    { "tv", "2011-01-01", "", "" }, { "tv", "2010-09-01", "", "" },
	    { "tv", "2009-01-01", "", "" } } },
	{ "a withdrawn one is not next", "2010-06-01", "tv", "2011-01-01", {
	    { "tv", "2011-01-01", "", "" },
	    { "tv", "2010-09-01", "2010-05-01 09:00", "" },
	    { "tv", "2009-01-01", "", "" } } },
	{ "only its own category", "2010-06-01", "tv", NULL, {
	    { "phone", "2011-01-01", "", "" },
	    { "tv", "2009-01-01", "", "" } } },
	{ "nothing upcoming", "2010-06-01", "phone", NULL, {
	    { "phone", "2010-06-01", "", "" },
	    { "phone", "2009-01-01", "", "" } } },
};

static const struct {
	long long	 sort[4];
	size_t		 n;
	long long	 want;
} next_sort_cases[] = {
	{ { 0 }, 0, 1 },			/* no category yet */
	{ { 0 }, 1, 1 },
	{ { 1, 2, 3 }, 3, 4 },
	{ { 5, 2 }, 2, 6 },			/* after the largest */
	{ { 9998 }, 1, 9999 },
	{ { 9999 }, 1, CATEGORY_SORT_MAX },	/* no further */
};

/* A product priced against tv's cap of 2000 yuan at 13%. */
static const struct {
	const char	*name, *category;
	long long	 price_fen;
	int		 with_caps, with_rate;
	long long	 want_cap, want_subsidy;
	int		 want_over;
} price_cases[] = {
	{ "within the cap", "tv", 199900, 1, 1, 200000, 25987, 0 },
	{ "at the cap", "tv", 200000, 1, 1, 200000, 26000, 0 },
	{ "over the cap", "tv", 200001, 1, 1, 200000, 0, 1 },
	{ "no cap for its category", "phone", 99900, 1, 1, -1, 0, 0 },
	{ "no caps given", "tv", 199900, 0, 0, -1, 0, 0 },
	{ "no rate in force", "tv", 199900, 1, 0, 200000, 0, 0 },
};

static void
test_rates_and_next(void)
{
	struct rate_row	 rates[4];
	struct cap_row	 caps[5];
	struct arena_list history;
	const struct cap_row *next;
	size_t		 i, j, n;

	for (i = 0; i < NELEM(rate_cases); i++) {
		memset(rates, 0, sizeof(rates));
		for (n = 0; n < NELEM(rate_cases[i].rows) &&
		    rate_cases[i].rows[n].from != NULL; n++) {
			rates[n].effective_from = rate_cases[i].rows[n].from;
			rates[n].withdrawn_at = rate_cases[i].rows[n].withdrawn;
		}
		rate_mark_state(rates, n, rate_cases[i].date);
		for (j = 0; j < n; j++)
			CHECK(strcmp(caps_state_code(rates[j].state),
			    rate_cases[i].want[j]) == 0,
			    "rate_mark_state %s: row %zu is %s, want %s",
			    rate_cases[i].name, j,
			    caps_state_code(rates[j].state),
			    rate_cases[i].want[j]);
	}
	for (i = 0; i < NELEM(next_cases); i++) {
		memset(caps, 0, sizeof(caps));
		for (n = 0; n < NELEM(next_cases[i].rows) &&
		    next_cases[i].rows[n].code != NULL; n++) {
			caps[n].code = next_cases[i].rows[n].code;
			caps[n].effective_from = next_cases[i].rows[n].from;
			if (next_cases[i].rows[n].withdrawn[0] != '\0')
				caps[n].withdrawn_at =
				    next_cases[i].rows[n].withdrawn;
		}
		caps_mark_state(caps, n, next_cases[i].date);
		history = (struct arena_list){ caps, n, n };
		next = caps_next_change(&history, next_cases[i].code);
		if (next_cases[i].want == NULL)
			CHECK(next == NULL, "caps_next_change %s: %s, want none",
			    next_cases[i].name, next->effective_from);
		else
			CHECK(next != NULL && strcmp(next->effective_from,
			    next_cases[i].want) == 0,
			    "caps_next_change %s: %s, want %s",
			    next_cases[i].name, next != NULL ?
			    next->effective_from : "none", next_cases[i].want);
	}
}

static void
test_next_sort_and_price(void)
{
	struct category		 cats[4];
	struct cap_in_force	 tv = { "tv", "彩电", 200000, "2008-12-01", 1 };
	struct caps_in_force	 k;
	struct arena_list	 list;
	struct product		 p;
	size_t			 i, j;

	for (i = 0; i < NELEM(next_sort_cases); i++) {
		memset(cats, 0, sizeof(cats));
		for (j = 0; j < next_sort_cases[i].n; j++)
			cats[j].sort_order = next_sort_cases[i].sort[j];
		list = (struct arena_list){ cats, next_sort_cases[i].n,
		    next_sort_cases[i].n };
		CHECK(category_next_sort(&list) == next_sort_cases[i].want,
		    "category_next_sort case %zu: %lld, want %lld", i,
		    category_next_sort(&list), next_sort_cases[i].want);
	}
	for (i = 0; i < NELEM(price_cases); i++) {
		memset(&k, 0, sizeof(k));
		k.caps = (struct arena_list){ &tv, 1, 1 };
		k.has_rate = price_cases[i].with_rate;
		k.rate.rate_bp = 1300;
		k.rate.central_share_bp = 8000;
		memset(&p, 0, sizeof(p));
		p.category_code = price_cases[i].category;
		p.bid_price_fen = price_cases[i].price_fen;
		product_price(&p, price_cases[i].with_caps ? &k : NULL);
		CHECK(p.cap_fen == price_cases[i].want_cap &&
		    p.subsidy_fen == price_cases[i].want_subsidy &&
		    p.over_cap == price_cases[i].want_over,
		    "product_price %s: cap %lld subsidy %lld over %d",
		    price_cases[i].name, p.cap_fen, p.subsidy_fen, p.over_cap);
	}
	k.caps = (struct arena_list){ &tv, 1, 1 };
	CHECK(caps_in_force_of(&k, "tv") == &tv, "caps_in_force_of tv");
	CHECK(caps_in_force_of(&k, "phone") == NULL, "caps_in_force_of phone");
	CHECK(caps_in_force_of(NULL, "tv") == NULL, "caps_in_force_of NULL");
}

void
test_caps(void)
{
	struct cap_row	 rows[NELEM(mark_cases[0].rows)];
	size_t		 i, j, n;

	for (i = 0; i < NELEM(mark_cases); i++) {
		memset(rows, 0, sizeof(rows));
		for (n = 0; n < NELEM(mark_cases[i].rows) &&
		    mark_cases[i].rows[n].code != NULL; n++) {
			rows[n].code = mark_cases[i].rows[n].code;
			rows[n].effective_from = mark_cases[i].rows[n].from;
			if (mark_cases[i].rows[n].withdrawn[0] != '\0')
				rows[n].withdrawn_at =
				    mark_cases[i].rows[n].withdrawn;
		}
		caps_mark_state(rows, n, mark_cases[i].date);
		for (j = 0; j < n; j++)
			CHECK(strcmp(caps_state_code(rows[j].state),
			    mark_cases[i].rows[j].want) == 0,
			    "caps_mark_state %s: row %zu is %s, want %s",
			    mark_cases[i].name, j,
			    caps_state_code(rows[j].state),
			    mark_cases[i].rows[j].want);
	}
	test_rates_and_next();
	test_next_sort_and_price();

	for (i = 0; i < NELEM(withdrawable_cases); i++)
		CHECK(caps_withdrawable(withdrawable_cases[i].from,
		    withdrawable_cases[i].withdrawn,
		    withdrawable_cases[i].today) == withdrawable_cases[i].want,
		    "caps_withdrawable(%s, %s, %s)", withdrawable_cases[i].from,
		    withdrawable_cases[i].withdrawn ? withdrawable_cases[i].withdrawn :
		    "NULL", withdrawable_cases[i].today);
}
