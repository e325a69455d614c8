#include "tui/wizard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "app/view.h"
#include "tui/wizard_int.h"

static const struct screen *current(const struct wizard *w)
{
	return &interview_deck(w->iv)->s[interview_current(w->iv)];
}

static void say(struct wizard *w, const char *msg)
{
	snprintf(w->msg, sizeof w->msg, "%s", msg);
}

static int yesno_rows(const struct deck *dk, int slot, enum ind_value *rows)
{
	return view_yesno_rows(dk, slot, rows);
}

/* The view's message for the session ("NOT SAVED: ..."), or none. */
static void message(struct wizard *w, bool start)
{
	char *m = view_message(w->ss, start);
	say(w, m ? m : "");
	free(m);
}

/* The review's rows: its answers, then "continue". */
static size_t review_rows(const struct wizard *w, struct view_review *rv)
{
	view_review(w->iv, rv);
	return rv->n + 1;
}

/* Where the focus and the field start on a screen of each type: on the
 * answer given so far, or the first item without one. */
static void enter_yesno(struct wizard *w, const struct screen *sc)
{
	const struct answer *a = interview_get(w->iv, sc->slot);
	enum ind_value rows[5];
	int n = a->kind == ANS_WORD ? yesno_rows(interview_deck(w->iv), sc->slot, rows) : 0;
	for (int i = 0; i < n; i++)
		if (rows[i] == a->word)
			w->focus = i;
}

static void enter_single(struct wizard *w, const struct screen *sc)
{
	const struct answer *a = interview_get(w->iv, sc->slot);
	if (a->kind == ANS_CHOICE)
		w->focus = a->choice;
}

static void enter_number(struct wizard *w, const struct screen *sc)
{
	const struct answer *a = interview_get(w->iv, sc->slot);
	char num[32];
	snprintf(num, sizeof num, "%ld", a->number);
	if (a->kind == ANS_NUMBER)
		edit_set(&w->edit, num);
}

static void enter_text(struct wizard *w, const struct screen *sc)
{
	const struct answer *a = interview_get(w->iv, sc->slot);
	if (a->kind == ANS_TEXT)
		edit_set(&w->edit, a->text);
}

static void enter_checklist(struct wizard *w, const struct screen *sc)
{
	for (size_t i = 0; i < sc->nitems; i++)
		if (sc->items[i].slot == w->edit_slot) {	/* the item chosen on the review */
			w->focus = (int)i;
			return;
		}
	for (size_t i = 0; i < sc->nitems; i++)
		if (interview_get(w->iv, sc->items[i].slot)->kind == ANS_NONE) {
			w->focus = (int)i;
			return;
		}
}

static void enter_review(struct wizard *w, const struct screen *sc)
{
	(void)sc;
	struct view_review rv;
	w->focus = (int)review_rows(w, &rv) - 1;	/* on "continue", or the row changed */
	for (size_t i = 0; i < rv.n; i++)
		if (rv.slots[i] == w->edit_slot)
			w->focus = (int)i;
	view_review_free(&rv);
	w->review = -1;
	w->edit_slot = -1;
}

/* From the table of screen types, below. */
static void enter_kind(struct wizard *w, const struct screen *sc);
static enum wizard_field field_kind(enum screen_type t);

/* Puts the focus and the field where a newly shown screen wants them. */
static void enter_screen(struct wizard *w)
{
	const struct screen *sc = current(w);
	w->screen = interview_current(w->iv);
	w->focus = 0;
	w->focus_moved = false;
	w->scroll = 0;
	w->noting = false;
	w->back_warned = false;
	edit_set(&w->edit, NULL);
	enter_kind(w, sc);
}

void wizard_init(struct wizard *w, struct session *ss, const struct frontend_opts *o)
{
	static const struct frontend_opts none = { .second = -1 };
	if (!o)
		o = &none;
	memset(w, 0, sizeof *w);
	w->ss = ss;
	w->iv = session_interview(ss);
	w->contacts = o->contacts;
	w->contacts_path = o->contacts_path;
	w->contacts_example = o->contacts_example;
	w->law = o->law;
	w->training = o->training;
	w->start = o->start;
	w->langs = o->langs;
	w->ascii = o->charset && !text_is_utf8_charset(o->charset);
	w->bidi_terminal = o->bidi_terminal;
	w->mode = W_START;
	w->page_rows = 10;
	w->review = -1;
	w->edit_slot = -1;
	enter_screen(w);
	message(w, true);	/* the store's warning, if it has one */
}

