/* Giving up root: a program started as root serves as an unprivileged
 * user once its socket is open. */
#ifndef JDXX_PRIVILEGE_H
#define JDXX_PRIVILEGE_H

/* Becomes user (its uid, gid and groups) for good. Returns 0, or -1
 * with the reason logged; also -1 when root could be taken back. */
int	privilege_drop(const char *user);

#endif
