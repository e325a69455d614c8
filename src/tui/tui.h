/* tui: the full-screen ncurses wizard, one front end of app/frontend.h
 * (tui_frontend). It reads keys and paints pages; the wizard and the
 * interview decide everything. */
#ifndef TIPSCREEN_TUI_H
#define TIPSCREEN_TUI_H

#include <stdbool.h>

#include "app/frontend.h"
#include "tui/page.h"

/* True if stdin and stdout are a terminal that can address the cursor
 * (not TERM=dumb); otherwise *why says why not (static). */
bool tui_usable(const char **why);

/* Curses takes the terminal (idempotent); tui_close gives it back, the
 * screen blanked. tui_frontend opens it if it is not already open, and closes
 * it when the run ends. */
void tui_open(enum color_mode color);
void tui_close(void);
/* The signal that asked curses to stop since tui_open, or 0: a screen of
 * its own (debrief.h) ends on it. */
int tui_stopped(void);

/* The passphrase screen, the wizard's first. */
struct tui_unlock {
	/* Called once the screen is drawn: reads the deck, the translations and
	 * the store while the person starts typing. 0, and *new_store true
	 * when the store has no passphrase yet; anything else ends the screen
	 * (TUI_FAILED). It must print nothing on the terminal. */
	int (*load)(void *ctx, bool *new_store);
	/* Unlocks the store with pass, or sets it as the new passphrase (set).
	 * 0 when done; a failed unlock writes nothing and counts as a wrong
	 * try. */
	int (*unlock)(void *ctx, const char *pass, bool set);
	void *ctx;
};
enum tui_unlocked { TUI_UNLOCKED, TUI_LEFT, TUI_WRONG, TUI_FAILED, TUI_PENDING };
/* Runs the passphrase screen (curses must be open): TUI_UNLOCKED, TUI_LEFT
 * (Esc, Ctrl-C), TUI_WRONG (three wrong passphrases), TUI_FAILED (the load
 * or setting the passphrase failed), or 128 + a signal. The passphrase
 * lives in wiped memory and is gone when it returns. */
int tui_unlock(const struct tui_unlock *u, bool ascii);

/* The wizard as a front end, for frontend_run: the screen is cleared on
 * every way out; a signal ends the run (128 + signal). */
extern const struct frontend_ops tui_frontend;

/* For golden-screen tests: set up the colours, and paint a page on stdscr
 * (no refresh). */
void tui_theme(enum color_mode mode);
void tui_paint(const struct page *p, bool ascii);

#endif
