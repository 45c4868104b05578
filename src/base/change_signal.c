/* The change signal: eight bytes shared through mmap. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/change_signal.h"
#include "base/log.h"

static unsigned long long	*counter;

int
change_signal_open(const char *path)
{
	struct stat	 st;
	void		*p;
	int		 fd;

	change_signal_close();
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1) {
		log_error("change signal %s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || (st.st_size < (off_t)sizeof(*counter) &&
	    ftruncate(fd, sizeof(*counter)) == -1)) {
		log_error("change signal %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	p = mmap(NULL, sizeof(*counter), PROT_READ | PROT_WRITE, MAP_SHARED,
	    fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		log_error("change signal %s: %s", path, strerror(errno));
		return -1;
	}
	counter = p;
	return 0;
}

void
change_signal_close(void)
{
	if (counter != NULL)
		munmap(counter, sizeof(*counter));
	counter = NULL;
}

void
change_signal_bump(void)
{
	if (counter != NULL)
		__atomic_add_fetch(counter, 1, __ATOMIC_SEQ_CST);
}

unsigned long long
change_signal_read(void)
{
	return counter != NULL ? __atomic_load_n(counter, __ATOMIC_SEQ_CST) :
	    0;
}
