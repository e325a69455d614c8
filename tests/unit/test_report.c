/* The summary in words and the JSON of DESIGN.md §4. */
#include "testutil.h"

#include "domain/langs.h"
#include "domain/law.h"
#include "domain/report.h"
#include "app/casefile.h"

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

static char *json_of(const char *text)
{
	struct assess_input in = inputs(text);
	struct assessment a;
	assert_int_equal(assess_run(&in, &a, NULL), 0);
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	report_json(f, &a);
	fclose(f);
	return buf;
}

static char *text_of(const char *text)
{
	struct assess_input in = inputs(text);
	struct assessment a;
	assert_int_equal(assess_run(&in, &a, NULL), 0);
	size_t n;
	struct evidence *ev = report_evidence_inputs(&in, &n);
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	report_text(f, &a, &in, ev, n, 1000);	/* no wrapping */
	fclose(f);
	free(ev);
	return buf;
}

static void test_json_has_the_design_shape(void **st)
{
	(void)st;
	char *j = json_of("age-at-act: 15\nact.recruitment: yes\npurpose.forced-labour: yes\n");
	assert_string_equal(j,
		"{\n"
		"  \"child\": \"yes\",\n"
		"  \"child_now\": \"unknown\",\n"
		"  \"age_now_doubted\": false,\n"
		"  \"outcome\": \"consistent-child\",\n"
		"  \"elements\": {\n"
		"    \"act\": {\"status\": \"met\", \"required\": true, \"indicators\": {\"act.recruitment\": \"yes\"}},\n"
		"    \"means\": {\"status\": \"unclear\", \"required\": false, \"indicators\": {}},\n"
		"    \"purpose\": {\"status\": \"met\", \"required\": true, \"intended_only\": false, \"indicators\": {\"purpose.forced-labour\": \"yes\"}}\n"
		"  },\n"
		"  \"flags\": [],\n"
		"  \"cites\": [\"tip-3a\", \"tip-3c\", \"tip-3d\"],\n"
		"  \"caveats\": [],\n"
		"  \"advice\": [\"refer\"]\n"
		"}\n");
	free(j);
}

static void test_json_lists_flags_cites_and_caveats_in_order(void **st)
{
	(void)st;
	char *j = json_of("consent: yes\nact.receipt: yes\nmeans.fraud: yes\npurpose.other: intended\n"
			  "smuggling.irregular-entry: yes\nsmuggling.paid-facilitator: yes\n"
			  "setting.private: no\nsetting.interpreter: informal\n");
	assert_non_null(strstr(j, "\"outcome\": \"consistent-all-elements\""));
	assert_non_null(strstr(j, "\"flags\": [\"intended-exploitation\", \"consent-irrelevant\", \"beyond-minimum-purpose\", \"smuggling\", \"non-punishment\"]"));
	assert_non_null(strstr(j, "\"cites\": [\"tip-3a\", \"tip-3b\", \"som-3a\", \"som-5\"]"));
	assert_non_null(strstr(j, "\"caveats\": [\"not-private\", \"informal-interpreter\"]"));
	assert_non_null(strstr(j, "\"intended_only\": true"));
	assert_non_null(strstr(j, "\"purpose.other\": \"intended\""));
	free(j);
}

static void test_text_says_it_is_not_a_legal_determination(void **st)
{
	(void)st;
	char *t = text_of("act.recruitment: yes\n");
	assert_non_null(strstr(t, "A screening is not a legal determination."));
	assert_non_null(strstr(t, "[incomplete]"));
	free(t);
}

/* Outside the quoted law, the summary never uses the word "victim": it
 * speaks of elements and indicators, never of a person's status. */
static void test_text_never_calls_anyone_a_victim(void **st)
{
	(void)st;
	char *t = text_of("consent: yes\nchild: presumed\nact.receipt: yes\nmeans.fraud: yes\n"
			  "purpose.other: intended\nsmuggling.irregular-entry: yes\n"
			  "smuggling.paid-facilitator: yes\nsetting.private: no\n");
	for (char *line = strtok(t, "\n"); line; line = strtok(NULL, "\n")) {
		bool quote = line[0] == '(' || (line[0] >= '0' && line[0] <= '9');
		if (!quote && strstr(line, "victim"))
			fail_msg("says 'victim': %s", line);
	}
	free(t);
}

