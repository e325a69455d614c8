/* view: the screen model (DESIGN §9). What a front end shows for the state
 * of an interview, decided once, here: the header (section and progress),
 * the yes-no rows a slot offers, the review (its numbered rows, the lists
 * of unanswered and declined ones, the answers that will be discarded) and
 * the summary as a structured report. The wizard and the line mode render
 * these and build none of their own; what may leave a screen is the
 * session's rule (session_needs_answer), and every change goes through
 * session_do. Also the checklist's items with their values, the message
 * line and the actions a legend lists. Nothing here has a fixed cap.
 * Results own their arrays (view_review_free, report_free, free) and borrow
 * their strings from the deck, the interview and the catalog until the
 * interview changes; view_message's string is new. Structs here may grow
 * members (a front end sets none of them itself). */
#ifndef TIPSCREEN_VIEW_H
#define TIPSCREEN_VIEW_H

#include <stddef.h>

#include "domain/interview.h"
#include "domain/report.h"
#include "store/store.h"
#include "app/actions.h"
#include "app/session.h"

/* ---- the start screen ----------------------------------------------------
 * What every front end offers before an interview: a new case, the
 * unfinished cases of this deck to resume (by their number), the language,
 * quit. Both front ends render it from here and send what was chosen
 * through the door (DO_BEGIN, DO_RESUME, DO_LANG); a number that is not a
 * row is refused (view_start_refused) and asked again, in both. */

/* The unfinished interviews a start screen offers to resume, newest first:
 * at most this many (one digit each), in every front end. */
enum { VIEW_RESUME_MAX = 9 };

struct view_resume {
	char id[STORE_ID_LEN + 1];
	char when[32];		/* its last change, local time: "2026-12-07 03:22" */
	int screen;		/* where it stopped, or -1 when it cannot be read */
	size_t left;		/* about how many screens are left from there */
	int role, place;	/* the setup's choices (role, place), or -1 */
};

/* What a start screen says of a case to resume, translated: "e89f…: Act —
 * about 14 screens left; Police officer, Office or interview room; last
 * change 2026-12-07 01:41". A new string. */
char *view_resume_text(const struct deck *dk, const struct view_resume *r);

struct view_start {
	struct view_resume *cases;	/* newest first, at most VIEW_RESUME_MAX; owned */
	size_t n;
};

/* The unfinished cases of deck dk in st that can be resumed: open, with
 * records, and begun with this deck (or of the first format, which has no
 * deck). st NULL (training): none. 0, or -1 with err when the store cannot
 * list them (never a short list that looks complete). */
int view_start(struct view_start *v, struct store *st, const struct deck *dk, char *err,
	       size_t errlen);
void view_start_free(struct view_start *v);

/* Row k of the start screen (1-based, as typed or pressed): 0 and *a the
 * action to resume it (a->text borrowed from v); -1 when there is no such
 * row. */
int view_start_pick(const struct view_start *v, long k, struct session_action *a);

/* What a start screen says of a choice that is not one of its rows: a new
 * string. */
char *view_start_refused(const struct view_start *v);

struct view_header {
	const char *section;	/* the section's title, translated */
	size_t pos, n;		/* screen pos (1-based) of the n on the path */
	size_t left;		/* about how many screens follow: the longest way on
				 * through the deck, which never grows going forward */
	int step;		/* the progress's step (deck->steps): the furthest of the
				 * path so far, so that it only goes forward; -1: none shown */
	const char *question;	/* translated, or NULL */
	const char *note;	/* the interviewer's note on the screen, or NULL */
	bool training;		/* a training session: mark the screen TRAINING */
	const char *says;	/* solo practice: what the person says, or NULL */
};

void view_header(const struct interview *iv, struct view_header *h);

/* "Act — about 18 screens left" for h, translated: a new string. */
char *view_progress(const struct view_header *h);

/* Whether screen is read to the person, so that a bilingual interview
 * shows it in the person's language too: every screen but those of the
 * sections that set the interview up (`Setup: yes`) and quote nothing to
 * read aloud (`Read this aloud: "...`, `Ask: "...`): the setup and the
 * safety checks are the interviewer's; the consent, which quotes its
 * script, is read. */
bool view_read_to_person(const struct deck *dk, int screen);

/* A training session (DESIGN §10): every screen is marked TRAINING and,
 * in solo practice, shows what the scenario's person says there (a
 * checklist: each item's words). training_view_init (train/training.h)
 * builds the texts, translated, per screen; training_view_free frees them.
 * The scenario is borrowed. */
struct scenario;
struct view_training {
	const struct scenario *scenario;
	bool solo;
	char **says;		/* per deck screen, owned, NULL where it says nothing */
	size_t n;
};
/* view_header, then the training mark and the person's words of t (t may
 * be NULL: not training). */
void view_header_training(const struct view_training *t, const struct interview *iv,
			  struct view_header *h);

/* The answer words a yes-no slot offers, in order: yes, intended (where
 * the slot allows it), no, don't know, declined. Returns how many (≤ 5). */
int view_yesno_rows(const struct deck *dk, int slot, enum ind_value rows[5]);

