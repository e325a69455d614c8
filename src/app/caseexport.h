/* caseexport: one case as the exports print it (DESIGN §6) — the JSON
 * export and the text export (the case file of casefile.h with the summary
 * the wizard draws). One renderer for the laptop's `export` and the
 * office's `office show`: each loads the case its own way (the laptop
 * from its store, the office from the sealed bundle it opened) into a
 * struct caseexport, caseexport_replay replays it with the deck when the
 * deck can, then caseexport_json or caseexport_txt prints it.
 *
 * A struct caseexport owns its records and interview (caseexport_free);
 * id is borrowed. */
#ifndef TIPSCREEN_CASEEXPORT_H
#define TIPSCREEN_CASEEXPORT_H

#include <stdio.h>

#include "domain/assess.h"
#include "domain/deck.h"
#include "domain/interview.h"
#include "store/record.h"
#include "store/store.h"

struct profile;

struct caseexport {
	const char *id;
	struct store_case info;
	struct records r;
	struct interview *iv;	/* NULL: another deck, or not replayed */
	struct assessment a;
};

/* Replays x's records with dk when the case was answered with it (x->iv
 * then set, with its assessment); a case of another deck, or one that
 * does not replay, keeps x->iv NULL. */
void caseexport_replay(struct caseexport *x, const struct deck *dk);
/* Whether dk is not the deck the case was answered with. */
bool caseexport_other_deck(const struct store_case *c, const struct deck *dk);

/* The JSON export of x. */
void caseexport_json(FILE *out, const struct caseexport *x);
/* The text export: the case file, prose wrapped to width, with the
 * summary (and law's, when not NULL), made safe for a terminal. */
void caseexport_txt(FILE *out, const struct caseexport *x, int width, const struct profile *law);

/* The case's answer to the deck's slot as text (a new string), or NULL:
 * from the replayed interview (only an answer on its path), else from the
 * last record answering that question (a case of another deck). */
char *caseexport_answer(const struct caseexport *x, const struct deck *dk, int slot);

/* The assessment's JSON as recorded when the case finished, or NULL
 * (borrowed from r). */
const char *caseexport_recorded_assessment(const struct records *r);

void caseexport_free(struct caseexport *x);

#endif
