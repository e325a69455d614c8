/* Small-cell suppression (kanon.h): counts of 1..k-1 hidden, 0 shown, and
 * complementary suppression so that no line of the table (whose total is
 * known) has exactly one hidden cell. */
#include "testutil.h"

#include <stdbool.h>

#include "office/kanon.h"

static void cells(struct kanon_cell *c, const long long *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		c[i] = (struct kanon_cell){ .count = v[i] };
}

static void test_small_cells_are_hidden_and_zero_and_k_shown(void **st)
{
	(void)st;
	struct kanon_cell c[4];
	cells(c, (long long[]){ 10, 11, 0, 1 }, 4);
	int keys[] = { 0, 1, 2, 3 };
	kanon_suppress(c, keys, 4, 0, 11);	/* no dimension: no line to complete */
	assert_int_equal(c[0].state, KANON_SMALL);
	assert_int_equal(c[1].state, KANON_SHOWN);
	assert_int_equal(c[2].state, KANON_SHOWN);
	assert_int_equal(c[3].state, KANON_SMALL);
}

static void test_a_row_with_one_hidden_cell_gets_a_second(void **st)
{
	(void)st;
	/* one dimension: the total is known, so 5 alone could be derived */
	struct kanon_cell c[4];
	cells(c, (long long[]){ 40, 5, 20, 30 }, 4);
	int keys[] = { 0, 1, 2, 3 };
	assert_int_equal(kanon_suppress(c, keys, 4, 1, 11), 2);
	assert_int_equal(c[1].state, KANON_SMALL);
	assert_int_equal(c[2].state, KANON_COMPLEMENT);	/* the smallest shown */
	assert_int_equal(c[0].state, KANON_SHOWN);
	assert_int_equal(c[3].state, KANON_SHOWN);
}

static void test_two_hidden_cells_need_no_complement(void **st)
{
	(void)st;
	struct kanon_cell c[3];
	cells(c, (long long[]){ 3, 4, 50 }, 3);
	int keys[] = { 0, 1, 2 };
	assert_int_equal(kanon_suppress(c, keys, 3, 1, 11), 2);
	assert_int_equal(c[2].state, KANON_SHOWN);
}

static void test_a_zero_cell_is_never_the_complement(void **st)
{
	(void)st;
	struct kanon_cell c[3];
	cells(c, (long long[]){ 0, 2, 12 }, 3);
	int keys[] = { 0, 1, 2 };
	kanon_suppress(c, keys, 3, 1, 11);
	assert_int_equal(c[0].state, KANON_SHOWN);
	assert_int_equal(c[2].state, KANON_COMPLEMENT);
}

/* rows × columns: cell (r, c) has keys r, c. */
static void test_rows_and_columns_are_both_completed(void **st)
{
	(void)st;
	/*        c0  c1  c2
	 *   r0    3  20  30
	 *   r1   25  40  50   */
	struct kanon_cell c[6];
	cells(c, (long long[]){ 3, 20, 30, 25, 40, 50 }, 6);
	int keys[] = { 0, 0, 0, 1, 0, 2, 1, 0, 1, 1, 1, 2 };
	kanon_suppress(c, keys, 6, 2, 11);
	assert_int_equal(c[0].state, KANON_SMALL);
	assert_int_equal(c[1].state, KANON_COMPLEMENT);	/* row r0: 20 < 30 */
	assert_int_equal(c[3].state, KANON_COMPLEMENT);	/* column c0: 25 */
	assert_int_equal(c[4].state, KANON_COMPLEMENT);	/* column c1 then had one: 40 */
	/* row r1 now hides 25 and 40: two; column c2 hides nothing */
	assert_int_equal(c[2].state, KANON_SHOWN);
	assert_int_equal(c[5].state, KANON_SHOWN);
}

static void test_k_one_shows_everything(void **st)
{
	(void)st;
	struct kanon_cell c[2];
	cells(c, (long long[]){ 1, 2 }, 2);
	int keys[] = { 0, 1 };
	assert_int_equal(kanon_suppress(c, keys, 2, 1, 1), 0);
	char buf[24];
	assert_string_equal(kanon_show(1, c[0].state, 1, buf), "1");
}

static void test_a_lone_small_cell_stays_hidden(void **st)
{
	(void)st;
	struct kanon_cell c[1];
	cells(c, (long long[]){ 4 }, 1);
	int keys[] = { 0 };
	assert_int_equal(kanon_suppress(c, keys, 1, 1, 11), 1);
	assert_int_equal(c[0].state, KANON_SMALL);
}

static void test_the_labels(void **st)
{
	(void)st;
	char buf[24];
	assert_string_equal(kanon_show(7, KANON_SMALL, 11, buf), "<11");
	assert_string_equal(kanon_show(70, KANON_COMPLEMENT, 11, buf), "*");
	assert_string_equal(kanon_show(70, KANON_SHOWN, 11, buf), "70");
	assert_int_equal(kanon_state_of(0, 11), KANON_SHOWN);
	assert_int_equal(kanon_state_of(10, 11), KANON_SMALL);
	assert_int_equal(kanon_state_of(11, 11), KANON_SHOWN);
}

/* Random 3-dimensional tables: afterwards no line has exactly one hidden
 * cell while it has a shown cell above 0, and every count of 1..k-1 is
 * hidden. */
static void test_random_tables_leave_no_line_with_one_hidden_cell(void **st)
{
	(void)st;
	enum { A = 3, B = 4, C = 2, N = A * B * C };
	unsigned seed = 7;
	for (int round = 0; round < 300; round++) {
		struct kanon_cell c[N];
		int keys[N * 3];
		for (int i = 0; i < N; i++) {
			seed = seed * 1103515245u + 12345u;
			c[i].count = (seed >> 16) % 4 == 0 ? (seed >> 8) % 11 : (seed >> 8) % 60;
			keys[i * 3] = i / (B * C), keys[i * 3 + 1] = i / C % B, keys[i * 3 + 2] = i % C;
		}
		kanon_suppress(c, keys, N, 3, 11);
		for (int i = 0; i < N; i++) {
			if (c[i].count >= 1 && c[i].count < 11)
				assert_int_equal(c[i].state, KANON_SMALL);
			for (int d = 0; d < 3; d++) {
				int hidden = 0, shown = 0;
				for (int j = 0; j < N; j++) {
					bool same = true;
					for (int e = 0; e < 3; e++)
						if (e != d && keys[j * 3 + e] != keys[i * 3 + e])
							same = false;
					if (!same)
						continue;
					hidden += c[j].state != KANON_SHOWN;
					shown += c[j].state == KANON_SHOWN && c[j].count > 0;
				}
				assert_false(hidden == 1 && shown > 0);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_cells_are_hidden_and_zero_and_k_shown),
		cmocka_unit_test(test_a_row_with_one_hidden_cell_gets_a_second),
		cmocka_unit_test(test_two_hidden_cells_need_no_complement),
		cmocka_unit_test(test_a_zero_cell_is_never_the_complement),
		cmocka_unit_test(test_rows_and_columns_are_both_completed),
		cmocka_unit_test(test_k_one_shows_everything),
		cmocka_unit_test(test_a_lone_small_cell_stays_hidden),
		cmocka_unit_test(test_the_labels),
		cmocka_unit_test(test_random_tables_leave_no_line_with_one_hidden_cell),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
