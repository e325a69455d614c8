/* The wizard's keys and pages, without a terminal: what each key does to
 * the interview, and what the page then shows. */
#include "bundled.h"

#include <regex.h>

#include "domain/langs.h"
#include "tui/page.h"
#include "tui/wizard.h"
#include "wizard_door.h"


struct fixture {
	struct interview *iv;
	struct session *ss;	/* no store: nothing is recorded */
	struct wizard w;
};

static struct fixture *start(void)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->iv = interview_new(deck);
	f->ss = session_new(f->iv, NULL);
	struct frontend_opts o = { .contacts_path = "/x/contacts", .second = -1 };
	wizard_init(&f->w, f->ss, &o);
	struct wizard_key enter = { .action = ACT_NEXT };
	assert_int_equal(wizard_key(&f->w, &enter) & W_NEW_SCREEN, W_NEW_SCREEN);
	assert_int_equal(f->w.mode, W_INTERVIEW);
	return f;
}

static void done(struct fixture *f)
{
	wizard_free(&f->w);
	session_free(f->ss);
	interview_free(f->iv);
	free(f);
}

static int act(struct fixture *f, enum action a)
{
	struct wizard_key k = { .action = a };
	return wizard_key(&f->w, &k);
}

static int choose(struct fixture *f, int n)
{
	struct wizard_key k = { .action = ACT_CHOOSE, .number = n };
	return wizard_key(&f->w, &k);
}

static void typed(struct fixture *f, const char *s)
{
	for (; *s; s++) {
		struct wizard_key k = { .op = EDIT_INSERT, .ch = (unsigned char)*s };
		wizard_key(&f->w, &k);
	}
}

static const char *at(struct fixture *f)
{
	return deck->s[interview_current(f->iv)].id;
}

static char *shown(struct fixture *f, int w, int h)
{
	struct page p;
	page_build(&p, &f->w, w, h);
	char *t = page_text(&p);
	page_free(&p);
	return t;
}

/* Answers the setup and safety screens and the consent. */
static void through_consent(struct fixture *f)
{
	choose(f, 2); act(f, ACT_NEXT);
	choose(f, 1); act(f, ACT_NEXT);
	choose(f, 1); choose(f, 3); act(f, ACT_NEXT);
	choose(f, 2); act(f, ACT_NEXT);
	act(f, ACT_YES); act(f, ACT_NEXT);
	act(f, ACT_NO); act(f, ACT_NEXT);
	act(f, ACT_NO); act(f, ACT_NEXT);
	act(f, ACT_NO); act(f, ACT_NEXT);	/* not under 18 now */
	act(f, ACT_NEXT);	/* the consent script */
	act(f, ACT_YES); act(f, ACT_NEXT);
	assert_string_equal(at(f), "age.now");
}

static void test_start_screen_then_first_question(void **st)
{
	(void)st;
	struct interview *iv = interview_new(deck);
	struct session *ss = session_new(iv, NULL);
	struct wizard w;
	wizard_init(&w, ss, NULL);
	struct page p;
	page_build(&p, &w, 80, 24);
	char *t = page_text(&p);
	assert_non_null(strstr(t, "Start a new interview"));
	free(t);
	page_free(&p);
	struct wizard_key esc = { .action = ACT_BACK };
	assert_true(wizard_key(&w, &esc) & W_END);
	assert_int_equal(w.mode, W_QUIT);
	wizard_free(&w);
	session_free(ss);
	interview_free(iv);
}

static void test_enter_without_an_answer_asks_for_one(void **st)
{
	(void)st;
	struct fixture *f = start();
	assert_false(act(f, ACT_NEXT) & W_NEW_SCREEN);
	assert_string_equal(at(f), "setup.role");
	assert_non_null(strstr(f->w.msg, "Choose an answer first"));
	char *t = shown(f, 80, 24);
	assert_non_null(strstr(t, "Choose an answer first"));
	free(t);
	done(f);
}

static void test_arrows_then_enter_choose_the_focused_row(void **st)
{
	(void)st;
	struct fixture *f = start();
	act(f, ACT_DOWN);
	act(f, ACT_DOWN);
	assert_true(act(f, ACT_NEXT) & W_NEW_SCREEN);
	int slot = deck_slot_find(deck, "setup.role");
	assert_int_equal(interview_get(f->iv, slot)->choice, 2);
	done(f);
}

