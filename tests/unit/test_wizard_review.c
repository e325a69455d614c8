/* The wizard's legend and its review, without a terminal: the safety keys
 * on every legend at 80 and 40 columns, the note editor's words, and
 * moving in the review and back to it after an edit. */
#include "bundled.h"

#include "domain/answers.h"
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
	wizard_init(&f->w, f->ss, NULL);
	struct wizard_key enter = { .action = ACT_NEXT };
	wizard_key(&f->w, &enter);
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

static const char *at(struct fixture *f)
{
	return deck->s[interview_current(f->iv)].id;
}

/* The legend line (the page's last) at w x h. */
static char *legend(struct fixture *f, int w, int h)
{
	struct page p;
	page_build(&p, &f->w, w, h);
	char *t = strdup(p.legend.text);
	page_free(&p);
	return t;
}

static char *shown(struct fixture *f, int w, int h)
{
	struct page p;
	page_build(&p, &f->w, w, h);
	char *t = page_text(&p);
	page_free(&p);
	return t;
}

/* The interview on screen id, every answer of an answers file given. */
static struct fixture *answered_at(const char *id)
{
	struct fixture *f = start();
	struct diags d = { 0 };
	struct stanza_file sf;
	assert_int_equal(stanza_read("tests/e2e/answers/adult-consistent.answers", &sf, &d), 0);
	assert_int_equal(answers_apply(f->iv, &sf, &d), 0);
	stanza_file_free(&sf);
	diags_free(&d);
	struct session_action go = { .verb = DO_EDIT, .screen = deck_screen_find(deck, id) };
	assert_int_equal(session_do(f->ss, &go), S_MOVED);
	f->w.focus = 0;
	act(f, ACT_REDRAW);	/* the wizard takes the screen it is on */
	return f;
}

static void assert_safety_keys(struct fixture *f, int w, int h)
{
	char *l = legend(f, w, h);
	assert_non_null(strstr(l, "^X hide"));
	assert_non_null(strstr(l, "^T stop"));
	free(l);
}

static void test_yes_no_legend_has_hide_and_stop_at_80_and_40(void **st)
{
	(void)st;
	struct fixture *f = answered_at("safety.private");
	assert_safety_keys(f, 80, 24);
	assert_safety_keys(f, 40, 12);
	char *l = legend(f, 80, 24);
	assert_non_null(strstr(l, "y yes"));
	free(l);
	done(f);
}

static void test_checklist_legend_keeps_answer_keys_at_40(void **st)
{
	(void)st;
	struct fixture *f = answered_at("act.checklist");
	assert_safety_keys(f, 80, 24);
	assert_safety_keys(f, 40, 12);
	char *l = legend(f, 40, 12);
	assert_non_null(strstr(l, "y n d x"));
	assert_null(strstr(l, "F1 keys"));	/* the answer keys take its place */
	free(l);
	done(f);
}

static void test_note_editor_legend_says_save_and_cancel(void **st)
{
	(void)st;
	struct fixture *f = start();
	act(f, ACT_NOTE);
	char *l = legend(f, 80, 24);
	assert_non_null(strstr(l, "Enter save note"));
	assert_non_null(strstr(l, "Esc cancel"));
	free(l);
	done(f);
}

static void test_review_home_end_and_page_keys_move_the_focus(void **st)
{
	(void)st;
	struct fixture *f = answered_at("review");
	int last = f->w.focus;
	assert_true(last > 20);	/* on "continue", below every answer */
	act(f, ACT_FIRST);
	assert_int_equal(f->w.focus, 0);
	char *t = shown(f, 80, 24);
	assert_non_null(strstr(t, "  1. "));
	free(t);
	act(f, ACT_PAGE_DOWN);
	assert_true(f->w.focus > 0);
	int down = f->w.focus;
	act(f, ACT_PAGE_UP);
	assert_true(f->w.focus < down);
	act(f, ACT_LAST);
	assert_int_equal(f->w.focus, last);
	done(f);
}

static void test_enter_on_a_review_row_opens_that_checklist_item(void **st)
{
	(void)st;
	struct fixture *f = answered_at("review");
	struct view_review rv;
	view_review(f->iv, &rv);
	int slot = deck_slot_find(deck, "act.moved");
	size_t row = 0;
	while (row < rv.n && rv.slots[row] != slot)
		row++;
	view_review_free(&rv);
	f->w.focus = (int)row;
	act(f, ACT_NEXT);
	assert_string_equal(at(f), "act.checklist");
	assert_int_equal(deck->s[interview_current(f->iv)].items[f->w.focus].slot, slot);
	char *l = legend(f, 80, 24);
	assert_non_null(strstr(l, "^R review"));
	free(l);
	act(f, ACT_REVIEW);
	assert_string_equal(at(f), "review");
	assert_int_equal(f->w.focus, (int)row);	/* back on the row changed */
	done(f);
}