void wizard_free(struct wizard *w)
{
	edit_free(&w->edit);
	answer_clear(&w->pending_answer);
	free(w->pending_text);
	w->pending_text = NULL;
}

enum wizard_field wizard_field(const struct wizard *w)
{
	if (w->mode != W_INTERVIEW)
		return FIELD_NONE;
	if (w->noting)
		return FIELD_TEXT;
	return field_kind(current(w)->type);
}

/* Scrolls the body by a line or a page (page.c clamps it); 0 for another
 * action. */
static int scroll(struct wizard *w, enum action a)
{
	switch (a) {
	case ACT_UP: w->scroll = w->scroll > 0 ? w->scroll - 1 : 0; return W_REDRAW;
	case ACT_DOWN: w->scroll++; return W_REDRAW;
	case ACT_PAGE_UP:
		w->scroll = w->scroll > w->page_rows ? w->scroll - w->page_rows : 0;
		return W_REDRAW;
	case ACT_PAGE_DOWN: w->scroll += w->page_rows; return W_REDRAW;
	case ACT_FIRST: w->scroll = 0; return W_REDRAW;
	case ACT_LAST: w->scroll = 1 << 20; return W_REDRAW;	/* page.c clamps it */
	default: return 0;
	}
}

/* The help screen, from the top; the scroll comes back with the screen. */
static int open_help(struct wizard *w)
{
	w->help_from_start = w->mode == W_START;
	w->help_scroll = w->scroll;
	w->scroll = 0;
	w->mode = W_HELP;
	return W_REDRAW;
}

static void not_saved(struct wizard *w)
{
	message(w, false);
}

/* Hands an action to the door: kept, with a copy of its answer, in
 * w->pending until the next key. Returns W_ACTION. */
static int run(struct wizard *w, const struct session_action *a)
{
	answer_clear(&w->pending_answer);
	w->pending = *a;
	if (a->answer) {
		answer_copy(&w->pending_answer, a->answer);
		w->pending.answer = &w->pending_answer;
	}
	return W_ACTION;
}

/* Like run, for an action whose text is a new string: the wizard keeps it
 * until the next action. */
static int run_text(struct wizard *w, struct session_action *a, char *text)
{
	free(w->pending_text);
	w->pending_text = text;
	a->text = text;
	return run(w, a);
}

int wizard_give(struct wizard *w, int slot, const struct answer *a)
{
	struct session_action act = { .verb = DO_ANSWER, .slot = slot, .answer = a };
	return run(w, &act);
}

int wizard_give_word(struct wizard *w, int slot, enum ind_value v)
{
	struct answer a = { .kind = ANS_WORD, .word = v };
	return wizard_give(w, slot, &a);
}

/* Forward, giving a first (NULL: none) to the screen's slot. */
int wizard_go_next(struct wizard *w, const struct answer *a)
{
	struct session_action act = { .verb = DO_NEXT, .slot = current(w)->slot, .answer = a };
	return run(w, &act);
}

static int go(struct wizard *w, enum session_verb v)
{
	struct session_action act = { .verb = v };
	return run(w, &act);
}

static int key_review(struct wizard *w, const struct screen *sc, const struct wizard_key *k)
{
	(void)sc;
	struct view_review rv;
	int n = (int)review_rows(w, &rv);
	int slot = w->focus < n - 1 ? rv.slots[w->focus] : -1;
	view_review_free(&rv);
	int page = w->page_rows > 1 ? w->page_rows - 1 : 1;
	switch (k->action) {
	case ACT_UP: return wizard_move_focus(w, n, -1);
	case ACT_DOWN: return wizard_move_focus(w, n, 1);
	case ACT_PAGE_UP: return wizard_move_focus(w, n, w->focus > page ? -page : -w->focus);
	case ACT_PAGE_DOWN: return wizard_move_focus(w, n, w->focus + page < n ? page : n - 1 - w->focus);
	case ACT_FIRST: return wizard_move_focus(w, n, -w->focus);
	case ACT_LAST: return wizard_move_focus(w, n, n - 1 - w->focus);
	case ACT_NEXT: {
		if (slot < 0)
			return wizard_go_next(w, NULL);
		struct session_action edit = { .verb = DO_EDIT,
			.screen = interview_deck(w->iv)->slots[slot].screen };
		w->review = interview_current(w->iv);
		w->edit_slot = slot;
		return run(w, &edit);
	}
	default: return 0;
	}
}

