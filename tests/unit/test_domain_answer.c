/* Domain outcomes: the HTTP status and handler result each one gets,
 * field messages kept with their form, and the redirect after a save. */
#include <string.h>

#include "check.h"
#include "web/app.h"
#include "web/domain_answer.h"
#include "web/request.h"
#include "web/response.h"
#include "web/view.h"

static void
answers(void)
{
	static const struct {
		enum domain_status	 st;
		int			 status;
		enum handler_result	 result;
		enum handler_result	 plain;		/* domain_result */
	} cases[] = {
		{ DOMAIN_OK, 200, H_OK, H_OK },
		{ DOMAIN_NOT_FOUND, 404, H_NOT_FOUND, H_NOT_FOUND },
		{ DOMAIN_INVALID, 400, H_OK, H_ERROR },
		{ DOMAIN_CONFLICT, 409, H_OK, H_ERROR },
		{ DOMAIN_FORBIDDEN, 403, H_FORBIDDEN, H_FORBIDDEN },
		{ DOMAIN_UNAVAILABLE, 503, H_UNAVAILABLE, H_UNAVAILABLE },
		{ DOMAIN_INTERNAL, 500, H_ERROR, H_ERROR },
		/* Past the end of the enum: a fault of ours, never a 200. */
		{ (enum domain_status)99, 500, H_ERROR, H_ERROR },
		{ (enum domain_status)-1, 500, H_ERROR, H_ERROR },
	};
	const struct domain_answer *a;
	size_t	 i;

	for (i = 0; i < NELEM(cases); i++) {
		a = domain_answer(cases[i].st);
		CHECK(a->status == cases[i].status, "status of %d: %d",
		    (int)cases[i].st, a->status);
		CHECK(a->result == cases[i].result, "result of %d: %d",
		    (int)cases[i].st, (int)a->result);
		CHECK((a->message == NULL) == (cases[i].st == DOMAIN_OK),
		    "a message for every refusal (%d)", (int)cases[i].st);
		CHECK(domain_result(cases[i].st) == cases[i].plain,
		    "domain_result of %d: %d", (int)cases[i].st,
		    (int)domain_result(cases[i].st));
	}
	CHECK(strcmp(domain_answer(DOMAIN_UNAVAILABLE)->message,
	    "数据库暂时无法连接，请稍后再试。") == 0, "503 message");
	CHECK(domain_of_db(DB_OK) == DOMAIN_OK, "db ok");
	CHECK(domain_of_db(DB_DOWN) == DOMAIN_UNAVAILABLE, "db down");
	CHECK(domain_of_db(DB_ERROR) == DOMAIN_INTERNAL, "db error");
	CHECK(domain_of_db(DB_DUPLICATE) == DOMAIN_CONFLICT, "db duplicate");
	/* A read whose arena ran out of memory answers with holes. */
	{
		struct arena	 full = { NULL, 1 }, fine = { NULL, 0 };

		CHECK(domain_of_read(DB_OK, &fine) == DOMAIN_OK, "read ok");
		CHECK(domain_of_read(DB_OK, &full) == DOMAIN_INTERNAL,
		    "read out of memory");
		CHECK(domain_of_read(DB_DOWN, &full) == DOMAIN_UNAVAILABLE,
		    "read down");
		CHECK(domain_of_read(DB_ERROR, &fine) == DOMAIN_INTERNAL,
		    "read error");
	}
}

