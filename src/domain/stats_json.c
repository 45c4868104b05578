/* The public statistics to JSON and back, with jansson:
 *   {"total": N, "demo": N,
 *    "category": [{"code": C, "name": T, "n": N}...], "status": [...],
 *    "channel": [...],
 *    "county": [{"code": C, "name": T, "area": T, "n": N}...],
 *    "month": [{"code": "YYYY-MM", "name": "YYYY-MM", "n": N}...],
 *    "accept": {"count": N, "median_x2": N},
 *    "resolve": {"count": N, "median_x2": N, "on_time": N}}
 * median_x2 (twice the median in hours) and on_time are left out when
 * there are none. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "domain/stats_json.h"

/* No list is longer than the counties or the months; categories are a
 * handful. A longer one is not a document this module wrote. */
#define LIST_MAX	100

/* Sets key on o to v, which it takes; -1 when v is NULL or memory runs
 * out. */
static int
put(json_t *o, const char *key, json_t *v)
{
	return json_object_set_new(o, key, v);
}

static json_t *
list_to_json(const struct stats_list *l, int with_area)
{
	json_t	*a, *o;
	size_t	 i;

	if ((a = json_array()) == NULL)
		return NULL;
	for (i = 0; i < l->n; i++) {
		if ((o = json_object()) != NULL &&
		    (put(o, "code", json_string(l->v[i].code)) == -1 ||
		    put(o, "name", json_string(l->v[i].name)) == -1 ||
		    (with_area &&
		    put(o, "area", json_string(l->v[i].area)) == -1) ||
		    put(o, "n", json_integer(l->v[i].n)) == -1)) {
			json_decref(o);
			o = NULL;
		}
		if (json_array_append_new(a, o) == -1) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *
wait_to_json(const struct stats_wait *w)
{
	json_t	*o;

	if ((o = json_object()) == NULL)
		return NULL;
	if (put(o, "count", json_integer(w->count)) == -1 ||
	    (w->median_x2 >= 0 &&
	    put(o, "median_x2", json_integer(w->median_x2)) == -1) ||
	    (w->on_time >= 0 &&
	    put(o, "on_time", json_integer(w->on_time)) == -1)) {
		json_decref(o);
		return NULL;
	}
	return o;
}

char *
stats_to_json(const struct stats *s)
{
	json_t	*root;
	char	*text = NULL;

	if ((root = json_object()) == NULL)
		return NULL;
	if (put(root, "total", json_integer(s->total)) == 0 &&
	    put(root, "demo", json_integer(s->demo)) == 0 &&
	    put(root, "category", list_to_json(&s->category, 0)) == 0 &&
	    put(root, "status", list_to_json(&s->status, 0)) == 0 &&
	    put(root, "channel", list_to_json(&s->channel, 0)) == 0 &&
	    put(root, "county", list_to_json(&s->county, 1)) == 0 &&
	    put(root, "month", list_to_json(&s->month, 0)) == 0 &&
	    put(root, "accept", wait_to_json(&s->accept)) == 0 &&
	    put(root, "resolve", wait_to_json(&s->resolve)) == 0)
		text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	return text;
}

/* A whole number member of o, when there: 0, or -1 when it is something
 * else or below 0. */
static int
number_of(json_t *o, const char *key, long long *v)
{
	json_t	*j = json_object_get(o, key);

	if (j == NULL)
		return 0;
	if (!json_is_integer(j) || json_integer_value(j) < 0)
		return -1;
	*v = json_integer_value(j);
	return 0;
}

/* A text member of o into out, when there; -1 when it is not text or
 * does not fit. */
static int
text_of(json_t *o, const char *key, char *out, size_t size)
{
	json_t	*j = json_object_get(o, key);

	if (j == NULL)
		return 0;
	if (!json_is_string(j) || json_string_length(j) >= size ||
	    memchr(json_string_value(j), '\0', json_string_length(j)) != NULL)
		return -1;
	memcpy(out, json_string_value(j), json_string_length(j) + 1);
	return 0;
}

static int
list_from_json(struct stats_list *l, json_t *root, const char *key)
{
	json_t	*a = json_object_get(root, key), *o;
	size_t	 i;

	if (a == NULL)
		return 0;
	if (!json_is_array(a) || json_array_size(a) > LIST_MAX ||
	    stats_list_alloc(l, json_array_size(a)) == -1)
		return -1;
	json_array_foreach(a, i, o) {
		if (!json_is_object(o) ||
		    text_of(o, "code", l->v[i].code, sizeof(l->v[i].code)) ||
		    text_of(o, "name", l->v[i].name, sizeof(l->v[i].name)) ||
		    text_of(o, "area", l->v[i].area, sizeof(l->v[i].area)) ||
		    number_of(o, "n", &l->v[i].n))
			return -1;
	}
	return 0;
}

static int
wait_from_json(struct stats_wait *w, json_t *root, const char *key)
{
	json_t	*o = json_object_get(root, key);

	if (o == NULL)
		return 0;
	if (!json_is_object(o))
		return -1;
	return number_of(o, "count", &w->count) ||
	    number_of(o, "median_x2", &w->median_x2) ||
	    number_of(o, "on_time", &w->on_time) ? -1 : 0;
}

int
stats_from_json(struct stats *s, const char *text)
{
	json_t		*root;
	json_error_t	 e;
	int		 rc = -1;

	stats_init(s);
	if ((root = json_loads(text, JSON_REJECT_DUPLICATES, &e)) == NULL)
		return -1;
	if (json_is_object(root) &&
	    number_of(root, "total", &s->total) == 0 &&
	    number_of(root, "demo", &s->demo) == 0 &&
	    list_from_json(&s->category, root, "category") == 0 &&
	    list_from_json(&s->status, root, "status") == 0 &&
	    list_from_json(&s->channel, root, "channel") == 0 &&
	    list_from_json(&s->county, root, "county") == 0 &&
	    list_from_json(&s->month, root, "month") == 0 &&
	    wait_from_json(&s->accept, root, "accept") == 0 &&
	    wait_from_json(&s->resolve, root, "resolve") == 0)
		rc = 0;
	json_decref(root);
	if (rc == -1)
		stats_free(s);
	return rc;
}
