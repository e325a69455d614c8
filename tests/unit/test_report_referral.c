/* The summary's Referral section (report_referral.c): the advice ids of
 * DESIGN §4 rule 6b in words, in their order, safety first; what the
 * interview recorded for the referral (a recruitment fee, the conditions);
 * the consent; where a stopped interview stopped; never "a matter for the
 * police" for the person; and the labels a translator controls whole. */
#include "bundled.h"

#include "domain/answers.h"
#include "domain/langs.h"
#include "domain/report.h"

static struct assess_input inputs(const char *text)
{
	struct stanza_file f;
	struct diags d = { 0 };
	struct assess_input in;
	assert_int_equal(stanza_parse("in", text, strlen(text), &f, &d), 0);
	assert_int_equal(inputs_parse(&f, &in, &d), 0);
	stanza_file_free(&f);
	diags_free(&d);
	return in;
}

/* The lines of one section of the summary of these inputs and evidence,
 * joined with newlines: a new string. */
static char *section_ev(const char *text, enum report_section sec, const struct evidence *ev,
			size_t nev)
{
	struct assess_input in = inputs(text);
	struct assessment a;
	assert_int_equal(assess_run(&in, &a, NULL), 0);
	struct report r;
	report_build(&r, &a, &in, ev, nev);
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	for (size_t i = 0; i < r.n; i++)
		if (r.v[i].section == sec)
			fprintf(f, "%s\n", r.v[i].text);
	fclose(f);
	report_free(&r);
	return buf;
}

static char *referral_of(const char *text)
{
	return section_ev(text, SEC_REFERRAL, NULL, 0);
}

static void has(const char *text, const char *want)
{
	char *s = referral_of(text);
	if (!strstr(s, want))
		fail_msg("lacks \"%s\" in:\n%s", want, s);
	free(s);
}

static void lacks(const char *text, const char *unwanted)
{
	char *s = referral_of(text);
	if (strstr(s, unwanted))
		fail_msg("has \"%s\" in:\n%s", unwanted, s);
	free(s);
}

/* Asserts that the lines holding a, b, c… (NULL-terminated) come in that
 * order in the Referral section. */
static void in_order(const char *text, ...)
{
	char *s = referral_of(text);
	va_list ap;
	va_start(ap, text);
	const char *at = s, *w;
	while ((w = va_arg(ap, const char *))) {
		const char *p = strstr(at, w);
		if (!p)
			fail_msg("\"%s\" missing or out of order in:\n%s", w, s);
		at = p + strlen(w);
	}
	va_end(ap);
	free(s);
}

#define ADULT "age-at-act: 30\nage-now: 31\n"
#define ADULT_ALL ADULT "act.recruitment: yes\nmeans.fraud: yes\npurpose.forced-labour: yes\n"
#define NO_MEANS "means.threat: no\n"

static void test_an_adult_is_offered_a_referral_for_identification(void **st)
{
	(void)st;
	has(ADULT_ALL, "Offer a referral, with the person's informed consent. The referral is for formal identification");
	lacks(ADULT_ALL, "Refer ");
	lacks(ADULT_ALL, "child protection");
}

static void test_a_minor_now_is_referred_whatever_the_outcome(void **st)
{
	(void)st;
	const char *in = "minor-now: presumed\nact.recruitment: no\npurpose.forced-labour: no\n";
	has(in, "Refer to child protection now, whatever the outcome");
	has(in, "their consent is not the gate");
	has(in, "The referral is to the services that fit");
	lacks(in, "Offer");
	has("age-now: 15\nact.recruitment: yes\n", "The referral is for further assessment");
}

/* A child at the act whose age now is unknown: refer until it is known. */
static void test_a_child_then_with_the_age_now_unknown_is_referred(void **st)
{
	(void)st;
	const char *in = "age-at-act: 15\nact.recruitment: yes\npurpose.prostitution-of-others: yes\n";
	has(in, "Refer as for a child until the age now is known");
	lacks(in, "Offer");
}

/* The review's M1: an adult now who was a child then decides as an adult. */
static void test_a_child_then_adult_now_is_offered_and_keeps_the_rights(void **st)
{
	(void)st;
	const char *in = "age-at-act: 16\nage-now: 22\nact.recruitment: yes\npurpose.forced-labour: yes\n"
			 "referral-consent: no\n";
	has(in, "Offer a referral, with the person's informed consent: they were under 18 when it began and keep the rights of a person trafficked as a child");
	has(in, "Consent to referral: no. Give the contacts");
	lacks(in, "Refer ");
}

