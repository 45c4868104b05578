/* Validators, and validation of declared parameter tables. */
#include <string.h>

#include "base/money.h"
#include "domain/workday.h"
#include "domain/region.h"
#include "check.h"
#include "web/param.h"

static const struct {
	const char	*in;
	int		 ok;
	long long	 fen;
} money_cases[] = {
	{ "1999", 1, 199900 },
	{ "1999.5", 1, 199950 },
	{ "1999.50", 1, 199950 },
	{ "1999.05", 1, 199905 },
	{ "0.01", 1, 1 },
	{ "0", 1, 0 },
	{ "1999元", 1, 199900 },
	{ "1999 元", 1, 199900 },
	{ "1999.", 0, 0 },
	{ ".5", 0, 0 },
	{ "1999.505", 0, 0 },
	{ "-5", 0, 0 },
	{ "+5", 0, 0 },
	{ "1,999", 0, 0 },
	{ "1e3", 0, 0 },
	{ "abc", 0, 0 },
	{ "", 0, 0 },
	{ "元", 0, 0 },
	{ "12345678901", 0, 0 },
	{ "1234567890", 1, 123456789000LL },
	{ "0x10", 0, 0 },
	{ "１９９９", 0, 0 },			/* full-width digits */
	{ "1999' OR 1=1", 0, 0 },
};

static const struct {
	const char	*in;
	long long	 min, max;
	int		 ok;
} int_cases[] = {
	{ "1", 1, 10, 1 }, { "10", 1, 10, 1 }, { "0", 1, 10, 0 },
	{ "11", 1, 10, 0 }, { "-1", 0, 10, 0 }, { "", 0, 10, 0 },
	{ "1a", 0, 10, 0 }, { " 1", 0, 10, 0 }, { "007", 0, 10, 1 },
	{ "9999999999999999999999", 0, 10, 0 },
	{ "999999999999999999", 0, 999999999999999999LL, 1 },
};

static const struct {
	const char	*in;
	int		 ok;
} date_cases[] = {
	{ "2009-03-15", 1 }, { "2008-02-29", 1 }, { "2009-02-29", 0 },
	{ "2000-02-29", 1 }, { "1900-02-29", 0 }, { "2009-13-01", 0 },
	{ "2009-00-10", 0 }, { "2009-04-31", 0 }, { "2009-4-3", 0 },
	{ "20090315", 0 }, { "2009/03/15", 0 }, { "", 0 },
	{ "1899-12-31", 0 }, { "2009-03-15x", 0 },
};

static const struct {
	const char	*in;
	int		 ok;
} region_cases[] = {
	{ "42", 1 }, { "4206", 1 }, { "420607", 1 }, { "420607001", 1 },
	{ "420607001001", 1 }, { "4", 0 }, { "420", 0 }, { "42060", 0 },
	{ "4206070", 0 }, { "42060700", 0 }, { "42a6", 0 }, { "", 0 },
	{ "4206070010011", 0 },
};

static const struct {
	const char	*in;
	int		 ok;
} code_cases[] = {
	{ "tv", 1 }, { "fridge", 1 }, { "air_con2", 1 }, { "TV", 0 },
	{ "2tv", 0 }, { "t v", 0 }, { "", 0 }, { "tv;", 0 },
	{ "abcdefghijklmnopq", 0 }, { "abcdefghijklmnop", 1 },
};

enum { F_CAT, F_PRICE, F_NAME, F_PAGE };

static const struct param_spec specs[] = {
	[F_CAT] = { "category", "商品类别", P_CODE, 1, 16, P_REQUIRED },
	[F_PRICE] = { "price", "价格", P_MONEY, 1, 100000, 0 },
	[F_NAME] = { "name", "姓名", P_TEXT, 2, 4, 0 },
	[F_PAGE] = { "page", "页码", P_INT, 1, 50, 0 },
};

