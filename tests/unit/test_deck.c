/* Loading and checking decks: every problem of `tipscreen check` is refused
 * with file:line:col and a message that names it. */
#include "testutil.h"

#include <sys/stat.h>

#include "domain/deck.h"
#include "domain/interview.h"
#include "domain/lint.h"

/* A small valid deck: intro, a yes-no with an indicator, summary, stop. */
#define HEAD \
	"Screen: intro\nType: note\nSection: setup\nQuestion: Hello.\nNext: q.one\n\n"
#define QONE \
	"Screen: q.one\nType: yesno\nSection: act\nIndicates: act.recruitment\n" \
	"Question: Were you recruited?\nHelp: h\nWhy: w\nStatement: The person was recruited.\n" \
	"Next: summary\n\n"
#define TAIL \
	"Screen: summary\nType: summary\nSection: summary\nNext: end\n\n" \
	"Screen: stop\nType: stop\nSection: stop\nQuestion: Stop.\nNext: summary\n"

/* The sections the test decks use, in a file of their own so that the
 * line numbers of a.screen stay those of its text. */
#define SECTIONS \
	"Section: setup\nTitle: Setup\nStep: Start\nSetup: yes\n\n" \
	"Section: age\nTitle: Age\nStep: Start\n\n" \
	"Section: act\nTitle: Act\nStep: Act\n\n" \
	"Section: summary\nTitle: Summary\nStep: Summary\n\n" \
	"Section: close\nTitle: Close\nStep: Summary\n\n" \
	"Section: stop\nTitle: Stop and refer\n"

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

/* Titles, steps and the setup mark come from the Section stanzas: the
 * steps are the Step: names in deck order, and a section without one shows
 * no progress. */
static void test_sections_are_data_of_the_deck(void **st)
{
	(void)st;
	struct loaded l = load(HEAD QONE TAIL);
	assert_non_null(l.deck);
	assert_int_equal(l.deck->nsteps, 3);
	assert_string_equal(l.deck->steps[0], "Start");
	assert_string_equal(l.deck->steps[2], "Summary");
	assert_string_equal(deck_section_title(l.deck, "stop"), "Stop and refer");
	assert_int_equal(deck_section_step(l.deck, "act"), 1);
	assert_int_equal(deck_section_step(l.deck, "close"), 2);
	assert_int_equal(deck_section_step(l.deck, "stop"), -1);
	assert_true(deck_section_setup(l.deck, "setup"));
	assert_false(deck_section_setup(l.deck, "act"));
	done(&l);
}

static void test_a_section_without_its_stanza_is_refused(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: acts\nQuestion: Q?\nHelp: h\nWhy: w\n"
		"Next: summary\n\n" TAIL,
		"a.screen:9:10: error: unknown section 'acts' (did you mean 'act'?)");
}

