/* The rules of DESIGN.md §4 that version 3 added or changed (the second
 * domain review), one behaviour per test: the doubted age now, child: no
 * without an age, consent-irrelevant never in not-shown, non-punishment's
 * trigger, establish-age for a doubted age, and the advice of rule 6b — its
 * ids, their order, each once. Inputs are in the `assess` file format. */
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

/* The advice ids joined with spaces, for one comparison per case. */
static const char *advice(const struct assessment *a)
{
	static char buf[512];
	buf[0] = '\0';
	for (int k = 0; k < a->nadvice; k++) {
		strcat(buf, k ? " " : "");
		strcat(buf, assess_advice_name(a->advice[k]));
	}
	return buf;
}

static const char *advice_of(const char *text)
{
	struct assessment a = run(text);
	return advice(&a);
}

#define ACT "act.recruitment: yes\n"
#define NO_ACT "act.recruitment: no\nact.harbouring: no\n"
#define MEANS "means.threat: yes\n"
#define NO_MEANS "means.threat: no\nmeans.deception: no\n"
#define ADULT "age-at-act: 30\nage-now: 31\n"

/* ---- rule 1: the doubted age now ---------------------------------------- */

/* The review's reproduction: a child coached to say "19" whom the
 * interviewer recorded as appearing under 18 keeps the presumption. */
static void test_coached_19_keeps_minor_now_presumed_and_child_now(void **st)
{
	(void)st;
	struct assessment a = run("minor-now: presumed\nage-now: 19\nage-now-doubted: yes\n"
				  "age-at-act: 18\n" ACT "purpose.prostitution-of-others: yes\n");
	assert_int_equal(a.child_now, CHILD_PRESUMED);
	assert_int_equal(a.child, CHILD_PRESUMED);
	assert_true(a.age_now_doubted);
	assert_true(a.flag[FLAG_CHILD_NOW]);
	assert_true(a.flag[FLAG_PRESUMED_CHILD]);
	assert_int_equal(a.outcome, OUT_CONSISTENT_CHILD);
	assert_false(a.el[EL_MEANS].required);
}

static void test_doubted_age_without_minor_now_presumes_a_child(void **st)
{
	(void)st;
	struct assessment a = run("age-now: 22\nage-now-doubted: yes\n");
	assert_int_equal(a.child_now, CHILD_PRESUMED);
	assert_int_equal(a.child, CHILD_PRESUMED);
	assert_true(a.age_now_doubted);
}

static void test_doubted_age_keeps_a_child_at_the_act_yes(void **st)
{
	(void)st;
	assert_int_equal(run("age-now: 19\nage-now-doubted: yes\nage-at-act: 16\n").child, CHILD_YES);
	assert_int_equal(run("age-now: 19\nage-now-doubted: yes\nchild: yes\n").child, CHILD_YES);
	assert_int_equal(run("age-now: 19\nage-now-doubted: yes\nchild: presumed\n").child,
			 CHILD_PRESUMED);
}

static void test_doubted_age_under_18_changes_nothing(void **st)
{
	(void)st;
	struct assessment a = run("age-now: 16\nage-now-doubted: yes\n" ACT);
	assert_int_equal(a.child_now, CHILD_YES);
	assert_int_equal(a.child, CHILD_YES);
	assert_false(a.age_now_doubted);
	assert_false(a.flag[FLAG_ESTABLISH_AGE]);
}

static void test_age_not_doubted_is_the_age_given(void **st)
{
	(void)st;
	struct assessment a = run("age-now: 19\nage-now-doubted: no\n");
	assert_int_equal(a.child_now, CHILD_NO);
	assert_int_equal(a.child, CHILD_UNKNOWN);
	assert_false(a.age_now_doubted);
}

static void test_doubted_age_raises_establish_age(void **st)
{
	(void)st;
	assert_true(run("age-now: 19\nage-now-doubted: yes\n").flag[FLAG_ESTABLISH_AGE]);
	assert_true(run("age-now: 19\nage-now-doubted: yes\nage-at-act: 15\n")
			    .flag[FLAG_ESTABLISH_AGE]);
	assert_false(run("age-now: 19\nage-at-act: 15\n").flag[FLAG_ESTABLISH_AGE]);
}