static int key_page(struct wizard *w, const struct screen *sc, const struct wizard_key *k)
{
	(void)sc;
	return k->action == ACT_NEXT ? wizard_go_next(w, NULL) : scroll(w, k->action);
}

static int close_note(struct wizard *w)
{
	w->noting = false;
	edit_set(&w->edit, NULL);
	enter_screen(w);
	return W_REDRAW;
}

static int key_note(struct wizard *w, const struct wizard_key *k)
{
	if (k->op != EDIT_NONE)
		return wizard_edit_key(w, k, false);
	if (k->action == ACT_NEXT) {
		struct session_action note = { .verb = DO_NOTE };
		return run_text(w, &note, text_sanitize(w->edit.buf ? w->edit.buf : ""));
	}
	if (k->action != ACT_BACK)
		return 0;
	say(w, _("Note not changed."));
	return close_note(w);
}

/* The next language: the session records the switch and makes it (a
 * switch that cannot be recorded is not made); wizard_outcome redraws
 * everything in it. */
static int switch_lang(struct wizard *w)
{
	const struct langs *l = w->langs;
	if (!l || l->n < 2)
		return 0;
	struct session_action lang = { .verb = DO_LANG,
				       .lang = l->v[(langs_current(l) + 1) % (int)l->n] };
	return run(w, &lang);
}

/* The way back to the review an answer was chosen on: a number or a text
 * typed and not yet confirmed is given first; then the review. */
static int back_to_review(struct wizard *w)
{
	if (w->review < 0)
		return 0;
	const struct screen *sc = current(w);
	if (field_kind(sc->type) != FIELD_NONE && w->edit.len) {
		struct answer a = { 0 };
		if (sc->type == SCR_NUMBER) {
			a.kind = ANS_NUMBER;
			a.number = strtol(w->edit.buf, NULL, 10);
		} else {
			a.kind = ANS_TEXT;
			a.text = text_sanitize(w->edit.buf);
		}
		w->then_review = true;
		int rc = wizard_give(w, sc->slot, &a);
		answer_clear(&a);
		return rc;
	}
	struct session_action edit = { .verb = DO_EDIT, .screen = w->review };
	return run(w, &edit);
}

/* Whether the field holds typing that is not the answer given: what Esc
 * would drop. */
static bool unconfirmed(const struct wizard *w)
{
	const struct screen *sc = current(w);
	if (field_kind(sc->type) == FIELD_NONE)
		return false;
	const char *typed = w->edit.buf ? w->edit.buf : "";
	const struct answer *a = interview_get(w->iv, sc->slot);
	char num[32];
	if (a->kind == ANS_NUMBER)
		snprintf(num, sizeof num, "%ld", a->number);
	const char *given = a->kind == ANS_TEXT ? a->text : a->kind == ANS_NUMBER ? num : "";
	return strcmp(typed, given) != 0;
}

/* Back: the first Esc on a field with unconfirmed typing says what it
 * would drop and stays; the second goes back. */
static int back(struct wizard *w)
{
	if (unconfirmed(w) && !w->back_warned) {
		say(w, _("Not saved yet: Enter saves what you typed; Esc again goes back without it."));
		w->back_warned = true;
		return W_REDRAW;
	}
	return go(w, DO_BACK);
}

/* Keys every screen of the interview shares. Returns -1 if not one. */
static int key_common(struct wizard *w, const struct wizard_key *k)
{
	switch (k->action) {
	case ACT_HELP: return open_help(w);
	case ACT_PANEL: w->panel = !w->panel; return W_REDRAW;
	case ACT_REDRAW: return W_REDRAW;
	case ACT_LANG: return switch_lang(w);
	case ACT_HIDE: return W_HIDE;
	case ACT_QUIT: w->mode = W_QUIT; return W_END;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_FIRST:
	case ACT_LAST:
		if (current(w)->type == SCR_REVIEW)
			return -1;	/* the review moves its focus */
		return scroll(w, k->action);
	case ACT_REVIEW: return back_to_review(w);
	case ACT_STOP:
		w->review = -1;
		return go(w, DO_STOP);
	case ACT_NOTE: {
		struct view_header h;
		view_header(w->iv, &h);
		w->noting = true;
		edit_set(&w->edit, h.note);	/* the note so far, to change */
		return W_REDRAW;
	}
	case ACT_BACK: return back(w);
	default: return -1;
	}
}

