/* report: an assessment in words (the summary) and as JSON (DESIGN.md §4).
 *
 * The interview, `replay` and `assess` all print through these functions,
 * so the same inputs always read the same. Evidence lists the answers
 * behind each element; for `assess` they are the indicator ids. */
#ifndef TIPSCREEN_REPORT_H
#define TIPSCREEN_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "domain/assess.h"
#include "domain/catalog.h"
#include "domain/evidence.h"
#include "domain/interview.h"
#include "domain/report_lines.h"

/* The answers behind the indicators, in path order, then the recorded
 * items and the stop: a new array the caller frees; *n its length. */
struct evidence *report_evidence(const struct interview *iv, size_t *n);

/* The evidence of bare inputs: one entry per indicator present, with its id
 * as the text. */
struct evidence *report_evidence_inputs(const struct assess_input *in, size_t *n);

/* The summary's lines (report_lines.h), appended to r. */
void report_build(struct report *r, const struct assessment *a, const struct assess_input *in,
		  const struct evidence *ev, size_t nev);
/* Adds text of other lines (the national summary) to a report, a line of
 * prose each ("  - " items hang), under section sec. */
void report_add_text(struct report *r, enum report_section sec, const char *text);
/* Marks in l the spans of the words of matched (report_matched_words's
 * "; " list) wherever they occur in its text. */
void report_mark(struct report_line *l, const char *matched);
/* The text rendering: prose wrapped to width columns; quotes are not. */
void report_print(FILE *out, const struct report *r, int width);
/* The JSON rendering: an array of {"section", "text", "indent" (null: as it
 * is), "quote", "marks": [[start, length] in bytes of text, …]}. Sanitised
 * like every JSON string. */
void report_print_json(FILE *out, const struct report *r);

/* The summary: that a screening is not a legal determination, the outcome
 * in words, the child status then and now, the referral (report_advice.h),
 * each element with its status and the answers behind it, flags, caveats,
 * what is still unclear and what to ask next, and the cited provisions
 * quoted verbatim with the words matched: report_build then report_print. */
void report_text(FILE *out, const struct assessment *a, const struct assess_input *in,
		 const struct evidence *ev, size_t nev, int width);

/* s as a JSON string, without control, escape or bidi characters. */
void report_json_string(FILE *out, const char *s);

/* The assessment JSON of DESIGN §4, with a final newline. */
void report_json(FILE *out, const struct assessment *a);
/* The same without its closing brace and newline, for members to follow
 * (a law profile's "national"). */
void report_json_open(FILE *out, const struct assessment *a);

/* Sentences for the front ends, in the interface language; static. */
const char *report_outcome_title(enum outcome o);
const char *report_flag_text(enum flag f);
/* An element's status in words, translated ("met"; French "établie"). */
const char *report_element_status(enum element e, enum status st);
const char *report_caveat_text(enum caveat c);

/* The words of a quoted text that the answers matched (the indicators
 * answered yes or intended whose words it contains), joined with "; "; a
 * new string ("" if none). lang is the text's language: its catalog gives
 * the words as that text has them (context "law"); NULL for English. */
char *report_matched_words(const struct assessment *a, const char *text,
			   const struct catalog *lang);

#endif
