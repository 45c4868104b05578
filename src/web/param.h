/* Declared parameters: each route lists the fields it reads with a type,
 * limits and a Chinese label; handlers read only the validated values. */
#ifndef JDXX_PARAM_H
#define JDXX_PARAM_H

#include <stddef.h>

#include "web/form.h"

enum param_type {
	P_INT,		/* decimal digits, min..max */
	P_TEXT,		/* one line of text, min..max characters */
	P_LONGTEXT,	/* text with line breaks, min..max characters */
	P_MONEY,	/* yuan with up to two decimals; min..max in fen */
	P_CODE,		/* lowercase ASCII identifier, 1..max bytes */
	P_REGION,	/* a GB/T 2260 code: 2, 4, 6, 9 or 12 digits */
	P_DATE		/* YYYY-MM-DD, a real calendar date */
};

#define P_REQUIRED	0x1
#define P_PAGE_NO	0x2	/* a list's page number: past max, say why */

/* The deepest page of a numbered list: OFFSET stays small (500 pages of
 * 20 rows is 10,000), and past it the filters narrow the list instead. */
#define PAGE_MAX	500
#define PARAM_PAGE	{ "page", "页码", P_INT, 1, PAGE_MAX, P_PAGE_NO }

struct param_spec {
	const char	*name;
	const char	*label;		/* shown in messages, e.g. 价格 */
	enum param_type	 type;
	long long	 min;
	long long	 max;
	unsigned	 flags;
};

#define PARAM_ERROR_MAX	192

struct param_value {
	int		 present;	/* given and not blank */
	int		 valid;		/* present and passed, or absent and optional */
	long long	 n;		/* P_INT, P_MONEY (fen) */
	const char	*s;		/* trimmed text; "" when absent */
	char		 error[PARAM_ERROR_MAX];	/* Chinese message when !valid */
};

/* Validates the declared fields found in src into out[0..n).
 * Returns the number of fields with errors. Strings in out point into
 * src, which must outlive them. */
size_t	params_validate(const struct param_spec *, size_t n,
	    const struct kvlist *src, struct param_value *out);

/* The single-value checks, exposed for tests and other callers.
 * Each returns 0 when valid, storing the typed value, else -1. */
int	parse_int(const char *, long long min, long long max, long long *);
int	valid_code(const char *, size_t max);

#endif
