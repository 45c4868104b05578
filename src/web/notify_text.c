/* Notices rendered from templates: the texts and the SMS gateway body. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver/ClearSilver.h>
#include <jansson.h>

#include "base/log.h"
#include "web/notify_text.h"
#include "web/view.h"

static NEOERR *
append_output(void *ctx, char *s)
{
	if (buf_adds(ctx, s) == -1)
		return nerr_raise(NERR_NOMEM, "output buffer");
	return STATUS_OK;
}

/* Plain text and machine bodies: nothing here is read as HTML, and
 * what the gateway body quotes is encoded before it goes in. */
static int
render(HDF *hdf, const char *templates, const char *file, struct buf *out)
{
	CSPARSE	*cs = NULL;
	NEOERR	*err;
	STRING	 s;

	hset(hdf, "Config.VarEscapeMode", "none");
	hset(hdf, "hdf.loadpaths.0", templates);
	err = cs_init(&cs, hdf);
	if (err == STATUS_OK)
		err = cs_parse_file(cs, file);
	if (err == STATUS_OK)
		err = cs_render(cs, out, append_output);
	cs_destroy(&cs);
	if (err != STATUS_OK) {
		string_init(&s);
		nerr_error_string(err, &s);
		log_error("notice %s: %s", file, s.buf != NULL ? s.buf : "?");
		string_clear(&s);
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

static int
name_valid(const char *s)
{
	return s[0] != '\0' && strlen(s) <= 40 &&
	    s[strspn(s, "abcdefghijklmnopqrstuvwxyz_")] == '\0';
}

/* The params' strings and numbers as Msg.<key>, and the links. */
static int
fill_msg(HDF *hdf, const char *params, const char *site_url)
{
	json_t		*j, *v;
	const char	*k;
	char		 name[64];

	if ((j = json_loads(params, 0, NULL)) == NULL)
		return -1;
	if (!json_is_object(j)) {
		json_decref(j);
		return -1;
	}
	json_object_foreach(j, k, v) {
		if (!name_valid(k))
			continue;
		snprintf(name, sizeof(name), "Msg.%s", k);
		if (json_is_string(v))
			hset(hdf, name, json_string_value(v));
		else if (json_is_integer(v))
			hseti(hdf, name, (long long)json_integer_value(v));
	}
	/* The tracking page asks for the query code: never in a notice. */
	v = json_object_get(j, "tracking_no");
	if (json_is_string(v))
		hsetf(hdf, "Msg.url", "%s/complaints/track?no=%s", site_url,
		    json_string_value(v));
	v = json_object_get(j, "complaint_id");
	if (json_is_integer(v))
		hsetf(hdf, "Msg.staff_url", "%s/staff/complaints/%lld",
		    site_url, (long long)json_integer_value(v));
	json_decref(j);
	return 0;
}

int
notify_text_render(const struct notify_text_in *in, struct buf *out)
{
	HDF	*hdf = NULL;
	char	 file[96];
	int	 rc = -1;

	if (!name_valid(in->channel) || !name_valid(in->name))
		return -1;
	snprintf(file, sizeof(file), "notify/%s_%s.cs", in->channel, in->name);
	if (hdf_init(&hdf) != STATUS_OK)
		return -1;
	if (fill_msg(hdf, in->params, in->site_url) == 0)
		rc = render(hdf, in->templates, file, out);
	hdf_destroy(&hdf);
	return rc;
}

void
notify_text_email(const char *text, char *subject, size_t size,
    const char **body)
{
	size_t	 n = strcspn(text, "\r\n"), i;

	if (n >= size)
		n = size - 1;
	/* Cut on a character's first byte: the subject stays UTF-8. */
	while (n > 0 && text[n] != '\0' && ((unsigned char)text[n] & 0xc0) ==
	    0x80)
		n--;
	memcpy(subject, text, n);
	subject[n] = '\0';
	for (i = 0; i < n; i++)
		if ((unsigned char)subject[i] < ' ')
			subject[i] = ' ';
	text += strcspn(text, "\n");
	while (*text == '\n' || *text == '\r')
		text++;
	*body = text;
}

/* One value as Sms.json.<name> and Sms.url.<name>. */
static int
put_encoded(HDF *hdf, const char *name, const char *value)
{
	json_t		*s;
	char		*text, key[64];
	struct buf	 b;
	int		 rc;

	if ((s = json_string(value != NULL ? value : "")) == NULL)
		return -1;
	text = json_dumps(s, JSON_ENCODE_ANY);
	json_decref(s);
	if (text == NULL)
		return -1;
	snprintf(key, sizeof(key), "Sms.json.%s", name);
	hset(hdf, key, text);
	free(text);
	buf_init(&b);
	rc = buf_add_urlencoded(&b, value != NULL ? value : "");
	snprintf(key, sizeof(key), "Sms.url.%s", name);
	hset(hdf, key, b.len > 0 ? b.data : "");
	buf_free(&b);
	return rc;
}

/* The template parameters a gateway gets: the number and the link. */
static char *
sms_params(const char *params, const char *site_url)
{
	json_t	*j, *p, *no;
	char	*out = NULL, url[320];

	if ((j = json_loads(params, 0, NULL)) == NULL)
		return NULL;
	no = json_object_get(j, "tracking_no");
	if (json_is_string(no)) {
		snprintf(url, sizeof(url), "%s/complaints/track?no=%s",
		    site_url, json_string_value(no));
		p = json_pack("{s:s,s:s}", "no", json_string_value(no), "url",
		    url);
	} else
		p = json_object();
	if (p != NULL)
		out = json_dumps(p, JSON_COMPACT);
	json_decref(p);
	json_decref(j);
	return out;
}

int
notify_sms_body(const struct notify_sms_in *in, struct buf *out)
{
	HDF	*hdf = NULL;
	char	*params;
	int	 rc = -1;

	if ((params = sms_params(in->params, in->site_url)) == NULL)
		return -1;
	if (hdf_init(&hdf) != STATUS_OK) {
		free(params);
		return -1;
	}
	if (put_encoded(hdf, "phone", in->phone) == 0 &&
	    put_encoded(hdf, "sign", in->sign) == 0 &&
	    put_encoded(hdf, "code", in->code) == 0 &&
	    put_encoded(hdf, "text", in->text) == 0 &&
	    put_encoded(hdf, "key", in->key) == 0 &&
	    put_encoded(hdf, "apikey", in->apikey) == 0 &&
	    put_encoded(hdf, "params_string", params) == 0) {
		hset(hdf, "Sms.json.params", params);
		rc = render(hdf, in->templates, in->body_template, out);
	}
	hdf_destroy(&hdf);
	free(params);
	return rc;
}
