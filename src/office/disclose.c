/* disclose: hidden counts that adding and subtracting would give away
 * (disclose.h).
 *
 * The shown sums are kept in echelon form as sparse rows (a cell of a
 * table by several fields touches few profiles; only totals are dense),
 * and a vector is reduced against them through a heap of the rows whose
 * pivot it touches, so a reduction costs what the rows it meets hold, not
 * rows × profiles. disclose_protect adds the newest table's shown cells
 * last, largest first: the cell it would hide next is then the last row
 * added, and hiding it is dropping that row (the echelon form of the
 * first r sums does not depend on the later ones). Only the counts found
 * given away are checked again after each cell hidden (a span that
 * shrinks gives away nothing new). Exact: integers, never fractions; a
 * product that would overflow makes every small count count as given
 * away (more is hidden, never less). */
#include "office/disclose.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/* A sparse vector or row: n entries (col, val). */
struct svec {
	size_t n, cap;
	size_t *col;
	long long *val;
};

static void svec_push(struct svec *v, size_t col, long long val)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 8;
		v->col = xrealloc(v->col, v->cap * sizeof *v->col);
		v->val = xrealloc(v->val, v->cap * sizeof *v->val);
	}
	v->col[v->n] = col;
	v->val[v->n++] = val;
}

static void svec_free(struct svec *v)
{
	free(v->col);
	free(v->val);
	memset(v, 0, sizeof *v);
}

/* The shown sums in echelon form: row r has a non-zero entry at pivot[r]
 * and every later row is zero there; owner[col] is 1 + the row whose
 * pivot col is, or 0. acc, on, touched and heap are a reduction's
 * workspace (acc and on all zero between reductions). */
struct span {
	size_t nvar, n, cap;
	struct svec *row;
	size_t *pivot, *owner;
	bool overflow;
	long long *acc;
	unsigned char *on;
	size_t *touched, ntouched;
	size_t *heap, nheap, heapcap;
};

static void span_init(struct span *s, size_t nvar)
{
	memset(s, 0, sizeof *s);
	s->nvar = nvar;
	s->owner = xcalloc(nvar + 1, sizeof *s->owner);
	s->acc = xcalloc(nvar + 1, sizeof *s->acc);
	s->on = xcalloc(nvar + 1, 1);
	s->touched = xcalloc(nvar + 1, sizeof *s->touched);
}

static void span_free(struct span *s)
{
	for (size_t r = 0; r < s->n; r++)
		svec_free(&s->row[r]);
	free(s->row);
	free(s->pivot);
	free(s->owner);
	free(s->acc);
	free(s->on);
	free(s->touched);
	free(s->heap);
}

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

static void heap_push(struct span *s, size_t r)
{
	if (s->nheap == s->heapcap) {
		s->heapcap = s->heapcap ? 2 * s->heapcap : 64;
		s->heap = xrealloc(s->heap, s->heapcap * sizeof *s->heap);
	}
	size_t i = s->nheap++;
	for (; i > 0 && s->heap[(i - 1) / 2] > r; i = (i - 1) / 2)
		s->heap[i] = s->heap[(i - 1) / 2];
	s->heap[i] = r;
}

static size_t heap_pop(struct span *s)
{
	size_t top = s->heap[0], last = s->heap[--s->nheap], i = 0;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= s->nheap)
			break;
		if (c + 1 < s->nheap && s->heap[c + 1] < s->heap[c])
			c++;
		if (s->heap[c] >= last)
			break;
		s->heap[i] = s->heap[c];
		i = c;
	}
	if (s->nheap)
		s->heap[i] = last;
	return top;
}

static void touch(struct span *s, size_t col)
{
	if (!s->on[col]) {
		s->on[col] = 1;
		s->touched[s->ntouched++] = col;
	}
}

/* Multiplies the workspace by a and divides it by the gcd of its entries
 * (exact: no fraction is ever made). */
static void scale(struct span *s, long long a)
{
	long long g = 0;
	for (size_t i = 0; i < s->ntouched; i++) {
		long long *x = &s->acc[s->touched[i]];
		if (a != 1 && __builtin_mul_overflow(*x, a, x))
			s->overflow = true;
		g = gcd(g, *x);
	}
	if (g > 1)
		for (size_t i = 0; i < s->ntouched; i++)
			s->acc[s->touched[i]] /= g;
}

/* Loads v into the workspace and eliminates every pivot of s from it, in
 * the order of the rows: afterwards it is zero exactly when v was in the
 * span. */