static bool says_victim(const char *s)
{
	return strstr(s, "victim") || strstr(s, "Victim") || strstr(s, "victime") ||
	       strstr(s, "Victime") || strstr(s, "víctima") || strstr(s, "Víctima");
}

/* The advice of many inputs (every referral, form, unclear and ask-next
 * rule), in the current language: no line outside the quoted law says
 * "victim". */
static void advice_never_says_victim(void)
{
	static const char *const cases[] = {
		"age-at-act: 30\nact.recruitment: yes\nmeans.threat: no\npurpose.prostitution-of-others: yes\n"
		"purpose.forced-labour: yes\npurpose.slavery: yes\npurpose.servitude: yes\npurpose.other: yes\n"
		"referral-consent: no\nsetting.private: unknown\n",
		"age-now: 15\nact.harbouring: no\npurpose.forced-begging: intended\nreferral-consent: no\n",
		"age-at-act: 16\nage-now: 20\nact.recruitment: dontknow\nmeans.fraud: declined\n"
		"interview.stopped-early: yes\n",
		"child: presumed\nact.receipt: yes\npurpose.removal-of-organs: yes\nreferral-consent: yes\n",
		"act.transfer: yes\nmeans.deception: yes\npurpose.forced-marriage: intended\n",
		"age-now: 19\nage-now-doubted: yes\nage-at-act: 18\nact.harbouring: no\n"
		"purpose.forced-labour: yes\nnow.going-back: unknown\nnow.others-at-risk: yes\n"
		"conditions.exploitative: yes\ncompelled-offence: yes\n",
		"age-at-act: 30\nact.recruitment: yes\nmeans.threat: no\npurpose.sexual-exploitation: yes\n"
		"purpose.illegal-adoption: yes\nconditions.exploitative: yes\n",
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		struct assess_input in = inputs(cases[k]);
		struct assessment a;
		assert_int_equal(assess_run(&in, &a, NULL), 0);
		struct report r;
		report_build(&r, &a, &in, NULL, 0);
		for (size_t i = 0; i < r.n; i++)
			if (r.v[i].section != SEC_CITES && says_victim(r.v[i].text))
				fail_msg("says victim: %s", r.v[i].text);
		report_free(&r);
	}
}

/* No outcome, flag, caveat or advice sentence says "victim", in any
 * language. */
static void test_no_summary_sentence_says_victim_in_any_language(void **st)
{
	(void)st;
	struct langs l = { 0 };
	struct diags d = { 0 };
	assert_int_equal(langs_load("locales", &l, &d), 0);
	for (size_t k = 0; k < l.n; k++) {
		i18n_use(l.v[k]);
		for (int o = 0; o <= OUT_INCOMPLETE; o++)
			if (says_victim(report_outcome_title(o)))
				fail_msg("outcome %d says victim: %s", o, report_outcome_title(o));
		for (int f = 0; f < FLAG_COUNT; f++)
			if (says_victim(report_flag_text(f)))
				fail_msg("flag %s says victim: %s", assess_flag_name(f), report_flag_text(f));
		for (int c = 0; c < CAVEAT_COUNT; c++)
			if (says_victim(report_caveat_text(c)))
				fail_msg("caveat %s says victim", assess_caveat_name(c));
		advice_never_says_victim();
	}
	i18n_use(NULL);
	langs_free(&l);
	diags_free(&d);
}

static void test_text_of_not_shown_says_it_is_not_proof(void **st)
{
	(void)st;
	char *t = text_of("age-at-act: 30\nact.recruitment: yes\nmeans.threat: no\npurpose.forced-labour: yes\n");
	assert_non_null(strstr(t, "The answers do not show the means. This is not proof that trafficking did not occur."));
	assert_non_null(strstr(t, "purpose-without-means"));
	free(t);
}

