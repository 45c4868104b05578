/* The subsidy of one purchase, from the cap and rate of its day. */
#include <stdio.h>
#include <string.h>

#include "base/money.h"
#include "domain/caps.h"
#include "domain/caps_record.h"
#include "domain/subsidy.h"

enum domain_status
subsidy_quote(const char *category, const char *date, long long price_fen,
    struct subsidy_quote *q)
{
	struct rate		 rate;
	struct cap		 cap;
	enum domain_status	 st;
	int			 found;

	memset(q, 0, sizeof(*q));
	q->price_fen = price_fen;
	q->outcome = SUBSIDY_NOT_STARTED;
	if ((st = rate_on(date, &rate, &found)) != DOMAIN_OK || !found)
		return st;
	q->rate_bp = rate.rate_bp;
	q->outcome = SUBSIDY_NO_CAP_YET;
	if ((st = cap_on(category, date, &cap, &found)) != DOMAIN_OK)
		return st;
	if (!found) {
		/* A category added later has no cap on the days before it. */
		if ((st = category_exists(category, &found)) == DOMAIN_OK &&
		    !found)
			q->outcome = SUBSIDY_UNKNOWN_CATEGORY;
		return st;
	}
	q->outcome = SUBSIDY_QUOTED;
	snprintf(q->category_name, sizeof(q->category_name), "%s", cap.name);
	q->cap_fen = cap.cap_fen;
	if (price_fen > q->cap_fen) {
		q->outcome = SUBSIDY_OVER_CAP;
		return DOMAIN_OK;
	}
	q->subsidy_fen = subsidy_fen(price_fen, rate.rate_bp);
	q->central_fen = subsidy_fen(q->subsidy_fen, rate.central_share_bp);
	q->provincial_fen = q->subsidy_fen - q->central_fen;
	q->net_fen = price_fen - q->subsidy_fen;
	return DOMAIN_OK;
}
