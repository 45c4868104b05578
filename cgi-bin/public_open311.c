/* Open311 GeoReport v2 under /open311/v2/: the complaint categories as
 * services, filing complaints with an API key, and complaints as service
 * requests: to the public only what the statistics show, to a key whole
 * requests of its region. JSON or XML as the path's extension says;
 * every answer, errors included, is in that format, and an unknown
 * extension gets a 404 error list in JSON. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "domain/apikey.h"
#include "domain/calendar_cache.h"
#include "domain/complaint.h"
#include "web/config.h"
#include "web/domain_answer.h"
#include "web/open311.h"
#include "public.h"
#include "base/utf8.h"
#include "web/view.h"
#include "domain/workday.h"

#define SERVICE_GROUP	"家电下乡投诉"
#define NAME_MAX_CHARS	20	/* as on the web form */

const struct param_spec open311_list_params[O3L_COUNT] = {
	[O3L_IDS] = { "service_request_id", "受理编号", P_TEXT, 1,
	    OPEN311_MAX_IDS * 10, 0 },
	[O3L_SERVICE] = { "service_code", "服务类别", P_CODE, 1, 24, 0 },
	[O3L_START] = { "start_date", "起始时间", P_TEXT, 1, 40, 0 },
	[O3L_END] = { "end_date", "截止时间", P_TEXT, 1, 40, 0 },
	[O3L_STATUS] = { "status", "状态", P_TEXT, 1, 16, 0 },
	[O3L_PAGE] = PARAM_PAGE,
	[O3L_PAGE_SIZE] = { "page_size", "每页条数", P_INT, 1,
	    OPEN311_MAX_RESULTS, 0 },
	[O3L_KEY] = { "api_key", "密钥", P_TEXT, 1, 128, 0 },
	[O3L_AFTER] = { "after", "翻页位置", P_TEXT, 16, 40, 0 },
};

/* One request: the spec passes api_key to reads as well. */
const struct param_spec open311_read_params[O3R_COUNT] = {
	[O3R_KEY] = { "api_key", "密钥", P_TEXT, 1, 128, 0 },
};

const struct param_spec open311_post_params[O3P_COUNT] = {
	[O3P_KEY] = { "api_key", "密钥", P_TEXT, 1, 128, 0 },
	[O3P_SERVICE] = { "service_code", "服务类别", P_CODE, 1, 24,
	    P_REQUIRED },
	[O3P_DESCRIPTION] = { "description", "投诉内容", P_LONGTEXT, 5,
	    COMPLAINT_DESC_MAX, P_REQUIRED },
	[O3P_REGION] = { "region_code", "乡镇代码", P_REGION, 0, 0,
	    P_REQUIRED },
	[O3P_ADDRESS] = { "address_string", "地址", P_TEXT, 2, 200, 0 },
	[O3P_OUTLET] = { "outlet_id", "网点编号", P_INT, 1, 4000000000LL, 0 },
	[O3P_FIRST] = { "first_name", "名", P_TEXT, 1, NAME_MAX_CHARS, 0 },
	[O3P_LAST] = { "last_name", "姓", P_TEXT, 1, NAME_MAX_CHARS, 0 },
	[O3P_PHONE] = { "phone", "联系电话", P_TEXT, 1, 20, P_REQUIRED },
};

#define KEY_INVALID	"api_key is not valid or has been revoked"

/* Writes root (freed) as the whole answer in format f. */
static int
answer(struct ctx *c, enum open311_format f, int status, json_t *root,
    const char *xml_root, const char *xml_item)
{
	buf_reset(&c->resp->body);
	c->resp->status = status;
	c->resp->content_type = f == OPEN311_XML ? "text/xml; charset=utf-8" :
	    "application/json";
	if (open311_emit(root, f == OPEN311_XML ? OPEN311_XML : OPEN311_JSON,
	    xml_root, xml_item, &c->resp->body) == -1)
		return H_ERROR;
	return H_OK;
}

