/* Which cap or rate row applies on a day, with withdrawn rows, and which
 * rows may still be withdrawn. */
#include <stdio.h>
#include <string.h>

#include <ClearSilver/ClearSilver.h>

#include "domain/caps.h"
#include "domain/caps_record.h"
#include "check.h"
#include "web/view.h"

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

void
test_caps(void)
{
	HDF	*h, *r;
	char	 name[64];
	size_t	 i, j;

	for (i = 0; i < NELEM(mark_cases); i++) {
		if (hdf_init(&h) != STATUS_OK)
			return;
		for (j = 0; j < NELEM(mark_cases[i].rows) &&
		    mark_cases[i].rows[j].code != NULL; j++) {
			snprintf(name, sizeof(name), "H.%zu.code", j);
			nerr_ignore_ok(hdf_set_value(h, name,
			    mark_cases[i].rows[j].code));
			snprintf(name, sizeof(name), "H.%zu.effective_from", j);
			nerr_ignore_ok(hdf_set_value(h, name,
			    mark_cases[i].rows[j].from));
			if (mark_cases[i].rows[j].withdrawn[0] == '\0')
				continue;
			snprintf(name, sizeof(name), "H.%zu.withdrawn_at", j);
			nerr_ignore_ok(hdf_set_value(h, name,
			    mark_cases[i].rows[j].withdrawn));
		}
		caps_mark_state(hdf_get_obj(h, "H"), "code",
		    mark_cases[i].date);
		for (j = 0, r = hdf_get_child(h, "H"); r != NULL;
		    r = hdf_obj_next(r), j++)
			CHECK(strcmp(hdf_get_value(r, "state", ""),
			    mark_cases[i].rows[j].want) == 0,
			    "caps_mark_state %s: row %zu is %s, want %s",
			    mark_cases[i].name, j, hdf_get_value(r, "state", ""),
			    mark_cases[i].rows[j].want);
		hdf_destroy(&h);
	}
	/* One run when group is NULL, as for the rate. */
	if (hdf_init(&h) != STATUS_OK)
		return;
	nerr_ignore_ok(hdf_set_value(h, "R.0.effective_from", "2010-01-01"));
	nerr_ignore_ok(hdf_set_value(h, "R.0.withdrawn_at", "2009-12-01"));
	nerr_ignore_ok(hdf_set_value(h, "R.1.effective_from", "2008-12-01"));
	caps_mark_state(hdf_get_obj(h, "R"), NULL, "2010-06-01");
	CHECK(strcmp(hdf_get_value(h, "R.0.state", ""), "withdrawn") == 0,
	    "withdrawn rate: %s", hdf_get_value(h, "R.0.state", ""));
	CHECK(strcmp(hdf_get_value(h, "R.1.state", ""), "current") == 0,
	    "rate under a withdrawn one: %s", hdf_get_value(h, "R.1.state", ""));
	hdf_destroy(&h);

	for (i = 0; i < NELEM(withdrawable_cases); i++)
		CHECK(caps_withdrawable(withdrawable_cases[i].from,
		    withdrawable_cases[i].withdrawn,
		    withdrawable_cases[i].today) == withdrawable_cases[i].want,
		    "caps_withdrawable(%s, %s, %s)", withdrawable_cases[i].from,
		    withdrawable_cases[i].withdrawn ? withdrawable_cases[i].withdrawn :
		    "NULL", withdrawable_cases[i].today);
}
