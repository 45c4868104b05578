/* What every libFuzzer harness here shares. */
#ifndef JDXX_FUZZ_H
#define JDXX_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A broken promise is a finding: stop with a stack trace. */
#define MUST(cond)	do { if (!(cond)) abort(); } while (0)

/* A NUL-terminated copy of data: text cut at its first NUL, as FastCGI
 * parameters and form fields are. */
static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
	char	*s;

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
