/* Scenario files (scenario.c) and the debrief (debrief.c) on the bundled
 * deck: the bundled scenarios load and agree; mistakes are found with
 * their place; acceptable answers; the score and the critical misses. */
#include "bundled.h"

#include "base/xalloc.h"
#include "domain/answer.h"
#include "domain/interview.h"
#include "train/debrief.h"
#include "train/scenario.h"

static const char head[] =
	"Scenario: t\nVersion: 2\nTitle: T\nAudience: ngo\nLevel: basic\nTeaches: x\n"
	"Persona: p\nOutcome: incomplete\nFlags: none\nCites: tip-3a\n\n";

static int load_text(const char *text, struct scenario *s, struct diags *d)
{
	char *dir = make_dir("t.scenario", text, NULL);
	char path[600];
	snprintf(path, sizeof path, "%s/t.scenario", dir);
	int rc = scenario_load(path, deck, s, d);
	rm_tree(dir);
	return rc;
}

static void bundled_scenarios_agree(void **st)
{
	(void)st;
	struct scenario *v;
	size_t n;
	struct diags d = { 0 };
	int got = scenario_load_dir("screens/scenarios", deck, &v, &n, &d);
	assert_int_equal(got, (int)n);
	assert_true(n >= 2);
	for (size_t i = 0; i < n; i++) {
		struct assessment a;
		const char *why;
		assert_int_equal(scenario_expert(&v[i], deck, NULL, &a, &why), 0);
		if (!scenario_agrees(&v[i], &a))
			fail_msg("%s does not agree with its expected assessment", v[i].id);
	}
	const struct scenario *s = scenario_find(v, n, "girl-who-agreed");
	assert_non_null(s);
	assert_int_equal(s->outcome, OUT_CONSISTENT_CHILD);
	assert_true(s->flag[FLAG_CHILD_NOW] && s->flag[FLAG_CONSENT_IRRELEVANT]);
	assert_false(s->flag[FLAG_SMUGGLING]);
	assert_non_null(scenario_ask_of(s, "safety.minor"));
	assert_true(scenario_ask_of(s, "safety.minor")->critical);
	scenario_list_free(v, n);
	diags_free(&d);
}

static void a_minimal_scenario_loads(void **st)
{
	(void)st;
	struct scenario s;
	struct diags d = { 0 };
	char *text = xasprintf("%sAsk: consent.script\nSays: \"Go on.\"\n\nAsk: means.lied\n"
			       "Expert: no\nAccept: dontknow declined\nCritical: yes\n\n"
			       "About: child\nCritical: yes\nTeaching: age\n", head);
	assert_int_equal(load_text(text, &s, &d), 0);
	assert_int_equal(s.version, 2);
	assert_int_equal(s.nask, 2);
	assert_int_equal(s.ask[0].slot, -1);
	const struct scenario_ask *q = scenario_ask_of(&s, "means.lied");
	assert_true(scenario_answer_ok(deck, q, "no"));
	assert_true(scenario_answer_ok(deck, q, "declined"));
	assert_false(scenario_answer_ok(deck, q, "yes"));
	assert_false(scenario_answer_ok(deck, q, NULL));
	assert_int_equal(s.npoint, 1);
	assert_int_equal(s.point[0].part, PART_CHILD);
	scenario_free(&s);
	free(text);
	diags_free(&d);
}

static void mistakes_have_places(void **st)
{
	(void)st;
	struct scenario s;
	struct diags d = { 0 };
	char *text = xasprintf("%sAsk: means.lied\nExpert: no\n\nAsk: means.lied\nExpert: yes\n\n"
			       "Ask: age.now\nExpert: 300\n\nAbout: meens\nTeaching: x\n\n"
			       "Ask: consent.script\nExpert: yes\n", head);
	assert_int_equal(load_text(text, &s, &d), -1);
	assert_diag(&d, "t.scenario:15:6: error: 'means.lied' is asked twice (first at line 12)");
	assert_diag(&d, "t.scenario:19:9: error: '300' is not an answer to age.now");
	assert_diag(&d, "t.scenario:21:8: error: unknown element or flag 'meens' (did you mean 'means'?)");
	assert_diag(&d, "t.scenario:25:1: error: screen 'consent.script' takes no answer");
	scenario_free(&s);
	free(text);
	diags_free(&d);
}

static void law_fields_go_together(void **st)
{
	(void)st;
	struct scenario s;
	struct diags d = { 0 };
	assert_int_equal(load_text("Scenario: t\nLaw: us\n", &s, &d), -1);
	assert_diag(&d, "t.scenario:1:1: error: 'Law: us' without 'Law-Outcome:'");
	scenario_free(&s);
	diags_free(&d);
	assert_int_equal(load_text("Title: t\n", &s, &d), -1);
	assert_diag(&d, "t.scenario:1:1: error: expected the first stanza to start with 'Scenario:'");
	scenario_free(&s);
	diags_free(&d);
}

/* The trainee answers as the expert, but for one critical item. */
static void debrief_scores_and_finds_critical_misses(void **st)
{
	(void)st;
	struct scenario s;
	struct diags d = { 0 };
	assert_int_equal(scenario_load("screens/scenarios/farm-no-choice.scenario", deck, &s, &d), 0);
	struct interview *iv;
	struct assessment a;
	const char *why;
	assert_int_equal(scenario_expert(&s, deck, &iv, &a, &why), 0);
	struct debrief db;
	assert_int_equal(debrief_make(&s, deck, iv, &db, &why), 0);
	assert_int_equal(db.score, 100);
	assert_int_equal(db.earned, db.possible);
	for (int p = 0; p < PART_COUNT; p++)
		assert_false(debrief_part_critical(&db, p));
	int possible = db.possible;
	debrief_free(&db);

	struct answer no = { .kind = ANS_WORD, .word = IV_NO };
	int slot = deck_slot_find(deck, "means.vulnerability-used");
	assert_int_equal(interview_answer(iv, slot, &no, &why), 0);
	assert_int_equal(debrief_make(&s, deck, iv, &db, &why), 0);
	assert_int_equal(db.possible, possible);
	/* The critical question (3) and the means and the outcome (2 each). */
	assert_int_equal(db.earned, possible - 3 - 2 - 2);
	assert_int_equal(db.score, (possible - 7) * 100 / possible);
	assert_true(debrief_part_critical(&db, PART_MEANS));
	assert_true(debrief_part_critical(&db, PART_OUTCOME));
	assert_false(debrief_part_critical(&db, PART_ACT));
	assert_string_equal(db.part[PART_MEANS].trainee, "not-met");
	assert_string_equal(db.part[PART_MEANS].expert, "met");
	assert_false(db.flag_agree[FLAG_CONSENT_IRRELEVANT]);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	debrief_json(f, &db);
	fclose(f);
	assert_non_null(strstr(buf, "\"critical\": [\"means\", \"outcome\", \"means.vulnerability-used\"]"));
	free(buf);
	debrief_free(&db);
	interview_free(iv);
	scenario_free(&s);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bundled_scenarios_agree),
		cmocka_unit_test(a_minimal_scenario_loads),
		cmocka_unit_test(mistakes_have_places),
		cmocka_unit_test(law_fields_go_together),
		cmocka_unit_test(debrief_scores_and_finds_critical_misses),
	};
	return cmocka_run_group_tests_name("scenario", tests, bundled_setup, bundled_teardown);
}
