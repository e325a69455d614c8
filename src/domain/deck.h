/* deck: the questionnaire, loaded from the *.screen files of screens/ and checked.
 *
 * A deck is immutable once loaded and owns every string in it; free it
 * with deck_free. Loading runs every check of `tipscreen check` (DESIGN.md
 * §2): unknown or duplicate ids, bad types and fields, guards that do not
 * parse or name unknown things, dangling `Next:` targets, unreachable
 * screens, screens with no way to the summary, cycles, unknown indicator
 * ids, text that does not fit an 80x24 screen. Any problem refuses the
 * whole deck, so a broken deck never starts an interview.
 *
 * File format, one stanza per screen (see README "Writing screens"):
 *   Screen: age.at-act        Type: number        Section: age
 *   Question: / Help: / Why:  Range: 0 130        Sets: age-at-act
 *   Choice: code[=value] Label      (single, multi; repeated)
 *   Indicates: means.deception      Intended: yes (purpose: "told or planned")
 *   Next: target if GUARD           (repeated; the last has no guard)
 *   Fact: role                      (the office counts the choice as this
 *                                    statistical fact, domain/facts.h)
 *   Statement: The person crossed …  (what the summary says, third person)
 * and, after a checklist screen, one `Item:` stanza per item with
 * Indicates, Text, Help, Statement and Intended; and one stanza per section:
 *   Section: act    Title: Act    Step: Act    (Setup: yes)
 * Each stanza kind is a schema table (base/schema.h). */
#ifndef TIPSCREEN_DECK_H
#define TIPSCREEN_DECK_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "domain/guard.h"
#include "domain/inputs.h"

#define SCREEN_TYPE_TABLE(X) \
	X(NOTE, "note") \
	X(YESNO, "yesno") \
	X(SINGLE, "single") \
	X(MULTI, "multi") \
	X(NUMBER, "number") \
	X(TEXT, "text") \
	X(CHECKLIST, "checklist") \
	X(REVIEW, "review") \
	X(SUMMARY, "summary") \
	X(REFERRAL, "referral") \
	X(STOP, "stop")

#define X_ENUM(e, name) SCR_##e,
enum screen_type { SCREEN_TYPE_TABLE(X_ENUM) SCR_TYPE_COUNT };
#undef X_ENUM

/* The target of `Next: end`. */
enum { DECK_END = -1 };
/* Most choices a single or multi screen may have. */
enum { DECK_MAX_CHOICES = 32 };
/* The screen text must fit this terminal. */
enum { DECK_COLS = 80, DECK_ROWS = 24 };

/* What a screen's answer sets among the assessment inputs. */
struct setter {
	int key;	/* enum input_key, or -1 for nothing */
	int value;	/* fixed value set by a "yes" (or by a visit, for a
			 * note or stop screen), or -1: the answer is the value */
};

struct choice {
	char *code;
	int value;	/* index into the Sets key's words, or -1 */
	char *label;
	int line;
};

struct item {
	char *id;
	char *text;
	char *help;
	char *statement;	/* what the summary says of a yes, or NULL: the text */
	int indicator;	/* enum indicator, or -1 */
	bool intended;	/* may be answered "intended" */
	int slot;
	int line;
};

struct transition {
	char *target;
	int to;		/* screen index or DECK_END */
	struct guard *guard;	/* NULL: always */
	char *cond;	/* the guard as written, or NULL */
	int line, col;
};

struct screen {
	char *id;
	const char *file;	/* borrowed from the deck */
	int line;
	enum screen_type type;
	char *section;	/* the id of a section of the deck */
	int section_line, section_col;
	char *fact;	/* the statistical fact its choice gives (facts.h), or NULL */
	char *question, *help, *why;
	char *statement;	/* what the summary says of it, in the third person,
				 * or NULL (required where it indicates: lint.h) */
	int indicator;	/* enum indicator, or -1 */
	bool intended;
	struct setter set;
	long min, max;	/* number screens */
	int slot;	/* answer slot, or -1 for screens without an answer */
	struct choice *choices;
	size_t nchoices;
	struct item *items;
	size_t nitems;
	struct transition *next;
	size_t nnext;
};

/* A `Section:` stanza: a section's title and where it is in the progress. */
struct section {
	char *id;
	char *title;	/* untranslated: pass it to _() */
	char *step_name;	/* the step of the progress it belongs to, or NULL */
	int step;	/* the index of step_name in the deck's steps, or -1: no progress shown */
	bool setup;	/* it sets the interview up (the case file lists it first) */
	const char *file;	/* borrowed from the deck */
	int line;
};

/* An answer slot: a screen that takes an answer, or a checklist item. */
struct slot {
	const char *id;	/* borrowed from the screen or item */
	int screen;
	int item;	/* index in the screen's items, or -1 */
};

/* An id and the index of its screen or slot, for lookups. */
struct deck_key {
	const char *id;	/* borrowed */
	int index;
};

/* The identity of a deck: BLAKE2b-256 over its files' names, lengths and
 * bytes in load order, as hex. A case records the identity it was answered
 * with, so a later deck can tell that it is not the same one. */
