/* A master process that keeps a fixed number of worker processes alive
 * on one listening socket and stops them on SIGTERM or SIGINT. */
#ifndef JDXX_PREFORK_H
#define JDXX_PREFORK_H

/* Forks n workers running worker(ctx) and replaces any that die.
 * Returns when asked to stop, after every worker has ended. */
int	prefork_run(int n, int (*worker)(void *), void *ctx);

/* In a worker: mark the time between accepting a request and finishing
 * it, so a stop signal waits for the request instead of cutting it; a
 * stop that arrived during a request is told by stop_requested
 * (base/stop.h). */
void	prefork_set_busy(int);

#endif
