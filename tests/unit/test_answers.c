/* Answers files and the text form of answers, on the bundled deck. */
#include "bundled.h"

#include "domain/answers.h"


static int apply(struct interview *iv, const char *text, struct diags *d)
{
	struct stanza_file f;
	int rc = stanza_parse("x.answers", text, strlen(text), &f, d);
	if (rc == 0)
		rc = answers_apply(iv, &f, d);
	stanza_file_free(&f);
	return rc;
}

static void test_answers_of_every_type_apply(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	struct diags d = { 0 };
	assert_int_equal(apply(iv, "setup.role: police\nsafety.private: yes\nage.at-act: 17\n"
			       "act.open: A job offer from a cousin.\npurpose.organs: intended\n", iv ? &d : &d), 0);
	int age = deck_slot_find(deck, "age.at-act");
	assert_int_equal(interview_get(iv, age)->kind, ANS_NUMBER);
	assert_int_equal(interview_get(iv, age)->number, 17);
	const struct answer *t = interview_get(iv, deck_slot_find(deck, "act.open"));
	assert_string_equal(t->text, "A job offer from a cousin.");
	const struct answer *c = interview_get(iv, deck_slot_find(deck, "setup.role"));
	assert_int_equal(c->kind, ANS_CHOICE);
	char *s = answer_format(deck, deck_slot_find(deck, "setup.role"), c, false);
	assert_string_equal(s, "Police officer");
	free(s);
	diags_free(&d);
	interview_free(iv);
}

/* A text one byte over the limit is refused with the limit as the reason,
 * not as if it were no text at all: the line mode prints the engine's
 * reason. Anything else that is not an answer gets answer_expected's. */
static void test_a_text_over_the_limit_says_the_limit(void **st)
{
	(void)st;
	int slot = deck_slot_find(deck, "act.open");
	char *big = malloc(ANSWER_TEXT_MAX + 2);
	memset(big, 'a', ANSWER_TEXT_MAX + 1);
	big[ANSWER_TEXT_MAX + 1] = '\0';
	struct answer a;
	const char *why = NULL;
	assert_int_equal(answer_parse(deck, slot, big, &a, &why), -1);
	assert_non_null(strstr(why, "at most 16384 bytes"));
	assert_int_equal(a.kind, ANS_NONE);
	big[ANSWER_TEXT_MAX] = '\0';
	assert_int_equal(answer_parse(deck, slot, big, &a, &why), 0);
	answer_clear(&a);
	int age = deck_slot_find(deck, "age.at-act");
	assert_int_equal(answer_parse(deck, age, "sixteen", &a, &why), -1);
	assert_ptr_equal(why, answer_expected(deck, age));
	assert_int_equal(answer_parse(deck, age, "400", &a, &why), -1);	/* out of range */
	assert_ptr_equal(why, answer_expected(deck, age));
	free(big);
}

static void test_unknown_id_has_did_you_mean(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	struct diags d = { 0 };
	assert_int_equal(apply(iv, "safety.private: yes\nsafety.privat: no\n", &d), -1);
	assert_diag(&d, "x.answers:2:1: error: unknown field 'safety.privat' in the answers (did you mean "
		    "'safety.private'?)");
	diags_free(&d);
	interview_free(iv);
}

static void test_bad_values_name_line_and_column(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	struct diags d = { 0 };
	assert_int_equal(apply(iv, "age.at-act: 200\nact.recruited: intended\nsetup.role: judge\n", &d), -1);
	assert_diag(&d, "x.answers:1:13: error: '200' is not an answer to age.at-act: expected a whole number");
	assert_diag(&d, "x.answers:2:16: error: 'intended' is not an answer to act.recruited: expected yes, no, dontknow or declined");
	assert_diag(&d, "x.answers:3:13: error: 'judge' is not an answer to setup.role");
	diags_free(&d);
	interview_free(iv);
}

static void test_screens_without_answers_are_refused(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	struct diags d = { 0 };
	assert_int_equal(apply(iv, "consent.script: yes\n", &d), -1);
	assert_diag(&d, "x.answers:1:1: error: screen 'consent.script' takes no answer");
	diags_free(&d);
	interview_free(iv);
}

static void test_stop_at_records_the_stop(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	struct diags d = { 0 };
	assert_int_equal(apply(iv, "safety.private: yes\nsafety.controller: no\nsafety.danger: no\n"
			       "consent.agree: yes\nstop-at: act.open\n", &d), 0);
	assert_int_equal(interview_stopped_at(iv), deck_screen_find(deck, "act.open"));
	assert_true(interview_on_path(iv, deck->stop));
	assert_false(interview_on_path(iv, deck_screen_find(deck, "means.open")));
	diags_free(&d);
	interview_free(iv);
}

static void test_text_answers_are_sanitized(void **st)
{
	(void)st;
	struct answer a;
	const char *why;
	int slot = deck_slot_find(deck, "act.open");
	assert_int_equal(answer_parse(deck, slot, "job\033[2J \xE2\x80\xAEoffer", &a, &why), 0);
	assert_string_equal(a.text, "job[2J offer");
	answer_clear(&a);
}

static void test_multi_and_declined_forms(void **st)
{
	(void)st;
	struct answer a;
	const char *why;
	int slot = deck_slot_find(deck, "setup.role");
	assert_int_equal(answer_parse(deck, slot, "declined", &a, &why), 0);
	assert_int_equal(a.kind, ANS_WORD);
	assert_int_equal(a.word, IV_DECLINED);
	assert_int_equal(answer_parse(deck, slot, "yes", &a, &why), -1);
	slot = deck_slot_find(deck, "act.open");
	assert_int_equal(answer_parse(deck, slot, "yes", &a, &why), 0);	/* a text, not a word */
	assert_int_equal(a.kind, ANS_TEXT);
	answer_clear(&a);
}