static void test_child_no_without_an_age(void **st)
{
	(void)st;
	struct assessment a = run("child: no\n" ACT NO_MEANS "purpose.forced-labour: yes\n");
	assert_int_equal(a.child, CHILD_NO);
	assert_int_equal(a.child_now, CHILD_UNKNOWN);
	assert_true(a.el[EL_MEANS].required);
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
	assert_true(a.flag[FLAG_PURPOSE_WITHOUT_MEANS]);
	assert_false(a.flag[FLAG_ESTABLISH_AGE]);
}

/* ---- rule 6: the flags that changed ------------------------------------ */

static void test_consent_irrelevant_never_in_not_shown(void **st)
{
	(void)st;
	/* Means met, purpose met, but no act: not-shown, so no 3(b) point. */
	struct assessment a = run(ADULT NO_ACT MEANS "purpose.forced-labour: yes\nconsent: yes\n");
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
	assert_false(a.flag[FLAG_CONSENT_IRRELEVANT]);
	assert_false(a.cite[CITE_TIP_3B]);
	/* The same with the act: consistent, and irrelevant. */
	a = run(ADULT ACT MEANS "purpose.forced-labour: yes\nconsent: yes\n");
	assert_int_equal(a.outcome, OUT_CONSISTENT_ADULT);
	assert_true(a.flag[FLAG_CONSENT_IRRELEVANT]);
	assert_true(a.cite[CITE_TIP_3B]);
	/* An incomplete outcome keeps it. */
	a = run(ADULT MEANS "purpose.forced-labour: yes\nconsent: yes\n");
	assert_int_equal(a.outcome, OUT_INCOMPLETE);
	assert_true(a.flag[FLAG_CONSENT_IRRELEVANT]);
}

static void test_non_punishment_not_for_intended_criminality(void **st)
{
	(void)st;
	struct assessment a = run(ADULT ACT MEANS "purpose.forced-criminality: intended\n");
	assert_int_equal(a.outcome, OUT_CONSISTENT_ADULT);
	assert_false(a.flag[FLAG_NON_PUNISHMENT]);
}

static void test_non_punishment_for_a_compelled_offence(void **st)
{
	(void)st;
	struct assessment a = run(ADULT ACT MEANS "purpose.forced-labour: yes\ncompelled-offence: yes\n");
	assert_true(a.flag[FLAG_NON_PUNISHMENT]);
	assert_false(run(ADULT ACT MEANS "purpose.forced-labour: yes\ncompelled-offence: no\n")
			     .flag[FLAG_NON_PUNISHMENT]);
	assert_false(run(ADULT ACT MEANS "purpose.forced-labour: yes\ncompelled-offence: unknown\n")
			     .flag[FLAG_NON_PUNISHMENT]);
	/* Not in a not-shown outcome. */
	a = run(ADULT NO_ACT MEANS "purpose.forced-labour: yes\ncompelled-offence: yes\n");
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
	assert_false(a.flag[FLAG_NON_PUNISHMENT]);
}

/* ---- rule 6b: the advice ------------------------------------------------- */

static void test_adult_is_offered_a_referral(void **st)
{
	(void)st;
	struct assessment a = run(ADULT ACT MEANS "purpose.forced-labour: yes\n");
	assert_string_equal(advice(&a), "offer-referral");
	a = run("");	/* nothing known: an adult until shown otherwise */
	assert_string_equal(advice(&a), "offer-referral");
}

static void test_minor_now_is_referred(void **st)
{
	(void)st;
	assert_string_equal(advice_of("age-now: 15\n"), "refer");
	assert_string_equal(advice_of("minor-now: presumed\n"), "refer");
	assert_string_equal(advice_of("age-now: 19\nage-now-doubted: yes\n"),
			    "refer");
}

/* A child at the act whose age now is unknown: refer until it is known. */
static void test_child_at_the_act_with_age_now_unknown_is_referred(void **st)
{
	(void)st;
	assert_string_equal(advice_of("age-at-act: 15\n"), "refer");
	assert_string_equal(advice_of("child: presumed\n"), "refer");
	assert_string_equal(advice_of("child: yes\n"), "refer");
}

