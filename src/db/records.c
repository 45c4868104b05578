/* Rows to records: the next item of the list, or the one record once. */
#include "db/records.h"

void *
db_record(struct db_records *k)
{
	if (k->list != NULL)
		return arena_push(k->arena, k->list, k->size);
	if (k->found)
		return NULL;
	k->found = 1;
	return k->one;
}
