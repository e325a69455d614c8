/* page: what the wizard shows, as rows of styled text, without curses.
 *
 * page_build lays out one frame for a terminal of width x height: the title
 * with the element progress, the body (question, control, help panel), a
 * message line and the key legend, plus where the hardware cursor goes. The
 * curses front end only paints it, and tests compare it as text. A page
 * owns its strings: page_free. */
#ifndef TIPSCREEN_PAGE_H
#define TIPSCREEN_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/rows.h"
#include "tui/wizard.h"

/* Terminals smaller than this get the "too small" page. */
enum { PAGE_MIN_COLS = 40, PAGE_MIN_LINES = 12 };

struct page {
	int width, height;	/* of the terminal */
	bool too_small;
	struct row title;
	struct row *body;	/* every body row; the front end shows a window */
	int nbody;
	int top;		/* first body row shown (the wizard's scroll, clamped) */
	int shown;		/* body rows shown from top */
	int body_lines;		/* rows of the screen for the body, markers included */
	struct row more_up;	/* "↑ 3 more" on the body's first line, text NULL if
				 * nothing is hidden above */
	struct row more_down;	/* "↓ 2 more" on its last line, the same below */
	struct row *panel;	/* the help panel, shown under the body */
	int npanel;
	int panel_lines;	/* rows of the screen for the panel (may cut it) */
	struct row msg;
	struct row legend;
	int cursor_row, cursor_col;	/* on the screen; -1: hide the cursor */
	bool rtl;	/* right-to-left: the painter reorders and right-aligns rows;
			 * rows and the cursor column stay in logical order */
};

/* Lays out a frame for a terminal of width x height; w->page_rows and w->scroll are updated (clamped). */
void page_build(struct page *p, struct wizard *w, int width, int height);

/* The passphrase screen (pass.h), the same way. */
struct pass;
void page_build_pass(struct page *p, const struct pass *ps, bool ascii, int width, int height);

void page_free(struct page *p);

/* The page as plain text, one line per screen row, for tests: a new string. */
char *page_text(const struct page *p);

#endif
