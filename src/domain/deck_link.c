/* deck_link: the second half of loading a deck (deck_loader.h): the answer
 * slots and the sorted indexes that deck_screen_find and deck_slot_find
 * search, the special screens, the Next: targets and their guards (names
 * resolved and comparisons typed against what each name can be), and the
 * sections and progress steps the screens name. */
#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "domain/deck.h"
#include "domain/deck_loader.h"

static void add_name(struct deck_loader *L, const char *name)
{
	xgrow((void **)&L->names, &L->capnames, L->nnames + 1, sizeof *L->names);
	L->names[L->nnames++] = name;
}

static void add_slot(struct deck_loader *L, const char *id, int screen, int item)
{
	struct deck *dk = L->deck;
	add_name(L, id);
	if (screen < 0)
		return;
	xgrow((void **)&dk->slots, &L->capslots, dk->nslots + 1, sizeof *dk->slots);
	dk->slots[dk->nslots++] = (struct slot){ id, screen, item };
}

/* An id where it is written, for the duplicate check. */
struct id_at {
	const char *id, *file;
	int line;
	size_t order;	/* in file order */
};

static int cmp_id_at(const void *a, const void *b)
{
	const struct id_at *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* Every screen and item id once: sorted, a duplicate is next to the one it
 * repeats, and is named where it is written the second time. */
static void check_unique(struct deck_loader *L)
{
	struct deck *dk = L->deck;
	struct id_at *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < dk->n; i++) {
		const struct screen *sc = &dk->s[i];
		xgrow((void **)&v, &cap, n + 1 + sc->nitems, sizeof *v);
		v[n] = (struct id_at){ sc->id, sc->file, sc->line, n };
		n++;
		for (size_t j = 0; j < sc->nitems; j++, n++)
			v[n] = (struct id_at){ sc->items[j].id, sc->file, sc->items[j].line, n };
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_id_at);
	for (size_t i = 1; i < n; i++)
		if (strcmp(v[i].id, v[i - 1].id) == 0) {
			L->file = v[i].file;
			deck_err(L, v[i].line, 1, "id '%s' is used twice", v[i].id);
		}
	free(v);
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(((const struct deck_key *)a)->id, ((const struct deck_key *)b)->id);
}

/* The lookup indexes: screens and slots sorted by id. */
static void make_index(struct deck *dk)
{
	dk->screen_keys = xmalloc((dk->n ? dk->n : 1) * sizeof *dk->screen_keys);
	for (size_t i = 0; i < dk->n; i++)
		dk->screen_keys[i] = (struct deck_key){ dk->s[i].id, (int)i };
	qsort(dk->screen_keys, dk->n, sizeof *dk->screen_keys, cmp_key);
	dk->slot_keys = xmalloc((dk->nslots ? dk->nslots : 1) * sizeof *dk->slot_keys);
	for (size_t i = 0; i < dk->nslots; i++)
		dk->slot_keys[i] = (struct deck_key){ dk->slots[i].id, (int)i };
	qsort(dk->slot_keys, dk->nslots, sizeof *dk->slot_keys, cmp_key);
}

/* One slot per answering screen and per checklist item; every id unique. */
static void make_slots(struct deck_loader *L)
{
	struct deck *dk = L->deck;
	for (size_t i = 0; i < dk->n; i++) {
		struct screen *sc = &dk->s[i];
		if (deck_type_answers(sc->type)) {
			sc->slot = (int)dk->nslots;
			add_slot(L, sc->id, (int)i, -1);
		} else {
			add_slot(L, sc->id, -1, -1);
		}
		for (size_t j = 0; j < sc->nitems; j++) {
			sc->items[j].slot = (int)dk->nslots;
			add_slot(L, sc->items[j].id, (int)i, (int)j);
		}
	}
	check_unique(L);
	make_index(dk);
}

static int find_special(struct deck_loader *L, enum screen_type t, bool required)
{
	struct deck *dk = L->deck;
	int found = -1;
	for (size_t i = 0; i < dk->n; i++) {
		if (dk->s[i].type != t)
			continue;
		if (found >= 0) {
			L->file = dk->s[i].file;
			deck_err(L, dk->s[i].line, 1, "a second %s screen '%s': a deck has one",
			    deck_type_name(t), dk->s[i].id);
		}
		found = (int)i;
	}
	if (found < 0 && required)
		diags_add(L->d, dk->files[0], 0, 0, "the deck has no %s screen", deck_type_name(t));
	return found;
}

