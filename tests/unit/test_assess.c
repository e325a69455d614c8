/* The Article 3 rules of DESIGN.md §4, one behaviour per test. Inputs are
 * written in the `assess` file format, so the parser is exercised too. */
#include "testutil.h"

#include "assess.h"
#include "inputs.h"

static struct assessment run(const char *text)
{
	struct stanza_file f;
	struct diags d = { 0 };
	struct assess_input in;
	assert_int_equal(stanza_parse("in", text, strlen(text), &f, &d), 0);
	if (inputs_parse(&f, &in, &d) != 0) {
		char *t = diags_text(&d);
		fail_msg("inputs refused: %s", t);
	}
	struct assessment a;
	const char *why = NULL;
	assert_int_equal(assess_run(&in, &a, &why), 0);
	stanza_file_free(&f);
	diags_free(&d);
	return a;
}

#define ACT "act.recruitment: yes\n"
#define MEANS "means.deception: yes\n"
#define PURPOSE "purpose.forced-labour: yes\n"

static void test_age_at_act_under_18_is_a_child(void **st)
{
	(void)st;
	assert_int_equal(run("age-at-act: 17\n").child, CHILD_YES);
	assert_int_equal(run("age-at-act: 18\n").child, CHILD_NO);
	assert_int_equal(run("age-at-act: 0\n").child, CHILD_YES);
}

static void test_no_age_and_no_presumption_is_unknown(void **st)
{
	(void)st;
	assert_int_equal(run(ACT).child, CHILD_UNKNOWN);
	assert_int_equal(run("child: presumed\n").child, CHILD_PRESUMED);
}

static void test_child_needs_no_means(void **st)
{
	(void)st;
	struct assessment a = run("age-at-act: 15\n" ACT PURPOSE "means.threat: no\n");
	assert_int_equal(a.outcome, OUT_CONSISTENT_CHILD);
	assert_false(a.el[EL_MEANS].required);
	assert_int_equal(a.el[EL_MEANS].status, ST_NOT_MET);
	assert_true(a.cite[CITE_TIP_3C]);
	assert_true(a.cite[CITE_TIP_3D]);
}

static void test_presumed_child_is_treated_as_child_and_flagged(void **st)
{
	(void)st;
	struct assessment a = run("child: presumed\n" ACT PURPOSE);
	assert_int_equal(a.outcome, OUT_CONSISTENT_CHILD);
	assert_true(a.flag[FLAG_PRESUMED_CHILD]);
	assert_true(a.cite[CITE_TIP_3C]);
}

static void test_adult_needs_all_three(void **st)
{
	(void)st;
	assert_int_equal(run("age-at-act: 30\n" ACT MEANS PURPOSE).outcome, OUT_CONSISTENT_ADULT);
	struct assessment a = run("age-at-act: 30\n" ACT PURPOSE);
	assert_int_equal(a.outcome, OUT_INCOMPLETE);	/* means unclear: no indicator */
	assert_true(a.el[EL_MEANS].required);
	assert_false(a.cite[CITE_TIP_3C]);
}

static void test_unknown_age_with_all_three_is_consistent_adult(void **st)
{
	(void)st;
	assert_int_equal(run(ACT MEANS PURPOSE).outcome, OUT_CONSISTENT_ADULT);
}

static void test_unknown_age_without_means_asks_to_establish_age(void **st)
{
	(void)st;
	struct assessment a = run(ACT PURPOSE "means.threat: no\n");
	assert_int_equal(a.outcome, OUT_INCOMPLETE);
	assert_true(a.flag[FLAG_ESTABLISH_AGE]);
	assert_false(a.flag[FLAG_PURPOSE_WITHOUT_MEANS]);	/* only for child: no */
}

static void test_required_element_not_met_is_not_shown(void **st)
{
	(void)st;
	struct assessment a = run("age-at-act: 40\n" ACT MEANS "purpose.forced-labour: no\n");
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
	assert_int_equal(a.el[EL_PURPOSE].status, ST_NOT_MET);
}

static void test_means_not_met_is_not_required_for_a_child(void **st)
{
	(void)st;
	/* A child whose act is unclear: incomplete, not not-shown for means. */
	struct assessment a = run("age-at-act: 12\nact.recruitment: dontknow\nmeans.threat: no\n" PURPOSE);
	assert_int_equal(a.outcome, OUT_INCOMPLETE);
}

