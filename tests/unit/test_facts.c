/* The facts table (domain/facts.h) and a case's facts (app/facts.h): every
 * row complete, the deck declaring the screen facts, facts_of reading the
 * interview and its assessment, facts_of_case reading a case of another
 * deck, and the linter refusing a "Fact:" it cannot count. */
#include "bundled.h"

#include <ctype.h>

#include "app/facts.h"

static bool is_word(const char *s, const char *extra)
{
	if (!*s || !islower((unsigned char)*s))
		return false;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !strchr(extra, *s))
			return false;
	return true;
}

static void test_every_row_has_a_name_a_by_name_help_and_a_column(void **st)
{
	(void)st;
	for (int f = 0; f < FACT_COUNT; f++) {
		assert_true(is_word(fact_name(f), "-"));
		assert_true(is_word(fact_by(f), "-"));
		assert_true(is_word(fact_column(f), "_"));
		assert_true(*fact_help(f));
		assert_true(strlen(fact_help(f)) <= 40);	/* one --help line */
		assert_int_equal(fact_find(fact_name(f)), f);
		assert_int_equal(fact_by_find(fact_by(f)), f);
		for (int g = 0; g < f; g++)
			assert_string_not_equal(fact_column(f), fact_column(g));
	}
	assert_int_equal(fact_find("colour"), -1);
	assert_int_equal(fact_by_find("child"), -1);	/* counted by age group */
}

static void test_the_age_groups_come_from_the_assessment(void **st)
{
	(void)st;
	const char *stored, *group;
	int n = 0;
	for (int i = 0; (group = fact_group(FACT_CHILD, i, &stored)); i++, n++)
		assert_string_equal(group, assess_age_group(i));
	assert_int_equal(n, CHILD_UNKNOWN + 1);
	assert_string_equal(assess_age_group(CHILD_PRESUMED), "child");
	assert_string_equal(assess_age_group(CHILD_NO), "adult");
	assert_null(fact_group(FACT_ROLE, 0, &stored));
}

static void test_the_deck_declares_role_and_place(void **st)
{
	(void)st;
	assert_string_equal(deck->s[deck_screen_find(deck, "setup.role")].fact, "role");
	assert_string_equal(deck->s[deck_screen_find(deck, "setup.place")].fact, "place");
}

static void choose(struct interview *iv, const char *id, const char *code)
{
	int slot = deck_slot_find(deck, id);
	struct answer a;
	const char *why;
	assert_int_equal(answer_parse(deck, slot, code, &a, &why), 0);
	assert_int_equal(interview_answer(iv, slot, &a, &why), 0);
	answer_clear(&a);
}

/* The values of fact f in fs, comma-joined, for comparing. */
static char *values(const struct facts *fs, enum fact f)
{
	static char buf[512];
	buf[0] = '\0';
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].fact == f)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", *buf ? "," : "",
				 fs->v[i].value);
	return buf;
}

static void test_facts_of_gives_the_choices_of_the_fact_screens(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	choose(iv, "setup.role", "labour");
	choose(iv, "setup.place", "shelter");
	choose(iv, "setup.interpreter", "phone");
	struct assessment a;
	const char *why;
	assert_int_equal(interview_assess(iv, &a, &why), 0);
	struct facts fs = { 0 };
	assert_int_equal(facts_of(iv, &a, &fs), 0);
	assert_string_equal(facts_get(&fs, FACT_ROLE), "labour");
	assert_string_equal(facts_get(&fs, FACT_PLACE), "shelter");
	assert_string_equal(facts_get(&fs, FACT_INTERPRETER), "professional");
	assert_string_equal(facts_get(&fs, FACT_OUTCOME), assess_outcome_name(a.outcome));
	facts_free(&fs);
	interview_free(iv);
}

