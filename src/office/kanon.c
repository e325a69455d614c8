/* kanon: small cells and complementary suppression (kanon.h). The lines
 * of each dimension are found once (the cells sorted by their key with
 * that dimension left out), and each line keeps its count of hidden
 * cells, so a pass costs O(cells × dimensions) instead of scanning the
 * whole table for every hidden cell. The passes, and the order in which
 * cells are visited, are those of the plain algorithm (for each
 * dimension, every hidden cell in order; a line with exactly one hidden
 * cell gets its smallest shown cell above 0, the first of equal ones,
 * hidden), so the result is the same cell for cell. */
#include "office/kanon.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"

enum kanon_state kanon_state_of(long long count, long long k)
{
	return count >= 1 && count < k ? KANON_SMALL : KANON_SHOWN;
}

/* A cell as sorted into the lines of one dimension. */
struct member {
	const int *key;
	size_t i, ndim, skip;
};

static int compare_member(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	for (size_t e = 0; e < x->ndim; e++)
		if (e != x->skip && x->key[e] != y->key[e])
			return x->key[e] < y->key[e] ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* The lines of every dimension: line[d * ncell + i] is cell i's line
 * along d; the cells of line l of d, in order, are
 * cells[d * ncell + start[d * (ncell + 1) + l] …]. */
struct lines {
	size_t *line, *cells, *start, *hidden;
};

static void find_lines(struct lines *l, const int *keys, size_t ncell, size_t ndim)
{
	struct member *m = xcalloc(ncell, sizeof *m);
	l->line = xcalloc(ncell * ndim, sizeof *l->line);
	l->cells = xcalloc(ncell * ndim, sizeof *l->cells);
	l->start = xcalloc((ncell + 1) * ndim, sizeof *l->start);
	l->hidden = xcalloc((ncell + 1) * ndim, sizeof *l->hidden);
	for (size_t d = 0; d < ndim; d++) {
		for (size_t i = 0; i < ncell; i++)
			m[i] = (struct member){ &keys[i * ndim], i, ndim, d };
		qsort(m, ncell, sizeof *m, compare_member);
		size_t *start = &l->start[d * (ncell + 1)], n = 0;
		for (size_t j = 0; j < ncell; j++) {
			if (j == 0 || compare_member(&(struct member){ m[j].key, 0, ndim, d },
						     &(struct member){ m[j - 1].key, 0, ndim, d }))
				start[n++] = j;
			l->line[d * ncell + m[j].i] = n - 1;
			l->cells[d * ncell + j] = m[j].i;
		}
		start[n] = ncell;
	}
	free(m);
}

static void hide(struct kanon_cell *cell, struct lines *l, size_t ncell, size_t ndim, size_t i,
		 enum kanon_state state)
{
	cell[i].state = state;
	for (size_t d = 0; d < ndim; d++)
		l->hidden[d * (ncell + 1) + l->line[d * ncell + i]]++;
}

/* The line of cell i along d: if it holds exactly one suppressed cell,
 * suppresses its smallest shown cell above 0 and returns true. */
static bool complete_line(struct kanon_cell *cell, struct lines *l, size_t ncell, size_t ndim,
			  size_t i, size_t d)
{
	size_t line = l->line[d * ncell + i];
	if (l->hidden[d * (ncell + 1) + line] != 1)
		return false;
	const size_t *start = &l->start[d * (ncell + 1)], *cells = &l->cells[d * ncell];
	size_t pick = ncell;
	for (size_t j = start[line]; j < start[line + 1]; j++) {
		size_t c = cells[j];
		if (cell[c].state == KANON_SHOWN && cell[c].count > 0 &&
		    (pick == ncell || cell[c].count < cell[pick].count))
			pick = c;
	}
	if (pick == ncell)
		return false;
	hide(cell, l, ncell, ndim, pick, KANON_COMPLEMENT);
	return true;
}

size_t kanon_suppress(struct kanon_cell *cell, const int *keys, size_t ncell, size_t ndim,
		      long long k)
{
	size_t n = 0;
	struct lines l = { NULL, NULL, NULL, NULL };
	bool suppress = k > 1 && ndim > 0 && ncell > 0;
	if (suppress)
		find_lines(&l, keys, ncell, ndim);
	for (size_t i = 0; i < ncell; i++) {
		cell[i].state = KANON_SHOWN;
		if (k > 1 && kanon_state_of(cell[i].count, k) == KANON_SMALL) {
			if (suppress)
				hide(cell, &l, ncell, ndim, i, KANON_SMALL);
			else
				cell[i].state = KANON_SMALL;
		}
	}
	for (bool changed = suppress; changed;) {
		changed = false;
		for (size_t d = 0; d < ndim; d++)
			for (size_t i = 0; i < ncell; i++)
				if (cell[i].state != KANON_SHOWN &&
				    complete_line(cell, &l, ncell, ndim, i, d))
					changed = true;
	}
	for (size_t i = 0; i < ncell; i++)
		n += cell[i].state != KANON_SHOWN;
	free(l.line);
	free(l.cells);
	free(l.start);
	free(l.hidden);
	return n;
}
const char *kanon_show(long long count, enum kanon_state state, long long k, char buf[24])
{
	if (state == KANON_SMALL)
		snprintf(buf, 24, "<%lld", k);
	else if (state == KANON_COMPLEMENT)
		snprintf(buf, 24, "*");
	else
		snprintf(buf, 24, "%lld", count);
	return buf;
}
