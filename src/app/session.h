/* session: an interview whose every change is committed to the case store
 * before the next screen appears, and that can be resumed from it.
 *
 * Front ends make every change through a session; with no store (replay,
 * tests) it only forwards to the interview. Each change is one encrypted
 * paradata record (record.h: time, event, id, old and new value): answer,
 * note, stop (id "-" takes a stop back), at (a screen shown), lang (the
 * interview's language, new: "fr"), finish, then assessment (the summary's
 * JSON, kept so that a case answered with an older deck still shows it).
 * A case is begun with the deck's identity, and resumed only with the same
 * deck. The session borrows the interview and the store. */
#ifndef TIPSCREEN_SESSION_H
#define TIPSCREEN_SESSION_H

#include <stdbool.h>

#include "domain/interview.h"
#include "store/store.h"

struct session {
	struct interview *iv;
	struct store *store;	/* NULL: nothing is recorded */
	char id[STORE_ID_LEN + 1];	/* the case, "" before one exists */
	char err[256];		/* why the last commit failed */
	bool unsaved;		/* the last commit failed; cleared by the next that
				 * succeeds: the screen says "not saved" meanwhile */
	const char *why;	/* S_REFUSED: what was expected (static) */
	int shown;		/* the screen last recorded as shown */
	char lang[16];		/* the language last recorded, "" if none */
	int finished;		/* the steps of session_finish done (3: all) */
};

void session_init(struct session *s, struct interview *iv, struct store *store);

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
	DO_LANG,	/* text: the interview's language tag ("fr") */
};

struct session_action {
	enum session_verb verb;
	int slot;			/* DO_ANSWER, DO_NEXT with an answer */
	const struct answer *answer;	/* NULL: DO_NEXT gives none */
	int screen;			/* DO_EDIT */
	const char *text;		/* DO_NOTE, DO_LANG */
};

enum session_outcome {
	S_DONE,		/* applied; still on the same screen */
	S_MOVED,	/* applied, and now on another screen */
	S_COMPLETE,	/* forward from the last screen: finished (session_finish), complete */
	S_REFUSED,	/* does not fit: s->why says what was expected */
	S_NOT_SAVED,	/* a commit failed (s->err, s->unsaved): not moved */
	S_NEEDS_ANSWER,	/* this screen cannot be left without an answer */
	S_FIRST,	/* back from the first screen */
};

enum session_outcome session_do(struct session *s, const struct session_action *a);

/* True when slot must be answered before the interview goes past it: a
 * yes-no, single choice or number question (checklist items included); a
 * multiple choice or text answer may be left empty. */
bool session_needs_answer(const struct session *s, int slot);

/* Starts a new case in the store (once: a retry after a failed record
 * keeps the case), and records the first screen shown. */
int session_begin(struct session *s);

/* Loads case id and replays it into the (new) interview, the cursor back on
 * the screen last shown. -1 with s->err on an integrity error or a case
 * that does not fit the deck. */
int session_resume(struct session *s, const char *id);

struct records;
/* Replays records already loaded (records_load) into the (new) interview,
 * as session_resume does, so that a caller that needs the records too
 * decrypts them once. -1 with s->err when a record does not fit the deck. */
int session_replay(struct session *s, const char *id, const struct records *r);

/* The changes. Each returns 0 when recorded; -1 when the answer does not
 * fit the slot (*why); -2 when it could not be committed (s->err): the
 * interview is then left as it was, nothing says "saved". */
int session_answer(struct session *s, int slot, const struct answer *a, const char **why);
int session_note(struct session *s, int screen, const char *text);
int session_stop(struct session *s);
/* Back one screen; records a stop taken back. false at the start. */
bool session_back(struct session *s, int *rc);
/* Records the current screen when it differs from the last one shown
 * (session_do and session_begin do it for every move). */
int session_shown(struct session *s);
/* Records the interview's language (a tag, "fr") when it differs from the
 * last one recorded: at the start and at each switch. */
int session_lang(struct session *s, const char *tag);
/* The interview completed: the finish record (then drops off-path
 * answers), the assessment record, the case marked complete; each once, a
 * retry going on from the one that failed. DO_NEXT on the last screen does
 * it before the interview completes (S_COMPLETE), and stays (S_NOT_SAVED)
 * when it fails; a front end never calls it. */
int session_finish(struct session *s);

#endif
