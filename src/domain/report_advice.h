/* report_advice: what the summary advises, after the assessment (DESIGN.md
 * §4 rule 6; the domain review's F3, F14, F15): the referral — "refer" for
 * a child (under 18 when it began, or a minor now), "offer a referral" for
 * an adult — with the advice by form of exploitation when it is shown
 * without the means or without the act, and the consent to referral; what
 * is still unclear (elements, ages, the setting, the stop); and what to
 * ask next, keyed to the unclear elements, the open indicators and the
 * flags. Lines are added to a struct report (report_lines.h), which owns them;
 * the texts are in the interface language. */
#ifndef TIPSCREEN_REPORT_ADVICE_H
#define TIPSCREEN_REPORT_ADVICE_H

#include <stdbool.h>

#include "domain/assess.h"
#include "domain/report_lines.h"

/* The "Referral" section (SEC_REFERRAL). */
void report_advice_referral(struct report *r, const struct assessment *a,
			    const struct assess_input *in);

/* The "Still unclear" (SEC_UNCLEAR) and "What to ask next" (SEC_ASK)
 * sections; each only when it has something to say. */
void report_advice_unclear(struct report *r, const struct assessment *a,
			   const struct assess_input *in);

/* Whether the advice treats the person as a child: under 18 (or presumed)
 * when it began, or now. */
bool report_advice_child_case(const struct assessment *a);

#endif
