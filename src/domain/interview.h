/* interview: the state machine that front ends drive (DESIGN.md §2).
 *
 * An interview holds the answers and a cursor. The path through the deck is
 * a pure function of the answers (and of where the stop key was pressed):
 * it is recomputed after every change, following each screen's first
 * `Next:` whose guard is true, with guards seeing only answers on the path
 * before them. Answers on screens that fall off the path are kept (the
 * review lists them as "will be discarded") but never assessed, and are
 * dropped by interview_finish.
 *
 * The interview borrows the deck, which must outlive it, and owns copies of
 * every answer and note. Front ends call nothing else to decide what comes
 * next. */
#ifndef TIPSCREEN_INTERVIEW_H
#define TIPSCREEN_INTERVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/answer.h"
#include "domain/assess.h"
#include "domain/deck.h"
#include "domain/inputs.h"

struct interview;

/* A new interview at the deck's first screen; free with interview_free. */
struct interview *interview_new(const struct deck *deck);
void interview_free(struct interview *iv);

const struct deck *interview_deck(const struct interview *iv);

/* The current screen (index into deck->s). */
int interview_current(const struct interview *iv);

/* The path as screen indexes, borrowed until the next change; *n is its
 * length and *pos the cursor's index in it. */
const int *interview_path(const struct interview *iv, size_t *n, size_t *pos);

bool interview_on_path(const struct interview *iv, int screen);
bool interview_slot_on_path(const struct interview *iv, int slot);

/* Records an answer (copied) and recomputes the path. Returns 0, or -1
 * with *why set if the answer does not fit the slot. */
int interview_answer(struct interview *iv, int slot, const struct answer *a, const char **why);

/* Whether the answers on the path contradict each other (DESIGN §4 rule
 * 1): NULL, or how (static, the words of inputs_contradiction), *key
 * (if key is not NULL) then naming the input to blame. An interview whose
 * answers contradict cannot be completed (session.h). */
const char *interview_contradiction(const struct interview *iv, enum input_key *key);

/* Whether answering slot with a would make answers that agree contradict
 * each other (an age when it began above the age now): NULL, or how (as
 * above). Changes nothing: the screen that would create a contradiction
 * refuses the answer (DESIGN §5 v3). NULL for an answer that does not fit
 * the slot (interview_answer says why). */
const char *interview_would_contradict(struct interview *iv, int slot, const struct answer *a,
				       enum input_key *key);

/* The answer to slot, borrowed until it changes; kind ANS_NONE if none. */
const struct answer *interview_get(const struct interview *iv, int slot);

/* The interviewer's note on a screen (borrowed, NULL if none); setting
 * NULL or "" removes it. */
const char *interview_note(const struct interview *iv, int screen);
void interview_set_note(struct interview *iv, int screen, const char *text);

/* Moves to the next screen on the path. Returns true, or false when the
 * current screen is the last one: the interview is then complete. */
bool interview_next(struct interview *iv);

/* Moves to the previous screen. Going back from the stop screen, when the
 * stop key led there, takes back the stop. Returns false at the start. */
bool interview_back(struct interview *iv);

/* Moves to a screen on the path (to edit it from the review). Returns false
 * if the screen is not on the path. */
bool interview_goto(struct interview *iv, int screen);

/* The global stop key: the path goes from the current screen to the stop
 * screen, then on to the summary and the close. */
void interview_stop(struct interview *iv);
/* The screen where the stop key was pressed, or -1. */
int interview_stopped_at(const struct interview *iv);
/* Records a stop at screen (or -1 to take it back), as replay does. */
void interview_set_stop(struct interview *iv, int screen);

/* For a replay: while held, answers and stops are recorded without making
 * the path again; interview_release makes it once, from what was recorded.
 * The same path and cursor as making it at every answer only when the
 * cursor is on the first screen (always on the path): interview_hold
 * refuses (false, nothing held) otherwise. */
bool interview_hold(struct interview *iv);
void interview_release(struct interview *iv);

/* True once interview_next has gone past the last screen. */
bool interview_complete(const struct interview *iv);

/* Answered slots that are off the path ("will be discarded"). Fills at most
 * max slot numbers into out and returns how many there are. */
size_t interview_discarded(const struct interview *iv, int *out, size_t max);

/* Drops the off-path answers (and notes), as when the interview completes. */
void interview_finish(struct interview *iv);

/* The assessment inputs of the answers on the path. */
void interview_inputs(const struct interview *iv, struct assess_input *in);

/* The assessment of the answers on the path (0, or -1 with *why). */
int interview_assess(const struct interview *iv, struct assessment *a, const char **why);

#endif