static void test_text_lists_elements_with_answers_behind_them(void **st)
{
	(void)st;
	char *t = text_of("age-at-act: 15\nact.recruitment: yes\nact.transfer: dontknow\n"
			  "purpose.servitude: intended\n");
	assert_non_null(strstr(t, "Act: met (required)\n  - yes: act.recruitment\n  - don't know: act.transfer\n"));
	assert_non_null(strstr(t, "Means: unclear (not required for a child: recorded only)"));
	assert_non_null(strstr(t, "  - intended (told, planned or expected): purpose.servitude\n"));
	assert_non_null(strstr(t, "Under 18 when it began: yes (age 15 at the time)."));
	free(t);
}

static void test_text_quotes_the_cited_provisions_verbatim(void **st)
{
	(void)st;
	char *t = text_of("age-at-act: 15\nact.recruitment: yes\npurpose.forced-labour: yes\n");
	int cites[] = { CITE_TIP_3A, CITE_TIP_3C, CITE_TIP_3D };
	for (size_t i = 0; i < 3; i++) {
		struct law_quote q;
		assert_int_equal(law_quote(cites[i], "en", &q), 0);
		char *block = malloc(strlen(q.text) + 3);
		sprintf(block, "\n%s\n", q.text);
		if (!strstr(t, block))
			fail_msg("%s is not quoted verbatim on its own lines", q.cite);
		free(block);
		law_quote_free(&q);
	}
	assert_null(strstr(t, "[tip-3b]"));
	assert_non_null(strstr(t, "Words the answers matched: recruitment; forced labour or services."));
	free(t);
}

static void test_text_shows_flags_and_caveats_with_their_names(void **st)
{
	(void)st;
	char *t = text_of("child: presumed\nsetting.controller-present: yes\n"
			  "interview.stopped-early: yes\n");
	assert_non_null(strstr(t, "presumed-child: "));
	/* The presumption of minority is a treaty rule about the age now. */
	assert_non_null(strstr(t, "Council of Europe Convention, Article 10(3); Directive 2011/36/EU, Article 13(2)"));
	assert_null(strstr(t, "Council of Europe practice"));
	assert_non_null(strstr(t, "provisionally not required"));
	assert_non_null(strstr(t, "establish-age: "));
	assert_non_null(strstr(t, "controller-present: "));
	assert_non_null(strstr(t, "stopped-early: "));
	free(t);
}

/* The JSON of every flag, caveat and outcome of version 2, by name. */
static void test_json_names_the_version_2_flags_and_caveats(void **st)
{
	(void)st;
	char *j = json_of("age-now: 16\nreferral-consent: no\nsetting.private: unknown\n"
			  "act.receipt: no\npurpose.forced-criminality: yes\n");
	assert_non_null(strstr(j, "\"child\": \"yes\",\n  \"child_now\": \"yes\",\n"));
	assert_non_null(strstr(j, "\"flags\": [\"exploitation-without-act\", \"child-now\"]"));
	assert_non_null(strstr(j, "\"caveats\": [\"setting-unknown\"]"));
	assert_non_null(strstr(j, "\"purpose.forced-criminality\": \"yes\""));
	free(j);
	j = json_of("age-now: 30\nreferral-consent: no\nact.recruitment: yes\nmeans.fraud: yes\n"
		    "purpose.forced-labour: yes\nsmuggling.irregular-entry: yes\n");
	assert_non_null(strstr(j, "\"child\": \"unknown\",\n  \"child_now\": \"no\",\n"));
	assert_non_null(strstr(j, "\"flags\": [\"non-punishment\", \"referral-declined\"]"));
	free(j);
}

