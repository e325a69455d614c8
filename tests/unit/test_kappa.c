/* Cohen's and Fleiss' kappa (kappa.c) against hand computations. */
#include "testutil.h"

#include <math.h>

#include "train/kappa.h"

/* Six items, three categories; five agree: p_o = 5/6. The margins are
 * 3,2,1 and 2,3,1 of 6: p_e = (6 + 6 + 1) / 36 = 13/36; kappa = (30/36 -
 * 13/36) / (23/36) = 17/23. */
static void cohen_matches_the_hand_computation(void **st)
{
	(void)st;
	const int a[] = { 0, 0, 1, 1, 0, 2 }, b[] = { 0, 1, 1, 1, 0, 2 };
	assert_float_equal(kappa_cohen(a, b, 6, 3), 17.0 / 23.0, 1e-12);
}

static void cohen_is_undefined_when_all_ratings_are_one_category(void **st)
{
	(void)st;
	const int a[] = { 1, 1, 1 };
	assert_true(isnan(kappa_cohen(a, a, 3, 2)));
	assert_true(isnan(kappa_cohen(a, a, 0, 2)));
}

/* Three questions, three trainees, two categories: 3-0, 2-1, 0-3. P_i =
 * 1, (4 + 1 - 3) / 6 = 1/3, 1; mean 7/9. p_j = 5/9, 4/9: P_e = 41/81;
 * kappa = (63/81 - 41/81) / (40/81) = 22/40. */
static void fleiss_matches_the_hand_computation(void **st)
{
	(void)st;
	const int counts[] = { 3, 0, 2, 1, 0, 3 };
	double p[3];
	assert_float_equal(kappa_fleiss(counts, 3, 2, 3, p), 22.0 / 40.0, 1e-12);
	assert_float_equal(p[0], 1.0, 1e-12);
	assert_float_equal(p[1], 1.0 / 3.0, 1e-12);
	assert_float_equal(p[2], 1.0, 1e-12);
}

static void fleiss_needs_two_raters(void **st)
{
	(void)st;
	const int counts[] = { 1, 0 };
	assert_true(isnan(kappa_fleiss(counts, 1, 2, 1, NULL)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cohen_matches_the_hand_computation),
		cmocka_unit_test(cohen_is_undefined_when_all_ratings_are_one_category),
		cmocka_unit_test(fleiss_matches_the_hand_computation),
		cmocka_unit_test(fleiss_needs_two_raters),
	};
	return cmocka_run_group_tests_name("kappa", tests, NULL, NULL);
}