static void test_safety_lines_come_first(void **st)
{
	(void)st;
	in_order(ADULT_ALL "now.others-at-risk: yes\nnow.going-back: unknown\n",
		 "Referral:", "No safe place tonight", "a shelter or a safety plan before the person leaves",
		 "Others are at risk", "Offer a referral", "Consent to referral", NULL);
	lacks(ADULT_ALL "now.going-back: no\nnow.others-at-risk: no\n", "No safe place tonight");
	lacks(ADULT_ALL "now.going-back: no\nnow.others-at-risk: no\n", "Others are at risk");
}

/* The review's H3b: never "a matter for the police" for the person. */
static void test_sex_work_without_means_is_offered_services_not_the_police(void **st)
{
	(void)st;
	const char *in = ADULT "act.recruitment: yes\n" NO_MEANS "purpose.prostitution-of-others: yes\n"
			 "consent: yes\nreferral-consent: no\n";
	has(in, "national law decides whether a third party's part is an offence");
	has(in, "Offer health, rights and specialist services; the police only with the person's consent or where the law requires it.");
	lacks(in, "the police or a specialist service");
}

static void test_organs_and_slavery_forms_go_to_police_or_a_specialist(void **st)
{
	(void)st;
	has(ADULT "act.recruitment: yes\n" NO_MEANS "purpose.removal-of-organs: intended\n",
	    "or removal of organs: offences in themselves in most systems, with or without the means: the police or a specialist service.");
	lacks(ADULT "act.recruitment: yes\n" NO_MEANS "purpose.removal-of-organs: intended\n",
	      "labour-rights");
	has(ADULT "act.recruitment: yes\n" NO_MEANS "purpose.practices-similar-to-slavery: yes\n",
	    "debt bondage, serfdom, servile marriage, a child handed over");
}

static void test_forced_labour_without_means_is_labour_rights_then_screen_compulsion(void **st)
{
	(void)st;
	in_order(ADULT "act.recruitment: yes\n" NO_MEANS "purpose.forced-begging: yes\n",
		 "Offer a referral", "unless the work is exacted under menace of a penalty, a labour-rights matter",
		 "Screen again for compulsion", "ILO Forced Labour Convention, C29, Article 2(1)", NULL);
	lacks(ADULT "act.recruitment: yes\n" NO_MEANS "purpose.forced-begging: yes\n", "police");
}

static void test_forced_marriage_and_national_law(void **st)
{
	(void)st;
	in_order(ADULT "act.recruitment: yes\n" NO_MEANS "purpose.forced-marriage: yes\n",
		 "Forced marriage: an offence in many systems: the police, or a specialist forced-marriage service.",
		 "check whether national law covers it", NULL);
}

/* The review's L5: a child at home is asked about the link, not sent with
 * the family's chores to the police. */
static void test_a_child_without_an_act_is_asked_about_the_link_first(void **st)
{
	(void)st;
	const char *in = "age-now: 12\nact.harbouring: no\nact.recruitment: no\npurpose.forced-labour: yes\n";
	in_order(in, "Refer to child protection now", "Ask first about the link",
		 "What a family asks of a child at home is not in itself trafficking",
		 "whether the act was done for the purpose of the exploitation (the link)", NULL);
	lacks(in, "labour inspectorate or the police");
}

static void test_without_an_act_but_with_the_means_every_form_is_an_offence(void **st)
{
	(void)st;
	in_order(ADULT "act.harbouring: no\nmeans.coercion: yes\npurpose.forced-labour: yes\n",
		 "Exploitation is shown with the means but without an act", "see the link below",
		 "Check harbouring and receipt", NULL);
}

static void test_recorded_conditions_give_a_labour_rights_line(void **st)
{
	(void)st;
	has(ADULT_ALL "conditions.exploitative: yes\n",
	    "Exploitative working or living conditions are recorded: a labour-rights referral");
	has(ADULT "act.recruitment: yes\n" NO_MEANS "purpose.forced-labour: yes\nconditions.exploitative: yes\n",
	    "Exploitative working or living conditions are recorded as well.");
	lacks(ADULT_ALL "conditions.exploitative: no\n", "conditions are recorded");
}

