/* For the form harnesses: validates fields against one declared
 * parameter of every type and checks what params.h promises. */
#ifndef JDXX_PARAMS_CHECK_H
#define JDXX_PARAMS_CHECK_H

#include <string.h>

#include "fuzz.h"
#include "domain/region.h"
#include "domain/workday.h"
#include "web/param.h"
#include "base/utf8.h"

static const struct param_spec fuzz_specs[] = {
	{ "page", "页码", P_INT, 1, 1000000, 0 },
	{ "id", "编号", P_INT, 0, 4000000000LL, P_REQUIRED },
	{ "price", "价格", P_MONEY, 1, 100000000, 0 },
	{ "q", "关键词", P_TEXT, 0, 50, 0 },
	{ "name", "姓名", P_TEXT, 2, 20, P_REQUIRED },
	{ "description", "投诉内容", P_LONGTEXT, 5, 4000, 0 },
	{ "category", "类别", P_CODE, 1, 24, 0 },
	{ "region", "地区", P_REGION, 0, 0, 0 },
	{ "date", "日期", P_DATE, 0, 0, 0 },
};

#define FUZZ_NSPECS	(sizeof(fuzz_specs) / sizeof(fuzz_specs[0]))

static void
check_params(const struct kvlist *src)
{
	struct param_value	 out[FUZZ_NSPECS];
	const struct param_spec	*ps;
	const struct param_value *pv;
	size_t			 i, errors, bad = 0, len, chars;

	errors = params_validate(fuzz_specs, FUZZ_NSPECS, src, out);
	for (i = 0; i < FUZZ_NSPECS; i++) {
		ps = &fuzz_specs[i];
		pv = &out[i];
		len = strlen(pv->s);
		MUST(utf8_valid(pv->s, len));
		MUST(pv->present == (len > 0));
		MUST(utf8_valid(pv->error, strlen(pv->error)));
		if (!pv->valid) {
			MUST(pv->error[0] != '\0');
			bad++;
			continue;
		}
		MUST(pv->error[0] == '\0');
		if (!pv->present) {
			MUST(!(ps->flags & P_REQUIRED));
			continue;
		}
		/* Trimmed: no ASCII blank or U+3000 at either end. */
		MUST(strchr(" \t\r\n", pv->s[0]) == NULL);
		MUST(strchr(" \t\r\n", pv->s[len - 1]) == NULL);
		MUST(strncmp(pv->s, "\xe3\x80\x80", 3) != 0);
		MUST(len < 3 || strcmp(pv->s + len - 3, "\xe3\x80\x80") != 0);
		switch (ps->type) {
		case P_INT:
		case P_MONEY:
			MUST(pv->n >= ps->min && pv->n <= ps->max);
			break;
		case P_TEXT:
		case P_LONGTEXT:
			chars = utf8_chars(pv->s, len);
			MUST((long long)chars >= ps->min &&
			    (long long)chars <= ps->max);
			MUST(!utf8_has_controls(pv->s, len,
			    ps->type == P_LONGTEXT));
			break;
		case P_CODE:
			MUST(valid_code(pv->s, (size_t)ps->max));
			break;
		case P_REGION:
			MUST(valid_region_code(pv->s));
			break;
		case P_DATE:
			MUST(valid_date(pv->s));
			break;
		}
	}
	MUST(errors == bad);
}

#endif
