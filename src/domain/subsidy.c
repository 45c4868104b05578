/* The subsidy of one purchase, from the cap and rate of its day. */
#include <stdio.h>
#include <string.h>

#include "base/money.h"
#include "domain/caps_record.h"
#include "domain/subsidy.h"

static struct db_stmt cap_on_date = DB_READ(
    "SELECT c.name, cc.cap_fen FROM category c "
    "JOIN category_cap cc ON cc.category_code = c.code "
    "AND cc.withdrawn_at IS NULL "
    "AND cc.effective_from = (SELECT MAX(x.effective_from) "
    "FROM category_cap x WHERE x.category_code = c.code "
    "AND x.withdrawn_at IS NULL AND x.effective_from <= ?) "
    "WHERE c.code = ?");

static struct db_stmt rate_on_date = DB_READ(
    "SELECT rate_bp, central_share_bp FROM subsidy_rate "
    "WHERE effective_from <= ? AND withdrawn_at IS NULL "
    "ORDER BY effective_from DESC LIMIT 1");

struct rate {
	int		 found;
	long long	 rate_bp, central_bp;
};

static int
read_rate(void *arg, const struct db_row *r)
{
	struct rate	*rate = arg;

	rate->found = 1;
	rate->rate_bp = db_int(r, "rate_bp");
	rate->central_bp = db_int(r, "central_share_bp");
	return 0;
}

static int
read_cap(void *arg, const struct db_row *r)
{
	struct subsidy_quote *q = arg;

	snprintf(q->category_name, sizeof(q->category_name), "%s",
	    db_text(r, "name"));
	q->cap_fen = db_int(r, "cap_fen");
	q->outcome = SUBSIDY_QUOTED;
	return 0;
}

enum db_status
subsidy_quote(const char *category, const char *date, long long price_fen,
    struct subsidy_quote *q)
{
	struct db_arg	 d[] = { DB_TEXT(date) };
	struct db_arg	 c[] = { DB_TEXT(date), DB_TEXT(category) };
	struct rate	 rate = { 0, 0, 0 };
	enum db_status	 st;
	int		 found;

	memset(q, 0, sizeof(*q));
	q->price_fen = price_fen;
	q->outcome = SUBSIDY_NOT_STARTED;
	if ((st = db_query_each(&rate_on_date, d, 1, read_rate, &rate)) !=
	    DB_OK || !rate.found)
		return st;
	q->rate_bp = rate.rate_bp;
	q->outcome = SUBSIDY_NO_CAP_YET;
	if ((st = db_query_each(&cap_on_date, c, 2, read_cap, q)) != DB_OK)
		return st;
	if (q->outcome != SUBSIDY_QUOTED) {
		/* A category added later has no cap on the days before it. */
		if ((st = category_exists(category, &found)) == DB_OK &&
		    !found)
			q->outcome = SUBSIDY_UNKNOWN_CATEGORY;
		return st;
	}
	if (price_fen > q->cap_fen) {
		q->outcome = SUBSIDY_OVER_CAP;
		return DB_OK;
	}
	q->subsidy_fen = subsidy_fen(price_fen, rate.rate_bp);
	q->central_fen = subsidy_fen(q->subsidy_fen, rate.central_bp);
	q->provincial_fen = q->subsidy_fen - q->central_fen;
	q->net_fen = price_fen - q->subsidy_fen;
	return DB_OK;
}
