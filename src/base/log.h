/* Logging to stderr: one line per request, and errors. */
#ifndef JDXX_LOG_H
#define JDXX_LOG_H

#include <time.h>

void	log_set_name(const char *);
void	log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Seconds on the monotonic clock since t0. */
double	seconds_since(const struct timespec *t0);
void	log_request(const char *method, const char *path, int status,
	    double ms);

#endif
