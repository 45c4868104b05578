/* Outlets as page data: the values of domain/outlet.h and
 * domain/outlet_record.h put into the HDF the templates read, with the
 * names of their codes from the one table of labels (domain/outlet.c)
 * and the one rule of status moves (domain/outlet_record.c). Text the
 * database did not have is left unset, for templates to test with ?. */
#ifndef JDXX_OUTLET_VIEW_H
#define JDXX_OUTLET_VIEW_H

#include <ClearSilver/ClearSilver.h>

#include "base/arena.h"
#include "domain/outlet.h"
#include "domain/outlet_record.h"

/* One outlet as prefix.{id, reg_no, name, mode, address, phone,
 * services, status, status_since, status_reason, registered_on, is_demo,
 * region_code, township, county_code, county, enterprise_id, enterprise,
 * categories, category_codes} and the names mode_name, status_name and
 * service_names. */
void	outlet_view_put(HDF *, const char *prefix, const struct outlet *);
/* The first max outlets of list (struct outlet items) as prefix.N.*,
 * each as outlet_view_put puts it. */
void	outlet_view_list(HDF *, const char *prefix,
	    const struct arena_list *, size_t max);
/* One outlet as its card shows it (templates/outlets/card.cs), in
 * nodes of at most ten children: prefix.{id, name, is_demo, reg_no,
 * registered_on}, prefix.status (the code) with .{name, since, reason},
 * prefix.enterprise (its name) with .{id, mode} (the mode's name),
 * prefix.place.{code, county, township, address, phone} and
 * prefix.offers.{categories, services} (the services' names). */
void	outlet_view_card(HDF *, const char *prefix, const struct outlet *);
/* The first max outlets of list as prefix.N, each as its card. */
void	outlet_view_cards(HDF *, const char *prefix,
	    const struct arena_list *, size_t max);
/* A status history (struct outlet_status_entry items) as
 * prefix.N.{status, effective_on, reason, status_name}. */
void	outlet_view_history(HDF *, const char *prefix,
	    const struct arena_list *);
/* Likely duplicates (struct outlet_duplicate items) as
 * prefix.N.{id, reg_no, name, address, phone, phone_digits, why}. */
void	outlet_view_duplicates(HDF *, const char *prefix,
	    const struct arena_list *);
/* Every status, as prefix.N.{code, name}. */
void	outlet_view_statuses(HDF *, const char *prefix);
/* The statuses an outlet may move to from status from, as
 * prefix.N.{code, name}. */
void	outlet_view_moves(HDF *, const char *prefix, const char *from);

#endif