static void test_text_of_the_version_2_rules(void **st)
{
	(void)st;
	char *t = text_of("age-at-act: 16\nage-now: 22\nact.recruitment: yes\npurpose.forced-labour: yes\n");
	assert_non_null(strstr(t, "Under 18 when it began: yes (age 16 at the time).\nUnder 18 now: no (age 22 now).\n"));
	assert_null(strstr(t, "child-now: "));
	free(t);
	t = text_of("minor-now: presumed\nact.recruitment: yes\npurpose.forced-labour: yes\n");
	assert_non_null(strstr(t, "Under 18 now: presumed"));
	assert_non_null(strstr(t, "child-now: The person is, or is presumed to be, under 18 now: refer to child protection now"));
	free(t);
	t = text_of("act.recruitment: yes\nmeans.fraud: yes\npurpose.forced-labour: yes\n");
	assert_non_null(strstr(t, "[consistent-all-elements]"));
	assert_non_null(strstr(t, "The age when it began is not known"));
	assert_non_null(strstr(t, "Under 18 now: unknown.\n"));
	free(t);
	t = text_of("age-at-act: 30\nact.receipt: yes\nmeans.fraud: yes\n"
		    "purpose.removal-of-organs: intended\n");
	assert_non_null(strstr(t, "intended-exploitation: "));
	assert_non_null(strstr(t, "This is not an attempt."));
	assert_null(strstr(t, "Article 5(2)"));
	free(t);
	t = text_of("age-at-act: 30\nreferral-consent: no\nsetting.controller-present: unknown\n"
		    "act.harbouring: no\nmeans.threat: yes\npurpose.forced-labour: yes\n");
	assert_non_null(strstr(t, "exploitation-without-act: "));
	assert_non_null(strstr(t, "Check harbouring and receipt, and whether the act was done for the purpose of the exploitation, before concluding"));
	assert_non_null(strstr(t, "referral-declined: "));
	assert_non_null(strstr(t, "setting-unknown: "));
	free(t);
	t = text_of("age-at-act: 19\nact.transportation: yes\nmeans.coercion: yes\n"
		    "purpose.forced-criminality: yes\nsmuggling.irregular-entry: yes\n"
		    "smuggling.paid-facilitator: yes\n");
	assert_non_null(strstr(t, "non-punishment: "));
	assert_non_null(strstr(t, "they may be protected from prosecution or penalties for them. Raise it with the prosecutor or the referral mechanism"));
	assert_non_null(strstr(t, "Directive 2011/36/EU, Article 8, authorities entitled not to prosecute; Council of Europe Convention, Article 26"));
	assert_null(strstr(t, "should not be"));
	assert_non_null(strstr(t, "(Article 5)."));
	struct law_quote q;
	assert_int_equal(law_quote(CITE_SOM_5, "en", &q), 0);
	char *block = malloc(strlen(q.text) + 3);
	sprintf(block, "\n%s\n", q.text);
	assert_non_null(strstr(t, block));	/* SOM Art. 5 quoted verbatim */
	assert_non_null(strstr(t, "[som-5, en], text verified:"));
	free(block);
	law_quote_free(&q);
	/* Forced criminality highlights "forced labour or services" in 3(a). */
	assert_non_null(strstr(t, "Words the answers matched: transportation; coercion; forced labour or services."));
	free(t);
}

static void test_text_of_a_purpose_beyond_the_list(void **st)
{
	(void)st;
	char *t = text_of("age-at-act: 15\nact.transfer: yes\npurpose.forced-marriage: yes\n");
	assert_non_null(strstr(t, "beyond-minimum-purpose: "));
	assert_non_null(strstr(t, "1956 Supplementary Convention, Article 1(c)"));
	assert_non_null(strstr(t, "  - yes: purpose.forced-marriage\n"));
	free(t);
}

/* Two indicators with the same words (forced labour and forced begging)
 * list them once. */
static void test_matched_words_are_listed_once(void **st)
{
	(void)st;
	struct assess_input in = inputs("purpose.forced-labour: yes\npurpose.forced-begging: yes\n"
					"purpose.forced-criminality: intended\n");
	struct assessment a;
	assess_run(&in, &a, NULL);
	struct law_quote q;
	law_quote(CITE_TIP_3A, "en", &q);
	char *m = report_matched_words(&a, q.text, NULL);
	assert_string_equal(m, "forced labour or services");
	free(m);
	/* Words inside other words are still their own item. */
	in = inputs("purpose.slavery: yes\npurpose.practices-similar-to-slavery: yes\n");
	assess_run(&in, &a, NULL);
	m = report_matched_words(&a, q.text, NULL);
	assert_string_equal(m, "slavery; practices similar to slavery");
	free(m);
	law_quote_free(&q);
}

