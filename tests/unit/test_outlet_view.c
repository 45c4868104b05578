/* Outlet and enterprise values as page data: the labels of their codes,
 * written once in the domain, and the HDF names the templates read. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "domain/outlet.h"
#include "domain/outlet_record.h"
#include "web/enterprise_view.h"
#include "web/outlet_view.h"

static const struct {
	const char	*code, *name;
} mode_cases[] = {
	{ "direct", "直营" }, { "franchise", "加盟" },
	{ "authorised", "授权" }, { "authorized", "" }, { "", "" },
	{ "Direct", "" },
}, status_cases[] = {
	{ "active", "正常" }, { "suspended", "暂停" },
	{ "cancelled", "取消" }, { "canceled", "" }, { "", "" },
};

static const struct {
	const char	*codes;
	size_t		 size;
	const char	*names;
} service_cases[] = {
	{ "", 128, "" },
	{ "delivery", 128, "送货上门" },
	{ "delivery,install,teach,repair", 128,
	    "送货上门、安装调试、使用辅导、上门维修" },
	{ "repair,delivery", 128, "上门维修、送货上门" },
	{ "nothing,teach", 128, "使用辅导" },
	{ "teach,nothing", 128, "使用辅导" },
	{ "delivery,,install", 128, "送货上门、安装调试" },
	{ ",", 128, "" },
	{ "deliveryx", 128, "" },
	{ "a-code-far-longer-than-any-service-there-is,repair", 128,
	    "上门维修" },
	/* Cut short, never past the room given. */
	{ "delivery,install", 13, "送货上门" },
	{ "delivery", 1, "" },
};

static const struct {
	enum outlet_alike	 why;
	const char		*name;
} alike_cases[] = {
	{ OUTLET_SAME_PHONE, "电话相同" }, { OUTLET_NAME_ALIKE, "店名相近" },
	{ OUTLET_ADDRESS_ALIKE, "地址相近" }, { OUTLET_NOT_ALIKE, "" },
	{ (enum outlet_alike)99, "" },
};

/* Whether name in h has value (NULL: is not set). */
static int
has(HDF *h, const char *name, const char *value)
{
	const char	*v = hdf_get_value(h, name, NULL);

	if (value == NULL)
		return v == NULL;
	return v != NULL && strcmp(v, value) == 0;
}

static const struct outlet sample = {
	.id = 42, .reg_no = "XF-0042", .name = "樊城家电", .mode = "franchise",
	.address = "人民路 1 号", .phone = "0710-3222222",
	.services = "install,repair", .status = "suspended",
	.status_since = "2010-03-09", .status_reason = "",
	.registered_on = "2009-02-01", .is_demo = 1,
	.region_code = "420606001", .township = NULL, .county_code = "420606",
	.county = "樊城区", .enterprise_id = 7, .enterprise = "襄樊商场",
	.categories = NULL, .category_codes = NULL,
};

/* A name and the value it must have (NULL: not set). */
struct expected {
	const char	*name, *value;
};

static const struct expected sample_names[] = {
	{ "O.id", "42" }, { "O.reg_no", "XF-0042" }, { "O.name", "樊城家电" },
	{ "O.mode", "franchise" }, { "O.address", "人民路 1 号" },
	{ "O.phone", "0710-3222222" }, { "O.services", "install,repair" },
	{ "O.status", "suspended" }, { "O.status_since", "2010-03-09" },
	{ "O.status_reason", "" }, { "O.registered_on", "2009-02-01" },
	{ "O.is_demo", "1" }, { "O.region_code", "420606001" },
	{ "O.township", NULL }, { "O.county_code", "420606" },
	{ "O.county", "樊城区" }, { "O.enterprise_id", "7" },
	{ "O.enterprise", "襄樊商场" }, { "O.categories", NULL },
	{ "O.category_codes", NULL }, { "O.mode_name", "加盟" },
	{ "O.status_name", "暂停" }, { "O.service_names", "安装调试、上门维修" },
};

