/* The words of a deck (lint.h): a statement in the third person for every
 * answer the summary shows, never a question or "you"; the word "victim"
 * in no text; and, for `tipscreen check`, every indicator recorded. */
#include "testutil.h"

#include "domain/deck.h"
#include "domain/lint.h"

#define SECTIONS \
	"Section: setup\nTitle: Setup\nStep: Start\n\n" \
	"Section: act\nTitle: Act\nStep: Act\n\n" \
	"Section: summary\nTitle: Summary\nStep: Summary\n\n" \
	"Section: stop\nTitle: Stop and refer\n"
#define HEAD "Screen: intro\nType: note\nSection: setup\nQuestion: Hello.\nNext: q.one\n\n"
#define TAIL \
	"Screen: summary\nType: summary\nSection: summary\nNext: end\n\n" \
	"Screen: stop\nType: stop\nSection: stop\nQuestion: Stop.\nNext: summary\n"
/* A yes-no screen that indicates, with FIELD (a Statement, or nothing). */
#define QONE(field) \
	"Screen: q.one\nType: yesno\nSection: act\nIndicates: act.recruitment\n" \
	"Question: Were you recruited?\nHelp: h\nWhy: w\n" field "Next: summary\n\n"

struct loaded {
	struct deck *deck;
	struct diags d;
	char *dir;
};

static struct loaded load(const char *text)
{
	struct loaded l = { 0 };
	l.dir = make_dir("00-sections.screen", SECTIONS, "a.screen", text, NULL);
	l.deck = deck_load(l.dir, &l.d);
	return l;
}

static void done(struct loaded *l)
{
	deck_free(l->deck);
	diags_free(&l->d);
	rm_tree(l->dir);
}

static void refused(const char *text, const char *want)
{
	struct loaded l = load(text);
	if (l.deck)
		fail_msg("deck was accepted; expected: %s", want);
	assert_diag(&l.d, want);
	done(&l);
}

static void test_a_screen_the_summary_shows_needs_a_statement(void **st)
{
	(void)st;
	refused(HEAD QONE("") TAIL, "a.screen:7:1: error: screen 'q.one' indicates act.recruitment, so "
		"the summary shows it: it needs a 'Statement:' (what it says, in the third person)");
}

static void test_a_statement_in_the_third_person_is_what_the_summary_says(void **st)
{
	(void)st;
	struct loaded l = load(HEAD QONE("Statement: The person was recruited.\n") TAIL);
	assert_non_null(l.deck);
	int slot = deck_slot_find(l.deck, "q.one");
	assert_string_equal(deck_slot_statement(l.deck, slot), "The person was recruited.");
	assert_string_equal(deck_slot_text(l.deck, slot), "Were you recruited?");
	done(&l);
}

static void test_a_statement_that_speaks_to_the_person_is_refused(void **st)
{
	(void)st;
	refused(HEAD QONE("Statement: Your employer recruited the person.\n") TAIL,
		"a.screen:7:1: error: 'q.one': what the summary says of it speaks to the person ('you')");
	refused(HEAD QONE("Statement: Someone recruited you.\n") TAIL,
		"speaks to the person ('you')");
}

static void test_a_statement_that_is_a_question_is_refused(void **st)
{
	(void)st;
	refused(HEAD QONE("Statement: The person was recruited?\n") TAIL,
		"a.screen:7:1: error: 'q.one': what the summary says of it is a question");
}

static void test_an_item_text_in_the_second_person_is_refused(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: checklist\nSection: act\nQuestion: Mark each.\nHelp: h\n"
		"Why: w\nNext: summary\n\n"
		"Item: q.item\nIndicates: act.recruitment\nText: Did they recruit you?\n\n" TAIL,
		"a.screen:15:1: error: 'q.item': what the summary says of it is a question");
}

static void test_you_inside_a_word_is_not_second_person(void **st)
{
	(void)st;
	struct loaded l = load(HEAD QONE("Statement: The youth was recruited in Youngstown.\n") TAIL);
	assert_non_null(l.deck);
	done(&l);
}

static void test_victim_is_in_no_text_of_the_deck(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nQuestion: Go on?\n"
		"Help: Ask the victim gently.\nWhy: w\nNext: summary\n\n" TAIL,
		"a.screen:7:1: error: 'q.one': the word 'victim' is in no question, label or statement");
	refused(HEAD "Screen: q.one\nType: single\nSection: act\nQuestion: Who?\nHelp: h\nWhy: w\n"
		"Choice: a Victims of trafficking\nChoice: b Others\nNext: summary\n\n" TAIL,
		"the word 'victim' is in no question, label or statement");
	refused(HEAD QONE("Statement: The VICTIM was recruited.\n") TAIL, "the word 'victim'");
}

static void test_check_wants_every_indicator_of_a_questionnaire(void **st)
{
	(void)st;
	struct loaded l = load(HEAD QONE("Statement: The person was recruited.\n") TAIL);
	assert_non_null(l.deck);
	lint_indicators(l.deck, &l.d);
	assert_diag(&l.d, "error: the indicator act.transportation is set by no screen or item");
	char *all = diags_text(&l.d);
	assert_null(strstr(all, "act.recruitment is set"));
	free(all);
	done(&l);
	l = load(HEAD "Screen: q.one\nType: note\nSection: act\nQuestion: Hi.\nNext: summary\n\n" TAIL);
	assert_non_null(l.deck);
	lint_indicators(l.deck, &l.d);	/* no indicator at all: not a questionnaire */
	assert_int_equal(l.d.n, 0);
	done(&l);
}

static void test_the_bundled_deck_records_every_indicator(void **st)
{
	(void)st;
	struct diags d = { 0 };
	struct deck *dk = deck_load("screens", &d);
	assert_non_null(dk);
	lint_indicators(dk, &d);
	assert_int_equal(d.n, 0);
	deck_free(dk);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_screen_the_summary_shows_needs_a_statement),
		cmocka_unit_test(test_a_statement_in_the_third_person_is_what_the_summary_says),
		cmocka_unit_test(test_a_statement_that_speaks_to_the_person_is_refused),
		cmocka_unit_test(test_a_statement_that_is_a_question_is_refused),
		cmocka_unit_test(test_an_item_text_in_the_second_person_is_refused),
		cmocka_unit_test(test_you_inside_a_word_is_not_second_person),
		cmocka_unit_test(test_victim_is_in_no_text_of_the_deck),
		cmocka_unit_test(test_check_wants_every_indicator_of_a_questionnaire),
		cmocka_unit_test(test_the_bundled_deck_records_every_indicator),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
