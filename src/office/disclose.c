/* disclose: hidden counts that adding and subtracting would give away
 * (disclose.h). */
#include "office/disclose.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/* The shown sums, in echelon form: row r has its first non-zero entry at
 * pivot[r], and every later row is zero there. */
struct span {
	size_t nvar, n;
	long long *row;		/* n * nvar */
	size_t *pivot;
};

static long long gcd(long long a, long long b)
{
	a = a < 0 ? -a : a;
	b = b < 0 ? -b : b;
	while (b) {
		long long t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Divides v by the gcd of its entries (exact: no fraction is ever made). */
static void normalise(long long *v, size_t n)
{
	long long g = 0;
	for (size_t i = 0; i < n; i++)
		g = gcd(g, v[i]);
	if (g > 1)
		for (size_t i = 0; i < n; i++)
			v[i] /= g;
}

/* Eliminates every pivot of s from v: afterwards v is zero exactly when
 * it was in the span. */
static void reduce(const struct span *s, long long *v)
{
	for (size_t r = 0; r < s->n; r++) {
		size_t p = s->pivot[r];
		const long long *row = &s->row[r * s->nvar];
		if (!v[p])
			continue;
		long long a = row[p], b = v[p], g = gcd(a, b);
		a /= g;
		b /= g;
		for (size_t i = 0; i < s->nvar; i++)
			v[i] = v[i] * a - row[i] * b;
		normalise(v, s->nvar);
	}
}

static bool zero(const long long *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i])
			return false;
	return true;
}

static void span_add(struct span *s, const long long *coef)
{
	long long *v = xmalloc((s->nvar ? s->nvar : 1) * sizeof *v);
	memcpy(v, coef, s->nvar * sizeof *v);
	reduce(s, v);
	size_t p = 0;
	while (p < s->nvar && !v[p])
		p++;
	if (p < s->nvar) {
		s->row = xrealloc(s->row, (s->n + 1) * s->nvar * sizeof *s->row);
		s->pivot = xrealloc(s->pivot, (s->n + 1) * sizeof *s->pivot);
		memcpy(&s->row[s->n * s->nvar], v, s->nvar * sizeof *v);
		s->pivot[s->n++] = p;
	}
	free(v);
}

static bool span_has(const struct span *s, const long long *coef)
{
	long long *v = xmalloc((s->nvar ? s->nvar : 1) * sizeof *v);
	memcpy(v, coef, s->nvar * sizeof *v);
	reduce(s, v);
	bool in = zero(v, s->nvar);
	free(v);
	return in;
}

static void add_shown(struct span *s, const struct disclose_table *t)
{
	for (size_t i = 0; i < t->ncell; i++)
		if (t->cell[i].state == KANON_SHOWN)
			span_add(s, &t->coef[i * s->nvar]);
	if (!t->total_hidden)
		span_add(s, t->tcoef);
}

/* The first small cell (a count below k, "<k") of t in the span, or
 * ncell. A complement being determined gives nothing away: it was hidden
 * only to protect a small one (and may be shown by another table). */
static size_t first_given_away(const struct span *s, const struct disclose_table *t)
{
	for (size_t i = 0; i < t->ncell; i++)
		if (t->cell[i].state == KANON_SMALL && span_has(s, &t->coef[i * s->nvar]))
			return i;
	return t->ncell;
}

/* The first profile whose count is small and in the span, or nprof. */
static size_t first_profile_given_away(const struct span *s, const long long *pcount, long long k)
{
	long long *e = xcalloc(s->nvar ? s->nvar : 1, sizeof *e);
	size_t p = 0;
	for (; p < s->nvar; p++) {
		if (pcount[p] < 1 || pcount[p] >= k)
			continue;
		e[p] = 1;
		bool in = span_has(s, e);
		e[p] = 0;
		if (in)
			break;
	}
	free(e);
	return p;
}

bool disclose_leak(const struct disclose_table *earlier, size_t n, const struct disclose_table *t,
		   size_t nprof, const long long *pcount, long long k, size_t *table, size_t *cell)
{
	struct span s = { nprof, 0, NULL, NULL };
	for (size_t i = 0; i < n; i++)
		add_shown(&s, &earlier[i]);
	if (t)
		add_shown(&s, t);
	size_t p = pcount ? first_profile_given_away(&s, pcount, k) : nprof;
	bool leak = p < nprof;
	if (leak) {
		*table = n + 1;
		*cell = p;
	}
	for (size_t i = 0; i <= n && !leak; i++) {
		const struct disclose_table *x = i < n ? &earlier[i] : t;
		if (!x)
			break;
		size_t c = first_given_away(&s, x);
		if (c < x->ncell) {
			*table = i;
			*cell = c;
			leak = true;
		}
	}
	free(s.row);
	free(s.pivot);
	return leak;
}

/* t's smallest shown cell above 0, or ncell. */
static size_t smallest_shown(const struct disclose_table *t)
{
	size_t pick = t->ncell;
	for (size_t i = 0; i < t->ncell; i++)
		if (t->cell[i].state == KANON_SHOWN && t->cell[i].count > 0 &&
		    (pick == t->ncell || t->cell[i].count < t->cell[pick].count))
			pick = i;
	return pick;
}

size_t disclose_protect(const struct disclose_table *earlier, size_t n, struct disclose_table *t,
			size_t nprof, const long long *pcount, long long k)
{
	size_t added = 0, table, cell;
	while (disclose_leak(earlier, n, t, nprof, pcount, k, &table, &cell)) {
		size_t pick = smallest_shown(t);
		if (pick < t->ncell) {
			t->cell[pick].state = KANON_COMPLEMENT;
		} else if (!t->total_hidden) {
			t->total_hidden = true;
		} else {
			break;	/* t shows nothing: the earlier tables alone, checked when published */
		}
		added++;
	}
	return added;
}
