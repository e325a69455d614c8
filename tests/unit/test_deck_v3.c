/* Deck version 3 (DESIGN §5 v3) on the bundled deck: the age protectively,
 * a contradiction refused on the screen that would create it, interpreters
 * failing closed, the officers' warnings before every self-incriminating
 * block, the safety plan failing closed, and what the summary says of an
 * answer. */
#include "bundled.h"

#include "domain/interview.h"
#include "domain/report.h"

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

static bool on_path(const struct interview *iv, const char *screen)
{
	int s = deck_screen_find(deck, screen);
	if (s < 0)
		fail_msg("no screen %s", screen);
	return interview_on_path(iv, s);
}

/* The index of screen on the path, or -1. */
static int path_index(const struct interview *iv, const char *screen)
{
	size_t n;
	const int *p = interview_path(iv, &n, NULL);
	int s = deck_screen_find(deck, screen);
	for (size_t i = 0; i < n; i++)
		if (p[i] == s)
			return (int)i;
	return -1;
}

/* Setup and safety answered; minor is the answer to safety.minor. */
static struct interview *begun(const char *role, const char *minor)
{
	struct interview *iv = interview_new(deck);
	say(iv, "setup.role", role);
	say(iv, "setup.interpreter", "none");
	say(iv, "safety.private", "yes");
	say(iv, "safety.controller", "no");
	say(iv, "safety.danger", "no");
	say(iv, "safety.minor", minor);
	say(iv, "consent.agree", "yes");
	return iv;
}

static struct assess_input inputs(const struct interview *iv)
{
	struct assess_input in;
	interview_inputs(iv, &in);
	return in;
}

static void test_appearing_under_18_presumes_a_child_until_an_age(void **st)
{
	(void)st;
	struct interview *iv = begun("ngo", "dontknow");
	assert_true(on_path(iv, "safety.child"));
	assert_int_equal(inputs(iv).value[IN_MINOR_NOW], CHILD_PRESUMED);
	assert_null(interview_contradiction(iv, NULL));
	say(iv, "age.now", "16");	/* the age settles it */
	assert_int_equal(inputs(iv).value[IN_MINOR_NOW], -1);
	assert_null(interview_contradiction(iv, NULL));
	assert_false(on_path(iv, "age.doubt"));
	interview_free(iv);
}

static void test_a_coached_19_after_appears_under_18_is_doubted(void **st)
{
	(void)st;
	struct interview *iv = begun("police", "yes");
	say(iv, "age.now", "19");
	assert_true(on_path(iv, "age.doubt"));
	say(iv, "age.doubt", "yes");
	assert_true(on_path(iv, "age.doubted"));
	struct assess_input in = inputs(iv);
	assert_int_equal(in.value[IN_AGE_DOUBTED], IN_YES);
	assert_int_equal(in.value[IN_MINOR_NOW], CHILD_PRESUMED);
	assert_int_equal(in.value[IN_AGE_NOW], 19);	/* kept as given */
	assert_null(interview_contradiction(iv, NULL));
	say(iv, "age.doubt", "dontknow");	/* not sure is doubt */
	assert_int_equal(inputs(iv).value[IN_AGE_DOUBTED], IN_YES);
	interview_free(iv);
}

static void test_an_age_of_19_not_doubted_settles_the_presumption(void **st)
{
	(void)st;
	struct interview *iv = begun("ngo", "yes");
	say(iv, "age.now", "19");
	say(iv, "age.doubt", "no");
	assert_false(on_path(iv, "age.doubted"));
	assert_int_equal(inputs(iv).value[IN_MINOR_NOW], -1);
	assert_null(interview_contradiction(iv, NULL));
	interview_free(iv);
}

static void test_no_doubt_screen_when_the_person_did_not_appear_a_child(void **st)
{
	(void)st;
	struct interview *iv = begun("ngo", "no");
	say(iv, "age.now", "19");
	assert_false(on_path(iv, "age.doubt"));
	interview_free(iv);
}

static void test_an_age_at_the_act_above_the_age_now_would_contradict(void **st)
{
	(void)st;
	struct interview *iv = begun("ngo", "no");
	say(iv, "age.now", "16");
	int slot = deck_slot_find(deck, "age.at-act");
	struct answer a = { .kind = ANS_NUMBER, .number = 17 };
	enum input_key key = IN_KEY_COUNT;
	size_t n, pos, n2, pos2;
	interview_path(iv, &n, &pos);
	assert_non_null(interview_would_contradict(iv, slot, &a, &key));
	assert_int_equal(key, IN_AGE);
	interview_path(iv, &n2, &pos2);
	assert_int_equal(n, n2);	/* nothing changed */
	assert_int_equal(pos, pos2);
	assert_int_equal(interview_get(iv, slot)->kind, ANS_NONE);
	a.number = 16;
	assert_null(interview_would_contradict(iv, slot, &a, &key));
	interview_free(iv);
}