static void test_matched_words(void **st)
{
	(void)st;
	struct assess_input in = inputs("act.harbouring: yes\nmeans.abuse-of-vulnerability: yes\nmeans.fraud: no\n");
	struct assessment a;
	assess_run(&in, &a, NULL);
	struct law_quote q;
	law_quote(CITE_TIP_3A, "en", &q);
	char *m = report_matched_words(&a, q.text, NULL);
	assert_string_equal(m, "harbouring; a position of vulnerability");
	free(m);
	law_quote_free(&q);
}

/* The structured report: the quote lines carry spans on exactly the matched
 * words, the text rendering is the summary, and the JSON rendering has the
 * same lines and marks. */
static void test_structured_report_marks_the_matched_words(void **st)
{
	(void)st;
	struct assess_input in = inputs("act.harbouring: yes\nmeans.abuse-of-vulnerability: yes\n");
	struct assessment a;
	assert_int_equal(assess_run(&in, &a, NULL), 0);
	size_t nev;
	struct evidence *ev = report_evidence_inputs(&in, &nev);
	struct report r;
	report_build(&r, &a, &in, ev, nev);
	int marks = 0;
	bool outcome = false;
	for (size_t i = 0; i < r.n; i++) {
		const struct report_line *l = &r.v[i];
		outcome |= l->section == SEC_OUTCOME && strncmp(l->text, "Outcome: ", 9) == 0;
		assert_true(!l->nspans || l->quote);	/* only quoted law is marked */
		for (size_t k = 0; k < l->nspans; k++, marks++) {
			char *w = strndup(l->text + l->spans[k].start, l->spans[k].len);
			if (strcmp(w, "harbouring") != 0 && strcmp(w, "a position of vulnerability") != 0)
				fail_msg("marked '%s'", w);
			free(w);
		}
	}
	assert_true(outcome);
	assert_true(marks >= 2);
	char *buf, *text = text_of("act.harbouring: yes\nmeans.abuse-of-vulnerability: yes\n");
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	report_print(f, &r, 1000);
	fclose(f);
	assert_string_equal(buf, text);	/* report_text is this rendering */
	free(buf);
	free(text);
	f = open_memstream(&buf, &len);
	report_print_json(f, &r);
	fclose(f);
	assert_non_null(strstr(buf, "\"section\": \"cites\""));
	assert_non_null(strstr(buf, "\"quote\": true, \"marks\": [["));
	free(buf);
	report_free(&r);
	free(ev);
}

/* The lines of one section of the summary of these inputs, joined with
 * newlines: a new string. */
static char *section_of(const char *text, enum report_section sec)
{
	struct assess_input in = inputs(text);
	struct assessment a;
	assert_int_equal(assess_run(&in, &a, NULL), 0);
	size_t nev;
	struct evidence *ev = report_evidence_inputs(&in, &nev);
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
	free(ev);
	return buf;
}

static void has(const char *text, enum report_section sec, const char *want)
{
	char *s = section_of(text, sec);
	if (!strstr(s, want))
		fail_msg("lacks \"%s\" in:\n%s", want, s);
	free(s);
}

static void lacks(const char *text, enum report_section sec, const char *unwanted)
{
	char *s = section_of(text, sec);
	if (strstr(s, unwanted))
		fail_msg("has \"%s\" in:\n%s", unwanted, s);
	free(s);
}

#define ADULT_ALL "age-at-act: 30\nage-now: 31\nact.recruitment: yes\nmeans.fraud: yes\npurpose.forced-labour: yes\n"

