/* The interview state machine on the bundled deck: the path as a function
 * of the answers, back, edit, stop, and what the assessment sees. */
#include "bundled.h"

#include "domain/interview.h"


static void say(struct interview *iv, const char *id, const char *value)
{
	int slot = deck_slot_find(deck, id);
	if (slot < 0)
		fail_msg("no slot %s", id);
	struct answer a;
	const char *why;
	if (answer_parse(deck, slot, value, &a, &why) < 0)
		fail_msg("%s: '%s' refused: %s", id, value, why);
	assert_int_equal(interview_answer(iv, slot, &a, &why), 0);
	answer_clear(&a);
}

static bool on_path(struct interview *iv, const char *screen)
{
	int s = deck_screen_find(deck, screen);
	assert_true(s >= 0);
	return interview_on_path(iv, s);
}

static struct interview *start_safe(void)
{
	struct interview *iv = interview_new(deck);
	say(iv, "safety.private", "yes");
	say(iv, "safety.controller", "no");
	say(iv, "safety.danger", "no");
	say(iv, "safety.minor", "no");
	say(iv, "consent.agree", "yes");
	return iv;
}

static struct assessment assess(struct interview *iv)
{
	struct assessment a;
	const char *why;
	assert_int_equal(interview_assess(iv, &a, &why), 0);
	return a;
}

static void test_new_interview_starts_at_the_first_screen(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	assert_int_equal(interview_current(iv), deck->start);
	assert_false(interview_back(iv));
	assert_false(interview_complete(iv));
	interview_free(iv);
}

static void test_unsafe_answer_leads_to_stop(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	say(iv, "safety.private", "no");
	assert_true(on_path(iv, "stop"));
	assert_false(on_path(iv, "consent.script"));
	struct assessment a = assess(iv);
	assert_true(a.caveat[CAVEAT_NOT_PRIVATE]);
	assert_true(a.caveat[CAVEAT_STOPPED_EARLY]);
	say(iv, "safety.private", "yes");
	/* Anything but a clear safe answer stops: the next two unanswered. */
	assert_true(on_path(iv, "stop"));
	assert_false(on_path(iv, "consent.script"));
	say(iv, "safety.controller", "no");
	say(iv, "safety.danger", "no");
	assert_true(on_path(iv, "consent.script"));
	/* The path runs ahead of the cursor: with consent not yet given it
	 * still ends on the stop screen, and leaves it once consent is given. */
	assert_true(on_path(iv, "stop"));
	say(iv, "consent.agree", "yes");
	assert_false(on_path(iv, "stop"));
	a = assess(iv);
	assert_false(a.caveat[CAVEAT_STOPPED_EARLY]);
	assert_false(a.caveat[CAVEAT_NOT_PRIVATE]);
	interview_free(iv);
}

/* "Don't know" or "declined" on a safety question is not safe: it stops
 * (DESIGN §5 version 2; in version 1 it went on). */
static void test_unsure_safety_answer_stops(void **st)
{
	(void)st;
	static const char *const q[] = { "safety.private", "safety.controller", "safety.danger" };
	static const char *const safe_word[] = { "yes", "no", "no" };
	for (int k = 0; k < 3; k++) {
		for (int w = 0; w < 2; w++) {
			struct interview *iv = start_safe();
			assert_false(on_path(iv, "stop"));
			say(iv, q[k], w ? "declined" : "dontknow");
			assert_true(on_path(iv, "stop"));
			assert_false(on_path(iv, "consent.agree"));
			say(iv, q[k], safe_word[k]);
			assert_false(on_path(iv, "stop"));
			interview_free(iv);
		}
	}
}

/* A family member or a companion interpreting stops the interview; a
 * professional does not; another informal interpreter stops too unless they
 * have no tie to the person, and is then a caveat (deck v3). */
