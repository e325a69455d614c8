/* Loading and checking decks: every problem of `tipscreen check` is refused
 * with file:line:col and a message that names it. */
#include "testutil.h"

#include <sys/stat.h>

#include "deck.h"

/* A small valid deck: intro, a yes-no with an indicator, summary, stop. */
#define HEAD \
	"Screen: intro\nType: note\nSection: setup\nQuestion: Hello.\nNext: q.one\n\n"
#define QONE \
	"Screen: q.one\nType: yesno\nSection: act\nIndicates: act.recruitment\n" \
	"Question: Were you recruited?\nHelp: h\nWhy: w\nNext: summary\n\n"
#define TAIL \
	"Screen: summary\nType: summary\nSection: summary\nNext: end\n\n" \
	"Screen: stop\nType: stop\nSection: stop\nQuestion: Stop.\nNext: summary\n"

struct loaded {
	struct deck *deck;
	struct diags d;
	char *dir;
};

static struct loaded load(const char *text)
{
	struct loaded l = { 0 };
	l.dir = make_dir("a.screen", text, NULL);
	l.deck = deck_load(l.dir, &l.d);
	return l;
}

static void done(struct loaded *l)
{
	deck_free(l->deck);
	diags_free(&l->d);
	rm_tree(l->dir);
}

/* Asserts that text is refused with a diagnostic "a.screen:POS: error: MSG". */
static void refused(const char *text, const char *want)
{
	struct loaded l = load(text);
	if (l.deck)
		fail_msg("deck was accepted; expected: %s", want);
	assert_diag(&l.d, want);
	done(&l);
}

static void test_valid_deck_loads(void **st)
{
	(void)st;
	struct loaded l = load(HEAD QONE TAIL);
	if (!l.deck) {
		char *t = diags_text(&l.d);
		fail_msg("%s", t);
	}
	assert_int_equal(l.deck->n, 4);
	assert_int_equal(l.deck->nslots, 1);
	assert_int_equal(l.deck->start, 0);
	assert_string_equal(l.deck->s[l.deck->summary].id, "summary");
	assert_int_equal(deck_slot_indicator(l.deck, 0), IND_ACT_RECRUITMENT);
	assert_int_equal(deck_slot_find(l.deck, "q.one"), 0);
	done(&l);
}

static void test_dangling_next_with_did_you_mean(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nQuestion: Q?\nHelp: h\nWhy: w\n"
		"Next: sumary\n\n" TAIL,
		"a.screen:13:7: error: 'Next:' names unknown screen 'sumary' (did you mean 'summary'?)");
}

static void test_unknown_indicator_with_did_you_mean(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nIndicates: means.decepton\n"
		"Question: Q?\nHelp: h\nWhy: w\nNext: summary\n\n" TAIL,
		"a.screen:10:12: error: unknown indicator 'means.decepton' (did you mean 'means.deception'?)");
}

static void test_guard_syntax_error_points_into_the_line(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nQuestion: Q?\nHelp: h\nWhy: w\n"
		"Next: stop if q.one = = yes\nNext: summary\n\n" TAIL,
		"a.screen:13:23: error: expected a name, number or word");
}

static void test_guard_unknown_name_with_did_you_mean(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nQuestion: Q?\nHelp: h\nWhy: w\n"
		"Next: stop if q.on = yes\nNext: summary\n\n" TAIL,
		"a.screen:13:15: error: unknown name 'q.on' (did you mean 'q.one'?)");
}

static void test_unreachable_screen(void **st)
{
	(void)st;
	refused(HEAD QONE "Screen: orphan\nType: note\nSection: act\nQuestion: x\nNext: summary\n\n" TAIL,
		"a.screen:16:1: error: screen 'orphan' is unreachable");
}

static void test_cycle_is_named(void **st)
{
	(void)st;
	refused("Screen: intro\nType: note\nSection: setup\nQuestion: Hello.\nNext: q.one\n\n"
		"Screen: q.one\nType: yesno\nSection: act\nQuestion: Q?\nHelp: h\nWhy: w\n"
		"Next: intro if q.one = no\nNext: summary\n\n" TAIL,
		"a.screen:13:7: error: cycle: intro → q.one → intro");
}

static void test_no_way_to_summary(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nQuestion: Q?\nHelp: h\nWhy: w\n"
		"Next: end if q.one = no\nNext: summary\n\n" TAIL,
		"a.screen:13:7: error: 'Next: end' skips the summary");
}

