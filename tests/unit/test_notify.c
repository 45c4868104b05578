/* Notices: the back-off between tries, the checks of the complainant's
 * choice, the texts rendered from templates/notify/ (never a query code,
 * plain text unescaped), the SMS gateway body and the email itself. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "check.h"
#include "base/mail.h"
#include "domain/notify_outbox.h"
#include "web/notify_text.h"

static const struct {
	int	 n;
	long	 base, cap, want;
} backoff_cases[] = {
	{ 1, 60, 3600, 60 }, { 2, 60, 3600, 120 }, { 3, 60, 3600, 240 },
	{ 6, 60, 3600, 1920 }, { 7, 60, 3600, 3600 }, { 8, 60, 3600, 3600 },
	{ 100, 60, 3600, 3600 },		/* no overflow however many */
	{ 1000000, 1, 604800, 604800 },
	{ 0, 60, 3600, 60 }, { -3, 60, 3600, 60 },	/* before any try */
	{ 1, 0, 10, 1 }, { 2, 0, 10, 2 },	/* a base of at least 1 */
	{ 1, 1, 2, 1 }, { 2, 1, 2, 2 }, { 3, 1, 2, 2 },
	{ 2, 3000, 3600, 3600 },		/* capped, not doubled past */
	{ 1, 7200, 3600, 3600 },		/* a base above the cap */
};

static const struct {
	const char	*s;
	int		 ok;
} email_cases[] = {
	{ "wang@example.com", 1 }, { "a.b-c+d@mail.example.cn", 1 },
	{ "x@y.z", 1 }, { "", 0 }, { "wang", 0 }, { "@example.com", 0 },
	{ "wang@", 0 }, { "wang@example", 0 }, { "wang@.com", 0 },
	{ "wang@example.", 0 }, { "wang@exa..mple.com", 0 },
	{ "wang@@example.com", 0 }, { "a@b@example.com", 0 },
	{ "wang @example.com", 0 }, { "wang@example.com\r\nBcc: x@y.z", 0 },
	{ "<wang@example.com>", 0 }, { "\"w\"@example.com", 0 },
	{ "王@example.com", 0 }, { "wang@example.com,li@example.com", 0 },
	{ "wang@example.com;", 0 },
};

static const struct {
	const char	*s;
	int		 ok;
} mobile_cases[] = {
	{ "13912345678", 1 }, { "19912345678", 1 }, { "12912345678", 0 },
	{ "1391234567", 0 }, { "139123456789", 0 }, { "0710-3312345", 0 },
	{ "1391234567a", 0 }, { "", 0 }, { "23912345678", 0 },
};

#define PARAMS "{\"tracking_no\":\"ABCD-EFGH\",\"status\":\"accepted\"," \
	"\"reply\":\"已退款 <b>&\\\"好\\\"\",\"accept_due\":\"2026-12-15\"," \
	"\"resolve_due\":\"2027-01-15\",\"complaint_id\":42," \
	"\"name\":\"张三\",\"outlet\":\"前进家电\",\"due\":\"2026-12-01\"}"

static const struct {
	const char	*channel, *name;
	const char	*must[3];	/* each in the text */
} text_cases[] = {
	{ "sms", "submitted", { "ABCD-EFGH", "2026-12-15", "/complaints/track?no=ABCD-EFGH" } },
	{ "sms", "accepted", { "已受理", "2027-01-15", "http://x.test/complaints/track?no=ABCD-EFGH" } },
	{ "sms", "rejected", { "不予受理", "ABCD-EFGH", "/complaints/track" } },
	{ "sms", "reply", { "新的答复", "ABCD-EFGH", "/complaints/track" } },
	{ "sms", "resolved", { "已办结", "ABCD-EFGH", "/complaints/track" } },
	{ "sms", "reopened", { "重新办理", "2027-01-15", "/complaints/track" } },
	{ "email", "submitted", { "\n\n", "ABCD-EFGH", "/complaints/track?no=ABCD-EFGH" } },
	{ "email", "accepted", { "已受理", "已退款 <b>&\"好\"", "/complaints/track" } },
	{ "email", "rejected", { "不予受理", "理由：已退款 <b>&\"好\"", "/complaints/track" } },
	{ "email", "reply", { "新的答复", "已退款 <b>&\"好\"", "/complaints/track" } },
	{ "email", "resolved", { "已办结", "处理结果：已退款", "/complaints/track" } },
	{ "email", "reopened", { "重新办理", "2027-01-15", "/complaints/track" } },
	{ "sms", "transferred", { "已转办", "2026-12-15", "/complaints/track" } },
	{ "email", "transferred", { "已转办", "已退款 <b>&\"好\"", "/complaints/track" } },
	{ "email", "assigned", { "张三", "前进家电", "http://x.test/staff/complaints/42" } },
	{ "email", "overdue", { "已超过期限", "2026-12-01", "http://x.test/staff/complaints/42" } },
};