static void test_family_or_companion_interpreter_stops(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	say(iv, "setup.interpreter", "companion");
	assert_true(on_path(iv, "stop"));
	assert_false(on_path(iv, "safety.private"));
	say(iv, "setup.interpreter", "family");
	assert_true(on_path(iv, "stop"));
	say(iv, "setup.interpreter", "other");
	assert_true(on_path(iv, "stop"));	/* the tie not yet known */
	say(iv, "setup.interpreter-tie", "no");
	assert_false(on_path(iv, "stop"));
	assert_true(assess(iv).caveat[CAVEAT_INFORMAL_INTERPRETER]);
	interview_free(iv);
}

static void test_no_consent_stops(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	say(iv, "consent.agree", "declined");
	assert_true(on_path(iv, "stop"));
	assert_false(on_path(iv, "age.at-act"));
	interview_free(iv);
}

static void test_child_sees_the_child_note_and_means_are_not_required(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	say(iv, "age.at-act", "16");
	assert_true(on_path(iv, "means.child"));
	assert_false(on_path(iv, "age.then"));
	assert_false(assess(iv).el[EL_MEANS].required);
	interview_free(iv);
}

static void test_changing_age_16_to_30_makes_means_required(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	say(iv, "age.at-act", "16");
	say(iv, "act.recruited", "yes");
	say(iv, "purpose.child-hazardous", "yes");
	assert_int_equal(assess(iv).outcome, OUT_CONSISTENT_CHILD);
	/* Walk forward to the purpose screen, then back to the age screen. */
	int age = deck_screen_find(deck, "age.at-act");
	while (interview_current(iv) != deck_screen_find(deck, "purpose.checklist"))
		assert_true(interview_next(iv));
	while (interview_current(iv) != age)
		assert_true(interview_back(iv));
	say(iv, "age.at-act", "30");
	assert_int_equal(interview_current(iv), age);	/* the cursor stays */
	assert_false(on_path(iv, "means.child"));
	struct assessment a = assess(iv);
	assert_true(a.el[EL_MEANS].required);
	assert_int_equal(a.child, CHILD_NO);
	assert_int_equal(a.outcome, OUT_INCOMPLETE);	/* means unanswered: unclear */
	interview_free(iv);
}

static void test_answers_off_the_path_are_not_assessed(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	say(iv, "age.at-act", "dontknow");
	say(iv, "age.then", "under");
	assert_int_equal(assess(iv).child, CHILD_PRESUMED);
	say(iv, "age.at-act", "30");
	assert_false(on_path(iv, "age.then"));
	struct assessment a = assess(iv);
	assert_int_equal(a.child, CHILD_NO);
	assert_false(a.flag[FLAG_PRESUMED_CHILD]);
	int off[8];
	assert_int_equal(interview_discarded(iv, off, 8), 1);
	assert_int_equal(off[0], deck_slot_find(deck, "age.then"));
	/* The answer is kept until the interview completes, then dropped. */
	assert_int_equal(interview_get(iv, off[0])->kind, ANS_CHOICE);
	interview_finish(iv);
	assert_int_equal(interview_get(iv, off[0])->kind, ANS_NONE);
	assert_int_equal(interview_discarded(iv, off, 8), 0);
	interview_free(iv);
}

static void test_smuggling_only_when_a_border_was_crossed(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	say(iv, "act.border", "yes");
	say(iv, "smuggling.irregular", "yes");
	say(iv, "smuggling.paid", "yes");
	assert_true(on_path(iv, "smuggling.irregular"));
	assert_true(assess(iv).flag[FLAG_SMUGGLING]);
	say(iv, "act.border", "no");
	assert_false(on_path(iv, "smuggling.irregular"));
	assert_false(assess(iv).flag[FLAG_SMUGGLING]);
	interview_free(iv);
}

static void test_several_items_combine_into_one_indicator(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	static const char *const coercion[] = { "means.confined", "means.phone-taken",
						"means.wages-withheld", "means.debt-control", "means.drugs" };
	for (size_t k = 0; k < sizeof coercion / sizeof *coercion; k++)
		say(iv, coercion[k], "no");
	say(iv, "means.documents-withheld", "yes");
	assert_int_equal(assess(iv).ind[IND_MEANS_COERCION], IV_YES);
	say(iv, "means.documents-withheld", "no");
	assert_int_equal(assess(iv).ind[IND_MEANS_COERCION], IV_NO);
	interview_free(iv);
}