static void test_last_next_must_be_unguarded(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nQuestion: Q?\nHelp: h\nWhy: w\n"
		"Next: summary if q.one = yes\n\n" TAIL,
		"a.screen:13:7: error: the last 'Next:' of screen 'q.one' must have no condition");
}

static void test_next_after_unguarded_is_never_taken(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nQuestion: Q?\nHelp: h\nWhy: w\n"
		"Next: summary\nNext: stop\n\n" TAIL,
		"a.screen:14:7: error: this 'Next:' is never taken");
}

static void test_unknown_type_and_field(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesn\nSection: act\nQuestion: Q?\nHelp: h\nWhy: w\n"
		"Next: summary\n\n" TAIL,
		"a.screen:8:7: error: unknown screen type 'yesn' (did you mean 'yesno'?)");
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nQuestoin: Q?\nHelp: h\nWhy: w\n"
		"Next: summary\n\n" TAIL,
		"a.screen:10:1: error: unknown field 'Questoin' in a screen (did you mean 'Question'?)");
}

static void test_duplicate_id(void **st)
{
	(void)st;
	refused(HEAD QONE "Screen: q.one\nType: note\nSection: act\nQuestion: x\nNext: summary\n\n" TAIL,
		"a.screen:16:1: error: id 'q.one' is used twice");
}

static void test_questions_need_help_and_why(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nQuestion: Q?\nNext: summary\n\n" TAIL,
		"a.screen:7:1: error: screen 'q.one' needs 'Help:' for the interviewer and 'Why:'");
}

static void test_text_must_fit_80x24(void **st)
{
	(void)st;
	char long_q[4000] = "Question:";
	for (int i = 0; i < 150; i++)
		strcat(long_q, " word word");
	char *text = malloc(8000);
	snprintf(text, 8000, "%s" "Screen: q.one\nType: yesno\nSection: act\n%s\nHelp: h\nWhy: w\n"
		 "Next: summary\n\n" TAIL, HEAD, long_q);
	refused(text, "a.screen:7:1: error: screen 'q.one' does not fit an 80x24 screen");
	free(text);
}

static void test_sets_are_checked(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nSets: child=maybe\nQuestion: Q?\nHelp: h\n"
		"Why: w\nNext: summary\n\n" TAIL,
		"a.screen:10:13: error: 'maybe' is not a value for child");
	refused(HEAD "Screen: q.one\nType: single\nSection: act\nSets: setting.interpreter\n"
		"Question: Q?\nChoice: a None\nChoice: family A relative\nHelp: h\nWhy: w\nNext: summary\n\n" TAIL,
		"error: choice 'family' sets setting.interpreter, which takes none, professional or informal");
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nSets: age-at-act\nQuestion: Q?\nHelp: h\n"
		"Why: w\nNext: summary\n\n" TAIL,
		"a.screen:10:7: error: a yesno screen cannot set 'age-at-act'");
}

static void test_intended_needs_a_purpose_indicator(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: act\nIndicates: act.receipt\nIntended: yes\n"
		"Question: Q?\nHelp: h\nWhy: w\nNext: summary\n\n" TAIL,
		"a.screen:11:1: error: 'Intended: yes' needs a purpose indicator");
}

static void test_item_must_follow_a_checklist(void **st)
{
	(void)st;
	refused(HEAD QONE "Item: x.y\nText: t\n\n" TAIL,
		"a.screen:16:1: error: item 'x.y' does not follow a checklist screen in this file");
}

static void test_deck_needs_summary_and_stop(void **st)
{
	(void)st;
	refused("Screen: intro\nType: note\nSection: s\nQuestion: Hello.\nNext: end\n",
		"error: the deck has no summary screen");
}

static void test_files_load_in_name_order(void **st)
{
	(void)st;
	char *dir = make_dir("20-b.screen", QONE TAIL, "10-a.screen", HEAD, NULL);
	struct diags d = { 0 };
	struct deck *dk = deck_load(dir, &d);
	assert_non_null(dk);
	assert_string_equal(dk->s[dk->start].id, "intro");
	assert_int_equal(dk->nfiles, 2);
	deck_free(dk);
	diags_free(&d);
	rm_tree(dir);
}

static void test_empty_directory_is_refused(void **st)
{
	(void)st;
	char *dir = make_dir(NULL);
	struct diags d = { 0 };
	assert_null(deck_load(dir, &d));
	assert_diag(&d, "no *.screen files in the deck directory");
	diags_free(&d);
	rm_tree(dir);
}

