/* wizard_int: what wizard.c and wizard_answer.c share, not for other
 * modules: handing an answer or a move to the door, the focus, and the
 * keys of each screen type that takes an answer. */
#ifndef TIPSCREEN_WIZARD_INT_H
#define TIPSCREEN_WIZARD_INT_H

#include <stdbool.h>

#include "domain/answer.h"
#include "app/actions.h"

/* Not included: wizard.h includes this file's users, not the other way. */
struct wizard;
struct wizard_key;
struct screen;

/* An answer (or a word) to slot for the door: W_ACTION. */
int wizard_give(struct wizard *w, int slot, const struct answer *a);
int wizard_give_word(struct wizard *w, int slot, enum ind_value v);
/* Forward, giving a first (NULL: none) to the screen's slot: W_ACTION. */
int wizard_go_next(struct wizard *w, const struct answer *a);
/* The focus moved by by among rows: W_REDRAW, or 0 past either end. */
int wizard_move_focus(struct wizard *w, int rows, int by);
/* An edit of the field (digits: a number's, which takes only digits). */
int wizard_edit_key(struct wizard *w, const struct wizard_key *k, bool digits);
/* The answer word of an action, or IV_ABSENT. */
enum ind_value wizard_word_of(enum action a);

/* The keys of each screen type that takes an answer (wizard_answer.c). */
int wizard_key_yesno(struct wizard *w, const struct screen *sc, const struct wizard_key *k);
int wizard_key_single(struct wizard *w, const struct screen *sc, const struct wizard_key *k);
int wizard_key_multi(struct wizard *w, const struct screen *sc, const struct wizard_key *k);
int wizard_key_number(struct wizard *w, const struct screen *sc, const struct wizard_key *k);
int wizard_key_text(struct wizard *w, const struct screen *sc, const struct wizard_key *k);
int wizard_key_checklist(struct wizard *w, const struct screen *sc, const struct wizard_key *k);

#endif