/* What the interview recorded for the referral, and the fee's ILO line. */
static void test_recorded_items_and_the_recruitment_fee(void **st)
{
	(void)st;
	const struct evidence ev[] = {
		{ -1, "means.fees", "The person paid, or owes, a fee to get the job or the journey.",
		  IV_YES, EV_RECORDED, NULL },
		{ -1, "now.ongoing", "It is still going on.", IV_YES, EV_RECORDED, NULL },
	};
	char *s = section_ev(ADULT_ALL, SEC_REFERRAL, ev, 2);
	const char *r = strstr(s, "Recorded for the referral:");
	assert_non_null(r);
	assert_non_null(strstr(r, "The person paid, or owes, a fee"));
	assert_non_null(strstr(r, "ILO Private Employment Agencies Convention, C181, Article 7"));
	assert_non_null(strstr(r, "It is still going on."));
	free(s);
	s = section_ev(ADULT_ALL, SEC_REFERRAL, ev + 1, 1);
	assert_null(strstr(s, "C181"));
	free(s);
}

/* The fee's line is keyed to an item of the bundled deck: it must exist,
 * recorded only (no indicator). */
static void test_the_bundled_deck_has_the_fee_item(void **st)
{
	(void)st;
	bool found = false;
	for (size_t i = 0; i < deck->n; i++)
		for (size_t j = 0; j < deck->s[i].nitems; j++)
			if (strcmp(deck->s[i].items[j].id, "means.fees") == 0) {
				found = true;
				assert_int_equal(deck->s[i].items[j].indicator, -1);
			}
	assert_true(found);
}

/* An interview on the bundled deck: the recorded items answered yes on its
 * path, and where it stopped, reach the summary. */
static void test_an_interview_gives_its_recorded_items_and_stop(void **st)
{
	(void)st;
	const char *text = "setup.role: ngo\nsetup.place: shelter\nsetup.contact: self\n"
			   "setup.interpreter: professional\nsafety.private: dontknow\n";
	struct stanza_file f;
	struct diags d = { 0 };
	assert_int_equal(stanza_parse("a", text, strlen(text), &f, &d), 0);
	struct interview *iv = interview_new(deck);
	assert_int_equal(answers_apply(iv, &f, &d), 0);
	size_t n;
	struct evidence *ev = report_evidence(iv, &n);
	bool stop = false;
	for (size_t i = 0; i < n; i++)
		if (ev[i].kind == EV_STOP) {
			assert_string_equal(ev[i].ctx, "safety.private");
			assert_non_null(ev[i].section);
			stop = true;
		}
	assert_true(stop);
	char *s = section_ev("interview.stopped-early: yes\n", SEC_UNCLEAR, ev, n);
	if (!strstr(s, "The interview stopped early, at safety.private (in "))
		fail_msg("no stop place in:\n%s", s);
	/* The place, never the question put to the person (DESIGN §5 v3). */
	if (strstr(s, "private?") || strstr(s, "\"Are you"))
		fail_msg("the stop quotes the question:\n%s", s);
	free(s);
	free(ev);
	interview_free(iv);
	stanza_file_free(&f);
	diags_free(&d);
}

static void test_a_stop_without_its_place_says_so_plainly(void **st)
{
	(void)st;
	char *s = section_ev("interview.stopped-early: yes\n", SEC_UNCLEAR, NULL, 0);
	assert_non_null(strstr(s, "The interview stopped early: the questions after the stop were not asked."));
	free(s);
}

static void test_consent_to_referral_by_the_advice(void **st)
{
	(void)st;
	has(ADULT_ALL "referral-consent: yes\n", "Consent to referral: yes.");
	has("age-now: 14\nreferral-consent: no\n", "Consent to referral: no. For a child, refer all the same");
	has("age-at-act: 14\nreferral-consent: no\n", "Consent to referral: no. For a child, refer all the same");
	has(ADULT_ALL, "Consent to referral: not recorded. Ask the person before referring them.");
	has("age-now: 14\n", "Consent to referral: not recorded. A child is referred in any case");
}

/* Every advice sentence of many inputs, in every language: none sends the
 * person to the police as "a matter" for it. */