static void test_element_status_rules(void **st)
{
	(void)st;
	struct assessment a = run("act.recruitment: no\nact.receipt: no\n"
				  "means.threat: no\nmeans.fraud: dontknow\n");
	assert_int_equal(a.el[EL_ACT].status, ST_NOT_MET);
	assert_int_equal(a.el[EL_MEANS].status, ST_UNCLEAR);
	assert_int_equal(a.el[EL_PURPOSE].status, ST_UNCLEAR);	/* no indicators */
	a = run("act.transfer: declined\n");
	assert_int_equal(a.el[EL_ACT].status, ST_UNCLEAR);
	a = run("act.transfer: unanswered\nact.harbouring: yes\n");
	assert_int_equal(a.el[EL_ACT].status, ST_MET);
}

static void test_intended_counts_for_purpose_only(void **st)
{
	(void)st;
	struct assessment a = run("age-at-act: 25\n" ACT MEANS "purpose.sexual-exploitation: intended\n");
	assert_int_equal(a.el[EL_PURPOSE].status, ST_MET);
	assert_true(a.el[EL_PURPOSE].intended_only);
	assert_int_equal(a.outcome, OUT_CONSISTENT_ADULT);
	assert_true(a.flag[FLAG_INTENDED]);
	assert_true(a.cite[CITE_TIP_5]);
}

static void test_intended_and_happened_is_not_intended_only(void **st)
{
	(void)st;
	struct assessment a = run(ACT MEANS PURPOSE "purpose.servitude: intended\n");
	assert_false(a.el[EL_PURPOSE].intended_only);
	assert_false(a.flag[FLAG_INTENDED]);
	assert_false(a.cite[CITE_TIP_5]);
}

static void test_consent_irrelevant_with_means_for_adult_cites_3b(void **st)
{
	(void)st;
	struct assessment a = run("age-at-act: 22\nconsent: yes\n" ACT MEANS PURPOSE);
	assert_true(a.flag[FLAG_CONSENT_IRRELEVANT]);
	assert_true(a.cite[CITE_TIP_3B]);
}

static void test_consent_irrelevant_for_child_cites_3c_not_3b(void **st)
{
	(void)st;
	struct assessment a = run("age-at-act: 16\nconsent: yes\n" ACT PURPOSE);
	assert_true(a.flag[FLAG_CONSENT_IRRELEVANT]);
	assert_false(a.cite[CITE_TIP_3B]);
	assert_true(a.cite[CITE_TIP_3C]);
}

static void test_consent_without_means_is_not_irrelevant(void **st)
{
	(void)st;
	struct assessment a = run("age-at-act: 22\nconsent: yes\n" ACT PURPOSE "means.threat: no\n");
	assert_false(a.flag[FLAG_CONSENT_IRRELEVANT]);
	a = run("age-at-act: 22\nconsent: no\n" ACT MEANS PURPOSE);
	assert_false(a.flag[FLAG_CONSENT_IRRELEVANT]);
}

static void test_purpose_without_means_for_adult(void **st)
{
	(void)st;
	struct assessment a = run("age-at-act: 35\n" ACT PURPOSE "means.coercion: no\n");
	assert_true(a.flag[FLAG_PURPOSE_WITHOUT_MEANS]);
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
}

static void test_beyond_minimum_purpose(void **st)
{
	(void)st;
	assert_true(run("purpose.other: yes\n").flag[FLAG_BEYOND_MINIMUM]);
	assert_true(run("purpose.other: intended\n").flag[FLAG_BEYOND_MINIMUM]);
	assert_false(run("purpose.other: dontknow\n").flag[FLAG_BEYOND_MINIMUM]);
}

static void test_smuggling_needs_both_facts(void **st)
{
	(void)st;
	struct assessment a = run("smuggling.irregular-entry: yes\nsmuggling.paid-facilitator: yes\n");
	assert_true(a.flag[FLAG_SMUGGLING]);
	assert_true(a.cite[CITE_SOM_3A]);
	a = run("smuggling.irregular-entry: yes\nsmuggling.paid-facilitator: dontknow\n");
	assert_false(a.flag[FLAG_SMUGGLING]);
	assert_false(a.cite[CITE_SOM_3A]);
}

static void test_smuggling_is_not_an_element(void **st)
{
	(void)st;
	struct assessment a = run("smuggling.irregular-entry: yes\nsmuggling.paid-facilitator: yes\n");
	assert_int_equal(a.el[EL_ACT].status, ST_UNCLEAR);
	assert_int_equal(a.outcome, OUT_INCOMPLETE);
}

static void test_tip_3a_is_always_cited(void **st)
{
	(void)st;
	struct assessment a = run("");
	assert_true(a.cite[CITE_TIP_3A]);
	assert_int_equal(a.outcome, OUT_INCOMPLETE);
}