/* What the wizard does on each screen type: one row per type, indexed as
 * the engine's table (answer.h: screen_kind) and the pages' (page.c). A
 * page: Enter goes on, the arrows scroll. */
struct screen_keys {
	int (*key)(struct wizard *w, const struct screen *sc, const struct wizard_key *k);
	enum wizard_field field;	/* what its control takes as typing */
	void (*enter)(struct wizard *w, const struct screen *sc);	/* where the focus starts */
};

#define PAGE_KEYS { key_page, FIELD_NONE, NULL }
static const struct screen_keys screen_keys[] = {
	[SCR_NOTE] = PAGE_KEYS,
	[SCR_YESNO] = { wizard_key_yesno, FIELD_NONE, enter_yesno },
	[SCR_SINGLE] = { wizard_key_single, FIELD_NONE, enter_single },
	[SCR_MULTI] = { wizard_key_multi, FIELD_NONE, NULL },
	[SCR_NUMBER] = { wizard_key_number, FIELD_DIGITS, enter_number },
	[SCR_TEXT] = { wizard_key_text, FIELD_TEXT, enter_text },
	[SCR_CHECKLIST] = { wizard_key_checklist, FIELD_NONE, enter_checklist },
	[SCR_REVIEW] = { key_review, FIELD_NONE, enter_review },
	[SCR_SUMMARY] = PAGE_KEYS,
	[SCR_REFERRAL] = PAGE_KEYS,
	[SCR_STOP] = PAGE_KEYS,
};
#undef PAGE_KEYS
_Static_assert(sizeof screen_keys / sizeof screen_keys[0] == SCR_TYPE_COUNT,
	       "a screen type without its row in the wizard's screen_keys");

static const struct screen_keys *keys_of(enum screen_type t)
{
	return &screen_keys[t];
}

static void enter_kind(struct wizard *w, const struct screen *sc)
{
	if (keys_of(sc->type)->enter)
		keys_of(sc->type)->enter(w, sc);
}

static enum wizard_field field_kind(enum screen_type t)
{
	return keys_of(t)->field;
}

static int key_screen(struct wizard *w, const struct wizard_key *k)
{
	const struct screen *sc = current(w);
	return keys_of(sc->type)->key(w, sc, k);
}

/* A key that is none of the start screen's choices: said, as the line
 * mode says it of a line. */
static int start_refused(struct wizard *w)
{
	static const struct view_start none = { NULL, 0 };
	char *m = view_start_refused(w->start ? w->start : &none);
	say(w, m);
	free(m);
	return W_REDRAW;
}

static int key_start(struct wizard *w, const struct wizard_key *k)
{
	switch (k->action) {
	case ACT_CHOOSE: {
		struct session_action resume;
		if (!w->start || view_start_pick(w->start, k->number, &resume) < 0)
			return start_refused(w);
		return run(w, &resume);
	}
	case ACT_NEXT: {
		struct session_action begin = { .verb = DO_BEGIN };
		return run(w, &begin);
	}
	case ACT_LANG: return switch_lang(w);
	case ACT_BACK:
	case ACT_QUIT: w->mode = W_QUIT; return W_END;
	case ACT_HELP: return open_help(w);
	case ACT_PANEL: w->panel = !w->panel; return W_REDRAW;
	case ACT_HIDE: return W_HIDE;
	case ACT_REDRAW: return W_REDRAW;
	default: {
		int rc = scroll(w, k->action);
		return rc ? rc : start_refused(w);
	}
	}
}

/* The help screen scrolls; any other key goes back where it was opened. */
static int key_help(struct wizard *w, const struct wizard_key *k)
{
	if (k->action == ACT_HIDE)
		return W_HIDE;
	if (scroll(w, k->action))
		return W_REDRAW;
	w->mode = w->help_from_start ? W_START : W_INTERVIEW;
	w->scroll = w->help_scroll;
	return W_REDRAW;
}

/* After a key or an outcome: a new screen takes the focus state; the
 * screen says "not saved" until a commit succeeds. */
