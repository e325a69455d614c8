/* The start screen of the screen model (app/view.h), without a store: what
 * a row number becomes, and what a refusal says for no case, one case
 * and several. Both front ends print exactly these (test_door.c drives
 * them through both). */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "app/view.h"

static void test_a_refusal_with_no_case_says_there_is_none(void **st)
{
	(void)st;
	struct view_start v = { NULL, 0 };
	char *m = view_start_refused(&v);
	assert_string_equal(m, "There is no unfinished interview to resume: press Enter for a new one.");
	free(m);
}

static void test_a_refusal_with_one_case_names_its_number_alone(void **st)
{
	(void)st;
	struct view_start v = { NULL, 1 };
	char *m = view_start_refused(&v);
	assert_string_equal(m, "Not one of the unfinished interviews: type 1 to resume it, or press "
			       "Enter for a new interview.");
	free(m);
}

static void test_a_refusal_with_several_cases_gives_their_range(void **st)
{
	(void)st;
	struct view_start v = { NULL, 3 };
	char *m = view_start_refused(&v);
	assert_non_null(strstr(m, "choose 1 to 3 to resume one"));
	free(m);
}

static void test_a_row_number_resumes_that_case_and_no_other_number_does(void **st)
{
	(void)st;
	struct view_resume rows[2] = { { "aaaaaaaaaaaaaaaa", "2026-12-07 03:22", -1, 0, -1, -1 },
				       { "bbbbbbbbbbbbbbbb", "2026-12-06 10:00", -1, 0, -1, -1 } };
	struct view_start v = { rows, 2 };
	struct session_action a = { 0 };
	assert_int_equal(view_start_pick(&v, 2, &a), 0);
	assert_int_equal(a.verb, DO_RESUME);
	assert_string_equal(a.text, "bbbbbbbbbbbbbbbb");
	assert_int_equal(view_start_pick(&v, 0, &a), -1);
	assert_int_equal(view_start_pick(&v, 3, &a), -1);
	assert_int_equal(view_start_pick(&v, -1, &a), -1);
	struct view_start none = { NULL, 0 };
	assert_int_equal(view_start_pick(&none, 1, &a), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_refusal_with_no_case_says_there_is_none),
		cmocka_unit_test(test_a_refusal_with_one_case_names_its_number_alone),
		cmocka_unit_test(test_a_refusal_with_several_cases_gives_their_range),
		cmocka_unit_test(test_a_row_number_resumes_that_case_and_no_other_number_does),
	};
	return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}
