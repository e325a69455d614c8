/* lint: the checks of a deck that need every screen linked: reachability,
 * a way to the summary, cycles, text that must fit an 80x24 screen, and
 * the words: a statement in the third person for everything the summary
 * shows, and "victim" in no text of the deck.
 * deck_load runs them; they add to d and change nothing. Above deck.c: the
 * deck is parsed there, and opened (parsed, then linted) here. */
#ifndef TIPSCREEN_LINT_H
#define TIPSCREEN_LINT_H

#include "base/diag.h"
#include "domain/deck.h"

void lint_deck(const struct deck *deck, struct diags *d);

/* The check of a whole questionnaire, which `tipscreen check` adds to
 * lint_deck (a small deck for a test may leave indicators out): a deck
 * that records any indicator records every indicator of the vocabulary,
 * on some screen or item. (Every screen
 * is reachable: lint_deck.) */
void lint_indicators(const struct deck *deck, struct diags *d);

/* Opens the deck of dir: deck_parse, then lint_deck. Returns the deck
 * (caller frees with deck_free), or NULL after adding every problem found
 * to d. The one way a program opens a deck. */
struct deck *deck_load(const char *dir, struct diags *d);

/* Rows the screen's own text needs at DECK_COLS columns (question, then
 * choices, or the longest checklist item), as the wizard lays it out. */
int lint_screen_rows(const struct screen *sc);

/* Rows available for that text on a DECK_ROWS screen (title, progress,
 * legend and margins take the rest). */
enum { LINT_TEXT_ROWS = DECK_ROWS - 6, LINT_TEXT_COLS = DECK_COLS - 4 };

#endif
