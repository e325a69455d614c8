/* inputs: what the Article 3 assessment sees (DESIGN.md §4), and nothing
 * else: child status, indicator values, consent, setting facts.
 *
 * The same struct is filled by an interview (from the screens on its path),
 * by `replay` and by `assess` from a stanza file, so all three agree on the
 * same inputs. The struct holds no pointers: copy it freely. */
#ifndef TIPSCREEN_INPUTS_H
#define TIPSCREEN_INPUTS_H

#include <stdbool.h>

#include "base/diag.h"
#include "base/stanza.h"
#include "domain/vocab.h"

/* The keys besides indicator ids; each value is an index into the key's
 * list of allowed words (below), or -1 when unset. The ages are numbers. */
enum input_key {
	IN_AGE,		/* age-at-act: 0..130, the age when it began */
	IN_AGE_NOW,	/* age-now: 0..130 */
	IN_CHILD,	/* child: yes no presumed unknown (at the time of the act) */
	IN_MINOR_NOW,	/* minor-now: yes no presumed unknown */
	IN_CONSENT,	/* consent: yes no unknown */
	IN_REFERRAL,	/* referral-consent: yes no unknown */
	IN_PRIVATE,	/* setting.private: yes no unknown */
	IN_CONTROLLER,	/* setting.controller-present: yes no unknown */
	IN_INTERPRETER,	/* setting.interpreter: none professional informal */
	IN_STOPPED,	/* interview.stopped-early: yes no */
	IN_AGE_NOW_DOUBTED,	/* age-now-doubted: yes no (DESIGN §4 v3 rule 1) */
	IN_COMPELLED,	/* compelled-offence: yes no unknown */
	IN_GOING_BACK,	/* now.going-back: yes no unknown */
	IN_OTHERS_AT_RISK,	/* now.others-at-risk: yes no unknown */
	IN_CONDITIONS,	/* conditions.exploitative: yes no unknown */
	IN_KEY_COUNT
};

enum child_status { CHILD_YES, CHILD_NO, CHILD_PRESUMED, CHILD_UNKNOWN };
enum { IN_YES = 0, IN_NO = 1, IN_UNKNOWN = 2 };	/* consent and setting words */
enum { INTERP_NONE, INTERP_PROFESSIONAL, INTERP_INFORMAL };

enum { AGE_MAX = 130 };

struct assess_input {
	int value[IN_KEY_COUNT];	/* -1 unset; for IN_AGE the age */
	enum ind_value ind[IND_COUNT];	/* combined per DESIGN §4 rule 2 */
	int declined;	/* answers given as "declined" (for many-declined) */
};

void inputs_init(struct assess_input *in);

/* Adds one answer for an indicator, combining it with earlier ones: any
 * yes → yes; else any intended → intended; else all no → no; otherwise
 * the value stays unclear (dontknow, declined or unanswered). */
void inputs_add_indicator(struct assess_input *in, enum indicator i, enum ind_value v);

/* The key's name ("age-at-act"), and its allowed words joined for a
 * message ("yes, no or unknown"). */
const char *inputs_key_name(enum input_key k);
const char *inputs_key_allowed(enum input_key k);
/* Whether the key takes a number (an age) rather than a word. */
bool inputs_key_is_number(enum input_key k);
/* Every key's name joined for a message: "age-at-act, age-now, … or
 * interview.stopped-early"; static. */
const char *inputs_key_list(void);
/* The key with this name, or -1. */
int inputs_key_lookup(const char *name);
/* The index of word among the key's allowed words, or -1. For an age, the
 * number if it is a whole number 0..AGE_MAX. */
int inputs_value_lookup(enum input_key k, const char *word);
/* The allowed word at index v of key k (not for an age). */
const char *inputs_value_name(enum input_key k, int v);

/* Checks that the ages and the explicit child and minor-now values agree
 * (DESIGN §4 rule 1: an age against an explicit value, or the age at the
 * act above the age now). Returns NULL, or a static message saying how they
 * contradict; *key then names the key to blame ("child"). */
const char *inputs_contradiction(const struct assess_input *in, enum input_key *key);

/* Fills in from the first stanza of f (the `assess` file format). Returns
 * 0, or -1 after adding to d every unknown key or value with its line. */
int inputs_parse(const struct stanza_file *f, struct assess_input *in, struct diags *d);

#endif