static void test_still_unclear_lists_the_open_answers_of_unclear_elements(void **st)
{
	(void)st;
	const char *in = "age-at-act: 30\nage-now: 30\nreferral-consent: yes\nact.recruitment: yes\n"
			 "means.coercion: dontknow\nmeans.fraud: declined\nmeans.threat: no\n"
			 "purpose.forced-labour: yes\n";
	has(in, SEC_UNCLEAR, "Still unclear:");
	has(in, SEC_UNCLEAR, "Means: unclear; answers that leave it open: means.coercion (don't know), means.fraud (declined).");
	lacks(in, SEC_UNCLEAR, "Act:");	/* met: not unclear */
	lacks(in, SEC_UNCLEAR, "The age");
	has("age-at-act: 30\nage-now: 30\nact.recruitment: yes\npurpose.forced-labour: yes\n", SEC_UNCLEAR,
	    "Means: unclear; no answer shows it or rules it out.");
	/* For a child the means are not required: not listed as unclear. */
	lacks("age-at-act: 12\nact.recruitment: dontknow\nmeans.fraud: dontknow\n", SEC_UNCLEAR, "Means:");
	has("age-at-act: 12\nact.recruitment: dontknow\n", SEC_UNCLEAR, "Act: unclear");
}

static void test_still_unclear_names_ages_setting_and_stop(void **st)
{
	(void)st;
	const char *in = "setting.private: unknown\ninterview.stopped-early: yes\nact.recruitment: yes\n";
	has(in, SEC_UNCLEAR, "The age when it began: not known.");
	has(in, SEC_UNCLEAR, "The age now: not known.");
	has(in, SEC_UNCLEAR, "Whether the interview was private, and whether someone who may control the person was present: not known.");
	has(in, SEC_UNCLEAR, "The interview stopped early");
	has("child: presumed\n", SEC_UNCLEAR, "The age when it began: presumed under 18, not established.");
	/* Nothing open, no section. */
	lacks(ADULT_ALL "referral-consent: yes\n", SEC_UNCLEAR, "Still unclear");
}

static void test_what_to_ask_next_is_keyed_to_what_is_open(void **st)
{
	(void)st;
	const char *in = "age-at-act: 30\nage-now: 30\nreferral-consent: yes\nact.recruitment: yes\n"
			 "means.deception: dontknow\nmeans.abuse-of-vulnerability: unanswered\n"
			 "means.threat: no\npurpose.forced-labour: yes\n";
	has(in, SEC_ASK, "What to ask next:");
	has(in, SEC_ASK, "Was the person told the truth about the work, the place, the employer and their legal status?");
	has(in, SEC_ASK, "Did someone use the person's situation");
	lacks(in, SEC_ASK, "Has anyone threatened");	/* answered no */
	lacks(in, SEC_ASK, "How was the person brought to go");
	/* An unclear element with no answers gets the element's question. */
	has("age-at-act: 30\nage-now: 30\nact.recruitment: yes\npurpose.forced-labour: yes\n", SEC_ASK,
	    "How was the person brought to go, or kept there");
	/* A declined answer is not pressed. */
	has("age-at-act: 30\nmeans.fraud: declined\n", SEC_ASK, "do not press");
	lacks("age-at-act: 30\nmeans.fraud: declined\n", SEC_ASK, "Are the pay, hours and conditions");
	lacks("age-at-act: 30\nmeans.fraud: declined\n", SEC_ASK, "How was the person brought to go");
}

static void test_what_to_ask_next_starts_with_safety_and_the_age(void **st)
{
	(void)st;
	const char *in = "setting.controller-present: unknown\nact.recruitment: yes\npurpose.forced-labour: yes\n";
	char *s = section_of(in, SEC_ASK);
	const char *safe = strstr(s, "First make sure that the person can talk safely");
	const char *age = strstr(s, "How old was the person when it began?");
	assert_non_null(safe);
	assert_non_null(age);
	assert_true(safe < age);
	assert_non_null(strstr(s, "How old is the person now?"));
	free(s);
	lacks(ADULT_ALL, SEC_ASK, "talk safely");
	lacks(ADULT_ALL, SEC_ASK, "How old");
}

