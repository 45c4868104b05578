/* jdxx-notify: the notice sender. Claims the due messages of the outbox
 * (src/domain/notify_outbox.h) under a lease, renders their texts from
 * templates/notify/, delivers them by SMTP or to the SMS gateway, and
 * marks each sent, or failed with a growing back-off and dead after the
 * last try. Once a minute it also runs the periodic sweeps (overdue
 * complaints). Runs until SIGTERM; the database may come and go.
 *
 *   jdxx-notify --config FILE [--user NAME] [--once]
 *	--once: one sweep and one batch, then exit (for scripts).
 *
 * Configuration (Notify.* in the HDF file; a channel with no URL is left
 * waiting in the outbox): SMTP.URL, SMTP.From, SMTP.User,
 * SMTP.Password; SMS.URL, SMS.Authorization (a header value), SMS.Key,
 * SMS.Sign, SMS.Body (a template under Site.Templates, default
 * notify/sms_gateway.cs), SMS.ContentType, SMS.Success (text an answer
 * must hold; default "Code":"OK"), SMS.Templates.<name> (the gateway's
 * template codes); MaxAttempts (8), RetrySeconds (60), RetryMaxSeconds
 * (3600), Batch (20), LeaseSeconds (120), PollMs (1000), SweepSeconds
 * (60), OverdueDays (30), Timeout (15).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/log.h"
#include "base/mail.h"
#include "base/privilege.h"
#include "base/stop.h"
#include "domain/complaint_escalation.h"
#include "domain/notify_outbox.h"
#include "domain/result.h"
#include "web/config.h"
#include "web/notify_text.h"

struct settings {
	HDF		*hdf;
	const char	*templates, *site_url;
	struct smtp_server smtp;
	const char	*from;
	const char	*sms_url, *sms_auth, *sms_key, *sms_sign, *sms_body;
	const char	*sms_type, *sms_success;
	int		 max_attempts, batch, lease, poll_ms, sweep_seconds;
	int		 overdue_days;
	long		 retry_base, retry_cap, timeout;
};

static void
on_signal(int sig)
{
	(void)sig;
	stop_request();
}

static int
setting(HDF *hdf, const char *name, int def, int min, int max, int *out)
{
	char	 key[64];

	snprintf(key, sizeof(key), "Notify.%s", name);
	*out = hdf_get_int_value(hdf, key, def);
	if (*out < min || *out > max) {
		log_error("Notify.%s must be %d to %d", name, min, max);
		return -1;
	}
	return 0;
}

static int
settings_load(struct settings *s, const struct config *cfg)
{
	HDF	*h = cfg->hdf;
	int	 base, cap, timeout;

	memset(s, 0, sizeof(*s));
	s->hdf = h;
	s->templates = cfg->templates;
	s->site_url = cfg->site_url;
	s->smtp.url = hdf_get_value(h, "Notify.SMTP.URL", "");
	s->smtp.user = hdf_get_value(h, "Notify.SMTP.User", "");
	s->smtp.password = hdf_get_value(h, "Notify.SMTP.Password", "");
	s->from = hdf_get_value(h, "Notify.SMTP.From", "");
	s->sms_url = hdf_get_value(h, "Notify.SMS.URL", "");
	s->sms_auth = hdf_get_value(h, "Notify.SMS.Authorization", "");
	s->sms_key = hdf_get_value(h, "Notify.SMS.Key", "");
	s->sms_sign = hdf_get_value(h, "Notify.SMS.Sign", "家电下乡");
	s->sms_body = hdf_get_value(h, "Notify.SMS.Body",
	    "notify/sms_gateway.cs");
	s->sms_type = hdf_get_value(h, "Notify.SMS.ContentType",
	    "application/json");
	s->sms_success = hdf_get_value(h, "Notify.SMS.Success",
	    "\"Code\":\"OK\"");
	if (setting(h, "MaxAttempts", 8, 1, 100, &s->max_attempts) == -1 ||
	    setting(h, "RetrySeconds", 60, 1, 86400, &base) == -1 ||
	    setting(h, "RetryMaxSeconds", 3600, 1, 604800, &cap) == -1 ||
	    setting(h, "Batch", 20, 1, 200, &s->batch) == -1 ||
	    setting(h, "LeaseSeconds", 120, 10, 3600, &s->lease) == -1 ||
	    setting(h, "PollMs", 1000, 50, 60000, &s->poll_ms) == -1 ||
	    setting(h, "SweepSeconds", 60, 1, 3600, &s->sweep_seconds) == -1 ||
	    setting(h, "OverdueDays", 30, 1, 366, &s->overdue_days) == -1 ||
	    setting(h, "Timeout", 15, 1, 300, &timeout) == -1)
		return -1;
	s->retry_base = base;
	s->retry_cap = cap;
	s->timeout = timeout;
	s->smtp.timeout = timeout;
	/* A lease must outlast a delivery, or another claim could repeat it. */
	if (s->lease <= 2 * timeout) {
		log_error("Notify.LeaseSeconds must be more than twice "
		    "Notify.Timeout");
		return -1;
	}
	if (s->smtp.url[0] != '\0' && !notify_email_valid(s->from)) {
		log_error("Notify.SMTP.From must be an email address");
		return -1;
	}
	return 0;
}

