/* plain: the line-mode front end, for screen readers, pipes and scripts.
 *
 * One prompt per question, numbered choices, y n d x (i where "intended" is
 * allowed) for the answer words, "<" back, "?" help and why we ask, "!" the
 * stop-and-refer screen, "+text" a note on the screen, "@fr" switches the
 * language (recorded with the interview; "@" lists the languages). It reads lines from
 * in and writes plain text (no escape sequences) to out. It only reads
 * keys and prints: the interview decides everything, and every change
 * goes through the door (app/frontend.h runs it). */
#ifndef TIPSCREEN_PLAIN_H
#define TIPSCREEN_PLAIN_H

#include "app/frontend.h"

/* The line mode as a front end, for frontend_run: it reads lines from
 * o->in and writes to o->out, the prose wrapped to o->width. At the start
 * it offers the unfinished interviews to resume, when there are any. */
extern const struct frontend_ops plain_frontend;

#endif
