/* The `assess` input format: keys, values, and errors with their lines. */
#include "testutil.h"

#include "domain/inputs.h"

static int parse(const char *text, struct assess_input *in, struct diags *d)
{
	struct stanza_file f;
	int rc = stanza_parse("in.txt", text, strlen(text), &f, d);
	if (rc == 0)
		rc = inputs_parse(&f, in, d);
	stanza_file_free(&f);
	return rc;
}

static void test_all_keys_parse(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("# a comment\nage-at-act: 15\nconsent: unknown\n"
			       "setting.private: yes\nsetting.controller-present: no\n"
			       "setting.interpreter: professional\ninterview.stopped-early: no\n"
			       "means.fraud: dontknow\n", &in, &d), 0);
	assert_int_equal(in.value[IN_AGE], 15);
	assert_int_equal(in.value[IN_CONSENT], IN_UNKNOWN);
	assert_int_equal(in.value[IN_INTERPRETER], INTERP_PROFESSIONAL);
	assert_int_equal(in.ind[IND_MEANS_FRAUD], IV_DONTKNOW);
	assert_int_equal(in.ind[IND_ACT_RECRUITMENT], IV_ABSENT);
	diags_free(&d);
}

static void test_unknown_key_names_its_line(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("age-at-act: 15\nmeans.decepton: yes\n", &in, &d), -1);
	assert_diag(&d, "in.txt:2:1: error: unknown field 'means.decepton' in the assessment inputs (did you mean "
		    "'means.deception'?)");
	diags_free(&d);
}

static void test_bad_value_names_line_and_column(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("consent: maybe\n", &in, &d), -1);
	assert_diag(&d, "in.txt:1:10: error: 'maybe' is not a value for consent: expected yes, no or unknown");
	diags_free(&d);
	assert_int_equal(parse("age-at-act: -3\n", &in, &d), -1);
	assert_diag(&d, "in.txt:1:13: error: '-3' is not a value for age-at-act");
	diags_free(&d);
	assert_int_equal(parse("age-at-act: 131\n", &in, &d), -1);
	diags_free(&d);
}

static void test_intended_only_for_purpose(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("act.receipt: intended\n", &in, &d), -1);
	assert_diag(&d, "in.txt:1:14: error: 'intended' is not a value for act.receipt");
	diags_free(&d);
	assert_int_equal(parse("purpose.slavery: intended\n", &in, &d), 0);
	diags_free(&d);
}

static void test_age_contradicting_child_names_the_child_line(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("age-at-act: 15\nchild: no\n", &in, &d), -1);
	assert_diag(&d, "in.txt:2:1: error: child: no contradicts age-at-act under 18");
	diags_free(&d);
	assert_int_equal(parse("age-at-act: 15\nchild: presumed\n", &in, &d), -1);
	diags_free(&d);
}

static void test_version_2_keys_parse(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("age-now: 17\nminor-now: yes\nreferral-consent: no\n"
			       "setting.private: unknown\nsetting.controller-present: unknown\n"
			       "purpose.forced-begging: yes\npurpose.forced-criminality: intended\n"
			       "purpose.forced-marriage: no\npurpose.illegal-adoption: dontknow\n"
			       "purpose.surrogacy: declined\n", &in, &d), 0);
	assert_int_equal(in.value[IN_AGE_NOW], 17);
	assert_int_equal(in.value[IN_MINOR_NOW], CHILD_YES);
	assert_int_equal(in.value[IN_REFERRAL], IN_NO);
	assert_int_equal(in.value[IN_PRIVATE], IN_UNKNOWN);
	assert_int_equal(in.value[IN_CONTROLLER], IN_UNKNOWN);
	assert_int_equal(in.ind[IND_PURPOSE_BEGGING], IV_YES);
	assert_int_equal(in.ind[IND_PURPOSE_CRIMINALITY], IV_INTENDED);
	assert_int_equal(in.ind[IND_PURPOSE_MARRIAGE], IV_NO);
	assert_int_equal(in.ind[IND_PURPOSE_ADOPTION], IV_DONTKNOW);
	assert_int_equal(in.ind[IND_PURPOSE_SURROGACY], IV_DECLINED);
	assert_int_equal(in.declined, 1);
	assert_int_equal(parse("minor-now: presumed\n", &in, &d), 0);
	assert_int_equal(in.value[IN_MINOR_NOW], CHILD_PRESUMED);
	assert_true(inputs_key_is_number(IN_AGE_NOW));
	assert_true(inputs_key_is_number(IN_AGE));
	assert_false(inputs_key_is_number(IN_MINOR_NOW));
	diags_free(&d);
}

