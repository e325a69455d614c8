/* answers: an answers file, the answers of one interview keyed by screen
 * or item id, as `replay` and scenario files take them:
 *
 *   safety.private: yes
 *   age.at-act: 16
 *   act.recruited: yes
 *   stop-at: means.open        (optional: where the stop key was pressed)
 *
 * Values are the text forms of answer.h. Answers to screens off the path
 * are accepted (the path decides what counts), just as in an interview. */
#ifndef TIPSCREEN_ANSWERS_H
#define TIPSCREEN_ANSWERS_H

#include "base/diag.h"
#include "base/stanza.h"
#include "domain/interview.h"

/* Gives every answer of the first stanza of f to iv. Returns 0, or -1 after
 * adding each unknown id or bad value, with its line and column, to d. */
int answers_apply(struct interview *iv, const struct stanza_file *f, struct diags *d);

#endif
