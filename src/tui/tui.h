/* tui: the full-screen ncurses wizard. It reads keys and paints pages; the
 * wizard and the interview decide everything. */
#ifndef TIPSCREEN_TUI_H
#define TIPSCREEN_TUI_H

#include <stdbool.h>

#include "../core/contacts.h"
#include "../core/session.h"
#include "page.h"

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
};

/* True if stdin and stdout are a terminal that can address the cursor
 * (not TERM=dumb); otherwise *why says why not (static). */
bool tui_usable(const char **why);

/* Runs the wizard on the session until the interview completes (returns 0) or the
 * interviewer leaves (1) or a signal ends it (128 + signal). The screen is
 * cleared on every way out. */
int tui_run(struct session *ss, const struct tui_opts *o);

/* For golden-screen tests: set up the colours, and paint a page on stdscr
 * (no refresh). */
void tui_theme(enum color_mode mode);
void tui_paint(const struct page *p, bool ascii);

#endif
