/* libFuzzer harness for the Cookie header: form_parse_cookies alone and
 * through request_parse, which drops every cookie of a bad header.
 * Aborts when a limit is passed or a name or value is not UTF-8. */
#include "form_check.h"
#include "web/request.h"

static const struct form_limits cookie_limits = { 16, 64, 512 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kvlist		 l;
	struct request		 r;
	struct request_error	 e;
	enum form_status	 st;
	char			*cookie = fuzz_string(data, size);

	kvlist_init(&l);
	st = form_parse_cookies(&l, (const char *)data, size, &cookie_limits);
	MUST(st >= FORM_OK && st <= FORM_NOMEM);
	check_kvlist(&l, &cookie_limits);
	kvlist_free(&l);

	request_init(&r);
	e = request_parse(&r, "GET", "/staff/", NULL, cookie, NULL, "", 0,
	    &request_default_limits);
	MUST(e.status == 0);
	check_kvlist(&r.cookies, &cookie_limits);
	if (strlen(cookie) == size && st != FORM_OK)
		MUST(r.cookies.n == 0);
	request_free(&r);
	free(cookie);
	return 0;
}
