/* Grading (debrief.c, scenario.c): a critical miss fails whatever the
 * score; questions a scenario marks `Graded: no` are not counted; ages
 * are graded by their side of 18 or by an `Accept:` range. */
#include "bundled.h"

#include "base/xalloc.h"
#include "domain/answer.h"
#include "domain/interview.h"
#include "train/debrief.h"
#include "train/scenario.h"

static const char head[] =
	"Scenario: t\nVersion: 1\nTitle: T\nAudience: ngo\nLevel: basic\nTeaches: x\n"
	"Persona: p\nOutcome: incomplete\nFlags: none\nCites: tip-3a\n\n";

static int load_text(const char *asks, struct scenario *s, struct diags *d)
{
	char *text = xasprintf("%s%s", head, asks);
	char *dir = make_dir("t.scenario", text, NULL);
	char path[600];
	snprintf(path, sizeof path, "%s/t.scenario", dir);
	int rc = scenario_load(path, deck, s, d);
	rm_tree(dir);
	free(text);
	return rc;
}

/* Forty questions answered as the expert did and every element but the
 * outcome agreeing: a score above 90, and a fail. */
static void missing_the_outcome_fails_whatever_the_score(void **st)
{
	(void)st;
	struct scenario s = { 0 };
	struct scenario_ask q = { .id = "q", .expert = "yes" };
	struct debrief d = { .s = &s, .nq = 40 };
	d.qs = xcalloc(d.nq, sizeof *d.qs);
	for (size_t i = 0; i < d.nq; i++)
		d.qs[i] = (struct debrief_question){ .q = &q, .agree = true };
	for (int p = 0; p < PART_COUNT; p++)
		d.part[p].agree = true;
	for (int f = 0; f < FLAG_COUNT; f++)
		d.flag_agree[f] = true;
	debrief_grade(&d);
	assert_true(d.pass);
	assert_int_equal(d.score, 100);
	d.part[PART_OUTCOME].agree = false;
	debrief_grade(&d);
	assert_true(d.score > 90);
	assert_int_equal(d.ncritical, 1);
	assert_false(d.pass);
	free(d.qs);
}

/* The same for a critical question the trainee answered otherwise. */
static void a_critical_question_missed_fails(void **st)
{
	(void)st;
	struct scenario s = { 0 };
	struct scenario_ask q = { .id = "q", .expert = "yes" }, c = q;
	c.critical = true;
	struct debrief_question qs[] = { { .q = &q, .agree = true }, { .q = &c, .agree = false } };
	struct debrief d = { .s = &s, .qs = qs, .nq = 2 };
	for (int p = 0; p < PART_COUNT; p++)
		d.part[p].agree = true;
	for (int f = 0; f < FLAG_COUNT; f++)
		d.flag_agree[f] = true;
	debrief_grade(&d);
	assert_false(d.pass);
	assert_int_equal(d.earned, 1 + PART_COUNT * DEBRIEF_ELEMENT_POINTS);
}

/* The trainee chose another interpreter than the key's, which the card
 * never tells: with `Graded: no` it is neither earned nor possible. */
static void an_ungraded_interpreter_is_not_counted(void **st)
{
	(void)st;
	struct scenario s;
	struct diags d = { 0 };
	assert_int_equal(load_text("Ask: setup.role\nExpert: ngo\n\nAsk: setup.place\nExpert: shelter\n\n"
				   "Ask: setup.contact\nExpert: self\n\nAsk: setup.interpreter\n"
				   "Expert: professional\nGraded: no\n", &s, &d), 0);
	assert_true(scenario_ask_of(&s, "setup.interpreter")->ungraded);
	struct interview *iv;
	struct assessment a;
	const char *why;
	assert_int_equal(scenario_expert(&s, deck, &iv, &a, &why), 0);
	int slot = deck_slot_find(deck, "setup.interpreter");
	struct answer none;
	assert_int_equal(answer_parse(deck, slot, "none", &none, &why), 0);
	assert_int_equal(interview_answer(iv, slot, &none, &why), 0);
	answer_clear(&none);
	struct debrief db;
	assert_int_equal(debrief_make(&s, deck, iv, &db, &why), 0);
	for (size_t i = 0; i < db.nq; i++)
		assert_string_not_equal(db.qs[i].q->id, "setup.interpreter");
	assert_int_equal(db.possible, 3 * DEBRIEF_QUESTION_POINTS + PART_COUNT * DEBRIEF_ELEMENT_POINTS);
	assert_int_equal(db.earned, db.possible);
	debrief_free(&db);
	interview_free(iv);
	scenario_free(&s);
	diags_free(&d);
}

static void an_age_is_graded_by_its_side_of_18(void **st)
{
	(void)st;
	struct scenario s;
	struct diags d = { 0 };
	assert_int_equal(load_text("Ask: age.at-act\nExpert: 15\n", &s, &d), 0);
	const struct scenario_ask *q = scenario_ask_of(&s, "age.at-act");
	assert_true(scenario_answer_ok(deck, q, "15"));
	assert_true(scenario_answer_ok(deck, q, "16"));
	assert_true(scenario_answer_ok(deck, q, "0"));
	assert_false(scenario_answer_ok(deck, q, "18"));
	assert_false(scenario_answer_ok(deck, q, "dontknow"));
	scenario_free(&s);
	diags_free(&d);
}

static void an_accept_range_replaces_the_side_of_18(void **st)
{
	(void)st;
	struct scenario s;
	struct diags d = { 0 };
	assert_int_equal(load_text("Ask: age.at-act\nExpert: 15\nAccept: 14-15 dontknow\n", &s, &d), 0);
	const struct scenario_ask *q = scenario_ask_of(&s, "age.at-act");
	assert_true(scenario_answer_ok(deck, q, "14"));
	assert_true(scenario_answer_ok(deck, q, "dontknow"));
	assert_false(scenario_answer_ok(deck, q, "16"));
	assert_false(scenario_answer_ok(deck, q, "13"));
	scenario_free(&s);
	diags_free(&d);
}

static void a_range_on_a_yes_no_question_is_an_error(void **st)
{
	(void)st;
	struct scenario s;
	struct diags d = { 0 };
	assert_int_equal(load_text("Ask: safety.private\nExpert: yes\nAccept: 1-2\n", &s, &d), -1);
	assert_diag(&d, "t.scenario:14:9: error: '1-2' is not a range for safety.private: expected "
		    "N-M, N not above M, on a number question");
	scenario_free(&s);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(missing_the_outcome_fails_whatever_the_score),
		cmocka_unit_test(a_critical_question_missed_fails),
		cmocka_unit_test(an_ungraded_interpreter_is_not_counted),
		cmocka_unit_test(an_age_is_graded_by_its_side_of_18),
		cmocka_unit_test(an_accept_range_replaces_the_side_of_18),
		cmocka_unit_test(a_range_on_a_yes_no_question_is_an_error),
	};
	return cmocka_run_group_tests_name("grading", tests, bundled_setup, bundled_teardown);
}
