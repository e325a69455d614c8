/* The Article 3 rules of DESIGN.md §4, one behaviour per test. Inputs are
 * written in the `assess` file format, so the parser is exercised too. */
#include "testutil.h"

#include "domain/assess.h"
#include "domain/inputs.h"

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
	/* A historical presumption: the means provisionally not required, and
	 * the age at the time to be established; nothing said of the age now. */
	assert_false(a.el[EL_MEANS].required);
	assert_true(a.flag[FLAG_ESTABLISH_AGE]);
	assert_int_equal(a.child_now, CHILD_UNKNOWN);
	assert_false(a.flag[FLAG_CHILD_NOW]);
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

static void test_unknown_age_with_all_three_is_consistent_all_elements(void **st)
{
	(void)st;
	struct assessment a = run(ACT MEANS PURPOSE);
	assert_int_equal(a.outcome, OUT_CONSISTENT_ALL);
	assert_string_equal(assess_outcome_name(a.outcome), "consistent-all-elements");
	assert_false(a.flag[FLAG_ESTABLISH_AGE]);
	/* An adult now, age at the time unknown: still not "adult". */
	assert_int_equal(run("age-now: 40\n" ACT MEANS PURPOSE).outcome, OUT_CONSISTENT_ALL);
	assert_int_equal(run("age-at-act: 18\n" ACT MEANS PURPOSE).outcome, OUT_CONSISTENT_ADULT);
}

static void test_unknown_age_with_means_unclear_asks_to_establish_age(void **st)
{
	(void)st;
	struct assessment a = run(ACT PURPOSE "means.coercion: dontknow\n");
	assert_int_equal(a.outcome, OUT_INCOMPLETE);
	assert_true(a.flag[FLAG_ESTABLISH_AGE]);
	a = run(ACT PURPOSE);	/* no means indicator at all: unclear too */
	assert_true(a.flag[FLAG_ESTABLISH_AGE]);
	/* Not when act or purpose is missing, nor when the age is known. */
	assert_false(run(PURPOSE "means.coercion: dontknow\n").flag[FLAG_ESTABLISH_AGE]);
	assert_false(run("age-at-act: 30\n" ACT PURPOSE).flag[FLAG_ESTABLISH_AGE]);
	a = run("act.recruitment: no\n" MEANS PURPOSE);
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
	assert_false(a.flag[FLAG_ESTABLISH_AGE]);
}

static void test_under_18_now_means_a_child_when_it_began(void **st)
{
	(void)st;
	struct assessment a = run("age-now: 17\n" ACT PURPOSE);
	assert_int_equal(a.child, CHILD_YES);
	assert_int_equal(a.child_now, CHILD_YES);
	assert_int_equal(a.outcome, OUT_CONSISTENT_CHILD);
	assert_int_equal(run("minor-now: yes\n").child, CHILD_YES);
	assert_int_equal(run("age-now: 18\n").child, CHILD_UNKNOWN);
	assert_int_equal(run("age-now: 18\n").child_now, CHILD_NO);
	/* The age at the act decides, whatever the age now. */
	a = run("age-at-act: 16\nage-now: 22\n");
	assert_int_equal(a.child, CHILD_YES);
	assert_int_equal(a.child_now, CHILD_NO);
	a = run("age-at-act: 20\nage-now: 20\n");
	assert_int_equal(a.child, CHILD_NO);
	/* An explicit child value, with no age at the act. */
	assert_int_equal(run("child: no\nage-now: 30\n").child, CHILD_NO);
	assert_int_equal(run("child: yes\nage-now: 30\n").child, CHILD_YES);
}

static void test_presumed_minor_now_presumes_a_child_when_it_began(void **st)
{
	(void)st;
	struct assessment a = run("minor-now: presumed\n" ACT PURPOSE);
	assert_int_equal(a.child_now, CHILD_PRESUMED);
	assert_int_equal(a.child, CHILD_PRESUMED);
	assert_int_equal(a.outcome, OUT_CONSISTENT_CHILD);
	assert_true(a.flag[FLAG_PRESUMED_CHILD]);
	assert_true(a.flag[FLAG_ESTABLISH_AGE]);
	assert_true(a.flag[FLAG_CHILD_NOW]);
	/* A known age at the time ends the presumption about then, not now. */
	a = run("minor-now: presumed\nage-at-act: 15\n" ACT PURPOSE);
	assert_int_equal(a.child, CHILD_YES);
	assert_int_equal(a.child_now, CHILD_PRESUMED);
	assert_false(a.flag[FLAG_PRESUMED_CHILD]);
	assert_false(a.flag[FLAG_ESTABLISH_AGE]);
	/* Presumed then, known adult now: a historical presumption only. */
	a = run("child: presumed\nage-now: 30\n" ACT PURPOSE);
	assert_int_equal(a.child, CHILD_PRESUMED);
	assert_int_equal(a.child_now, CHILD_NO);
	assert_false(a.flag[FLAG_CHILD_NOW]);
	assert_true(a.flag[FLAG_ESTABLISH_AGE]);
}

