#include "tui/keys.h"

#include <curses.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/catalog.h"

#define CTRL(c) ((c) & 0x1f)

struct binding {
	wint_t code;
	bool fkey;
	bool in_text;	/* also in a text field */
	enum action action;
	bool legend;	/* the key the legend shows for the action */
};

/* The bindings, in the order the help screen lists them; the first of an
 * action is the legend's unless another says legend. */
static const struct binding bindings[] = {
	{ 'y', false, false, ACT_YES, false },
	{ 'n', false, false, ACT_NO, false },
	{ 'd', false, false, ACT_DONTKNOW, false },
	{ 'x', false, false, ACT_DECLINED, false },
	{ KEY_F(3), true, true, ACT_DECLINED, false },	/* in a text field too */
	{ 'i', false, false, ACT_INTENDED, false },
	{ '\n', false, true, ACT_NEXT, true },
	{ '\r', false, true, ACT_NEXT, false },
	{ KEY_ENTER, true, true, ACT_NEXT, false },
	{ KEY_LEFT, true, false, ACT_BACK, false },
	{ KEY_BACKSPACE, true, false, ACT_BACK, false },
	{ 127, false, false, ACT_BACK, false },
	{ CTRL('H'), false, false, ACT_BACK, false },
	{ 27, false, true, ACT_BACK, true },
	{ KEY_UP, true, true, ACT_UP, false },
	{ 'k', false, false, ACT_UP, false },
	{ KEY_DOWN, true, true, ACT_DOWN, false },
	{ 'j', false, false, ACT_DOWN, false },
	{ ' ', false, false, ACT_TOGGLE, false },
	{ '1', false, false, ACT_CHOOSE, false },	/* 1 to 9: keys_action */
	{ KEY_PPAGE, true, true, ACT_PAGE_UP, false },
	{ KEY_NPAGE, true, true, ACT_PAGE_DOWN, false },
	{ KEY_HOME, true, false, ACT_FIRST, false },	/* in a text field: the edit's */
	{ KEY_END, true, false, ACT_LAST, false },
	{ CTRL('R'), false, true, ACT_REVIEW, false },
	{ KEY_F(1), true, true, ACT_HELP, true },
	{ '?', false, false, ACT_HELP, false },
	{ '\t', false, true, ACT_PANEL, false },
	{ CTRL('N'), false, true, ACT_NOTE, false },
	{ CTRL('T'), false, true, ACT_STOP, false },
	{ '!', false, false, ACT_STOP, false },
	{ KEY_F(2), true, true, ACT_LANG, false },
	{ 'l', false, false, ACT_LANG, false },
	{ CTRL('L'), false, true, ACT_REDRAW, false },
	{ CTRL('X'), false, true, ACT_HIDE, false },
	{ CTRL('C'), false, true, ACT_QUIT, false },
};

enum { NBINDINGS = sizeof bindings / sizeof bindings[0] };

enum action keys_action(wint_t code, bool fkey, bool text_field, int *number)
{
	if (!fkey && code >= '1' && code <= '9' && !text_field) {
		*number = (int)(code - '0');
		return ACT_CHOOSE;
	}
	for (size_t i = 0; i < NBINDINGS; i++) {
		const struct binding *b = &bindings[i];
		if (b->code == code && b->fkey == fkey && (b->in_text || !text_field))
			return b->action;
	}
	return ACT_NONE;
}

/* A key's name: short for the legend ("^X"), long for the help ("Ctrl-X"). */
static const char *binding_name(const struct binding *b, bool brief)
{
	static const struct { wint_t code; bool fkey; const char *name; } names[] = {
		{ '\n', false, "Enter" }, { KEY_ENTER, true, "" }, { '\r', false, "" },
		{ KEY_LEFT, true, "Left" }, { KEY_BACKSPACE, true, "Backspace" }, { 127, false, "" },
		{ CTRL('H'), false, "" }, { 27, false, "Esc" }, { KEY_UP, true, "Up" },
		{ KEY_DOWN, true, "Down" }, { ' ', false, "Space" }, { KEY_PPAGE, true, "PgUp" },
		{ KEY_NPAGE, true, "PgDn" },
		{ KEY_HOME, true, "Home" }, { KEY_END, true, "End" }, { KEY_F(1), true, "F1" }, { KEY_F(2), true, "F2" }, { KEY_F(3), true, "F3" },
		{ '\t', false, "Tab" }, { '1', false, "1-9" },
	};
	static char buf[16];
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].code == b->code && names[i].fkey == b->fkey)
			return names[i].name;
	if (!b->fkey && b->code < ' ')
		snprintf(buf, sizeof buf, brief ? "^%c" : "Ctrl-%c", (char)(b->code + '@'));
	else
		snprintf(buf, sizeof buf, "%lc", (wint_t)b->code);
	return buf;
}

/* The i-th action of the help screen, in the bindings' order. */
static enum action nth_action(int i)
{
	bool seen[ACT_COUNT] = { false };
	for (size_t k = 0; k < NBINDINGS; k++) {
		enum action a = bindings[k].action;
		if (seen[a])
			continue;
		seen[a] = true;
		if (i-- == 0)
			return a;
	}
	return ACT_NONE;
}

bool keys_help_line(int i, char **keys, const char **text)
{
	enum action a = i >= 0 ? nth_action(i) : ACT_NONE;
	if (a == ACT_NONE)
		return false;
	char *s = xstrdup("");
	for (size_t k = 0; k < NBINDINGS; k++) {
		const char *name = bindings[k].action == a ? binding_name(&bindings[k], false) : "";
		if (!*name)
			continue;
		char *t = xasprintf("%s%s%s", s, *s ? " " : "", name);
		free(s);
		s = t;
	}
	*keys = s;
	*text = _(action_help(a));
	return true;
}

const char *keys_key(enum action a, bool text_field)
{
	const struct binding *first = NULL;
	for (size_t k = 0; k < NBINDINGS; k++) {
		const struct binding *b = &bindings[k];
		if (b->action != a || (text_field && !b->in_text))
			continue;
		if (b->legend)
			return binding_name(b, true);
		if (!first)
			first = b;
	}
	return first ? binding_name(first, true) : "";
}

const char *keys_legend(enum action a)
{
	return keys_key(a, false);
}

const char *keys_legend_text(enum action a)
{
	return keys_key(a, true);
}
