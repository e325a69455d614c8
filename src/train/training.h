/* training: what a training session adds to the screen model (DESIGN §10):
 * the scenario's person's words per screen, for solo practice. The view
 * (app/view.h) draws them; this module, above it, builds them from a
 * scenario. */
#ifndef TIPSCREEN_TRAINING_H
#define TIPSCREEN_TRAINING_H

#include <stdbool.h>

#include "domain/deck.h"
#include "app/view.h"
#include "train/scenario.h"

/* Fills t for scenario s (borrowed) over deck dk: in solo practice, the
 * translated words the person says at each screen. Free with
 * training_view_free. */
void training_view_init(struct view_training *t, const struct scenario *s, const struct deck *dk,
			bool solo);
void training_view_free(struct view_training *t);

#endif