static void reduce(struct span *s, const struct svec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		touch(s, v->col[i]);
		s->acc[v->col[i]] += v->val[i];
		if (s->owner[v->col[i]])
			heap_push(s, s->owner[v->col[i]] - 1);
	}
	for (size_t last = (size_t)-1; s->nheap;) {
		size_t r = heap_pop(s);
		if (r == last)
			continue;
		last = r;
		const struct svec *row = &s->row[r];
		size_t p = s->pivot[r];
		if (!s->acc[p])
			continue;
		long long a = 0;
		for (size_t i = 0; i < row->n && !a; i++)
			a = row->col[i] == p ? row->val[i] : 0;
		long long b = s->acc[p], g = gcd(a, b);
		a /= g;
		b /= g;
		if (a < 0) {
			a = -a;
			b = -b;
		}
		if (a != 1)
			scale(s, a);
		for (size_t i = 0; i < row->n; i++) {
			size_t c = row->col[i];
			long long d;
			touch(s, c);
			if (__builtin_mul_overflow(row->val[i], b, &d) ||
			    __builtin_sub_overflow(s->acc[c], d, &s->acc[c]))
				s->overflow = true;
			if (s->acc[c] && s->owner[c] && s->owner[c] - 1 > r)
				heap_push(s, s->owner[c] - 1);
		}
		s->acc[p] = 0;
	}
}

static void clear(struct span *s)
{
	for (size_t i = 0; i < s->ntouched; i++) {
		s->acc[s->touched[i]] = 0;
		s->on[s->touched[i]] = 0;
	}
	s->ntouched = 0;
}

static void span_add(struct span *s, const struct svec *v)
{
	reduce(s, v);
	struct svec row = { 0 };
	size_t p = s->nvar;
	long long g = 0;
	for (size_t i = 0; i < s->ntouched; i++) {
		size_t c = s->touched[i];
		long long x = s->acc[c];
		if (!x)
			continue;
		g = gcd(g, x);
		svec_push(&row, c, x);
		/* The pivot: the smallest entry (a 1 keeps later reductions
		 * from multiplying), the first column of equal ones. */
		long long ax = x < 0 ? -x : x, ap = p < s->nvar ? s->acc[p] : 0;
		ap = ap < 0 ? -ap : ap;
		if (p == s->nvar || ax < ap || (ax == ap && c < p))
			p = c;
	}
	clear(s);
	if (p == s->nvar)
		return;
	for (size_t i = 0; g > 1 && i < row.n; i++)
		row.val[i] /= g;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->row = xrealloc(s->row, s->cap * sizeof *s->row);
		s->pivot = xrealloc(s->pivot, s->cap * sizeof *s->pivot);
	}
	s->row[s->n] = row;
	s->pivot[s->n] = p;
	s->owner[p] = ++s->n;
}

/* Drops the rows added after the first n. */
static void span_truncate(struct span *s, size_t n)
{
	while (s->n > n) {
		s->n--;
		s->owner[s->pivot[s->n]] = 0;
		svec_free(&s->row[s->n]);
	}
}

static bool span_has(struct span *s, const struct svec *v)
{
	reduce(s, v);
	bool in = true;
	for (size_t i = 0; i < s->ntouched && in; i++)
		in = s->acc[s->touched[i]] == 0;
	clear(s);
	return in || s->overflow;
}

/* Cell i of t (i == ncell: its total) as a sparse vector, into v. */
static void vec_of(const struct disclose_table *t, size_t i, size_t nprof, struct svec *v)
{
	v->n = 0;
	if (i < t->ncell && !t->coef) {
		for (size_t j = t->start[i]; j < t->start[i + 1]; j++)
			if (t->val[j])
				svec_push(v, t->col[j], t->val[j]);
		return;
	}
	const long long *c = i < t->ncell ? &t->coef[i * nprof] : t->tcoef;
	for (size_t p = 0; p < nprof; p++)
		if (c[p])
			svec_push(v, p, c[p]);
}

static void add_cell(struct span *s, const struct disclose_table *t, size_t i, struct svec *v)
{
	vec_of(t, i, s->nvar, v);
	span_add(s, v);
}

static void add_shown(struct span *s, const struct disclose_table *t, struct svec *v)
{
	for (size_t i = 0; i < t->ncell; i++)
		if (t->cell[i].state == KANON_SHOWN)
			add_cell(s, t, i, v);
	if (!t->total_hidden)
		add_cell(s, t, t->ncell, v);
}

static bool cell_given_away(struct span *s, const struct disclose_table *t, size_t i, struct svec *v)
{
	vec_of(t, i, s->nvar, v);
	return span_has(s, v);
}

static bool profile_given_away(struct span *s, size_t p, struct svec *v)
{
	v->n = 0;
	svec_push(v, p, 1);
	return span_has(s, v);
}

static bool small(const long long *pcount, size_t p, long long k)
{
	return pcount && pcount[p] >= 1 && pcount[p] < k;
}