/* A person trafficked as a child, an adult now, decides as an adult. */
static void test_child_then_adult_now_is_offered_a_referral(void **st)
{
	(void)st;
	struct assessment a = run("age-at-act: 16\nage-now: 22\n" ACT "purpose.forced-labour: yes\n");
	assert_int_equal(a.outcome, OUT_CONSISTENT_CHILD);
	assert_string_equal(advice(&a), "offer-referral");
	assert_string_equal(advice_of("age-now: 30\n"), "offer-referral");
	assert_string_equal(advice_of("minor-now: unknown\n"), "offer-referral");
}

static void test_safety_tonight_when_going_back_yes_or_unknown(void **st)
{
	(void)st;
	assert_string_equal(advice_of("now.going-back: yes\n"),
			    "safety-tonight offer-referral");
	assert_string_equal(advice_of("now.going-back: unknown\n"),
			    "safety-tonight offer-referral");
	assert_string_equal(advice_of("now.going-back: no\n"),
			    "offer-referral");
}

static void test_others_at_risk_only_when_yes(void **st)
{
	(void)st;
	assert_string_equal(advice_of("now.others-at-risk: yes\n"),
			    "others-at-risk offer-referral");
	assert_string_equal(advice_of("now.others-at-risk: unknown\n"),
			    "offer-referral");
	assert_string_equal(advice_of("now.others-at-risk: yes\nnow.going-back: yes\nage-now: 15\n"),
			    "safety-tonight others-at-risk refer");
}

/* The review's reproduction: a consenting adult sex worker who declined
 * referral is offered services, never sent to the police. */
static void test_sex_work_without_means_gets_services_not_police(void **st)
{
	(void)st;
	struct assessment a = run(ADULT ACT NO_MEANS "purpose.prostitution-of-others: yes\n"
				  "consent: yes\nreferral-consent: no\n");
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
	assert_true(a.flag[FLAG_REFERRAL_DECLINED]);
	assert_string_equal(advice(&a), "offer-referral sex-work-services");
	assert_false(assess_has_advice(&a, ADVICE_POLICE_OR_SPECIALIST));
	a = run(ADULT ACT NO_MEANS "purpose.sexual-exploitation: yes\n");
	assert_string_equal(advice(&a), "offer-referral sex-work-services");
}

/* The review's reproduction: organ removal without the means. */
static void test_organ_removal_without_means_gets_police_or_specialist(void **st)
{
	(void)st;
	struct assessment a = run(ADULT ACT NO_MEANS "purpose.removal-of-organs: intended\n");
	assert_true(a.flag[FLAG_PURPOSE_WITHOUT_MEANS]);
	assert_string_equal(advice(&a), "offer-referral police-or-specialist");
}

static void test_slavery_forms_without_means_get_police_or_specialist(void **st)
{
	(void)st;
	static const char *const forms[] = { "purpose.slavery", "purpose.servitude",
					     "purpose.practices-similar-to-slavery" };
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		char in[256];
		snprintf(in, sizeof in, ADULT ACT NO_MEANS "%s: yes\n", forms[i]);
		assert_string_equal(advice_of(in),
				    "offer-referral police-or-specialist");
	}
}

/* The review's reproduction: forced labour without the means is a
 * labour-rights matter, then screened again for compulsion; begging and
 * criminality with it. */
static void test_forced_labour_without_means_gets_labour_rights_then_screen_compulsion(void **st)
{
	(void)st;
	static const char *const forms[] = { "purpose.forced-labour", "purpose.forced-begging",
					     "purpose.forced-criminality" };
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		char in[256];
		snprintf(in, sizeof in, ADULT ACT NO_MEANS "%s: yes\n", forms[i]);
		assert_string_equal(advice_of(in),
				    "offer-referral labour-rights screen-compulsion");
	}
}

