/* debrief: a trainee's interview beside a scenario's expert key (DESIGN §10).
 *
 * debrief_make runs the expert's answers through the deck, assesses both
 * interviews and compares them question by question (the graded questions:
 * those with an `Expert:` answer that is not a text, on the expert's path)
 * and element by element (act, means, purpose, child, outcome), and the
 * flags. Then the text (critical misses first, each difference with its
 * teaching point and the law it concerns quoted verbatim) and the JSON.
 *
 * The graded questions are those the card and persona make knowable: a
 * question marked `Graded: no` is neither earned nor possible. The score:
 * each graded question is worth 1 point (3 if critical), each of the five
 * elements 2 points; the score is the points earned as a whole percentage
 * of the points possible, rounded down. A critical miss (the outcome, the
 * child element, a critical question, element or flag) fails the scenario
 * whatever the score; without one it is passed.
 *
 * A struct debrief borrows the scenario and the deck and owns the rest:
 * debrief_free. */
#ifndef TIPSCREEN_DEBRIEF_H
#define TIPSCREEN_DEBRIEF_H

#include <stdbool.h>
#include <stdio.h>

#include "domain/assess.h"
#include "domain/interview.h"
#include "train/scenario.h"

enum { DEBRIEF_QUESTION_POINTS = 1, DEBRIEF_CRITICAL_POINTS = 3, DEBRIEF_ELEMENT_POINTS = 2 };

struct debrief_question {
	const struct scenario_ask *q;	/* borrowed */
	char *trainee;	/* the trainee's answer in text form, or NULL: not asked */
	bool agree;
	double seconds;	/* on its screen (a checklist's items share it), or -1 */
};

struct debrief_part {
	const char *trainee, *expert;	/* static names: "met", "yes", "consistent-child" */
	bool agree;
};

struct debrief {
	const struct scenario *s;
	const struct deck *dk;
	struct assessment expert, trainee;
	struct debrief_question *qs;
	size_t nq;
	struct debrief_part part[PART_COUNT];
	bool flag_agree[FLAG_COUNT];
	int earned, possible, score;
	size_t ncritical;	/* critical misses */
	bool pass;		/* no critical miss */
	double seconds;		/* the whole session, or -1: no times */
};

/* Compares the trainee's interview with the scenario's key. Returns 0, or
 * -1 with *why when either set of answers contradicts itself. */
int debrief_make(const struct scenario *s, const struct deck *dk, const struct interview *trainee,
		 struct debrief *out, const char **why);
void debrief_free(struct debrief *d);

/* The seconds spent on each deck screen (n of them) of a live session:
 * each question's time, and the total. Without it there are no times. */
void debrief_times(struct debrief *d, const double *per_screen, size_t n);

/* The points, score, critical misses and pass of d from its questions'
 * and parts' agreement (debrief_make calls it; a test may too). */
void debrief_grade(struct debrief *d);

/* Whether a part (or flag) is a critical miss: it differs and the scenario
 * marks it critical (the child rule and the outcome are always critical). */
bool debrief_part_critical(const struct debrief *d, enum scenario_part p);
bool debrief_flag_critical(const struct debrief *d, enum flag f);

/* The debrief in words, wrapped to width. */
void debrief_text(FILE *out, const struct debrief *d, int width);

/* {"scenario","version","score","critical":[…],"elements":{…},"flags":{…},
 *  "questions":[…]} and a newline. */
void debrief_json(FILE *out, const struct debrief *d);

#endif