static void
problems(void)
{
	struct domain_problems	 p;
	char			 long_text[DOMAIN_PROBLEM_TEXT];
	size_t			 i;

	memset(&p, 0, sizeof(p));
	domain_problem(&p, "name", "请填写名称");
	domain_problemf(&p, "code", "类别代码“%s”已经有了", "tv");
	CHECK(p.n == 2, "two problems: %zu", p.n);
	CHECK(strcmp(p.item[1].field, "code") == 0 &&
	    strcmp(p.item[1].message, "类别代码“tv”已经有了") == 0,
	    "made-up message kept: %s", p.item[1].message);
	CHECK(strcmp(p.item[0].message, "请填写名称") == 0, "first unchanged");

	/* A message that does not fit is left out whole, never cut. */
	memset(long_text, 'x', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	domain_problemf(&p, "note", "%s", long_text);
	CHECK(p.n == 2, "too long for the room: dropped (%zu)", p.n);
	CHECK(strcmp(p.item[1].message, "类别代码“tv”已经有了") == 0,
	    "earlier text intact");

	/* Exactly full, then one byte more: the room ends cleanly. */
	memset(&p, 0, sizeof(p));
	domain_problemf(&p, "a", "%s", long_text);
	CHECK(p.n == 1 && p.used == sizeof(p.text), "fills the room: %zu",
	    p.used);
	domain_problemf(&p, "b", "%s", "y");
	CHECK(p.n == 1, "no room left: dropped");

	memset(&p, 0, sizeof(p));
	for (i = 0; i < DOMAIN_MAX_PROBLEMS + 3; i++)
		domain_problemf(&p, "f", "%zu", i);
	CHECK(p.n == DOMAIN_MAX_PROBLEMS, "at most %d problems: %zu",
	    DOMAIN_MAX_PROBLEMS, p.n);
	CHECK(strcmp(p.item[DOMAIN_MAX_PROBLEMS - 1].message, "7") == 0,
	    "the first ones are kept");
}

static void
forms(void)
{
	static const struct {
		enum domain_status	 st;
		int			 with_problem;
		int			 shown;
		int			 status;
	} cases[] = {
		{ DOMAIN_INVALID, 1, 1, 400 },
		{ DOMAIN_CONFLICT, 1, 1, 409 },
		{ DOMAIN_FORBIDDEN, 1, 1, 403 },
		/* No field to show it beside: the error page's to answer. */
		{ DOMAIN_INVALID, 0, 0, 200 },
		{ DOMAIN_FORBIDDEN, 0, 0, 200 },
		/* Not a refusal of the form, whatever problems hold. */
		{ DOMAIN_OK, 1, 0, 200 },
		{ DOMAIN_NOT_FOUND, 1, 0, 200 },
		{ DOMAIN_UNAVAILABLE, 1, 0, 200 },
		{ DOMAIN_INTERNAL, 1, 0, 200 },
	};
	struct domain_problems	 p;
	struct request		 req;
	struct response		 resp;
	struct ctx		 c;
	size_t			 i;
	int			 shown;

	for (i = 0; i < NELEM(cases); i++) {
		request_init(&req);
		response_init(&resp);
		memset(&c, 0, sizeof(c));
		c.req = &req;
		c.resp = &resp;
		if ((c.hdf = view_new()) == NULL)
			return;
		memset(&p, 0, sizeof(p));
		if (cases[i].with_problem)
			domain_problemf(&p, "reg_no", "备案编号 %s 已经登记过", "A1");
		shown = domain_answer_form(&c, cases[i].st, &p);
		CHECK(shown == cases[i].shown, "case %zu shown %d", i, shown);
		CHECK(resp.status == cases[i].status, "case %zu status %d", i,
		    resp.status);
		CHECK(strcmp(hdf_get_value(c.hdf, "Errors.reg_no", ""),
		    cases[i].shown ? "备案编号 A1 已经登记过" : "") == 0,
		    "case %zu message beside the field", i);
		hdf_destroy(&c.hdf);
		request_free(&req);
		response_free(&resp);
	}

	request_init(&req);
	response_init(&resp);
	memset(&c, 0, sizeof(c));
	c.req = &req;
	c.resp = &resp;
	buf_adds(&resp.body, "form");
	CHECK(domain_answer_saved(&c, DOMAIN_OK, "/staff/outlets/%lld", 42) ==
	    H_OK, "saved");
	CHECK(resp.status == 303 && strstr(resp.headers.data,
	    "Location: /staff/outlets/42\r\n") != NULL, "to the page saved");
	CHECK(resp.body.len == 0, "nothing else in the body");
	response_free(&resp);
	response_init(&resp);
	CHECK(domain_answer_saved(&c, DOMAIN_NOT_FOUND, "/x/%lld", 1) ==
	    H_NOT_FOUND && resp.status == 200, "not found: no redirect");
	CHECK(domain_answer_saved(&c, DOMAIN_UNAVAILABLE, "/x/%lld", 1) ==
	    H_UNAVAILABLE, "unavailable");
	CHECK(domain_answer_error(&c, DOMAIN_OK) == H_OK && resp.status == 200,
	    "ok is no error");
	request_free(&req);
	response_free(&resp);
}

void
test_domain_answer(void)
{
	answers();
	problems();
	forms();
}