static const struct {
	const char	*query;
	size_t		 errors;
	int		 valid[4];
} table_cases[] = {
	{ "category=tv", 0, { 1, 1, 1, 1 } },
	{ "", 1, { 0, 1, 1, 1 } },
	{ "category=tv&price=1000&name=%E5%BC%A0%E4%B8%89&page=2", 0,
	    { 1, 1, 1, 1 } },
	{ "category=tv&price=1000.001", 1, { 1, 0, 1, 1 } },
	{ "category=tv&price=1000.01", 1, { 1, 0, 1, 1 } },	/* over max */
	{ "category=tv&name=%E5%BC%A0", 1, { 1, 1, 0, 1 } },	/* too short */
	{ "category=tv&name=abcde", 1, { 1, 1, 0, 1 } },	/* too long */
	{ "category=tv&name=%E5%BC%A0%01", 1, { 1, 1, 0, 1 } },	/* control */
	{ "category=tv&name=+%E5%BC%A0%E4%B8%89+", 0, { 1, 1, 1, 1 } },
	{ "category=tv&page=0", 1, { 1, 1, 1, 0 } },
	{ "category=tv&page=51", 1, { 1, 1, 1, 0 } },
	{ "category=tv&page=-1", 1, { 1, 1, 1, 0 } },
	{ "category=tv&category=phone", 1, { 0, 1, 1, 1 } },	/* twice */
	{ "category=+++", 1, { 0, 1, 1, 1 } },			/* blank */
	{ "category=%E3%80%80", 1, { 0, 1, 1, 1 } },		/* U+3000 */
	{ "category=tv&price=", 0, { 1, 1, 1, 1 } },
	{ "category=tv&unknown=1", 0, { 1, 1, 1, 1 } },
	{ "category=TV&price=x&name=a&page=x", 4, { 0, 0, 0, 0 } },
};

void
test_param(void)
{
	static const struct form_limits	 lim = { 32, 64, 1024 };
	struct param_value		 pv[4];
	struct kvlist			 l;
	long long			 v;
	size_t				 i, j, n;

	for (i = 0; i < NELEM(money_cases); i++) {
		int ok = parse_money_fen(money_cases[i].in, &v) == 0;

		CHECK(ok == money_cases[i].ok, "money %s", money_cases[i].in);
		if (ok && money_cases[i].ok)
			CHECK(v == money_cases[i].fen, "money %s = %lld",
			    money_cases[i].in, v);
	}
	for (i = 0; i < NELEM(int_cases); i++)
		CHECK((parse_int(int_cases[i].in, int_cases[i].min,
		    int_cases[i].max, &v) == 0) == int_cases[i].ok,
		    "int %s", int_cases[i].in);
	for (i = 0; i < NELEM(date_cases); i++)
		CHECK(valid_date(date_cases[i].in) == date_cases[i].ok,
		    "date %s", date_cases[i].in);
	for (i = 0; i < NELEM(region_cases); i++)
		CHECK(valid_region_code(region_cases[i].in) ==
		    region_cases[i].ok, "region %s", region_cases[i].in);
	for (i = 0; i < NELEM(code_cases); i++)
		CHECK(valid_code(code_cases[i].in, 16) == code_cases[i].ok,
		    "code %s", code_cases[i].in);
	for (i = 0; i < NELEM(table_cases); i++) {
		kvlist_init(&l);
		form_parse_urlencoded(&l, table_cases[i].query,
		    strlen(table_cases[i].query), &lim);
		n = params_validate(specs, NELEM(specs), &l, pv);
		CHECK(n == table_cases[i].errors, "table %zu: %zu errors", i, n);
		for (j = 0; j < NELEM(specs); j++) {
			CHECK(pv[j].valid == table_cases[i].valid[j],
			    "table %zu field %s", i, specs[j].name);
			CHECK(pv[j].valid == (pv[j].error[0] == '\0'),
			    "table %zu field %s message", i, specs[j].name);
		}
		kvlist_free(&l);
	}
	/* Typed values and trimmed text reach the handler. */
	kvlist_init(&l);
	{
		static const char q[] = "category=tv&price=1999.5&name=+%E5%BC%A0"
		    "%E4%B8%89%E3%80%80&page=7";

		form_parse_urlencoded(&l, q, sizeof(q) - 1, &lim);
	}
	params_validate(specs, NELEM(specs), &l, pv);
	CHECK(pv[F_PRICE].n == 199950, "price typed");
	CHECK(pv[F_PAGE].n == 7, "page typed");
	CHECK(strcmp(pv[F_NAME].s, "张三") == 0, "name trimmed: [%s]",
	    pv[F_NAME].s);
	CHECK(pv[F_PAGE].error[0] == '\0', "no error on a good page");
	kvlist_free(&l);
}
