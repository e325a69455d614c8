#include "train/training.h"

#include <stdlib.h>
#include <string.h>

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
		if (q->says && q->screen >= 0)
			says_add(&t->says[q->screen], C_(s->id, q->says));
	}
}

void training_view_free(struct view_training *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->says[i]);
	free(t->says);
	memset(t, 0, sizeof *t);
}
