/* Outlet and enterprise records as staff keep them: validation shared by
 * the forms and the importer, the duplicate-registration guard, status
 * changes with history. */
#ifndef JDXX_OUTLET_RECORD_H
#define JDXX_OUTLET_RECORD_H

#include <ClearSilver/ClearSilver.h>
#include <jansson.h>

#include "db/db.h"

/* Two texts this alike (Dice coefficient of character bigrams, 0..1)
 * count as the same shop. */
#define OUTLET_SIMILAR	0.75

struct outlet_record {
	const char	*reg_no;
	const char	*name;
	long long	 enterprise_id;
	const char	*mode;		/* direct, franchise, authorised */
	const char	*region;	/* a 9-digit township */
	const char	*address;
	const char	*phone;
	const char	*categories;	/* comma-separated codes, e.g. tv,phone */
	const char	*services;	/* comma-separated: delivery,install,... */
	const char	*registered_on;	/* YYYY-MM-DD */
};

/* Called once per problem found: field and a Chinese message. */
typedef void	(*record_error_fn)(void *arg, const char *field,
		    const char *message);

/* Checks every field; the township must exist and lie inside limit
 * ("" for anywhere), the enterprise must exist. Returns DB_OK when the
 * checks ran (errors, if any, went to fn). */
enum db_status	outlet_record_check(const struct outlet_record *,
		    const char *limit, record_error_fn fn, void *arg);
/* 1 in *taken when another outlet (not except_id) has reg_no. */
enum db_status	outlet_regno_taken(const char *reg_no, long long except_id,
		    int *taken);
/* Outlets of the same county whose name or address is alike or whose
 * phone is the same, as prefix.N.{id, reg_no, name, address, phone,
 * why}; except_id is left out (0: none). */
enum db_status	outlet_record_duplicates(HDF *, const struct outlet_record *,
		    long long except_id, const char *prefix, long *n);
enum db_status	outlet_record_insert(const struct outlet_record *,
		    unsigned long long *id);
enum db_status	outlet_record_update(long long id,
		    const struct outlet_record *);
/* Changes the status from the date given, keeping the history. */
enum db_status	outlet_status_change(long long id, const char *status,
		    const char *effective_on, const char *reason,
		    long long staff_id);
/* prefix.N.{status, status_name, effective_on, reason} oldest first. */
enum db_status	outlet_status_history(HDF *, long long id, const char *prefix,
		    long *n);
json_t		*outlet_record_json(const struct outlet_record *);

/* Similarity of two UTF-8 texts, 0 (nothing shared) to 1 (same). */
double		text_similarity(const char *a, const char *b);
/* 1 when every comma-separated item of list is one of allowed. */
int		list_valid(const char *list, const char *const *allowed,
		    size_t nallowed, int allow_empty);

#endif