/* The answer words a slot takes, besides a typed number, text or choice:
 * a yes-no slot all of them (intended where allowed), a single choice or a
 * number don't know and declined, a multiple choice or a text declined.
 * Both front ends list these and nothing else. Returns how many (≤ 5). */
int view_answers(const struct deck *dk, int slot, enum action out[5]);

/* Whether the interview has stopped (the path up to the current screen
 * passes the stop screen): then no screen shows the elements' progress,
 * as someone the person fears may read it (DESIGN §5 v3). */
bool view_stopped(const struct interview *iv);

/* A choice of a single or multiple choice screen. */
struct view_choice {
	const char *label;	/* translated */
	bool chosen;
};

/* The choices of the current screen, with their states: a new array
 * (NULL when it has none), *n its length. */
struct view_choice *view_choices(const struct interview *iv, size_t *n);

/* A checklist item: its text and its answer so far, short. */
struct view_item {
	const char *label;	/* translated */
	const char *value;	/* "yes", "don't know" (translated, context "short"), "-" */
	bool answered;
	const struct item *item;	/* the deck's: id, text and help, for a second
					 * language or the item's help */
};

/* The items of the current checklist, in order: a new array (NULL when it
 * has none), *n its length. */
struct view_item *view_items(const struct interview *iv, size_t *n);

/* The line a screen shows under its body for the session's state, in the
 * interface language: while the last commit failed, that nothing was saved
 * and why; else, at the start of an interview (start), the store's warning
 * (store_notice: e.g. that a rollback could not be checked); else NULL. A
 * new string. */
char *view_message(const struct session *s, bool start);

/* What a front end says of the outcome o of session_do(s, a) on the
 * current screen, the answer words named by their keys (key: the wizard's
 * keys_legend, the line mode's action_line): that the first screen has no
 * back, what the screen needs before it can be left, what a refused answer
 * should have been, why a case cannot be resumed, or view_message's "NOT
 * SAVED"; NULL when there is nothing to say (done, moved, complete). A new
 * string. */
char *view_outcome(const struct session *s, const struct session_action *a,
		   enum session_outcome o, const char *(*key)(enum action));

/* Where a front end is, for the actions that apply. */
enum view_place {
	VIEW_START,	/* the start screen, or its help */
	VIEW_HELP,	/* the help screen of an interview screen */
	VIEW_SCREEN,	/* an interview screen */
	VIEW_EDIT,	/* an interview screen reached from the review: the way back too */
	VIEW_NOTE,	/* typing a note on it */
};
enum { VIEW_ACTIONS_MAX = 16 };

/* The actions of a legend, the most needed first (a narrow one shows only
 * the start): going on and back, then the safety keys (hide, and stop in
 * an interview), which every legend keeps at every width, the way back to
 * the review, the answer words the screen takes without a field to type
 * them in (yes-no and checklist), or declined on a text screen, the keys,
 * the help panel, and the language when there is more than one (langs).
 * Returns how many. */
int view_actions(const struct interview *iv, enum view_place at, bool langs,
		 enum action out[VIEW_ACTIONS_MAX]);

/* An action's word in a legend at a place (English, context "legend"):
 * what Enter and Esc do while a note is typed ("save note", "cancel"),
 * that Esc quits on the start screen; elsewhere action_word. */
const char *view_action_word(enum view_place at, enum action a);

/* The answer words among a legend's actions: on a narrow terminal they are
 * shown by their keys alone. */
bool view_action_is_answer(enum action a);

/* The review screen, when the interview can go straight back to it from
 * the current screen: it is on the path from here on, and every screen
 * before it from here that needs an answer has one (the later answers
 * still stand); else -1. */
int view_review_return(const struct session *s);

struct view_review {
	int *slots;		/* the answer slots on the path, in order: row i + 1 */
	size_t n;
	size_t *unanswered, nunanswered;	/* row numbers, 1-based */
	size_t *declined, ndeclined;
	int *discarded;		/* answered slots off the path: "will be discarded" */
	size_t ndiscarded;
};

void view_review(const struct interview *iv, struct view_review *r);
void view_review_free(struct view_review *r);

/* Where a finished interview stopped: the screen before the stop screen
 * on its path (the stop key's screen, or the safety question that stopped
 * it), or -1 when its path does not go through the stop screen. */
int view_stopped_at(const struct interview *iv);

struct contacts;
/* The referral screen's contacts (contacts_print's lines) for the person
 * of iv (by the age now: a child's, an adult's, or all when it is not
 * known) as lines of a report, to draw as the summary's are. When there
 * are none, one sentence that can be said in front of the person (never
 * a file's name): ask the supervisor for the numbers. Returns how many
 * contacts. */
size_t view_contacts(const struct contacts *c, const struct interview *iv, struct report *r);

/* The start screen's line while this laptop has no contacts (c NULL or
 * empty): where they go (path, may be NULL) and the example to start from
 * (example, may be NULL), for the interviewer before an interview; NULL
 * when there are contacts. A new string. */
char *view_contacts_missing(const struct contacts *c, const char *path, const char *example);

struct profile;
/* The summary of the answers on the path, followed by the assessment under
 * law (a --law profile) when it is not NULL: 0, or -1 when the answers
 * contradict each other (*why). */
int view_summary(const struct interview *iv, const struct profile *law, struct report *r,
		 const char **why);

#endif
