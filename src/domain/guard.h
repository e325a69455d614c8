/* guard: the small expression language of `Next: target if GUARD`.
 *
 * Grammar (DESIGN.md §2), parsed once when the deck loads:
 *   expr    := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | compare
 *   compare := operand (("=" | "!=" | "<" | "<=" | ">" | ">=") operand)?
 *   operand := NUMBER | STRING | WORD | NAME | NAME "(" args ")" | "(" expr ")"
 * NAMEs are screen or checklist item ids, indicator ids, the elements (act,
 * means, purpose, smuggling) and the assessment inputs (child, age-at-act,
 * consent, setting.*). WORDs are the answer words (yes no dontknow declined
 * unanswered intended, met not-met unclear, presumed unknown …). Functions:
 * any(element), count(element), answered(id), selected(id, "code").
 *
 * A value is true when it is the number non-zero or one of the words yes,
 * intended, met or presumed; so `child` alone means a child or presumed
 * one, and `means.fraud` alone means that indicator was answered yes.
 * Comparisons with a missing value (an unanswered number) are false.
 *
 * Comparisons are typed: with names.expects, a comparison of a name with a
 * number or word it can never have (`child = met`, `age-at-act = "16"`,
 * `setting.interpreter < 3`), and a name alone that can never be true, are
 * errors at parse time.
 *
 * The parser resolves names through struct guard_names; the evaluator asks
 * struct guard_env for values, so this module knows nothing of decks or
 * interviews. */
#ifndef TIPSCREEN_GUARD_H
#define TIPSCREEN_GUARD_H

#include <stdbool.h>

#include "domain/vocab.h"

enum gref_kind { GREF_SLOT, GREF_INDICATOR, GREF_ELEMENT, GREF_INPUT };

struct guard_ref {
	enum gref_kind kind;
	int index;	/* slot number, enum indicator, enum element, enum input_key */
};

struct gval {
	enum { GV_NONE, GV_NUM, GV_STR } t;
	long n;
	const char *s;	/* borrowed from the environment or the guard */
};

struct guard_names {
	void *ctx;
	/* Resolves a name; returns 0, or -1 if it is unknown. */
	int (*resolve)(void *ctx, const char *name, struct guard_ref *out);
	/* The known name nearest to name, for "did you mean", or NULL. */
	const char *(*suggest)(void *ctx, const char *name);
	/* Types: NULL if r can ever have the value v (a number or a word),
	 * else what its values are, for the message ("yes, no, dontknow,
	 * declined or unanswered"; static or owned by ctx). NULL: no checks. */
	const char *(*expects)(void *ctx, const struct guard_ref *r, const struct gval *v);
};

struct guard_env {
	void *ctx;
	struct gval (*value)(void *ctx, const struct guard_ref *r);
	/* Indicators of the element answered yes (or intended, for purpose). */
	int (*count)(void *ctx, enum element e);
	bool (*answered)(void *ctx, int slot);
	bool (*selected)(void *ctx, int slot, const char *code);
};

struct guard;

/* How deeply parentheses and "not" may nest in one condition. Chains of
 * "and" and "or" may be of any length: they are evaluated in a loop, so
 * evaluation recurses at most about three times this deep. */
enum { GUARD_MAX_DEPTH = 32 };

/* Parses src. Returns the guard (free with guard_free), or NULL with *col
 * set to the 1-based character column of the error in src and *msg to a
 * new message the caller frees. */
struct guard *guard_parse(const char *src, const struct guard_names *names, int *col,
			  char **msg);

bool guard_eval(const struct guard *g, const struct guard_env *env);

/* Calls fn for every name the guard refers to. */
void guard_each_ref(const struct guard *g, void (*fn)(void *ctx, const struct guard_ref *r),
		    void *ctx);

void guard_free(struct guard *g);

/* What name is to the language ("an answer word", …) if an id may not be
 * it, else NULL: a screen called "yes" or "and" could never be named in a
 * condition. Static. */
const char *guard_reserved(const char *name);

#endif
