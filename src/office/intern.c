/* intern: distinct strings named by numbers (intern.h). Open addressing,
 * FNV-1a, the table kept at most half full. */
#include "office/intern.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static uint64_t hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

/* Puts code into the table (sized a power of two). */
static void place(struct intern *in, size_t code)
{
	const char *s = in->s[code];
	size_t at = hash(s, strlen(s)) & (in->nslot - 1);
	while (in->slot[at])
		at = (at + 1) & (in->nslot - 1);
	in->slot[at] = code + 1;
}

static void grow_table(struct intern *in)
{
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
	size_t at = hash(s, len) & (in->nslot - 1);
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
