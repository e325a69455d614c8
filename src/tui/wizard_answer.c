/* wizard_answer: what the keys do on the screens that take an answer
 * (yes-no, choices, a number, a text, a checklist): one function per
 * screen type, rows of wizard.c's table of screen types. Split from
 * wizard.c, whose state and door they share (wizard_int.h). */
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "app/view.h"
#include "tui/wizard.h"
#include "tui/wizard_int.h"

enum ind_value wizard_word_of(enum action a)
{
	switch (a) {
	case ACT_YES: return IV_YES;
	case ACT_NO: return IV_NO;
	case ACT_DONTKNOW: return IV_DONTKNOW;
	case ACT_DECLINED: return IV_DECLINED;
	case ACT_INTENDED: return IV_INTENDED;
	default: return IV_ABSENT;
	}
}

int wizard_move_focus(struct wizard *w, int rows, int by)
{
	int f = w->focus + by;
	if (f < 0 || f >= rows)
		return 0;
	w->focus = f;
	w->focus_moved = true;
	return W_REDRAW;
}

int wizard_key_yesno(struct wizard *w, const struct screen *sc, const struct wizard_key *k)
{
	enum ind_value rows[5];
	int n = view_yesno_rows(interview_deck(w->iv), sc->slot, rows);
	enum ind_value v = wizard_word_of(k->action);
	if (v != IV_ABSENT) {
		for (int i = 0; i < n; i++)
			if (rows[i] == v)
				w->focus = i;
		return wizard_give_word(w, sc->slot, v);
	}
	switch (k->action) {
	case ACT_UP: return wizard_move_focus(w, n, -1);
	case ACT_DOWN: return wizard_move_focus(w, n, 1);
	case ACT_TOGGLE: return wizard_give_word(w, sc->slot, rows[w->focus]);
	case ACT_NEXT: {
		/* Enter takes the row the arrows moved to when there is no answer yet. */
		struct answer a = { .kind = ANS_WORD, .word = rows[w->focus] };
		bool take = interview_get(w->iv, sc->slot)->kind == ANS_NONE && w->focus_moved;
		return wizard_go_next(w, take ? &a : NULL);
	}
	default: return 0;
	}
}

int wizard_key_single(struct wizard *w, const struct screen *sc, const struct wizard_key *k)
{
	int n = (int)sc->nchoices;
	struct answer a = { .kind = ANS_CHOICE };
	switch (k->action) {
	case ACT_CHOOSE:
		if (k->number > n)
			return 0;
		w->focus = a.choice = k->number - 1;
		return wizard_give(w, sc->slot, &a);
	case ACT_DONTKNOW:
	case ACT_DECLINED: return wizard_give_word(w, sc->slot, wizard_word_of(k->action));
	case ACT_UP: return wizard_move_focus(w, n, -1);
	case ACT_DOWN: return wizard_move_focus(w, n, 1);
	case ACT_TOGGLE:
		a.choice = w->focus;
		return wizard_give(w, sc->slot, &a);
	case ACT_NEXT:
		a.choice = w->focus;
		return wizard_go_next(w, interview_get(w->iv, sc->slot)->kind == ANS_NONE && w->focus_moved
				  ? &a : NULL);
	default: return 0;
	}
}

static int toggle_choice(struct wizard *w, const struct screen *sc, int c)
{
	const struct answer *cur = interview_get(w->iv, sc->slot);
	struct answer a = { .kind = ANS_MULTI, .multi = cur->kind == ANS_MULTI ? cur->multi : 0 };
	a.multi ^= 1u << c;
	if (!a.multi)
		a.kind = ANS_NONE;	/* nothing chosen is no answer, as in the line mode */
	w->focus = c;
	return wizard_give(w, sc->slot, &a);
}

int wizard_key_multi(struct wizard *w, const struct screen *sc, const struct wizard_key *k)
{
	int n = (int)sc->nchoices;
	switch (k->action) {
	case ACT_CHOOSE: return k->number <= n ? toggle_choice(w, sc, k->number - 1) : 0;
	case ACT_TOGGLE: return toggle_choice(w, sc, w->focus);
	case ACT_DECLINED: return wizard_give_word(w, sc->slot, IV_DECLINED);
	case ACT_UP: return wizard_move_focus(w, n, -1);
	case ACT_DOWN: return wizard_move_focus(w, n, 1);
	case ACT_NEXT: return wizard_go_next(w, NULL);	/* nothing chosen stays unanswered */
	default: return 0;
	}
}

int wizard_edit_key(struct wizard *w, const struct wizard_key *k, bool digits)
{
	switch (k->op) {
	case EDIT_INSERT:
		if (digits && (k->ch < '0' || k->ch > '9'))
			return 0;
		return edit_insert(&w->edit, k->ch) ? W_REDRAW : 0;
	case EDIT_LEFT: edit_left(&w->edit); return W_REDRAW;
	case EDIT_RIGHT: edit_right(&w->edit); return W_REDRAW;
	case EDIT_HOME: edit_home(&w->edit); return W_REDRAW;
	case EDIT_END: edit_end(&w->edit); return W_REDRAW;
	case EDIT_BACKSPACE: return edit_backspace(&w->edit) ? W_REDRAW : 0;
	case EDIT_DELETE: return edit_delete(&w->edit) ? W_REDRAW : 0;
	default: return 0;
	}
}

int wizard_key_number(struct wizard *w, const struct screen *sc, const struct wizard_key *k)
{
	if (k->op != EDIT_NONE)
		return wizard_edit_key(w, k, true);
	if (k->action == ACT_DONTKNOW || k->action == ACT_DECLINED) {
		edit_set(&w->edit, NULL);
		return wizard_give_word(w, sc->slot, wizard_word_of(k->action));
	}
	if (k->action != ACT_NEXT)
		return 0;
	struct answer a = { .kind = ANS_NUMBER, .number = w->edit.len ? strtol(w->edit.buf, NULL, 10) : 0 };
	return wizard_go_next(w, w->edit.len ? &a : NULL);
}

int wizard_key_text(struct wizard *w, const struct screen *sc, const struct wizard_key *k)
{
	if (k->op != EDIT_NONE)
		return wizard_edit_key(w, k, false);
	if (k->action == ACT_DECLINED) {	/* a key that is not text (F3) */
		edit_set(&w->edit, NULL);
		return wizard_give_word(w, sc->slot, IV_DECLINED);
	}
	if (k->action != ACT_NEXT)
		return 0;
	if (!w->edit.len && interview_get(w->iv, sc->slot)->kind == ANS_WORD)
		return wizard_go_next(w, NULL);	/* declined, kept as the line mode's Enter keeps it */
	struct answer a = { 0 };	/* an emptied field takes the answer back */
	if (w->edit.len) {
		a.kind = ANS_TEXT;
		a.text = text_sanitize(w->edit.buf);
	}
	int rc = wizard_go_next(w, &a);
	answer_clear(&a);
	return rc;
}

int wizard_key_checklist(struct wizard *w, const struct screen *sc, const struct wizard_key *k)
{
	int n = (int)sc->nitems;
	enum ind_value v = wizard_word_of(k->action);
	if (v != IV_ABSENT)
		return wizard_give_word(w, sc->items[w->focus].slot, v);	/* wizard_outcome moves on */
	switch (k->action) {
	case ACT_UP: return wizard_move_focus(w, n, -1);
	case ACT_DOWN: return wizard_move_focus(w, n, 1);
	case ACT_NEXT: return wizard_go_next(w, NULL);
	default: return 0;
	}
}
