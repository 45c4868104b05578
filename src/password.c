/* Argon2id through libsodium's crypto_pwhash_str. */
#include <string.h>

#include <sodium.h>

#include "password.h"

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
