/* The domain's answers: field messages, and what a database outcome means. */
#include <stdarg.h>
#include <stdio.h>

#include "domain/result.h"

void
domain_problem(struct domain_problems *p, const char *field,
    const char *message)
{
	if (p->n >= DOMAIN_MAX_PROBLEMS)
		return;
	p->item[p->n].field = field;
	p->item[p->n].message = message;
	p->n++;
}

void
domain_problemf(struct domain_problems *p, const char *field,
    const char *fmt, ...)
{
	char	*at = p->text + p->used;
	size_t	 room = sizeof(p->text) - p->used;
	va_list	 ap;
	int	 n;

	if (p->n >= DOMAIN_MAX_PROBLEMS || room == 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(at, room, fmt, ap);
	va_end(ap);
	/* A message cut short could end inside a character: none at all. */
	if (n < 0 || (size_t)n >= room) {
		*at = '\0';
		return;
	}
	p->used += (size_t)n + 1;
	domain_problem(p, field, at);
}

enum domain_status
domain_of_db(enum db_status st)
{
	switch (st) {
	case DB_OK:
		return DOMAIN_OK;
	case DB_DOWN:
		return DOMAIN_UNAVAILABLE;
	case DB_DUPLICATE:
		return DOMAIN_CONFLICT;
	default:
		return DOMAIN_INTERNAL;
	}
}

enum domain_status
domain_of_read(enum db_status st, const struct arena *a)
{
	if (st == DB_OK && a->failed)
		return DOMAIN_INTERNAL;
	return domain_of_db(st);
}

enum domain_status
domain_of_records(enum db_status st, const struct db_records *k)
{
	if (st == DB_OK && k->list == NULL && !k->found)
		return DOMAIN_NOT_FOUND;
	return domain_of_read(st, k->arena);
}

enum domain_status
domain_finish(enum domain_status st)
{
	if (st == DOMAIN_OK)
		return domain_of_db(db_finish(DB_OK));
	db_rollback();
	return st;
}
