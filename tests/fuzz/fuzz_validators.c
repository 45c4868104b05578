/* libFuzzer harness for the single-value validators and parsers that
 * read what people type: the first byte picks one, the rest (cut at a
 * NUL, as text from a form is) is its input. Each accepted value is
 * checked against what its header promises, and round trips where a
 * value is written back (money, dates, ISO weeks). */
#include <stdio.h>
#include <string.h>

#include "domain/region.h"
#include "domain/account.h"
#include "domain/caps_record.h"
#include "domain/complaint.h"
#include "base/csv_read.h"
#include "fuzz.h"
#include "base/money.h"
#include "web/open311.h"
#include "domain/outlet_record.h"
#include "web/param.h"
#include "domain/product.h"
#include "db/search.h"
#include "domain/stats.h"
#include "base/utf8.h"
#include "domain/workday.h"

static const char *const services[] = { "delivery", "install", "teach",
	"repair" };

static int
all_digits(const char *s)
{
	return s[0] != '\0' && strspn(s, "0123456789") == strlen(s);
}

static void
check_int(const char *s)
{
	long long	 v = -1;

	if (parse_int(s, 0, 999999999999999999LL, &v) == 0) {
		MUST(all_digits(s) && strlen(s) <= 18);
		MUST(v == strtoll(s, NULL, 10));
	} else
		MUST(!all_digits(s) || strlen(s) > 18);
	if (parse_int(s, 1, 1000000, &v) == 0)
		MUST(v >= 1 && v <= 1000000);
}

static void
check_money(const char *s)
{
	long long	 fen, again;
	char		 out[32];

	if (parse_money_fen(s, &fen) == -1)
		return;
	MUST(fen >= 0 && fen < 1000000000000LL);
	money_format(out, sizeof(out), fen);
	MUST(parse_money_fen(out, &again) == 0 && again == fen);
	if (parse_hundredths(s, strlen(s), 4, &again) == 0)
		MUST(again == fen && again < 1000000);
}

static void
check_date(const char *s)
{
	long	 days;
	char	 out[11];

	days = date_to_days(s);
	MUST((days != -1) == valid_date(s));
	if (days == -1)
		return;
	days_to_date(days, out);
	MUST(strcmp(out, s) == 0);
}

static void
check_datetime(const char *s)
{
	long long	 t;
	char		 out[20];

	if (open311_datetime_parse(s, &t) == -1)
		return;
	/* 1900-01-01 to 3000-01-01, give or take the largest offset. */
	MUST(t >= -2208988800LL - 15 * 3600 &&
	    t <= 32503680000LL + 15 * 3600);
	open311_datetime_local(t, out);
	MUST(strlen(out) == 19 && out[10] == ' ');
}

static void
check_week(const char *s)
{
	long	 monday, again;
	char	 out[9];

	if (iso_week_parse(s, &monday) == -1)
		return;
	/* 1970-01-05 was a Monday. */
	MUST(((monday - 4) % 7 + 7) % 7 == 0);
	iso_week_format(monday, out);
	MUST(iso_week_parse(out, &again) == 0 && again == monday);
}

static void
check_percent(const char *s)
{
	long long	 bp;

	if (percent_parse_bp(s, 0, 10000, &bp) == 0)
		MUST(bp >= 0 && bp <= 10000);
}

static void
check_search(const char *s)
{
	char	 out[64], digits[32];
	int	 n;
	size_t	 i;

	n = search_query(out, sizeof(out), s);
	MUST(n >= -1 && n <= SEARCH_MAX_TERMS);
	if (n >= 0) {
		MUST(strlen(out) < sizeof(out));
		MUST(strchr(out, '\\') == NULL);
	}
	search_phone_digits(digits, sizeof(digits), s);
	for (i = 0; digits[i] != '\0'; i++)
		MUST(digits[i] >= '0' && digits[i] <= '9');
}

static void
check_model(const char *s)
{
	char	 key[40];

	product_model_key(key, sizeof(key), s);
	MUST(strlen(key) < sizeof(key));
	MUST(strpbrk(key, " -/abcdefghijklmnopqrstuvwxyz") == NULL);
}

static void
check_similarity(char *s)
{
	char	*b = strchr(s, '\n');
	double	 d;

	if (b != NULL)
		*b++ = '\0';
	else
		b = s;
	d = text_similarity(s, b);
	MUST(d >= 0.0 && d <= 1.0);
	MUST(text_similarity(b, s) == d);
}

static void
check_cell(const char *s)
{
	size_t	 len = strlen(s);
	char	*out = malloc(len + 1);

	MUST(out != NULL);
	csv_cell_clean(s, len, out);
	MUST(strlen(out) <= len && strpbrk(out, "\r\n") == NULL);
	if (utf8_valid(s, len))
		MUST(utf8_valid(out, strlen(out)));
	free(out);
}

static void
check_words(const char *s)
{
	size_t	 len = strlen(s);

	if (username_valid(s))
		MUST(len >= 3 && len <= 32 && s[0] >= 'a' && s[0] <= 'z' &&
		    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-") ==
		    len);
	if (complaint_phone_valid(s))
		MUST(len >= 8 && len <= 20 && s[0] >= '0' && s[0] <= '1' &&
		    strspn(s, "0123456789-") == len);
	if (open311_tracking_no_valid(s))
		MUST(len == 9 && s[4] == '-');
	if (valid_code(s, 24))
		MUST(len >= 1 && len <= 24);
	if (valid_region_code(s))
		MUST(all_digits(s));
	if (list_valid(s, services, 4, 0))
		MUST(len > 0 && strspn(s, "abcdefghijklmnopqrstuvwxyz,") ==
		    len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s;

	if (size == 0)
		return 0;
	s = fuzz_string(data + 1, size - 1);
	switch (data[0] % 11) {
	case 0: check_int(s); break;
	case 1: check_money(s); break;
	case 2: check_date(s); break;
	case 3: check_datetime(s); break;
	case 4: check_week(s); break;
	case 5: check_percent(s); break;
	case 6: check_search(s); break;
	case 7: check_model(s); break;
	case 8: check_similarity(s); break;
	case 9: check_cell(s); break;
	default: check_words(s); break;
	}
	free(s);
	return 0;
}
