/* Log lines go to stderr, which the instance script sends to a file. */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"

static const char	*log_name = "jdxx";

void
log_set_name(const char *name)
{
	log_name = name;
}

static void
stamp(char *out, size_t len)
{
	time_t		 t = time(NULL);
	struct tm	 tm;

	localtime_r(&t, &tm);
	strftime(out, len, "%Y-%m-%dT%H:%M:%S", &tm);
}

void
log_error(const char *fmt, ...)
{
	va_list	 ap;
	char	 ts[32];

	stamp(ts, sizeof(ts));
	fprintf(stderr, "%s %s[%d] error: ", ts, log_name, (int)getpid());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}

void
log_request(const char *method, const char *path, int status, double ms)
{
	char	 ts[32];

	stamp(ts, sizeof(ts));
	fprintf(stderr, "%s %s[%d] %s %s %d %.1fms\n", ts, log_name,
	    (int)getpid(), method, path, status, ms);
	fflush(stderr);
}

double
seconds_since(const struct timespec *t0)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}
