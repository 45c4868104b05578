/* A fetched row's columns: by name, kept by their length, read as numbers
 * exactly as strtoll reads the server's decimal text. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "db/db.h"

static const char *const numbers[] = {
	"0", "42", "-7", "+5", "007", "12.50", "-0", "", "abc", "3abc",
	"2147483648", "-2147483649", "9223372036854775806",
	"9223372036854775807", "9223372036854775808", "18446744073709551615",
	"99999999999999999999999", "-9223372036854775807",
	"-9223372036854775808", "-9223372036854775809",
	"-99999999999999999999999",
};

void
test_db_row(void)
{
	const char	*names[] = { "id", "name", "note", "id" };
	const char	*values[] = { NULL, "鑫源\0电器", NULL, "9" };
	unsigned long	 lengths[] = { 0, 10, 0, 1 };
	struct db_row	 r = { 4, names, values, lengths, 0 };
	struct arena	 a = { 0 };
	const char	*kept;
	size_t		 i;

	for (i = 0; i < NELEM(numbers); i++) {
		values[0] = numbers[i];
		lengths[0] = strlen(numbers[i]);
		CHECK(db_int(&r, "id") == strtoll(numbers[i], NULL, 10),
		    "db_int \"%s\": %lld, strtoll %lld", numbers[i],
		    db_int(&r, "id"), strtoll(numbers[i], NULL, 10));
	}
	values[0] = NULL;
	CHECK(db_int(&r, "id") == 0, "NULL is 0");
	CHECK(db_int(&r, "nothing") == 0 && db_col(&r, "nothing") == NULL,
	    "no such column");
	/* The first of two columns of one name is the answer. */
	values[0] = "1";
	lengths[0] = 1;
	CHECK(db_int(&r, "id") == 1, "the first of two ids");
	kept = db_keep(&a, &r, "name");
	CHECK(kept != NULL && kept != values[1] &&
	    memcmp(kept, "鑫源\0电器", 10) == 0 && kept[10] == '\0',
	    "kept by its length, a NUL within included");
	CHECK(db_keep(&a, &r, "note") == NULL && db_keep(&a, &r, "x") == NULL,
	    "NULL and no such column keep nothing");
	CHECK(strcmp(db_text(&r, "note"), "") == 0, "db_text of NULL");
	arena_free(&a);
}
