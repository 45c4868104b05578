/* The public statistics as a JSON document of numbers, the form they are
 * kept in (stats_snapshot, sql/026): counts and waits, with the codes and
 * names that say what each count is of; nothing of how they are shown. */
#ifndef JDXX_STATS_JSON_H
#define JDXX_STATS_JSON_H

#include "domain/stats.h"

/* s as compact JSON text, malloc'd; NULL when memory runs out. */
char	*stats_to_json(const struct stats *s);
/* s read back from such text (computed_at left empty): 0, or -1 when it
 * is not such a document (s is then empty). Members left out read as
 * nothing counted. Free s with stats_free either way. */
int	 stats_from_json(struct stats *s, const char *text);

#endif
