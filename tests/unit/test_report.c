/* The summary in words and the JSON of DESIGN.md §4. */
#include "testutil.h"

#include "law.h"
#include "report.h"

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
		"  \"outcome\": \"consistent-child\",\n"
		"  \"elements\": {\n"
		"    \"act\": {\"status\": \"met\", \"required\": true, \"indicators\": {\"act.recruitment\": \"yes\"}},\n"
		"    \"means\": {\"status\": \"unclear\", \"required\": false, \"indicators\": {}},\n"
		"    \"purpose\": {\"status\": \"met\", \"required\": true, \"intended_only\": false, \"indicators\": {\"purpose.forced-labour\": \"yes\"}}\n"
		"  },\n"
		"  \"flags\": [],\n"
		"  \"cites\": [\"tip-3a\", \"tip-3c\", \"tip-3d\"],\n"
		"  \"caveats\": []\n"
		"}\n");
	free(j);
}

static void test_json_lists_flags_cites_and_caveats_in_order(void **st)
{
	(void)st;
	char *j = json_of("consent: yes\nact.receipt: yes\nmeans.fraud: yes\npurpose.other: intended\n"
			  "smuggling.irregular-entry: yes\nsmuggling.paid-facilitator: yes\n"
			  "setting.private: no\nsetting.interpreter: informal\n");
	assert_non_null(strstr(j, "\"flags\": [\"intended-exploitation\", \"consent-irrelevant\", \"beyond-minimum-purpose\", \"smuggling\"]"));
	assert_non_null(strstr(j, "\"cites\": [\"tip-3a\", \"tip-3b\", \"tip-5\", \"som-3a\"]"));
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
	assert_non_null(strstr(t, "EU Directive 2011/36/EU"));
	assert_non_null(strstr(t, "controller-present: "));
	assert_non_null(strstr(t, "stopped-early: "));
	free(t);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_has_the_design_shape),
		cmocka_unit_test(test_json_lists_flags_cites_and_caveats_in_order),
		cmocka_unit_test(test_text_says_it_is_not_a_legal_determination),
		cmocka_unit_test(test_text_never_calls_anyone_a_victim),
		cmocka_unit_test(test_text_of_not_shown_says_it_is_not_proof),
		cmocka_unit_test(test_text_lists_elements_with_answers_behind_them),
		cmocka_unit_test(test_text_quotes_the_cited_provisions_verbatim),
		cmocka_unit_test(test_text_shows_flags_and_caveats_with_their_names),
		cmocka_unit_test(test_matched_words),
	};
	return cmocka_run_group_tests_name("report", tests, utf8_locale, NULL);
}
