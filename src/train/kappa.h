/* kappa: agreement beyond chance, for the class report (DESIGN §10).
 *
 * Cohen's kappa: two raters (a trainee and the key) over n items, each
 * rating a category 0..k-1. Fleiss' kappa: N subjects (the questions of a
 * scenario), each rated by the same number of raters (the trainees), given
 * as a table of counts[i*k + j]: how many raters put subject i in category
 * j; and per subject, the share of pairs of raters that agree (P_i), which
 * shows the questions a class reads differently.
 *
 * Both return NAN where kappa is undefined (no items, one rater, or every
 * rating in one category: agreement by chance is then 1). Pure functions:
 * the caller owns every array. */
#ifndef TIPSCREEN_KAPPA_H
#define TIPSCREEN_KAPPA_H

#include <stddef.h>

double kappa_cohen(const int *a, const int *b, size_t n, int k);

/* p_i (nsubjects entries) may be NULL. */
double kappa_fleiss(const int *counts, size_t nsubjects, int k, int raters, double *p_i);

#endif
