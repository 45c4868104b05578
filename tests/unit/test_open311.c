/* Open311 scopes: which complaints a key's region holds, and which
 * fields of a request the public and a key are shown. */
#include <string.h>

#include "domain/apikey.h"
#include "check.h"
#include "web/open311.h"

static void
test_apikey_holds(void)
{
	static const struct {
		const char	*key;		/* the key's region */
		const char	*code;		/* a complaint's region */
		int		 holds;
	} cases[] = {
		{ "", "420606101", 1 },		/* the whole country */
		{ "", "", 1 },
		{ "", NULL, 0 },		/* no region at all */
		{ "42", "420606101", 1 },
		{ "4206", "420606101", 1 },
		{ "420606", "420606101", 1 },
		{ "420606", "420606", 1 },
		{ "420606101", "420606101", 1 },
		{ "420606", "420607001", 0 },	/* the next county */
		{ "420606", "42060", 0 },	/* coarser than the key */
		{ "420606", "4206", 0 },
		{ "420606", "", 0 },
		{ "420606", NULL, 0 },
		{ "4206", "4106061", 0 },
		{ "4206", "1420606", 0 },	/* inside, not a prefix */
		{ "420606101", "420606102", 0 },
	};
	struct apikey	 k;
	size_t		 i;

	for (i = 0; i < NELEM(cases); i++) {
		memset(&k, 0, sizeof(k));
		k.id = 1;
		strcpy(k.region, cases[i].key);
		CHECK(apikey_holds(&k, cases[i].code) == cases[i].holds,
		    "key '%s' holds '%s': want %d", cases[i].key,
		    cases[i].code != NULL ? cases[i].code : "(null)",
		    cases[i].holds);
	}
}

/* The field names of obj, comma-separated, in order. */
static void
keys_of(json_t *obj, char *out, size_t size)
{
	const char	*key;
	json_t		*v;

	out[0] = '\0';
	json_object_foreach(obj, key, v) {
		(void)v;
		if (out[0] != '\0')
			strncat(out, ",", size - strlen(out) - 1);
		strncat(out, key, size - strlen(out) - 1);
	}
}

static void
test_request_fields(void)
{
	/* A request as the full read gives it: the public must still not
	 * see what it holds beyond the public fields. */
	static const struct service_request req = {
		.service_request_id = "AB3D-7K9Q",
		.status = "open",
		.status_notes = "已责令退还",
		.service_name = "超限价或乱收费",
		.service_code = "overcharge",
		.description = "私密的投诉经过",
		.agency_responsible = "樊城区商务局",
		.requested_datetime = "2009-03-15T08:00:00+08:00",
		.updated_datetime = "2009-03-16T08:00:00+08:00",
		.expected_datetime = "2009-03-24T23:59:59+08:00",
		.address = "某某家电 某路 8 号",
		.county_code = "420606",
	};
	static const struct {
		int		 keyed;
		int		 named;
		const char	*keys;
	} cases[] = {
		{ 0, 1, "service_request_id,status,service_name,service_code,"
		    "agency_responsible,requested_datetime,updated_datetime,"
		    "address,county_code" },
		{ 0, 0, "status,service_name,service_code,agency_responsible,"
		    "requested_datetime,updated_datetime,address,county_code" },
		{ 1, 1, "service_request_id,status,status_notes,service_name,"
		    "service_code,description,agency_responsible,"
		    "requested_datetime,updated_datetime,expected_datetime,"
		    "address,zipcode,county_code" },
		{ 1, 0, "status,status_notes,service_name,service_code,"
		    "description,agency_responsible,requested_datetime,"
		    "updated_datetime,expected_datetime,address,zipcode,"
		    "county_code" },
	};
	/* A value where each field is, null where none is. */
	static const struct {
		const char	*key;
		const char	*value;		/* NULL: null */
	} values[] = {
		{ "service_request_id", "AB3D-7K9Q" },
		{ "status_notes", "已责令退还" },
		{ "description", "私密的投诉经过" },
		{ "expected_datetime", "2009-03-24T23:59:59+08:00" },
		{ "address", "某某家电 某路 8 号" },
		{ "zipcode", NULL },
		{ "county_code", "420606" },
	};
	struct service_request_scope	 scope;
	struct service_request		 none;
	char				 keys[512];
	json_t				*obj, *v;
	size_t				 i;

	for (i = 0; i < NELEM(cases); i++) {
		scope.keyed = cases[i].keyed;
		scope.region = "";
		obj = open311_request_json(&req, &scope, cases[i].named);
		keys_of(obj, keys, sizeof(keys));
		CHECK(strcmp(keys, cases[i].keys) == 0,
		    "keyed %d named %d: fields %s", cases[i].keyed,
		    cases[i].named, keys);
		if (!cases[i].keyed)
			CHECK(json_object_get(obj, "description") == NULL &&
			    json_object_get(obj, "status_notes") == NULL,
			    "public: no text, no reply");
		json_decref(obj);
	}
	scope.keyed = 1;
	scope.region = "";
	obj = open311_request_json(&req, &scope, 1);
	for (i = 0; i < NELEM(values); i++) {
		v = json_object_get(obj, values[i].key);
		CHECK(values[i].value == NULL ? json_is_null(v) :
		    json_is_string(v) && strcmp(json_string_value(v),
		    values[i].value) == 0, "%s: its value", values[i].key);
	}
	json_decref(obj);
	/* A request read without a column (SQL NULL): null, not "". */
	memset(&none, 0, sizeof(none));
	obj = open311_request_json(&none, &scope, 1);
	CHECK(json_is_null(json_object_get(obj, "status_notes")) &&
	    json_is_null(json_object_get(obj, "service_request_id")),
	    "an empty request: every field null");
	json_decref(obj);
}