static void test_a_section_stanza_is_read_through_its_table(void **st)
{
	(void)st;
	refused(HEAD QONE TAIL "\nSection: extra\nTitle: A\nTitle: B\nStpe: x\n",
		"a.screen:30:1: error: field 'Title' is given twice (first at line 29)");
	refused(HEAD QONE TAIL "\nSection: extra\nTitle: A\nStpe: x\n",
		"a.screen:30:1: error: unknown field 'Stpe' in a section (did you mean 'Step'?)");
	refused(HEAD QONE TAIL "\nSection: act\nTitle: Again\n",
		"a.screen:28:10: error: section 'act' is defined twice");
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

/* The stop screen may go past the summary to the screens after it (the
 * referral and the close), never to the end nor to a screen before it. */
#define CLOSE "Screen: close\nType: note\nSection: close\nQuestion: Bye.\nNext: end\n\n"
static void test_stop_may_skip_the_summary_to_the_close(void **st)
{
	(void)st;
	struct loaded l = load(HEAD QONE
			       "Screen: summary\nType: summary\nSection: summary\nNext: close\n\n" CLOSE
			       "Screen: stop\nType: stop\nSection: stop\nQuestion: Stop.\nNext: close\n");
	if (!l.deck) {
		char *t = diags_text(&l.d);
		fail_msg("%s", t);
	}
	done(&l);
	refused(HEAD QONE "Screen: summary\nType: summary\nSection: summary\nNext: close\n\n" CLOSE
		"Screen: stop\nType: stop\nSection: stop\nQuestion: Stop.\nNext: end\n",
		"a.screen:28:1: error: no way from screen 'stop' to the summary 'summary'");
}

static void test_unreachable_screen(void **st)
{
	(void)st;
	refused(HEAD QONE "Screen: orphan\nType: note\nSection: act\nQuestion: x\nNext: summary\n\n" TAIL,
		"a.screen:17:1: error: screen 'orphan' is unreachable");
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
		"a.screen:17:1: error: id 'q.one' is used twice");
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

/* The inputs of DESIGN §4 version 2 on screens: which types may set them. */
static void test_version_2_sets_are_checked(void **st)
{
	(void)st;
	refused(HEAD "Screen: q.one\nType: yesno\nSection: age\nSets: age-now\nQuestion: Q?\nHelp: h\n"
		"Why: w\nNext: summary\n\n" TAIL,
		"a.screen:10:7: error: a yesno screen cannot set 'age-now'");
	refused(HEAD "Screen: q.one\nType: single\nSection: age\nSets: age-now\nQuestion: Q?\n"
		"Choice: a A\nChoice: b B\nHelp: h\nWhy: w\nNext: summary\n\n" TAIL,
		"a.screen:10:7: error: a single screen cannot set 'age-now'");
	/* minor-now's "presumed" must be said on a yesno, as child's is. */
	refused(HEAD "Screen: q.one\nType: yesno\nSection: age\nSets: minor-now\nQuestion: Q?\nHelp: h\n"
		"Why: w\nNext: summary\n\n" TAIL,
		"a.screen:10:7: error: a yesno screen cannot set 'minor-now'");
	refused(HEAD "Screen: q.one\nType: yesno\nSection: age\nSets: minor-now=perhaps\nQuestion: Q?\n"
		"Help: h\nWhy: w\nNext: summary\n\n" TAIL,
		"a.screen:10:17: error: 'perhaps' is not a value for minor-now: expected yes, no, presumed or unknown");
	refused(HEAD "Screen: q.one\nType: number\nSection: age\nSets: referral-consent\nRange: 0 1\n"
		"Question: Q?\nHelp: h\nWhy: w\nNext: summary\n\n" TAIL,
		"a.screen:10:7: error: a number screen cannot set 'referral-consent'");
	refused(HEAD "Screen: q.one\nType: yesno\nSection: age\nSets: referal-consent\nQuestion: Q?\n"
		"Help: h\nWhy: w\nNext: summary\n\n" TAIL,
		"a.screen:10:7: error: unknown assessment input 'referal-consent' (did you mean 'referral-consent'?)");
}

static void say(struct interview *iv, const struct deck *dk, const char *id, const char *value)
{
	int slot = deck_slot_find(dk, id);
	if (slot < 0)
		fail_msg("no slot %s", id);
	struct answer a;
	const char *why;
	if (answer_parse(dk, slot, value, &a, &why) < 0)
		fail_msg("%s: '%s' refused: %s", id, value, why);
	assert_int_equal(interview_answer(iv, slot, &a, &why), 0);
	answer_clear(&a);
}

/* The test deck sets age-now, minor-now and referral-consent from screens,
 * and its guards read them. */
static void test_version_2_inputs_from_a_deck(void **st)
{
	(void)st;
	struct diags d = { 0 };
	struct deck *dk = deck_load("tests/e2e/decks/v2-inputs", &d);
	if (!dk) {
		char *t = diags_text(&d);
		fail_msg("test deck refused:\n%s", t);
	}
	int child_note = deck_screen_find(dk, "child.note");
	struct interview *iv = interview_new(dk);
	say(iv, dk, "age.now", "16");
	say(iv, dk, "act.q", "yes");
	say(iv, dk, "purpose.q", "intended");
	say(iv, dk, "referral.consent", "no");
	struct assess_input in;
	interview_inputs(iv, &in);
	assert_int_equal(in.value[IN_AGE_NOW], 16);
	assert_int_equal(in.value[IN_REFERRAL], IN_NO);
	assert_int_equal(in.value[IN_MINOR_NOW], -1);
	assert_true(interview_on_path(iv, child_note));	/* age-now < 18 */
	struct assessment a;
	const char *why;
	assert_int_equal(interview_assess(iv, &a, &why), 0);
	assert_int_equal(a.child, CHILD_YES);
	assert_int_equal(a.child_now, CHILD_YES);
	assert_true(a.flag[FLAG_CHILD_NOW]);
	assert_false(a.flag[FLAG_REFERRAL_DECLINED]);	/* a child now is referred */
	/* An adult now: the child note falls off the path; declined referral. */
	say(iv, dk, "age.now", "30");
	assert_false(interview_on_path(iv, child_note));
	assert_int_equal(interview_assess(iv, &a, &why), 0);
	assert_int_equal(a.child_now, CHILD_NO);
	assert_true(a.flag[FLAG_REFERRAL_DECLINED]);
	interview_free(iv);
	/* No age now: the presumption from a yesno, then a single choice. */
	iv = interview_new(dk);
	say(iv, dk, "minor.appears", "yes");
	say(iv, dk, "act.q", "yes");
	say(iv, dk, "purpose.q", "yes");
	interview_inputs(iv, &in);
	assert_int_equal(in.value[IN_MINOR_NOW], CHILD_PRESUMED);
	assert_true(interview_on_path(iv, child_note));	/* minor-now = presumed */
	assert_int_equal(interview_assess(iv, &a, &why), 0);
	assert_int_equal(a.child, CHILD_PRESUMED);
	assert_true(a.flag[FLAG_ESTABLISH_AGE]);
	say(iv, dk, "minor.appears", "no");
	say(iv, dk, "minor.status", "unsure");
	interview_inputs(iv, &in);
	assert_int_equal(in.value[IN_MINOR_NOW], CHILD_UNKNOWN);
	assert_false(interview_on_path(iv, child_note));
	say(iv, dk, "minor.status", "under");
	assert_true(interview_on_path(iv, child_note));	/* minor-now = yes */
	assert_int_equal(interview_assess(iv, &a, &why), 0);
	assert_int_equal(a.child, CHILD_YES);
	interview_free(iv);
	deck_free(dk);
	diags_free(&d);
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
		"a.screen:17:1: error: item 'x.y' does not follow a checklist screen in this file");
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
	char *dir = make_dir("20-b.screen", QONE TAIL, "10-a.screen", HEAD, "00-s.screen", SECTIONS,
			     NULL);
	struct diags d = { 0 };
	struct deck *dk = deck_load(dir, &d);
	assert_non_null(dk);
	assert_string_equal(dk->s[dk->start].id, "intro");
	assert_int_equal(dk->nfiles, 3);
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
			       "Help: h\nWhy: w\nStatement: The person was recruited.\nNext: summary\n\n" TAIL);
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
	char *dir = make_dir("00-sections.screen", SECTIONS, "a.screen", HEAD QONE TAIL, NULL);
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

