#include "train/training.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "domain/catalog.h"

/* Appends "text" (and a separator) to *acc. */
static void says_add(char **acc, const char *text)
{
	char *n = *acc ? xasprintf("%s / %s", *acc, text) : xstrdup(text);
	free(*acc);
	*acc = n;
}

void training_view_init(struct view_training *t, const struct scenario *s, const struct deck *dk,
			bool solo)
{
	t->scenario = s;
	t->solo = solo;
	t->n = dk->n;
	t->says = xcalloc(dk->n ? dk->n : 1, sizeof *t->says);
	for (size_t i = 0; solo && i < s->nask; i++) {
		const struct scenario_ask *q = &s->ask[i];
		if (!q->says || q->screen < 0)
			continue;
		/* On a checklist, each quote is led by its item, so that the
		 * trainee can tell which quote answers which item. */
		const char *item = q->slot >= 0 && dk->s[q->screen].type == SCR_CHECKLIST
				   ? deck_slot_text(dk, q->slot) : NULL;
		char *line = item ? xasprintf("%s — %s", D_(q->id, item), C_(s->id, q->says))
			     : xstrdup(C_(s->id, q->says));
		says_add(&t->says[q->screen], line);
		free(line);
	}
}

void training_view_free(struct view_training *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->says[i]);
	free(t->says);
	memset(t, 0, sizeof *t);
}

static void wrapped(FILE *out, const char *indent, const char *text, int width)
{
	char *w = text_wrap(text, width - (int)strlen(indent));
	for (char *line = w, *nl; line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		fprintf(out, "%s%s\n", indent, line);
	}
	free(w);
}

void training_intro(FILE *out, const struct scenario *s, bool solo, int width)
{
	fprintf(out, "\n%s: %s\n\n", _("TRAINING"), C_(s->id, s->title));
	if (s->setting)
		wrapped(out, "", C_(s->id, s->setting), width);
	else
		wrapped(out, "", _("The person is waiting to be interviewed."), width);
	fputc('\n', out);
	wrapped(out, "", solo ? _("Solo practice: each question shows what the person says.")
		: _("Role-play: your partner plays the person from the card (train ID --card)."),
		width);
	wrapped(out, "", _("Nothing is saved: this is a training session. What the scenario "
			   "teaches comes in the debrief. Press Enter to begin."), width);
}

void training_card(FILE *out, const struct scenario *s, const struct deck *dk, int width)
{
	fprintf(out, "%s: %s\n\n", _("TRAINING role-play card"), C_(s->id, s->title));
	wrapped(out, "", C_(s->id, s->persona), width);
	fprintf(out, "\n%s\n", _("When you are asked about…, say:"));
	for (size_t i = 0; i < s->nask; i++) {
		const struct scenario_ask *q = &s->ask[i];
		if (!q->says)
			continue;
		const char *text = q->slot >= 0 ? deck_slot_text(dk, q->slot)
				   : dk->s[q->screen].question;
		fputc('\n', out);
		if (text)
			wrapped(out, "  ? ", D_(q->id, text), width);
		wrapped(out, "  > ", C_(s->id, q->says), width);
	}
	fputc('\n', out);
	/* What the story leaves out did not happen: the key answers "no" there, and
	 * only what the person cannot know (tonight, other people) is ungraded. */
	wrapped(out, "", _("If you are asked anything else: answer as the person would, from the "
			   "story above. What the story does not mention did not happen; where "
			   "you cannot tell (where you sleep tonight, other people), say you do "
			   "not know."), width);
}
