/* intern: distinct strings named by numbers (intern.h). Open addressing,
 * the table kept at most half full, hashed with SipHash under a key of its
 * own: the values come from laptops, and a laptop that could choose values
 * colliding in a known hash could make every lookup walk the whole table. */
#include "office/intern.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static size_t hash(const struct intern *in, const char *s, size_t len)
{
	unsigned char h[crypto_shorthash_BYTES];
	crypto_shorthash(h, (const unsigned char *)s, len, in->key);
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)h[i] << (8 * i);
	return (size_t)v;
}

/* Puts code into the table (sized a power of two). */
static void place(struct intern *in, size_t code)
{
	const char *s = in->s[code];
	size_t at = hash(in, s, strlen(s)) & (in->nslot - 1);
	while (in->slot[at])
		at = (at + 1) & (in->nslot - 1);
	in->slot[at] = code + 1;
}

static void grow_table(struct intern *in)
{
	if (!in->nslot && sodium_init() >= 0)
		randombytes_buf(in->key, sizeof in->key);
	free(in->slot);
	in->nslot = in->nslot ? 2 * in->nslot : 64;
	in->slot = xcalloc(in->nslot, sizeof *in->slot);
	for (size_t c = 0; c < in->n; c++)
		place(in, c);
}

size_t intern_add(struct intern *in, const char *s, size_t len)
{
	if (2 * (in->n + 1) > in->nslot)
		grow_table(in);
	size_t at = hash(in, s, len) & (in->nslot - 1);
	for (; in->slot[at]; at = (at + 1) & (in->nslot - 1)) {
		const char *have = in->s[in->slot[at] - 1];
		if (strncmp(have, s, len) == 0 && have[len] == '\0')
			return in->slot[at] - 1;
	}
	xgrow((void **)&in->s, &in->cap, in->n + 1, sizeof *in->s);
	in->s[in->n] = xstrndup(s, len);
	in->slot[at] = in->n + 1;
	return in->n++;
}

const char *intern_str(const struct intern *in, size_t code)
{
	return in->s[code];
}

/* Codes sorted by their strings. */
struct by_string {
	const char *s;
	size_t code;
};

static int compare_string(const void *a, const void *b)
{
	return strcmp(((const struct by_string *)a)->s, ((const struct by_string *)b)->s);
}

size_t *intern_rank(const struct intern *in)
{
	struct by_string *v = xcalloc(in->n + 1, sizeof *v);
	size_t *rank = xcalloc(in->n + 1, sizeof *rank);
	for (size_t c = 0; c < in->n; c++)
		v[c] = (struct by_string){ in->s[c], c };
	qsort(v, in->n, sizeof *v, compare_string);
	for (size_t r = 0; r < in->n; r++)
		rank[v[r].code] = r;
	free(v);
	return rank;
}

void intern_free(struct intern *in)
{
	for (size_t c = 0; c < in->n; c++)
		free(in->s[c]);
	free(in->s);
	free(in->slot);
	memset(in, 0, sizeof *in);
}
