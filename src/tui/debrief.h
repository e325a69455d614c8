/* debrief: the training debrief as a screen of the wizard (DESIGN §10): a
 * scrollable page that a class can read on a projector, pass or fail and
 * the score on its first lines. The text comes from the caller (cmd/train,
 * from train/debrief), made again for the terminal's width on a resize. */
#ifndef TIPSCREEN_TUI_DEBRIEF_H
#define TIPSCREEN_TUI_DEBRIEF_H

#include "app/frontend.h"

/* The text for width columns: a new string the screen frees. */
typedef char *tui_debrief_text_fn(void *arg, int width);

/* Opens curses (tui_open), shows the text until q, Esc, Enter or Ctrl-C,
 * and gives the terminal back blanked. ↑ ↓ PgUp PgDn Space Home End
 * scroll. Returns 0, or 128 + a signal that ended it. */
int tui_debrief(tui_debrief_text_fn *text, void *arg, const char *title, enum color_mode color);

#endif