static void test_forced_marriage_and_beyond_list_forms_without_means(void **st)
{
	(void)st;
	struct assessment a = run(ADULT ACT NO_MEANS "purpose.forced-marriage: yes\n");
	assert_string_equal(advice(&a), "offer-referral forced-marriage-service check-national-law");
	a = run(ADULT ACT NO_MEANS "purpose.illegal-adoption: yes\n");
	assert_string_equal(advice(&a), "offer-referral check-national-law");
	a = run(ADULT ACT NO_MEANS "purpose.surrogacy: intended\npurpose.other: yes\n");
	assert_string_equal(advice(&a), "offer-referral check-national-law");
}

/* Purpose by purpose in the order of the §3 vocabulary, each id once. */
static void test_form_advice_follows_the_vocabulary_order_each_id_once(void **st)
{
	(void)st;
	struct assessment a = run(ADULT ACT NO_MEANS "purpose.removal-of-organs: yes\n"
				  "purpose.forced-begging: yes\npurpose.prostitution-of-others: yes\n"
				  "purpose.slavery: yes\npurpose.forced-labour: yes\n");
	assert_string_equal(advice(&a), "offer-referral sex-work-services labour-rights "
					"screen-compulsion police-or-specialist");
}

static void test_no_form_advice_without_either_flag(void **st)
{
	(void)st;
	struct assessment a = run(ADULT ACT MEANS "purpose.prostitution-of-others: yes\n");
	assert_int_equal(a.outcome, OUT_CONSISTENT_ADULT);
	assert_string_equal(advice(&a), "offer-referral");
	/* Means unclear (no indicator): neither flag, no form advice. */
	assert_string_equal(advice_of(ADULT ACT "purpose.slavery: yes\n"),
			    "offer-referral");
}

/* Without an act, with the means met or for a child: every form of the
 * Protocol's list is an offence in itself; beyond the list, its own. */
static void test_exploitation_without_act_with_means_or_child(void **st)
{
	(void)st;
	struct assessment a = run(ADULT NO_ACT MEANS "purpose.forced-labour: yes\n"
				  "purpose.prostitution-of-others: yes\n");
	assert_true(a.flag[FLAG_EXPLOITATION_WITHOUT_ACT]);
	assert_string_equal(advice(&a), "offer-referral police-or-specialist link-to-act");
	a = run("age-now: 12\n" NO_ACT "purpose.forced-labour: yes\npurpose.forced-marriage: yes\n");
	assert_string_equal(advice(&a), "refer police-or-specialist forced-marriage-service "
					"link-to-act check-national-law");
	a = run("child: presumed\n" NO_ACT "purpose.illegal-adoption: yes\n");
	assert_string_equal(advice(&a), "refer check-national-law link-to-act");
}

/* Without an act and without the means, for an adult: as without the means. */
static void test_exploitation_without_act_or_means_is_advised_by_form(void **st)
{
	(void)st;
	struct assessment a = run(ADULT NO_ACT NO_MEANS "purpose.prostitution-of-others: yes\n");
	assert_string_equal(advice(&a), "offer-referral sex-work-services link-to-act");
	a = run(NO_ACT "purpose.forced-labour: yes\n");	/* age and means unknown */
	assert_string_equal(advice(&a), "offer-referral labour-rights screen-compulsion link-to-act");
}

static void test_recorded_conditions_give_labour_rights_whatever_the_outcome(void **st)
{
	(void)st;
	struct assessment a = run(ADULT ACT MEANS "purpose.forced-labour: yes\n"
				  "conditions.exploitative: yes\n");
	assert_int_equal(a.outcome, OUT_CONSISTENT_ADULT);
	assert_string_equal(advice(&a), "offer-referral labour-rights");
	a = run(ADULT "act.recruitment: no\nconditions.exploitative: yes\n");
	assert_int_equal(a.outcome, OUT_NOT_SHOWN);
	assert_string_equal(advice(&a), "offer-referral labour-rights");
	assert_string_equal(advice_of("conditions.exploitative: unknown\n"),
			    "offer-referral");
	/* With forced labour without means, once, at the form's place. */
	a = run(ADULT ACT NO_MEANS "purpose.forced-labour: yes\nconditions.exploitative: yes\n");
	assert_string_equal(advice(&a), "offer-referral labour-rights screen-compulsion");
}

