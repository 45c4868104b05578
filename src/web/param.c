/* Validation of declared parameters. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "base/money.h"
#include "domain/region.h"
#include "domain/workday.h"
#include "web/param.h"
#include "base/utf8.h"

int
parse_int(const char *s, long long min, long long max, long long *out)
{
	long long	 v = 0;
	size_t		 i;

	if (s[0] == '\0' || strlen(s) > 18)
		return -1;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
valid_code(const char *s, size_t max)
{
	size_t	 i, len = strlen(s);

	if (len == 0 || len > max || !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

/* Trims ASCII blanks and the ideographic space U+3000 in place. */
static char *
trim(char *s)
{
	size_t	 len;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3;
		else
			break;
	}
	len = strlen(s);
	for (;;) {
		if (len > 0 && strchr(" \t\r\n", s[len - 1]) != NULL)
			s[--len] = '\0';
		else if (len >= 3 && strcmp(s + len - 3, "\xe3\x80\x80") == 0)
			s[len -= 3] = '\0';
		else
			break;
	}
	return s;
}

static void
check_one(const struct param_spec *ps, struct param_value *pv)
{
	const char	*s = pv->s;
	size_t		 nchars;
	long long	 deep;

	switch (ps->type) {
	case P_INT:
		if (parse_int(s, ps->min, ps->max, &pv->n) == -1 &&
		    (ps->flags & P_PAGE_NO) && parse_int(s, ps->max + 1,
		    LLONG_MAX, &deep) == 0)
			snprintf(pv->error, sizeof(pv->error),
			    "最多只能翻到第 %lld 页：请用筛选条件或关键词缩小范围",
			    ps->max);
		else if (parse_int(s, ps->min, ps->max, &pv->n) == -1)
			snprintf(pv->error, sizeof(pv->error),
			    "%s须为 %lld 到 %lld 之间的整数", ps->label,
			    ps->min, ps->max);
		break;
	case P_MONEY:
		if (parse_money_fen(s, &pv->n) == -1)
			snprintf(pv->error, sizeof(pv->error),
			    "%s请填写数字，单位为元，最多两位小数，例如 1999 或 1999.50",
			    ps->label);
		else if (pv->n < ps->min || pv->n > ps->max)
			snprintf(pv->error, sizeof(pv->error),
			    "%s须在 %lld.%02lld 元到 %lld.%02lld 元之间",
			    ps->label, ps->min / 100, ps->min % 100,
			    ps->max / 100, ps->max % 100);
		break;
	case P_TEXT:
	case P_LONGTEXT:
		nchars = utf8_chars(s, strlen(s));
		if (utf8_has_controls(s, strlen(s), ps->type == P_LONGTEXT))
			snprintf(pv->error, sizeof(pv->error),
			    "%s含有不能识别的控制字符", ps->label);
		else if ((long long)nchars < ps->min)
			snprintf(pv->error, sizeof(pv->error),
			    "%s至少 %lld 个字", ps->label, ps->min);
		else if ((long long)nchars > ps->max)
			snprintf(pv->error, sizeof(pv->error),
			    "%s太长，最多 %lld 个字（现有 %zu 个）", ps->label,
			    ps->max, nchars);
		break;
	case P_CODE:
		if (!valid_code(s, (size_t)ps->max))
			snprintf(pv->error, sizeof(pv->error),
			    "%s不正确", ps->label);
		break;
	case P_REGION:
		if (!valid_region_code(s))
			snprintf(pv->error, sizeof(pv->error),
			    "%s须为 2、4、6、9 或 12 位数字的行政区划代码",
			    ps->label);
		break;
	case P_DATE:
		if (!valid_date(s))
			snprintf(pv->error, sizeof(pv->error),
			    "%s须为有效日期，格式如 2009-03-15", ps->label);
		break;
	}
}

size_t
params_validate(const struct param_spec *specs, size_t n,
    const struct kvlist *src, struct param_value *out)
{
	const struct kv	*kv;
	size_t		 i, errors = 0;

	for (i = 0; i < n; i++) {
		const struct param_spec	*ps = &specs[i];
		struct param_value	*pv = &out[i];

		memset(pv, 0, sizeof(*pv));
		pv->s = "";
		kv = kvlist_get(src, ps->name);
		if (kv != NULL)
			pv->s = trim(kv->val);
		pv->present = pv->s[0] != '\0';
		if (kv != NULL && kvlist_count(src, ps->name) > 1)
			snprintf(pv->error, sizeof(pv->error),
			    "%s重复出现，请只填写一次", ps->label);
		else if (!pv->present) {
			if (ps->flags & P_REQUIRED)
				snprintf(pv->error, sizeof(pv->error),
				    "请填写%s", ps->label);
		} else
			check_one(ps, pv);
		pv->valid = pv->error[0] == '\0';
		if (!pv->valid)
			errors++;
	}
	return errors;
}
