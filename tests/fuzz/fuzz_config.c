/* libFuzzer harness for the configuration reader: the input is written
 * to a file (in memory) and read with config_load, as the programs do
 * at start.
 * Aborts when an accepted configuration breaks what config.h promises;
 * a refused one must leave nothing allocated (the leak check sees it). */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "web/config.h"
#include "fuzz.h"

static char	 path[64];
static int	 fd = -1;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config	 c;

	if (fd == -1) {
		if ((fd = memfd_create("jdxx.hdf", 0)) == -1)
			abort();
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) == -1 ||
	    pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	memset(&c, 0, sizeof(c));
	if (config_load(&c, path) == 0) {
		MUST(c.hdf != NULL && c.db.nservers > 0 &&
		    c.db.user != NULL);
		MUST(strlen(c.secret) >= 32);
		MUST(c.accept_days >= 1 && c.accept_days <= 60);
		MUST(c.resolve_days >= 1 && c.resolve_days <= 120);
		MUST(c.workers >= 1 && c.workers <= 256);
		MUST(c.templates != NULL && c.site_name != NULL &&
		    c.timezone != NULL && c.asset_version != NULL);
		config_free(&c);
	} else
		MUST(c.hdf == NULL);
	return 0;
}
