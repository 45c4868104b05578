/* UTF-8 checks for everything that arrives from outside. */
#ifndef JDXX_UTF8_H
#define JDXX_UTF8_H

#include <stddef.h>

/* Returns 1 when s[0..len) is well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF, no NUL), else 0. */
int	utf8_valid(const char *s, size_t len);
/* Number of code points in valid UTF-8. */
size_t	utf8_chars(const char *s, size_t len);
/* Returns 1 when s holds a C0 control other than tab, CR or LF, or DEL. */
int	utf8_has_controls(const char *s, size_t len, int allow_newlines);

#endif
