/* The outcome of a domain read that copies its rows into an arena: the
 * database's answer, or DOMAIN_INTERNAL when the arena ran out of memory
 * on the way (db_keep and arena_push set arena.failed). */
#ifndef JDXX_ARENA_READ_H
#define JDXX_ARENA_READ_H

#include "base/arena.h"
#include "db/db.h"
#include "domain/result.h"

static inline enum domain_status
domain_of_read(enum db_status st, const struct arena *a)
{
	if (st != DB_OK)
		return domain_of_db(st);
	return a->failed ? DOMAIN_INTERNAL : DOMAIN_OK;
}

#endif
