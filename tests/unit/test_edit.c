/* The text field: moves and deletes by character, measures by column. */
#include "testutil.h"

#include "base/text.h"
#include "tui/edit.h"

static void type(struct edit *e, const char *utf8)
{
	size_t n = strlen(utf8), i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = text_decode(utf8 + i, n - i, &cp);
		assert_true(k > 0);
		assert_true(edit_insert(e, cp));
		i += k;
	}
}

static void test_typing_and_backspace_by_character(void **st)
{
	(void)st;
	struct edit e = { 0 };
	type(&e, "añb");
	assert_string_equal(e.buf, "añb");
	assert_true(edit_backspace(&e));
	assert_true(edit_backspace(&e));	/* ñ is two bytes, one character */
	assert_string_equal(e.buf, "a");
	edit_free(&e);
}

static void test_combining_marks_go_with_their_base(void **st)
{
	(void)st;
	struct edit e = { 0 };
	type(&e, "ae\xCC\x81z");	/* a, e + combining acute, z */
	edit_left(&e);
	edit_left(&e);	/* before the e and its accent together */
	assert_int_equal(e.cur, 1);
	assert_true(edit_delete(&e));
	assert_string_equal(e.buf, "az");
	edit_free(&e);
}

static void test_wide_characters_take_two_columns(void **st)
{
	(void)st;
	struct edit e = { 0 };
	type(&e, "中文x");
	assert_int_equal(edit_cursor_col(&e), 5);
	edit_left(&e);
	assert_int_equal(edit_cursor_col(&e), 4);
	edit_home(&e);
	assert_int_equal(edit_cursor_col(&e), 0);
	edit_right(&e);
	assert_int_equal(edit_cursor_col(&e), 2);
	type(&e, "-");
	assert_string_equal(e.buf, "中-文x");
	edit_free(&e);
}

static void test_controls_and_escapes_are_refused(void **st)
{
	(void)st;
	struct edit e = { 0 };
	assert_false(edit_insert(&e, 0x1B));
	assert_false(edit_insert(&e, '\n'));
	assert_false(edit_insert(&e, 0x202E));	/* right-to-left override */
	assert_false(edit_insert(&e, 0xD800));
	assert_true(edit_insert(&e, 'a'));
	assert_string_equal(e.buf, "a");
	edit_free(&e);
}

static void test_length_is_bounded(void **st)
{
	(void)st;
	struct edit e = { .max = 4 };
	type(&e, "abcd");
	assert_false(edit_insert(&e, 'e'));
	assert_int_equal(e.len, 4);
	edit_set(&e, "xy");
	assert_int_equal(e.cur, 2);
	edit_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typing_and_backspace_by_character),
		cmocka_unit_test(test_combining_marks_go_with_their_base),
		cmocka_unit_test(test_wide_characters_take_two_columns),
		cmocka_unit_test(test_controls_and_escapes_are_refused),
		cmocka_unit_test(test_length_is_bounded),
	};
	return cmocka_run_group_tests_name("edit", tests, utf8_locale, NULL);
}