enum { DECK_IDENTITY_BYTES = 32 };

struct deck {
	char identity[2 * DECK_IDENTITY_BYTES + 1];
	struct screen *s;
	size_t n;
	struct slot *slots;
	size_t nslots;
	char **files;
	size_t nfiles;
	struct section *sections;	/* in deck order */
	size_t nsections;
	const char **steps;	/* the progress: each Step: name once, borrowed from sections */
	size_t nsteps;
	int start, summary, stop, review;	/* screen indexes (review: -1 if none) */
	struct deck_key *screen_keys, *slot_keys;	/* sorted by id; private to deck.c */
};

/* Reads and links every *.screen file of dir in name order, without the
 * checks of the whole deck: deck_load (lint.h) is the way to open a deck.
 * Returns the deck, or NULL after adding every problem found to d. */
struct deck *deck_parse(const char *dir, struct diags *d);

void deck_free(struct deck *deck);

/* The screen with this id, or -1. */
int deck_screen_find(const struct deck *deck, const char *id);
/* The slot with this id (screen or item id), or -1. */
int deck_slot_find(const struct deck *deck, const char *id);

/* What the slot records: its indicator (or -1), whether it may be
 * "intended", its screen type (an item answers like a yes-no screen). */
int deck_slot_indicator(const struct deck *deck, int slot);
bool deck_slot_intended(const struct deck *deck, int slot);
enum screen_type deck_slot_type(const struct deck *deck, int slot);
/* The question text of a slot (an item's text for an item). Borrowed. */
const char *deck_slot_text(const struct deck *deck, int slot);
/* What the summary says of a slot: its `Statement:` (in the third person,
 * never the question read to the person), else an item's text, else the
 * question. Borrowed. */
const char *deck_slot_statement(const struct deck *deck, int slot);

/* Calls fn with every text of the deck a translator translates, in file
 * order: the context (the screen's or the item's id, the msgctxt of
 * locales/; NULL for the sections' titles and steps, which _() looks up
 * without one), the English text, and where it is. */
typedef void deck_text_fn(void *arg, const char *ctx, const char *text, const char *file,
			  int line);
void deck_each_text(const struct deck *deck, deck_text_fn *fn, void *arg);

/* The section with this id, or NULL. */
const struct section *deck_section(const struct deck *deck, const char *id);
/* The title of a section ("act" → "Act"), untranslated: pass it to _().
 * The id itself for a section the deck does not define. */
const char *deck_section_title(const struct deck *deck, const char *section);
/* The index in deck->steps of the section's step, or -1 when the section
 * shows no progress (the stop screen: someone the person fears may read it). */
int deck_section_step(const struct deck *deck, const char *section);
/* Whether the section sets the interview up (`Setup: yes`). */
bool deck_section_setup(const struct deck *deck, const char *section);

/* "yesno", "checklist", … */
const char *deck_type_name(enum screen_type t);

/* True for screen types that take an answer. */
bool deck_type_answers(enum screen_type t);

/* What `Sets:` may say on a screen of a type. */
enum deck_sets {
	DECK_SETS_NOTHING = 1,	/* no Sets: at all */
	DECK_SETS_YESNO,	/* KEY=VALUE, or a key whose words are yes, no, unknown */
	DECK_SETS_NUMBER,	/* a number key; the answer is its value */
	DECK_SETS_CHOICE,	/* a key of words; the choice is its value (so it needs choices) */
	DECK_SETS_VISIT,	/* KEY=VALUE, set by reaching the screen */
};

/* What a screen type requires and permits of its stanza, and what a
 * condition may compare its answer with: one row per type (deck_query.c),
 * so that a new screen type is one row here, as it is one row of the
 * engine's screen_kind (answer.h) and of each front end's table. */
struct deck_type_rules {
	bool answers;	/* it has an answer slot of its own */
	bool question;	/* it needs 'Question:' */
	bool asks;	/* it needs 'Help:' and 'Why:' (it asks something) */
	bool indicates;	/* it may have 'Indicates:' and 'Intended:' */
	bool choices;	/* it needs two 'Choice:' lines or more; only it may have them */
	bool range;	/* it needs 'Range:'; only it may have one */
	bool items;	/* 'Item:' stanzas follow it */
	bool gives_fact;	/* a 'Fact:' the office reads may be given on it */
	enum deck_sets sets;
	/* What a condition may compare its answer with, besides a number
	 * (number) and any quoted text (text): these words, "intended" where
	 * the slot allows it (intended), and its choice codes (codes). */
	const char *const *guard_words;
	bool guard_number, guard_text, guard_intended, guard_codes;
	/* What it may be compared with, when something else was: for a slot
	 * that takes "intended", guard_expected_intended. Never NULL. */
	const char *guard_expected, *guard_expected_intended;
};

/* The row of screen type t (t < SCR_TYPE_COUNT). Static. */
const struct deck_type_rules *deck_type_rules(enum screen_type t);

#endif