static void test_minor_now_statuses(void **st)
{
	(void)st;
	assert_int_equal(run("").child_now, CHILD_UNKNOWN);
	assert_int_equal(run("minor-now: no\n").child_now, CHILD_NO);
	assert_int_equal(run("minor-now: unknown\n").child_now, CHILD_UNKNOWN);
	assert_int_equal(run("age-now: 0\n").child_now, CHILD_YES);
	/* The letter of rule 1: only the age now or minor-now decide it. */
	assert_int_equal(run("age-at-act: 30\n").child_now, CHILD_UNKNOWN);
	assert_string_equal(assess_child_name(CHILD_PRESUMED), "presumed");
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
	/* A complete offence, not an attempt: nothing but 3(a) is cited. */
	for (int c = 0; c < CITE_COUNT; c++)
		assert_int_equal(a.cite[c], c == CITE_TIP_3A);
}

static void test_article_5_is_never_cited(void **st)
{
	(void)st;
	for (int c = 0; c < CITE_COUNT; c++)
		assert_null(strstr(assess_cite_name(c), "tip-5"));
}

static void test_intended_and_happened_is_not_intended_only(void **st)
{
	(void)st;
	struct assessment a = run(ACT MEANS PURPOSE "purpose.servitude: intended\n");
	assert_false(a.el[EL_PURPOSE].intended_only);
	assert_false(a.flag[FLAG_INTENDED]);
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

/* 3(b) is about consent "to the intended exploitation". */
static void test_consent_irrelevant_only_when_purpose_not_ruled_out(void **st)
{
	(void)st;
	struct assessment a = run("age-at-act: 35\nconsent: yes\n" ACT MEANS
				  "purpose.forced-labour: no\n");
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
	assert_false(a.flag[FLAG_CONSENT_IRRELEVANT]);
	assert_false(a.cite[CITE_TIP_3B]);
	a = run("age-at-act: 15\nconsent: yes\n" ACT "purpose.servitude: no\n");
	assert_false(a.flag[FLAG_CONSENT_IRRELEVANT]);
	/* Purpose unclear: exploitation is not ruled out. */
	a = run("age-at-act: 35\nconsent: yes\n" ACT MEANS "purpose.forced-labour: dontknow\n");
	assert_true(a.flag[FLAG_CONSENT_IRRELEVANT]);
	assert_true(a.cite[CITE_TIP_3B]);
	assert_true(run("age-at-act: 35\nconsent: yes\n" MEANS).flag[FLAG_CONSENT_IRRELEVANT]);
}

static void test_exploitation_without_act(void **st)
{
	(void)st;
	struct assessment a = run("age-at-act: 30\nact.harbouring: no\nact.receipt: no\n" MEANS PURPOSE);
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
	assert_true(a.flag[FLAG_EXPLOITATION_WITHOUT_ACT]);
	assert_true(run("act.receipt: no\npurpose.slavery: intended\n").flag[FLAG_EXPLOITATION_WITHOUT_ACT]);
	/* An act unclear, or a purpose not met, is not this flag. */
	assert_false(run("act.receipt: dontknow\n" PURPOSE).flag[FLAG_EXPLOITATION_WITHOUT_ACT]);
	assert_false(run(PURPOSE).flag[FLAG_EXPLOITATION_WITHOUT_ACT]);
	assert_false(run("act.receipt: no\npurpose.slavery: dontknow\n").flag[FLAG_EXPLOITATION_WITHOUT_ACT]);
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
	assert_true(run("purpose.forced-marriage: yes\n").flag[FLAG_BEYOND_MINIMUM]);
	assert_true(run("purpose.illegal-adoption: intended\n").flag[FLAG_BEYOND_MINIMUM]);
	assert_true(run("purpose.surrogacy: yes\n").flag[FLAG_BEYOND_MINIMUM]);
	assert_false(run("purpose.surrogacy: no\npurpose.forced-marriage: declined\n")
			     .flag[FLAG_BEYOND_MINIMUM]);
}

/* Forced begging and forced criminality are forced labour or services
 * (Directive 2011/36/EU Art. 2(3)): within the Protocol's list. */
static void test_begging_and_criminality_are_forced_labour(void **st)
{
	(void)st;
	for (int i = IND_PURPOSE_BEGGING; i <= IND_PURPOSE_CRIMINALITY; i++) {
		assert_string_equal(indicator_words(i), "forced labour or services");
		assert_string_equal(indicator_cite(i), "tip-3a");
		assert_int_equal(indicator_element(i), EL_PURPOSE);
	}
	struct assessment a = run("age-at-act: 30\n" ACT MEANS "purpose.forced-begging: yes\n");
	assert_int_equal(a.outcome, OUT_CONSISTENT_ADULT);
	assert_false(a.flag[FLAG_BEYOND_MINIMUM]);
	a = run("age-at-act: 30\n" ACT MEANS "purpose.forced-criminality: intended\n");
	assert_int_equal(a.outcome, OUT_CONSISTENT_ADULT);
	assert_false(a.flag[FLAG_BEYOND_MINIMUM]);
	for (int i = IND_PURPOSE_MARRIAGE; i < IND_COUNT; i++)
		if (i == IND_PURPOSE_MARRIAGE || i == IND_PURPOSE_ADOPTION ||
		    i == IND_PURPOSE_SURROGACY || i == IND_PURPOSE_OTHER)
			assert_null(indicator_words(i));
	assert_int_equal(indicator_lookup("purpose.forced-marriage"), IND_PURPOSE_MARRIAGE);
	assert_int_equal(indicator_lookup("purpose.illegal-adoption"), IND_PURPOSE_ADOPTION);
	assert_int_equal(indicator_lookup("purpose.surrogacy"), IND_PURPOSE_SURROGACY);
	assert_int_equal(indicator_lookup("purpose.forced-begging"), IND_PURPOSE_BEGGING);
	assert_int_equal(indicator_lookup("purpose.forced-criminality"), IND_PURPOSE_CRIMINALITY);
}

static void test_child_now_whatever_the_outcome(void **st)
{
	(void)st;
	struct assessment a = run("age-now: 15\nact.recruitment: no\npurpose.forced-labour: no\n");
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
	assert_true(a.flag[FLAG_CHILD_NOW]);
	assert_true(run("minor-now: presumed\n").flag[FLAG_CHILD_NOW]);
	assert_true(run("minor-now: yes\n").flag[FLAG_CHILD_NOW]);
	assert_false(run("minor-now: no\nage-at-act: 15\n").flag[FLAG_CHILD_NOW]);
	assert_false(run("minor-now: unknown\n").flag[FLAG_CHILD_NOW]);
	assert_false(run("age-at-act: 15\n").flag[FLAG_CHILD_NOW]);	/* child then, now unknown */
	assert_false(run("child: presumed\n").flag[FLAG_CHILD_NOW]);
}

static void test_non_punishment(void **st)
{
	(void)st;
	/* Forced criminality that happened, with any outcome but not-shown;
	 * intended criminality is no offence yet (version 3). */
	struct assessment a = run("age-at-act: 19\n" ACT MEANS "purpose.forced-criminality: yes\n");
	assert_int_equal(a.outcome, OUT_CONSISTENT_ADULT);
	assert_true(a.flag[FLAG_NON_PUNISHMENT]);
	a = run("purpose.forced-criminality: intended\n");
	assert_int_equal(a.outcome, OUT_INCOMPLETE);
	assert_false(a.flag[FLAG_NON_PUNISHMENT]);
	/* An irregular entry, paid or not. */
	assert_true(run("age-at-act: 15\n" ACT PURPOSE "smuggling.irregular-entry: yes\n")
			    .flag[FLAG_NON_PUNISHMENT]);
	/* Not when not shown, nor on unclear answers. */
	a = run("age-at-act: 30\n" ACT "means.threat: no\npurpose.forced-labour: no\n"
		"smuggling.irregular-entry: yes\nsmuggling.paid-facilitator: yes\n");
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
	assert_true(a.flag[FLAG_SMUGGLING]);
	assert_false(a.flag[FLAG_NON_PUNISHMENT]);
	assert_false(run("smuggling.irregular-entry: dontknow\npurpose.forced-criminality: dontknow\n")
			     .flag[FLAG_NON_PUNISHMENT]);
	assert_false(run("age-at-act: 30\n" ACT MEANS PURPOSE).flag[FLAG_NON_PUNISHMENT]);
}

static void test_referral_declined(void **st)
{
	(void)st;
	assert_true(run("referral-consent: no\n").flag[FLAG_REFERRAL_DECLINED]);
	assert_true(run("referral-consent: no\nage-now: 18\n").flag[FLAG_REFERRAL_DECLINED]);
	assert_true(run("referral-consent: no\nage-at-act: 15\nminor-now: no\n")
			    .flag[FLAG_REFERRAL_DECLINED]);
	/* A child now is referred: no flag. */
	assert_false(run("referral-consent: no\nage-now: 17\n").flag[FLAG_REFERRAL_DECLINED]);
	assert_false(run("referral-consent: no\nminor-now: presumed\n").flag[FLAG_REFERRAL_DECLINED]);
	assert_false(run("referral-consent: yes\n").flag[FLAG_REFERRAL_DECLINED]);
	assert_false(run("referral-consent: unknown\n").flag[FLAG_REFERRAL_DECLINED]);
	assert_false(run("").flag[FLAG_REFERRAL_DECLINED]);
}

static void test_smuggling_needs_both_facts(void **st)
{
	(void)st;
	struct assessment a = run("smuggling.irregular-entry: yes\nsmuggling.paid-facilitator: yes\n");
	assert_true(a.flag[FLAG_SMUGGLING]);
	assert_true(a.cite[CITE_SOM_3A]);
	assert_true(a.cite[CITE_SOM_5]);
	a = run("smuggling.irregular-entry: yes\nsmuggling.paid-facilitator: dontknow\n");
	assert_false(a.flag[FLAG_SMUGGLING]);
	assert_false(a.cite[CITE_SOM_3A]);
	assert_false(a.cite[CITE_SOM_5]);
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
	assert_false(a.caveat[CAVEAT_SETTING_UNKNOWN]);
	a = run("setting.private: yes\nsetting.interpreter: professional\n");
	for (int c = 0; c < CAVEAT_COUNT; c++)
		assert_false(a.caveat[c]);
}

static void test_setting_unknown(void **st)
{
	(void)st;
	struct assessment a = run("setting.private: unknown\nsetting.controller-present: no\n");
	assert_true(a.caveat[CAVEAT_SETTING_UNKNOWN]);
	assert_false(a.caveat[CAVEAT_NOT_PRIVATE]);
	a = run("setting.private: yes\nsetting.controller-present: unknown\n");
	assert_true(a.caveat[CAVEAT_SETTING_UNKNOWN]);
	assert_false(a.caveat[CAVEAT_CONTROLLER_PRESENT]);
	assert_false(run("setting.private: no\n").caveat[CAVEAT_SETTING_UNKNOWN]);
	assert_false(run("").caveat[CAVEAT_SETTING_UNKNOWN]);	/* not asked is not unknown */
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

/* Each contradiction of rule 1, as (age-at-act, age-now, child, minor-now),
 * -1 for unset; and the key blamed. */
static void test_contradictions_of_ages_and_statuses(void **st)
{
	(void)st;
	static const struct {
		int age, now, child, minor;
		const char *why;	/* NULL: no contradiction */
		enum input_key blame;
	} cases[] = {
		{ 20, 19, -1, -1, "age-at-act is above age-now", IN_AGE },
		{ 19, 19, -1, -1, NULL, 0 },
		{ 16, 22, -1, -1, NULL, 0 },
		{ -1, 16, CHILD_NO, -1, "child: no contradicts age-now under 18", IN_CHILD },
		{ -1, 30, CHILD_NO, -1, NULL, 0 },
		{ -1, 30, CHILD_PRESUMED, -1, NULL, 0 },
		{ -1, 16, CHILD_PRESUMED, -1, NULL, 0 },
		{ -1, -1, CHILD_NO, CHILD_PRESUMED, "child: no contradicts minor-now: yes or presumed", IN_CHILD },
		{ -1, -1, CHILD_NO, CHILD_YES, "child: no contradicts minor-now: yes or presumed", IN_CHILD },
		{ -1, 20, -1, CHILD_YES, "minor-now: yes contradicts age-now 18 or over", IN_MINOR_NOW },
		{ -1, 15, -1, CHILD_NO, "minor-now: no contradicts age-now under 18", IN_MINOR_NOW },
		{ -1, 15, -1, CHILD_PRESUMED, "minor-now: presumed and unknown apply only when age-now is not known, or is doubted (age-now-doubted: yes)", IN_MINOR_NOW },
		{ -1, 25, -1, CHILD_UNKNOWN, "minor-now: presumed and unknown apply only when age-now is not known, or is doubted (age-now-doubted: yes)", IN_MINOR_NOW },
		{ -1, 15, -1, CHILD_YES, NULL, 0 },
		{ 18, -1, -1, CHILD_YES, "minor-now: yes contradicts age-at-act 18 or over", IN_MINOR_NOW },
		{ 25, -1, -1, CHILD_PRESUMED, "minor-now: presumed contradicts age-at-act 18 or over (unless age-now is doubted)", IN_MINOR_NOW },
		{ 15, -1, -1, CHILD_NO, NULL, 0 },
		{ 15, -1, -1, CHILD_PRESUMED, NULL, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct assess_input in;
		inputs_init(&in);
		in.value[IN_AGE] = cases[i].age;
		in.value[IN_AGE_NOW] = cases[i].now;
		in.value[IN_CHILD] = cases[i].child;
		in.value[IN_MINOR_NOW] = cases[i].minor;
		enum input_key blame = IN_KEY_COUNT;
		const char *why = inputs_contradiction(&in, &blame);
		struct assessment a;
		const char *run_why = NULL;
		int rc = assess_run(&in, &a, &run_why);
		if (!cases[i].why) {
			if (why)
				fail_msg("case %zu: unexpected contradiction: %s", i, why);
			assert_int_equal(rc, 0);
			continue;
		}
		if (!why)
			fail_msg("case %zu: expected \"%s\"", i, cases[i].why);
		assert_string_equal(why, cases[i].why);
		assert_int_equal(blame, cases[i].blame);
		assert_int_equal(rc, -1);
		assert_string_equal(run_why, cases[i].why);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_age_at_act_under_18_is_a_child),
		cmocka_unit_test(test_no_age_and_no_presumption_is_unknown),
		cmocka_unit_test(test_child_needs_no_means),
		cmocka_unit_test(test_presumed_child_is_treated_as_child_and_flagged),
		cmocka_unit_test(test_adult_needs_all_three),
		cmocka_unit_test(test_unknown_age_with_all_three_is_consistent_all_elements),
		cmocka_unit_test(test_unknown_age_with_means_unclear_asks_to_establish_age),
		cmocka_unit_test(test_under_18_now_means_a_child_when_it_began),
		cmocka_unit_test(test_presumed_minor_now_presumes_a_child_when_it_began),
		cmocka_unit_test(test_minor_now_statuses),
		cmocka_unit_test(test_unknown_age_without_means_asks_to_establish_age),
		cmocka_unit_test(test_required_element_not_met_is_not_shown),
		cmocka_unit_test(test_means_not_met_is_not_required_for_a_child),
		cmocka_unit_test(test_element_status_rules),
		cmocka_unit_test(test_intended_counts_for_purpose_only),
		cmocka_unit_test(test_intended_and_happened_is_not_intended_only),
		cmocka_unit_test(test_article_5_is_never_cited),
		cmocka_unit_test(test_consent_irrelevant_with_means_for_adult_cites_3b),
		cmocka_unit_test(test_consent_irrelevant_for_child_cites_3c_not_3b),
		cmocka_unit_test(test_consent_without_means_is_not_irrelevant),
		cmocka_unit_test(test_consent_irrelevant_only_when_purpose_not_ruled_out),
		cmocka_unit_test(test_exploitation_without_act),
		cmocka_unit_test(test_purpose_without_means_for_adult),
		cmocka_unit_test(test_beyond_minimum_purpose),
		cmocka_unit_test(test_begging_and_criminality_are_forced_labour),
		cmocka_unit_test(test_child_now_whatever_the_outcome),
		cmocka_unit_test(test_non_punishment),
		cmocka_unit_test(test_referral_declined),
		cmocka_unit_test(test_smuggling_needs_both_facts),
		cmocka_unit_test(test_smuggling_is_not_an_element),
		cmocka_unit_test(test_tip_3a_is_always_cited),
		cmocka_unit_test(test_caveats),
		cmocka_unit_test(test_setting_unknown),
		cmocka_unit_test(test_many_declined_from_three),
		cmocka_unit_test(test_combining_several_answers_for_one_indicator),
		cmocka_unit_test(test_age_contradicting_child_is_an_error),
		cmocka_unit_test(test_contradictions_of_ages_and_statuses),
	};
	return cmocka_run_group_tests_name("assess", tests, utf8_locale, NULL);
}
