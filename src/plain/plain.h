/* plain: the line-mode front end, for screen readers, pipes and scripts.
 *
 * One prompt per question, numbered choices, y n d x (i where "intended" is
 * allowed) for the answer words, "<" back, "?" help and why we ask, "!" the
 * stop-and-refer screen, "+text" a note on the screen, "@fr" switches the
 * language (recorded with the interview; "@" lists the languages). It reads lines from
 * in and writes plain text (no escape sequences) to out. It only reads
 * keys and prints: the interview decides everything. */
#ifndef TIPSCREEN_PLAIN_H
#define TIPSCREEN_PLAIN_H

#include <stdio.h>

#include "domain/contacts.h"
#include "domain/langs.h"
#include "domain/profile.h"
#include "app/session.h"
#include "app/view.h"

struct plain_opts {
	const struct contacts *contacts;	/* may be NULL */
	const char *contacts_path;	/* for the "none configured" hint */
	int width;	/* columns to wrap prose to */
	const char *charset;	/* of typed input; NULL or UTF-8: none to convert */
	const struct langs *langs;	/* "@fr" switches among them; may be NULL */
	int second;	/* bilingual: index in langs of the respondent's language
			 * shown under each question, or -1 */
	const struct profile *law;	/* --law: the summary adds it; may be NULL */
	const struct view_training *training;	/* train: NULL for an interview */
};

/* Runs the session's interview to its end, every change committed through
 * the session. Returns 0 when it completed, 1 if the input ended first. */
int plain_run(struct session *ss, FILE *in, FILE *out, const struct plain_opts *o);

#endif
