/* session: an interview whose every change is committed to the case store
 * before the next screen appears, and that can be resumed from it.
 *
 * Front ends make every change through a session; with no store (replay,
 * tests) it only forwards to the interview. Each change is one encrypted
 * paradata record (record.h: time, event, id, old and new value): answer,
 * note, stop (id "-" takes a stop back), at (a screen shown), lang (the
 * interview's language, new: "fr"), second (the respondent's language,
 * --second: new "fr", "" none), finish, then assessment (the summary's
 * JSON, kept so that a case answered with an older deck still shows it).
 * A case is begun with the deck's identity, and resumed only with the same
 * deck. The session borrows the interview and the store. */
#ifndef TIPSCREEN_SESSION_H
#define TIPSCREEN_SESSION_H

#include <stdbool.h>

#include "domain/interview.h"
#include "store/store.h"

struct catalog;
struct session;

/* A session on iv, recording into store (NULL: nothing is recorded). Both
 * are borrowed until session_free. */
struct session *session_new(struct interview *iv, struct store *store);
void session_free(struct session *s);

/* What a front end reads of a session; the strings are the session's,
 * valid until its next change. */
const struct interview *session_interview(const struct session *s);
const char *session_id(const struct session *s);	/* the case, "" before one */
const char *session_error(const struct session *s);	/* why the last change failed */
/* The last commit failed; cleared by the next that succeeds: the screen
 * says "not saved" meanwhile. */
bool session_unsaved(const struct session *s);
const char *session_why(const struct session *s);	/* S_REFUSED: what was expected */
/* S_CONTRADICTS: the input the answer would contradict (enum input_key),
 * or -1 when the answers already contradict and cannot be completed. */
int session_blame(const struct session *s);
bool session_recorded(const struct session *s);	/* it has a store */
/* The seconds spent on a screen: the time from each action to the next
 * is the current screen's (a training result's times per question). */
double session_seconds(const struct session *s, int screen);
/* The store's warning (store_notice), or NULL: a new string. */
char *session_notice(const struct session *s);

/* The respondent's language given for this run (--second: a tag, "fr"),
 * or NULL: none given. DO_BEGIN records it with the new case. DO_RESUME
 * keeps the case's when none is given, and records the one given when it
 * differs from the case's, so that the latest one given is remembered. */
void session_set_second(struct session *s, const char *tag);
/* The respondent's language in effect: the one given, else the case's
 * (once resumed); "" for none. The session's string. */
const char *session_second(const struct session *s);

/* ---- the one door (DESIGN §9) ---------------------------------------------
 * Every input of a front end is an action applied here. The session
 * validates it, commits its record, applies it, and moves only after the
 * record of the screen shown next is committed: a failed commit never
 * moves the interview, and changes nothing that was not recorded. */
enum session_verb {
	DO_ANSWER,	/* slot, answer: give or change an answer, stay */
	DO_NEXT,	/* forward; with an answer, give it to slot first */
	DO_BACK,	/* the previous screen (takes back a stop from the stop screen) */
	DO_EDIT,	/* screen: go to a screen on the path, from the review */
	DO_NOTE,	/* text: the note on the current screen ("" removes it) */
	DO_STOP,	/* stop now and refer: on to the stop screen */
	DO_LANG,	/* lang: the interview's language. Recorded (once a case
			 * exists), then made the interface's (i18n_use): a switch
			 * that cannot be recorded is not made */
	DO_BEGIN,	/* the start screen: a new case (once: a retry after a
			 * failed record keeps the case), its first screen,
			 * language and respondent's language recorded */
	DO_RESUME,	/* the start screen, text: resume that case (S_REFUSED:
			 * session_error says why), the language recorded, and the
			 * respondent's when one is given that differs */
};

struct session_action {
	enum session_verb verb;
	int slot;			/* DO_ANSWER, DO_NEXT with an answer */
	const struct answer *answer;	/* NULL: DO_NEXT gives none */
	int screen;			/* DO_EDIT */
	const char *text;		/* DO_NOTE; DO_RESUME: the case's id */
	const struct catalog *lang;	/* DO_LANG (NULL: English) */
};

enum session_outcome {
	S_DONE,		/* applied; still on the same screen */
	S_MOVED,	/* applied, and now on another screen */
	S_COMPLETE,	/* forward from the last screen: finished (session_finish), complete */
	S_REFUSED,	/* does not fit: session_why says what was expected */
	S_NOT_SAVED,	/* a commit failed (session_error, session_unsaved): not moved */
	S_NEEDS_ANSWER,	/* this screen cannot be left without an answer */
	S_FIRST,	/* back from the first screen */
	S_CONTRADICTS,	/* the answer would make the answers contradict each other (an
			 * age when it began above the age now), or going on would sum
			 * up or complete answers that do: not applied, not moved
			 * (session_why says how, session_blame which input) */
};

enum session_outcome session_do(struct session *s, const struct session_action *a);

/* True when slot must be answered before the interview goes past it: a
 * yes-no, single choice or number question (checklist items included); a
 * multiple choice or text answer may be left empty. */
bool session_needs_answer(const struct session *s, int slot);

struct records;
/* Replays the records of case id, already loaded (records_load), into the
 * new interview iv, the cursor back on the screen last shown, as DO_RESUME
 * does: for a caller that reads a case (export, bundle) and needs the
 * records too, so that they are decrypted once. 0, or -1 when a record
 * does not fit the deck (a case answered with another version). */
int session_replay(struct interview *iv, const char *id, const struct records *r);

#endif
