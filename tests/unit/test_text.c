#include "testutil.h"

#include "base/text.h"

static void test_decode_rejects_overlong_and_surrogates(void **st)
{
	(void)st;
	uint32_t cp;
	assert_int_equal(text_decode("\xC0\xAF", 2, &cp), 0);	/* overlong '/' */
	assert_int_equal(text_decode("\xED\xA0\x80", 3, &cp), 0);	/* U+D800 */
	assert_int_equal(text_decode("\xF4\x90\x80\x80", 4, &cp), 0);	/* > U+10FFFF */
	assert_int_equal(text_decode("\xE2\x82", 2, &cp), 0);	/* truncated */
	assert_int_equal(text_decode("\xE2\x82\xAC", 3, &cp), 3);
	assert_int_equal(cp, 0x20AC);
}

static void test_valid_reports_first_bad_byte(void **st)
{
	(void)st;
	size_t bad = 0;
	assert_true(text_valid("harbouring “x”", strlen("harbouring “x”"), NULL));
	assert_false(text_valid("ab\xFF" "cd", 5, &bad));
	assert_int_equal(bad, 2);
}

static void test_width_counts_columns_not_bytes(void **st)
{
	(void)st;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("é"), 1);	/* 2 bytes */
	assert_int_equal(text_width("e\xCC\x81"), 1);	/* e + combining acute */
	assert_int_equal(text_width("中文"), 4);	/* wide */
}

static void test_sanitize_strips_escapes_controls_and_bidi(void **st)
{
	(void)st;
	char *s = text_sanitize("a\033[31mb\x07" "c\xE2\x80\xAE" "d\n\te\xC2\x9B");
	assert_string_equal(s, "a[31mbcd\n\te");
	free(s);
	s = text_sanitize("x\xFFy");
	assert_string_equal(s, "x\xEF\xBF\xBDy");
	free(s);
}

static void test_wrap_breaks_at_spaces_within_width(void **st)
{
	(void)st;
	char *s = text_wrap("the quick brown fox jumps", 10);
	assert_string_equal(s, "the quick\nbrown fox\njumps");
	free(s);
}

static void test_wrap_keeps_newlines_and_indent(void **st)
{
	(void)st;
	char *s = text_wrap("  one two three\nfour", 9);
	assert_string_equal(s, "  one two\n  three\nfour");
	free(s);
}

static void test_wrap_breaks_long_words_by_character(void **st)
{
	(void)st;
	char *s = text_wrap("abcdefghij", 4);
	assert_string_equal(s, "abcd\nefgh\nij");
	free(s);
	s = text_wrap("中文中文中", 4);	/* wide characters: 2 columns each */
	assert_string_equal(s, "中文\n中文\n中");
	free(s);
}

/* French puts a space before : ; ! ? and inside « »: a line never begins
 * with that mark, nor ends with an opening «. */
static void test_wrap_keeps_french_punctuation_with_its_word(void **st)
{
	(void)st;
	char *s = text_wrap("Selon la loi (profil gb) :", 24);
	assert_string_equal(s, "Selon la loi (profil\ngb) :");
	free(s);
	s = text_wrap("Demandez : « Racontez-moi tout » !", 20);
	assert_string_equal(s, "Demandez :\n« Racontez-moi\ntout » !");
	free(s);
	assert_int_equal(text_rows("Selon la loi (profil gb) :", 24), 2);
}

static void test_convert_transliterates(void **st)
{
	(void)st;
	char *s = text_convert("“harbouring” – é", "UTF-8", "ASCII");
	assert_non_null(s);
	assert_string_equal(s, "\"harbouring\" - e");
	free(s);
	s = text_convert("caf\xE9", "ISO-8859-1", "UTF-8");
	assert_string_equal(s, "café");
	free(s);
	assert_null(text_convert("x", "NO-SUCH-CHARSET", "UTF-8"));
	assert_null(text_convert("\xFF", "UTF-8", "ISO-8859-1"));
}

static void test_utf8_charset_names(void **st)
{
	(void)st;
	assert_true(text_is_utf8_charset("UTF-8"));
	assert_true(text_is_utf8_charset("utf8"));
	assert_false(text_is_utf8_charset("ISO-8859-1"));
	assert_false(text_is_utf8_charset(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_rejects_overlong_and_surrogates),
		cmocka_unit_test(test_valid_reports_first_bad_byte),
		cmocka_unit_test(test_width_counts_columns_not_bytes),
		cmocka_unit_test(test_sanitize_strips_escapes_controls_and_bidi),
		cmocka_unit_test(test_wrap_breaks_at_spaces_within_width),
		cmocka_unit_test(test_wrap_keeps_newlines_and_indent),
		cmocka_unit_test(test_wrap_breaks_long_words_by_character),
		cmocka_unit_test(test_wrap_keeps_french_punctuation_with_its_word),
		cmocka_unit_test(test_convert_transliterates),
		cmocka_unit_test(test_utf8_charset_names),
	};
	return cmocka_run_group_tests_name("text", tests, utf8_locale, NULL);
}
