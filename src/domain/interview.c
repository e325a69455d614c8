#include "domain/interview.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

struct interview {
	const struct deck *deck;
	struct answer *answers;	/* by slot */
	char **notes;		/* by screen */
	int *path;		/* screen indexes */
	size_t npath, pos;
	bool *on_path;		/* by screen */
	int stop_at;		/* screen where the stop key was pressed, or -1 */
	bool complete;
	bool held;		/* interview_hold: the path is made at release */
};

/* The guard environment during a walk: answers on screens walked so far.
 * The walk adds each screen's inputs to sofar as the path grows, so that a
 * guard does not go over the whole path again for each name it reads; in
 * is sofar settled, made at the first name that needs it. */
struct walk {
	const struct interview *iv;
	const struct assess_input *sofar;	/* the walk's, borrowed */
	struct assess_input in;
	bool have_in;
};

static bool slot_visible(const struct interview *iv, int slot)
{
	return iv->on_path[iv->deck->slots[slot].screen];
}

bool interview_slot_on_path(const struct interview *iv, int slot)
{
	return slot_visible(iv, slot);
}

bool interview_on_path(const struct interview *iv, int screen)
{
	return iv->on_path[screen];
}

static void set_from_answer(struct assess_input *in, const struct screen *sc,
			    const struct answer *a)
{
	const struct setter *set = &sc->set;
	if (set->key < 0 || a->kind == ANS_NONE)
		return;
	if (set->value >= 0) {
		if (a->kind == ANS_WORD && a->word == IV_YES)
			in->value[set->key] = set->value;
		return;
	}
	int v = -1;
	if (a->kind == ANS_NUMBER)
		v = (int)a->number;
	else if (a->kind == ANS_CHOICE)
		v = sc->choices[a->choice].value;
	else if (a->kind == ANS_WORD && !inputs_key_is_number(set->key))
		v = inputs_value_lookup(set->key, a->word == IV_YES ? "yes"
					: a->word == IV_NO ? "no" : "unknown");
	if (v >= 0)
		in->value[set->key] = v;
}

/* Adds what one screen on the path gives the assessment. */
static void screen_inputs(const struct interview *iv, int s, struct assess_input *in)
{
	const struct screen *sc = &iv->deck->s[s];
	if (deck_type_rules(sc->type)->sets == DECK_SETS_VISIT && sc->set.key >= 0)
		in->value[sc->set.key] = sc->set.value;
	if (sc->slot >= 0) {
		const struct answer *a = &iv->answers[sc->slot];
		set_from_answer(in, sc, a);
		if (sc->indicator >= 0)
			inputs_add_indicator(in, sc->indicator, answer_value(a));
		else if (a->kind == ANS_WORD && a->word == IV_DECLINED)
			in->declined++;	/* an age, a setup or an account declined counts too */
	}
	for (size_t j = 0; j < sc->nitems; j++)
		if (sc->items[j].indicator >= 0)
			inputs_add_indicator(in, sc->items[j].indicator,
					     answer_value(&iv->answers[sc->items[j].slot]));
}

/* What the whole path gives, once every screen's inputs are in. */
static void settle_inputs(struct assess_input *in)
{
	/* A presumption of minority set on the path (the person appears or
	 * says they are under 18) holds until an age now is given: the age
	 * settles it, unless the interviewer doubts the age given (DESIGN §5
	 * v3: traffickers coach children to claim adulthood). */
	if (in->value[IN_MINOR_NOW] == CHILD_PRESUMED && in->value[IN_AGE_NOW] >= 0 &&
	    !(in->value[IN_AGE_DOUBTED] == IN_YES && in->value[IN_AGE_NOW] >= 18))
		in->value[IN_MINOR_NOW] = -1;
}

void interview_inputs(const struct interview *iv, struct assess_input *in)
{
	inputs_init(in);
	for (size_t i = 0; i < iv->npath; i++)
		screen_inputs(iv, iv->path[i], in);
	settle_inputs(in);
}

/* The inputs of the path walked so far (what interview_inputs would give
 * now), made once per screen's guards. */
static const struct assess_input *walk_inputs(struct walk *w)
{
	if (!w->have_in) {
		w->in = *w->sofar;
		settle_inputs(&w->in);
		w->have_in = true;
	}
	return &w->in;
}

static struct gval word(const char *s)
{
	return (struct gval){ .t = GV_STR, .s = s };
}

static struct gval slot_value(const struct interview *iv, int slot)
{
	const struct deck *dk = iv->deck;
	const struct answer *a = &iv->answers[slot];
	if (!slot_visible(iv, slot) || a->kind == ANS_NONE)
		return word("unanswered");
	const struct screen *sc = &dk->s[dk->slots[slot].screen];
	switch (a->kind) {
	case ANS_WORD: return word(ind_value_name(a->word));
	case ANS_NUMBER: return (struct gval){ .t = GV_NUM, .n = a->number };
	case ANS_CHOICE: return word(sc->choices[a->choice].code);
	case ANS_TEXT: return word(a->text);
	default: return word("yes");	/* a multi answer: something was chosen */
	}
}