/* The idempotency key as a Message-ID's left part. */
static void
message_id(const char *key, char *out, size_t size)
{
	size_t	 i;

	snprintf(out, size, "%s", key);
	for (i = 0; out[i] != '\0'; i++)
		if (out[i] == ':')
			out[i] = '.';
}

static int
send_email(const struct settings *s, const struct notify_message *m,
    const char *text, char *err, size_t errsize)
{
	struct buf	 msg;
	const char	*body;
	char		 subject[256], id[160];
	int		 rc = -1;

	if (!notify_email_valid(m->recipient)) {
		snprintf(err, errsize, "not an email address");
		return -1;
	}
	notify_text_email(text, subject, sizeof(subject), &body);
	message_id(m->idem_key, id, sizeof(id));
	buf_init(&msg);
	if (mail_compose(&msg, s->from, m->recipient, subject, id, body) == -1)
		snprintf(err, errsize, "message could not be made");
	else
		rc = smtp_send(&s->smtp, s->from, m->recipient, msg.data, err,
		    errsize);
	buf_free(&msg);
	return rc;
}

static int
send_sms(const struct settings *s, const struct notify_message *m,
    const char *text, char *err, size_t errsize)
{
	struct notify_sms_in in;
	struct buf	 body, answer;
	char		 code_key[96], type[160], auth[512], idem[160];
	const char	*headers[4];
	size_t		 nh = 0;
	long		 status;
	int		 rc = -1;

	snprintf(code_key, sizeof(code_key), "Notify.SMS.Templates.%s",
	    m->template);
	memset(&in, 0, sizeof(in));
	in.templates = s->templates;
	in.body_template = s->sms_body;
	in.phone = m->recipient;
	in.sign = s->sms_sign;
	in.code = hdf_get_value(s->hdf, code_key, "");
	in.text = text;
	in.key = m->idem_key;
	in.apikey = s->sms_key;
	in.params = m->params;
	in.site_url = s->site_url;
	snprintf(type, sizeof(type), "Content-Type: %s", s->sms_type);
	headers[nh++] = type;
	/* Gateways that keep keys drop a repeat of the same message. */
	snprintf(idem, sizeof(idem), "Idempotency-Key: %s", m->idem_key);
	headers[nh++] = idem;
	if (s->sms_auth[0] != '\0') {
		snprintf(auth, sizeof(auth), "Authorization: %s", s->sms_auth);
		headers[nh++] = auth;
	}
	headers[nh] = NULL;
	buf_init(&body);
	buf_init(&answer);
	if (notify_sms_body(&in, &body) == -1)
		snprintf(err, errsize, "gateway body could not be made");
	else if (http_post(s->sms_url, headers, body.len > 0 ? body.data : "",
	    s->timeout, &status, &answer, err, errsize) == 0) {
		if (status < 200 || status > 299)
			snprintf(err, errsize, "gateway answered %ld", status);
		else if (s->sms_success[0] != '\0' && (answer.len == 0 ||
		    strstr(answer.data, s->sms_success) == NULL))
			snprintf(err, errsize, "gateway did not say success: "
			    "%.120s", answer.len > 0 ? answer.data : "");
		else
			rc = 0;
	}
	buf_free(&body);
	buf_free(&answer);
	return rc;
}

/* Delivers one claimed message; 0, or -1 with the reason in err. */
static int
deliver(const struct settings *s, const struct notify_message *m, char *err,
    size_t errsize)
{
	struct notify_text_in in = { s->templates, m->channel, m->template,
	    m->params, s->site_url };
	struct buf	 text;
	int		 rc = -1;

	buf_init(&text);
	if (notify_text_render(&in, &text) == -1 || text.len == 0)
		snprintf(err, errsize, "template %s_%s could not be rendered",
		    m->channel, m->template);
	else if (strcmp(m->channel, "email") == 0)
		rc = send_email(s, m, text.data, err, errsize);
	else
		rc = send_sms(s, m, text.data, err, errsize);
	buf_free(&text);
	return rc;
}

/* One batch of due messages; how many were claimed, or -1 when the
 * database could not be reached. */
