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

/* The plain algorithm kanon.c's lines replace: every hidden cell, for
 * each dimension, scans the whole table for its line. */
static bool plain_same_line(const int *keys, size_t ndim, size_t i, size_t j, size_t d)
{
	for (size_t e = 0; e < ndim; e++)
		if (e != d && keys[i * ndim + e] != keys[j * ndim + e])
			return false;
	return true;
}

static void plain_suppress(struct kanon_cell *cell, const int *keys, size_t ncell, size_t ndim,
			   long long k)
{
	for (size_t i = 0; i < ncell; i++)
		cell[i].state = kanon_state_of(cell[i].count, k);
	for (bool changed = true; changed;) {
		changed = false;
		for (size_t d = 0; d < ndim; d++)
			for (size_t i = 0; i < ncell; i++) {
				if (cell[i].state == KANON_SHOWN)
					continue;
				size_t hidden = 0, pick = ncell;
				for (size_t j = 0; j < ncell; j++) {
					if (!plain_same_line(keys, ndim, i, j, d))
						continue;
					if (cell[j].state != KANON_SHOWN)
						hidden++;
					else if (cell[j].count > 0 &&
						 (pick == ncell || cell[j].count < cell[pick].count))
						pick = j;
				}
				if (hidden == 1 && pick < ncell) {
					cell[pick].state = KANON_COMPLEMENT;
					changed = true;
				}
			}
	}
}

/* Sparse random tables (cells missing, codes out of order, ties of
 * counts): the lines found once hide exactly the cells the plain
 * algorithm hides. */
static void test_the_lines_hide_what_the_plain_scan_hides(void **st)
{
	(void)st;
	enum { MAXN = 60, NDIM = 3 };
	unsigned seed = 11;
	for (int round = 0; round < 400; round++) {
		struct kanon_cell a[MAXN], b[MAXN];
		int keys[MAXN * NDIM];
		size_t n = 0;
		for (int x = 0; x < 4; x++)
			for (int y = 0; y < 5; y++)
				for (int z = 0; z < 3; z++) {
					seed = seed * 1103515245u + 12345u;
					if ((seed >> 16) % 3 == 0)
						continue;	/* an absent combination */
					long long v = (seed >> 8) % 5 == 0 ? (seed >> 4) % 11 : (seed >> 4) % 30;
					a[n] = b[n] = (struct kanon_cell){ v, KANON_SHOWN };
					keys[n * NDIM] = (x * 7) % 4, keys[n * NDIM + 1] = 4 - y;
					keys[n * NDIM + 2] = z;
					n++;
				}
		size_t hidden = kanon_suppress(a, keys, n, NDIM, 11);
		plain_suppress(b, keys, n, NDIM, 11);
		size_t want = 0;
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(a[i].state, b[i].state);
			want += b[i].state != KANON_SHOWN;
		}
		assert_int_equal(hidden, want);
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
		cmocka_unit_test(test_the_lines_hide_what_the_plain_scan_hides),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