static const struct {
	const char	*channel, *name, *params;
} bad_text_cases[] = {
	{ "sms", "../notify/sms_reply", PARAMS },
	{ "sms", "Accepted", PARAMS }, { "sms", "", PARAMS },
	{ "../sms", "reply", PARAMS }, { "sms", "nosuch", PARAMS },
	{ "fax", "reply", PARAMS }, { "sms", "reply", "[1,2]" },
	{ "sms", "reply", "not json" }, { "sms", "reply", "\"ABCD-EFGH\"" },
};

static void
test_texts(void)
{
	struct notify_text_in in = { "templates", NULL, NULL, PARAMS,
	    "http://x.test" };
	struct buf	 b;
	size_t		 i, j;
	int		 rc;

	for (i = 0; i < NELEM(text_cases); i++) {
		in.channel = text_cases[i].channel;
		in.name = text_cases[i].name;
		buf_init(&b);
		rc = notify_text_render(&in, &b);
		CHECK(rc == 0 && b.len > 0, "%s_%s renders", in.channel,
		    in.name);
		for (j = 0; rc == 0 && j < 3; j++)
			CHECK(strstr(b.data, text_cases[i].must[j]) != NULL,
			    "%s_%s holds '%s': %s", in.channel, in.name,
			    text_cases[i].must[j], b.data);
		/* Plain text: nothing escaped for HTML, no code asked. */
		CHECK(rc != 0 || strstr(b.data, "&amp;") == NULL,
		    "%s_%s unescaped", in.channel, in.name);
		CHECK(rc != 0 || strstr(b.data, "code=") == NULL,
		    "%s_%s carries no query code", in.channel, in.name);
		/* An SMS is short: 3 texts of 70 characters at most. */
		CHECK(rc != 0 || strcmp(in.channel, "sms") != 0 ||
		    b.len < 210 * 3, "%s_%s short: %zu bytes", in.channel,
		    in.name, b.len);
		buf_free(&b);
	}
	for (i = 0; i < NELEM(bad_text_cases); i++) {
		in.channel = bad_text_cases[i].channel;
		in.name = bad_text_cases[i].name;
		in.params = bad_text_cases[i].params;
		buf_init(&b);
		CHECK(notify_text_render(&in, &b) == -1, "refused: %s_%s %s",
		    in.channel, in.name, in.params);
		buf_free(&b);
	}
}

static const struct {
	const char	*text;
	size_t		 size;
	const char	*subject, *body;
} split_cases[] = {
	{ "主题\n\n正文\n", 64, "主题", "正文\n" },
	{ "Subject\r\n\r\nBody", 64, "Subject", "Body" },
	{ "只有主题", 64, "只有主题", "" },
	{ "一二三\n\nx", 5, "一", "x" },	/* cut on a character */
	{ "a\tb\n\nx", 64, "a b", "x" },	/* no control in a header */
	{ "", 64, "", "" },
};

static void
test_email_split(void)
{
	char		 subject[64];
	const char	*body;
	size_t		 i;

	for (i = 0; i < NELEM(split_cases); i++) {
		notify_text_email(split_cases[i].text, subject,
		    split_cases[i].size, &body);
		CHECK(strcmp(subject, split_cases[i].subject) == 0 &&
		    strcmp(body, split_cases[i].body) == 0,
		    "split %zu: '%s' / '%s'", i, subject, body);
	}
}

