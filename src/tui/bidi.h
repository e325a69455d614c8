/* bidi: a row of right-to-left text in the order a terminal shows it.
 *
 * Most terminals (xterm, the Linux console, tmux) draw characters in the
 * order they arrive, left to right, and do not join Arabic letters. For a
 * right-to-left language the wizard therefore reorders each wrapped row
 * with the Unicode bidirectional algorithm and shapes Arabic letters into
 * their presentation forms (FriBidi), after wrapping, as UAX #9 says.
 * Combining marks follow their base, as a terminal needs; directional
 * marks (LRM, isolates) steer the order and are left out of the result. No curses here:
 * tui.c paints the result; tests call it directly. */
#ifndef TIPSCREEN_BIDI_H
#define TIPSCREEN_BIDI_H

#include <stddef.h>
#include <stdint.h>

struct bidi_row {
	uint32_t *cp;		/* the code points in visual order, shaped */
	size_t *from;		/* the byte offset in the logical text of each */
	size_t n;
};

/* The UTF-8 text s (one line) in visual order, in a right-to-left
 * paragraph. Returns 0, or -1 for text that is not valid UTF-8. The caller
 * frees the row with bidi_row_free. */
int bidi_visual(const char *s, struct bidi_row *out);
void bidi_row_free(struct bidi_row *r);

#endif
