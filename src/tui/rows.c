#include "tui/rows.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "domain/catalog.h"

/* Adds a span to a row (the row owns its spans: row_free). */
void rows_span(struct row *r, struct span sp)
{
	r->spans = xrealloc(r->spans, (size_t)(r->nspans + 1) * sizeof *r->spans);
	r->spans[r->nspans++] = sp;
}

struct row *rows_add(struct builder *b, const char *text, enum style style)
{
	*b->rows = xrealloc(*b->rows, (size_t)(*b->nrows + 1) * sizeof **b->rows);
	struct row *r = &(*b->rows)[(*b->nrows)++];
	memset(r, 0, sizeof *r);
	r->text = xstrdup(text);
	r->style = style;
	r->lead = *text != '\0';
	return r;
}

/* Adds text wrapped to the builder's width, the first row after first and
 * the others after as many spaces. Returns the index of the first row. */
int rows_wrapped(struct builder *b, const char *first, const char *text, enum style style)
{
	/* A terminal that is not UTF-8 gets ASCII: transliterated before
	 * wrapping, so that a longer spelling ("«" → "<<") is wrapped too. */
	char *afirst = b->ascii ? text_convert(first, "UTF-8", "ASCII") : NULL;
	char *atext = b->ascii ? text_convert(text, "UTF-8", "ASCII") : NULL;
	first = afirst ? afirst : first;
	text = atext ? atext : text;
	int ind = text_width(first);
	char *wrapped = text_wrap(text, b->width - ind > 10 ? b->width - ind : 10);
	int start = *b->nrows;
	for (char *line = wrapped, *e; line; line = e ? e + 1 : NULL) {
		e = strchr(line, '\n');
		char *t = xasprintf("%*s%.*s", line == wrapped ? 0 : ind, line == wrapped ? first : "",
				    e ? (int)(e - line) : (int)strlen(line), line);
		if (line != wrapped || !*first) {
			rows_add(b, t, style)->lead = line == wrapped;
		} else {
			char *u = xasprintf("%s%s", first, t + strlen(first));
			rows_add(b, u, style);
			free(u);
		}
		free(t);
	}
	free(wrapped);
	free(afirst);
	free(atext);
	return start;
}

void rows_blank(struct builder *b)
{
	rows_add(b, "", S_NORMAL);
}

void rows_hint(struct builder *b, const char *text)
{
	for (int r = rows_wrapped(b, "", text, S_DIM); r < *b->nrows; r++)
		(*b->rows)[r].lead = false;
}

/* The question of an answer slot, first line, in the interface language. */
const char *rows_slot_text(const struct deck *dk, int slot)
{
	return D_(dk->slots[slot].id, deck_slot_text(dk, slot));
}

void rows_focus(struct builder *b, int from, int to_excl, bool focused)
{
	if (!focused)
		return;
	for (int i = from; i < to_excl; i++)
		(*b->rows)[i].style = S_FOCUS;
	b->focus_row = from;
	b->focus_end = to_excl;
	b->cursor_row = from;
	b->cursor_col = 3;
}

