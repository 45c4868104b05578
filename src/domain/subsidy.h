/* What a farmer gets back for one purchase: the cap of the category and
 * the rate in force on the day of the invoice, the subsidy (13% of the
 * price within the cap) and the shares of the central and provincial
 * finances. */
#ifndef JDXX_SUBSIDY_H
#define JDXX_SUBSIDY_H

#include "db/db.h"
#include "domain/result.h"

enum subsidy_outcome {
	SUBSIDY_QUOTED,
	SUBSIDY_OVER_CAP,	/* the price is above the cap: nothing */
	SUBSIDY_NOT_STARTED,	/* no rate in force that day */
	SUBSIDY_NO_CAP_YET,	/* the category had no cap that day */
	SUBSIDY_UNKNOWN_CATEGORY,
};

struct subsidy_quote {
	enum subsidy_outcome	 outcome;
	char			 category_name[64];
	long long		 price_fen;
	long long		 cap_fen;
	long long		 rate_bp;	/* of the price */
	long long		 subsidy_fen;
	long long		 central_fen;	/* the central finance's share */
	long long		 provincial_fen;
	long long		 net_fen;	/* what the farmer pays in the end */
};

/* Quotes a purchase of price_fen in category on date (YYYY-MM-DD). */
enum domain_status subsidy_quote(const char *category, const char *date,
		    long long price_fen, struct subsidy_quote *);

#endif