/* A deck whose second screen has id `id` (a note leading to the summary). */
static void refused_id(const char *id, const char *want)
{
	char text[1024];
	snprintf(text, sizeof text, "Screen: intro\nType: note\nSection: setup\nQuestion: Hello.\n"
		 "Next: %s\n\nScreen: %s\nType: note\nSection: act\nQuestion: x\nNext: summary\n\n"
		 TAIL, *id ? id : "x", id);
	refused(text, want);
}

/* Ids are names in conditions: the documented characters only, and none
 * of the words that mean something else there or in answers files. */
static void test_ids_are_names_and_not_reserved_words(void **st)
{
	(void)st;
	refused_id("a b", "a.screen:7:10: error: screen id 'a b': expected a letter, then letters");
	refused_id("", "a.screen:7:9: error: screen id '': expected a letter");
	refused_id("9lives", "a.screen:7:9: error: screen id '9lives': expected a letter");
	refused_id("q/1", "a.screen:7:10: error: screen id 'q/1': expected");
	refused_id("stop-at", "a.screen:7:9: error: screen id 'stop-at' is the answers files' key for the stop");
	refused_id("act", "a.screen:7:9: error: screen id 'act' is an element");
	refused_id("child", "a.screen:7:9: error: screen id 'child' is an assessment input");
	refused_id("yes", "a.screen:7:9: error: screen id 'yes' is an answer word");
	refused_id("and", "a.screen:7:9: error: screen id 'and' is a word of the condition language");
	refused_id("end", "a.screen:7:9: error: screen id 'end' is the target that ends the interview");
	refused_id("means.fraud", "a.screen:7:9: error: id 'means.fraud' is an indicator id, but this does not indicate it");
	refused(HEAD "Screen: q.one\nType: checklist\nSection: act\nQuestion: Q?\nHelp: h\nWhy: w\n"
		"Next: summary\n\nItem: not\nText: t\n\n" TAIL,
		"a.screen:15:7: error: item id 'not' is a word of the condition language");
}

