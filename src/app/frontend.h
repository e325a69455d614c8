/* frontend: the one front-end interface and the one loop that runs any
 * front end (DESIGN §9; cdebconf's struct frontend_module, tig's
 * view_ops). A front end is a table of operations: it opens, shows the
 * start screen from the view and turns what is chosen there into an
 * action, reads one action at a time on an interview screen, shows what an
 * action did, and closes. It never changes the interview itself:
 * frontend_run sends every action through the session (session_do), the
 * one door, and hands the outcome back to the front end to show. The
 * ncurses wizard (tui/tui.h: tui_frontend) and the line mode
 * (plain/plain.h: plain_frontend) are two such tables; an interview and a
 * training session differ only by the options they pass. */
#ifndef TIPSCREEN_FRONTEND_H
#define TIPSCREEN_FRONTEND_H

#include <stdbool.h>
#include <stdio.h>

#include "domain/contacts.h"
#include "domain/langs.h"
#include "domain/profile.h"
#include "app/session.h"
#include "app/view.h"

enum color_mode { COLOR_AUTO, COLOR_NEVER, COLOR_ALWAYS };

/* What a front end is given; everything borrowed for the run. Each front
 * end reads what concerns it and ignores the rest. */
struct frontend_opts {
	const struct view_start *start;	/* the start screen's offers */
	const struct contacts *contacts;	/* may be NULL */
	const char *contacts_path;	/* where they go, for the start screen's hint */
	const char *contacts_example;	/* the bundled example, for the same hint; may be NULL */
	const struct langs *langs;	/* the languages to switch among; may be NULL */
	int second;	/* bilingual: index in langs of the respondent's language given
			 * (--second), or -1; frontend_run hands it to the session,
			 * and a front end shows frontend_second's */
	const struct profile *law;	/* --law: the summary adds it; may be NULL */
	const struct view_training *training;	/* train: NULL for an interview */
	const char *charset;	/* the terminal's (typed text; the wizard shows ASCII unless UTF-8) */
	FILE *in, *out;		/* the line mode's input and output */
	int width;		/* the line mode: columns to wrap prose to */
	bool codes;		/* the line mode: the summary keeps its codes ([consistent-adult]) */
	bool spoken;		/* the line mode: a person at a terminal (else a script): the
				 * summary is short first, without codes unless codes */
	enum color_mode color;	/* the wizard */
	bool bidi_terminal;	/* the wizard: the terminal reorders right-to-left text */
};

/* What read and start return. */
enum frontend_input {
	FE_ACTION,	/* *a holds an action for the door */
	FE_LEAVE,	/* the person leaves, or the input ended */
};

struct frontend_ops {
	const char *name;
	/* Takes the terminal (or the streams) for s: the front end's state, or
	 * NULL when it cannot. s and o are borrowed until close. */
	void *(*open)(struct session *s, const struct frontend_opts *o);
	/* Shows the start screen (o->start) and reads until a choice: DO_BEGIN,
	 * DO_RESUME or DO_LANG, or leaving. A number that is no row is refused
	 * there (view_start_refused) and asked again. */
	enum frontend_input (*start)(void *fe, struct session_action *a);
	/* Shows the current screen as needed and reads until one action. */
	enum frontend_input (*read)(void *fe, struct session_action *a);
	/* What the door made of a (its outcome o): a message, the next screen. */
	void (*show)(void *fe, const struct session_action *a, enum session_outcome o);
	/* Gives the terminal back: 0, or 128 + the signal that ended the run.
	 * Frees the state. */
	int (*close)(void *fe);
};

/* The respondent's language to show under the questions, as an index in
 * l: the one given (frontend_opts.second), else the resumed case's
 * (session_second); -1 for none, or when l lacks it. */
int frontend_second(const struct session *s, const struct langs *l);

enum { FRONTEND_COMPLETE = 0, FRONTEND_LEFT = 1 };

/* Runs ops on s: the start screen until a case is begun or resumed, then
 * one action at a time through the door until the interview completes.
 * FRONTEND_COMPLETE, FRONTEND_LEFT (the person left or the input ended
 * first), 128 + a signal, or -1 when the front end could not open. */
int frontend_run(const struct frontend_ops *ops, struct session *s, const struct frontend_opts *o);

#endif