static void test_yes_no_keys_mark_and_enter_moves_on(void **st)
{
	(void)st;
	struct fixture *f = start();
	choose(f, 2); act(f, ACT_NEXT);
	choose(f, 1); act(f, ACT_NEXT);
	act(f, ACT_NEXT);	/* a multiple choice may be left empty */
	choose(f, 2); act(f, ACT_NEXT);
	assert_string_equal(at(f), "safety.private");
	assert_false(act(f, ACT_YES) & W_NEW_SCREEN);	/* marks, stays */
	char *t = shown(f, 80, 24);
	if (!strstr(t, "(*) y Yes"))
		fail_msg("%s", t);
	free(t);
	assert_true(act(f, ACT_NEXT) & W_NEW_SCREEN);
	assert_string_equal(at(f), "safety.controller");
	done(f);
}

static void test_number_field_checks_the_range(void **st)
{
	(void)st;
	struct fixture *f = start();
	through_consent(f);
	typed(f, "200");
	act(f, ACT_NEXT);
	assert_string_equal(at(f), "age.now");
	assert_non_null(strstr(f->w.msg, "from 0 to 130"));
	struct wizard_key bs = { .op = EDIT_BACKSPACE };
	wizard_key(&f->w, &bs);
	wizard_key(&f->w, &bs);
	wizard_key(&f->w, &bs);
	typed(f, "16");
	assert_true(act(f, ACT_NEXT) & W_NEW_SCREEN);
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "age.now"))->number, 16);
	done(f);
}

static void test_back_then_change_age_recomputes_the_path(void **st)
{
	(void)st;
	struct fixture *f = start();
	through_consent(f);
	typed(f, "16");
	act(f, ACT_NEXT);
	assert_true(interview_on_path(f->iv, deck_screen_find(deck, "means.child")));
	act(f, ACT_BACK);
	assert_string_equal(at(f), "age.now");
	char *t = shown(f, 80, 24);
	assert_non_null(strstr(t, "Answer: [16]"));	/* the field shows the answer */
	free(t);
	struct wizard_key bs = { .op = EDIT_BACKSPACE };
	wizard_key(&f->w, &bs);
	wizard_key(&f->w, &bs);
	typed(f, "30");
	act(f, ACT_NEXT);
	assert_false(interview_on_path(f->iv, deck_screen_find(deck, "means.child")));
	done(f);
}

static void test_checklist_marks_items_in_turn(void **st)
{
	(void)st;
	struct fixture *f = start();
	through_consent(f);
	typed(f, "30");
	act(f, ACT_NEXT);
	act(f, ACT_NEXT);	/* leave the open question empty */
	assert_string_equal(at(f), "act.checklist");
	act(f, ACT_YES);
	act(f, ACT_DONTKNOW);
	assert_int_equal(f->w.focus, 2);
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "act.recruited"))->word, IV_YES);
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "act.moved"))->word, IV_DONTKNOW);
	act(f, ACT_INTENDED);	/* not for an act item */
	assert_non_null(strstr(f->w.msg, "Not an answer here"));
	char *t = shown(f, 80, 24);
	assert_non_null(strstr(t, "[yes       ] Someone offered"));
	free(t);
	done(f);
}

static void test_stop_key_goes_to_stop_and_refer(void **st)
{
	(void)st;
	struct fixture *f = start();
	assert_true(act(f, ACT_STOP) & W_NEW_SCREEN);
	assert_string_equal(at(f), "stop");
	char *t = shown(f, 80, 24);
	assert_non_null(strstr(t, "Stop the questions here."));
	/* No progress of the screening's elements on the stop screen: it may
	 * be read by someone the person fears. */
	assert_null(strstr(t, "Purpose"));
	assert_null(strstr(t, "Summary"));
	free(t);
	/* Then the contacts and the close, never the summary (DESIGN §5). */
	assert_true(act(f, ACT_NEXT) & W_NEW_SCREEN);
	assert_string_equal(at(f), "referral");
	t = shown(f, 80, 24);
	assert_null(strstr(t, "SUMMARY OF THE SCREENING"));
	assert_null(strstr(t, "Trafficking in persons"));
	free(t);
	assert_true(act(f, ACT_NEXT) & W_NEW_SCREEN);
	assert_string_equal(at(f), "close");
	assert_true(act(f, ACT_NEXT) & W_END);
	assert_int_equal(f->w.mode, W_DONE);
	done(f);
}

