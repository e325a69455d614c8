/* line: what the two files of the line mode share (not for other
 * modules): its state, and the printing of a screen (screen.c) that the
 * front end (plain.c) calls. */
#ifndef TIPSCREEN_PLAIN_LINE_H
#define TIPSCREEN_PLAIN_LINE_H

#include <stdbool.h>
#include <stdio.h>

#include "app/actions.h"
#include "app/frontend.h"
#include "app/view.h"

/* What a line was: an action for the door, or one handled here (help, a
 * list, a refusal), after which the next line is read. */
enum got { G_ACTION, G_AGAIN };

struct plain {
	struct session *ss;
	const struct interview *iv;
	const struct deck *dk;
	FILE *in, *out;
	const struct frontend_opts *o;
	char *line;	/* the line read last, owned (getline's buffer) */
	size_t cap;
	int shown;	/* the screen printed last, -1: print it (again) */
	size_t item;	/* a checklist: the item asked */
	bool from_end;	/* back onto a checklist: its last item first */
	bool next_due;	/* the last item answered: on, without another line */
	bool begin_failed;	/* a new case could not be begun: ask before again */
	bool noting;	/* a text screen's "+" alone: the next line is the note */
	struct answer answer;	/* the action's answer, owned until the next */
	char *note;	/* the action's note, owned until the next */
};

/* The view's message for the session, on a line of its own, if it has
 * one: "NOT SAVED: ..." after a failed commit, the store's warning at the
 * start. */
void plain_message(struct plain *p, bool start);

/* plain_message after a commit failed: "NOT SAVED" and why. */
void plain_not_saved(struct plain *p);

/* text wrapped at the line mode's width, each line after indent. */
void plain_wrap(struct plain *p, const char *indent, const char *text);

/* A line made as printf makes it, wrapped at the line mode's width. */
void plain_say(struct plain *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The words the line mode takes, from the one action table. */
char *plain_words(const enum action *acts, size_t n);

/* The language in use and how to change it, when there is more than one. */
void plain_lang_line(struct plain *p);

/* "?": the item's and the screen's help, why we ask, and the keys. */
void plain_help(struct plain *p, const struct screen *sc, const char *item_help);

/* What slot's prompt asks for, with the answer words from the view
 * (plain.c's table of screen types): a new string. */
char *plain_prompt(const struct deck *dk, int slot);

/* What slot asks for, and its answer so far. */
void plain_ask_slot(struct plain *p, const struct screen *sc, int slot);

/* What the line mode says of an answer that does not fit slot: the
 * engine's reason, or what any answer of the kind is, in its own words. */
void plain_not_understood(struct plain *p, int slot, const char *why);

/* The numbered choices of a single or multiple choice screen. */
void plain_show_choices(struct plain *p, const struct screen *sc);

/* The checklist's item i, as the view has it, and its prompt. */
void plain_ask_item(struct plain *p, const struct screen *sc, size_t i);

/* "Press Enter to continue", with the keys that also work. */
void plain_wait_enter(struct plain *p);

/* The review as the view has it. */
void plain_review(struct plain *p);

/* The summary, or why the answers cannot make one: for a person at the
 * terminal (spoken) its short part, heard first, without codes unless
 * --codes; for a script all of it. */
void plain_summary(struct plain *p);

/* The summary's details, when s asks for them (a person at the terminal
 * typed "details"): true if it did. */
bool plain_details(struct plain *p, const char *s);

/* The referral contacts, or where to configure them. */
void plain_referral(struct plain *p);

/* The screen's header: training mark, section, progress, question, note. */
void plain_header(struct plain *p, const struct screen *sc);

#endif
