#include "domain/answers.h"

#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"
#include "base/xalloc.h"

static void unknown_id(const struct deck *dk, const char *path, const struct field *f,
		       struct diags *d)
{
	const char **ids = xmalloc((dk->nslots + 1) * sizeof *ids);
	for (size_t i = 0; i < dk->nslots; i++)
		ids[i] = dk->slots[i].id;
	ids[dk->nslots] = "stop-at";
	const char *near = suggest_nearest(f->key, ids, dk->nslots + 1);
	if (near)
		diags_add(d, path, f->line, f->col, "unknown question id '%s' (did you mean '%s'?)",
			  f->key, near);
	else if (deck_screen_find(dk, f->key) >= 0)
		diags_add(d, path, f->line, f->col, "screen '%s' takes no answer", f->key);
	else
		diags_add(d, path, f->line, f->col,
			  "unknown question id '%s': expected a screen or item id of the deck", f->key);
	free(ids);
}

static void apply_stop(struct interview *iv, const char *path, const struct field *f,
		       struct diags *d)
{
	int s = deck_screen_find(interview_deck(iv), f->value);
	if (s < 0)
		diags_add(d, path, f->vline, f->vcol, "stop-at names unknown screen '%s'", f->value);
	else
		interview_set_stop(iv, s);
}

int answers_apply(struct interview *iv, const struct stanza_file *f, struct diags *d)
{
	const struct deck *dk = interview_deck(iv);
	size_t before = d->n;
	if (f->n > 1)
		diags_add(d, f->path, f->s[1].line, 1, "expected one stanza; a blank line ends the answers");
	if (f->n == 0)
		return d->n > before ? -1 : 0;
	const struct stanza *st = &f->s[0];
	for (size_t i = 0; i < st->n; i++) {
		const struct field *fl = &st->f[i];
		if (stanza_get(st, fl->key) != fl) {
			diags_add(d, f->path, fl->line, fl->col, "'%s' is answered twice", fl->key);
			continue;
		}
		if (strcmp(fl->key, "stop-at") == 0) {
			apply_stop(iv, f->path, fl, d);
			continue;
		}
		int slot = deck_slot_find(dk, fl->key);
		if (slot < 0) {
			unknown_id(dk, f->path, fl, d);
			continue;
		}
		struct answer a;
		const char *why;
		if (answer_parse(dk, slot, fl->value, &a, &why) < 0) {
			diags_add(d, f->path, fl->vline, fl->vcol, "'%s' is not an answer to %s: expected %s",
				  fl->value, fl->key, why);
			continue;
		}
		interview_answer(iv, slot, &a, &why);
		answer_clear(&a);
	}
	return d->n > before ? -1 : 0;
}
