/* keys: the wizard's keys, in one table of bindings that also gives the
 * help screen and the legend their key names (tig's keymaps, dialog's
 * dlg_keys.h); what each action is and says is core/actions.h.
 *
 * Draw code never tests a key: it asks keys_action() what the key means
 * in the current context (a text field takes printable keys as text). */
#ifndef TIPSCREEN_KEYS_H
#define TIPSCREEN_KEYS_H

#include <stdbool.h>
#include <wchar.h>

#include "app/actions.h"

/* What a key does. code is the key (a character, or a curses KEY_ code when
 * fkey is true). In a text field printable characters are text (ACT_NONE).
 * For ACT_CHOOSE, *number is the digit. */
enum action keys_action(wint_t code, bool fkey, bool text_field, int *number);

/* The help screen: for each i from 0, the names of every key bound to the
 * action (a new string, "Left Backspace Esc") and the action's help text;
 * false after the last. The order is the bindings'. */
bool keys_help_line(int i, char **keys, const char **text);

/* The key the legend shows for an action ("y", "Enter", "^X"); static.
 * In a text field (text_field) only a key that works there ("F3", not "x"),
 * or "" if none does. */
const char *keys_key(enum action a, bool text_field);
/* keys_key(a, false) and keys_key(a, true), for action_list. */
const char *keys_legend(enum action a);
const char *keys_legend_text(enum action a);

#endif