/* A deck whose q.one leads on with `Next: summary if COND`; q.age is a
 * number screen, q.role a single choice, q.one a yes-no. */
static struct loaded typed(const char *cond)
{
	char text[2048];
	snprintf(text, sizeof text,
		 "Screen: intro\nType: note\nSection: setup\nQuestion: Hello.\nNext: q.age\n\n"
		 "Screen: q.age\nType: number\nSection: age\nRange: 0 130\nQuestion: Age?\nHelp: h\nWhy: w\nNext: q.role\n\n"
		 "Screen: q.role\nType: single\nSection: setup\nQuestion: Role?\nHelp: h\nWhy: w\n"
		 "Choice: police Police\nChoice: ngo NGO\nNext: q.one\n\n"
		 "Screen: q.one\nType: yesno\nSection: act\nIndicates: act.recruitment\n"
		 "Question: Were you recruited?\nHelp: h\nWhy: w\nStatement: Recruited.\n"
		 "Next: summary if %s\nNext: summary\n\n" TAIL,
		 cond);
	return load(text);
}

/* Comparisons that can never be true are refused where the value is
 * written, saying what the name takes; those that can are accepted. */
static void test_guards_are_typed(void **st)
{
	(void)st;
	static const struct { const char *cond, *want; } bad[] = {
		{ "child = met", "a.screen:34:26: error: 'child' is never met: expected yes, no, presumed or unknown" },
		{ "q.age = \"sixteen\"", "a.screen:34:26: error: 'q.age' is never sixteen: expected a number, dontknow" },
		{ "q.role = \"judge\"", "error: 'q.role' is never judge: expected one of its choice codes" },
		{ "q.one = intended", "error: 'q.one' is never intended: expected yes, no, dontknow" },
		{ "q.one = 3", "error: 'q.one' is never 3" },
		{ "means = yes", "error: 'means' is never yes: expected met, not-met or unclear" },
		{ "act.recruitment = met", "error: 'act.recruitment' is never met" },
		{ "age-at-act = unknown", "error: 'age-at-act' is never unknown: expected a number" },
		{ "count(means) = yes", "error: count(means) is a number" },
		{ "setting.interpreter", "a.screen:34:18: error: 'setting.interpreter' alone is never true" },
		{ "met = child", "a.screen:34:18: error: 'child' is never met" },
		{ "minor-now = unanswered", "error: 'minor-now' is never unanswered: expected yes, no, presumed or unknown" },
		{ "age-now = \"old\"", "error: 'age-now' is never old: expected a number" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct loaded l = typed(bad[i].cond);
		if (l.deck)
			fail_msg("'%s' was accepted", bad[i].cond);
		assert_diag(&l.d, bad[i].want);
		done(&l);
	}
	static const char *const good[] = {
		"child = presumed", "q.age >= 18", "q.age = dontknow", "q.role = \"police\"",
		"q.one = declined", "means != met", "act.recruitment = intended", "count(act) >= 2",
		"setting.interpreter = informal", "consent = unanswered", "not child and q.one",
		"age-at-act < 18", "age-now >= 18", "minor-now = presumed", "referral-consent = no",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		struct loaded l = typed(good[i]);
		if (!l.deck) {
			char *t = diags_text(&l.d);
			fail_msg("'%s' was refused: %s", good[i], t);
		}
		done(&l);
	}
}

/* The table of screen types (deck.h: deck_type_rules): every type has its
 * row, saying what it may set and what a condition compares it with; an
 * enum value of zero (a row left out) would be neither. */
static void test_every_screen_type_has_its_row_of_rules(void **st)
{
	(void)st;
	for (int t = 0; t < SCR_TYPE_COUNT; t++) {
		const struct deck_type_rules *r = deck_type_rules((enum screen_type)t);
		if (r->sets < DECK_SETS_NOTHING || r->sets > DECK_SETS_VISIT || !r->guard_expected)
			fail_msg("screen type '%s' has no row in deck_type_rules",
				 deck_type_name((enum screen_type)t));
		if (r->guard_intended)
			assert_non_null(r->guard_expected_intended);
		assert_false(r->choices && r->range);
		if (r->answers)
			assert_true(r->question && r->asks);
	}
}

/* A field the type's row does not permit is refused, naming the types
 * whose rows do. */
static void test_a_field_of_other_types_is_refused_naming_them(void **st)
{
	(void)st;
	struct loaded l = load(
	    "Screen: intro\nType: note\nSection: setup\nQuestion: Hello.\nRange: 1 2\n"
	    "Indicates: act.recruitment\nNext: q.one\n\n"
	    "Screen: q.one\nType: yesno\nSection: act\nQuestion: Were you recruited?\nHelp: h\n"
	    "Why: w\nChoice: a A\nNext: summary\n\n" TAIL);
	assert_null(l.deck);
	assert_diag(&l.d, "a.screen:5:1: error: 'Range:' is only for number screens");
	assert_diag(&l.d, "a.screen:6:1: error: 'Indicates:' is for yesno screens and checklist items");
	assert_diag(&l.d, "a.screen:15:1: error: 'Choice:' is only for single and multi screens");
	done(&l);
}

/* A type's row decides what its stanza may hold: a yesno may not have
 * choices, a note may not have a range, and a note sets by being visited. */
static void test_a_types_row_decides_its_fields(void **st)
{
	(void)st;
	assert_true(deck_type_rules(SCR_SINGLE)->choices && deck_type_rules(SCR_MULTI)->choices);
	assert_false(deck_type_rules(SCR_YESNO)->choices);
	assert_true(deck_type_rules(SCR_NUMBER)->range);
	assert_false(deck_type_rules(SCR_NOTE)->range);
	assert_true(deck_type_rules(SCR_CHECKLIST)->items);
	assert_int_equal(deck_type_rules(SCR_NOTE)->sets, DECK_SETS_VISIT);
	assert_int_equal(deck_type_rules(SCR_MULTI)->sets, DECK_SETS_NOTHING);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_deck_loads),
		cmocka_unit_test(test_every_screen_type_has_its_row_of_rules),
		cmocka_unit_test(test_a_types_row_decides_its_fields),
		cmocka_unit_test(test_a_field_of_other_types_is_refused_naming_them),
		cmocka_unit_test(test_sections_are_data_of_the_deck),
		cmocka_unit_test(test_a_section_without_its_stanza_is_refused),
		cmocka_unit_test(test_a_section_stanza_is_read_through_its_table),
		cmocka_unit_test(test_identity_follows_the_bytes),
		cmocka_unit_test(test_a_fifo_is_refused),
		cmocka_unit_test(test_dangling_next_with_did_you_mean),
		cmocka_unit_test(test_unknown_indicator_with_did_you_mean),
		cmocka_unit_test(test_guard_syntax_error_points_into_the_line),
		cmocka_unit_test(test_guard_unknown_name_with_did_you_mean),
		cmocka_unit_test(test_stop_may_skip_the_summary_to_the_close),
		cmocka_unit_test(test_unreachable_screen),
		cmocka_unit_test(test_cycle_is_named),
		cmocka_unit_test(test_no_way_to_summary),
		cmocka_unit_test(test_last_next_must_be_unguarded),
		cmocka_unit_test(test_next_after_unguarded_is_never_taken),
		cmocka_unit_test(test_unknown_type_and_field),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_guards_are_typed),
		cmocka_unit_test(test_ids_are_names_and_not_reserved_words),
		cmocka_unit_test(test_questions_need_help_and_why),
		cmocka_unit_test(test_text_must_fit_80x24),
		cmocka_unit_test(test_sets_are_checked),
		cmocka_unit_test(test_version_2_sets_are_checked),
		cmocka_unit_test(test_version_2_inputs_from_a_deck),
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
