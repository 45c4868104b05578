/* Domain outcomes as HTTP answers: the one table of statuses and
 * messages, and the form or page each one gets. */
#include <stdio.h>

#include "web/domain_answer.h"

static const struct domain_answer answers[] = {
	[DOMAIN_OK] = { 200, NULL, H_OK },
	[DOMAIN_NOT_FOUND] = { 404, "找不到这个页面", H_NOT_FOUND },
	[DOMAIN_INVALID] = { 400, "请求有误", H_OK },
	[DOMAIN_CONFLICT] = { 409, "与已有的记录冲突，没有保存任何内容。", H_OK },
	[DOMAIN_FORBIDDEN] = { 403, "您的账号没有这项操作的权限。", H_FORBIDDEN },
	[DOMAIN_UNAVAILABLE] = { 503, "数据库暂时无法连接，请稍后再试。",
	    H_UNAVAILABLE },
	[DOMAIN_INTERNAL] = { 500, "服务器出错了", H_ERROR },
};

const struct domain_answer *
domain_answer(enum domain_status st)
{
	if ((size_t)st >= sizeof(answers) / sizeof(answers[0]))
		st = DOMAIN_INTERNAL;
	return &answers[st];
}

enum handler_result
domain_result(enum domain_status st)
{
	switch (st) {
	case DOMAIN_OK:
		return H_OK;
	case DOMAIN_NOT_FOUND:
		return H_NOT_FOUND;
	case DOMAIN_FORBIDDEN:
		return H_FORBIDDEN;
	case DOMAIN_UNAVAILABLE:
		return H_UNAVAILABLE;
	default:
		return H_ERROR;
	}
}

int
domain_answer_form(struct ctx *c, enum domain_status st,
    const struct domain_problems *p)
{
	size_t	 i;

	if ((st != DOMAIN_INVALID && st != DOMAIN_CONFLICT &&
	    st != DOMAIN_FORBIDDEN) || p == NULL || p->n == 0)
		return 0;
	for (i = 0; i < p->n; i++)
		ctx_field_error(c, p->item[i].field, p->item[i].message);
	c->resp->status = domain_answer(st)->status;
	return 1;
}

enum handler_result
domain_answer_error(struct ctx *c, enum domain_status st)
{
	const struct domain_answer *a = domain_answer(st);

	/* 400 and 409 have no handler result of their own: drawn here. */
	if (st != DOMAIN_OK && a->result == H_OK)
		ctx_error_page(c, a->status, a->message);
	return a->result;
}

enum handler_result
domain_answer_saved(struct ctx *c, enum domain_status st, const char *fmt,
    long long id)
{
	char	 path[128];

	if (st != DOMAIN_OK)
		return domain_answer_error(c, st);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(path, sizeof(path), fmt, id);
#pragma GCC diagnostic pop
	buf_reset(&c->resp->body);
	response_redirect(c->resp, path);
	return H_OK;
}
