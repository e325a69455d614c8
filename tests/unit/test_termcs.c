/* Output to a terminal in another charset: converted, transliterated, and
 * whole characters even when a write splits one. */
#include "testutil.h"

#include "base/termcs.h"

static char *through(const char *charset, const char *const *writes)
{
	char *buf;
	size_t len;
	FILE *mem = open_memstream(&buf, &len);
	FILE *f = termcs_open(mem, charset);
	assert_non_null(f);
	for (size_t i = 0; writes[i]; i++) {
		fputs(writes[i], f);
		fflush(f);
	}
	fclose(f);
	fclose(mem);
	return buf;
}

static void test_latin1_gets_latin1_bytes(void **st)
{
	(void)st;
	const char *w[] = { "café “x”", NULL };
	char *s = through("ISO-8859-1", w);
	assert_string_equal(s, "caf\xE9 \"x\"");
	free(s);
}

static void test_ascii_is_transliterated_never_raw_utf8(void **st)
{
	(void)st;
	const char *w[] = { "harbouring – “Child” é ★", NULL };
	char *s = through("ANSI_X3.4-1968", w);
	assert_string_equal(s, "harbouring - \"Child\" e ?");
	free(s);
}

static void test_a_character_split_across_writes_stays_whole(void **st)
{
	(void)st;
	const char *w[] = { "a\xE2\x80", "\x9C" "b\xC3", "\xA9", NULL };	/* a“bé */
	char *s = through("ISO-8859-1", w);
	assert_string_equal(s, "a\"b\xE9");
	free(s);
}

static void test_unknown_charset_is_refused(void **st)
{
	(void)st;
	assert_null(termcs_open(stdout, "NO-SUCH-CHARSET"));
}

static void test_input_is_converted_to_utf8(void **st)
{
	(void)st;
	char *s = termcs_input("Jos\xE9\033[2J", "ISO-8859-1");
	assert_string_equal(s, "José[2J");
	free(s);
}

static void test_invalid_and_cut_bytes_become_one_question_mark(void **st)
{
	(void)st;
	const char *w[] = { "a\xFF" "b", "\x80\x80\x80", "x\xE2\x82", NULL };
	char *s = through("ISO-8859-1", w);
	/* an invalid byte, three stray continuation bytes, and a sequence
	 * still cut when the stream closes */
	assert_string_equal(s, "a?b???x?");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invalid_and_cut_bytes_become_one_question_mark),
		cmocka_unit_test(test_latin1_gets_latin1_bytes),
		cmocka_unit_test(test_ascii_is_transliterated_never_raw_utf8),
		cmocka_unit_test(test_a_character_split_across_writes_stays_whole),
		cmocka_unit_test(test_unknown_charset_is_refused),
		cmocka_unit_test(test_input_is_converted_to_utf8),
	};
	return cmocka_run_group_tests_name("termcs", tests, utf8_locale, NULL);
}