static void test_hide_and_quit_keys(void **st)
{
	(void)st;
	struct fixture *f = start();
	assert_true(act(f, ACT_HIDE) & W_HIDE);
	assert_true(act(f, ACT_QUIT) & W_END);
	assert_int_equal(f->w.mode, W_QUIT);
	done(f);
}

static void test_note_on_a_screen(void **st)
{
	(void)st;
	struct fixture *f = start();
	act(f, ACT_NOTE);
	assert_int_equal(wizard_field(&f->w), FIELD_TEXT);
	typed(f, "came with a friend");
	act(f, ACT_NEXT);
	assert_string_equal(interview_note(f->iv, interview_current(f->iv)), "came with a friend");
	assert_string_equal(at(f), "setup.role");	/* saving a note does not move on */
	char *t = shown(f, 80, 24);
	assert_non_null(strstr(t, "Note: came with a friend"));
	free(t);
	done(f);
}

static void test_progress_marks_the_current_step_without_colour(void **st)
{
	(void)st;
	struct fixture *f = start();
	char *t = shown(f, 80, 24);
	assert_non_null(strstr(t, "[Start] › Act › Means › Purpose › Summary"));
	free(t);
	t = shown(f, 40, 12);
	assert_non_null(strstr(t, "Step 1 of 5: Start"));
	free(t);
	done(f);
}

static void test_too_small_terminal(void **st)
{
	(void)st;
	struct fixture *f = start();
	char *t = shown(f, 39, 12);
	assert_string_equal(t, "Terminal too small\n");
	free(t);
	t = shown(f, 20, 6);
	assert_string_equal(t, "Terminal too small\n");
	free(t);
	done(f);
}

/* The respondent's language comes from the session (a resumed case's, as
 * well as --second's): the wizard shows it on the screens read to the
 * person. */
static void test_the_page_shows_the_sessions_respondents_language(void **st)
{
	(void)st;
	struct langs l;
	struct diags d = { 0 };
	assert_int_equal(langs_load("locales", &l, &d), 0);
	diags_free(&d);
	struct fixture *f = calloc(1, sizeof *f);
	f->iv = interview_new(deck);
	f->ss = session_new(f->iv, NULL);
	session_set_second(f->ss, "fr");
	struct frontend_opts o = { .contacts_path = "/x/contacts", .langs = &l, .second = -1 };
	wizard_init(&f->w, f->ss, &o);
	act(f, ACT_NEXT);	/* the start screen's new interview */
	through_consent(f);
	char *t = shown(f, 80, 24);
	assert_non_null(strstr(t, "[fr] Quel âge avez-vous aujourd'hui ?"));
	free(t);
	done(f);
	langs_free(&l);
}

static void test_help_mode_lists_the_keys_from_the_table(void **st)
{
	(void)st;
	struct fixture *f = start();
	act(f, ACT_HELP);
	assert_int_equal(f->w.mode, W_HELP);
	struct page p;
	page_build(&p, &f->w, 80, 200);
	char *t = page_text(&p);
	assert_non_null(strstr(t, "Ctrl-X"));
	assert_non_null(strstr(t, "quick hide"));
	assert_non_null(strstr(t, "Why we ask: "));
	free(t);
	page_free(&p);
	act(f, ACT_YES);	/* any key goes back */
	assert_int_equal(f->w.mode, W_INTERVIEW);
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "setup.role"))->kind, ANS_NONE);
	done(f);
}

/* A start screen offering n unfinished cases. */
static struct fixture *at_start(struct view_start *v, struct view_resume *cases, size_t n)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->iv = interview_new(deck);
	f->ss = session_new(f->iv, NULL);
	wizard_init(&f->w, f->ss, NULL);
	for (size_t i = 0; i < n; i++) {
		snprintf(cases[i].id, sizeof cases[i].id, "%016zx", i + 0xa0);
		snprintf(cases[i].when, sizeof cases[i].when, "1970-01-01 00:00");
		cases[i].screen = cases[i].role = cases[i].place = -1;	/* not read */
	}
	*v = (struct view_start){ cases, n };
	f->w.start = v;
	return f;
}