static struct gval input_value(const struct assess_input *in, int key)
{
	if (key == IN_CHILD)
		return word(assess_child_name(assess_child(in)));
	if (key == IN_MINOR_NOW)
		return word(assess_child_name(assess_minor_now(in)));
	if (inputs_key_is_number(key))
		return in->value[key] >= 0 ? (struct gval){ .t = GV_NUM, .n = in->value[key] }
					   : (struct gval){ .t = GV_NONE };
	return in->value[key] >= 0 ? word(inputs_value_name(key, in->value[key]))
				   : word("unanswered");
}

static struct gval env_value(void *ctx, const struct guard_ref *r)
{
	struct walk *w = ctx;
	if (r->kind == GREF_SLOT)
		return slot_value(w->iv, r->index);
	const struct assess_input *in = walk_inputs(w);
	switch (r->kind) {
	case GREF_INDICATOR: {
		enum ind_value v = in->ind[r->index];
		return word(ind_value_name(v == IV_ABSENT ? IV_UNANSWERED : v));
	}
	case GREF_ELEMENT:
		return word(assess_status_name(assess_element(in->ind, r->index)));
	default:
		return input_value(in, r->index);
	}
}

static int env_count(void *ctx, enum element e)
{
	const struct assess_input *in = walk_inputs(ctx);
	int n = 0;
	for (int i = 0; i < IND_COUNT; i++)
		if (indicator_element(i) == e &&
		    (in->ind[i] == IV_YES || (in->ind[i] == IV_INTENDED && e == EL_PURPOSE)))
			n++;
	return n;
}

static bool env_answered(void *ctx, int slot)
{
	const struct interview *iv = ((struct walk *)ctx)->iv;
	return slot_visible(iv, slot) && iv->answers[slot].kind != ANS_NONE;
}

static bool env_selected(void *ctx, int slot, const char *code)
{
	const struct interview *iv = ((struct walk *)ctx)->iv;
	const struct answer *a = &iv->answers[slot];
	if (!slot_visible(iv, slot))
		return false;
	const struct screen *sc = &iv->deck->s[iv->deck->slots[slot].screen];
	for (size_t i = 0; i < sc->nchoices; i++) {
		if (strcmp(sc->choices[i].code, code) != 0)
			continue;
		return (a->kind == ANS_CHOICE && a->choice == (int)i) ||
		       (a->kind == ANS_MULTI && (a->multi & (1u << i)));
	}
	return false;
}

/* The screen after s, the path so far giving sofar. */
static int next_screen(struct interview *iv, int s, const struct assess_input *sofar)
{
	const struct screen *sc = &iv->deck->s[s];
	if (iv->stop_at == s && s != iv->deck->stop)
		return iv->deck->stop;
	struct walk w = { .iv = iv, .sofar = sofar };
	struct guard_env env = { &w, env_value, env_count, env_answered, env_selected };
	for (size_t j = 0; j < sc->nnext; j++)
		if (!sc->next[j].guard || guard_eval(sc->next[j].guard, &env))
			return sc->next[j].to;
	return DECK_END;	/* not reached: the last Next has no guard */
}

/* Recomputes the path and puts the cursor back on the same screen if it is
 * still on it. */
static void walk(struct interview *iv)
{
	if (iv->held)
		return;
	const struct deck *dk = iv->deck;
	int current = iv->npath ? iv->path[iv->pos] : dk->start;
	memset(iv->on_path, 0, dk->n * sizeof *iv->on_path);
	iv->npath = 0;
	struct assess_input sofar;
	inputs_init(&sofar);
	for (int s = dk->start; s != DECK_END && iv->npath < dk->n; s = next_screen(iv, s, &sofar)) {
		if (iv->on_path[s])
			break;	/* the stop screen reached twice; decks have no cycles */
		iv->path[iv->npath++] = s;
		iv->on_path[s] = true;
		screen_inputs(iv, s, &sofar);
	}
	size_t old = iv->pos;
	iv->pos = iv->npath - 1 < old ? iv->npath - 1 : old;
	for (size_t i = 0; i < iv->npath; i++)
		if (iv->path[i] == current)
			iv->pos = i;
}

struct interview *interview_new(const struct deck *dk)
{
	struct interview *iv = xcalloc(1, sizeof *iv);
	iv->deck = dk;
	iv->answers = xcalloc(dk->nslots, sizeof *iv->answers);
	iv->notes = xcalloc(dk->n, sizeof *iv->notes);
	iv->path = xcalloc(dk->n, sizeof *iv->path);
	iv->on_path = xcalloc(dk->n, sizeof *iv->on_path);
	iv->stop_at = -1;
	walk(iv);
	return iv;
}

