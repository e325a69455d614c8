#include "train/kappa.h"

#include <math.h>
#include <stdlib.h>

#include "base/xalloc.h"

double kappa_cohen(const int *a, const int *b, size_t n, int k)
{
	if (n == 0 || k < 1)
		return NAN;
	size_t *ca = xcalloc((size_t)k, sizeof *ca), *cb = xcalloc((size_t)k, sizeof *cb);
	size_t same = 0;
	for (size_t i = 0; i < n; i++) {
		ca[a[i]]++;
		cb[b[i]]++;
		same += a[i] == b[i];
	}
	double po = (double)same / (double)n, pe = 0;
	for (int j = 0; j < k; j++)
		pe += ((double)ca[j] / (double)n) * ((double)cb[j] / (double)n);
	free(ca);
	free(cb);
	return pe >= 1.0 ? NAN : (po - pe) / (1.0 - pe);
}

double kappa_fleiss(const int *counts, size_t nsubjects, int k, int raters, double *p_i)
{
	if (nsubjects == 0 || raters < 2 || k < 1)
		return NAN;
	double *pj = xcalloc((size_t)k, sizeof *pj), pbar = 0, pe = 0;
	double r = raters, total = (double)nsubjects * r;
	for (size_t i = 0; i < nsubjects; i++) {
		double sq = 0;
		for (int j = 0; j < k; j++) {
			double c = counts[i * (size_t)k + (size_t)j];
			sq += c * c;
			pj[j] += c / total;
		}
		double p = (sq - r) / (r * (r - 1));
		if (p_i)
			p_i[i] = p;
		pbar += p / (double)nsubjects;
	}
	for (int j = 0; j < k; j++)
		pe += pj[j] * pj[j];
	free(pj);
	return pe >= 1.0 ? NAN : (pbar - pe) / (1.0 - pe);
}