static void test_start_at_40x12_shows_the_offers_and_scrolls_to_the_rest(void **st)
{
	(void)st;
	struct view_resume cases[3];
	struct view_start v;
	struct fixture *f = at_start(&v, cases, 3);
	char *t = shown(f, 40, 12);
	assert_non_null(strstr(t, "Screening interview"));
	assert_non_null(strstr(t, "Start a new interview"));
	assert_non_null(strstr(t, cases[0].id));
	assert_non_null(strstr(t, "more"));	/* the rest is below, and it says so */
	assert_null(strstr(t, "blanks the screen"));
	free(t);
	act(f, ACT_PAGE_DOWN);
	t = shown(f, 40, 12);
	assert_non_null(strstr(t, cases[2].id));
	free(t);
	act(f, ACT_PAGE_DOWN);
	for (int i = 0; i < 3; i++) {
		act(f, ACT_PAGE_DOWN);
		free(shown(f, 40, 12));	/* each key is drawn, the scroll clamped */
	}
	t = shown(f, 40, 12);
	assert_non_null(strstr(t, "blanks the screen"));
	assert_null(strstr(t, "↓"));
	assert_non_null(strstr(t, "↑"));
	free(t);
	/* Enter: the first question from its top, not at the start's scroll. */
	act(f, ACT_NEXT);
	t = shown(f, 40, 12);
	assert_non_null(strstr(t, "Who is doing this screening?"));
	assert_non_null(strstr(t, "↓ 2 more"));
	free(t);
	done(f);
}

static void test_f1_question_mark_and_tab_on_the_start_screen(void **st)
{
	(void)st;
	struct view_start v;
	struct fixture *f = at_start(&v, NULL, 0);
	act(f, ACT_HELP);
	assert_int_equal(f->w.mode, W_HELP);
	char *t = shown(f, 80, 60);
	assert_non_null(strstr(t, "Before you start"));
	assert_null(strstr(t, "Step 1 of 5"));
	free(t);
	act(f, ACT_YES);	/* any other key goes back to the start */
	assert_int_equal(f->w.mode, W_START);
	struct wizard_key q = { .action = keys_action('?', false, false, &q.number) };
	wizard_key(&f->w, &q);
	assert_int_equal(f->w.mode, W_HELP);
	act(f, ACT_BACK);
	assert_int_equal(f->w.mode, W_START);
	act(f, ACT_PANEL);
	t = shown(f, 80, 24);
	assert_non_null(strstr(t, "Interviewer's help"));
	assert_non_null(strstr(t, "Before you start"));
	free(t);
	done(f);
}

static void test_help_scrolls_at_40x12(void **st)
{
	(void)st;
	struct fixture *f = start();
	act(f, ACT_HELP);
	char *t = shown(f, 40, 12);
	assert_non_null(strstr(t, "↓"));
	assert_null(strstr(t, "leave tipscreen"));
	free(t);
	for (int i = 0; i < 100; i++) {
		act(f, ACT_DOWN);
		free(shown(f, 40, 12));
	}
	assert_int_equal(f->w.mode, W_HELP);	/* scrolling stays in the help */
	t = shown(f, 40, 12);
	assert_non_null(strstr(t, "goes back."));
	assert_non_null(strstr(t, "↑"));
	free(t);
	act(f, ACT_NEXT);
	assert_int_equal(f->w.mode, W_INTERVIEW);
	done(f);
}

static void test_checklist_below_the_screen_says_how_many_more(void **st)
{
	(void)st;
	struct fixture *f = start();
	through_consent(f);
	typed(f, "30");
	act(f, ACT_NEXT);
	act(f, ACT_NEXT);	/* the open question left empty */
	assert_string_equal(at(f), "act.checklist");
	char *t = shown(f, 40, 12);
	assert_non_null(strstr(t, "more"));
	assert_non_null(strstr(t, "↓"));
	free(t);
	done(f);
}

