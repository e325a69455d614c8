/* report_advice: what the summary advises, after the assessment (DESIGN.md
 * §4 rules 6 and 6b): the referral — the assessment's advice ids in words,
 * safety first, then "refer" or "offer a referral" by the age now, the form's
 * advice, the link to the act, recorded conditions and fees — and the
 * consent to referral; what is still unclear (elements, ages, the setting,
 * where it stopped); and what to ask next, keyed to the unclear elements,
 * the open indicators and the flags. Lines are added to a struct report (report_lines.h), which owns them;
 * the texts are in the interface language. */
#ifndef TIPSCREEN_REPORT_ADVICE_H
#define TIPSCREEN_REPORT_ADVICE_H

#include <stdbool.h>

#include "domain/assess.h"
#include "domain/report_lines.h"

struct evidence;	/* evidence.h */

/* The "Referral" section (SEC_REFERRAL, report_referral.c): the advice ids
 * in words in the order of rule 6b, the items recorded for the referral
 * (ev's EV_RECORDED) and the consent to referral. */
void report_advice_referral(struct report *r, const struct assessment *a,
			    const struct assess_input *in, const struct evidence *ev, size_t nev);

/* The "Still unclear" (SEC_UNCLEAR) and "What to ask next" (SEC_ASK)
 * sections; each only when it has something to say. A stop says where (ev's
 * EV_STOP). */
void report_advice_unclear(struct report *r, const struct assessment *a,
			   const struct assess_input *in, const struct evidence *ev, size_t nev);

#endif
