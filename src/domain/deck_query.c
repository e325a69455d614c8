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
		const char *texts[] = { sc->question, sc->help, sc->why, sc->statement };
		for (size_t k = 0; k < 4; k++)
			if (texts[k])
				fn(arg, sc->id, texts[k], sc->file, sc->line);
		for (size_t k = 0; k < sc->nchoices; k++)
			fn(arg, sc->id, sc->choices[k].label, sc->file, sc->choices[k].line);
		for (size_t k = 0; k < sc->nitems; k++) {
			const struct item *it = &sc->items[k];
			fn(arg, it->id, it->text, sc->file, it->line);
			if (it->help)
				fn(arg, it->id, it->help, sc->file, it->line);
			if (it->statement)
				fn(arg, it->id, it->statement, sc->file, it->line);
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

static const char *const yesno_words[] = { "yes", "no", "dontknow", "declined", "unanswered", NULL };
static const char *const unclear_words[] = { "dontknow", "declined", "unanswered", NULL };
static const char *const multi_words[] = { "yes", "declined", "unanswered", NULL };

/* What a condition says of a page: nothing a test of its own could mean. */
#define PAGE_GUARD .guard_text = true, .guard_expected = "a text (quoted), or unanswered"

/* One row per screen type (dpkg's fieldinfos[]): what each requires and
 * permits of its stanza, read by the loader (deck.c), the linker
 * (deck_link.c) and lint. */
static const struct deck_type_rules type_rules[] = {
	[SCR_NOTE] = { .question = true, .sets = DECK_SETS_VISIT, PAGE_GUARD },
	[SCR_YESNO] = { .answers = true, .question = true, .asks = true, .indicates = true,
			.sets = DECK_SETS_YESNO, .guard_words = yesno_words, .guard_intended = true,
			.guard_expected = "yes, no, dontknow, declined or unanswered",
			.guard_expected_intended = "yes, intended, no, dontknow, declined or unanswered" },
	[SCR_SINGLE] = { .answers = true, .question = true, .asks = true, .choices = true,
			 .gives_fact = true, .sets = DECK_SETS_CHOICE, .guard_words = unclear_words,
			 .guard_codes = true,
			 .guard_expected = "one of its choice codes (quoted), dontknow, declined or unanswered" },
	[SCR_MULTI] = { .answers = true, .question = true, .asks = true, .choices = true,
			.sets = DECK_SETS_NOTHING, .guard_words = multi_words,
			.guard_expected = "yes (something chosen), declined or unanswered; "
					  "selected(id, \"code\") tests a choice" },
	[SCR_NUMBER] = { .answers = true, .question = true, .asks = true, .range = true,
			 .sets = DECK_SETS_NUMBER, .guard_words = unclear_words, .guard_number = true,
			 .guard_expected = "a number, dontknow, declined or unanswered" },
	[SCR_TEXT] = { .answers = true, .question = true, .asks = true, .sets = DECK_SETS_NOTHING,
		       PAGE_GUARD },
	[SCR_CHECKLIST] = { .question = true, .asks = true, .items = true, .sets = DECK_SETS_NOTHING,
			    PAGE_GUARD },
	[SCR_REVIEW] = { .sets = DECK_SETS_NOTHING, PAGE_GUARD },
	[SCR_SUMMARY] = { .sets = DECK_SETS_NOTHING, PAGE_GUARD },
	[SCR_REFERRAL] = { .sets = DECK_SETS_NOTHING, PAGE_GUARD },
	[SCR_STOP] = { .question = true, .sets = DECK_SETS_VISIT, PAGE_GUARD },
};
_Static_assert(sizeof type_rules / sizeof type_rules[0] == SCR_TYPE_COUNT,
	       "a screen type without its row in type_rules");

const struct deck_type_rules *deck_type_rules(enum screen_type t)
{
	return &type_rules[t];
}

bool deck_type_answers(enum screen_type t)
{
	return type_rules[t].answers;
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
		free(sc->statement);
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
			free(sc->items[j].statement);
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

const char *deck_slot_statement(const struct deck *dk, int slot)
{
	const struct item *it = slot_item(dk, slot);
	const struct screen *sc = &dk->s[dk->slots[slot].screen];
	if (it)
		return it->statement ? it->statement : it->text;
	return sc->statement ? sc->statement : sc->question;
}
