/* Working days: Monday to Friday, except listed holidays, plus listed
 * working weekends (the makeup days of Chinese public holidays). */
#ifndef JDXX_WORKDAY_H
#define JDXX_WORKDAY_H

#include <stddef.h>

#include "db/db.h"

struct calendar_exception {
	long	 day;		/* days since 1970-01-01 */
	int	 workday;	/* 1: a working weekend; 0: a holiday */
};

struct calendar {
	struct calendar_exception	*days;	/* sorted by day */
	size_t				 n;
};

/* Days since 1970-01-01 for a YYYY-MM-DD date, or -1 when invalid. */
/* Today's date, YYYY-MM-DD, in the time zone of the programme. */
void	today(char out[11]);
/* 1 for a real date written YYYY-MM-DD, 1900 to 2999. */
int	valid_date(const char *);
long	date_to_days(const char *ymd);
/* The date of a day number as YYYY-MM-DD. */
void	days_to_date(long days, char out[11]);
/* 1 when the day is a working day under cal (cal may be empty). */
int	workday_is(const struct calendar *, long day);
/* The n-th working day after the date start (n >= 0; 0 is start). */
long	workday_add(const struct calendar *, long start, int n);
/* Working days after from up to and including to (0 when to <= from). */
int	workday_between(const struct calendar *, long from, long to);
/* Loads the exceptions from the database; free with calendar_free. */
enum db_status	calendar_load(struct calendar *);
void	calendar_free(struct calendar *);

#endif