static void test_version_2_keys_refuse_bad_values(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("age-now: 131\n", &in, &d), -1);
	assert_diag(&d, "in.txt:1:10: error: '131' is not a value for age-now: expected a whole number from 0 to 130");
	diags_free(&d);
	assert_int_equal(parse("minor-now: maybe\n", &in, &d), -1);
	assert_diag(&d, "in.txt:1:12: error: 'maybe' is not a value for minor-now: expected yes, no, presumed or unknown");
	diags_free(&d);
	assert_int_equal(parse("referral-consent: presumed\n", &in, &d), -1);
	assert_diag(&d, "in.txt:1:19: error: 'presumed' is not a value for referral-consent: expected yes, no or unknown");
	diags_free(&d);
	assert_int_equal(parse("purpose.forced-begging: maybe\n", &in, &d), -1);
	diags_free(&d);
	assert_int_equal(parse("agenda: 12\n", &in, &d), -1);
	assert_diag(&d, "in.txt:1:1: error: unknown field 'agenda' in the assessment inputs: expected an indicator id or age-at-act, age-now, child, minor-now, consent, referral-consent, setting.private");
	diags_free(&d);
}

/* Each contradiction names the line of the later of the two keys that
 * disagree: the one that contradicts what was given before it. */
static void test_contradictions_name_their_line(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("age-now: 19\nage-at-act: 20\n", &in, &d), -1);
	assert_diag(&d, "in.txt:2:1: error: age-at-act is above age-now");
	diags_free(&d);
	assert_int_equal(parse("minor-now: yes\nage-now: 20\n", &in, &d), -1);
	assert_diag(&d, "in.txt:2:1: error: minor-now: yes contradicts age-now 18 or over");
	diags_free(&d);
	assert_int_equal(parse("age-now: 20\nminor-now: yes\n", &in, &d), -1);
	assert_diag(&d, "in.txt:2:1: error: minor-now: yes contradicts age-now 18 or over");
	diags_free(&d);
	assert_int_equal(parse("age-at-act: 25\nact.recruitment: yes\nage-now: 19\n", &in, &d), -1);
	assert_diag(&d, "in.txt:3:1: error: age-at-act is above age-now");
	diags_free(&d);
	assert_int_equal(parse("age-now: 16\nchild: no\n", &in, &d), -1);
	assert_diag(&d, "in.txt:2:1: error: child: no contradicts age-now under 18");
	diags_free(&d);
	assert_int_equal(parse("age-at-act: 19\nminor-now: presumed\n", &in, &d), -1);
	assert_diag(&d, "in.txt:2:1: error: minor-now: presumed contradicts age-at-act 18 or over (unless age-now is doubted)");
	diags_free(&d);
	assert_int_equal(parse("age-at-act: 16\nage-now: 22\nminor-now: unknown\n", &in, &d), -1);
	assert_diag(&d, "in.txt:3:1: error: minor-now: presumed and unknown apply only when age-now is not known, or is doubted (age-now-doubted: yes)");
	diags_free(&d);
	assert_int_equal(parse("age-at-act: 16\nage-now: 22\nminor-now: no\n", &in, &d), 0);
	diags_free(&d);
	assert_int_equal(parse("age-at-act: 16\nage-now: 22\nchild: yes\n", &in, &d), 0);
	diags_free(&d);
}

/* Version 3: the doubted age, the compelled offence, the situation now and
 * the conditions. */
static void test_version_3_keys_parse(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("age-now: 19\nage-now-doubted: yes\ncompelled-offence: unknown\n"
			       "now.going-back: yes\nnow.others-at-risk: no\n"
			       "conditions.exploitative: yes\n", &in, &d), 0);
	assert_int_equal(in.value[IN_AGE_DOUBTED], IN_YES);
	assert_int_equal(in.value[IN_COMPELLED], IN_UNKNOWN);
	assert_int_equal(in.value[IN_GOING_BACK], IN_YES);
	assert_int_equal(in.value[IN_OTHERS_AT_RISK], IN_NO);
	assert_int_equal(in.value[IN_CONDITIONS], IN_YES);
	assert_true(inputs_age_doubted(&in));
	diags_free(&d);
	assert_int_equal(parse("age-now: 16\nage-now-doubted: yes\n", &in, &d), 0);
	assert_false(inputs_age_doubted(&in));	/* under 18 given: nothing to doubt */
	diags_free(&d);
	assert_int_equal(parse("age-now: 19\nage-now-doubted: no\n", &in, &d), 0);
	assert_false(inputs_age_doubted(&in));
	diags_free(&d);
}