static void test_never_a_matter_for_the_police(void **st)
{
	(void)st;
	static const char *const cases[] = {
		ADULT "act.recruitment: yes\n" NO_MEANS "purpose.prostitution-of-others: yes\n"
		"purpose.sexual-exploitation: yes\npurpose.forced-labour: yes\npurpose.slavery: yes\n"
		"purpose.forced-marriage: yes\npurpose.other: yes\nconditions.exploitative: yes\n",
		"age-now: 12\nact.harbouring: no\npurpose.forced-labour: yes\npurpose.servitude: yes\n",
		ADULT "act.harbouring: no\nmeans.threat: yes\npurpose.removal-of-organs: yes\n",
	};
	struct langs l = { 0 };
	struct diags d = { 0 };
	assert_int_equal(langs_load("locales", &l, &d), 0);
	for (size_t k = 0; k <= l.n; k++) {
		i18n_use(k < l.n ? l.v[k] : NULL);
		for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
			char *s = referral_of(cases[c]);
			if (strstr(s, "matter for the police") || strstr(s, "affaire pour la police") ||
			    strstr(s, "asunto para la policía") || strstr(s, "asunto de la policía"))
				fail_msg("a matter for the police:\n%s", s);
			free(s);
		}
	}
	i18n_use(NULL);
	langs_free(&l);
	diags_free(&d);
}

/* The code adds no colon to a label: in French each heading of the summary
 * has the space before its colon that the translation gives it. */
static void test_french_labels_are_spaced_before_the_colon(void **st)
{
	(void)st;
	struct langs l = { 0 };
	struct diags d = { 0 };
	assert_int_equal(langs_load("locales", &l, &d), 0);
	const struct catalog *fr = NULL;
	for (size_t k = 0; k < l.n; k++)
		if (strcmp(catalog_lang(l.v[k]), "fr") == 0)
			fr = l.v[k];
	assert_non_null(fr);
	i18n_use(fr);
	struct assess_input in = inputs(ADULT "act.recruitment: yes\nmeans.threat: dontknow\n"
					"purpose.forced-labour: yes\nconsent: yes\n");
	struct assessment a;
	assert_int_equal(assess_run(&in, &a, NULL), 0);
	size_t nev;
	struct evidence *ev = report_evidence_inputs(&in, &nev);
	struct report r;
	report_build(&r, &a, &in, ev, nev);
	int headings = 0;
	for (size_t i = 0; i < r.n; i++) {
		const char *t = r.v[i].text;
		size_t n = strlen(t);
		if (r.v[i].quote || n < 2 || t[n - 1] != ':')
			continue;
		headings++;
		if (t[n - 2] != ' ' && strcmp(t + n - 3, "\u00a0:") != 0)
			fail_msg("no space before the colon: \"%s\"", t);
	}
	assert_true(headings >= 4);	/* referral, flags, unclear, ask, cites */
	report_free(&r);
	free(ev);
	i18n_use(NULL);
	langs_free(&l);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_an_adult_is_offered_a_referral_for_identification),
		cmocka_unit_test(test_a_minor_now_is_referred_whatever_the_outcome),
		cmocka_unit_test(test_a_child_then_with_the_age_now_unknown_is_referred),
		cmocka_unit_test(test_a_child_then_adult_now_is_offered_and_keeps_the_rights),
		cmocka_unit_test(test_safety_lines_come_first),
		cmocka_unit_test(test_sex_work_without_means_is_offered_services_not_the_police),
		cmocka_unit_test(test_organs_and_slavery_forms_go_to_police_or_a_specialist),
		cmocka_unit_test(test_forced_labour_without_means_is_labour_rights_then_screen_compulsion),
		cmocka_unit_test(test_forced_marriage_and_national_law),
		cmocka_unit_test(test_a_child_without_an_act_is_asked_about_the_link_first),
		cmocka_unit_test(test_without_an_act_but_with_the_means_every_form_is_an_offence),
		cmocka_unit_test(test_recorded_conditions_give_a_labour_rights_line),
		cmocka_unit_test(test_recorded_items_and_the_recruitment_fee),
		cmocka_unit_test(test_the_bundled_deck_has_the_fee_item),
		cmocka_unit_test(test_an_interview_gives_its_recorded_items_and_stop),
		cmocka_unit_test(test_a_stop_without_its_place_says_so_plainly),
		cmocka_unit_test(test_consent_to_referral_by_the_advice),
		cmocka_unit_test(test_never_a_matter_for_the_police),
		cmocka_unit_test(test_french_labels_are_spaced_before_the_colon),
	};
	return cmocka_run_group_tests_name("report_referral", tests, bundled_setup, bundled_teardown);
}