static void test_bundled_deck_loads_and_reaches_every_indicator(void **st)
{
	(void)st;
	struct diags d = { 0 };
	struct deck *dk = deck_load("screens", &d);
	if (!dk) {
		char *t = diags_text(&d);
		fail_msg("bundled deck refused:\n%s", t);
	}
	bool seen[IND_COUNT] = { 0 };
	for (size_t i = 0; i < dk->nslots; i++) {
		int ind = deck_slot_indicator(dk, (int)i);
		if (ind >= 0)
			seen[ind] = true;
	}
	for (int i = 0; i < IND_COUNT; i++)
		if (!seen[i])
			fail_msg("no screen of the bundled deck sets %s", indicator_id(i));
	deck_free(dk);
	diags_free(&d);
}

static bool says_victim(const char *text)
{
	return text && (strstr(text, "victim") || strstr(text, "Victim"));
}

/* The questionnaire never calls the person a victim, nor "not a victim". */
static void test_bundled_deck_never_says_victim(void **st)
{
	(void)st;
	struct diags d = { 0 };
	struct deck *dk = deck_load("screens", &d);
	assert_non_null(dk);
	for (size_t i = 0; i < dk->n; i++) {
		const struct screen *sc = &dk->s[i];
		if (says_victim(sc->question) || says_victim(sc->help) || says_victim(sc->why))
			fail_msg("screen %s says 'victim'", sc->id);
		for (size_t j = 0; j < sc->nchoices; j++)
			assert_false(says_victim(sc->choices[j].label));
		for (size_t j = 0; j < sc->nitems; j++)
			if (says_victim(sc->items[j].text) || says_victim(sc->items[j].help))
				fail_msg("item %s says 'victim'", sc->items[j].id);
	}
	deck_free(dk);
	diags_free(&d);
}

/* The identity names the deck's files and bytes: the same deck in another
 * directory has the same identity, one changed byte another. */
static void test_identity_follows_the_bytes(void **st)
{
	(void)st;
	struct loaded a = load(HEAD QONE TAIL), b = load(HEAD QONE TAIL);
	struct loaded c = load(HEAD "Screen: q.one\nType: yesno\nSection: act\n"
			       "Indicates: act.recruitment\nQuestion: Were you recruited?!\n"
			       "Help: h\nWhy: w\nNext: summary\n\n" TAIL);
	assert_non_null(a.deck);
	assert_non_null(c.deck);
	assert_int_equal(strlen(a.deck->identity), 64);
	assert_string_equal(a.deck->identity, b.deck->identity);
	assert_string_not_equal(a.deck->identity, c.deck->identity);
	done(&a);
	done(&b);
	done(&c);
}

/* A FIFO named *.screen would block the loader forever: it is refused. */
static void test_a_fifo_is_refused(void **st)
{
	(void)st;
	char *dir = make_dir("a.screen", HEAD QONE TAIL, NULL);
	char path[512];
	snprintf(path, sizeof path, "%s/b.screen", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	struct diags d = { 0 };
	struct deck *dk = deck_load(dir, &d);
	assert_null(dk);
	assert_diag(&d, "b.screen: error: not a regular file");
	diags_free(&d);
	rm_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_deck_loads),
		cmocka_unit_test(test_identity_follows_the_bytes),
		cmocka_unit_test(test_a_fifo_is_refused),
		cmocka_unit_test(test_dangling_next_with_did_you_mean),
		cmocka_unit_test(test_unknown_indicator_with_did_you_mean),
		cmocka_unit_test(test_guard_syntax_error_points_into_the_line),
		cmocka_unit_test(test_guard_unknown_name_with_did_you_mean),
		cmocka_unit_test(test_unreachable_screen),
		cmocka_unit_test(test_cycle_is_named),
		cmocka_unit_test(test_no_way_to_summary),
		cmocka_unit_test(test_last_next_must_be_unguarded),
		cmocka_unit_test(test_next_after_unguarded_is_never_taken),
		cmocka_unit_test(test_unknown_type_and_field),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_questions_need_help_and_why),
		cmocka_unit_test(test_text_must_fit_80x24),
		cmocka_unit_test(test_sets_are_checked),
		cmocka_unit_test(test_intended_needs_a_purpose_indicator),
		cmocka_unit_test(test_item_must_follow_a_checklist),
		cmocka_unit_test(test_deck_needs_summary_and_stop),
		cmocka_unit_test(test_files_load_in_name_order),
		cmocka_unit_test(test_empty_directory_is_refused),
		cmocka_unit_test(test_bundled_deck_loads_and_reaches_every_indicator),
		cmocka_unit_test(test_bundled_deck_never_says_victim),
	};
	return cmocka_run_group_tests_name("deck", tests, utf8_locale, NULL);
}