/* The review's row of slot, focused. */
static void focus_row(struct fixture *f, int slot)
{
	struct view_review rv;
	view_review(f->iv, &rv);
	size_t row = 0;
	while (row < rv.n && rv.slots[row] != slot)
		row++;
	view_review_free(&rv);
	f->w.focus = (int)row;
}

static void test_enter_after_an_edit_goes_straight_back_when_later_answers_stand(void **st)
{
	(void)st;
	struct fixture *f = answered_at("review");
	size_t np, pos;
	const int *path = interview_path(f->iv, &np, &pos);
	int before = path[pos - 1];	/* the last question before the review */
	assert_true(deck->s[before].slot >= 0);
	focus_row(f, deck->s[before].slot);
	act(f, ACT_NEXT);
	assert_int_equal(interview_current(f->iv), before);
	act(f, ACT_YES);
	act(f, ACT_NEXT);
	assert_string_equal(at(f), "review");
	done(f);
}

static void test_enter_after_an_edit_stops_where_a_later_answer_is_missing(void **st)
{
	(void)st;
	struct fixture *f = answered_at("review");	/* the file leaves later questions open */
	focus_row(f, deck_slot_find(deck, "purpose.open"));
	act(f, ACT_NEXT);
	assert_string_equal(at(f), "purpose.open");
	act(f, ACT_NEXT);
	assert_string_not_equal(at(f), "review");
	assert_string_not_equal(at(f), "purpose.open");
	act(f, ACT_REVIEW);	/* the key goes back all the same */
	assert_string_equal(at(f), "review");
	done(f);
}

static void typed(struct fixture *f, const char *s)
{
	for (; *s; s++) {
		struct wizard_key k = { .op = EDIT_INSERT, .ch = (unsigned char)*s };
		wizard_key(&f->w, &k);
	}
}

static void test_esc_on_unconfirmed_text_asks_first(void **st)
{
	(void)st;
	struct fixture *f = answered_at("purpose.open");
	typed(f, " and more");
	act(f, ACT_BACK);
	assert_string_equal(at(f), "purpose.open");	/* stays, and says why */
	assert_non_null(strstr(f->w.msg, "Esc again goes back without it"));
	assert_non_null(strstr(f->w.edit.buf, "and more"));
	act(f, ACT_BACK);
	assert_string_not_equal(at(f), "purpose.open");	/* the second Esc goes */
	done(f);
}

static void test_esc_on_a_field_as_given_goes_back_at_once(void **st)
{
	(void)st;
	struct fixture *f = answered_at("purpose.open");	/* the field holds the answer */
	act(f, ACT_BACK);
	assert_string_not_equal(at(f), "purpose.open");
	done(f);
}

static void test_second_language_only_on_screens_read_to_the_person(void **st)
{
	(void)st;
	assert_false(view_read_to_person(deck, deck_screen_find(deck, "setup.role")));
	assert_false(view_read_to_person(deck, deck_screen_find(deck, "safety.private")));
	assert_true(view_read_to_person(deck, deck_screen_find(deck, "consent.agree")));
	assert_true(view_read_to_person(deck, deck_screen_find(deck, "act.open")));
	assert_true(view_read_to_person(deck, deck_screen_find(deck, "means.checklist")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yes_no_legend_has_hide_and_stop_at_80_and_40),
		cmocka_unit_test(test_checklist_legend_keeps_answer_keys_at_40),
		cmocka_unit_test(test_note_editor_legend_says_save_and_cancel),
		cmocka_unit_test(test_review_home_end_and_page_keys_move_the_focus),
		cmocka_unit_test(test_enter_on_a_review_row_opens_that_checklist_item),
		cmocka_unit_test(test_enter_after_an_edit_goes_straight_back_when_later_answers_stand),
		cmocka_unit_test(test_enter_after_an_edit_stops_where_a_later_answer_is_missing),
		cmocka_unit_test(test_esc_on_unconfirmed_text_asks_first),
		cmocka_unit_test(test_esc_on_a_field_as_given_goes_back_at_once),
		cmocka_unit_test(test_second_language_only_on_screens_read_to_the_person),
	};
	return cmocka_run_group_tests_name("wizard_review", tests, bundled_setup, bundled_teardown);
}
