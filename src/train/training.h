/* training: what a training session adds to the screen model (DESIGN §10):
 * the scenario's person's words per screen, for solo practice. The view
 * (app/view.h) draws them; this module, above it, builds them from a
 * scenario. Also the texts a session prints before it starts: the
 * interviewer's intro and the partner's card. */
#ifndef TIPSCREEN_TRAINING_H
#define TIPSCREEN_TRAINING_H

#include <stdbool.h>
#include <stdio.h>

#include "domain/deck.h"
#include "app/view.h"
#include "train/scenario.h"

/* Fills t for scenario s (borrowed) over deck dk: in solo practice, the
 * translated words the person says at each screen. Free with
 * training_view_free. */
void training_view_init(struct view_training *t, const struct scenario *s, const struct deck *dk,
			bool solo);
void training_view_free(struct view_training *t);

/* The interviewer's intro: the title and the setting only, never the
 * persona's inner facts or what the scenario teaches (those are the
 * partner's card and the debrief), in the current language. */
void training_intro(FILE *out, const struct scenario *s, bool solo, int width);

/* The role-play partner's card, printable: the persona, each question's
 * text and what to say, and what to do when asked anything else; no ids. */
void training_card(FILE *out, const struct scenario *s, const struct deck *dk, int width);

#endif
