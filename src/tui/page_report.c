#include "tui/page_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "domain/catalog.h"
#include "app/view.h"
#include "tui/wizard.h"

/* "Not answered: 3, 7" from the view's row numbers. */
static void number_list(struct builder *b, const char *title, const size_t *v, size_t n)
{
	char *t = NULL;
	size_t len = 0;
	FILE *f = xmemstream(&t, &len);
	fprintf(f, C_("label", "%s: %s"), title, "");
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%zu", i ? ", " : "", v[i]);
	fputs(n ? "" : _("none"), f);
	fclose(f);
	rows_wrapped(b, "", t, S_NORMAL);
	free(t);
}

static void review_lists(struct builder *b, const struct view_review *rv)
{
	const struct deck *dk = interview_deck(b->w->iv);
	number_list(b, _("Not answered"), rv->unanswered, rv->nunanswered);
	number_list(b, _("Declined"), rv->declined, rv->ndeclined);
	for (size_t i = 0; i < rv->ndiscarded; i++) {
		int slot = rv->discarded[i];
		char *v = answer_format(dk, slot, interview_get(b->w->iv, slot), false);
		char *t = xasprintf(_("Will be discarded: %s — %s"), rows_slot_text(dk, slot), v);
		rows_wrapped(b, "", t, S_DIM);
		free(t);
		free(v);
	}
	rows_blank(b);
}

void page_review(struct builder *b, const struct screen *sc)
{
	(void)sc;
	const struct deck *dk = interview_deck(b->w->iv);
	struct view_review rv;
	view_review(b->w->iv, &rv);
	review_lists(b, &rv);
	for (size_t i = 0; i <= rv.n; i++) {	/* the rows, then "continue" */
		int r;
		if (i == rv.n) {
			rows_blank(b);
			r = rows_wrapped(b, "", _("> Continue to the summary"), S_QUESTION);
		} else {
			const struct answer *a = interview_get(b->w->iv, rv.slots[i]);
			char *v = a->kind == ANS_NONE ? xstrdup(_("not answered"))
						      : answer_format(dk, rv.slots[i], a, false);
			char *num = xasprintf("%3zu. ", i + 1);
			char *t = xasprintf("%s — %s", rows_slot_text(dk, rv.slots[i]), v);
			r = rows_wrapped(b, num, t, S_NORMAL);
			free(num);
			free(t);
			free(v);
		}
		rows_focus(b, r, *b->nrows, (int)i == b->w->focus);
	}
	view_review_free(&rv);
}

static int by_offset(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

/* Where old byte offset at went, between the cut points cut[0..n) whose
 * new offsets are to[]. */
static size_t moved(const size_t *cut, const size_t *to, size_t n, size_t at)
{
	for (size_t i = 0; i < n; i++)
		if (cut[i] == at)
			return to[i];
	return at;
}

/* A text in ASCII for a terminal that is not UTF-8, its spans carried
 * over: the text is cut at every span's start and end and each piece is
 * transliterated on its own, so that the highlights stay on the words
 * they mark. A new string; the spans are rewritten. */
static char *ascii_spans(const char *text, struct report_span *sp, size_t n)
{
	size_t ncut = 0, *cut = xmalloc((2 * n + 2) * sizeof *cut), *to = xmalloc((2 * n + 2) * sizeof *to);
	cut[ncut++] = 0;
	for (size_t i = 0; i < n; i++) {
		cut[ncut++] = sp[i].start;
		cut[ncut++] = sp[i].start + sp[i].len;
	}
	cut[ncut++] = strlen(text);
	qsort(cut, ncut, sizeof *cut, by_offset);
	char *out = xstrdup("");
	for (size_t i = 0; i < ncut; i++) {
		to[i] = strlen(out);
		if (i + 1 == ncut || cut[i + 1] == cut[i])
			continue;
		char *piece = xstrndup(text + cut[i], cut[i + 1] - cut[i]);
		char *conv = text_convert(piece, "UTF-8", "ASCII");
		char *t = xasprintf("%s%s", out, conv ? conv : piece);
		free(out);
		out = t;
		free(conv);
		free(piece);
	}
	for (size_t i = 0; i < n; i++) {
		size_t s = moved(cut, to, ncut, sp[i].start);
		sp[i] = (struct report_span){ s, moved(cut, to, ncut, sp[i].start + sp[i].len) - s };
	}
	free(cut);
	free(to);
	return out;
}

/* A line of the structured report, wrapped, the matched law words
 * highlighted (S_MARK) on the rows they were wrapped into. Wrapping
 * turns single spaces into row breaks, so byte offsets carry over. */
static void report_line(struct builder *b, const struct report_line *l)
{
	struct report_span *sp = xmalloc((l->nspans + 1) * sizeof *sp);
	if (l->nspans)
		memcpy(sp, l->spans, l->nspans * sizeof *sp);
	char *text = b->ascii && l->nspans ? ascii_spans(l->text, sp, l->nspans) : xstrdup(l->text);
	int first = *b->nrows;
	rows_wrapped(b, l->indent ? l->indent : "", text, S_NORMAL);
	size_t off = 0;
	for (int r = first; r < *b->nrows; r++) {
		struct row *row = &(*b->rows)[r];
		size_t len = strlen(row->text);
		for (size_t i = 0; i < l->nspans; i++) {
			size_t s = sp[i].start, e = s + sp[i].len;
			if (e > off && s < off + len) {
				size_t a0 = s > off ? s - off : 0, a1 = e < off + len ? e - off : len;
				rows_span(row, (struct span){ a0, a1 - a0, S_MARK });
			}
		}
		off += len + 1;
	}
	free(text);
	free(sp);
}

void page_summary(struct builder *b, const struct screen *sc)
{
	(void)sc;
	struct report r;
	const char *why;
	if (view_summary(b->w->iv, b->w->law, &r, &why) < 0) {
		rows_wrapped(b, "", _("The answers contradict each other: go back and correct them."), S_MSG);
		return;
	}
	for (size_t i = 0; i < r.n; i++)
		report_line(b, &r.v[i]);
	report_free(&r);
}

void page_referral(struct builder *b, const struct screen *sc)
{
	(void)sc;
	struct report r;
	view_contacts(b->w->contacts, b->w->iv, &r);
	for (size_t i = 0; i < r.n; i++)
		report_line(b, &r.v[i]);
	report_free(&r);
}