static void test_file_errors_name_line_and_column(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	struct diags d = { 0 };
	assert_int_equal(apply(iv, "safety.private: yes\nsafety.private: no\nzzzzzzzzzzzzzzzzzzzz: 1\n"
			       "stop-at: nowhere\n\nage.at-act: 30\n", &d), -1);
	assert_diag(&d, "x.answers:2:1: error: field 'safety.private' is given twice (first at line 1)");
	assert_diag(&d, "x.answers:3:1: error: unknown field 'zzzzzzzzzzzzzzzzzzzz' in the answers: expected a "
		    "screen or item id of the deck");
	assert_diag(&d, "x.answers:4:10: error: stop-at names unknown screen 'nowhere'");
	assert_diag(&d, "x.answers:6:1: error: expected one stanza; a blank line ends the answers");
	assert_int_equal(interview_get(iv, deck_slot_find(deck, "age.at-act"))->kind, ANS_NONE);
	diags_free(&d);
	interview_free(iv);
}

/* The table of screen types (answer.h: screen_kind): every type that
 * takes an answer has its row, with a parse and a check of its own form
 * besides the words; the others take nothing. */
static void test_every_type_that_answers_has_a_row(void **st)
{
	(void)st;
	for (int t = 0; t < SCR_TYPE_COUNT; t++) {
		const struct screen_kind *k = screen_kind((enum screen_type)t);
		if (!deck_type_answers((enum screen_type)t)) {
			assert_int_equal(k->takes, ANS_NONE);
			assert_int_equal(k->words, 0);
			continue;
		}
		assert_int_not_equal(k->takes, ANS_NONE);
		assert_non_null(k->expected);
		if (k->takes != ANS_WORD)
			assert_true(k->parse && k->fits);
	}
}

/* A multiple choice and a text may be left empty; the others may not. */
static void test_what_may_be_left_empty_is_the_tables(void **st)
{
	(void)st;
	assert_true(screen_kind(SCR_MULTI)->may_leave_empty);
	assert_true(screen_kind(SCR_TEXT)->may_leave_empty);
	assert_false(screen_kind(SCR_YESNO)->may_leave_empty);
	assert_false(screen_kind(SCR_SINGLE)->may_leave_empty);
	assert_false(screen_kind(SCR_NUMBER)->may_leave_empty);
}

/* A text's answer is the person's account (the case file quotes it among
 * the accounts); no other type's is. */
static void test_only_a_text_is_an_account(void **st)
{
	(void)st;
	for (int t = 0; t < SCR_TYPE_COUNT; t++)
		assert_int_equal(screen_kind((enum screen_type)t)->account, t == SCR_TEXT);
}

/* Answers are compared as values: the same text at another address is the
 * same answer; another kind, word or choice is not. */
static void test_answers_compare_as_values(void **st)
{
	(void)st;
	char one[] = "Offered work", two[] = "Offered work";
	struct answer a = { .kind = ANS_TEXT, .text = one }, b = { .kind = ANS_TEXT, .text = two };
	assert_true(answer_equal(&a, &b));
	b.text = (char *)"Offered job";
	assert_false(answer_equal(&a, &b));
	struct answer yes = { .kind = ANS_WORD, .word = IV_YES }, no = { .kind = ANS_WORD, .word = IV_NO };
	struct answer n = { .kind = ANS_NUMBER, .number = IV_YES }, none = { 0 }, none2 = { 0 };
	assert_false(answer_equal(&yes, &no));
	assert_false(answer_equal(&yes, &n));
	assert_true(answer_equal(&none, &none2));
	struct answer m1 = { .kind = ANS_MULTI, .multi = 5 }, m2 = { .kind = ANS_MULTI, .multi = 4 };
	assert_false(answer_equal(&m1, &m2));
}

/* The words a slot takes come from its type's row, intended only where the
 * slot allows it. */
static void test_a_slots_words_come_from_its_type(void **st)
{
	(void)st;
	enum ind_value w[5];
	assert_int_equal(answer_words(deck, deck_slot_find(deck, "setup.role"), w), 2);
	assert_int_equal(w[0], IV_DONTKNOW);
	assert_int_equal(w[1], IV_DECLINED);
	assert_int_equal(answer_words(deck, deck_slot_find(deck, "act.open"), w), 1);
	assert_int_equal(w[0], IV_DECLINED);
	int n = answer_words(deck, deck_slot_find(deck, "safety.private"), w);
	assert_true(n == 4 || n == 5);
	assert_int_equal(w[0], IV_YES);
	assert_int_equal(w[n - 1], IV_DECLINED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answers_of_every_type_apply),
		cmocka_unit_test(test_unknown_id_has_did_you_mean),
		cmocka_unit_test(test_bad_values_name_line_and_column),
		cmocka_unit_test(test_screens_without_answers_are_refused),
		cmocka_unit_test(test_stop_at_records_the_stop),
		cmocka_unit_test(test_text_answers_are_sanitized),
		cmocka_unit_test(test_multi_and_declined_forms),
		cmocka_unit_test(test_file_errors_name_line_and_column),
		cmocka_unit_test(test_a_text_over_the_limit_says_the_limit),
		cmocka_unit_test(test_every_type_that_answers_has_a_row),
		cmocka_unit_test(test_what_may_be_left_empty_is_the_tables),
		cmocka_unit_test(test_only_a_text_is_an_account),
		cmocka_unit_test(test_answers_compare_as_values),
		cmocka_unit_test(test_a_slots_words_come_from_its_type),
	};
	return cmocka_run_group_tests_name("answers", tests, bundled_setup, bundled_teardown);
}
