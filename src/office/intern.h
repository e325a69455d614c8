/* intern: a set of distinct strings, each named by a small number (its
 * code, in the order the strings were first added), so that the office's
 * counting compares numbers, not strings (stats.c, publish.c). A hash
 * table finds a string's code; intern_rank gives the codes' order by
 * strcmp, for output sorted as the strings would be.
 *
 * A struct intern owns copies of its strings: intern_free. Pointers from
 * intern_str are borrowed, valid until intern_free. */
#ifndef TIPSCREEN_INTERN_H
#define TIPSCREEN_INTERN_H

#include <sodium.h>
#include <stddef.h>

/* Zeroed ({ 0 }) is empty. */
struct intern {
	char **s;	/* s[code] */
	size_t n, cap;
	size_t *slot;	/* the hash table: code + 1, 0 for empty */
	size_t nslot;
	unsigned char key[crypto_shorthash_KEYBYTES];	/* random, at the first add */
};

/* The code of the first len bytes of s (no NUL among them), added if new. */
size_t intern_add(struct intern *in, const char *s, size_t len);
/* The string of code (borrowed). */
const char *intern_str(const struct intern *in, size_t code);
/* rank[code], a new array (caller frees): the position of the code's string
 * among all of in's strings sorted by strcmp. */
size_t *intern_rank(const struct intern *in);
void intern_free(struct intern *in);

#endif
