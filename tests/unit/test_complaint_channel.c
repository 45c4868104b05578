/* The channels complaints come by: one table of codes, names, labels and
 * who may enter each; the staff form's choices and the lists of counts
 * from it; the schema's list of codes the same as the table's. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "domain/complaint_channel.h"
#include "web/complaint_view.h"

#define MIGRATION	"sql/027_complaint_channel.sql"

static const struct {
	const char	*code;
	int		 channel;	/* -1: none */
	const char	*name, *label;
	int		 by_staff;
} cases[] = {
	{ "web", CHANNEL_WEB, "网上投诉", "网上", 0 },
	{ "open311", CHANNEL_OPEN311, "开放接口", "接口", 0 },
	{ "phone", CHANNEL_PHONE, "电话", "电话", 1 },
	{ "letter", CHANNEL_LETTER, "信件", "信件", 1 },
	{ "visit", CHANNEL_VISIT, "来访", "来访", 1 },
	{ "hotline_12345", CHANNEL_HOTLINE_12345, "12345热线转办", "12345", 1 },
	{ "hotline_12315", CHANNEL_HOTLINE_12315, "12315转办", "12315", 1 },
	/* Nothing else is a channel: near misses, case, spaces, empty. */
	{ "", -1, "", "", 0 },
	{ "Phone", -1, "", "", 0 },
	{ "PHONE", -1, "", "", 0 },
	{ "phone ", -1, "", "", 0 },
	{ " phone", -1, "", "", 0 },
	{ "phon", -1, "", "", 0 },
	{ "phones", -1, "", "", 0 },
	{ "hotline", -1, "", "", 0 },
	{ "hotline_12346", -1, "", "", 0 },
	{ "12345", -1, "", "", 0 },
	{ "12315", -1, "", "", 0 },
	{ "电话", -1, "", "", 0 },
	{ "email", -1, "", "", 0 },
	{ "fax", -1, "", "", 0 },
	{ "open311 ", -1, "", "", 0 },
	{ "web\n", -1, "", "", 0 },
};

/* The codes of the migration's ENUM for complaint.channel, in order,
 * into codes; the count, or -1 when it cannot be read. */
static int
migration_codes(char codes[][COMPLAINT_CHANNEL_CODE_MAX + 1], int max)
{
	char	 text[4096], *p, *end, *q;
	size_t	 len;
	FILE	*f;
	int	 n = 0;

	if ((f = fopen(MIGRATION, "r")) == NULL)
		return -1;
	len = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[len] = '\0';
	if ((p = strstr(text, "channel ENUM(")) == NULL ||
	    (end = strchr(p, ')')) == NULL)
		return -1;
	for (p += strlen("channel ENUM("); p < end && n < max; p = q + 1) {
		if ((p = strchr(p, '\'')) == NULL || p > end ||
		    (q = strchr(p + 1, '\'')) == NULL || q > end ||
		    q - p - 1 > COMPLAINT_CHANNEL_CODE_MAX)
			break;
		memcpy(codes[n], p + 1, (size_t)(q - p - 1));
		codes[n++][q - p - 1] = '\0';
	}
	return n;
}

void
test_complaint_channel(void)
{
	char		 codes[16][COMPLAINT_CHANNEL_CODE_MAX + 1];
	const char	*code;
	HDF		*h;
	size_t		 i, j, staff = 0;
	int		 n;

	for (i = 0; i < NELEM(cases); i++) {
		CHECK(complaint_channel_of(cases[i].code) == cases[i].channel,
		    "channel of '%s'", cases[i].code);
		CHECK(strcmp(complaint_channel_name(cases[i].code),
		    cases[i].name) == 0, "name of '%s'", cases[i].code);
		CHECK(strcmp(complaint_channel_label(cases[i].code),
		    cases[i].label) == 0, "label of '%s'", cases[i].code);
		CHECK(complaint_channel_by_staff(cases[i].code) ==
		    cases[i].by_staff, "staff may enter '%s'", cases[i].code);
		if (cases[i].channel >= 0)
			CHECK(strcmp(complaint_channel_code(cases[i].channel),
			    cases[i].code) == 0, "code of %d",
			    cases[i].channel);
	}
	CHECK(complaint_channel_of(NULL) == -1 &&
	    complaint_channel_name(NULL)[0] == '\0' &&
	    !complaint_channel_by_staff(NULL), "no code is no channel");
	CHECK(complaint_channel_code(CHANNEL_COUNT)[0] == '\0' &&
	    complaint_channel_code((enum complaint_channel)-1)[0] == '\0',
	    "no code past the table");

	/* Every channel once, in the table's order; each code fits the
	 * column and has its own name and label. */
	for (i = 0; (code = complaint_channel_at(i)) != NULL; i++) {
		CHECK(complaint_channel_of(code) == (int)i, "channel %zu", i);
		CHECK(strlen(code) <= COMPLAINT_CHANNEL_CODE_MAX,
		    "code '%s' too long", code);
		for (j = 0; j < i; j++)
			CHECK(strcmp(complaint_channel_name(code),
			    complaint_channel_name(complaint_channel_at(j))) !=
			    0 && strcmp(complaint_channel_label(code),
			    complaint_channel_label(complaint_channel_at(j))) !=
			    0, "'%s' named as another", code);
	}
	CHECK(i == CHANNEL_COUNT, "%zu channels listed", i);

	/* The staff form's choices: those staff enter, never the public's
	 * own, in the table's order. */
	for (i = 0; (code = complaint_staff_channel_at(i)) != NULL; i++) {
		CHECK(complaint_channel_by_staff(code), "'%s' offered to staff",
		    code);
		CHECK(i == 0 || complaint_channel_of(code) >
		    complaint_channel_of(complaint_staff_channel_at(i - 1)),
		    "staff channels out of order at '%s'", code);
	}
	for (j = 0; j < NELEM(cases); j++)
		staff += cases[j].by_staff;
	CHECK(i == staff && i == 5, "%zu staff channels", i);
	CHECK(complaint_staff_channel_at(99) == NULL, "no staff channel 99");

	/* The schema takes exactly the table's codes. */
	n = migration_codes(codes, 16);
	CHECK(n == CHANNEL_COUNT, "%s lists %d channels, the table %d",
	    MIGRATION, n, CHANNEL_COUNT);
	for (i = 0; n > 0 && i < (size_t)n; i++)
		CHECK(strcmp(codes[i], complaint_channel_code(i)) == 0,
		    "%s: '%s' where the table has '%s'", MIGRATION, codes[i],
		    complaint_channel_code(i));

	/* As page data: the form's choices, and every channel for lists. */
	if (hdf_init(&h) != STATUS_OK)
		return;
	complaint_view_channels(h, "S", 1);
	CHECK(strcmp(hdf_get_value(h, "S.0.code", ""), "phone") == 0 &&
	    strcmp(hdf_get_value(h, "S.0.name", ""), "电话") == 0 &&
	    strcmp(hdf_get_value(h, "S.4.name", ""), "12315转办") == 0 &&
	    hdf_get_obj(h, "S.5") == NULL, "the staff form's choices");
	complaint_view_channels(h, "A", 0);
	CHECK(strcmp(hdf_get_value(h, "A.0.code", ""), "web") == 0 &&
	    strcmp(hdf_get_value(h, "A.1.name", ""), "开放接口") == 0 &&
	    hdf_get_obj(h, "A.6") != NULL && hdf_get_obj(h, "A.7") == NULL,
	    "every channel");
	hdf_destroy(&h);
}
