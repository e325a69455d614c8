/* scenario: a training scenario (DESIGN.md §10), read from a
 * screens/scenarios/NAME.scenario file and checked against the deck.
 *
 * The file is in the stanza format of the deck (stanza.h). The first stanza
 * says what the scenario is and what the expert concludes:
 *
 *   Scenario: farm-passport          an id: lower case, digits, '-' and '.'
 *   Version: 1                       a whole number, raised on each change
 *   Title: Strawberry picking, passport kept
 *   Audience: labour outreach        roles: setup.role choice codes of the deck
 *   Level: basic                     basic, intermediate or advanced
 *   Teaches: deception about the job; debt as coercion
 *   Persona: the person's inner facts: the role-play partner's card and
 *            the solo trainee's reading, never the interviewer's intro
 *   Setting: where the interview takes place: the interviewer's intro
 *            (optional; no teaching point, no inner fact)
 *   Outcome: consistent-adult        the expected outcome (DESIGN §3, §4)
 *   Flags: consent-irrelevant        expected flags, or "none"
 *   Cites: tip-3a tip-3b             expected citations
 *   Stop-At: means.open              optional: where the stop key is pressed
 *   Law: us                          optional: a law profile, with
 *   Law-Outcome: consistent-adult    the outcome expected under it and
 *   Law-Flags: none                  its flags
 *   Teaching-Cites: tip-art5         optional: teaching citations (law.h)
 *                                    the debrief quotes, never assessed
 *
 * Then one stanza per question (screen or checklist item id of the deck):
 *
 *   Ask: means.debt
 *   Says: what the person says (the role-play card, solo practice)
 *   Expert: yes                      the expert's answer (answer.h forms)
 *   Accept: dontknow                 other acceptable answers (optional);
 *                                    N-M accepts any number from N to M
 *   Graded: no                       the card and persona do not make the
 *                                    answer knowable: not counted (default yes)
 *   Critical: yes                    a miss here is critical (optional)
 *   Teaching: the teaching point shown when the trainee differs
 *
 * An age (age-at-act, age-now) is graded by the side of 18 it falls on:
 * 15 and 16 are the same answer for the Protocol; an `Accept:` range
 * replaces that rule where a scenario needs another one.
 *
 * A note screen may have `Says:` without `Expert:`. Teaching points about
 * an element (act means purpose child outcome) or a flag name:
 *
 *   About: child
 *   Critical: yes
 *   Teaching: ...
 *
 * A struct scenario owns all its strings: scenario_free. */
#ifndef TIPSCREEN_SCENARIO_H
#define TIPSCREEN_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "domain/assess.h"
#include "domain/deck.h"

enum { SCENARIO_MAX_ACCEPT = 8 };

enum scenario_level { LEVEL_BASIC, LEVEL_INTERMEDIATE, LEVEL_ADVANCED, LEVEL_COUNT };

/* One question: what the person says, the expert's key. */
struct scenario_ask {
	char *id;		/* screen or item id */
	int slot;		/* deck slot, or -1 for a screen without an answer */
	int screen;		/* deck screen of the id (an item's screen) */
	char *says;		/* or NULL */
	char *expert;		/* text form of the expert's answer, or NULL */
	char *accept[SCENARIO_MAX_ACCEPT];	/* further acceptable answers */
	size_t naccept;
	bool critical;
	bool ungraded;		/* Graded: no */
	char *teaching;		/* or NULL */
	int line;
};

/* The things `About:` may name besides flags: the debrief's elements. */
enum scenario_part { PART_ACT, PART_MEANS, PART_PURPOSE, PART_CHILD, PART_OUTCOME, PART_COUNT };

/* A teaching point about an element or a flag. */
struct scenario_point {
	int part;		/* enum scenario_part, or -1 for a flag */
	int flag;		/* enum flag, or -1 */
	bool critical;
	char *teaching;
	int line;
};

struct scenario {
	char *path;
	char *id, *title, *teaches, *persona;
	char *setting;		/* or NULL */
	long version;
	char **audience;	/* role codes */
	size_t naudience;
	enum scenario_level level;
	enum outcome outcome;
	bool flag[FLAG_COUNT];
	bool cite[CITE_COUNT];
	int stop_at;		/* screen, or -1 */
	char *law;		/* profile id, or NULL */
	enum outcome law_outcome;
	bool law_flag[FLAG_COUNT];
	char **teaching_cite;	/* teaching citation ids (law_teaching_id) */
	size_t nteaching_cite;
	struct scenario_ask *ask;
	size_t nask;
	struct scenario_point *point;
	size_t npoint;
};

/* Reads and checks one scenario file against deck. Returns 0, or -1 after
 * adding every problem (file:line:col) to d; out must be freed either way. */
int scenario_load(const char *path, const struct deck *deck, struct scenario *out,
		  struct diags *d);
void scenario_free(struct scenario *s);

/* Every *.scenario file of dir in name order, checked, ids unique. Returns
 * the number loaded, 0 if dir does not exist, or -1 after problems in d.
 * *out (n entries, each freed by scenario_list_free) is set in every case. */
int scenario_load_dir(const char *dir, const struct deck *deck, struct scenario **out,
		      size_t *n, struct diags *d);
void scenario_list_free(struct scenario *v, size_t n);

/* The scenario of an id in v, or NULL. */
const struct scenario *scenario_find(const struct scenario *v, size_t n, const char *id);

/* The ask of slot or screen id in s, or NULL. */
const struct scenario_ask *scenario_ask_of(const struct scenario *s, const char *id);

/* Whether answer text form a is acceptable for q (the expert's or one of
 * the alternatives), compared as words (multi answers: as sets); numbers
 * also against the N-M ranges, and ages by their side of 18. */
bool scenario_answer_ok(const struct deck *deck, const struct scenario_ask *q, const char *a);

/* Whether w is an Accept: range "N-M" (digits): true with its bounds. */
bool scenario_range(const char *w, long *lo, long *hi);

/* Runs the expert's answers through an interview on deck and assesses.
 * Returns 0, or -1 with *why (the inputs contradict each other). */
struct interview;
int scenario_expert(const struct scenario *s, const struct deck *deck, struct interview **iv,
		    struct assessment *a, const char **why);

/* Whether assessment a is the expected one (outcome, flags, cites). */
bool scenario_agrees(const struct scenario *s, const struct assessment *a);

const char *scenario_level_name(enum scenario_level l);
const char *scenario_part_name(enum scenario_part p);

/* The scenario's translatable texts (title, teaches, persona, setting, says,
 * teaching), with the scenario id as context, in file order. */
typedef void scenario_text_fn(void *arg, const char *ctx, const char *text, const char *file,
			      int line);
void scenario_each_text(const struct scenario *s, scenario_text_fn *fn, void *arg);

#endif
