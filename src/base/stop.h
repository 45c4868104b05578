/* Whether this process was asked to stop: the worker's signal handler
 * (web/prefork.c) says so when a stop arrives in the middle of a request,
 * and long work (an import, a sweep of search rows) asks, so that it
 * gives up early instead of holding the stop back. */
#ifndef JDXX_STOP_H
#define JDXX_STOP_H

/* Marks the stop; safe to call from a signal handler. */
void	stop_request(void);
/* True once stop_request was called. */
int	stop_requested(void);

#endif
