/* libFuzzer harness for the query string: request_parse of a GET with
 * the input as QUERY_STRING, then every kind of declared parameter.
 * Aborts when a limit is passed, a status is not the documented 400 or
 * 414, or a value is not UTF-8. */
#include "form_check.h"
#include "params_check.h"
#include "web/request.h"

static const struct form_limits query_limits = { 32, 64, 1024 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct request		 r;
	struct request_error	 e;
	char			*query = fuzz_string(data, size);

	request_init(&r);
	e = request_parse(&r, "GET", "/outlets", query, NULL, NULL, "", 0,
	    &request_default_limits);
	if (e.status == 0) {
		check_kvlist(&r.query, &query_limits);
		check_params(&r.query);
	} else {
		MUST(e.status == 400 || e.status == 414);
		MUST(e.reason != NULL && utf8_valid(e.reason,
		    strlen(e.reason)));
	}
	MUST(r.body.n == 0 && r.multipart == NULL);
	request_free(&r);
	free(query);
	return 0;
}
