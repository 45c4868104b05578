/* Staff accounts as page data, never their password hashes. */
#ifndef JDXX_ACCOUNT_VIEW_H
#define JDXX_ACCOUNT_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "base/arena.h"
#include "domain/account.h"

/* An account as prefix.{id, username, display_name, role, region_code,
 * disabled, totp_enabled, created_at}. */
void	account_view_put(HDF *, const char *prefix, const struct account *);
/* A list of struct account (account_list's) as prefix.N.*. */
void	account_view_rows(HDF *, const char *prefix,
	    const struct arena_list *);

#endif
