/* deck_loader: what the reading of a deck's files (deck.c) and its linking
 * (deck_link.c) share while one deck is loaded. Private to those two files;
 * everything else opens a deck with deck_load (lint.h).
 *
 * The loader borrows the deck it fills and the diagnostics; it owns names,
 * which deck_parse frees. */
#ifndef TIPSCREEN_DECK_LOADER_H
#define TIPSCREEN_DECK_LOADER_H

#include <stddef.h>

#include "base/diag.h"

struct deck;

/* Everything the loader carries from stanza to stanza. */
struct deck_loader {
	struct deck *deck;
	struct diags *d;
	const char *file;	/* being read, or of the screen being linked */
	const char **names;	/* every name a guard may use, for suggestions */
	size_t nnames, capnames;
	size_t capscreens, capslots, capsections;	/* of deck->s, deck->slots, deck->sections */
};

/* Adds an error at line and col of L->file. */
void deck_err(struct deck_loader *L, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Links a deck read without errors: answer slots, the sorted indexes, the
 * special screens, every Next: (its target and its guard, typed), every
 * screen's section and the progress steps. Adds what is wrong to L->d. */
void deck_link(struct deck_loader *L);

#endif
