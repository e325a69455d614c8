/* actions: what a person can do on a screen, the same for every front end
 * (DESIGN §9; tig's request table). One X-macro row per action: its name,
 * what the help screen says of it, its word in the legend, and what the
 * line mode takes for it (a typed word, "<", "!"), so that the wizard's
 * help, its legend and the line mode's prompts come from one list and
 * cannot drift. The wizard's keys for each action are its bindings
 * (src/tui/keys.c); no translatable string names a key. Everything here is
 * static. */
#ifndef TIPSCREEN_ACTIONS_H
#define TIPSCREEN_ACTIONS_H

#include <stddef.h>

/* X(enum suffix, help text, legend word or NULL, line-mode word or NULL) */
#define ACTION_TABLE(X) \
	X(NONE, "", NULL, NULL) \
	X(YES, N_("answer yes (it happened)"), NC_("legend", "yes"), "y") \
	X(NO, N_("answer no"), NC_("legend", "no"), "n") \
	X(DONTKNOW, N_("answer don't know"), NC_("legend", "don't know"), "d") \
	X(DECLINED, N_("answer declined (the person does not want to say)"), NC_("legend", "declined"), "x") \
	X(INTENDED, N_("answer intended: told, planned or expected, not yet done"), NC_("legend", "intended"), "i") \
	X(NEXT, N_("confirm and go to the next screen"), NC_("legend", "next"), NULL) \
	X(BACK, N_("go back one screen (in a text field, only the last of these keys)"), NC_("legend", "back"), "<") \
	X(UP, N_("move up"), NULL, NULL) \
	X(DOWN, N_("move down"), NULL, NULL) \
	X(TOGGLE, N_("choose or unchoose the focused choice"), NULL, NULL) \
	X(PAGE_UP, N_("scroll up a page"), NULL, NULL) \
	X(PAGE_DOWN, N_("scroll down a page"), NULL, NULL) \
	X(FIRST, N_("the first row of the review (elsewhere: the top)"), NULL, NULL) \
	X(LAST, N_("the last row of the review (elsewhere: the end)"), NULL, NULL) \
	X(REVIEW, N_("back to the review, after changing an answer from it"), NC_("legend", "review"), NULL) \
	X(HELP, N_("this help: all keys, and help for the screen"), NC_("legend", "keys"), "?") \
	X(PANEL, N_("show or hide the interviewer's help and why we ask"), NC_("legend", "help"), NULL) \
	X(NOTE, N_("write a note on this screen"), NC_("legend", "note"), "+") \
	X(STOP, N_("stop now and refer (stop-and-refer screen)"), NC_("legend", "stop"), "!") \
	X(LANG, N_("switch the language: question, choices, help and summary"), NC_("legend", "language"), "@") \
	X(REDRAW, N_("redraw the screen"), NULL, NULL) \
	X(HIDE, N_("quick hide: blank the screen at once; any key brings it back"), NC_("legend", "hide"), NULL) \
	X(QUIT, N_("leave tipscreen"), NC_("legend", "quit"), NULL) \
	X(CHOOSE, N_("choose the choice with that number"), NULL, NULL)

#define X_ENUM(e, help, legend, line) ACT_##e,
enum action { ACTION_TABLE(X_ENUM) ACT_COUNT };
#undef X_ENUM

/* What the help screen says of a (English: pass it to _()). */
const char *action_help(enum action a);
/* Its word in the legend and in lists of keys (context "legend"; English:
 * pass it to C_("legend", ...)), or NULL. */
const char *action_word(enum action a);
/* What the line mode takes for it, or NULL; yes in the interface
 * language's own letter where it has one (o for oui, s for sí). */
const char *action_line(enum action a);
/* The action the line mode's word s stands for, or ACT_NONE ("y" is yes
 * in every language). */
enum action action_of_line(const char *s);

/* "y yes, n no, d don't know, x declined": each action's key (key(a), a
 * static string) and its legend word, in the interface language. A new
 * string. */
char *action_list(const enum action *acts, size_t n, const char *(*key)(enum action));

#endif
