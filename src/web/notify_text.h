/* The words of notices (SMS and email) and the body an SMS gateway is
 * sent, from ClearSilver templates: templates/notify/<channel>_<name>.cs
 * for the texts, a gateway's body template for its request. Texts are
 * plain (no HTML), so they render without HTML escaping; what a gateway
 * body quotes is put in already encoded, as JSON and as a URL part. */
#ifndef JDXX_NOTIFY_TEXT_H
#define JDXX_NOTIFY_TEXT_H

#include "base/buf.h"

/* What a notice's template sees (Msg.*). */
struct notify_text_in {
	const char	*templates;	/* the templates directory */
	const char	*channel;	/* "sms" or "email" */
	const char	*name;		/* the outbox row's template */
	const char	*params;	/* its JSON object: Msg.<key> */
	const char	*site_url;	/* Msg.url links the tracking page, or
					 * for staff (complaint_id) Msg.staff_url
					 * the complaint's page */
};

/* Renders the notice into out. An email's first line is its subject,
 * then a blank line, then the body. 0, or -1 for a name that is not
 * [a-z_]+, params that are not a JSON object, or a failed render. */
int	notify_text_render(const struct notify_text_in *, struct buf *out);

/* Splits an email text into subject (its first line, cut to fit) and
 * body (after the blank line); body points into text. */
void	notify_text_email(const char *text, char *subject, size_t size,
	    const char **body);

/* What a gateway body template sees: Sms.json.<name> as a JSON string
 * (quotes included), Sms.url.<name> percent-encoded, for phone, sign,
 * code (the gateway's template code), text, key (idempotency) and
 * apikey; Sms.json.params the template's parameters (tracking_no, url)
 * as a JSON object and Sms.json.params_string the same as a string. */
struct notify_sms_in {
	const char	*templates;
	const char	*body_template;	/* a file under templates */
	const char	*phone, *sign, *code, *text, *key, *apikey;
	const char	*params;	/* the outbox row's JSON object */
	const char	*site_url;
};

int	notify_sms_body(const struct notify_sms_in *, struct buf *out);

#endif