static void test_a_lower_age_now_under_a_given_age_at_the_act_would_contradict(void **st)
{
	(void)st;
	struct interview *iv = begun("ngo", "no");
	say(iv, "age.now", "30");
	say(iv, "age.at-act", "25");
	struct answer a = { .kind = ANS_NUMBER, .number = 20 };
	assert_non_null(interview_would_contradict(iv, deck_slot_find(deck, "age.now"), &a, NULL));
	interview_free(iv);
}

static void test_clearly_an_adult_then_is_a_third_answer(void **st)
{
	(void)st;
	struct interview *iv = begun("ngo", "no");
	say(iv, "age.now", "dontknow");
	say(iv, "age.minor-now", "no");
	say(iv, "age.at-act", "dontknow");
	assert_true(on_path(iv, "age.then"));
	say(iv, "age.then", "adult");
	assert_int_equal(inputs(iv).value[IN_CHILD], CHILD_NO);
	say(iv, "age.then", "under");
	assert_int_equal(inputs(iv).value[IN_CHILD], CHILD_PRESUMED);
	assert_true(on_path(iv, "means.child"));
	say(iv, "age.then", "unsure");
	assert_int_equal(inputs(iv).value[IN_CHILD], CHILD_UNKNOWN);
	interview_free(iv);
}

static void test_an_interpreter_with_a_tie_or_unknown_stops(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	say(iv, "setup.interpreter", "other");
	assert_true(on_path(iv, "setup.interpreter-tie"));
	say(iv, "setup.interpreter-tie", "no");
	assert_false(path_index(iv, "stop") == path_index(iv, "setup.interpreter-tie") + 1);
	static const char *const stops[] = { "yes", "dontknow", "declined" };
	for (size_t i = 0; i < 3; i++) {
		say(iv, "setup.interpreter-tie", stops[i]);
		assert_int_equal(path_index(iv, "stop"), path_index(iv, "setup.interpreter-tie") + 1);
	}
	say(iv, "setup.interpreter", "dontknow");
	assert_int_equal(path_index(iv, "stop"), path_index(iv, "setup.interpreter") + 1);
	interview_free(iv);
}

/* Up to the blocks: an adult, a border crossed. */
static struct interview *to_the_blocks(const char *role)
{
	struct interview *iv = begun(role, "no");
	say(iv, "age.now", "30");
	say(iv, "act.border", "yes");
	say(iv, "age.at-act", "28");
	return iv;
}

static void test_officers_are_warned_before_every_self_incriminating_block(void **st)
{
	(void)st;
	static const char *const officers[] = { "police", "border", "labour" };
	for (size_t i = 0; i < 3; i++) {
		struct interview *iv = to_the_blocks(officers[i]);
		assert_true(on_path(iv, "consent.script-official"));
		say(iv, "offences.warning", "yes");
		say(iv, "smuggling.warning", "yes");
		int w = path_index(iv, "offences.warning");
		assert_true(w >= 0 && w < path_index(iv, "offences.adult"));
		assert_true(w < path_index(iv, "offences.compelled"));
		int s = path_index(iv, "smuggling.warning");
		assert_true(s > path_index(iv, "offences.compelled"));
		assert_true(s < path_index(iv, "smuggling.irregular"));
		say(iv, "offences.warning", "no");	/* each block can be skipped */
		say(iv, "smuggling.warning", "no");
		assert_false(on_path(iv, "offences.adult"));
		assert_false(on_path(iv, "offences.compelled"));
		assert_false(on_path(iv, "smuggling.irregular"));
		interview_free(iv);
	}
	struct interview *iv = to_the_blocks("ngo");
	assert_false(on_path(iv, "offences.warning"));
	assert_false(on_path(iv, "smuggling.warning"));
	assert_true(on_path(iv, "offences.adult"));
	assert_true(on_path(iv, "smuggling.irregular"));
	interview_free(iv);
}

static void test_a_health_worker_reads_the_script_with_reporting_duties(void **st)
{
	(void)st;
	struct interview *iv = begun("health", "no");
	assert_true(on_path(iv, "consent.script-health"));
	assert_false(on_path(iv, "consent.script"));
	interview_free(iv);
}

