/* Transfer (转办) of a complaint to another county's bureau: the wrong
 * county, or a shop that belongs elsewhere. The rule is the flow's
 * CA_TRANSFER (complaint_flow.c): back to 待受理 where it goes, a fresh
 * accept clock from the day of the transfer, nobody assigned; the
 * handling region moves, so the county that sent it no longer sees it.
 * The complainant reads where it went; the reason stays with staff. */
#ifndef JDXX_COMPLAINT_TRANSFER_H
#define JDXX_COMPLAINT_TRANSFER_H

#include "base/arena.h"
#include "domain/result.h"

struct audit_by;

/* The fields a transfer is refused on, as its form names them. */
#define TRANSFER_FIELD_COUNTY	"to_county"
#define TRANSFER_FIELD_TOWNSHIP	"to_township"
#define TRANSFER_FIELD_REASON	"transfer_reason"

/* A transfer of a complaint found by complaint_for_staff. */
struct complaint_transfer {
	long long	 id;
	const char	*status;	/* as it was read */
	const char	*region;	/* its handling region, as read */
	const char	*county;	/* where to: a county's code
					 * (6 digits) or name */
	const char	*township;	/* and a township of it, code (9
					 * digits) or name; NULL: none */
	const char	*reason;	/* required; staff only */
	int		 accept_days;	/* the accept clock's days */
	const struct audit_by *by;	/* a staff session's user */
};

/* Where the complaint went and its new accept deadline. */
struct complaint_transferred {
	char		 region[13];	/* the new handling region */
	char		 accept_due[11];
};

/* One transaction: the complaint, its 'transferred' step (from and to
 * regions, the public line naming where it went, the reason as a note)
 * and the audit row (complaint_transfer). DOMAIN_INVALID with the field
 * messages in problems for a status it may not leave, a missing reason,
 * or a target that is no county, no township of it, or the complaint's
 * own county; DOMAIN_CONFLICT when someone moved it first. */
enum domain_status complaint_transfer(struct arena *,
		    const struct complaint_transfer *,
		    struct complaint_transferred *, struct domain_problems *);

#endif