static void test_unanswered_questions_on_the_path_are_unclear(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	struct assessment a = assess(iv);
	assert_int_equal(a.ind[IND_ACT_RECRUITMENT], IV_UNANSWERED);
	assert_int_equal(a.el[EL_ACT].status, ST_UNCLEAR);
	assert_int_equal(a.ind[IND_SMUGGLING_ENTRY], IV_ABSENT);	/* off the path */
	interview_free(iv);
}

/* "Three or more declined answers" (DESIGN §4) counts every answer, not
 * only the indicators: a declined age and a declined account count too. */
static void test_declined_answers_of_any_kind_count_for_many_declined(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	say(iv, "age.now", "declined");
	say(iv, "act.open", "declined");
	assert_false(assess(iv).caveat[CAVEAT_MANY_DECLINED]);
	say(iv, "setup.place", "declined");
	assert_true(assess(iv).caveat[CAVEAT_MANY_DECLINED]);
	say(iv, "setup.place", "other");
	assert_false(assess(iv).caveat[CAVEAT_MANY_DECLINED]);
	interview_free(iv);
}

static void test_setup_sets_the_interpreter_caveat(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	say(iv, "setup.interpreter", "family");
	assert_true(assess(iv).caveat[CAVEAT_INFORMAL_INTERPRETER]);
	say(iv, "setup.interpreter", "phone");
	assert_false(assess(iv).caveat[CAVEAT_INFORMAL_INTERPRETER]);
	interview_free(iv);
}

static void test_consent_answer_sets_consent(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	say(iv, "age.at-act", "25");
	say(iv, "means.agreed", "yes");
	say(iv, "means.lied", "yes");
	assert_true(assess(iv).flag[FLAG_CONSENT_IRRELEVANT]);
	say(iv, "means.agreed", "dontknow");
	assert_false(assess(iv).flag[FLAG_CONSENT_IRRELEVANT]);
	interview_free(iv);
}

static void test_stop_key_goes_to_stop_and_back_takes_it_back(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	int age = deck_screen_find(deck, "age.now");
	assert_true(interview_goto(iv, age));
	interview_stop(iv);
	assert_int_equal(interview_current(iv), deck->stop);
	assert_false(on_path(iv, "act.open"));
	assert_true(assess(iv).caveat[CAVEAT_STOPPED_EARLY]);
	/* From the stop screen to the referral and the close: the summary is
	 * never on a stopped path (DESIGN §5), though the assessment is made. */
	assert_false(interview_on_path(iv, deck->summary));
	assert_true(interview_next(iv));
	assert_string_equal(deck->s[interview_current(iv)].id, "referral");
	assert_true(interview_next(iv));
	assert_string_equal(deck->s[interview_current(iv)].id, "close");
	assert_false(interview_next(iv));
	assert_true(interview_complete(iv));
	assert_true(interview_back(iv));
	assert_true(interview_back(iv));
	assert_true(interview_back(iv));	/* from the stop screen: stop taken back */
	assert_int_equal(interview_current(iv), age);
	assert_int_equal(interview_stopped_at(iv), -1);
	assert_true(on_path(iv, "act.open"));
	interview_free(iv);
}

static void test_next_to_the_end_completes(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	while (interview_next(iv))
		;
	assert_true(interview_complete(iv));
	assert_string_equal(deck->s[interview_current(iv)].id, "close");
	interview_free(iv);
}

static void test_goto_refuses_screens_off_the_path(void **st)
{
	(void)st;
	struct interview *iv = start_safe();
	assert_false(interview_goto(iv, deck_screen_find(deck, "smuggling.paid")));
	assert_true(interview_goto(iv, deck->review));
	assert_int_equal(interview_current(iv), deck->review);
	interview_free(iv);
}

static void test_wrong_answers_are_refused(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	int age = deck_slot_find(deck, "age.at-act");
	struct answer a = { .kind = ANS_NUMBER, .number = 200 };
	const char *why = NULL;
	assert_int_equal(interview_answer(iv, age, &a, &why), -1);
	assert_non_null(why);
	a = (struct answer){ .kind = ANS_WORD, .word = IV_INTENDED };
	assert_int_equal(interview_answer(iv, deck_slot_find(deck, "act.recruited"), &a, &why), -1);
	assert_int_equal(interview_answer(iv, deck_slot_find(deck, "purpose.organs"), &a, &why), 0);
	interview_free(iv);
}

