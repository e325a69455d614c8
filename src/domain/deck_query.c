/* deck_query: what the rest of the program asks of a loaded deck (its
 * texts, sections, types and slots), and freeing it. */
#include <stdlib.h>
#include <string.h>

#include "domain/deck.h"
#include "domain/guard.h"

#define X_NAME(e, name) name,
static const char *const type_names[SCR_TYPE_COUNT] = { SCREEN_TYPE_TABLE(X_NAME) };
#undef X_NAME

void deck_each_text(const struct deck *deck, deck_text_fn *fn, void *arg)
{
	for (size_t i = 0; i < deck->n; i++) {
		const struct screen *sc = &deck->s[i];
		const char *texts[] = { sc->question, sc->help, sc->why };
		for (size_t k = 0; k < 3; k++)
			if (texts[k])
				fn(arg, sc->id, texts[k], sc->file, sc->line);
		for (size_t k = 0; k < sc->nchoices; k++)
			fn(arg, sc->id, sc->choices[k].label, sc->file, sc->choices[k].line);
		for (size_t k = 0; k < sc->nitems; k++) {
			const struct item *it = &sc->items[k];
			fn(arg, it->id, it->text, sc->file, it->line);
			if (it->help)
				fn(arg, it->id, it->help, sc->file, it->line);
		}
	}
	/* Titles and steps are words of the interface, shared by every screen
	 * of the section: no context, as the program's own strings. */
	for (size_t i = 0; i < deck->nsections; i++) {
		const struct section *s = &deck->sections[i];
		fn(arg, NULL, s->title, s->file, s->line);
		if (s->step_name)
			fn(arg, NULL, s->step_name, s->file, s->line);
	}
}

const struct section *deck_section(const struct deck *dk, const char *id)
{
	for (size_t i = 0; i < dk->nsections; i++)
		if (strcmp(dk->sections[i].id, id) == 0)
			return &dk->sections[i];
	return NULL;
}

const char *deck_section_title(const struct deck *dk, const char *section)
{
	const struct section *s = deck_section(dk, section);
	return s ? s->title : section;
}

int deck_section_step(const struct deck *dk, const char *section)
{
	const struct section *s = deck_section(dk, section);
	return s ? s->step : -1;
}

bool deck_section_setup(const struct deck *dk, const char *section)
{
	const struct section *s = deck_section(dk, section);
	return s && s->setup;
}

const char *deck_type_name(enum screen_type t)
{
	return type_names[t];
}

bool deck_type_answers(enum screen_type t)
{
	return t == SCR_YESNO || t == SCR_SINGLE || t == SCR_MULTI || t == SCR_NUMBER ||
	       t == SCR_TEXT;
}

void deck_free(struct deck *dk)
{
	if (!dk)
		return;
	for (size_t i = 0; i < dk->n; i++) {
		struct screen *sc = &dk->s[i];
		free(sc->id);
		free(sc->section);
		free(sc->fact);
		free(sc->question);
		free(sc->help);
		free(sc->why);
		for (size_t j = 0; j < sc->nchoices; j++) {
			free(sc->choices[j].code);
			free(sc->choices[j].label);
		}
		free(sc->choices);
		for (size_t j = 0; j < sc->nitems; j++) {
			free(sc->items[j].id);
			free(sc->items[j].text);
			free(sc->items[j].help);
		}
		free(sc->items);
		for (size_t j = 0; j < sc->nnext; j++) {
			free(sc->next[j].target);
			free(sc->next[j].cond);
			guard_free(sc->next[j].guard);
		}
		free(sc->next);
	}
	free(dk->s);
	for (size_t i = 0; i < dk->nsections; i++) {
		free(dk->sections[i].id);
		free(dk->sections[i].title);
		free(dk->sections[i].step_name);
	}
	free(dk->sections);
	free(dk->steps);
	free(dk->slots);
	free(dk->screen_keys);
	free(dk->slot_keys);
	for (size_t i = 0; i < dk->nfiles; i++)
		free(dk->files[i]);
	free(dk->files);
	free(dk);
}

static const struct item *slot_item(const struct deck *dk, int slot)
{
	const struct slot *s = &dk->slots[slot];
	return s->item >= 0 ? &dk->s[s->screen].items[s->item] : NULL;
}

int deck_slot_indicator(const struct deck *dk, int slot)
{
	const struct item *it = slot_item(dk, slot);
	return it ? it->indicator : dk->s[dk->slots[slot].screen].indicator;
}

bool deck_slot_intended(const struct deck *dk, int slot)
{
	const struct item *it = slot_item(dk, slot);
	return it ? it->intended : dk->s[dk->slots[slot].screen].intended;
}

enum screen_type deck_slot_type(const struct deck *dk, int slot)
{
	return slot_item(dk, slot) ? SCR_YESNO : dk->s[dk->slots[slot].screen].type;
}

const char *deck_slot_text(const struct deck *dk, int slot)
{
	const struct item *it = slot_item(dk, slot);
	return it ? it->text : dk->s[dk->slots[slot].screen].question;
}
