/* kanon: small cells and complementary suppression (kanon.h). */
#include "office/kanon.h"

#include <stdbool.h>
#include <stdio.h>

enum kanon_state kanon_state_of(long long count, long long k)
{
	return count >= 1 && count < k ? KANON_SMALL : KANON_SHOWN;
}

/* Whether cells i and j lie on one line along dimension d. */
static bool same_line(const int *keys, size_t ndim, size_t i, size_t j, size_t d)
{
	for (size_t e = 0; e < ndim; e++)
		if (e != d && keys[i * ndim + e] != keys[j * ndim + e])
			return false;
	return true;
}

/* The line of cell i along d: if it holds exactly one suppressed cell,
 * suppresses its smallest shown cell above 0 and returns true. */
static bool complete_line(struct kanon_cell *cell, const int *keys, size_t ncell, size_t ndim,
			  size_t i, size_t d)
{
	size_t hidden = 0, pick = ncell;
	for (size_t j = 0; j < ncell; j++) {
		if (!same_line(keys, ndim, i, j, d))
			continue;
		if (cell[j].state != KANON_SHOWN)
			hidden++;
		else if (cell[j].count > 0 && (pick == ncell || cell[j].count < cell[pick].count))
			pick = j;
	}
	if (hidden != 1 || pick == ncell)
		return false;
	cell[pick].state = KANON_COMPLEMENT;
	return true;
}

size_t kanon_suppress(struct kanon_cell *cell, const int *keys, size_t ncell, size_t ndim,
		      long long k)
{
	size_t n = 0;
	for (size_t i = 0; i < ncell; i++)
		cell[i].state = k > 1 ? kanon_state_of(cell[i].count, k) : KANON_SHOWN;
	for (bool changed = k > 1 && ndim > 0; changed;) {
		changed = false;
		for (size_t d = 0; d < ndim; d++)
			for (size_t i = 0; i < ncell; i++)
				if (cell[i].state != KANON_SHOWN &&
				    complete_line(cell, keys, ncell, ndim, i, d))
					changed = true;
	}
	for (size_t i = 0; i < ncell; i++)
		n += cell[i].state != KANON_SHOWN;
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
