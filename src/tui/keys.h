/* keys: every key of the wizard, in one table that also feeds the help
 * screen and the legend (tig REQ_INFO, dialog dlg_keys.h).
 *
 * Draw code never tests a key: it asks keys_action() what the key means
 * in the current context (a text field takes printable keys as text). */
#ifndef TIPSCREEN_KEYS_H
#define TIPSCREEN_KEYS_H

#include <stdbool.h>
#include <wchar.h>

/* X(enum suffix): every action; keys.c has what the help screen says. */
#define ACTION_TABLE(X) \
	X(NONE) \
	X(YES) \
	X(NO) \
	X(DONTKNOW) \
	X(DECLINED) \
	X(INTENDED) \
	X(NEXT) \
	X(BACK) \
	X(UP) \
	X(DOWN) \
	X(TOGGLE) \
	X(PAGE_UP) \
	X(PAGE_DOWN) \
	X(HELP) \
	X(PANEL) \
	X(NOTE) \
	X(STOP) \
	X(LANG) \
	X(REDRAW) \
	X(HIDE) \
	X(QUIT) \
	X(CHOOSE)

#define X_ENUM(e) ACT_##e,
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
