/* The stop flag, one per process: set from a signal handler, so a
 * volatile sig_atomic_t and nothing else. */
#include <signal.h>

#include "base/stop.h"

static volatile sig_atomic_t	 stop_asked;

void
stop_request(void)
{
	stop_asked = 1;
}

int
stop_requested(void)
{
	return stop_asked;
}
