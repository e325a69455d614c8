/* kanon: small-cell suppression of a table of counts (DESIGN §12), as the
 * Counter Trafficking Data Collaborative publishes (k = 11) and the CMS
 * cell-size rule asks: a count of 1 to k-1 is not shown ("<k"), 0 is, and
 * no suppressed count may be derived from the totals.
 *
 * The table has ncell cells over ndim dimensions; keys[i * ndim + d] is
 * cell i's value (any int code) in dimension d. Every line of the table
 * (the cells that agree on all dimensions but one) is taken to have a
 * known total (the marginal, which a table by fewer fields publishes), so
 * a line with exactly one suppressed cell gets a second one suppressed
 * (complementary: its smallest shown cell above 0), again until no line
 * has exactly one. A pure module: the caller owns the arrays. */
#ifndef TIPSCREEN_KANON_H
#define TIPSCREEN_KANON_H

#include <stddef.h>

enum kanon_state { KANON_SHOWN, KANON_SMALL, KANON_COMPLEMENT };

struct kanon_cell {
	long long count;
	enum kanon_state state;	/* set by kanon_suppress */
};

/* Sets every cell's state for k (k <= 1: everything shown). Returns how
 * many cells are suppressed. */
size_t kanon_suppress(struct kanon_cell *cell, const int *keys, size_t ncell, size_t ndim,
		      long long k);

/* What to print for a count of this state: the number, "<k" for a small
 * one, "*" for a complementary one, into buf (24 bytes). */
const char *kanon_show(long long count, enum kanon_state state, long long k, char buf[24]);

/* The state of a lone count (a total): small if 1..k-1. */
enum kanon_state kanon_state_of(long long count, long long k);

#endif
