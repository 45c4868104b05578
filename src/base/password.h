/* Staff passwords: Argon2id hashes from libsodium, random initial ones. */
#ifndef JDXX_PASSWORD_H
#define JDXX_PASSWORD_H

#include <stddef.h>

#define PASSWORD_RANDOM_LEN	20

/* Fills out with len - 1 random characters from an unambiguous alphabet. */
void	password_random(char *out, size_t len);
/* out must hold crypto_pwhash_STRBYTES. Returns 0 or -1. */
int	password_hash(char *out, const char *password);
/* 1 when password matches the stored hash. */
int	password_verify(const char *hash, const char *password);
/* One of slots places to compute a hash, held by a lock on a file in dir
 * (NULL: this process alone): a descriptor to give back, -1 when every
 * place is taken, so a flood of sign-ins is refused at once rather than
 * holding 64 MiB each. */
int	password_slot_take(const char *dir, int slots);
void	password_slot_give(int);

#endif
