/* facts: the statistical facts of a case, the one definition the office's
 * statistics come from (DESIGN §12). A case's facts are computed on the
 * laptop (app/facts.h: facts_of), carried in its bundle as "fact NAME
 * VALUE" lines (store/bundle.h), stored by the office (office/db.h: one
 * column of the cases table per ONE fact, rows of the case_facts table for
 * a SET fact) and counted by `office stats --by NAME`. Nothing about a
 * respondent is a fact: no answer's text, no name, no age.
 *
 * FACT_TABLE(X) rows are X(ENUM, column, "name", "by", kind, source, "help"):
 *   column  the office's column (an identifier: "deck-version" is
 *           deck_version);
 *   name    the name on the bundle's fact line and in the office (a SET
 *           fact is named in the singular: one line, one row, per value);
 *   by      the name `--by` takes: the name, or what its values are
 *           grouped into (the child status counts by age group:
 *           fact_group);
 *   kind    ONE (one value a case; "unknown" when it cannot be known) or
 *           SET (any number of values, none included): FACT_ONE, FACT_SET;
 *   source  how it is computed (FACT_FROM_…): ASSESSMENT (the engine's
 *           assessment of the case), SCREEN (the choice on the screen
 *           whose stanza declares "Fact: NAME"), CASE (the case's own
 *           dates and deck);
 *   help    what `--by BY` counts, for --help (at most 40 characters).
 * A deck may declare only SCREEN facts (lint_deck checks it).
 *
 * A struct facts owns its values: facts_free. */
#ifndef TIPSCREEN_FACTS_H
#define TIPSCREEN_FACTS_H

#include <stddef.h>

#define FACT_TABLE(X) \
	X(OUTCOME, outcome, "outcome", "outcome", ONE, ASSESSMENT, \
	  "the assessment's outcome") \
	X(CHILD, child, "child", "age-group", ONE, ASSESSMENT, \
	  "child, adult or unknown (at the act)") \
	X(FLAG, flag, "flag", "flag", SET, ASSESSMENT, \
	  "the assessment's flags") \
	X(FORM, form, "form", "form", SET, ASSESSMENT, \
	  "the forms of exploitation") \
	X(MONTH, month, "month", "month", ONE, CASE, \
	  "the month the case was made (UTC)") \
	X(ROLE, role, "role", "role", ONE, SCREEN, \
	  "who screened (Fact: role in the deck)") \
	X(PLACE, place, "place", "place", ONE, SCREEN, \
	  "the kind of place (Fact: place)") \
	X(INTERPRETER, interpreter, "interpreter", "interpreter", ONE, ASSESSMENT, \
	  "none, professional or informal") \
	X(DECK_VERSION, deck_version, "deck-version", "deck-version", ONE, CASE, \
	  "the deck's identity (12 digits)")

#define FACT_X_ENUM(e, column, name, by, kind, source, help) FACT_##e,
enum fact { FACT_TABLE(FACT_X_ENUM) FACT_COUNT };
#undef FACT_X_ENUM

enum fact_kind { FACT_ONE, FACT_SET };
enum fact_source { FACT_FROM_ASSESSMENT, FACT_FROM_SCREEN, FACT_FROM_CASE };

/* The `--by` names and their help, for --help: a line each, every one
 * after a newline ("\n  outcome: the …"), for the option table's help of
 * --by (cmd/commands.h), which indents them under the option. */
#define FACT_X_BY_HELP(e, column, name, by, kind, source, help) \
	"\n  " by ": " help
#define FACT_BY_HELP FACT_TABLE(FACT_X_BY_HELP)

/* The row of fact f. */
const char *fact_name(enum fact f);
const char *fact_by(enum fact f);
const char *fact_column(enum fact f);
const char *fact_help(enum fact f);
enum fact_kind fact_kind(enum fact f);
enum fact_source fact_source(enum fact f);

/* The fact named name, or -1. */
int fact_find(const char *name);
/* The fact `--by by` counts, or -1. */
int fact_by_find(const char *by);

/* The i-th pair of the mapping `--by` applies to fact f's stored values
 * (the child status "presumed" counts as the age group "child"): the
 * group, *value the stored value; NULL past the last pair, or for a fact
 * counted as stored. */
const char *fact_group(enum fact f, int i, const char **value);

/* The value shown for a fact when the case has none: an empty SET. */
#define FACT_NONE "none"
/* The value of a ONE fact that cannot be known. */
#define FACT_UNKNOWN "unknown"

/* A case's facts: (fact, value) pairs, a ONE fact once, a SET fact once
 * per value, each value whole (no length limit). */
struct fact_value {
	enum fact fact;
	char *value;
};

struct facts {
	struct fact_value *v;
	size_t n, cap;
};

/* Appends (f, value copied); a ONE fact given again replaces its value,
 * a SET value given again is not added twice. */
void facts_set(struct facts *fs, enum fact f, const char *value);
/* The value of ONE fact f, or NULL (borrowed). */
const char *facts_get(const struct facts *fs, enum fact f);
void facts_free(struct facts *fs);

#endif
