/* Open311 GeoReport v2 output and complaints as service requests. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "web/open311.h"
#include "web/param.h"
#include "domain/workday.h"

/* A field of the spec and where struct service_request holds it. */
struct request_field {
	const char	*name;
	size_t		 offset;
};

/* What no request holds: its field is always null. */
#define NO_VALUE	((size_t)-1)
#define FIELD(name)	{ #name, offsetof(struct service_request, name) }

/* Each table begins with service_request_id, which a public list leaves
 * out by starting at the second entry. */
static const struct request_field request_fields[] = {
	FIELD(service_request_id),
	FIELD(status),
	FIELD(status_notes),
	FIELD(service_name),
	FIELD(service_code),
	FIELD(description),
	FIELD(agency_responsible),
	FIELD(requested_datetime),
	FIELD(updated_datetime),
	FIELD(expected_datetime),
	FIELD(address),
	{ "zipcode", NO_VALUE },
	FIELD(county_code),
};

static const struct request_field public_fields[] = {
	FIELD(service_request_id),
	FIELD(status),
	FIELD(service_name),
	FIELD(service_code),
	FIELD(agency_responsible),
	FIELD(requested_datetime),
	FIELD(updated_datetime),
	FIELD(address),
	FIELD(county_code),
};

enum open311_format
open311_format(const char *ext)
{
	if (strcmp(ext, "json") == 0)
		return OPEN311_JSON;
	if (strcmp(ext, "xml") == 0)
		return OPEN311_XML;
	return OPEN311_NONE;
}

enum open311_format
open311_split(char *key, const char **name)
{
	char	*dot = strrchr(key, '.');

	*name = key;
	if (dot == NULL)
		return OPEN311_NONE;
	*dot = '\0';
	return open311_format(dot + 1);
}

int
open311_xml_text(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	const char		*rep;
	size_t			 run;

	while (*p != '\0') {
		run = 0;
		while (p[run] >= 0x20 && strchr("&<>\"'", p[run]) == NULL &&
		    !(p[run] == 0xef && p[run + 1] == 0xbf &&
		    (p[run + 2] == 0xbe || p[run + 2] == 0xbf)))
			run++;
		if (run > 0 && buf_add(out, p, run) == -1)
			return -1;
		p += run;
		if (*p == '\0')
			break;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\t': rep = "\t"; break;
		case '\n': rep = "\n"; break;
		case '\r': rep = "&#13;"; break;
		default: rep = ""; break;	/* other C0 controls */
		}
		if (buf_adds(out, rep) == -1)
			return -1;
		/* U+FFFE and U+FFFF are three bytes, all left out. */
		p += *p == 0xef ? 3 : 1;
	}
	return 0;
}

/* Element names are ours: lowercase letters and '_' only. */
static int
xml_name_valid(const char *name)
{
	return name[0] != '\0' && strspn(name, "abcdefghijklmnopqrstuvwxyz_") ==
	    strlen(name);
}

static int
xml_element(struct buf *out, const char *name, const char *item,
    json_t *v)
{
	const char	*key;
	json_t		*child;
	char		 singular[64];
	size_t		 i, len;
	int		 rc = 0;

	if (!xml_name_valid(name) || buf_printf(out, "<%s>", name) == -1)
		return -1;
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		json_object_foreach(v, key, child) {
			len = strlen(key);
			if (len >= sizeof(singular))
				return -1;
			memcpy(singular, key, len + 1);
			if (len > 1 && singular[len - 1] == 's')
				singular[len - 1] = '\0';
			if (xml_element(out, key, singular, child) == -1)
				return -1;
		}
		break;
	case JSON_ARRAY:
		json_array_foreach(v, i, child)
			if (xml_element(out, item, item, child) == -1)
				return -1;
		break;
	case JSON_STRING:
		rc = open311_xml_text(out, json_string_value(v));
		break;
	case JSON_INTEGER:
		rc = buf_printf(out, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		break;
	case JSON_REAL:
		rc = buf_printf(out, "%.17g", json_real_value(v));
		break;
	case JSON_TRUE:
		rc = buf_adds(out, "true");
		break;
	case JSON_FALSE:
		rc = buf_adds(out, "false");
		break;
	case JSON_NULL:
		break;
	}
	if (rc == -1)
		return -1;
	return buf_printf(out, "</%s>", name);
}

