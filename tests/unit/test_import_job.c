/* The figures of an import's progress page. */
#include <string.h>

#include "check.h"
#include "import/import_job.h"

static const struct {
	long long	 n;
	const char	*want;
} digit_cases[] = {
	{ 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" },
	{ 12000, "12,000" }, { 50000, "50,000" }, { 123456, "123,456" },
	{ 1234567, "1,234,567" }, { -5, "0" },
};

void
test_import_job(void)
{
	char	 out[32], small[4];
	size_t	 i;

	for (i = 0; i < NELEM(digit_cases); i++) {
		import_job_digits(out, sizeof(out), digit_cases[i].n);
		CHECK(strcmp(out, digit_cases[i].want) == 0,
		    "import_job_digits(%lld) = %s, want %s", digit_cases[i].n,
		    out, digit_cases[i].want);
	}
	/* Cut short, never past the buffer. */
	import_job_digits(small, sizeof(small), 1234567);
	CHECK(strlen(small) < sizeof(small), "short buffer: %s", small);
}