static void test_a_screen_fact_without_an_answer_is_unknown(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	struct assessment a;
	const char *why;
	assert_int_equal(interview_assess(iv, &a, &why), 0);
	struct facts fs = { 0 };
	facts_of(iv, &a, &fs);
	assert_string_equal(facts_get(&fs, FACT_ROLE), FACT_UNKNOWN);
	assert_string_equal(facts_get(&fs, FACT_INTERPRETER), FACT_UNKNOWN);
	assert_string_equal(values(&fs, FACT_FORM), "");
	facts_free(&fs);
	interview_free(iv);
}

static void test_every_form_and_flag_is_a_value_of_its_own(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	struct assessment a;
	const char *why;
	assert_int_equal(interview_assess(iv, &a, &why), 0);
	a.ind[IND_PURPOSE_FORCED_LABOUR] = IV_YES;
	a.ind[IND_PURPOSE_SERVITUDE] = IV_INTENDED;
	a.ind[IND_PURPOSE_SLAVERY] = IV_NO;
	memset(a.flag, 0, sizeof a.flag);
	a.flag[FLAG_SMUGGLING] = true;
	a.flag[FLAG_CHILD_NOW] = true;
	a.child = CHILD_PRESUMED;
	struct facts fs = { 0 };
	facts_of(iv, &a, &fs);
	assert_string_equal(values(&fs, FACT_FORM), "forced-labour,servitude");
	assert_string_equal(values(&fs, FACT_FLAG), "child-now,smuggling");
	assert_string_equal(facts_get(&fs, FACT_CHILD), "presumed");
	facts_free(&fs);
	interview_free(iv);
}

static void add_record(struct records *r, enum record_event e, const char *id, const char *new)
{
	r->v = realloc(r->v, (r->n + 1) * sizeof *r->v);
	r->v[r->n++] = (struct record){ .ms = 1, .event = e, .id = strdup(id), .old = strdup(""),
					.new = strdup(new) };
}

static void test_a_case_of_another_deck_keeps_what_its_records_say(void **st)
{
	(void)st;
	struct records r = { 0 };
	add_record(&r, REC_ANSWER, "setup.role", "police");
	add_record(&r, REC_ANSWER, "setup.place", "not-a-choice");
	add_record(&r, REC_ANSWER, "setup.interpreter", "phone");
	add_record(&r, REC_ASSESSMENT, "not-shown", "{}");
	char other[65];
	memset(other, 'f', 64);
	other[64] = '\0';
	struct facts_case c = { "00000000000000aa", other, 1796169600, &r };	/* 2026-12-01 */
	struct facts fs = { 0 };
	facts_of_case(deck, &c, &fs);
	assert_string_equal(facts_get(&fs, FACT_ROLE), "police");
	assert_string_equal(facts_get(&fs, FACT_PLACE), FACT_UNKNOWN);	/* not one of its choices */
	assert_string_equal(facts_get(&fs, FACT_INTERPRETER), "professional");
	assert_string_equal(facts_get(&fs, FACT_OUTCOME), "not-shown");
	assert_string_equal(facts_get(&fs, FACT_CHILD), FACT_UNKNOWN);
	assert_string_equal(facts_get(&fs, FACT_MONTH), "2026-12");
	assert_string_equal(facts_get(&fs, FACT_DECK_VERSION), "ffffffffffff");
	facts_free(&fs);
	for (size_t i = 0; i < r.n; i++)
		record_clear(&r.v[i]);
	free(r.v);
}

static void test_a_one_fact_set_again_is_replaced_a_set_value_kept_once(void **st)
{
	(void)st;
	struct facts fs = { 0 };
	facts_set(&fs, FACT_ROLE, "ngo");
	facts_set(&fs, FACT_ROLE, "police");
	facts_set(&fs, FACT_FORM, "servitude");
	facts_set(&fs, FACT_FORM, "servitude");
	assert_int_equal(fs.n, 2);
	assert_string_equal(facts_get(&fs, FACT_ROLE), "police");
	facts_free(&fs);
}

