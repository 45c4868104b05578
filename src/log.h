/* Logging to stderr: one line per request, and errors. */
#ifndef JDXX_LOG_H
#define JDXX_LOG_H

void	log_set_name(const char *);
void	log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_request(const char *method, const char *path, int status,
	    double ms);

#endif