static int
deliver_due(const struct settings *s)
{
	struct arena		 arena = { 0 };
	struct arena_list	 list;
	const struct notify_message *m;
	enum domain_status	 ds;
	char			 lease[NOTIFY_LEASE_LEN + 1], err[256];
	size_t			 i;
	long			 delay;
	int			 held, n;

	ds = notify_claim(&arena, s->sms_url[0] != '\0',
	    s->smtp.url[0] != '\0', s->batch, s->lease, lease, &list);
	if (ds != DOMAIN_OK) {
		arena_free(&arena);
		return -1;
	}
	for (i = 0; i < list.n; i++) {
		m = notify_message_at(&list, i);
		/* A stop asked for ends the batch; the rest are handed back. */
		if (stop_requested())
			break;
		err[0] = '\0';
		if (deliver(s, m, err, sizeof(err)) == 0) {
			ds = notify_mark_sent(m->id, lease, &held);
			if (ds != DOMAIN_OK || !held)
				log_error("message %lld (%s) delivered but not "
				    "marked sent", m->id, m->idem_key);
			continue;
		}
		delay = notify_backoff(m->attempts, s->retry_base,
		    s->retry_cap);
		log_error("message %lld (%s) try %d failed: %s%s", m->id,
		    m->idem_key, m->attempts, err, m->attempts >=
		    s->max_attempts ? "; given up" : "");
		(void)notify_mark_failed(m->id, lease, s->max_attempts, delay,
		    err);
	}
	/* Not waiting out the lease: another sender may take them now. */
	if (i < list.n)
		(void)notify_release(lease);
	n = (int)list.n;
	arena_free(&arena);
	return n;
}

static void
sweep_overdue(const struct settings *s)
{
	long long	 n;

	if (notify_overdue_sweep(s->overdue_days, 200, &n) == DOMAIN_OK &&
	    n > 0)
		log_error("queued overdue notices for %lld complaints", n);
}

/* 督办: complaints past their deadline flagged to the city. */
static void
sweep_escalation(void)
{
	long long	 n;

	if (complaint_escalate_overdue(&n) == DOMAIN_OK && n > 0)
		log_error("flagged %lld overdue complaints to the city (督办)", n);
}

/* Every sweep that runs on a timer; a new one is a call here. */
static void
run_periodic_sweeps(const struct settings *s)
{
	sweep_escalation();
	sweep_overdue(s);
}

static void
nap(int ms)
{
	struct timespec	 t = { ms / 1000, (long)(ms % 1000) * 1000000L };

	/* A signal cuts it short. */
	if (!stop_requested())
		(void)nanosleep(&t, NULL);
}

static int
serve(const struct settings *s, int once)
{
	time_t	 next_sweep = 0, now;
	int	 n, down = 0;

	while (!stop_requested()) {
		db_request_begin(NULL);
		now = time(NULL);
		if (now >= next_sweep) {
			run_periodic_sweeps(s);
			next_sweep = now + s->sweep_seconds;
		}
		n = deliver_due(s);
		/* Said once per outage, not once per poll. */
		if (n == -1 && !down)
			log_error("database unavailable; waiting for it");
		else if (n != -1 && down)
			log_error("database back");
		down = n == -1;
		if (once)
			break;
		if (n <= 0 || n < s->batch)
			nap(s->poll_ms);
	}
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: jdxx-notify --config FILE [--user NAME] "
	    "[--once]\n");
}

int
main(int argc, char **argv)
{
	struct config	 cfg;
	struct settings	 s;
	struct sigaction sa;
	const char	*path = NULL, *user = NULL;
	int		 i, once = 0, rc;

	log_set_name("jdxx-notify");
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			path = argv[++i];
		else if (strcmp(argv[i], "--user") == 0 && i + 1 < argc)
			user = argv[++i];
		else if (strcmp(argv[i], "--once") == 0)
			once = 1;
		else {
			usage();
			return 2;
		}
	}
	if (path == NULL) {
		usage();
		return 2;
	}
	if (geteuid() == 0 && user == NULL) {
		log_error("started as root: --user NAME names the user to "
		    "send as");
		return 2;
	}
	/* The configuration is root's to read: read it, then give root up. */
	if (sodium_init() < 0 || config_load(&cfg, path) == -1)
		return 1;
	if (geteuid() == 0 && privilege_drop(user) == -1) {
		config_free(&cfg);
		return 1;
	}
	if (settings_load(&s, &cfg) == -1 || mail_global_init() == -1) {
		config_free(&cfg);
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a stop ends the nap at once. */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	db_configure(&cfg.db);
	rc = serve(&s, once);
	db_close();
	mail_global_cleanup();
	config_free(&cfg);
	return rc;
}
