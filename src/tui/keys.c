#include "keys.h"

#include <curses.h>
#include <stddef.h>

#include "../core/catalog.h"

#define CTRL(c) ((c) & 0x1f)

struct binding {
	wint_t code;
	bool fkey;
	bool in_text;	/* also in a text field */
	enum action action;
};

/* The bindings, in the order the help screen lists them. */
static const struct binding bindings[] = {
	{ 'y', false, false, ACT_YES },
	{ 'n', false, false, ACT_NO },
	{ 'd', false, false, ACT_DONTKNOW },
	{ 'x', false, false, ACT_DECLINED },
	{ 'i', false, false, ACT_INTENDED },
	{ '\n', false, true, ACT_NEXT },
	{ '\r', false, true, ACT_NEXT },
	{ KEY_ENTER, true, true, ACT_NEXT },
	{ KEY_LEFT, true, false, ACT_BACK },
	{ KEY_BACKSPACE, true, false, ACT_BACK },
	{ 127, false, false, ACT_BACK },
	{ CTRL('H'), false, false, ACT_BACK },
	{ 27, false, true, ACT_BACK },
	{ KEY_UP, true, true, ACT_UP },
	{ 'k', false, false, ACT_UP },
	{ KEY_DOWN, true, true, ACT_DOWN },
	{ 'j', false, false, ACT_DOWN },
	{ ' ', false, false, ACT_TOGGLE },
	{ KEY_PPAGE, true, true, ACT_PAGE_UP },
	{ KEY_NPAGE, true, true, ACT_PAGE_DOWN },
	{ KEY_F(1), true, true, ACT_HELP },
	{ '?', false, false, ACT_HELP },
	{ '\t', false, true, ACT_PANEL },
	{ CTRL('N'), false, true, ACT_NOTE },
	{ CTRL('T'), false, true, ACT_STOP },
	{ '!', false, false, ACT_STOP },
	{ KEY_F(2), true, true, ACT_LANG },
	{ 'l', false, false, ACT_LANG },
	{ CTRL('L'), false, true, ACT_REDRAW },
	{ CTRL('X'), false, true, ACT_HIDE },
	{ CTRL('C'), false, true, ACT_QUIT },
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

struct help {
	const char *keys;
	enum action action;
};

static const struct help help_lines[] = {
	{ "y", ACT_YES }, { "n", ACT_NO }, { "d", ACT_DONTKNOW }, { "x", ACT_DECLINED },
	{ "i", ACT_INTENDED }, { "1-9", ACT_CHOOSE }, { "Space", ACT_TOGGLE },
	{ "Enter", ACT_NEXT }, { "Left Backspace Esc", ACT_BACK }, { "Up Down j k", ACT_DOWN },
	{ "PgUp PgDn", ACT_PAGE_DOWN }, { "F1 ?", ACT_HELP }, { "Tab", ACT_PANEL },
	{ "Ctrl-N", ACT_NOTE }, { "Ctrl-T !", ACT_STOP }, { "F2 l", ACT_LANG }, { "Ctrl-L", ACT_REDRAW },
	{ "Ctrl-X", ACT_HIDE }, { "Ctrl-C", ACT_QUIT },
};

static const char *const action_texts[ACT_COUNT] = {
	[ACT_NONE] = "",
	[ACT_YES] = N_("answer yes (it happened)"),
	[ACT_NO] = N_("answer no"),
	[ACT_DONTKNOW] = N_("answer don't know"),
	[ACT_DECLINED] = N_("answer declined (the person does not want to say)"),
	[ACT_INTENDED] = N_("answer intended: told, planned or expected, not yet done"),
	[ACT_NEXT] = N_("confirm and go to the next screen"),
	[ACT_BACK] = N_("go back one screen (Esc also in a text field)"),
	[ACT_UP] = N_("move up"),
	[ACT_DOWN] = N_("move down"),
	[ACT_TOGGLE] = N_("choose or unchoose the focused choice"),
	[ACT_PAGE_UP] = N_("scroll up a page"),
	[ACT_PAGE_DOWN] = N_("scroll down a page"),
	[ACT_HELP] = N_("this help: all keys, and help for the screen"),
	[ACT_PANEL] = N_("show or hide the interviewer's help and why we ask"),
	[ACT_NOTE] = N_("write a note on this screen"),
	[ACT_STOP] = N_("stop now and refer (stop-and-refer screen)"),
	[ACT_LANG] = N_("switch the language: question, choices, help and summary"),
	[ACT_REDRAW] = N_("redraw the screen"),
	[ACT_HIDE] = N_("quick hide: blank the screen at once; any key brings it back"),
	[ACT_QUIT] = N_("leave tipscreen"),
	[ACT_CHOOSE] = N_("choose the choice with that number"),
};

bool keys_help_line(int i, const char **keys, const char **text)
{
	if (i < 0 || (size_t)i >= sizeof help_lines / sizeof help_lines[0])
		return false;
	*keys = help_lines[i].keys;
	*text = help_lines[i].action == ACT_DOWN ? _("move the focus up and down")
		: help_lines[i].action == ACT_PAGE_DOWN ? _("scroll a page up or down")
		: _(action_texts[help_lines[i].action]);
	return true;
}

const char *keys_legend(enum action a)
{
	switch (a) {
	case ACT_YES: return "y";
	case ACT_NO: return "n";
	case ACT_DONTKNOW: return "d";
	case ACT_DECLINED: return "x";
	case ACT_INTENDED: return "i";
	case ACT_NEXT: return "Enter";
	case ACT_BACK: return "Esc";
	case ACT_HELP: return "F1";
	case ACT_PANEL: return "Tab";
	case ACT_NOTE: return "^N";
	case ACT_STOP: return "^T";
	case ACT_HIDE: return "^X";
	case ACT_QUIT: return "^C";
	case ACT_TOGGLE: return "Space";
	case ACT_PAGE_DOWN: return "PgDn";
	case ACT_LANG: return "F2";
	default: return "";
	}
}
