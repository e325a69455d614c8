/* Interned strings (intern.h): one code per distinct string, in the order
 * first added, and ranks in the order strcmp gives, which office stats
 * relies on to print its cells sorted as their values; each table keyed
 * at random. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "office/intern.h"

static void test_equal_strings_get_one_code_and_others_new_ones(void **st)
{
	(void)st;
	struct intern in = { 0 };
	assert_int_equal(intern_add(&in, "forced-labour", 13), 0);
	assert_int_equal(intern_add(&in, "none", 4), 1);
	assert_int_equal(intern_add(&in, "forced-labour", 13), 0);
	assert_int_equal(intern_add(&in, "none\nmore", 4), 1);	/* only len bytes count */
	assert_int_equal(intern_add(&in, "non", 3), 2);	/* a prefix is another string */
	assert_string_equal(intern_str(&in, 2), "non");
	intern_free(&in);
}

static void test_many_strings_keep_their_codes_as_the_table_grows(void **st)
{
	(void)st;
	struct intern in = { 0 };
	char s[16];
	for (int i = 0; i < 1000; i++) {
		snprintf(s, sizeof s, "v%d", i);
		assert_int_equal(intern_add(&in, s, strlen(s)), i);
	}
	for (int i = 999; i >= 0; i--) {
		snprintf(s, sizeof s, "v%d", i);
		assert_int_equal(intern_add(&in, s, strlen(s)), i);
		assert_string_equal(intern_str(&in, (size_t)i), s);
	}
	intern_free(&in);
}

static void test_ranks_follow_strcmp(void **st)
{
	(void)st;
	struct intern in = { 0 };
	const char *v[] = { "role", "b", "a\nb", "a", "" };
	for (size_t i = 0; i < 5; i++)
		intern_add(&in, v[i], strlen(v[i]));
	size_t *rank = intern_rank(&in);
	assert_int_equal(rank[4], 0);	/* "" */
	assert_int_equal(rank[3], 1);	/* "a" */
	assert_int_equal(rank[2], 2);	/* "a\nb" */
	assert_int_equal(rank[1], 3);	/* "b" */
	assert_int_equal(rank[0], 4);	/* "role" */
	free(rank);
	intern_free(&in);
}

/* Each table hashes under a random key of its own: the same strings land
 * in other slots in another table, so nobody can choose values that all
 * collide (which would make every lookup walk the table). */
static void test_each_table_hashes_under_its_own_key(void **st)
{
	(void)st;
	struct intern a = { 0 }, b = { 0 };
	char s[24];
	for (int i = 0; i < 32; i++) {
		snprintf(s, sizeof s, "place-%d", i);
		assert_int_equal(intern_add(&a, s, strlen(s)), i);
		assert_int_equal(intern_add(&b, s, strlen(s)), i);
	}
	assert_int_equal(a.nslot, b.nslot);
	assert_memory_not_equal(a.key, b.key, sizeof a.key);
	assert_memory_not_equal(a.slot, b.slot, a.nslot * sizeof *a.slot);
	intern_free(&a);
	intern_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_equal_strings_get_one_code_and_others_new_ones),
		cmocka_unit_test(test_many_strings_keep_their_codes_as_the_table_grows),
		cmocka_unit_test(test_ranks_follow_strcmp),
		cmocka_unit_test(test_each_table_hashes_under_its_own_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