/* A deck whose role screen declares "Fact: NAME" (and is TYPE). */
#define FACT_DECK(NAME, TYPE) \
	"Screen: intro\nType: " TYPE "\nSection: setup\nQuestion: Who?\nHelp: h\nWhy: w\n" \
	"Fact: " NAME "\n" \
	"Choice: ngo NGO\nChoice: police Police\nNext: summary\n\n" \
	"Screen: summary\nType: summary\nSection: summary\nNext: end\n\n" \
	"Screen: stop\nType: stop\nSection: stop\nQuestion: Stop.\nNext: summary\n"

/* The sections the decks above name, in a file of their own so that the
 * line numbers of a.screen stay as written. */
#define SECTIONS "Section: setup\nTitle: Setup\n\nSection: summary\nTitle: Summary\n\n" \
	"Section: stop\nTitle: Stop\n"

static void refused(const char *text, const char *want)
{
	char *dir = make_dir("a.screen", text, "s.screen", SECTIONS, NULL);
	struct diags d = { 0 };
	struct deck *dk = deck_load(dir, &d);
	if (dk)
		fail_msg("deck was accepted; expected: %s", want);
	assert_diag(&d, want);
	diags_free(&d);
	rm_tree(dir);
}

static void test_the_linter_refuses_a_fact_it_cannot_count(void **st)
{
	(void)st;
	refused(FACT_DECK("rôle", "single"), "'Fact: rôle' is not a fact the office counts (did "
		"you mean 'role'?)");
	refused(FACT_DECK("colour", "single"), "'Fact: colour' is not a fact the office counts");
	refused(FACT_DECK("outcome", "single"), "the fact 'outcome' is computed by tipscreen");
	refused(FACT_DECK("role", "multi"), "the fact 'role' takes one choice");
	refused("Screen: intro\nType: single\nSection: setup\nQuestion: Who?\nHelp: h\nWhy: w\n"
		"Fact: role\nChoice: ong ONG\nChoice: policía Policía\nNext: summary\n\n"
		"Screen: summary\nType: summary\nSection: summary\nNext: end\n\n"
		"Screen: stop\nType: stop\nSection: stop\nQuestion: Stop.\nNext: summary\n",
		"the fact 'role' is counted by its choices' codes: write them in printable ASCII");
	refused("Screen: intro\nType: single\nSection: setup\nQuestion: Who?\nHelp: h\nWhy: w\n"
		"Fact: role\nChoice: ngo NGO\nChoice: other Other\nNext: again\n\n"
		"Screen: again\nType: single\nSection: setup\nQuestion: Who?\nHelp: h\nWhy: w\n"
		"Fact: role\nChoice: ngo NGO\nChoice: other Other\nNext: summary\n\n"
		"Screen: summary\nType: summary\nSection: summary\nNext: end\n\n"
		"Screen: stop\nType: stop\nSection: stop\nQuestion: Stop.\nNext: summary\n",
		"a.screen:12:1: error: screen 'again': the fact 'role' is given by an earlier screen");
	char *dir = make_dir("a.screen", FACT_DECK("role", "single"), "s.screen", SECTIONS, NULL);
	struct diags d = { 0 };
	struct deck *dk = deck_load(dir, &d);
	assert_non_null(dk);
	deck_free(dk);
	diags_free(&d);
	rm_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_row_has_a_name_a_by_name_help_and_a_column),
		cmocka_unit_test(test_the_age_groups_come_from_the_assessment),
		cmocka_unit_test(test_the_deck_declares_role_and_place),
		cmocka_unit_test(test_facts_of_gives_the_choices_of_the_fact_screens),
		cmocka_unit_test(test_a_screen_fact_without_an_answer_is_unknown),
		cmocka_unit_test(test_every_form_and_flag_is_a_value_of_its_own),
		cmocka_unit_test(test_a_case_of_another_deck_keeps_what_its_records_say),
		cmocka_unit_test(test_a_one_fact_set_again_is_replaced_a_set_value_kept_once),
		cmocka_unit_test(test_the_linter_refuses_a_fact_it_cannot_count),
	};
	return cmocka_run_group_tests_name("facts", tests, bundled_setup, bundled_teardown);
}
