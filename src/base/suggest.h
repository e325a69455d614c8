/* suggest: "did you mean" for near-miss names in diagnostics. */
#ifndef TIPSCREEN_SUGGEST_H
#define TIPSCREEN_SUGGEST_H

#include <stddef.h>

/* Edit distance (Levenshtein, in bytes) between a and b, stopping early
 * once it is known to exceed limit (then limit + 1 is returned). */
size_t suggest_distance(const char *a, const char *b, size_t limit);

/* The candidate nearest to name when it is close enough to be a likely
 * typo (at most a third of the name's length, at least 2), borrowed from
 * cands; NULL if none is. */
const char *suggest_nearest(const char *name, const char *const *cands, size_t n);

#endif