static void test_notes_are_kept_per_screen(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	interview_set_note(iv, 0, "interpreter late");
	assert_string_equal(interview_note(iv, 0), "interpreter late");
	interview_set_note(iv, 0, "");
	assert_null(interview_note(iv, 0));
	interview_free(iv);
}

/* The answers of a whole case, as a replay puts them back. */
static void answer_a_case(struct interview *iv)
{
	say(iv, "safety.private", "yes");
	say(iv, "safety.controller", "no");
	say(iv, "safety.danger", "no");
	say(iv, "safety.minor", "no");
	say(iv, "consent.agree", "yes");
	say(iv, "age.at-act", "16");
	say(iv, "act.recruited", "yes");
	say(iv, "purpose.child-hazardous", "yes");
	say(iv, "age.at-act", "30");	/* the means come back on the path */
	interview_set_stop(iv, deck_screen_find(deck, "age.now"));
	interview_set_stop(iv, -1);
}

static void test_a_held_replay_makes_the_path_every_answer_would(void **st)
{
	(void)st;
	struct interview *each = interview_new(deck), *held = interview_new(deck);
	answer_a_case(each);
	size_t n0, n1;
	interview_path(held, &n0, NULL);
	assert_true(interview_hold(held));
	answer_a_case(held);
	interview_path(held, &n1, NULL);
	assert_int_equal(n1, n0);	/* held: still the path of the empty interview */
	interview_release(held);
	size_t na, pa, nb, pb;
	const int *a = interview_path(each, &na, &pa), *b = interview_path(held, &nb, &pb);
	assert_true(na > 20);
	assert_int_equal(na, nb);
	assert_int_equal(pa, pb);
	assert_memory_equal(a, b, na * sizeof *a);
	struct assessment x = assess(each), y = assess(held);
	assert_int_equal(x.outcome, y.outcome);
	assert_true(y.el[EL_MEANS].required);
	/* The cursor elsewhere than the first screen: not held, as a walk at
	 * every answer could move it. */
	assert_true(interview_next(held));
	assert_false(interview_hold(held));
	say(held, "age.at-act", "16");
	assert_true(interview_on_path(held, deck_screen_find(deck, "means.child")));
	interview_free(each);
	interview_free(held);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_interview_starts_at_the_first_screen),
		cmocka_unit_test(test_unsafe_answer_leads_to_stop),
		cmocka_unit_test(test_unsure_safety_answer_stops),
		cmocka_unit_test(test_family_or_companion_interpreter_stops),
		cmocka_unit_test(test_no_consent_stops),
		cmocka_unit_test(test_child_sees_the_child_note_and_means_are_not_required),
		cmocka_unit_test(test_changing_age_16_to_30_makes_means_required),
		cmocka_unit_test(test_answers_off_the_path_are_not_assessed),
		cmocka_unit_test(test_smuggling_only_when_a_border_was_crossed),
		cmocka_unit_test(test_several_items_combine_into_one_indicator),
		cmocka_unit_test(test_unanswered_questions_on_the_path_are_unclear),
		cmocka_unit_test(test_setup_sets_the_interpreter_caveat),
		cmocka_unit_test(test_declined_answers_of_any_kind_count_for_many_declined),
		cmocka_unit_test(test_consent_answer_sets_consent),
		cmocka_unit_test(test_stop_key_goes_to_stop_and_back_takes_it_back),
		cmocka_unit_test(test_next_to_the_end_completes),
		cmocka_unit_test(test_goto_refuses_screens_off_the_path),
		cmocka_unit_test(test_wrong_answers_are_refused),
		cmocka_unit_test(test_notes_are_kept_per_screen),
		cmocka_unit_test(test_a_held_replay_makes_the_path_every_answer_would),
	};
	return cmocka_run_group_tests_name("interview", tests, bundled_setup, bundled_teardown);
}
