/* The values an interview gives its guards: checklist counts and elements,
 * answered() and selected(), indicator ids, the assessment inputs, choice,
 * text and multi answers (interview.c's guard environment). Each route of
 * one deck tests one kind of value. */
#include "testutil.h"

#include "domain/answer.h"
#include "domain/deck.h"
#include "domain/interview.h"
#include "domain/lint.h"

#define Q "Section: act\nHelp: h\nWhy: w\n"
#define ROUTE(id) "Screen: " id "\nType: note\nSection: act\nQuestion: " id "\nNext: summary\n\n"
static const char deck_text[] =
	"Screen: q.age\nType: number\nSection: age\nRange: 0 130\nSets: age-at-act\n"
	"Question: Age?\nHelp: h\nWhy: w\nNext: q.pick\n\n"
	"Screen: q.pick\nType: single\n" Q "Question: Pick?\nChoice: a A\nChoice: b B\nNext: q.many\n\n"
	"Screen: q.many\nType: multi\n" Q "Question: Many?\nChoice: x X\nChoice: y Y\nNext: q.text\n\n"
	"Screen: q.text\nType: text\n" Q "Question: Tell?\nNext: q.list\n\n"
	"Screen: q.list\nType: checklist\n" Q "Question: Mark.\nNext: route\n\n"
	"Item: q.recruited\nIndicates: act.recruitment\nText: Recruited.\n\n"
	"Item: q.moved\nIndicates: act.transportation\nText: Moved.\n\n"
	"Screen: route\nType: note\nSection: act\nQuestion: Route.\n"
	"Next: r.count if count(act) >= 2\n"
	"Next: r.indicator if act.recruitment = yes\n"
	"Next: r.selected if selected(q.pick, \"b\")\n"
	"Next: r.multi if q.many = yes and not selected(q.many, \"y\")\n"
	"Next: r.choice if q.pick = \"a\"\n"
	"Next: r.text if q.text = \"hello\"\n"
	"Next: r.answered if answered(q.text)\n"
	"Next: r.adult if age-at-act > 17 and child = no\n"
	"Next: r.element if act = not-met\n"
	"Next: summary\n\n"
	ROUTE("r.count") ROUTE("r.indicator") ROUTE("r.selected") ROUTE("r.multi")
	ROUTE("r.choice") ROUTE("r.text") ROUTE("r.answered") ROUTE("r.adult") ROUTE("r.element")
	"Screen: summary\nType: summary\nSection: summary\nNext: end\n\n"
	"Screen: stop\nType: stop\nSection: stop\nQuestion: Stop.\nNext: summary\n";

struct fixture {
	char *dir;
	struct deck *deck;
	struct interview *iv;
};

static int setup(void **st)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct diags d = { 0 };
	f->dir = make_dir("00-sections.screen",
			  "Section: age\nTitle: Age\n\nSection: act\nTitle: Act\n\n"
			  "Section: summary\nTitle: Summary\n\nSection: stop\nTitle: Stop\n",
			  "a.screen", deck_text, NULL);
	f->deck = deck_load(f->dir, &d);
	if (!f->deck)
		fail_msg("the test deck does not load:\n%s", diags_text(&d));
	diags_free(&d);
	f->iv = interview_new(f->deck);
	*st = f;
	return 0;
}

static int teardown(void **st)
{
	struct fixture *f = *st;
	interview_free(f->iv);
	deck_free(f->deck);
	rm_tree(f->dir);
	free(f);
	return 0;
}

static void answer(struct fixture *f, const char *id, const char *text)
{
	int slot = deck_slot_find(f->deck, id);
	assert_true(slot >= 0);
	struct answer a;
	const char *why;
	if (answer_parse(f->deck, slot, text, &a, &why) < 0)
		fail_msg("'%s' is not an answer to %s: %s", text, id, why);
	assert_int_equal(interview_answer(f->iv, slot, &a, &why), 0);
	answer_clear(&a);
}

/* The screen the route leads to. */
static const char *routed(struct fixture *f)
{
	int route = deck_screen_find(f->deck, "route");
	size_t n, pos;
	const int *path = interview_path(f->iv, &n, &pos);
	for (size_t i = 0; i + 1 < n; i++)
		if (path[i] == route)
			return f->deck->s[path[i + 1]].id;
	fail_msg("route is not on the path");
	return NULL;
}

static void test_nothing_answered_takes_the_element_route(void **st)
{
	/* act unanswered is unclear, not not-met: the last route is summary */
	assert_string_equal(routed(*st), "summary");
}

static void test_element_not_met_when_every_act_is_no(void **st)
{
	answer(*st, "q.recruited", "no");
	answer(*st, "q.moved", "no");
	assert_string_equal(routed(*st), "r.element");
}

static void test_count_of_an_element(void **st)
{
	answer(*st, "q.recruited", "yes");
	answer(*st, "q.moved", "yes");
	assert_string_equal(routed(*st), "r.count");
}

static void test_indicator_value(void **st)
{
	answer(*st, "q.recruited", "yes");
	answer(*st, "q.moved", "no");
	assert_string_equal(routed(*st), "r.indicator");
}

static void test_selected_choice(void **st)
{
	answer(*st, "q.pick", "b");
	assert_string_equal(routed(*st), "r.selected");
}

static void test_multi_answer_is_yes_and_selected_per_code(void **st)
{
	answer(*st, "q.many", "x");
	assert_string_equal(routed(*st), "r.multi");
	answer(*st, "q.many", "x y");
	assert_string_not_equal(routed(*st), "r.multi");
}

static void test_choice_code_compares_as_a_word(void **st)
{
	answer(*st, "q.pick", "a");
	assert_string_equal(routed(*st), "r.choice");
}

static void test_text_answer_compares_and_counts_as_answered(void **st)
{
	answer(*st, "q.text", "hello");
	assert_string_equal(routed(*st), "r.text");
	answer(*st, "q.text", "something else");
	assert_string_equal(routed(*st), "r.answered");
}

static void test_age_input_and_child_input(void **st)
{
	answer(*st, "q.age", "30");
	assert_string_equal(routed(*st), "r.adult");
	answer(*st, "q.age", "16");
	assert_string_equal(routed(*st), "summary");
}

int main(void)
{
	const struct CMUnitTest t[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_nothing_answered_takes_the_element_route),
		T(test_element_not_met_when_every_act_is_no),
		T(test_count_of_an_element),
		T(test_indicator_value),
		T(test_selected_choice),
		T(test_multi_answer_is_yes_and_selected_per_code),
		T(test_choice_code_compares_as_a_word),
		T(test_text_answer_compares_and_counts_as_answered),
		T(test_age_input_and_child_input),
#undef T
	};
	return cmocka_run_group_tests(t, NULL, NULL);
}