static void test_check_national_law_with_beyond_minimum_purpose(void **st)
{
	(void)st;
	struct assessment a = run(ADULT ACT MEANS "purpose.forced-marriage: yes\n");
	assert_true(a.flag[FLAG_BEYOND_MINIMUM]);
	assert_string_equal(advice(&a), "offer-referral check-national-law");
}

/* Every step of rule 6b at once, in its order. */
static void test_advice_in_the_order_of_rule_6b(void **st)
{
	(void)st;
	struct assessment a = run("age-now: 16\n" NO_ACT "purpose.forced-labour: yes\n"
				  "purpose.other: yes\nconditions.exploitative: yes\n"
				  "now.others-at-risk: yes\nnow.going-back: unknown\n");
	assert_string_equal(advice(&a), "safety-tonight others-at-risk refer police-or-specialist "
					"check-national-law link-to-act labour-rights");
	for (int i = 0; i < a.nadvice; i++)
		for (int j = i + 1; j < a.nadvice; j++)
			assert_int_not_equal(a.advice[i], a.advice[j]);
}

static void test_advice_names(void **st)
{
	(void)st;
	static const char *const names[ADVICE_COUNT] = {
		"refer", "offer-referral", "police-or-specialist", "screen-compulsion",
		"labour-rights", "sex-work-services", "forced-marriage-service",
		"check-national-law", "link-to-act", "safety-tonight", "others-at-risk",
	};
	for (int v = 0; v < ADVICE_COUNT; v++)
		assert_string_equal(assess_advice_name(v), names[v]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_coached_19_keeps_minor_now_presumed_and_child_now),
		cmocka_unit_test(test_doubted_age_without_minor_now_presumes_a_child),
		cmocka_unit_test(test_doubted_age_keeps_a_child_at_the_act_yes),
		cmocka_unit_test(test_doubted_age_under_18_changes_nothing),
		cmocka_unit_test(test_age_not_doubted_is_the_age_given),
		cmocka_unit_test(test_doubted_age_raises_establish_age),
		cmocka_unit_test(test_child_no_without_an_age),
		cmocka_unit_test(test_consent_irrelevant_never_in_not_shown),
		cmocka_unit_test(test_non_punishment_not_for_intended_criminality),
		cmocka_unit_test(test_non_punishment_for_a_compelled_offence),
		cmocka_unit_test(test_adult_is_offered_a_referral),
		cmocka_unit_test(test_minor_now_is_referred),
		cmocka_unit_test(test_child_at_the_act_with_age_now_unknown_is_referred),
		cmocka_unit_test(test_child_then_adult_now_is_offered_a_referral),
		cmocka_unit_test(test_safety_tonight_when_going_back_yes_or_unknown),
		cmocka_unit_test(test_others_at_risk_only_when_yes),
		cmocka_unit_test(test_sex_work_without_means_gets_services_not_police),
		cmocka_unit_test(test_organ_removal_without_means_gets_police_or_specialist),
		cmocka_unit_test(test_slavery_forms_without_means_get_police_or_specialist),
		cmocka_unit_test(test_forced_labour_without_means_gets_labour_rights_then_screen_compulsion),
		cmocka_unit_test(test_forced_marriage_and_beyond_list_forms_without_means),
		cmocka_unit_test(test_form_advice_follows_the_vocabulary_order_each_id_once),
		cmocka_unit_test(test_no_form_advice_without_either_flag),
		cmocka_unit_test(test_exploitation_without_act_with_means_or_child),
		cmocka_unit_test(test_exploitation_without_act_or_means_is_advised_by_form),
		cmocka_unit_test(test_recorded_conditions_give_labour_rights_whatever_the_outcome),
		cmocka_unit_test(test_check_national_law_with_beyond_minimum_purpose),
		cmocka_unit_test(test_advice_in_the_order_of_rule_6b),
		cmocka_unit_test(test_advice_names),
	};
	return cmocka_run_group_tests_name("assess_v3", tests, utf8_locale, NULL);
}
