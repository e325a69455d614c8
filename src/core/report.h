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

#include "assess.h"
#include "catalog.h"
#include "interview.h"

struct evidence {
	int indicator;
	const char *ctx;	/* borrowed: the screen or item id, or NULL */
	const char *text;	/* borrowed: a question, an item or the id, in English */
	enum ind_value value;
};

/* The answers behind the indicators, in path order: a new array the caller
 * frees; *n its length. */
struct evidence *report_evidence(const struct interview *iv, size_t *n);

/* The evidence of bare inputs: one entry per indicator present, with its id
 * as the text. */
struct evidence *report_evidence_inputs(const struct assess_input *in, size_t *n);

/* The summary as a structured report (DESIGN §9): sections of lines, each
 * printed as it is (indent NULL: headings, quoted law) or as prose wrapped
 * after its indent, and in quoted law the spans of the words the answers
 * matched. The text summary, the wizard's summary and the text export are
 * renderings of it; nothing parses the prose back. A report owns its
 * lines: report_free. */
enum report_section { SEC_TITLE, SEC_OUTCOME, SEC_CHILD, SEC_ELEMENTS, SEC_FLAGS, SEC_CAVEATS,
		      SEC_CITES, SEC_NATIONAL, SEC_REFERRAL, SEC_UNCLEAR, SEC_ASK };

struct report_span {
	size_t start, len;	/* bytes of the line's text */
};

struct report_line {
	enum report_section section;
	const char *indent;	/* NULL: as it is; else wrapped after it (static) */
	char *text;		/* one line, unwrapped ("" for a blank line) */
	struct report_span *spans;	/* matched law words */
	size_t nspans;
	bool quote;		/* a line of a quoted provision */
	int element;		/* an element's heading: its enum element + 1, else 0 */
};

struct report {
	struct report_line *v;
	size_t n;
};

void report_build(struct report *r, const struct assessment *a, const struct assess_input *in,
		  const struct evidence *ev, size_t nev);
void report_free(struct report *r);
/* Adds one line: text (taken) printed as it is (indent NULL) or wrapped
 * after indent (static). */
void report_add(struct report *r, enum report_section sec, const char *indent, char *text);
/* Moves every line of from to the end of r; from is left empty. */
void report_take(struct report *r, struct report *from);
/* Adds text of other lines (the national summary) to a report, a line of
 * prose each ("  - " items hang), under section sec. */
void report_add_text(struct report *r, enum report_section sec, const char *text);
/* A line of another part (the law profile's, national.h) added to r under
 * sec: text is taken; indent static, NULL for a line printed as it is.
 * Returned to set quote or add spans. */
struct report_line *report_line_add(struct report *r, enum report_section sec, const char *indent,
				    char *text);
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
const char *report_caveat_text(enum caveat c);

/* The words of a quoted text that the answers matched (the indicators
 * answered yes or intended whose words it contains), joined with "; "; a
 * new string ("" if none). lang is the text's language: its catalog gives
 * the words as that text has them (context "law"); NULL for English. */
char *report_matched_words(const struct assessment *a, const char *text,
			   const struct catalog *lang);

#endif
