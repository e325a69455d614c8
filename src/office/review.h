/* review: a case's review states at the office (issue 22) — received (no
 * review yet), in-review, has-issues, approved, rejected — each step with
 * its reviewer, comment and time, kept in the append-only reviews table
 * (a case's state is its last step), each row authenticated with the
 * rows' key derived from the office key (db_office_key), and written to
 * the audit log by office_review (office.h).
 *
 * Strings passed in are borrowed; what a callback receives is valid only
 * during the call. Errors are DB_ codes with db_error. */
#ifndef TIPSCREEN_OFFICE_REVIEW_H
#define TIPSCREEN_OFFICE_REVIEW_H

#include <stdbool.h>

#include "office/db.h"

/* Whether s is one of the states a reviewer sets or filters by. */
bool review_state_valid(const char *s);
/* "received, in-review, has-issues, approved, rejected", for messages. */
extern const char review_states_list[];

/* Appends a step of case (laptop, id), inside the caller's transaction
 * (db_office_key given: its MAC). */
int review_add(struct db *db, const char *laptop, const char *id, const char *state,
	       const char *reviewer, const char *comment);

/* One step of a case's history; ok: its MAC holds (checked only when the
 * store has the office key, else true). */
struct review_step {
	const char *state, *reviewer, *comment, *at;
	bool ok;
};
/* Calls fn(arg, step) for each step of case (laptop, id), oldest first:
 * the number of steps, or a DB_ code. */
int review_history(struct db *db, const char *laptop, const char *id,
		   void (*fn)(void *arg, const struct review_step *s), void *arg);
/* The case's state (its last step's, or "received") into out (16 bytes):
 * 0, or a DB_ code. */
int review_state(struct db *db, const char *laptop, const char *id, char out[16]);

#endif
