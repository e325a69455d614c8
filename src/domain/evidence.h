/* evidence: what an interview tells the summary beyond the assessment's
 * inputs (report.h builds it: report_evidence, report_evidence_inputs; the
 * summary's parts read it). A header of its own so that every part of the
 * summary can read it without including the summary's builder.
 *
 * The strings are borrowed from the deck the evidence was taken from (or
 * are static): the array lives no longer than the deck. */
#ifndef TIPSCREEN_EVIDENCE_H
#define TIPSCREEN_EVIDENCE_H

#include "domain/vocab.h"

/* What an interview tells the summary beyond the assessment's inputs: the
 * answers behind the indicators (EV_INDICATOR); the checklist items that
 * set none, answered yes, recorded for the referral (EV_RECORDED: the
 * conditions, a recruitment fee, the situation now); where a stopped
 * interview stopped (EV_STOP: the screen before the stop screen). */
enum evidence_kind { EV_INDICATOR, EV_RECORDED, EV_STOP };

struct evidence {
	int indicator;		/* EV_INDICATOR: enum indicator; else -1 */
	const char *ctx;	/* borrowed: the screen or item id, or NULL */
	const char *text;	/* borrowed: a question, an item or the id, in English */
	enum ind_value value;
	enum evidence_kind kind;
	const char *section;	/* EV_STOP: the section's title, in English */
};

#endif
