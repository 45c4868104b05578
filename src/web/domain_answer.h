/* How a page answers the outcome of a domain function: each enum
 * domain_status is given its HTTP status and Chinese message here, once. */
#ifndef JDXX_DOMAIN_ANSWER_H
#define JDXX_DOMAIN_ANSWER_H

#include "domain/result.h"
#include "web/app.h"

struct domain_answer {
	int			 status;	/* HTTP */
	const char		*message;	/* the reason on the error page */
	/* What a handler returns: the error pages of app.c draw 403, 404,
	 * 500 and 503; H_OK for 200, and for 400 and 409, whose page the
	 * handler draws (the form again, or domain_answer_error). */
	enum handler_result	 result;
};

/* The answer to st. */
const struct domain_answer *domain_answer(enum domain_status st);
/* The handler result of st where no page of the handler's own answers
 * a refusal: DOMAIN_INVALID and DOMAIN_CONFLICT are faults of ours there
 * (500), like DOMAIN_INTERNAL. */
enum handler_result domain_result(enum domain_status st);
/* Marks each of problems beside its field and gives the answer the
 * status of st, when st refuses a form (DOMAIN_INVALID, DOMAIN_CONFLICT,
 * DOMAIN_FORBIDDEN) and problems says why: 1 then, for the handler to
 * show the form again; else 0, and nothing is done. */
int	domain_answer_form(struct ctx *, enum domain_status st,
	    const struct domain_problems *problems);
/* Answers an outcome that has no form to go back to: H_OK for
 * DOMAIN_OK; the error page of st otherwise. */
enum handler_result domain_answer_error(struct ctx *, enum domain_status st);
/* The answer to a change: on DOMAIN_OK a 303 to the page of the object
 * (fmt holds one %lld for id), else as domain_answer_error. */
enum handler_result domain_answer_saved(struct ctx *, enum domain_status st,
	    const char *fmt, long long id) __attribute__((format(printf, 3, 0)));

#endif