static int
errors_answer(struct ctx *c, enum open311_format f, int status,
    json_t *errors)
{
	return answer(c, f, status, errors, "errors", "error");
}

static int
error_answer(struct ctx *c, enum open311_format f, int status,
    const char *description)
{
	json_t	*errors = json_array();

	open311_error_add(errors, status, description);
	return errors_answer(c, f, status, errors);
}

/* Turns a failed look-up into the spec's error list in format f. */
static int
finish(struct ctx *c, enum open311_format f, int r)
{
	switch (r) {
	case H_OK:
		return H_OK;
	case H_NOT_FOUND:
		response_reset(c->resp);
		return error_answer(c, f, 404, "not found");
	case H_UNAVAILABLE:
		response_reset(c->resp);
		response_header(c->resp, "Retry-After", "30");
		return error_answer(c, f, 503, "数据库暂时无法连接，请稍后再试");
	default:
		response_reset(c->resp);
		return error_answer(c, f, 500, "服务器出错了");
	}
}

/* The format of a list path (services.{key}); 404 when unknown. */
static enum open311_format
list_format(struct ctx *c)
{
	return open311_format(c->req->path_key);
}

static int
unknown_format(struct ctx *c)
{
	return error_answer(c, OPEN311_JSON, 404,
	    "unknown format: use .json or .xml");
}

/* Puts each invalid parameter into the error list as "name: reason". */
static void
param_errors(struct ctx *c, json_t *errors)
{
	const struct route	*rt = c->route;
	char			 msg[PARAM_ERROR_MAX + 64];
	size_t			 i;

	for (i = 0; i < rt->nparams; i++) {
		if (c->req->param[i].valid)
			continue;
		snprintf(msg, sizeof(msg), "%s: %s", rt->params[i].name,
		    c->req->param[i].error);
		open311_error_add(errors, 400, msg);
	}
}

static void
field_error(json_t *errors, const char *field, const char *reason)
{
	char	 msg[256];

	snprintf(msg, sizeof(msg), "%s: %s", field, reason);
	open311_error_add(errors, 400, msg);
}

/* The scope of a read: the public's without api_key (v), else that of
 * the key (held in key), or a 403 answer for a key not valid or revoked. */
static int
read_scope(struct ctx *c, enum open311_format f, const struct param_value *v,
    struct apikey *key, struct service_request_scope *scope)
{
	enum handler_result	 r;

	memset(key, 0, sizeof(*key));
	scope->keyed = 0;
	scope->region = "";
	if (v->valid && !v->present)
		return H_OK;
	if (v->valid && (r = domain_result(apikey_check(v->s, key))) != H_OK)
		return r;
	if (key->id == 0)
		return error_answer(c, f, 403, KEY_INVALID);
	/* Whole complaints: for this client only, never kept on the way. */
	response_header(c->resp, "Cache-Control", "no-store");
	scope->keyed = 1;
	scope->region = key->region;
	return H_OK;
}

static json_t *
service_json(const struct complaint_category *k)
{
	char	 keywords[256];

	snprintf(keywords, sizeof(keywords), "家电下乡, 投诉, %s",
	    k->name != NULL ? k->name : "");
	return json_pack("{s:s,s:s,s:s,s:b,s:s,s:s,s:s}",
	    "service_code", k->code != NULL ? k->code : "",
	    "service_name", k->name != NULL ? k->name : "",
	    "description", k->description != NULL ? k->description : "",
	    "metadata", 0, "type", "realtime", "keywords", keywords,
	    "group", SERVICE_GROUP);
}

