/* facts: a case's statistical facts from its interview (app/facts.h). */
#include "app/facts.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domain/deck.h"
#include "app/session.h"

/* The choice answered on the screen that declares fact f, or NULL. */
static const char *screen_fact(const struct interview *iv, enum fact f)
{
	const struct deck *dk = interview_deck(iv);
	for (size_t s = 0; s < dk->n; s++) {
		const struct screen *sc = &dk->s[s];
		if (!sc->fact || strcmp(sc->fact, fact_name(f)) != 0 || sc->slot < 0)
			continue;
		const struct answer *a = interview_get(iv, sc->slot);
		if (a && a->kind == ANS_CHOICE && a->choice >= 0 && (size_t)a->choice < sc->nchoices)
			return sc->choices[a->choice].code;
	}
	return NULL;
}

static void assessed(const struct assessment *a, const struct assess_input *in,
		     struct facts *out)
{
	facts_set(out, FACT_OUTCOME, assess_outcome_name(a->outcome));
	facts_set(out, FACT_CHILD, assess_child_name(a->child));
	for (int f = 0; f < FLAG_COUNT; f++)
		if (a->flag[f])
			facts_set(out, FACT_FLAG, assess_flag_name(f));
	for (int i = 0; i < IND_COUNT; i++)
		if (indicator_element(i) == EL_PURPOSE && (a->ind[i] == IV_YES || a->ind[i] == IV_INTENDED))
			facts_set(out, FACT_FORM, indicator_id(i) + strlen("purpose."));
	int interp = in->value[IN_INTERPRETER];
	facts_set(out, FACT_INTERPRETER,
		  interp < 0 ? FACT_UNKNOWN : inputs_value_name(IN_INTERPRETER, interp));
}

int facts_of(const struct interview *iv, const struct assessment *a, struct facts *out)
{
	struct assess_input in;
	interview_inputs(iv, &in);
	assessed(a, &in, out);
	for (int f = 0; f < FACT_COUNT; f++) {
		if (fact_source(f) != FACT_FROM_SCREEN)
			continue;
		const char *v = screen_fact(iv, f);
		facts_set(out, f, v ? v : FACT_UNKNOWN);
	}
	return 0;
}

/* The last answer recorded for screen sc, when it is one of its choices:
 * the choice, or NULL. */
static const struct choice *recorded_choice(const struct records *r, const struct screen *sc)
{
	for (size_t i = r->n; i-- > 0;) {
		if (r->v[i].event != REC_ANSWER || strcmp(r->v[i].id, sc->id) != 0)
			continue;
		for (size_t k = 0; k < sc->nchoices && !r->v[i].new_text; k++)
			if (strcmp(sc->choices[k].code, r->v[i].new) == 0)
				return &sc->choices[k];
		return NULL;
	}
	return NULL;
}

/* A case of another deck: what its records say that dk can still read. */
static void recorded(const struct deck *dk, const struct records *r, struct facts *out)
{
	for (size_t i = r->n; i-- > 0;)
		if (r->v[i].event == REC_ASSESSMENT) {
			for (int o = 0; o <= OUT_INCOMPLETE; o++)
				if (strcmp(r->v[i].id, assess_outcome_name(o)) == 0)
					facts_set(out, FACT_OUTCOME, r->v[i].id);
			break;
		}
	for (size_t s = 0; s < dk->n; s++) {
		const struct screen *sc = &dk->s[s];
		const struct choice *c = sc->type == SCR_SINGLE ? recorded_choice(r, sc) : NULL;
		if (!c)
			continue;
		int f = sc->fact ? fact_find(sc->fact) : -1;
		if (f >= 0 && fact_source(f) == FACT_FROM_SCREEN)
			facts_set(out, f, c->code);
		if (sc->set.key == IN_INTERPRETER && sc->set.value < 0 && c->value >= 0)
			facts_set(out, FACT_INTERPRETER, inputs_value_name(IN_INTERPRETER, c->value));
	}
}

void facts_of_case(const struct deck *dk, const struct facts_case *c, struct facts *out)
{
	for (int f = 0; f < FACT_COUNT; f++)
		if (fact_kind(f) == FACT_ONE)
			facts_set(out, f, FACT_UNKNOWN);
	struct interview *iv = interview_new(dk);
	struct assessment a;
	const char *why;
	if ((!*c->deck || strcmp(c->deck, dk->identity) == 0) && session_replay(iv, c->id, c->r) == 0 &&
	    interview_assess(iv, &a, &why) == 0)
		facts_of(iv, &a, out);
	else
		recorded(dk, c->r, out);
	interview_free(iv);
	time_t t = (time_t)c->created;
	struct tm tm;
	char month[16];
	if (gmtime_r(&t, &tm) && strftime(month, sizeof month, "%Y-%m", &tm))
		facts_set(out, FACT_MONTH, month);
	char version[16];
	snprintf(version, sizeof version, "%.12s", *c->deck ? c->deck : FACT_UNKNOWN);
	facts_set(out, FACT_DECK_VERSION, version);
}
