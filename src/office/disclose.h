/* disclose: whether published counts give away a hidden one by adding and
 * subtracting (DESIGN §12, version 2: "publication that cannot be
 * differenced"). The unknowns are the counts of the data's profiles (each
 * distinct combination of the values of every field any table counts by;
 * a profile that does not occur is known to be 0, the most an outsider
 * could know). Every number a table shows is a sum of profile counts with
 * integer coefficients (a case with two forms counts under each: a
 * coefficient 2 in a total); a small count (1 to k-1, shown "<k") is
 * given away when its coefficients are a linear combination of those of
 * the shown numbers. (A complement given away gives nothing: it was
 * hidden only to protect a small one.)
 * That is decided exactly, by fraction-free Gaussian elimination over the
 * integers (each row divided by the gcd of its entries), on sparse rows:
 * its cost is the fill the rows make, near-linear in the cells for tables
 * whose cells are disjoint sums of profiles (disclose.c); at worst
 * (many overlapping tables over one set of profiles) rows × profiles per
 * count checked.
 *
 * disclose_protect hides more of the newest table (its smallest shown
 * count, then its total) until no hidden count of it or of any earlier
 * table over the same data is given away. A pure module: the caller owns
 * every array. */
#ifndef TIPSCREEN_DISCLOSE_H
#define TIPSCREEN_DISCLOSE_H

#include <stdbool.h>
#include <stddef.h>

#include "office/kanon.h"

/* One published table over nprof profiles. A cell's coefficients are
 * either dense (coef) or, when coef is NULL, sparse: cell i's non-zero
 * ones are val[j] for profile col[j], j from start[i] to start[i + 1]. */
struct disclose_table {
	size_t ncell;
	long long *coef;		/* ncell * nprof: cell i's coefficients, or NULL */
	struct kanon_cell *cell;	/* counts and states (kanon_suppress) */
	long long *tcoef;		/* nprof: the total's coefficients */
	bool total_hidden;
	const size_t *start, *col;	/* sparse, when coef is NULL */
	const long long *val;
};

/* Hides cells of t (KANON_COMPLEMENT, smallest count first), then its
 * total, until no small count is determined by the shown cells and
 * totals of earlier[0..n) and t: no small cell of any of them, and no
 * profile whose count pcount[p] is 1 to k-1 (a cell of the finest table
 * the fields counted so far make: two coarse tables must not give away a
 * count that a finer one would hide; pcount NULL: tables' cells only).
 * Returns how many it hid (the total counts as one). */
size_t disclose_protect(const struct disclose_table *earlier, size_t n, struct disclose_table *t,
			size_t nprof, const long long *pcount, long long k);

/* Whether a small count is determined: the first found, as (table, cell)
 * with table n for t (t may be NULL), or (n + 1, profile); false if none. */
bool disclose_leak(const struct disclose_table *earlier, size_t n, const struct disclose_table *t,
		   size_t nprof, const long long *pcount, long long k, size_t *table, size_t *cell);

#endif