static int
services(struct ctx *c, enum open311_format f)
{
	enum domain_status	 ds;
	struct arena_list	 categories;
	json_t			*list;
	size_t			 i;

	if ((ds = complaint_categories(&c->arena, &categories)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	list = json_array();
	for (i = 0; i < categories.n; i++)
		json_array_append_new(list, service_json(
		    complaint_category_at(&categories, i)));
	return answer(c, f, 200, list, "services", "service");
}

int
handle_open311_services(struct ctx *c)
{
	enum open311_format	 f = list_format(c);

	if (f == OPEN311_NONE)
		return unknown_format(c);
	return finish(c, f, services(c, f));
}

/* A service code as we name categories: a-z and '_', 1 to 24. */
static int
service_code_valid(const char *s)
{
	size_t	 n = strlen(s);

	return n >= 1 && n <= 24 && strspn(s, "abcdefghijklmnopqrstuvwxyz_") ==
	    n;
}

static int
service_definition(struct ctx *c, enum open311_format f, const char *code)
{
	enum handler_result	 r;
	int			 found;

	if (!service_code_valid(code))
		return error_answer(c, f, 404, "service_code not found");
	if ((r = domain_result(complaint_category_exists(code, &found))) !=
	    H_OK)
		return r;
	if (!found)
		return error_answer(c, f, 404, "service_code not found");
	/* Our services take no attributes beyond the standard fields. */
	return answer(c, f, 200, json_pack("{s:s,s:[]}", "service_code", code,
	    "attributes"), "service_definition", NULL);
}

int
handle_open311_service(struct ctx *c)
{
	const char		*code;
	enum open311_format	 f = open311_split(c->req->path_key, &code);

	if (f == OPEN311_NONE)
		return unknown_format(c);
	return finish(c, f, service_definition(c, f, code));
}

/* Appends the requests named in a comma-separated list to out; an
 * error answer (status 400) when the list is malformed. */
static int
requests_by_id(struct ctx *c, enum open311_format f,
    const struct service_request_scope *scope, const char *list, json_t *out)
{
	char		 ids[OPEN311_MAX_IDS][COMPLAINT_NO_LEN + 1];
	char		 copy[OPEN311_MAX_IDS * 10 + 1];
	char		*one, *save, *end;
	struct service_request req;
	size_t		 i, j, n = 0;
	enum domain_status ds;
	int		 dup;

	snprintf(copy, sizeof(copy), "%s", list);
	for (one = strtok_r(copy, ",", &save); one != NULL;
	    one = strtok_r(NULL, ",", &save)) {
		while (*one == ' ')
			one++;
		for (end = one + strlen(one); end > one && end[-1] == ' ';)
			*--end = '\0';
		for (i = 0; one[i] != '\0'; i++)
			if (one[i] >= 'a' && one[i] <= 'z')
				one[i] = (char)(one[i] - 'a' + 'A');
		if (!open311_tracking_no_valid(one))
			return error_answer(c, f, 400, "service_request_id: "
			    "受理编号须为 XXXX-XXXX 格式，多个用逗号分隔");
		if (n == OPEN311_MAX_IDS)
			return error_answer(c, f, 400, "service_request_id: "
			    "一次最多查询 100 个受理编号");
		for (dup = 0, j = 0; j < n; j++)
			dup |= strcmp(ids[j], one) == 0;
		if (!dup)
			memcpy(ids[n++], one, COMPLAINT_NO_LEN + 1);
	}
	for (i = 0; i < n; i++) {
		ds = service_request_get(&c->arena, ids[i], scope, &req);
		if (ds != DOMAIN_OK && ds != DOMAIN_NOT_FOUND)
			return domain_answer_error(c, ds);
		/* Asked for by number: the number is named in the answer. */
		if (ds == DOMAIN_OK)
			json_array_append_new(out, open311_request_json(&req,
			    scope, 1));
	}
	return H_OK;
}

/* Fills the date range of q from the parameters, the spec's way: the
 * last 90 days by default, a range of at most 90 days. */
static void
date_range(struct ctx *c, struct open311_filter *q, json_t *errors)
{
	const struct param_value *s = &c->req->param[O3L_START];
	const struct param_value *e = &c->req->param[O3L_END];
	int	 bad = 0;

	if (s->present && s->valid &&
	    open311_datetime_parse(s->s, &q->start) == -1) {
		field_error(errors, "start_date", "须为 W3C 日期时间，如 "
		    "2009-03-15 或 2009-03-15T08:00:00+08:00");
		bad = 1;
	}
	if (e->present && e->valid &&
	    open311_datetime_parse(e->s, &q->end) == -1) {
		field_error(errors, "end_date", "须为 W3C 日期时间，如 "
		    "2009-06-15 或 2009-06-15T18:00:00+08:00");
		bad = 1;
	}
	if (bad || !s->valid || !e->valid)
		return;
	if (!e->present)
		q->end = s->present ? q->start + OPEN311_MAX_RANGE :
		    (long long)time(NULL);
	if (!s->present)
		q->start = q->end - OPEN311_MAX_RANGE;
	if (q->end < q->start)
		field_error(errors, "end_date", "不能早于 start_date");
	else if (q->end - q->start > OPEN311_MAX_RANGE)
		field_error(errors, "end_date", "与 start_date 相隔不能超过 90 天");
}

/* Link: <...&after=CURSOR>; rel="next", with the request's other
 * parameters but page. */
static void
next_link(struct ctx *c, enum open311_format f, const char *cursor)
{
	const char	*q;

	if (cursor == NULL)
		return;
	ctx_query_string(c, "Query.next", "page,after");
	q = hdf_get_value(c->hdf, "Query.next", "");
	response_header(c->resp, "Link",
	    "</open311/v2/requests.%s?%s%safter=%s>; rel=\"next\"",
	    f == OPEN311_XML ? "xml" : "json", q, q[0] != '\0' ? "&" : "",
	    cursor);
}

static int
requests(struct ctx *c, enum open311_format f)
{
	const struct param_value *p = c->req->param;
	struct open311_filter	 q;
	struct service_request_scope	 scope;
	struct apikey		 key;
	enum handler_result	 r;
	enum domain_status	 ds;
	struct arena_list	 matching;
	const char		*status = ctx_text(c, O3L_STATUS);
	char			 after_at[20], too_deep[128];
	json_t			*errors, *list;
	size_t			 i;
	int			 rc, found;

	if ((rc = read_scope(c, f, &c->req->param[O3L_KEY], &key,
	    &scope)) != H_OK ||
	    c->resp->status != 200)
		return rc;
	errors = json_array();
	param_errors(c, errors);
	memset(&q, 0, sizeof(q));
	q.page = p[O3L_PAGE].present ? (long)p[O3L_PAGE].n : 1;
	q.page_size = p[O3L_PAGE_SIZE].present ? (long)p[O3L_PAGE_SIZE].n :
	    OPEN311_MAX_RESULTS;
	if (strcmp(status, "open") == 0)
		q.open_only = 1;
	else if (strcmp(status, "closed") == 0)
		q.closed_only = 1;
	else if (status[0] != '\0' && strcmp(status, "open,closed") != 0 &&
	    strcmp(status, "closed,open") != 0)
		field_error(errors, "status", "须为 open 或 closed");
	if (p[O3L_SERVICE].present && p[O3L_SERVICE].valid) {
		if ((r = domain_result(complaint_category_exists(
		    p[O3L_SERVICE].s, &found))) != H_OK) {
			json_decref(errors);
			return r;
		}
		if (!found)
			field_error(errors, "service_code", "没有这个服务类别");
		q.service_code = p[O3L_SERVICE].s;
	}
	date_range(c, &q, errors);
	/* Numbered pages reach as deep as the web lists' (PAGE_MAX of 20);
	 * beyond, the after cursor walks without an OFFSET. */
	if ((q.page - 1) * q.page_size >= OPEN311_OFFSET_MAX) {
		snprintf(too_deep, sizeof(too_deep), "按页码最多只能翻过 %d 条："
		    "请用上一页 Link 头里的 after 继续翻页", OPEN311_OFFSET_MAX);
		field_error(errors, "page", too_deep);
	}
	if (p[O3L_AFTER].present && p[O3L_AFTER].valid) {
		if (service_request_cursor_parse(p[O3L_AFTER].s, after_at,
		    &q.after_id) != 0)
			field_error(errors, "after", "不是本接口给出的翻页位置"
			    "（请用上一页 Link 头里的 after）");
		else if (p[O3L_PAGE].present)
			field_error(errors, "after", "不能与 page 同时使用");
		q.after_at = after_at;
	}
	if (json_array_size(errors) > 0)
		return errors_answer(c, f, 400, errors);
	json_decref(errors);
	list = json_array();
	/* A list of numbers overrides every other filter (the spec). */
	if (p[O3L_IDS].present) {
		if ((rc = requests_by_id(c, f, &scope, p[O3L_IDS].s, list)) !=
		    H_OK ||
		    c->resp->status != 200) {
			json_decref(list);
			return rc;
		}
		return answer(c, f, 200, list, "service_requests", "request");
	}
	if ((ds = open311_requests_find(&c->arena, &q, &scope,
	    &matching)) != DOMAIN_OK) {
		json_decref(list);
		return domain_answer_error(c, ds);
	}
	/* A public list names no tracking numbers; a key's list does. */
	for (i = 0; i < matching.n; i++)
		json_array_append_new(list, open311_request_json(
		    service_request_at(&matching, i), &scope,
		    scope.keyed));
	/* A full page points at the next: keyset, so no page walks far. */
	if (matching.n > 0 && (long)matching.n == q.page_size)
		next_link(c, f, service_request_at(&matching,
		    matching.n - 1)->cursor);
	return answer(c, f, 200, list, "service_requests", "request");
}

int
handle_open311_requests(struct ctx *c)
{
	enum open311_format	 f = list_format(c);

	if (f == OPEN311_NONE)
		return unknown_format(c);
	return finish(c, f, requests(c, f));
}

static int
request_one(struct ctx *c, enum open311_format f, const char *id)
{
	char			 no[COMPLAINT_NO_LEN + 1];
	struct service_request_scope	 scope;
	struct service_request	 req;
	struct apikey		 key;
	enum domain_status	 ds;
	size_t			 i;
	int			 rc;

	if ((rc = read_scope(c, f, &c->req->param[O3R_KEY], &key,
	    &scope)) != H_OK ||
	    c->resp->status != 200)
		return rc;
	if (strlen(id) != COMPLAINT_NO_LEN)
		return error_answer(c, f, 404, "service_request_id not found");
	for (i = 0; i <= COMPLAINT_NO_LEN; i++)
		no[i] = (id[i] >= 'a' && id[i] <= 'z') ?
		    (char)(id[i] - 'a' + 'A') : id[i];
	if (!open311_tracking_no_valid(no))
		return error_answer(c, f, 404, "service_request_id not found");
	ds = service_request_get(&c->arena, no, &scope, &req);
	/* Outside the key's region it is as unknown as a wrong number. */
	if (ds == DOMAIN_NOT_FOUND)
		return error_answer(c, f, 404, "service_request_id not found");
	if (ds != DOMAIN_OK)
		return domain_answer_error(c, ds);
	return answer(c, f, 200, json_pack("[o]", open311_request_json(&req,
	    &scope, 1)), "service_requests", "request");
}

int
handle_open311_request(struct ctx *c)
{
	const char		*id;
	enum open311_format	 f = open311_split(c->req->path_key, &id);

	if (f == OPEN311_NONE)
		return unknown_format(c);
	return finish(c, f, request_one(c, f, id));
}

/* Requests are filed at once and answered with their number, so no
 * token is ever handed out and none can be looked up. */
int
handle_open311_token(struct ctx *c)
{
	const char		*token;
	enum open311_format	 f = open311_split(c->req->path_key, &token);

	if (f == OPEN311_NONE)
		return unknown_format(c);
	return error_answer(c, f, 404, "token not found: requests are "
	    "answered with their service_request_id at once");
}

int
open311_error_page(struct ctx *c, int status, const char *reason)
{
	const char	*p = c->req->path;
	size_t		 n = strlen(p);

	if (strncmp(p, "/open311/", 9) != 0)
		return 0;
	return error_answer(c, n > 4 && strcmp(p + n - 4, ".xml") == 0 ?
	    OPEN311_XML : OPEN311_JSON, status, reason) == H_OK;
}

/* Any other resource: a 404 in the format asked for, else JSON. */
int
handle_open311_unknown(struct ctx *c)
{
	const char		*name;
	enum open311_format	 f = open311_split(c->req->path_key, &name);

	return error_answer(c, f, 404, "no such resource: services, "
	    "requests and tokens are served");
}

/* The name as one string: Chinese order (family name first) unless
 * both parts are Latin letters. */
static void
full_name(const char *first, const char *last, char *out, size_t size)
{
	size_t	 i;
	int	 latin = first[0] != '\0' && last[0] != '\0';

	for (i = 0; latin && first[i] != '\0'; i++)
		latin = (unsigned char)first[i] < 0x80;
	for (i = 0; latin && last[i] != '\0'; i++)
		latin = (unsigned char)last[i] < 0x80;
	if (latin)
		snprintf(out, size, "%s %s", first, last);
	else
		snprintf(out, size, "%s%s", last, first);
}

/* Checks what the parameter table cannot, by the rules every channel
 * shares (complaint_check) and Open311's own names; adds to errors. The
 * listed outlet's township goes to outlet_region ("" without one). */
static enum handler_result
check_request(struct ctx *c, const struct complaint_input *in,
    json_t *errors, char outlet_region[13])
{
	const struct param_value *p = c->req->param;
	enum handler_result	 r;
	unsigned		 faults;

	if ((r = domain_result(complaint_check(in, &faults, outlet_region))) !=
	    H_OK)
		return r;
	if (p[O3P_SERVICE].present && p[O3P_SERVICE].valid &&
	    (faults & COMPLAINT_BAD_CATEGORY))
		field_error(errors, "service_code", "没有这个服务类别");
	if (p[O3P_REGION].present && p[O3P_REGION].valid &&
	    (faults & COMPLAINT_BAD_TOWNSHIP))
		field_error(errors, "region_code",
		    "须为投诉人户籍所在乡镇（街道）的 9 位代码");
	if (p[O3P_OUTLET].present && p[O3P_OUTLET].valid &&
	    (faults & COMPLAINT_BAD_OUTLET))
		field_error(errors, "outlet_id", "没有这个网点");
	if (!p[O3P_FIRST].present && !p[O3P_LAST].present)
		field_error(errors, "last_name",
		    "请填写投诉人姓名（last_name 姓，first_name 名）");
	else if (p[O3P_FIRST].valid && p[O3P_LAST].valid &&
	    utf8_chars(p[O3P_FIRST].s, strlen(p[O3P_FIRST].s)) +
	    utf8_chars(p[O3P_LAST].s, strlen(p[O3P_LAST].s)) > NAME_MAX_CHARS)
		field_error(errors, "first_name", "姓名合计最多 20 个字");
	if (p[O3P_PHONE].present && p[O3P_PHONE].valid &&
	    (faults & COMPLAINT_BAD_PHONE))
		field_error(errors, "phone",
		    "须为 11 位手机号码，或带区号的固定电话，如 0710-3312345");
	return H_OK;
}

/* A key files only complaints its region handles: those about an
 * outlet of the region or, without an outlet, from a township of it
 * (where such a complaint is handled). H_OK, with a 403 answer when
 * outside. */
static int
check_key_region(struct ctx *c, enum open311_format f,
    const struct apikey *key, const char *outlet_region)
{
	if (outlet_region[0] != '\0' && !apikey_holds(key, outlet_region))
		return error_answer(c, f, 403, "outlet_id: the outlet is "
		    "outside the region of this api_key");
	if (outlet_region[0] == '\0' &&
	    !apikey_holds(key, c->req->param[O3P_REGION].s))
		return error_answer(c, f, 403, "region_code: outside the "
		    "region of this api_key; name an outlet_id of the region");
	return H_OK;
}

static int
file_request(struct ctx *c, enum open311_format f)
{
	const struct param_value *p = c->req->param;
	struct complaint_input	 in;
	struct complaint_receipt rec;
	const struct calendar	*cal;
	enum handler_result	 r;
	enum domain_status	 st;
	struct apikey		 key;
	json_t			*errors;
	char			 name[128], notice[512], outlet_region[13];
	int			 rc;

	response_header(c->resp, "Cache-Control", "no-store");
	memset(&key, 0, sizeof(key));
	if (p[O3P_KEY].present && p[O3P_KEY].valid &&
	    (r = domain_result(apikey_check(p[O3P_KEY].s, &key))) != H_OK)
		return r;
	if (key.id == 0)
		return error_answer(c, f, 403, p[O3P_KEY].present ?
		    KEY_INVALID : "api_key is required");
	full_name(ctx_text(c, O3P_FIRST), ctx_text(c, O3P_LAST), name,
	    sizeof(name));
	memset(&in, 0, sizeof(in));
	in.channel = complaint_channel_code(CHANNEL_OPEN311);
	in.name = name;
	in.phone = ctx_text(c, O3P_PHONE);
	in.region = ctx_text(c, O3P_REGION);
	in.category = ctx_text(c, O3P_SERVICE);
	in.outlet_id = p[O3P_OUTLET].present && p[O3P_OUTLET].valid ?
	    p[O3P_OUTLET].n : 0;
	in.outlet_region = outlet_region;
	in.outlet_name = "";
	in.outlet_address = ctx_text(c, O3P_ADDRESS);
	in.purchase_date = "";
	in.product_category = "";
	in.product_model = "";
	in.invoice_no = "";
	in.description = ctx_text(c, O3P_DESCRIPTION);
	in.address = c->req->remote_addr;
	errors = json_array();
	param_errors(c, errors);
	if ((r = check_request(c, &in, errors, outlet_region)) != H_OK) {
		json_decref(errors);
		return r;
	}
	if (json_array_size(errors) > 0)
		return errors_answer(c, f, 400, errors);
	json_decref(errors);
	if ((rc = check_key_region(c, f, &key, outlet_region)) != H_OK ||
	    c->resp->status != 200)
		return rc;
	if (sodium_init() < 0)
		return H_ERROR;
	if ((st = calendar_cached(&cal)) != DOMAIN_OK)
		return domain_result(st);
	st = complaint_file(&in, NULL, c->cfg->secret, cal,
	    c->cfg->accept_days, &rec);
	if (st != DOMAIN_OK)
		return domain_result(st);
	snprintf(notice, sizeof(notice), "投诉已收到，受理编号 %s，查询码 %s。"
	    "将于 %s 前决定是否受理。投诉人可凭受理编号和查询码在本网站"
	    "“投诉查询”查看办理进度。", rec.tracking_no, rec.code,
	    rec.accept_due);
	return answer(c, f, 200, json_pack("[{s:s,s:s,s:n}]",
	    "service_request_id", rec.tracking_no, "service_notice", notice,
	    "account_id"), "service_requests", "request");
}

int
handle_open311_post(struct ctx *c)
{
	enum open311_format	 f = list_format(c);

	if (f == OPEN311_NONE)
		return unknown_format(c);
	return finish(c, f, file_request(c, f));
}