int
open311_emit(json_t *root, enum open311_format f, const char *xml_root,
    const char *xml_item, struct buf *out)
{
	int	 rc;

	if (f == OPEN311_JSON)
		return json_emit(root, out);
	if (root == NULL)
		return -1;
	rc = buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	if (rc == 0)
		rc = xml_element(out, xml_root, xml_item, root);
	if (rc == 0)
		rc = buf_adds(out, "\n");
	json_decref(root);
	return rc;
}

void
open311_error_add(json_t *list, int code, const char *description)
{
	json_array_append_new(list, json_pack("{s:i,s:s}", "code", code,
	    "description", description));
}

/* n digits of s as a number, or -1 when one is not a digit. */
static int
digits(const char *s, int n)
{
	int	 v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
open311_datetime_parse(const char *s, long long *t)
{
	char		 date[11];
	long long	 secs = 0, offset;
	int		 hh, mm, ss = 0, oh, om;
	const char	*p;

	if (strlen(s) < 10 || strlen(s) > 40)
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!valid_date(date))
		return -1;
	p = s + 10;
	if (*p == '\0') {
		/* A date alone is that day at our time zone. */
		*t = (long long)date_to_days(date) * 86400 - OPEN311_UTC_OFFSET;
		return 0;
	}
	if (*p++ != 'T' || (hh = digits(p, 2)) < 0 || p[2] != ':' ||
	    (mm = digits(p + 3, 2)) < 0 || hh > 23 || mm > 59)
		return -1;
	p += 5;
	if (*p == ':') {
		if ((ss = digits(p + 1, 2)) < 0 || ss > 59)
			return -1;
		p += 3;
		if (*p == '.') {
			if (p[1] < '0' || p[1] > '9')
				return -1;
			for (p++; *p >= '0' && *p <= '9'; p++)
				continue;
		}
	}
	if (*p == 'Z' && p[1] == '\0')
		offset = 0;
	else if ((*p == '+' || *p == ' ' || *p == '-') &&
	    (oh = digits(p + 1, 2)) >= 0 && p[3] == ':' &&
	    (om = digits(p + 4, 2)) >= 0 && p[6] == '\0' && oh <= 14 &&
	    om <= 59)
		offset = (*p == '-' ? -1 : 1) * (oh * 3600LL + om * 60LL);
	else
		return -1;
	secs = hh * 3600LL + mm * 60LL + ss;
	*t = (long long)date_to_days(date) * 86400 + secs - offset;
	return 0;
}

void
open311_datetime_local(long long t, char out[20])
{
	long long	 local = t + OPEN311_UTC_OFFSET;
	long long	 days = local >= 0 ? local / 86400 :
	    -((-local + 86399) / 86400);
	long long	 secs = local - days * 86400;
	char		 date[11];

	days_to_date((long)days, date);
	snprintf(out, 20, "%.10s %02u:%02u:%02u", date,
	    (unsigned)(secs / 3600) % 24u, (unsigned)(secs / 60 % 60) % 60u,
	    (unsigned)(secs % 60) % 60u);
}

int
open311_tracking_no_valid(const char *s)
{
	size_t	 i;

	if (strlen(s) != 9 || s[4] != '-')
		return 0;
	for (i = 0; i < 9; i++)
		if (i != 4 && !((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
	return 1;
}

enum domain_status
open311_requests_find(struct arena *arena, const struct open311_filter *f,
    const struct service_request_scope *scope, struct arena_list *requests)
{
	struct service_request_filter	 q;
	char				 start[20], end[20];

	open311_datetime_local(f->start, start);
	open311_datetime_local(f->end, end);
	q.service_code = f->service_code;
	q.open_only = f->open_only;
	q.closed_only = f->closed_only;
	q.start = start;
	q.end = end;
	q.page = f->page;
	q.page_size = f->page_size;
	q.after_at = f->after_at;
	q.after_id = f->after_id;
	return service_requests_find(arena, &q, scope, requests);
}

json_t *
open311_request_json(const struct service_request *req,
    const struct service_request_scope *scope, int named)
{
	const struct request_field *f = scope->keyed ? request_fields :
	    public_fields;
	size_t		 i, n = scope->keyed ?
	    sizeof(request_fields) / sizeof(request_fields[0]) :
	    sizeof(public_fields) / sizeof(public_fields[0]);
	const char	*v;
	json_t		*obj;

	if ((obj = json_object()) == NULL)
		return NULL;
	for (i = named ? 0 : 1; i < n; i++) {
		v = f[i].offset == NO_VALUE ? NULL : *(const char *const *)
		    (const void *)((const char *)req + f[i].offset);
		json_object_set_new(obj, f[i].name, v != NULL ?
		    json_string(v) : json_null());
	}
	return obj;
}
