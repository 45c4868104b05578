/* Dropping root for good: groups first, then gid, then uid. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include "base/log.h"
#include "base/privilege.h"

int
privilege_drop(const char *user)
{
	struct passwd	*pw;

	errno = 0;
	if ((pw = getpwnam(user)) == NULL) {
		log_error("user %s: %s", user,
		    errno != 0 ? strerror(errno) : "no such user");
		return -1;
	}
	if (pw->pw_uid == 0) {
		log_error("user %s is root", user);
		return -1;
	}
	if (initgroups(pw->pw_name, pw->pw_gid) == -1 ||
	    setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) == -1 ||
	    setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) == -1) {
		log_error("cannot become %s: %s", user, strerror(errno));
		return -1;
	}
	/* A drop that can be undone is no drop. */
	if (setuid(0) == 0 || geteuid() == 0) {
		log_error("could take root back after becoming %s", user);
		return -1;
	}
	return 0;
}