static void test_version_3_keys_refuse_bad_values(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("age-now: 19\nage-now-doubted: unknown\n", &in, &d), -1);
	assert_diag(&d, "in.txt:2:18: error: 'unknown' is not a value for age-now-doubted: expected yes or no");
	diags_free(&d);
	assert_int_equal(parse("now.going-back: perhaps\n", &in, &d), -1);
	assert_diag(&d, "in.txt:1:17: error: 'perhaps' is not a value for now.going-back: expected yes, no or unknown");
	diags_free(&d);
	assert_int_equal(parse("compelled-offence: 2\n", &in, &d), -1);
	assert_diag(&d, "expected yes, no or unknown");
	diags_free(&d);
}

/* DESIGN §4 rule 1's errors of version 3, each on the later key's line. */
static void test_version_3_contradictions(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("act.recruitment: yes\nage-now-doubted: yes\n", &in, &d), -1);
	assert_diag(&d, "in.txt:2:1: error: age-now-doubted needs age-now");
	diags_free(&d);
	assert_int_equal(parse("age-now-doubted: no\n", &in, &d), -1);
	assert_diag(&d, "in.txt:1:1: error: age-now-doubted needs age-now");
	diags_free(&d);
	assert_int_equal(parse("age-now: 19\nchild: no\nage-now-doubted: yes\n", &in, &d), -1);
	assert_diag(&d, "in.txt:3:1: error: child: no contradicts age-now-doubted: yes");
	diags_free(&d);
	assert_int_equal(parse("age-now-doubted: yes\nage-now: 19\nchild: no\n", &in, &d), -1);
	assert_diag(&d, "in.txt:3:1: error: child: no contradicts age-now-doubted: yes");
	diags_free(&d);
	assert_int_equal(parse("age-now: 19\nage-now-doubted: yes\nminor-now: yes\n", &in, &d), -1);
	assert_diag(&d, "in.txt:3:1: error: minor-now: yes contradicts age-now 18 or over");
	diags_free(&d);
	assert_int_equal(parse("age-now: 19\nage-now-doubted: yes\nminor-now: no\n", &in, &d), -1);
	assert_diag(&d, "in.txt:3:1: error: minor-now: no contradicts age-now-doubted: yes");
	diags_free(&d);
	assert_int_equal(parse("age-now: 19\nage-now-doubted: yes\nage-at-act: 20\n", &in, &d), -1);
	assert_diag(&d, "in.txt:3:1: error: age-at-act is above age-now");
	diags_free(&d);
	/* The coached "19": minor-now presumed (the safety answer), a doubted
	 * age now and an age then of 18 or more are not a contradiction. */
	assert_int_equal(parse("minor-now: presumed\nage-now: 19\nage-now-doubted: yes\n"
			       "age-at-act: 18\n", &in, &d), 0);
	diags_free(&d);
	assert_int_equal(parse("minor-now: presumed\nage-now: 19\n", &in, &d), -1);
	assert_diag(&d, "in.txt:2:1: error: minor-now: presumed and unknown apply only when age-now is not known");
	diags_free(&d);
	/* child: no without any age is accepted. */
	assert_int_equal(parse("child: no\nact.recruitment: yes\n", &in, &d), 0);
	diags_free(&d);
}

static void test_two_stanzas_are_refused(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("consent: yes\n\nconsent: no\n", &in, &d), -1);
	assert_diag(&d, "in.txt:3:1: error: expected one stanza");
	diags_free(&d);
}

static void test_key_given_twice_is_refused(void **st)
{
	(void)st;
	struct assess_input in;
	struct diags d = { 0 };
	assert_int_equal(parse("consent: yes\nconsent: no\n", &in, &d), -1);
	assert_diag(&d, "in.txt:2:1: error: field 'consent' is given twice (first at line 1)");
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_keys_parse),
		cmocka_unit_test(test_unknown_key_names_its_line),
		cmocka_unit_test(test_bad_value_names_line_and_column),
		cmocka_unit_test(test_intended_only_for_purpose),
		cmocka_unit_test(test_age_contradicting_child_names_the_child_line),
		cmocka_unit_test(test_version_2_keys_parse),
		cmocka_unit_test(test_version_2_keys_refuse_bad_values),
		cmocka_unit_test(test_contradictions_name_their_line),
		cmocka_unit_test(test_version_3_keys_parse),
		cmocka_unit_test(test_version_3_keys_refuse_bad_values),
		cmocka_unit_test(test_version_3_contradictions),
		cmocka_unit_test(test_two_stanzas_are_refused),
		cmocka_unit_test(test_key_given_twice_is_refused),
	};
	return cmocka_run_group_tests_name("inputs", tests, utf8_locale, NULL);
}
