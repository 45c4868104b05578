/* Working-day arithmetic on day numbers; the civil calendar conversion
 * follows the proleptic Gregorian algorithm of days_from_civil. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/workday.h"

static struct db_stmt load_days = DB_READ(
    "SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, is_workday "
    "FROM calendar_day ORDER BY day");

long
date_to_days(const char *s)
{
	long	 y, m, d, era, yoe, doy, doe;

	if (!valid_date(s))
		return -1;
	y = atol(s);
	m = atol(s + 5);
	d = atol(s + 8);
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
days_to_date(long z, char out[11])
{
	long	 era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	/* Four-digit years only: anything else is no date of ours. */
	if (y < 0 || y > 9999)
		y = 0;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
}

int
workday_is(const struct calendar *cal, long day)
{
	size_t	 lo = 0, hi = cal != NULL ? cal->n : 0, mid;
	long	 weekday = ((day % 7) + 10) % 7;	/* 0 Monday; 1970-01-01 was a Thursday */

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cal->days[mid].day == day)
			return cal->days[mid].workday;
		if (cal->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return weekday < 5;
}

long
workday_add(const struct calendar *cal, long start, int n)
{
	long	 day = start;

	while (n > 0) {
		day++;
		if (workday_is(cal, day))
			n--;
	}
	return day;
}

int
workday_between(const struct calendar *cal, long from, long to)
{
	int	 n = 0;

	for (; from < to; from++)
		if (workday_is(cal, from + 1))
			n++;
	return n;
}

/* Where calendar_load's rows go: the days grow in a malloc'd array. */
struct days_sink {
	struct calendar	*cal;
	size_t		 cap;
};

static int
calendar_row(void *arg, const struct db_row *r)
{
	struct days_sink		*k = arg;
	struct calendar_exception	*days;
	size_t				 cap;

	if (k->cal->n == k->cap) {
		cap = k->cap > 0 ? k->cap * 2 : 64;
		if ((days = reallocarray(k->cal->days, cap, sizeof(*days))) ==
		    NULL)
			return -1;
		k->cal->days = days;
		k->cap = cap;
	}
	days = &k->cal->days[k->cal->n++];
	days->day = date_to_days(db_text(r, "day"));
	days->workday = db_int(r, "is_workday") != 0;
	return 0;
}

enum db_status
calendar_load(struct calendar *cal)
{
	struct days_sink	 k = { cal, 0 };
	enum db_status		 st;

	cal->days = NULL;
	cal->n = 0;
	if ((st = db_query_each(&load_days, NULL, 0, calendar_row, &k)) !=
	    DB_OK)
		calendar_free(cal);
	return st;
}

void
calendar_free(struct calendar *cal)
{
	free(cal->days);
	cal->days = NULL;
	cal->n = 0;
}

void
today(char out[11])
{
	time_t		 t = time(NULL);
	struct tm	 tm;

	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int
valid_date(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	 y, m, d, n;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (n = 0; n < 10; n++)
		if (n != 4 && n != 7 && !isdigit((unsigned char)s[n]))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > days[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0))
		return 0;
	return 1;
}