static int guard_resolve(void *ctx, const char *name, struct guard_ref *out)
{
	struct deck_loader *L = ctx;
	int i;
	if ((i = deck_slot_find(L->deck, name)) >= 0)
		*out = (struct guard_ref){ GREF_SLOT, i };
	else if ((i = indicator_lookup(name)) >= 0)
		*out = (struct guard_ref){ GREF_INDICATOR, i };
	else if ((i = element_lookup(name)) >= 0)
		*out = (struct guard_ref){ GREF_ELEMENT, i };
	else if ((i = inputs_key_lookup(name)) >= 0)
		*out = (struct guard_ref){ GREF_INPUT, i };
	else
		return -1;
	return 0;
}

static bool one_of(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

/* The values a slot's answer takes in a condition (interview.c's
 * slot_value), by its type's row: NULL if v is one, else what they are. */
static const char *slot_expects(const struct deck *dk, int slot, const struct gval *v)
{
	const struct screen *sc = &dk->s[dk->slots[slot].screen];
	const struct deck_type_rules *r = deck_type_rules(deck_slot_type(dk, slot));
	bool intended = r->guard_intended && deck_slot_intended(dk, slot);
	bool ok = v->t == GV_NUM ? r->guard_number
		: r->guard_text || (r->guard_words && one_of(v->s, r->guard_words)) ||
		  (intended && strcmp(v->s, "intended") == 0);
	for (size_t i = 0; !ok && r->guard_codes && v->t != GV_NUM && i < sc->nchoices; i++)
		ok = strcmp(sc->choices[i].code, v->s) == 0;
	if (ok)
		return NULL;
	return intended ? r->guard_expected_intended : r->guard_expected;
}

static const char *guard_expects(void *ctx, const struct guard_ref *r, const struct gval *v)
{
	static const char *const ind[] = { "yes", "no", "dontknow", "declined", "unanswered", "intended", NULL };
	static const char *const status[] = { "met", "not-met", "unclear", NULL };
	struct deck_loader *L = ctx;
	bool num = v->t == GV_NUM;
	switch (r->kind) {
	case GREF_SLOT:
		return slot_expects(L->deck, r->index, v);
	case GREF_INDICATOR:
		return !num && one_of(v->s, ind) ? NULL
			: "yes, intended, no, dontknow, declined or unanswered";
	case GREF_ELEMENT:
		return !num && one_of(v->s, status) ? NULL : "met, not-met or unclear";
	case GREF_INPUT:
		break;
	}
	/* An input: a number key takes numbers; the others their words, or
	 * unanswered while unset. */
	if (inputs_key_is_number(r->index))
		return num ? NULL : "a number";
	bool never_unset = r->index == IN_CHILD || r->index == IN_MINOR_NOW;
	if (!num && (inputs_value_lookup(r->index, v->s) >= 0 ||
		     (strcmp(v->s, "unanswered") == 0 && !never_unset)))
		return NULL;
	return inputs_key_allowed(r->index);
}

static const char *guard_suggest(void *ctx, const char *name)
{
	struct deck_loader *L = ctx;
	return suggest_nearest(name, L->names, L->nnames);
}

static void link_transition(struct deck_loader *L, struct transition *tr)
{
	struct deck *dk = L->deck;
	char *v = tr->target;
	size_t n = strcspn(v, " \t");
	const char *rest = v + n;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	if (*rest) {
		if (strncmp(rest, "if", 2) != 0 || (rest[2] != ' ' && rest[2] != '\t')) {
			deck_err(L, tr->line, tr->col + (int)text_chars(v, (size_t)(rest - v)),
			    "expected 'if' after the target '%.*s'", (int)n, v);
		} else {
			const char *g = rest + 3;
			struct guard_names names = { L, guard_resolve, guard_suggest, guard_expects };
			int col;
			char *msg;
			tr->cond = xstrdup(g);
			tr->guard = guard_parse(g, &names, &col, &msg);
			if (!tr->guard) {
				deck_err(L, tr->line, tr->col + (int)text_chars(v, (size_t)(g - v)) + col - 1,
				    "%s", msg);
				free(msg);
			}
		}
	}
	v[n] = '\0';
	int found = deck_screen_find(dk, v);
	tr->to = found >= 0 ? found : DECK_END;
	if (found >= 0 || strcmp(v, "end") == 0)
		return;
	const char **ids = xmalloc(dk->n * sizeof *ids);
	for (size_t i = 0; i < dk->n; i++)
		ids[i] = dk->s[i].id;
	const char *near = suggest_nearest(v, ids, dk->n);
	if (near)
		deck_err(L, tr->line, tr->col, "'Next:' names unknown screen '%s' (did you mean '%s'?)", v, near);
	else
		deck_err(L, tr->line, tr->col, "'Next:' names unknown screen '%s'", v);
	free(ids);
}

static void link_screen(struct deck_loader *L, struct screen *sc)
{
	L->file = sc->file;
	if (sc->nnext == 0)
		deck_err(L, sc->line, 1, "screen '%s' has no 'Next:'", sc->id);
	for (size_t j = 0; j < sc->nnext; j++) {
		struct transition *tr = &sc->next[j];
		bool cond = strpbrk(tr->target, " \t") != NULL;
		link_transition(L, tr);
		bool last = j + 1 == sc->nnext;
		if (last && cond)
			deck_err(L, tr->line, tr->col, "the last 'Next:' of screen '%s' must have no condition",
			    sc->id);
		else if (!last && !cond)
			deck_err(L, sc->next[j + 1].line, sc->next[j + 1].col,
			    "this 'Next:' is never taken: the one before it has no condition");
	}
}

/* The step of each section: the steps are the distinct Step: names, in the
 * order the sections come in the deck. */
static void link_steps(struct deck *dk)
{
	for (size_t i = 0; i < dk->nsections; i++) {
		struct section *s = &dk->sections[i];
		if (!s->step_name)
			continue;
		size_t k = 0;
		while (k < dk->nsteps && strcmp(dk->steps[k], s->step_name) != 0)
			k++;
		if (k == dk->nsteps) {
			dk->steps = xrealloc(dk->steps, (dk->nsteps + 1) * sizeof *dk->steps);
			dk->steps[dk->nsteps++] = s->step_name;
		}
		s->step = (int)k;
	}
}

/* Every screen's section has a Section stanza. */
static void link_sections(struct deck_loader *L)
{
	struct deck *dk = L->deck;
	const char **ids = xmalloc((dk->nsections + 1) * sizeof *ids);
	for (size_t i = 0; i < dk->nsections; i++)
		ids[i] = dk->sections[i].id;
	for (size_t i = 0; i < dk->n; i++) {
		const struct screen *sc = &dk->s[i];
		if (deck_section(dk, sc->section))
			continue;
		L->file = sc->file;
		const char *near = suggest_nearest(sc->section, ids, dk->nsections);
		if (near)
			deck_err(L, sc->section_line, sc->section_col, "unknown section '%s' (did you mean '%s'?)",
			    sc->section, near);
		else
			deck_err(L, sc->section_line, sc->section_col, "unknown section '%s': expected a section "
			    "given by a 'Section:' stanza of the deck", sc->section);
	}
	free(ids);
	link_steps(dk);
}

void deck_link(struct deck_loader *L)
{
	struct deck *dk = L->deck;
	make_slots(L);
	for (int i = 0; i < IND_COUNT; i++)
		add_name(L, indicator_id(i));
	for (int i = 0; i < EL_COUNT; i++)
		add_name(L, element_name(i));
	for (int i = 0; i < IN_KEY_COUNT; i++)
		add_name(L, inputs_key_name(i));
	dk->start = 0;
	dk->summary = find_special(L, SCR_SUMMARY, true);
	dk->stop = find_special(L, SCR_STOP, true);
	dk->review = find_special(L, SCR_REVIEW, false);
	find_special(L, SCR_REFERRAL, false);
	for (size_t i = 0; i < dk->n; i++)
		link_screen(L, &dk->s[i]);
	link_sections(L);
}

static int find_key(const struct deck_key *keys, size_t n, const char *id)
{
	if (!keys)
		return -1;
	struct deck_key k = { id, -1 };
	const struct deck_key *f = bsearch(&k, keys, n, sizeof *keys, cmp_key);
	return f ? f->index : -1;
}

int deck_screen_find(const struct deck *dk, const char *id)
{
	return find_key(dk->screen_keys, dk->n, id);
}

int deck_slot_find(const struct deck *dk, const char *id)
{
	return find_key(dk->slot_keys, dk->nslots, id);
}
