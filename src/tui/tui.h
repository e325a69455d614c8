/* tui: the full-screen ncurses wizard. It reads keys and paints pages; the
 * wizard and the interview decide everything. */
#ifndef TIPSCREEN_TUI_H
#define TIPSCREEN_TUI_H

#include <stdbool.h>

#include "domain/contacts.h"
#include "app/session.h"
#include "tui/page.h"

enum color_mode { COLOR_AUTO, COLOR_NEVER, COLOR_ALWAYS };

struct tui_opts {
	enum color_mode color;
	bool ascii;	/* the terminal is not UTF-8: transliterate */
	const char *charset;	/* the terminal's, for typed text when ascii */
	const struct contacts *contacts;
	const char *contacts_path;
	const struct store_case *resume;	/* unfinished cases to offer */
	size_t nresume;
	const struct langs *langs;	/* may be NULL: English only */
	int second;	/* bilingual: index in langs, or -1 */
	bool bidi_terminal;	/* --bidi terminal: leave reordering to the terminal */
	const struct profile *law;	/* --law, or NULL */
	const struct view_training *training;	/* train: NULL for an interview */
};

/* True if stdin and stdout are a terminal that can address the cursor
 * (not TERM=dumb); otherwise *why says why not (static). */
bool tui_usable(const char **why);

/* Curses takes the terminal (idempotent); tui_close gives it back, the
 * screen blanked. tui_run opens it if it is not already open, and closes
 * it when it returns. */
void tui_open(enum color_mode color);
void tui_close(void);

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

/* Runs the wizard on the session until the interview completes (returns 0) or the
 * interviewer leaves (1) or a signal ends it (128 + signal). The screen is
 * cleared on every way out. */
int tui_run(struct session *ss, const struct tui_opts *o);

/* For golden-screen tests: set up the colours, and paint a page on stdscr
 * (no refresh). */
void tui_theme(enum color_mode mode);
void tui_paint(const struct page *p, bool ascii);

#endif
