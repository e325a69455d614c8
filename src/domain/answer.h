/* answer: one answer to one slot (a screen or a checklist item), and its
 * text form, used by answers files, `replay`, the line mode and exports.
 *
 * Text forms by screen type:
 *   yesno, checklist item:  yes no dontknow declined (and intended where the
 *                           item allows it)
 *   number: a whole number in the screen's range, or dontknow / declined
 *   single: a choice code, or dontknow / declined
 *   multi:  choice codes separated by spaces, or declined
 *   text:   the text (one line), or declined
 * A struct answer may own a text (ANS_TEXT); answer_clear frees it. */
#ifndef TIPSCREEN_ANSWER_H
#define TIPSCREEN_ANSWER_H

#include "domain/deck.h"
#include "domain/vocab.h"

/* The longest text answer or note, in bytes, in every front end alike:
 * a longer one is refused with a message, never cut. */
enum { ANSWER_TEXT_MAX = 16384 };

enum answer_kind { ANS_NONE, ANS_WORD, ANS_NUMBER, ANS_CHOICE, ANS_MULTI, ANS_TEXT };

struct answer {
	enum answer_kind kind;
	enum ind_value word;	/* ANS_WORD: IV_YES, IV_NO, IV_DONTKNOW, IV_DECLINED, IV_INTENDED */
	long number;		/* ANS_NUMBER */
	int choice;		/* ANS_CHOICE: index into the screen's choices */
	unsigned multi;		/* ANS_MULTI: bit i = choice i */
	char *text;		/* ANS_TEXT: owned */
};

/* What a screen type takes, for the whole engine: one table indexed by
 * enum screen_type (screen_kind), so that a new question type is one row
 * here and one in each front end's table of the same index. */
struct screen_kind {
	enum answer_kind takes;	/* the answer typed, chosen or given besides the
				 * words; ANS_NONE: none (a page) */
	bool may_leave_empty;	/* it may be left unanswered (a multiple choice, a text) */
	bool account;		/* the answer is the person's account in their own
				 * words: a case file quotes it among the accounts,
				 * not among the answers */
	unsigned words;		/* the words it takes: bit 1 << IV_x (intended only
				 * where the slot allows it) */
	const char *expected;	/* what an answer is, in the words of answers files */
	/* Parses the typed form besides the words: 0, or -1. NULL: none. */
	int (*parse)(const struct screen *sc, const char *s, struct answer *out);
	/* 0 when a (of kind takes) fits the screen; -1, *why set if the reason
	 * is not expected's. */
	int (*fits)(const struct screen *sc, const struct answer *a, const char **why);
};

/* The row of screen type t (a type that takes no answer: a row that takes
 * nothing). Static. */
const struct screen_kind *screen_kind(enum screen_type t);

/* The answer words slot takes, in the order every front end lists them:
 * yes, intended (where the slot allows it), no, don't know, declined.
 * Returns how many (≤ 5). */
int answer_words(const struct deck *deck, int slot, enum ind_value out[5]);

/* Parses the text form of an answer to slot. Returns 0, or -1 with *why set
 * to a static description of what was expected: answer_expected's for
 * anything that is not an answer of the slot's kind, another for one that
 * is but breaks a limit (a text longer than ANSWER_TEXT_MAX). On success
 * out may own a text: free it with answer_clear. */
int answer_parse(const struct deck *deck, int slot, const char *s, struct answer *out,
		 const char **why);

/* What an answer to slot is, in general ("yes, no, dontknow or declined"):
 * static, the same pointer for every slot of a kind. */
const char *answer_expected(const struct deck *deck, int slot);

/* Checks that a is a valid answer to slot (type, range, choice). Returns
 * 0, or -1 with *why set. */
int answer_check(const struct deck *deck, int slot, const struct answer *a, const char **why);

/* The text form of a, for slot; a new string the caller frees. "" for
 * ANS_NONE. Choices are given by code if codes is true, else by label. */
char *answer_format(const struct deck *deck, int slot, const struct answer *a, bool codes);

/* A deep copy of a (dst's old contents are not freed). */
void answer_copy(struct answer *dst, const struct answer *a);

/* True when a and b are the same answer, as values: the same kind and
 * the same word, number, choice, choices or text. */
bool answer_equal(const struct answer *a, const struct answer *b);

/* Frees what a owns and makes it ANS_NONE. */
void answer_clear(struct answer *a);

/* The indicator value an answer gives: IV_UNANSWERED for ANS_NONE, the
 * word for ANS_WORD; IV_ABSENT for answers that are not words. */
enum ind_value answer_value(const struct answer *a);

#endif
