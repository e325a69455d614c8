/* national: the assessment under a law profile (DESIGN.md §11), beside the
 * Protocol's, never instead of it.
 *
 * A pure function from the same struct assess_input and the Protocol's
 * struct assessment to a struct national: the child status at the profile's
 * child age; each of the profile's per-purpose rules read against the
 * answers (its purposes, the means that count for the person's group, its
 * act), and the rule the answers fit best giving each element's status and
 * whether the law requires it, the outcome (the outcome words of DESIGN
 * §4) and the flags; the profile's provisions cited; and each difference
 * from the Protocol in a sentence that names the provision that made it.
 * Then (national_text.c) the summary text ("Under <law>:") and the JSON
 * object "national".
 *
 * A struct national borrows its profile (which must outlive it) and owns
 * its sentences: national_free. */
#ifndef TIPSCREEN_NATIONAL_H
#define TIPSCREEN_NATIONAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "domain/assess.h"
#include "domain/profile.h"

struct national {
	const struct profile *p;	/* borrowed */
	const struct prof_rule *rule;	/* of p: the rule the answers fit best */
	enum child_status child, child_now;	/* at the profile's child age */
	enum outcome outcome;
	struct element_result el[EL_SMUGGLING];
	bool counted[IND_COUNT];	/* indicators the law's elements count */
	bool flag[FLAG_COUNT];
	bool cite[PROFILE_MAX_PROVISIONS];	/* indexes of p->prov */
	char **diff;	/* sentences, in the interface language where they are the
			 * program's; the profile's own notes in its language */
	size_t ndiff;
};

/* The assessment under p of the inputs that gave the Protocol's a (which
 * assess_run accepted). */
void national_assess(const struct profile *p, const struct assess_input *in,
		     const struct assessment *a, struct national *n);
void national_free(struct national *n);

/* The outcome in words under a profile, in the interface language. */
const char *national_outcome_title(enum outcome o);

/* The summary under the law, to follow the Protocol's: "Under <law>:", the
 * outcome, elements, flags, each difference, the provisions quoted verbatim
 * with their status (or cited alone, with why), the version of the texts
 * and that this is not legal advice. Prose wrapped to width columns. */
void national_text(FILE *out, const struct national *n, int width);

struct report;
/* The same summary as lines of the structured report (section
 * SEC_NATIONAL, after the Protocol's): headings and quoted law as they are,
 * prose to wrap, and in each quoted provision the spans of the words the
 * answers matched (report_mark), as in the Protocol's part, so that every
 * rendering highlights both. */
void national_report(struct report *r, const struct profile *p, const struct assess_input *in,
		     const struct assessment *a);

/* The member `"national": {...}` of the assessment JSON, preceded by ",\n"
 * and without a final newline: call it between report_json_open and the
 * closing brace. */
void national_json(FILE *out, const struct national *n);

/* national_report printed (report_print), for the places that print a
 * summary. */
void national_print(FILE *out, const struct profile *p, const struct assess_input *in,
		    const struct assessment *a, int width);

/* The assessment JSON (report_json), with "national" under p when p is not
 * NULL. */
void national_report_json(FILE *out, const struct profile *p, const struct assess_input *in,
			  const struct assessment *a);

#endif
