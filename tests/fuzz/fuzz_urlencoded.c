/* libFuzzer harness for urlencoded bodies: request_parse of a POST with
 * the input as its body, then every kind of declared parameter. Aborts
 * when a limit is passed, a status is not the documented 400 or 413, or
 * a value is not UTF-8. */
#include "form_check.h"
#include "params_check.h"
#include "web/request.h"

/* Small limits so that the fuzzer reaches them. */
static const struct request_limits lim = { 4096, 256, 0, NULL };
static const struct form_limits body_limits = { 64, 64, 256 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct request		 r;
	struct request_error	 e;
	char			*body = fuzz_string(data, size);

	request_init(&r);
	e = request_parse(&r, "POST", "/complaints", NULL, NULL,
	    "application/x-www-form-urlencoded; charset=UTF-8", body, size,
	    &lim);
	if (e.status == 0) {
		MUST(size <= lim.max_form);
		check_kvlist(&r.body, &body_limits);
		check_params(&r.body);
	} else {
		MUST(e.status == 400 || e.status == 413);
		MUST(e.reason != NULL && utf8_valid(e.reason,
		    strlen(e.reason)));
	}
	MUST(r.query.n == 0 && r.multipart == NULL);
	request_free(&r);
	free(body);
	return 0;
}
