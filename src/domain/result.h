/* What a domain function answers: one vocabulary for every page, API and
 * tool, mapped once to an HTTP status and message in the web layer
 * (src/web/domain_answer.c). */
#ifndef JDXX_DOMAIN_RESULT_H
#define JDXX_DOMAIN_RESULT_H

#include <stddef.h>

#include "base/arena.h"
#include "db/db.h"
#include "db/records.h"

enum domain_status {
	DOMAIN_OK,
	DOMAIN_NOT_FOUND,	/* no such record, or not within reach */
	DOMAIN_INVALID,		/* the input breaks a rule: see the problems */
	DOMAIN_CONFLICT,	/* someone else changed it first */
	DOMAIN_FORBIDDEN,	/* not this account's to do */
	DOMAIN_UNAVAILABLE,	/* the database cannot answer now */
	DOMAIN_INTERNAL,	/* a fault of ours */
};

#define DOMAIN_MAX_PROBLEMS	8
#define DOMAIN_PROBLEM_TEXT	2048	/* bytes for messages made up */

/* The field messages of DOMAIN_INVALID (and of a refusal that names a
 * field), in the order found: static text, or text made by
 * domain_problemf and kept in the struct itself. Start it zeroed. */
struct domain_problems {
	size_t	 n;
	struct {
		const char	*field;
		const char	*message;
	} item[DOMAIN_MAX_PROBLEMS];
	size_t	 used;				/* of text */
	char	 text[DOMAIN_PROBLEM_TEXT];
};

/* Adds a message (the ones past DOMAIN_MAX_PROBLEMS are dropped). */
void	domain_problem(struct domain_problems *, const char *field,
	    const char *message);
/* Adds a message made from fmt, which names the values it quotes
 * (dropped when no room is left for it). */
void	domain_problemf(struct domain_problems *, const char *field,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The outcome of a read into records (db/records.h): as the database
 * answered, DOMAIN_INTERNAL when memory ran out, DOMAIN_NOT_FOUND when
 * one record was wanted and no row came. */
enum domain_status domain_of_records(enum db_status,
		    const struct db_records *);
/* The domain meaning of a database outcome. */
enum domain_status domain_of_db(enum db_status);
/* The same for a read that kept its values in a: DOMAIN_INTERNAL when
 * a ran out of memory. */
enum domain_status domain_of_read(enum db_status, const struct arena *a);
/* Ends the transaction db_begin opened: commits when st is DOMAIN_OK,
 * else rolls back; what came of it. */
enum domain_status domain_finish(enum domain_status st);

#endif