static void
test_sms_body(void)
{
	struct notify_sms_in in = { "templates", "notify/sms_gateway.cs",
	    "13912345678", "家电下乡", "SMS_1", "引号\"},\"x\":\"注入\n",
	    "c1:submitted:e1:sms", "k", PARAMS, "http://x.test" };
	struct buf	 b;
	json_t		*j, *p;
	const char	*tp;

	buf_init(&b);
	CHECK(notify_sms_body(&in, &b) == 0, "gateway body renders");
	j = json_loads(b.len > 0 ? b.data : "", 0, NULL);
	CHECK(j != NULL, "gateway body is JSON: %s", b.data);
	CHECK(j != NULL && json_object_size(j) == 6, "six fields");
	CHECK(j != NULL && strcmp(json_string_value(json_object_get(j,
	    "Content")), in.text) == 0, "text kept whole, quotes and all");
	CHECK(j != NULL && strcmp(json_string_value(json_object_get(j,
	    "OutId")), in.key) == 0, "idempotency key sent");
	CHECK(j != NULL && strcmp(json_string_value(json_object_get(j,
	    "PhoneNumbers")), "13912345678") == 0, "phone");
	tp = j != NULL ? json_string_value(json_object_get(j,
	    "TemplateParam")) : NULL;
	p = tp != NULL ? json_loads(tp, 0, NULL) : NULL;
	CHECK(p != NULL && strcmp(json_string_value(json_object_get(p, "no")),
	    "ABCD-EFGH") == 0, "template parameters as a JSON string");
	CHECK(p != NULL && json_object_get(p, "reply") == NULL,
	    "no free text among the template parameters");
	json_decref(p);
	json_decref(j);
	buf_free(&b);
	in.params = "[]";
	buf_init(&b);
	CHECK(notify_sms_body(&in, &b) == -1 || strstr(b.data, "\"no\"") ==
	    NULL, "no parameters from a list");
	buf_free(&b);
}

static void
test_compose(void)
{
	struct buf	 b;
	const char	*p;
	unsigned char	 raw[256];
	size_t		 n;

	buf_init(&b);
	CHECK(mail_compose(&b, "noreply@jdxx.test", "wang@example.com",
	    "您的投诉已受理（受理编号 ABCD-EFGH）", "c1.accepted.e2.email",
	    "第一行\n第二行\n") == 0, "email made");
	CHECK(strstr(b.data, "Message-ID: <c1.accepted.e2.email@jdxx.test>")
	    != NULL, "Message-ID from the key");
	CHECK(strstr(b.data, "Subject: =?UTF-8?B?") != NULL,
	    "subject encoded");
	p = strstr(b.data, "\r\n\r\n");
	CHECK(p != NULL && sodium_base642bin(raw, sizeof(raw), p + 4,
	    strlen(p + 4), "\r\n", &n, NULL,
	    sodium_base64_VARIANT_ORIGINAL) == 0 && n ==
	    strlen("第一行\r\n第二行\r\n") && memcmp(raw, "第一行\r\n第二行\r\n",
	    n) == 0, "body in base64 with CRLF");
	buf_free(&b);
	buf_init(&b);
	CHECK(mail_compose(&b, "noreply@jdxx.test", "wang@example.com",
	    "x\r\nBcc: x@y.z", "k", "body") == -1, "header injection refused");
	CHECK(mail_compose(&b, "noreply@jdxx.test", "a@b.c\nBcc: x@y.z", "s",
	    "k", "body") == -1, "recipient injection refused");
	buf_free(&b);
}

void
test_notify(void)
{
	size_t	 i;
	long	 d;

	for (i = 0; i < NELEM(backoff_cases); i++) {
		d = notify_backoff(backoff_cases[i].n, backoff_cases[i].base,
		    backoff_cases[i].cap);
		CHECK(d == backoff_cases[i].want, "backoff(%d, %ld, %ld) = %ld",
		    backoff_cases[i].n, backoff_cases[i].base,
		    backoff_cases[i].cap, d);
	}
	for (i = 0; i < NELEM(email_cases); i++)
		CHECK(notify_email_valid(email_cases[i].s) == email_cases[i].ok,
		    "email %s", email_cases[i].s);
	for (i = 0; i < NELEM(mobile_cases); i++)
		CHECK(notify_mobile_valid(mobile_cases[i].s) ==
		    mobile_cases[i].ok, "mobile %s", mobile_cases[i].s);
	CHECK(notify_by_of("sms") == NOTIFY_SMS && notify_by_of("email") ==
	    NOTIFY_EMAIL && notify_by_of("none") == NOTIFY_NONE &&
	    notify_by_of("fax") == -1 && notify_by_of("") == -1,
	    "choices by code");
	CHECK(strcmp(notify_by_code(NOTIFY_SMS), "sms") == 0 &&
	    strcmp(notify_by_code((enum notify_by)-1), "none") == 0,
	    "codes of choices");
	test_texts();
	test_email_split();
	test_sms_body();
	test_compose();
}
