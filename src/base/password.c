/* Argon2id through libsodium's crypto_pwhash_str. */
#include <sys/file.h>

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "base/password.h"

void
password_random(char *out, size_t len)
{
	/* No 0/O, 1/l/I: the password may be read aloud or copied by hand. */
	static const char alphabet[] =
	    "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	size_t	 i;

	for (i = 0; i + 1 < len; i++)
		out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	out[len - 1] = '\0';
}

int
password_hash(char *out, const char *password)
{
	return crypto_pwhash_str(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

int
password_verify(const char *hash, const char *password)
{
	return crypto_pwhash_str_verify(hash, password,
	    strlen(password)) == 0;
}

int
password_slot_take(const char *dir, int slots)
{
	char	 path[4096];
	int	 i, fd;

	/* Without a shared directory a worker computes one hash at a time. */
	if (dir == NULL)
		return open("/dev/null", O_RDONLY | O_CLOEXEC);
	for (i = 0; i < slots; i++) {
		snprintf(path, sizeof(path), "%s/hash-slot-%d", dir, i);
		if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1)
			return -1;
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return fd;
		close(fd);
	}
	return -1;
}

void
password_slot_give(int fd)
{
	/* Closing the file releases its lock. */
	if (fd != -1)
		close(fd);
}
