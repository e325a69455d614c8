/* One key of the wizard as frontend_run takes it, for the tests that
 * drive the wizard without a terminal: wizard_input, then any action
 * through the door (session_do) and wizard_outcome, again while an
 * outcome has a move of its own. A front end itself
 * never calls session_do (make check): the loop does. */
#ifndef TIPSCREEN_WIZARD_DOOR_H
#define TIPSCREEN_WIZARD_DOOR_H

#include "app/session.h"
#include "tui/wizard.h"

static inline int wizard_key(struct wizard *w, const struct wizard_key *k)
{
	int rc = wizard_input(w, k);
	while (rc & W_ACTION)	/* an outcome may have its own next move (back to the review) */
		rc = (rc & ~W_ACTION) | wizard_outcome(w, session_do(w->ss, &w->pending));
	return rc;
}

#endif