/* The cursor of keyset paging: only what a row's next_after could be. */
static void
test_cursor(void)
{
	static const struct {
		const char	*s;
		int		 ok;
		const char	*at;
		long long	 id;
	} cases[] = {
		{ "20091201083000-17", 1, "2009-12-01 08:30:00", 17 },
		{ "20240229235959-1", 1, "2024-02-29 23:59:59", 1 },
		{ "20091201083000-999999999999999999", 1, "2009-12-01 08:30:00",
		    999999999999999999LL },
		{ "20230229000000-1", 0, NULL, 0 },	/* no 29 February */
		{ "20091301000000-1", 0, NULL, 0 },	/* month 13 */
		{ "20091200000000-1", 0, NULL, 0 },	/* day 0 */
		{ "20091201240000-1", 0, NULL, 0 },	/* hour 24 */
		{ "20091201236000-1", 0, NULL, 0 },
		{ "20091201083000-0", 0, NULL, 0 },	/* no id 0 */
		{ "20091201083000-", 0, NULL, 0 },
		{ "20091201083000", 0, NULL, 0 },
		{ "2009120108300-17", 0, NULL, 0 },	/* 13 digits */
		{ "20091201083000-1x", 0, NULL, 0 },
		{ "20091201083000-1'", 0, NULL, 0 },
		{ "20091201083000--1", 0, NULL, 0 },
		{ "2009-12-01 08:30-1", 0, NULL, 0 },
		{ "20091201083000-1000000000000000000", 0, NULL, 0 },
		{ "", 0, NULL, 0 },
		{ "x", 0, NULL, 0 },
	};
	char		 at[20];
	long long	 id;
	size_t		 i;
	int		 rc;

	for (i = 0; i < NELEM(cases); i++) {
		id = 0;
		rc = service_request_cursor_parse(cases[i].s, at, &id);
		CHECK((rc == 0) == cases[i].ok, "cursor %s", cases[i].s);
		if (rc == 0 && cases[i].ok) {
			CHECK(strcmp(at, cases[i].at) == 0, "cursor %s: %s",
			    cases[i].s, at);
			CHECK(id == cases[i].id, "cursor %s: id %lld",
			    cases[i].s, id);
		}
	}
}

void
test_open311(void)
{
	test_apikey_holds();
	test_request_fields();
	test_cursor();
}