static void test_caveats(void **st)
{
	(void)st;
	struct assessment a = run("setting.private: no\nsetting.controller-present: yes\n"
				  "setting.interpreter: informal\ninterview.stopped-early: yes\n");
	assert_true(a.caveat[CAVEAT_NOT_PRIVATE]);
	assert_true(a.caveat[CAVEAT_CONTROLLER_PRESENT]);
	assert_true(a.caveat[CAVEAT_INFORMAL_INTERPRETER]);
	assert_true(a.caveat[CAVEAT_STOPPED_EARLY]);
	a = run("setting.private: yes\nsetting.interpreter: professional\n");
	for (int c = 0; c < CAVEAT_COUNT; c++)
		assert_false(a.caveat[c]);
}

static void test_many_declined_from_three(void **st)
{
	(void)st;
	assert_false(run("act.transfer: declined\nmeans.fraud: declined\n").caveat[CAVEAT_MANY_DECLINED]);
	assert_true(run("act.transfer: declined\nmeans.fraud: declined\npurpose.slavery: declined\n")
			    .caveat[CAVEAT_MANY_DECLINED]);
}

static void test_combining_several_answers_for_one_indicator(void **st)
{
	(void)st;
	struct assess_input in;
	inputs_init(&in);
	inputs_add_indicator(&in, IND_MEANS_COERCION, IV_NO);
	inputs_add_indicator(&in, IND_MEANS_COERCION, IV_NO);
	assert_int_equal(in.ind[IND_MEANS_COERCION], IV_NO);
	inputs_add_indicator(&in, IND_MEANS_COERCION, IV_DONTKNOW);
	assert_int_equal(in.ind[IND_MEANS_COERCION], IV_DONTKNOW);
	inputs_add_indicator(&in, IND_MEANS_COERCION, IV_YES);
	inputs_add_indicator(&in, IND_MEANS_COERCION, IV_NO);
	assert_int_equal(in.ind[IND_MEANS_COERCION], IV_YES);
	inputs_add_indicator(&in, IND_PURPOSE_SERVITUDE, IV_NO);
	inputs_add_indicator(&in, IND_PURPOSE_SERVITUDE, IV_INTENDED);
	assert_int_equal(in.ind[IND_PURPOSE_SERVITUDE], IV_INTENDED);
}

static void test_age_contradicting_child_is_an_error(void **st)
{
	(void)st;
	struct assess_input in;
	inputs_init(&in);
	in.value[IN_AGE] = 15;
	in.value[IN_CHILD] = CHILD_NO;
	struct assessment a;
	const char *why = NULL;
	assert_int_equal(assess_run(&in, &a, &why), -1);
	assert_non_null(why);
	in.value[IN_CHILD] = CHILD_YES;
	assert_int_equal(assess_run(&in, &a, &why), 0);
	in.value[IN_AGE] = 19;
	assert_int_equal(assess_run(&in, &a, &why), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_age_at_act_under_18_is_a_child),
		cmocka_unit_test(test_no_age_and_no_presumption_is_unknown),
		cmocka_unit_test(test_child_needs_no_means),
		cmocka_unit_test(test_presumed_child_is_treated_as_child_and_flagged),
		cmocka_unit_test(test_adult_needs_all_three),
		cmocka_unit_test(test_unknown_age_with_all_three_is_consistent_adult),
		cmocka_unit_test(test_unknown_age_without_means_asks_to_establish_age),
		cmocka_unit_test(test_required_element_not_met_is_not_shown),
		cmocka_unit_test(test_means_not_met_is_not_required_for_a_child),
		cmocka_unit_test(test_element_status_rules),
		cmocka_unit_test(test_intended_counts_for_purpose_only),
		cmocka_unit_test(test_intended_and_happened_is_not_intended_only),
		cmocka_unit_test(test_consent_irrelevant_with_means_for_adult_cites_3b),
		cmocka_unit_test(test_consent_irrelevant_for_child_cites_3c_not_3b),
		cmocka_unit_test(test_consent_without_means_is_not_irrelevant),
		cmocka_unit_test(test_purpose_without_means_for_adult),
		cmocka_unit_test(test_beyond_minimum_purpose),
		cmocka_unit_test(test_smuggling_needs_both_facts),
		cmocka_unit_test(test_smuggling_is_not_an_element),
		cmocka_unit_test(test_tip_3a_is_always_cited),
		cmocka_unit_test(test_caveats),
		cmocka_unit_test(test_many_declined_from_three),
		cmocka_unit_test(test_combining_several_answers_for_one_indicator),
		cmocka_unit_test(test_age_contradicting_child_is_an_error),
	};
	return cmocka_run_group_tests_name("assess", tests, utf8_locale, NULL);
}