/* The second card outlet_view_cards puts of a list of three samples. */
static const struct expected card_names[] = {
	{ "C.1.id", "2" }, { "C.1.name", "樊城家电" }, { "C.1.is_demo", "1" },
	{ "C.1.reg_no", "XF-0042" }, { "C.1.registered_on", "2009-02-01" },
	{ "C.1.status", "suspended" }, { "C.1.status.name", "暂停" },
	{ "C.1.status.since", "2010-03-09" }, { "C.1.status.reason", "" },
	{ "C.1.enterprise", "襄樊商场" }, { "C.1.enterprise.id", "7" },
	{ "C.1.enterprise.mode", "加盟" }, { "C.1.place.code", "420606001" },
	{ "C.1.place.locality", "樊城区 " },
	{ "C.1.place.county", NULL }, { "C.1.place.township", NULL },
	{ "C.1.place.address", "人民路 1 号" },
	{ "C.1.place.phone", "0710-3222222" },
	{ "C.1.offers.categories", NULL },
	{ "C.1.offers.services", "安装调试、上门维修" },
	/* Only what the card shows. */
	{ "C.1.mode", NULL }, { "C.1.services", NULL },
	{ "C.1.county_code", NULL }, { "C.1.category_codes", NULL },
	{ "C.1.status_name", NULL }, { "C.1.phone", NULL },
};

/* The most children any node under node has, node itself included. */
static int
most_children(HDF *node)
{
	HDF	*c;
	int	 n = 0, most = 0, m;

	for (c = hdf_obj_child(node); c != NULL; c = hdf_obj_next(c)) {
		n++;
		if ((m = most_children(c)) > most)
			most = m;
	}
	return n > most ? n : most;
}

static void
test_labels(void)
{
	char	 names[160];
	size_t	 i;

	for (i = 0; i < NELEM(mode_cases); i++)
		CHECK(strcmp(outlet_mode_name(mode_cases[i].code),
		    mode_cases[i].name) == 0, "mode %s", mode_cases[i].code);
	for (i = 0; i < NELEM(status_cases); i++) {
		CHECK(strcmp(outlet_status_name(status_cases[i].code),
		    status_cases[i].name) == 0, "status %s",
		    status_cases[i].code);
		CHECK(outlet_status_valid(status_cases[i].code) ==
		    (status_cases[i].name[0] != '\0'), "status %s valid",
		    status_cases[i].code);
	}
	for (i = 0; i < NELEM(service_cases); i++) {
		memset(names, 'x', sizeof(names));
		outlet_service_names(service_cases[i].codes, names,
		    service_cases[i].size);
		CHECK(strcmp(names, service_cases[i].names) == 0 &&
		    names[service_cases[i].size] == 'x', "services %s in %zu",
		    service_cases[i].codes, service_cases[i].size);
	}
	memset(names, 'x', sizeof(names));
	outlet_service_names("delivery", names, 0);
	CHECK(names[0] == 'x', "no room: nothing written");
	for (i = 0; i < NELEM(alike_cases); i++)
		CHECK(strcmp(outlet_alike_name(alike_cases[i].why),
		    alike_cases[i].name) == 0, "alike %d", (int)alike_cases[i].why);
}

