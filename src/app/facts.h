/* facts (engine side): a case's statistical facts (domain/facts.h), as
 * `tipscreen bundle` carries them to the office (DESIGN §12). The command
 * only gathers the cases; what a fact is and how it is computed is here
 * and in the facts table. The caller owns the struct facts it passes
 * (facts_free). */
#ifndef TIPSCREEN_APP_FACTS_H
#define TIPSCREEN_APP_FACTS_H

#include "domain/assess.h"
#include "domain/facts.h"
#include "domain/interview.h"
#include "store/record.h"

/* The facts of the interview iv and its assessment a: the outcome, the
 * child status, the flags, the forms of exploitation (the purpose
 * indicators answered yes or intended, without "purpose."), the
 * interpreter, and the choices of the screens that declare "Fact: NAME".
 * A ONE fact without an answer is "unknown". 0 (it cannot fail today: the
 * int is for a fact that could). */
int facts_of(const struct interview *iv, const struct assessment *a, struct facts *out);

/* What facts_of_case needs of a stored case. */
struct facts_case {
	const char *id;
	const char *deck;	/* its deck identity, "" for the first store format */
	long long created;	/* seconds */
	const struct records *r;	/* its records, as they are now */
};

/* Every fact of case c: replayed with dk and assessed when it was answered
 * with dk (facts_of); else the outcome its assessment record kept, and
 * the answers of dk's fact screens when they are choices of dk's. Then the
 * month and the deck version from the case. A ONE fact that none of this
 * gives is "unknown". */
void facts_of_case(const struct deck *dk, const struct facts_case *c, struct facts *out);

#endif