/* F13: a purpose beyond the Protocol's list alone is subject to national law. */
static void test_outcome_beyond_the_list_is_subject_to_national_law(void **st)
{
	(void)st;
	const char *in = "age-at-act: 30\nact.recruitment: yes\nmeans.deception: yes\npurpose.forced-marriage: intended\n";
	has(in, SEC_OUTCOME, "[consistent-adult]");
	has(in, SEC_OUTCOME, "beyond the Protocol's explicit list: whether it is covered is subject to national law.");
	lacks(ADULT_ALL, SEC_OUTCOME, "subject to national law");
	lacks("age-at-act: 30\nact.recruitment: yes\nmeans.deception: yes\npurpose.forced-marriage: yes\n"
	      "purpose.servitude: yes\n", SEC_OUTCOME, "subject to national law");
}

static void test_json_names_the_advice_sections(void **st)
{
	(void)st;
	struct assess_input in = inputs("age-at-act: 30\nact.recruitment: yes\n");
	struct assessment a;
	assert_int_equal(assess_run(&in, &a, NULL), 0);
	struct report r;
	report_build(&r, &a, &in, NULL, 0);
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	report_print_json(f, &r);
	fclose(f);
	assert_non_null(strstr(buf, "{\"section\": \"referral\", \"text\": \"Referral:\""));
	assert_non_null(strstr(buf, "{\"section\": \"unclear\", \"text\": \"Still unclear:\""));
	assert_non_null(strstr(buf, "{\"section\": \"ask-next\", \"text\": \"What to ask next:\""));
	free(buf);
	report_free(&r);
}

/* The case file's dates: ISO 8601 local time with the offset from UTC. */
static void test_case_file_dates_are_iso_8601_with_the_offset(void **st)
{
	(void)st;
	char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	char buf[32];
	setenv("TZ", "UTC-2", 1);
	tzset();
	casefile_time(buf, sizeof buf, 1796169600);	/* 2026-12-02T00:00:00Z */
	assert_string_equal(buf, "2026-12-02T02:00:00+02:00");
	setenv("TZ", "UTC+5:30", 1);
	tzset();
	casefile_time_ms(buf, sizeof buf, 1796169600999LL);
	assert_string_equal(buf, "2026-12-01T18:30:00-05:30");
	setenv("TZ", "UTC", 1);
	tzset();
	casefile_time(buf, sizeof buf, 0);
	assert_string_equal(buf, "1970-01-01T00:00:00+00:00");
	if (old)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_has_the_design_shape),
		cmocka_unit_test(test_json_lists_flags_cites_and_caveats_in_order),
		cmocka_unit_test(test_json_names_the_version_2_flags_and_caveats),
		cmocka_unit_test(test_text_of_the_version_2_rules),
		cmocka_unit_test(test_text_of_a_purpose_beyond_the_list),
		cmocka_unit_test(test_matched_words_are_listed_once),
		cmocka_unit_test(test_text_says_it_is_not_a_legal_determination),
		cmocka_unit_test(test_text_never_calls_anyone_a_victim),
		cmocka_unit_test(test_no_summary_sentence_says_victim_in_any_language),
		cmocka_unit_test(test_text_of_not_shown_says_it_is_not_proof),
		cmocka_unit_test(test_text_lists_elements_with_answers_behind_them),
		cmocka_unit_test(test_text_quotes_the_cited_provisions_verbatim),
		cmocka_unit_test(test_text_shows_flags_and_caveats_with_their_names),
		cmocka_unit_test(test_matched_words),
		cmocka_unit_test(test_structured_report_marks_the_matched_words),
		cmocka_unit_test(test_still_unclear_lists_the_open_answers_of_unclear_elements),
		cmocka_unit_test(test_still_unclear_names_ages_setting_and_stop),
		cmocka_unit_test(test_what_to_ask_next_is_keyed_to_what_is_open),
		cmocka_unit_test(test_what_to_ask_next_starts_with_safety_and_the_age),
		cmocka_unit_test(test_outcome_beyond_the_list_is_subject_to_national_law),
		cmocka_unit_test(test_json_names_the_advice_sections),
		cmocka_unit_test(test_case_file_dates_are_iso_8601_with_the_offset),
	};
	return cmocka_run_group_tests_name("report", tests, utf8_locale, NULL);
}
