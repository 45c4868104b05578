/* SMTP and HTTP deliveries over libcurl. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <sodium.h>

#include "base/mail.h"

#define RESPONSE_MAX	(64 * 1024)

int
mail_global_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void
mail_global_cleanup(void)
{
	curl_global_cleanup();
}

static int
one_line(const char *s)
{
	return strpbrk(s, "\r\n") == NULL;
}

/* base64 of s, in lines of 76 characters. */
static int
add_base64(struct buf *out, const char *s, size_t n, int wrap)
{
	char	 line[80];
	size_t	 chunk = wrap ? 57 : 48, k;

	while (n > 0) {
		k = n < chunk ? n : chunk;
		/* An encoded word holds whole characters. */
		while (!wrap && k < n && k > 1 &&
		    ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
		sodium_bin2base64(line, sizeof(line), (const unsigned char *)s,
		    k, sodium_base64_VARIANT_ORIGINAL);
		if (buf_adds(out, line) == -1 ||
		    (wrap && buf_adds(out, "\r\n") == -1))
			return -1;
		s += k;
		n -= k;
		/* An encoded word holds at most 75 characters. */
		if (!wrap && n > 0 && buf_adds(out, "?=\r\n =?UTF-8?B?") == -1)
			return -1;
	}
	return 0;
}

/* Line breaks in a body become CRLF, as SMTP wants them. */
static int
add_crlf(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\r')
			continue;
		if ((*s == '\n' && buf_add(b, "\r\n", 2) == -1) ||
		    (*s != '\n' && buf_add(b, s, 1) == -1))
			return -1;
	}
	return 0;
}

int
mail_compose(struct buf *out, const char *from, const char *to,
    const char *subject, const char *message_id, const char *body)
{
	const char	*domain = strrchr(from, '@');
	struct buf	 crlf;
	char		 date[64];
	time_t		 now = time(NULL);
	struct tm	 tm;
	int		 rc = -1;

	if (!one_line(from) || !one_line(to) || !one_line(subject) ||
	    !one_line(message_id))
		return -1;
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	buf_init(&crlf);
	if (buf_printf(out, "From: %s\r\nTo: %s\r\nSubject: =?UTF-8?B?", from,
	    to) == -1 ||
	    add_base64(out, subject, strlen(subject), 0) == -1 ||
	    buf_printf(out, "?=\r\nDate: %s\r\nMessage-ID: <%s@%s>\r\n"
	    "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", date, message_id,
	    domain != NULL ? domain + 1 : "localhost") == -1 ||
	    add_crlf(&crlf, body) == -1 ||
	    add_base64(out, crlf.len > 0 ? crlf.data : "", crlf.len, 1) == -1)
		goto out;
	rc = 0;
out:
	buf_free(&crlf);
	return rc;
}

struct upload {
	const char	*p;
	size_t		 left;
};

static size_t
read_upload(char *dst, size_t size, size_t n, void *arg)
{
	struct upload	*u = arg;
	size_t		 k = size * n < u->left ? size * n : u->left;

	memcpy(dst, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

int
smtp_send(const struct smtp_server *s, const char *from, const char *rcpt,
    const char *message, char *err, size_t errsize)
{
	CURL			*c;
	struct curl_slist	*to = NULL;
	struct upload		 u = { message, strlen(message) };
	char			 ebuf[CURL_ERROR_SIZE] = "";
	CURLcode		 rc;

	if ((c = curl_easy_init()) == NULL ||
	    (to = curl_slist_append(NULL, rcpt)) == NULL) {
		snprintf(err, errsize, "out of memory");
		curl_easy_cleanup(c);
		return -1;
	}
	curl_easy_setopt(c, CURLOPT_URL, s->url);
	/* TLS when the server offers STARTTLS; plain on a local relay. */
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	if (s->user != NULL && s->user[0] != '\0') {
		curl_easy_setopt(c, CURLOPT_USERNAME, s->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD,
		    s->password != NULL ? s->password : "");
	}
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, to);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, s->timeout);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, s->timeout);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	rc = curl_easy_perform(c);
	if (rc != CURLE_OK)
		snprintf(err, errsize, "smtp: %s", ebuf[0] ? ebuf :
		    curl_easy_strerror(rc));
	curl_slist_free_all(to);
	curl_easy_cleanup(c);
	return rc == CURLE_OK ? 0 : -1;
}

static size_t
write_response(char *src, size_t size, size_t n, void *arg)
{
	struct buf	*b = arg;
	size_t		 k = size * n;

	/* Enough to find the gateway's word of success; the rest is read
	 * and dropped. */
	if (b->len < RESPONSE_MAX)
		(void)buf_add(b, src, b->len + k > RESPONSE_MAX ?
		    RESPONSE_MAX - b->len : k);
	return k;
}

int
http_post(const char *url, const char *const *headers, const char *body,
    long timeout, long *status, struct buf *response, char *err,
    size_t errsize)
{
	CURL			*c;
	struct curl_slist	*h = NULL, *t;
	char			 ebuf[CURL_ERROR_SIZE] = "";
	CURLcode		 rc;
	size_t			 i;

	*status = 0;
	if ((c = curl_easy_init()) == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	for (i = 0; headers != NULL && headers[i] != NULL; i++) {
		if ((t = curl_slist_append(h, headers[i])) == NULL) {
			snprintf(err, errsize, "out of memory");
			curl_slist_free_all(h);
			curl_easy_cleanup(c);
			return -1;
		}
		h = t;
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_response);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, response);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	rc = curl_easy_perform(c);
	if (rc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	else
		snprintf(err, errsize, "http: %s", ebuf[0] ? ebuf :
		    curl_easy_strerror(rc));
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return rc == CURLE_OK ? 0 : -1;
}
