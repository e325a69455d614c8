/* Right-to-left rows: reordered by the bidirectional algorithm, Arabic
 * shaped, brackets mirrored, marks kept after their base, and every
 * visual character mapped back to its logical byte. */
#include "testutil.h"

#include "tui/bidi.h"

static void assert_visual(const char *logical, const uint32_t *want, size_t n)
{
	struct bidi_row v;
	assert_int_equal(bidi_visual(logical, &v), 0);
	assert_int_equal(v.n, n);
	for (size_t i = 0; i < n; i++)
		if (v.cp[i] != want[i])
			fail_msg("%s: visual %zu is U+%04X, expected U+%04X", logical, i, v.cp[i], want[i]);
	bidi_row_free(&v);
}

static void test_hebrew_is_reversed_and_mapped_back(void **st)
{
	(void)st;
	struct bidi_row v;
	assert_int_equal(bidi_visual("אבג", &v), 0);	/* alef bet gimel */
	assert_int_equal(v.n, 3);
	assert_int_equal(v.cp[0], 0x05D2);
	assert_int_equal(v.cp[2], 0x05D0);
	assert_int_equal(v.from[0], 4);
	assert_int_equal(v.from[1], 2);
	assert_int_equal(v.from[2], 0);
	bidi_row_free(&v);
}

/* In a right-to-left paragraph a left-to-right run keeps its order and
 * goes to the right end: the logical start. */
static void test_latin_run_keeps_its_order(void **st)
{
	(void)st;
	const uint32_t want[] = { 0x05D2, 0x05D1, 0x05D0, ' ', 'E', 'n', 't', 'e', 'r' };
	assert_visual("Enter אבג", want, 9);
}

/* A left-to-right mark before "^X" keeps the caret before the letter, and
 * is not itself in the result. */
static void test_marks_steer_and_disappear(void **st)
{
	(void)st;
	const uint32_t want[] = { 0x05D1, 0x05D0, ' ', '^', 'X' };
	assert_visual("\u200e^X אב", want, 5);
}

static void test_brackets_are_mirrored(void **st)
{
	(void)st;
	const uint32_t want[] = { '(', 0x05D0, ')' };
	assert_visual("(א)", want, 3);
}

/* Two beh: initial then final form, shown right to left. */
static void test_arabic_is_shaped(void **st)
{
	(void)st;
	const uint32_t want[] = { 0xFE90, 0xFE91 };
	assert_visual("بب", want, 2);
}

/* A terminal puts a combining mark on the cell before it: after reordering
 * the mark still follows its base. */
static void test_marks_follow_their_base(void **st)
{
	(void)st;
	const uint32_t want[] = { 0x05D1, 0x05B8, 0x05D0 };	/* bet qamats, alef */
	assert_visual("אבָ", want, 3);
}

static void test_invalid_utf8_is_refused(void **st)
{
	(void)st;
	struct bidi_row v;
	assert_int_equal(bidi_visual("a\xff", &v), -1);
	assert_int_equal(bidi_visual("", &v), 0);
	assert_int_equal(v.n, 0);
	bidi_row_free(&v);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hebrew_is_reversed_and_mapped_back),
		cmocka_unit_test(test_latin_run_keeps_its_order),
		cmocka_unit_test(test_marks_steer_and_disappear),
		cmocka_unit_test(test_brackets_are_mirrored),
		cmocka_unit_test(test_arabic_is_shaped),
		cmocka_unit_test(test_marks_follow_their_base),
		cmocka_unit_test(test_invalid_utf8_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
