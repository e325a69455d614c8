/* report_lines: the summary as a structured report (DESIGN §9), the lines
 * that report.c and report_advice.c add and every front end renders.
 * Below both, so that the advice can add its lines without knowing how the
 * summary is built. */
#ifndef TIPSCREEN_REPORT_LINES_H
#define TIPSCREEN_REPORT_LINES_H

#include <stdbool.h>
#include <stddef.h>

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

/* Frees every line of r and leaves it empty. */
void report_free(struct report *r);
/* Adds one line: text (taken) printed as it is (indent NULL) or wrapped
 * after indent (static). */
void report_add(struct report *r, enum report_section sec, const char *indent, char *text);
/* Moves every line of from to the end of r; from is left empty. */
void report_take(struct report *r, struct report *from);
/* A line of another part (the law profile's, national.h) added to r under
 * sec: text is taken; indent static, NULL for a line printed as it is.
 * Returned (borrowed, valid until the next line is added) to set quote or
 * add spans. */
struct report_line *report_line_add(struct report *r, enum report_section sec, const char *indent,
				    char *text);

#endif
