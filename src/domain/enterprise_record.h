/* Winning-bid sales enterprises as staff keep them: the lists of the
 * back office, and adding or changing one with its audit row. Reads
 * answer struct enterprise values (domain/enterprise.h) whose text lives
 * in the caller's arena. */
#ifndef JDXX_ENTERPRISE_RECORD_H
#define JDXX_ENTERPRISE_RECORD_H

#include "base/arena.h"
#include "domain/audit.h"
#include "domain/enterprise.h"
#include "domain/result.h"

/* The fields staff edit. */
struct enterprise_fields {
	const char	*name;
	const char	*bid_batch;	/* "" for none */
	const char	*phone;		/* "" for none */
};

/* Every enterprise by name into list, only id and name read, for a
 * choice. */
enum domain_status enterprise_names(struct arena *, struct arena_list *list);
/* Every enterprise by name into list, outlets counting all of its
 * outlets whatever their status. */
enum domain_status enterprise_staff_list(struct arena *,
		    struct arena_list *list);
/* Enterprise id (id, name, bid_batch, phone); DOMAIN_NOT_FOUND when
 * there is none. */
enum domain_status enterprise_get(struct arena *, long long id,
		    struct enterprise *);
/* Adds an enterprise (*id 0, set to the new one's; old NULL) or saves
 * enterprise *id, stored as old (as enterprise_get read it);
 * DOMAIN_INVALID, with the reason in problems, when another has the
 * name. */
enum domain_status enterprise_save(long long *id,
		    const struct enterprise *old,
		    const struct enterprise_fields *, const struct audit_by *,
		    struct domain_problems *);

#endif