static int settle(struct wizard *w, int rc)
{
	if (w->mode == W_INTERVIEW && interview_current(w->iv) != w->screen) {
		w->msg[0] = '\0';
		enter_screen(w);
		rc |= W_NEW_SCREEN | W_REDRAW;
	}
	if (session_unsaved(w->ss) && w->mode == W_INTERVIEW)
		not_saved(w);
	return rc;
}

int wizard_input(struct wizard *w, const struct wizard_key *k)
{
	int rc;
	switch (w->mode) {
	case W_START: return key_start(w, k);
	case W_HELP: return key_help(w, k);
	case W_INTERVIEW: break;
	default: return W_END;
	}
	if (k->op != EDIT_NONE)
		w->back_warned = false;	/* typed again: Esc asks again */
	if (w->noting)
		rc = key_note(w, k);
	else if (k->op == EDIT_NONE && (rc = key_common(w, k)) >= 0)
		;
	else
		rc = key_screen(w, k);
	return rc & W_ACTION ? rc : settle(w, rc);
}

/* The language switched (o): everything is redrawn in it. */
static int lang_switched(struct wizard *w, enum session_outcome o)
{
	if (o != S_DONE) {
		not_saved(w);
		return W_REDRAW;
	}
	char *label = langs_label(w->langs, langs_current(w->langs));
	snprintf(w->msg, sizeof w->msg, _("Language: %.300s"), label);
	free(label);
	return W_REDRAW;
}

/* Begun or resumed (S_MOVED): on to the interview's screen. */
static int started(struct wizard *w, enum session_outcome o)
{
	char *m = view_outcome(w->ss, &w->pending, o, keys_legend);
	if (m)
		say(w, m);
	free(m);
	if (o != S_MOVED)
		return W_REDRAW;
	message(w, true);	/* the store's warning stays; a refusal at the start does not */
	w->mode = W_INTERVIEW;
	enter_screen(w);	/* the start screen's scroll is not the question's */
	return W_NEW_SCREEN | W_REDRAW;
}

/* A checklist's item answered: the focus goes on to the next item. */
static void next_item(struct wizard *w)
{
	const struct screen *sc = current(w);
	if (sc->type == SCR_CHECKLIST && w->focus + 1 < (int)sc->nitems &&
	    sc->items[w->focus].slot == w->pending.slot)
		w->focus++;
}

static int moved(struct wizard *w, enum session_outcome o)
{
	const struct session_action *a = &w->pending;
	if (a->verb == DO_NOTE) {
		if (o != S_DONE) {
			not_saved(w);
			return W_REDRAW;	/* the note stays in the field */
		}
		say(w, _("Note saved."));
		return close_note(w);
	}
	char *m = view_outcome(w->ss, a, o, keys_legend);
	say(w, m ? m : "");
	free(m);
	if (a->verb == DO_ANSWER && o == S_DONE)
		next_item(w);
	switch (o) {
	case S_MOVED: return W_NEW_SCREEN | W_REDRAW;
	case S_COMPLETE: w->mode = W_DONE; return W_END;
	default: return W_REDRAW;
	}
}

/* After an edit chosen on the review: straight back to it, once the
 * answer is given (^R), or on Enter when every later answer still stands.
 * W_ACTION with the move in w->pending, or 0. */
static int to_review(struct wizard *w, enum session_verb verb, enum session_outcome o)
{
	bool then = w->then_review;
	w->then_review = false;
	if (w->review < 0 || w->mode != W_INTERVIEW)
		return 0;
	int to = then && o == S_DONE ? w->review
		 : verb == DO_NEXT && o == S_MOVED ? view_review_return(w->ss) : -1;
	if (to < 0 || to == interview_current(w->iv))
		return 0;
	struct session_action edit = { .verb = DO_EDIT, .screen = to };
	return run(w, &edit);
}

int wizard_outcome(struct wizard *w, enum session_outcome o)
{
	enum session_verb verb = w->pending.verb;
	switch (verb) {
	case DO_LANG: return settle(w, lang_switched(w, o));
	case DO_BEGIN:
	case DO_RESUME: return settle(w, started(w, o));
	default: break;
	}
	int rc = moved(w, o);
	int more = to_review(w, verb, o);
	return more ? (rc & ~(W_NEW_SCREEN)) | more : settle(w, rc);
}