/* One key table: the legend's key for an action is one of the keys the
 * help screen lists for it, and no translatable string names a key: the
 * template (locales/tipscreen.pot) holds no key letter or key name. */
static void test_one_key_table_and_no_key_in_translations(void **st)
{
	(void)st;
	char *keys;
	const char *text;
	int lines = 0;
	for (int i = 0; keys_help_line(i, &keys, &text); i++, free(keys)) {
		lines++;
		for (int a = 1; a < ACT_COUNT; a++) {
			if (strcmp(text, action_help(a)) != 0 || !action_word(a))
				continue;
			char want[32];
			const char *l = keys_legend(a);
			snprintf(want, sizeof want, l[0] == '^' ? "Ctrl-%s" : "%s", l[0] == '^' ? l + 1 : l);
			if (!strstr(keys, want))
				fail_msg("the legend's %s is not among the help's keys '%s'", l, keys);
		}
	}
	assert_true(lines >= ACT_COUNT - 2);	/* every action but none and one more */
	FILE *f = fopen("locales/tipscreen.pot", "r");
	assert_non_null(f);
	regex_t re;
	assert_int_equal(regcomp(&re, "^msgid .*(Ctrl-|F[0-9]|Esc|Tab |\\^[A-Z]|[\" (,;:][ynxdi] "
				 "(yes|no|don't|declined|intended))", REG_EXTENDED | REG_NOSUB), 0);
	char line[2048];
	while (fgets(line, sizeof line, f))
		if (regexec(&re, line, 0, NULL, 0) == 0)
			fail_msg("a key in a translatable string: %s", line);
	regfree(&re);
	fclose(f);
}

/* A multiple choice with nothing chosen is no answer, however it came to
 * be empty: Enter leaves it unanswered, and unchoosing the last choice
 * takes the answer back (the line mode cannot record "nothing" either). */
static void test_an_empty_multiple_choice_is_unanswered(void **st)
{
	(void)st;
	struct fixture *f = start();
	choose(f, 2); act(f, ACT_NEXT);
	choose(f, 1); act(f, ACT_NEXT);
	assert_string_equal(at(f), "setup.contact");
	int slot = deck_slot_find(deck, "setup.contact");
	choose(f, 1);
	assert_int_equal(interview_get(f->iv, slot)->kind, ANS_MULTI);
	choose(f, 1);
	assert_int_equal(interview_get(f->iv, slot)->kind, ANS_NONE);
	act(f, ACT_NEXT);
	assert_string_equal(at(f), "setup.interpreter");
	assert_int_equal(interview_get(f->iv, slot)->kind, ANS_NONE);
	done(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start_screen_then_first_question),
		cmocka_unit_test(test_enter_without_an_answer_asks_for_one),
		cmocka_unit_test(test_arrows_then_enter_choose_the_focused_row),
		cmocka_unit_test(test_yes_no_keys_mark_and_enter_moves_on),
		cmocka_unit_test(test_number_field_checks_the_range),
		cmocka_unit_test(test_back_then_change_age_recomputes_the_path),
		cmocka_unit_test(test_checklist_marks_items_in_turn),
		cmocka_unit_test(test_stop_key_goes_to_stop_and_refer),
		cmocka_unit_test(test_hide_and_quit_keys),
		cmocka_unit_test(test_note_on_a_screen),
		cmocka_unit_test(test_progress_marks_the_current_step_without_colour),
		cmocka_unit_test(test_too_small_terminal),
		cmocka_unit_test(test_the_page_shows_the_sessions_respondents_language),
		cmocka_unit_test(test_help_mode_lists_the_keys_from_the_table),
		cmocka_unit_test(test_start_at_40x12_shows_the_offers_and_scrolls_to_the_rest),
		cmocka_unit_test(test_f1_question_mark_and_tab_on_the_start_screen),
		cmocka_unit_test(test_help_scrolls_at_40x12),
		cmocka_unit_test(test_checklist_below_the_screen_says_how_many_more),
		cmocka_unit_test(test_one_key_table_and_no_key_in_translations),
		cmocka_unit_test(test_an_empty_multiple_choice_is_unanswered),
	};
	return cmocka_run_group_tests_name("wizard", tests, bundled_setup, bundled_teardown);
}
