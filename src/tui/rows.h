/* rows: the rows of styled text a page is made of (page.h), and the
 * builder that lays them out, wrapped to a width, with the focus and the
 * cursor: what page.c and page_report.c share. A row owns its text and
 * spans (page_free frees them). */
#ifndef TIPSCREEN_ROWS_H
#define TIPSCREEN_ROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/deck.h"

/* Styles; the theme maps each to colour and to a monochrome attribute. */
enum style { S_NORMAL, S_TITLE, S_QUESTION, S_FOCUS, S_CHOSEN, S_DIM, S_MARK, S_MSG,
	     S_MET, S_NOT_MET, S_UNCLEAR, S_COUNT };

struct span {
	size_t start, len;	/* bytes of the row's text */
	enum style style;
};

struct row {
	char *text;
	enum style style;
	struct span *spans;	/* drawn over the row's style; owned */
	int nspans;
	bool lead;	/* it begins an entry (not a blank or a wrapped line) */
};

struct page;
struct wizard;

struct builder {
	struct page *p;
	struct wizard *w;	/* NULL on the passphrase screen */
	int width;		/* for body text */
	int focus_row;		/* body row to keep visible, -1 if none */
	int cursor_row;		/* body row of the cursor, -1 if none */
	int cursor_col;
	struct row **rows;	/* the list being added to */
	int *nrows;
	bool ascii;		/* the terminal is not UTF-8: text in ASCII */
	int focus_end;		/* the row after the focused entry's last: kept in
				 * sight with it when the window has room */
};

/* Adds a span to a row (the row owns its spans). */
void rows_span(struct row *r, struct span sp);
/* Adds a row of text to the builder's list. */
struct row *rows_add(struct builder *b, const char *text, enum style style);
/* Adds text wrapped to the builder's width, the first row after first and
 * the others after as many spaces. Returns the index of the first row. */
int rows_wrapped(struct builder *b, const char *first, const char *text, enum style style);
void rows_blank(struct builder *b);
/* rows_wrapped for a hint (what the keys do): its rows are no entry, so
 * that "↓ 2 more" counts only the entries out of sight. */
void rows_hint(struct builder *b, const char *text);
/* Rows [from, to_excl) have the focus (when focused): the cursor goes there. */
void rows_focus(struct builder *b, int from, int to_excl, bool focused);
/* The question of an answer slot, first line, in the interface language. */
const char *rows_slot_text(const struct deck *dk, int slot);

#endif