bool disclose_leak(const struct disclose_table *earlier, size_t n, const struct disclose_table *t,
		   size_t nprof, const long long *pcount, long long k, size_t *table, size_t *cell)
{
	struct span s;
	struct svec v = { 0 };
	span_init(&s, nprof);
	for (size_t i = 0; i < n; i++)
		add_shown(&s, &earlier[i], &v);
	if (t)
		add_shown(&s, t, &v);
	bool leak = false;
	for (size_t p = 0; p < nprof && !leak; p++)
		if (small(pcount, p, k) && profile_given_away(&s, p, &v)) {
			*table = n + 1;
			*cell = p;
			leak = true;
		}
	for (size_t i = 0; i <= n && !leak; i++) {
		const struct disclose_table *x = i < n ? &earlier[i] : t;
		if (!x)
			break;
		for (size_t c = 0; c < x->ncell && !leak; c++)
			if (x->cell[c].state == KANON_SMALL && cell_given_away(&s, x, c, &v)) {
				*table = i;
				*cell = c;
				leak = true;
			}
	}
	svec_free(&v);
	span_free(&s);
	return leak;
}

/* A count found given away: a profile (table SIZE_MAX) or a small cell. */
struct found {
	size_t table, cell;
};

/* Orders t's shown cells above 0 by count, largest first, and of equal
 * counts the later cell first: the order in which they are added, so
 * that the last is the one disclose_protect hides next. */
struct order {
	const struct disclose_table *t;
	size_t i;
};

static int compare_order(const void *a, const void *b)
{
	const struct order *x = a, *y = b;
	long long cx = x->t->cell[x->i].count, cy = y->t->cell[y->i].count;
	if (cx != cy)
		return cx > cy ? -1 : 1;
	return (x->i < y->i) - (x->i > y->i);
}

static bool still_given_away(struct span *s, const struct disclose_table *earlier, size_t n,
			     const struct disclose_table *t, struct found f, struct svec *v)
{
	if (f.table == SIZE_MAX)
		return profile_given_away(s, f.cell, v);
	return cell_given_away(s, f.table < n ? &earlier[f.table] : t, f.cell, v);
}

size_t disclose_protect(const struct disclose_table *earlier, size_t n, struct disclose_table *t,
			size_t nprof, const long long *pcount, long long k)
{
	struct span s;
	struct svec v = { 0 };
	span_init(&s, nprof);
	for (size_t i = 0; i < n; i++)
		add_shown(&s, &earlier[i], &v);
	struct order *o = xcalloc(t->ncell + 1, sizeof *o);
	size_t no = 0;
	for (size_t i = 0; i < t->ncell; i++) {
		if (t->cell[i].state != KANON_SHOWN)
			continue;
		if (t->cell[i].count > 0)
			o[no++] = (struct order){ t, i };
		else
			add_cell(&s, t, i, &v);
	}
	qsort(o, no, sizeof *o, compare_order);
	/* rows[j]: the span's size before the j-th of: the total, o[0…]. */
	size_t *rows = xcalloc(no + 2, sizeof *rows), nrows = 0;
	bool has_total = !t->total_hidden;
	if (has_total) {
		rows[nrows++] = s.n;
		add_cell(&s, t, t->ncell, &v);
	}
	for (size_t j = 0; j < no; j++) {
		rows[nrows++] = s.n;
		add_cell(&s, t, o[j].i, &v);
	}
	struct found *f = NULL;
	size_t nf = 0, cap = 0;
	for (size_t p = 0; p < nprof; p++)
		if (small(pcount, p, k) && profile_given_away(&s, p, &v)) {
			xgrow((void **)&f, &cap, nf + 1, sizeof *f);
			f[nf++] = (struct found){ SIZE_MAX, p };
		}
	for (size_t i = 0; i <= n; i++) {
		const struct disclose_table *x = i < n ? &earlier[i] : t;
		for (size_t c = 0; c < x->ncell; c++)
			if (x->cell[c].state == KANON_SMALL && cell_given_away(&s, x, c, &v)) {
				xgrow((void **)&f, &cap, nf + 1, sizeof *f);
				f[nf++] = (struct found){ i, c };
			}
	}
	size_t added = 0;
	while (nf && nrows) {
		nrows--;
		if (has_total && nrows == 0)
			t->total_hidden = true;
		else
			t->cell[o[nrows - has_total].i].state = KANON_COMPLEMENT;
		added++;
		span_truncate(&s, rows[nrows]);
		size_t keep = 0;
		for (size_t j = 0; j < nf; j++)
			if (still_given_away(&s, earlier, n, t, f[j], &v))
				f[keep++] = f[j];
		nf = keep;
	}
	free(f);
	free(rows);
	free(o);
	svec_free(&v);
	span_free(&s);
	return added;
}