static void test_the_safety_plan_fails_closed(void **st)
{
	(void)st;
	struct interview *iv = to_the_blocks("ngo");
	say(iv, "now.others", "no");
	say(iv, "now.family", "no");
	say(iv, "now.tonight", "no");
	assert_false(on_path(iv, "now.plan"));
	assert_int_equal(inputs(iv).value[IN_GOING_BACK], IN_NO);
	say(iv, "now.tonight", "dontknow");
	assert_true(on_path(iv, "now.plan"));
	assert_int_equal(inputs(iv).value[IN_GOING_BACK], IN_UNKNOWN);
	say(iv, "now.tonight", "no");
	say(iv, "now.family", "dontknow");
	assert_true(on_path(iv, "now.plan"));
	assert_int_equal(inputs(iv).value[IN_OTHERS_AT_RISK], -1);
	say(iv, "now.family", "yes");
	assert_true(on_path(iv, "now.others-risk"));
	assert_int_equal(inputs(iv).value[IN_OTHERS_AT_RISK], IN_YES);
	interview_free(iv);
}

static void test_conditions_or_a_fee_set_conditions_exploitative(void **st)
{
	(void)st;
	struct interview *iv = to_the_blocks("ngo");
	assert_int_equal(inputs(iv).value[IN_CONDITIONS], -1);
	say(iv, "means.fees", "yes");
	assert_int_equal(inputs(iv).value[IN_CONDITIONS], IN_YES);
	say(iv, "means.fees", "no");
	say(iv, "purpose.conditions", "yes");
	assert_int_equal(inputs(iv).value[IN_CONDITIONS], IN_YES);
	interview_free(iv);
}

static void test_a_child_now_is_told_not_asked_about_referral(void **st)
{
	(void)st;
	struct interview *iv = begun("ngo", "no");
	say(iv, "age.now", "15");
	assert_true(on_path(iv, "referral.child"));
	assert_false(on_path(iv, "referral.consent"));
	say(iv, "age.now", "30");
	assert_false(on_path(iv, "referral.child"));
	assert_true(on_path(iv, "referral.consent"));
	interview_free(iv);
}

static void test_compelled_offence_is_set_by_its_question(void **st)
{
	(void)st;
	struct interview *iv = to_the_blocks("ngo");
	say(iv, "offences.compelled", "yes");
	assert_int_equal(inputs(iv).value[IN_COMPELLED], IN_YES);
	interview_free(iv);
}

/* The summary quotes a statement, never the question read to the person. */
static void test_the_summary_speaks_in_statements(void **st)
{
	(void)st;
	struct interview *iv = to_the_blocks("ngo");
	say(iv, "smuggling.irregular", "yes");
	size_t n;
	struct evidence *ev = report_evidence(iv, &n);
	bool found = false;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(ev[i].ctx, "smuggling.irregular") != 0)
			continue;
		assert_string_equal(ev[i].text, "The person crossed the border without the papers or "
				    "permission usually needed to enter.");
		found = true;
	}
	assert_true(found);
	free(ev);
	interview_free(iv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_appearing_under_18_presumes_a_child_until_an_age),
		cmocka_unit_test(test_a_coached_19_after_appears_under_18_is_doubted),
		cmocka_unit_test(test_an_age_of_19_not_doubted_settles_the_presumption),
		cmocka_unit_test(test_no_doubt_screen_when_the_person_did_not_appear_a_child),
		cmocka_unit_test(test_an_age_at_the_act_above_the_age_now_would_contradict),
		cmocka_unit_test(test_a_lower_age_now_under_a_given_age_at_the_act_would_contradict),
		cmocka_unit_test(test_clearly_an_adult_then_is_a_third_answer),
		cmocka_unit_test(test_an_interpreter_with_a_tie_or_unknown_stops),
		cmocka_unit_test(test_officers_are_warned_before_every_self_incriminating_block),
		cmocka_unit_test(test_a_health_worker_reads_the_script_with_reporting_duties),
		cmocka_unit_test(test_the_safety_plan_fails_closed),
		cmocka_unit_test(test_conditions_or_a_fee_set_conditions_exploitative),
		cmocka_unit_test(test_a_child_now_is_told_not_asked_about_referral),
		cmocka_unit_test(test_compelled_offence_is_set_by_its_question),
		cmocka_unit_test(test_the_summary_speaks_in_statements),
	};
	return cmocka_run_group_tests_name("deck v3", tests, bundled_setup, bundled_teardown);
}
