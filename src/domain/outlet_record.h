/* Outlet and enterprise records as staff keep them: validation shared by
 * the forms and the importer, the duplicate-registration guard, status
 * changes with history. */
#ifndef JDXX_OUTLET_RECORD_H
#define JDXX_OUTLET_RECORD_H

#include <jansson.h>

#include "base/arena.h"
#include "db/db.h"
#include "domain/similarity.h"
#include "domain/audit.h"
#include "domain/outlet.h"
#include "domain/result.h"

/* Two names or addresses this alike (text_similarity) count as the
 * same shop. */
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
 * ("" for anywhere), the enterprise must exist. Returns DOMAIN_OK when the
 * checks ran (errors, if any, went to fn). */
enum domain_status outlet_record_check(const struct outlet_record *,
		    const char *limit, record_error_fn fn, void *arg);
/* 1 in *taken when another outlet (not except_id) has reg_no. */
enum domain_status outlet_regno_taken(const char *reg_no, long long except_id,
		    int *taken);
/* Why two outlets look like one shop, tried in this order. */
enum outlet_alike {
	OUTLET_NOT_ALIKE,
	OUTLET_SAME_PHONE,	/* the same digits, whatever the dashes */
	OUTLET_NAME_ALIKE,	/* names at least OUTLET_SIMILAR alike */
	OUTLET_ADDRESS_ALIKE	/* addresses as alike */
};

/* Its Chinese name, as the duplicate guard shows it ("" for none). */
const char	*outlet_alike_name(enum outlet_alike);

/* An outlet already registered that looks like the one being saved. */
struct outlet_duplicate {
	long long		 id;
	const char		*reg_no;
	const char		*name;
	const char		*address;
	const char		*phone;
	const char		*phone_digits;	/* as compared; NULL for none */
	enum outlet_alike	 why;
};

/* Outlets of the same county (the first 5000 by id) whose phone is the
 * same or whose name or address is alike, into list (struct
 * outlet_duplicate items, by id); except_id is left out (0: none). */
enum domain_status outlet_record_duplicates(struct arena *,
		    const struct outlet_record *, long long except_id,
		    struct arena_list *list);
enum domain_status outlet_record_insert(const struct outlet_record *,
		    unsigned long long *id);
enum domain_status outlet_record_update(long long id,
		    const struct outlet_record *);
/* Changes the status from the date given, keeping the history. */
enum domain_status outlet_status_change(long long id, const char *status,
		    const char *effective_on, const char *reason,
		    long long staff_id);
/* One change of an outlet's status. */
struct outlet_status_entry {
	const char	*status;
	const char	*effective_on;	/* YYYY-MM-DD */
	const char	*reason;
};

/* Outlet id's status changes, oldest first, into list (struct
 * outlet_status_entry items). */
enum domain_status outlet_status_history(struct arena *, long long id,
		    struct arena_list *list);
json_t		*outlet_record_json(const struct outlet_record *);

/* The changes staff make, each in one transaction with its audit row. */

/* Registers a new outlet; DOMAIN_INVALID, with the reason in problems,
 * when its reg_no is taken. */
enum domain_status outlet_register(const struct outlet_record *,
		    const struct audit_by *, struct domain_problems *,
		    unsigned long long *id);
/* Saves outlet id, stored as old (as outlet_get read it); DOMAIN_INVALID,
 * with the reason in problems, when its reg_no is another's. */
enum domain_status outlet_amend(long long id, const struct outlet *old,
		    const struct outlet_record *, const struct audit_by *,
		    struct domain_problems *);
/* 1 when an outlet may go from status from to status to: 正常 → 暂停 →
 * 取消, and a suspended one restored; 取消 is final. */
int		outlet_status_move_allowed(const char *from, const char *to);
/* Moves outlet id from status from to status from effective_on. */
enum domain_status outlet_status_move(long long id, const char *from,
		    const char *status, const char *effective_on,
		    const char *reason, const struct audit_by *);

/* 1 when every comma-separated item of list is one of allowed. */
int		list_valid(const char *list, const char *const *allowed,
		    size_t nallowed, int allow_empty);

#endif