static void
test_outlet_put(HDF *h)
{
	struct arena		 a = { 0 };
	struct arena_list	 l = { 0 };
	struct outlet		*o;
	const struct outlet	 nothing = { .id = 1 };
	struct outlet_status_entry *e;
	struct outlet_duplicate	*d;
	size_t			 i;

	outlet_view_put(h, "O", &sample);
	for (i = 0; i < NELEM(sample_names); i++)
		CHECK(has(h, sample_names[i].name, sample_names[i].value),
		    "%s", sample_names[i].name);
	/* An outlet with no known codes still has its names, empty. */
	o = arena_push(&a, &l, sizeof(*o));
	o->id = 1;
	outlet_view_put(h, "Z", o);
	CHECK(has(h, "Z.mode_name", "") && has(h, "Z.status_name", "") &&
	    has(h, "Z.service_names", "") && has(h, "Z.mode", NULL) &&
	    has(h, "Z.is_demo", "0"), "names of nothing are empty");
	for (i = 1; i < 3; i++) {
		o = arena_push(&a, &l, sizeof(*o));
		*o = sample;
		o->id = (long long)i + 1;
	}
	outlet_view_list(h, "L", &l, 2);
	CHECK(has(h, "L.0.id", "1") && has(h, "L.1.id", "2") &&
	    has(h, "L.1.status_name", "暂停") && hdf_get_obj(h, "L.2") ==
	    NULL, "a list stops at max");
	outlet_view_list(h, "M", &l, l.n);
	CHECK(has(h, "M.2.id", "3") && hdf_get_obj(h, "M.3") == NULL,
	    "a whole list");
	/* Cards: what card.cs shows, in nodes of ten children or fewer. */
	outlet_view_cards(h, "C", &l, 2);
	for (i = 0; i < NELEM(card_names); i++)
		CHECK(has(h, card_names[i].name, card_names[i].value), "%s",
		    card_names[i].name);
	CHECK(most_children(hdf_get_obj(h, "C")) <= 10,
	    "no card node has more than ten children (%d)",
	    most_children(hdf_get_obj(h, "C")));
	CHECK(hdf_get_obj(h, "C.2") == NULL, "cards stop at max");
	outlet_view_card(h, "Y", &nothing);
	CHECK(has(h, "Y.status.name", "") && has(h, "Y.enterprise.mode", "") &&
	    has(h, "Y.offers.services", "") && has(h, "Y.status", NULL) &&
	    has(h, "Y.is_demo", "0"), "a card's names of nothing are empty");
	memset(&l, 0, sizeof(l));
	outlet_view_list(h, "Empty", &l, 10);
	CHECK(hdf_get_obj(h, "Empty") == NULL, "no rows, no node");
	e = arena_push(&a, &l, sizeof(*e));
	e->status = "active";
	e->effective_on = "2009-02-01";
	e->reason = "";
	e = arena_push(&a, &l, sizeof(*e));
	e->status = "cancelled";
	e->effective_on = "2010-01-04";
	e->reason = "虚假宣传";
	outlet_view_history(h, "H", &l);
	CHECK(has(h, "H.0.status_name", "正常") && has(h, "H.0.reason", "") &&
	    has(h, "H.1.status", "cancelled") && has(h, "H.1.status_name",
	    "取消") && has(h, "H.1.effective_on", "2010-01-04") &&
	    hdf_get_obj(h, "H.2") == NULL, "a status history");
	memset(&l, 0, sizeof(l));
	d = arena_push(&a, &l, sizeof(*d));
	d->id = 9;
	d->reg_no = "XF-0009";
	d->name = "樊城家电二店";
	d->address = "人民路 3 号";
	d->phone = "";
	d->why = OUTLET_NAME_ALIKE;
	outlet_view_duplicates(h, "D", &l);
	CHECK(has(h, "D.0.id", "9") && has(h, "D.0.why", "店名相近") &&
	    has(h, "D.0.phone", "") && has(h, "D.0.phone_digits", NULL) &&
	    hdf_get_obj(h, "D.1") == NULL, "a likely duplicate");
	CHECK(!a.failed, "arena");
	arena_free(&a);
}

static void
test_enterprise_put(HDF *h)
{
	struct arena		 a = { 0 };
	struct arena_list	 l = { 0 }, k = { 0 };
	struct enterprise	*e;
	struct enterprise_county *c;

	e = arena_push(&a, &l, sizeof(*e));
	e->id = 3;
	e->name = "襄樊商场";
	e->bid_batch = "";
	e->phone = "0710-1";
	e->is_demo = 0;
	e->outlets = 12;
	enterprise_view_put(h, "E", e);
	CHECK(has(h, "E.id", "3") && has(h, "E.bid_batch", "") &&
	    has(h, "E.phone", "0710-1") && has(h, "E.outlets", NULL) &&
	    has(h, "E.is_demo", NULL), "one enterprise");
	enterprise_view_list(h, "EL", &l);
	CHECK(has(h, "EL.0.name", "襄樊商场") && has(h, "EL.0.outlets", "12") &&
	    has(h, "EL.0.is_demo", "0") && hdf_get_obj(h, "EL.1") == NULL,
	    "a list of enterprises");
	enterprise_view_names(h, "N", &l);
	CHECK(has(h, "N.0.id", "3") && has(h, "N.0.name", "襄樊商场") &&
	    has(h, "N.0.phone", NULL) && has(h, "N.0.outlets", NULL),
	    "names only for a choice");
	c = arena_push(&a, &k, sizeof(*c));
	c->enterprise_id = 3;
	c->county_code = "420606";
	c->county = NULL;
	c->province = "湖北省";
	c->outlets = 5;
	enterprise_view_counties(h, "C", &k);
	CHECK(has(h, "C.0.enterprise_id", "3") && has(h, "C.0.county", NULL) &&
	    has(h, "C.0.province", "湖北省") && has(h, "C.0.outlets", "5"),
	    "a county of unknown name");
	CHECK(!a.failed, "arena");
	arena_free(&a);
}

void
test_outlet_view(void)
{
	HDF	*h;

	test_labels();
	if (hdf_init(&h) != STATUS_OK)
		return;
	test_outlet_put(h);
	test_enterprise_put(h);
	hdf_destroy(&h);
}
