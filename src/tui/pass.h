/* pass: the wizard's first screen, the passphrase of the case store,
 * without curses.
 *
 * It asks for the passphrase of a store that has one (three tries, like
 * sudo), or for a new one twice (STORE_PASS_MIN characters or more, the two
 * the same), again on the spot when they are too short or differ. What is
 * typed stays in the struct and never reaches a page: each character shows
 * as one '*'. The caller allocates the struct in sodium_malloc memory so
 * that freeing it wipes the passphrase; it owns nothing else. page.c lays
 * it out (page_build_pass); tui.c reads the keys and does the unlocking. */
#ifndef TIPSCREEN_PASS_H
#define TIPSCREEN_PASS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/wizard.h"

enum { PASS_MAX = 1024, PASS_TRIES = 3 };

/* LOADING: drawn before the deck and the store are read; the keys typed
 * meanwhile wait in the terminal. */
enum pass_phase { PASS_LOADING, PASS_OLD, PASS_NEW, PASS_AGAIN };

/* What the caller does after a key. */
enum pass_result { PASS_NONE, PASS_REDRAW, PASS_UNLOCK, PASS_SET, PASS_HIDE, PASS_QUIT };

struct pass {
	enum pass_phase phase;
	char buf[PASS_MAX];	/* what is typed, NUL-terminated UTF-8 */
	char first[PASS_MAX];	/* a new passphrase, the first time */
	size_t len;
	int chars;		/* characters typed, one '*' each */
	int wrong;		/* wrong passphrases so far */
	bool utf8;		/* typed as UTF-8; false: one byte a character */
	char msg[300];		/* one line for the interviewer */
};

void pass_init(struct pass *ps);
/* The store is open: ask for its passphrase, or for a new one. */
void pass_ready(struct pass *ps, bool new_store);
/* Applies a key (the text-field keys: typing, Backspace, Enter, Esc,
 * Ctrl-X, Ctrl-C). PASS_UNLOCK: try buf on the store; PASS_SET: set buf as
 * the new passphrase. */
enum pass_result pass_key(struct pass *ps, const struct wizard_key *k);
/* A byte typed on a terminal that is not UTF-8, kept as it is: the same
 * passphrase as the line mode and --passphrase-file read there. */
enum pass_result pass_byte(struct pass *ps, unsigned char c);
/* The passphrase in buf was wrong: cleared, counted; false after the last
 * try. */
bool pass_wrong(struct pass *ps);
/* Empties both fields (after use: the buffers are wiped). */
void pass_clear(struct pass *ps);

#endif