void interview_free(struct interview *iv)
{
	if (!iv)
		return;
	for (size_t i = 0; i < iv->deck->nslots; i++)
		answer_clear(&iv->answers[i]);
	for (size_t i = 0; i < iv->deck->n; i++)
		free(iv->notes[i]);
	free(iv->answers);
	free(iv->notes);
	free(iv->path);
	free(iv->on_path);
	free(iv);
}

const struct deck *interview_deck(const struct interview *iv)
{
	return iv->deck;
}

int interview_current(const struct interview *iv)
{
	return iv->path[iv->pos];
}

const int *interview_path(const struct interview *iv, size_t *n, size_t *pos)
{
	*n = iv->npath;
	if (pos)
		*pos = iv->pos;
	return iv->path;
}

const char *interview_contradiction(const struct interview *iv, enum input_key *key)
{
	struct assess_input in;
	interview_inputs(iv, &in);
	return inputs_contradiction(&in, key);
}

const char *interview_would_contradict(struct interview *iv, int slot, const struct answer *a,
				       enum input_key *key)
{
	const char *unfit;
	if (answer_check(iv->deck, slot, a, &unfit) < 0 || interview_contradiction(iv, NULL))
		return NULL;	/* not an answer; or not this answer's doing */
	struct answer kept = iv->answers[slot];
	size_t pos = iv->pos;
	iv->answers[slot] = *a;	/* borrowed for the walk, given back below */
	walk(iv);
	const char *why = interview_contradiction(iv, key);
	iv->answers[slot] = kept;
	walk(iv);
	iv->pos = pos;
	return why;
}

int interview_answer(struct interview *iv, int slot, const struct answer *a, const char **why)
{
	if (answer_check(iv->deck, slot, a, why) < 0)
		return -1;
	answer_clear(&iv->answers[slot]);
	answer_copy(&iv->answers[slot], a);
	walk(iv);
	return 0;
}

const struct answer *interview_get(const struct interview *iv, int slot)
{
	return &iv->answers[slot];
}

const char *interview_note(const struct interview *iv, int screen)
{
	return iv->notes[screen];
}

void interview_set_note(struct interview *iv, int screen, const char *text)
{
	free(iv->notes[screen]);
	iv->notes[screen] = text && *text ? xstrdup(text) : NULL;
}

bool interview_next(struct interview *iv)
{
	if (iv->pos + 1 < iv->npath) {
		iv->pos++;
		return true;
	}
	iv->complete = true;
	return false;
}

bool interview_back(struct interview *iv)
{
	if (iv->pos == 0)
		return false;
	if (iv->path[iv->pos] == iv->deck->stop && iv->stop_at >= 0 && iv->stop_at != iv->deck->stop) {
		int back = iv->stop_at;
		iv->stop_at = -1;
		walk(iv);
		return interview_goto(iv, back);
	}
	iv->pos--;
	return true;
}

bool interview_goto(struct interview *iv, int screen)
{
	for (size_t i = 0; i < iv->npath; i++)
		if (iv->path[i] == screen) {
			iv->pos = i;
			iv->complete = false;
			return true;
		}
	return false;
}

void interview_stop(struct interview *iv)
{
	interview_set_stop(iv, interview_current(iv));
	interview_goto(iv, iv->deck->stop);
}

void interview_set_stop(struct interview *iv, int screen)
{
	iv->stop_at = screen;
	walk(iv);
}

bool interview_hold(struct interview *iv)
{
	if (iv->pos != 0)
		return false;
	iv->held = true;
	return true;
}

void interview_release(struct interview *iv)
{
	if (!iv->held)
		return;
	iv->held = false;
	walk(iv);
}

int interview_stopped_at(const struct interview *iv)
{
	return iv->stop_at;
}

bool interview_complete(const struct interview *iv)
{
	return iv->complete;
}

size_t interview_discarded(const struct interview *iv, int *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < iv->deck->nslots; i++) {
		if (iv->answers[i].kind == ANS_NONE || slot_visible(iv, (int)i))
			continue;
		if (n < max)
			out[n] = (int)i;
		n++;
	}
	return n;
}

void interview_finish(struct interview *iv)
{
	for (size_t i = 0; i < iv->deck->nslots; i++)
		if (!slot_visible(iv, (int)i))
			answer_clear(&iv->answers[i]);
	for (size_t i = 0; i < iv->deck->n; i++)
		if (!iv->on_path[i])
			interview_set_note(iv, (int)i, NULL);
}

int interview_assess(const struct interview *iv, struct assessment *a, const char **why)
{
	struct assess_input in;
	interview_inputs(iv, &in);
	return assess_run(&in, a, why);
}
