#include "domain/answers.h"

#include <stdlib.h>
#include <string.h>

#include "base/schema.h"
#include "base/xalloc.h"

/* What the take functions fill. */
struct answers_reader {
	struct interview *iv;
	const char *path;
	struct diags *d;
};

static void take_answer(void *obj, const struct field *f)
{
	struct answers_reader *r = obj;
	const struct deck *dk = interview_deck(r->iv);
	int slot = deck_slot_find(dk, f->key);
	struct answer a;
	const char *why;
	if (answer_parse(dk, slot, f->value, &a, &why) < 0) {
		diags_add(r->d, r->path, f->vline, f->vcol, "'%s' is not an answer to %s: expected %s",
			  f->value, f->key, why);
		return;
	}
	interview_answer(r->iv, slot, &a, &why);
	answer_clear(&a);
}

static void take_stop(void *obj, const struct field *f)
{
	struct answers_reader *r = obj;
	int s = deck_screen_find(interview_deck(r->iv), f->value);
	if (s < 0)
		diags_add(r->d, r->path, f->vline, f->vcol, "stop-at names unknown screen '%s'",
			  f->value);
	else
		interview_set_stop(r->iv, s);
}

static void take_no_answer(void *obj, const struct field *f)
{
	struct answers_reader *r = obj;
	diags_add(r->d, r->path, f->line, f->col, "screen '%s' takes no answer", f->key);
}

/* The table of an answers file: each slot of the deck once, the stop, and
 * the screens that take no answer (known, so named as such, but never
 * suggested). A new array the caller frees. */
static struct schema_field *answer_fields(const struct deck *dk, size_t *n)
{
	struct schema_field *v = xmalloc((dk->nslots + dk->n + 1) * sizeof *v);
	*n = 0;
	for (size_t i = 0; i < dk->nslots; i++)
		v[(*n)++] = (struct schema_field){ dk->slots[i].id, 0, take_answer };
	v[(*n)++] = (struct schema_field){ "stop-at", SCHEMA_NONEMPTY, take_stop };
	for (size_t i = 0; i < dk->n; i++)
		if (dk->s[i].slot < 0)
			v[(*n)++] = (struct schema_field){ dk->s[i].id, SCHEMA_UNLISTED, take_no_answer };
	return v;
}

int answers_apply(struct interview *iv, const struct stanza_file *f, struct diags *d)
{
	size_t before = d->n;
	if (f->n > 1)
		diags_add(d, f->path, f->s[1].line, 1, "expected one stanza; a blank line ends the answers");
	if (f->n == 0)
		return d->n > before ? -1 : 0;
	size_t n;
	struct schema_field *fields = answer_fields(interview_deck(iv), &n);
	struct schema sc = { "the answers", fields, n, "a screen or item id of the deck", true };
	struct answers_reader r = { iv, f->path, d };
	schema_read(&sc, &f->s[0], f->path, &r, d);
	free(fields);
	return d->n > before ? -1 : 0;
}
