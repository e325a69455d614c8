#include "testutil.h"

#include "base/stanza.h"

static int parse(const char *text, struct stanza_file *f, struct diags *d)
{
	return stanza_parse("t.screen", text, strlen(text), f, d);
}

static void test_fields_keep_line_and_column(void **st)
{
	(void)st;
	struct stanza_file f;
	struct diags d = { 0 };
	assert_int_equal(parse("# comment\nScreen: a.b\nType:   yesno\n\nScreen: c\n", &f, &d), 0);
	assert_int_equal(f.n, 2);
	const struct field *t = stanza_get(&f.s[0], "type");	/* keys ignore case */
	assert_non_null(t);
	assert_string_equal(t->value, "yesno");
	assert_int_equal(t->line, 3);
	assert_int_equal(t->vline, 3);
	assert_int_equal(t->vcol, 9);
	assert_int_equal(f.s[1].line, 5);
	stanza_file_free(&f);
	diags_free(&d);
}

static void test_continuations_fold_and_dot_breaks_paragraph(void **st)
{
	(void)st;
	struct stanza_file f;
	struct diags d = { 0 };
	assert_int_equal(parse("Question: one\n two\n .\n three\nHelp:\n  later\n", &f, &d), 0);
	assert_string_equal(stanza_get(&f.s[0], "Question")->value, "one two\nthree");
	const struct field *h = stanza_get(&f.s[0], "Help");
	assert_string_equal(h->value, "later");
	assert_int_equal(h->vline, 6);
	assert_int_equal(h->vcol, 3);
	stanza_file_free(&f);
	diags_free(&d);
}

static void test_repeated_keys_are_kept_in_order(void **st)
{
	(void)st;
	struct stanza_file f;
	struct diags d = { 0 };
	assert_int_equal(parse("Next: a if x\nNext: b\n", &f, &d), 0);
	assert_int_equal(f.s[0].n, 2);
	assert_string_equal(f.s[0].f[1].value, "b");
	stanza_file_free(&f);
	diags_free(&d);
}

static void test_line_without_colon_is_an_error_with_position(void **st)
{
	(void)st;
	struct stanza_file f;
	struct diags d = { 0 };
	assert_int_equal(parse("Screen: a\nType yesno\n", &f, &d), -1);
	assert_diag(&d, "t.screen:2:5: error: expected ':' after the field name");
	stanza_file_free(&f);
	diags_free(&d);
}

static void test_continuation_first_is_an_error(void **st)
{
	(void)st;
	struct stanza_file f;
	struct diags d = { 0 };
	assert_int_equal(parse("  stray\n", &f, &d), -1);
	assert_diag(&d, "t.screen:1:1: error: continuation line with no field before it");
	stanza_file_free(&f);
	diags_free(&d);
}

static void test_invalid_utf8_names_its_column(void **st)
{
	(void)st;
	struct stanza_file f;
	struct diags d = { 0 };
	assert_int_equal(parse("Question: ça \xFF\n", &f, &d), -1);
	assert_diag(&d, "t.screen:1:14: error: invalid UTF-8 byte 0xff");
	stanza_file_free(&f);
	diags_free(&d);
}

static void test_escape_characters_are_refused(void **st)
{
	(void)st;
	struct stanza_file f;
	struct diags d = { 0 };
	assert_int_equal(parse("Question: a\033[2Jb\n", &f, &d), -1);
	assert_diag(&d, "t.screen:1:12: error: control character U+001B");
	stanza_file_free(&f);
	diags_free(&d);
}

static void test_crlf_and_bom_are_accepted(void **st)
{
	(void)st;
	struct stanza_file f;
	struct diags d = { 0 };
	assert_int_equal(parse("\xEF\xBB\xBFScreen: a\r\nType: note\r\n", &f, &d), 0);
	assert_string_equal(stanza_get(&f.s[0], "Screen")->value, "a");
	assert_string_equal(stanza_get(&f.s[0], "Type")->value, "note");
	stanza_file_free(&f);
	diags_free(&d);
}

static void test_missing_file_is_an_error(void **st)
{
	(void)st;
	struct stanza_file f;
	struct diags d = { 0 };
	assert_int_equal(stanza_read("/nonexistent/x.screen", &f, &d), -1);
	assert_diag(&d, "/nonexistent/x.screen: error: cannot open");
	stanza_file_free(&f);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_keep_line_and_column),
		cmocka_unit_test(test_continuations_fold_and_dot_breaks_paragraph),
		cmocka_unit_test(test_repeated_keys_are_kept_in_order),
		cmocka_unit_test(test_line_without_colon_is_an_error_with_position),
		cmocka_unit_test(test_continuation_first_is_an_error),
		cmocka_unit_test(test_invalid_utf8_names_its_column),
		cmocka_unit_test(test_escape_characters_are_refused),
		cmocka_unit_test(test_crlf_and_bom_are_accepted),
		cmocka_unit_test(test_missing_file_is_an_error),
	};
	return cmocka_run_group_tests_name("stanza", tests, utf8_locale, NULL);
}
