/* wizard: what the keys of the full-screen wizard do, without curses.
 *
 * The wizard holds only the state of the front end — focus, scroll, the
 * text being typed, the help panel — and turns keys into actions for the
 * door (wizard_input: W_ACTION, the action in w->pending); the session
 * applies them and the wizard shows the outcome (wizard_outcome). The
 * interview decides everything else. page.c draws it; tui.c reads keys and
 * paints, as the front end of app/frontend.h. Both this module and page.c
 * are tested without a terminal. The wizard borrows the session, the start
 * screen's view and the contacts. */
#ifndef TIPSCREEN_WIZARD_H
#define TIPSCREEN_WIZARD_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/contacts.h"
#include "domain/langs.h"
#include "app/frontend.h"
#include "app/session.h"
#include "app/view.h"
#include "tui/edit.h"
#include "tui/keys.h"

enum wizard_mode { W_START, W_INTERVIEW, W_HELP, W_DONE, W_QUIT };

/* What the focused control takes as typed characters. */
enum wizard_field { FIELD_NONE, FIELD_DIGITS, FIELD_TEXT };

/* Editing a field; EDIT_INSERT carries the character. */
enum edit_op { EDIT_NONE, EDIT_INSERT, EDIT_LEFT, EDIT_RIGHT, EDIT_HOME, EDIT_END,
	       EDIT_BACKSPACE, EDIT_DELETE };

struct wizard_key {
	enum action action;
	int number;	/* ACT_CHOOSE */
	enum edit_op op;
	uint32_t ch;	/* EDIT_INSERT */
};

/* What changed, for the loop to decide what to redraw; W_ACTION: an
 * action for the door is in w->pending. */
enum { W_REDRAW = 1, W_NEW_SCREEN = 2, W_HIDE = 4, W_END = 8, W_ACTION = 16 };

struct wizard {
	struct session *ss;	/* every change goes through it */
	const struct interview *iv;	/* the session's */
	const struct view_start *start;	/* the start screen's offers; may be NULL */
	const struct contacts *contacts;
	const char *contacts_path;
	const char *contacts_example;
	const struct profile *law;	/* --law: the summary adds it; may be NULL */
	const struct view_training *training;	/* train: NULL for an interview */
	enum wizard_mode mode;
	int screen;		/* the screen the focus state belongs to */
	int focus;		/* row of the control with the focus */
	bool focus_moved;	/* moved by the arrows since the screen appeared */
	int scroll;		/* first body row shown */
	int page_rows;		/* body rows visible, set by the front end */
	bool panel;		/* the help / why-we-ask panel */
	bool help_from_start;	/* the help screen was opened on the start screen */
	int help_scroll;	/* the scroll to go back to from the help screen */
	bool noting;		/* the note field has the focus */
	struct edit edit;	/* the number, text or note being typed */
	char msg[400];		/* one line for the interviewer, "" if none */
	const struct langs *langs;	/* F2 cycles through them; may be NULL */
	bool ascii;	/* the terminal is not UTF-8: text is shown in ASCII */
	bool bidi_terminal;	/* the terminal reorders right-to-left text itself */
	int review;		/* the review screen an edit from it goes back to, or -1 */
	int edit_slot;		/* the answer chosen on the review: its row takes the focus */
	bool then_review;	/* the pending answer given, back to the review */
	bool back_warned;	/* Esc said once that it drops the text typed */
	struct session_action pending;	/* W_ACTION: the action for the door */
	struct answer pending_answer;	/* its answer, owned */
	char *pending_text;	/* its note, owned */
};

/* A wizard on ss, on its start screen, with what o gives it (contacts,
 * law, training, the start's offers, languages, charset; NULL: none of
 * them, English, UTF-8). o itself is not kept; what it points to is
 * borrowed. */
void wizard_init(struct wizard *w, struct session *ss, const struct frontend_opts *o);
void wizard_free(struct wizard *w);

/* Which characters the current control takes as typing. */
enum wizard_field wizard_field(const struct wizard *w);

/* Applies one key to the wizard's own state. Returns W_* flags; with
 * W_ACTION, w->pending is an action for the door (valid until the next
 * key), whose outcome goes to wizard_outcome. */
int wizard_input(struct wizard *w, const struct wizard_key *k);

/* Shows what the door made of w->pending (o): the message, the next
 * screen or the end. Returns W_* flags. */
int wizard_outcome(struct wizard *w, enum session_outcome o);



#endif
