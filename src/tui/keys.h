/* keys: every key of the wizard, in one table that also feeds the help
 * screen and the legend (tig REQ_INFO, dialog dlg_keys.h).
 *
 * Draw code never tests a key: it asks keys_action() what the key means
 * in the current context (a text field takes printable keys as text). */
#ifndef TIPSCREEN_KEYS_H
#define TIPSCREEN_KEYS_H

#include <stdbool.h>
#include <wchar.h>

/* X(enum suffix, what the help screen says) */
#define ACTION_TABLE(X) \
	X(NONE, "") \
	X(YES, "answer yes (it happened)") \
	X(NO, "answer no") \
	X(DONTKNOW, "answer don't know") \
	X(DECLINED, "answer declined (the person does not want to say)") \
	X(INTENDED, "answer intended: told, planned or expected, not yet done") \
	X(NEXT, "confirm and go to the next screen") \
	X(BACK, "go back one screen (Esc also in a text field)") \
	X(UP, "move up") \
	X(DOWN, "move down") \
	X(TOGGLE, "choose or unchoose the focused choice") \
	X(PAGE_UP, "scroll up a page") \
	X(PAGE_DOWN, "scroll down a page") \
	X(HELP, "this help: all keys, and help for the screen") \
	X(PANEL, "show or hide the interviewer's help and why we ask") \
	X(NOTE, "write a note on this screen") \
	X(STOP, "stop now and refer (stop-and-refer screen)") \
	X(REDRAW, "redraw the screen") \
	X(HIDE, "quick hide: blank the screen at once; any key brings it back") \
	X(QUIT, "leave tipscreen") \
	X(CHOOSE, "choose the choice with that number")

#define X_ENUM(e, text) ACT_##e,
enum action { ACTION_TABLE(X_ENUM) ACT_COUNT };
#undef X_ENUM

/* What a key does. code is the key (a character, or a curses KEY_ code when
 * fkey is true). In a text field printable characters are text (ACT_NONE).
 * For ACT_CHOOSE, *number is the digit. */
enum action keys_action(wint_t code, bool fkey, bool text_field, int *number);

/* The help screen: for each i from 0, the key names and the action text;
 * false after the last. */
bool keys_help_line(int i, const char **keys, const char **text);

/* The key names of an action for the legend ("y", "Enter", "^X"). */
const char *keys_legend(enum action a);

#endif
