/* Pre-forked workers under a supervising master. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "base/stop.h"
#include "web/prefork.h"

/* Sanitizer builds check each worker for leaks when it ends. */
#if defined(__SANITIZE_ADDRESS__)
#define PREFORK_LEAK_CHECK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PREFORK_LEAK_CHECK 1
#endif
#endif
#ifdef PREFORK_LEAK_CHECK
#include <sanitizer/lsan_interface.h>
#endif

#define MAX_WORKERS	256
#define STOP_GRACE_SEC	10

static volatile sig_atomic_t	 master_stop;
static volatile sig_atomic_t	 worker_busy;

/* A worker's end: _exit, as the master's state is not the worker's to
 * clean up; first a leak report in a sanitizer build. */
static _Noreturn void
worker_exit(int code)
{
#ifdef PREFORK_LEAK_CHECK
	__lsan_do_leak_check();
#endif
	_exit(code);
}

static void
on_master_signal(int sig)
{
	(void)sig;
	master_stop = 1;
}

/* Idle workers leave at once; busy ones finish their request first. */
static void
on_worker_signal(int sig)
{
	(void)sig;
	if (!worker_busy)
		worker_exit(0);
	stop_request();
}

void
prefork_set_busy(int busy)
{
	worker_busy = busy;
	if (!busy && stop_requested())
		worker_exit(0);
}

static void
set_handler(int sig, void (*fn)(int))
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static pid_t
spawn(int (*worker)(void *), void *ctx)
{
	pid_t	 pid;

	if ((pid = fork()) != 0)
		return pid;
	set_handler(SIGTERM, on_worker_signal);
	set_handler(SIGINT, SIG_IGN);
	set_handler(SIGHUP, SIG_IGN);
	worker_exit(worker(ctx));
}

int
prefork_run(int n, int (*worker)(void *), void *ctx)
{
	pid_t		 kids[MAX_WORKERS];
	time_t		 deaths_since = time(NULL);
	int		 i, status, alive, deaths = 0;
	pid_t		 pid;

	if (n < 1 || n > MAX_WORKERS)
		return 1;
	set_handler(SIGTERM, on_master_signal);
	set_handler(SIGINT, on_master_signal);
	set_handler(SIGPIPE, SIG_IGN);
	for (i = 0; i < n; i++)
		if ((kids[i] = spawn(worker, ctx)) == -1)
			log_error("fork: %s", strerror(errno));
	while (!master_stop) {
		pid = waitpid(-1, &status, 0);
		if (pid == -1) {
			if (errno != EINTR)
				sleep(1);
			continue;
		}
		for (i = 0; i < n && kids[i] != pid; i++)
			continue;
		if (i == n || master_stop)
			continue;
		log_error("worker %d ended (status %d), starting another",
		    (int)pid, status);
		/* A worker that keeps dying must not become a fork storm. */
		if (time(NULL) - deaths_since > 10) {
			deaths_since = time(NULL);
			deaths = 0;
		}
		if (++deaths > 2 * n)
			sleep(1);
		kids[i] = spawn(worker, ctx);
	}
	for (i = 0; i < n; i++)
		if (kids[i] > 0)
			kill(kids[i], SIGTERM);
	for (i = 0; i < STOP_GRACE_SEC * 10; i++) {
		for (alive = 0, pid = 0; pid != -1;) {
			pid = waitpid(-1, &status, WNOHANG);
			if (pid == 0) {
				alive = 1;
				break;
			}
		}
		if (!alive)
			return 0;
		usleep(100000);
	}
	log_error("workers did not stop in %d s; killing them",
	    STOP_GRACE_SEC);
	for (i = 0; i < n; i++)
		if (kids[i] > 0)
			kill(kids[i], SIGKILL);
	while (waitpid(-1, &status, 0) > 0)
		continue;
	return 0;
}
