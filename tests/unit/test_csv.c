/* base/csv.h: the one CSV field writer. A cell a spreadsheet would run as
 * a formula (= + - @, a tab, a CR, or a Unicode look-alike, also behind an
 * invisible character) starts with an apostrophe; quotes are doubled; a
 * field is quoted always or only when needed, as asked; a charset iconv
 * cannot open is refused. */
#include "testutil.h"

#include "base/csv.h"

/* s as one field, a new string. */
static char *field(const char *s, const char *charset, enum csv_quote q, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	*rc = csv_field(f, s, charset, q);
	fclose(f);
	return buf;
}

static void is(const char *s, enum csv_quote q, const char *want)
{
	int rc;
	char *got = field(s, NULL, q, &rc);
	assert_int_equal(rc, 0);
	if (strcmp(got, want))
		fail_msg("\"%s\" gave %s, not %s", s, got, want);
	free(got);
}

static void test_formula_starters_are_made_inert(void **st)
{
	(void)st;
	is("=HYPERLINK(\"http://x\",\"y\")", CSV_QUOTE_ALL, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	is("+1", CSV_QUOTE_ALL, "\"'+1\"");
	is("-1", CSV_QUOTE_ALL, "\"'-1\"");
	is("@x", CSV_QUOTE_ALL, "\"'@x\"");
	is("\t=1", CSV_QUOTE_ALL, "\"'\t=1\"");
}

static void test_unicode_look_alikes_are_made_inert(void **st)
{
	(void)st;
	is("\xEF\xBC\x9D" "1+2", CSV_QUOTE_ALL, "\"'\xEF\xBC\x9D" "1+2\"");	/* fullwidth = */
	is("\xE2\x88\x92" "1", CSV_QUOTE_ALL, "\"'\xE2\x88\x92" "1\"");		/* minus sign */
	is("\xEF\xBC\xA0x", CSV_QUOTE_ALL, "\"'\xEF\xBC\xA0x\"");		/* fullwidth @ */
}

static void test_an_invisible_character_cannot_hide_a_formula(void **st)
{
	(void)st;
	is("\xE2\x80\x8B=1", CSV_QUOTE_ALL, "\"'=1\"");	/* zero-width space, dropped */
	is("\xEF\xBB\xBF+1", CSV_QUOTE_ALL, "\"'+1\"");	/* byte order mark */
}

static void test_line_ends_become_spaces(void **st)
{
	(void)st;
	is("a\nb", CSV_QUOTE_ALL, "\"a b\"");
}

static void test_quoted_only_when_needed_if_asked(void **st)
{
	(void)st;
	is("adult", CSV_QUOTE_NEEDED, "adult");
	is("a,b", CSV_QUOTE_NEEDED, "\"a,b\"");
	is("say \"hi\"", CSV_QUOTE_NEEDED, "\"say \"\"hi\"\"\"");
	is("-1", CSV_QUOTE_NEEDED, "\"'-1\"");
	is("", CSV_QUOTE_NEEDED, "");
	is("", CSV_QUOTE_ALL, "\"\"");
	is("plain", CSV_QUOTE_ALL, "\"plain\"");
}

static void test_a_look_alike_is_guarded_after_a_conversion_too(void **st)
{
	(void)st;
	int rc;
	char *got = field("\xE2\x88\x92" "1", "CP1252", CSV_QUOTE_ALL, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(got, "\"'-1\"");	/* the minus sign became a hyphen */
	free(got);
}

static void test_a_charset_iconv_cannot_open_is_refused(void **st)
{
	(void)st;
	int rc;
	char *got = field("x", "NO-SUCH-CHARSET", CSV_QUOTE_ALL, &rc);
	assert_int_equal(rc, -1);
	assert_string_equal(got, "");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formula_starters_are_made_inert),
		cmocka_unit_test(test_unicode_look_alikes_are_made_inert),
		cmocka_unit_test(test_an_invisible_character_cannot_hide_a_formula),
		cmocka_unit_test(test_line_ends_become_spaces),
		cmocka_unit_test(test_quoted_only_when_needed_if_asked),
		cmocka_unit_test(test_a_look_alike_is_guarded_after_a_conversion_too),
		cmocka_unit_test(test_a_charset_iconv_cannot_open_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
