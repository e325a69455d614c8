/* edit: a one-line UTF-8 text field, without curses.
 *
 * The cursor moves and deletes by character — a base character with the
 * combining marks after it — never by byte; widths are display columns, so
 * wide (CJK) characters take two. The field owns its buffer: edit_free. */
#ifndef TIPSCREEN_EDIT_H
#define TIPSCREEN_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct edit {
	char *buf;	/* NUL-terminated UTF-8 */
	size_t len, cap;
	size_t cur;	/* byte offset of the cursor, on a character boundary */
	size_t max;	/* most bytes it takes; 0 for the default (ANSWER_TEXT_MAX) */
};

/* Replaces the content with text (NULL for empty), cursor at the end. */
void edit_set(struct edit *e, const char *text);
/* Inserts one code point at the cursor; control characters and invalid
 * code points are refused (false). */
bool edit_insert(struct edit *e, uint32_t cp);
/* Deletes the character before / under the cursor. */
bool edit_backspace(struct edit *e);
bool edit_delete(struct edit *e);
void edit_left(struct edit *e);
void edit_right(struct edit *e);
void edit_home(struct edit *e);
void edit_end(struct edit *e);
/* The display column of the cursor. */
int edit_cursor_col(const struct edit *e);
void edit_free(struct edit *e);

#endif
