#include "tui/page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "domain/catalog.h"
#include "app/view.h"
#include "tui/pass.h"

/* The element progress of the title: the step each section belongs to. The
 * stop screen shows none: it may be read by someone the person fears. */
static const char *const steps[] = { N_("Start"), N_("Act"), N_("Means"), N_("Purpose"), N_("Summary") };

static int step_of(const char *section)
{
	static const struct { const char *section; int step; } map[] = {
		{ "act", 1 }, { "means", 2 }, { "purpose", 3 }, { "smuggling", 3 }, { "now", 3 },
		{ "review", 4 }, { "summary", 4 }, { "referral", 4 }, { "close", 4 }, { "stop", -1 },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].section, section) == 0)
			return map[i].step;
	return 0;
}

struct builder {
	struct page *p;
	struct wizard *w;	/* NULL on the passphrase screen */
	int width;		/* for body text */
	int focus_row;		/* body row to keep visible, -1 if none */
	int cursor_row;		/* body row of the cursor, -1 if none */
	int cursor_col;
	struct row **rows;	/* the list being added to */
	int *nrows;
	bool ascii;		/* the terminal is not UTF-8: text in ASCII */
};

/* Adds a span to a row (the row owns its spans: row_free). */
static void span_add(struct row *r, struct span sp)
{
	r->spans = xrealloc(r->spans, (size_t)(r->nspans + 1) * sizeof *r->spans);
	r->spans[r->nspans++] = sp;
}

static struct row *add(struct builder *b, const char *text, enum style style)
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
static int add_wrapped(struct builder *b, const char *first, const char *text, enum style style)
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
			add(b, t, style)->lead = line == wrapped;
		} else {
			char *u = xasprintf("%s%s", first, t + strlen(first));
			add(b, u, style);
			free(u);
		}
		free(t);
	}
	free(wrapped);
	free(afirst);
	free(atext);
	return start;
}

static void blank(struct builder *b)
{
	add(b, "", S_NORMAL);
}

/* Bilingual: a deck text again in the respondent's language, under the
 * interviewer's, dimmed and tagged with the language. */
static void second(struct builder *b, const char *indent, const char *ctx, const char *text)
{
	const struct wizard *w = b->w;
	if (!w->langs || w->second < 0 || w->langs->v[w->second] == i18n_current())
		return;
	const struct catalog *c = w->langs->v[w->second];
	char *t = xasprintf("%s[%s] ", indent, catalog_lang(c));
	add_wrapped(b, t, catalog_get(c, ctx, text), S_DIM);
	free(t);
}

/* The question of an answer slot, first line, in the interface language. */
static const char *slot_text(const struct deck *dk, int slot)
{
	return D_(dk->slots[slot].id, deck_slot_text(dk, slot));
}

static void focus_rows(struct builder *b, int from, int to_excl, bool focused)
{
	if (!focused)
		return;
	for (int i = from; i < to_excl; i++)
		(*b->rows)[i].style = S_FOCUS;
	b->focus_row = from;
	b->cursor_row = from;
	b->cursor_col = 3;
}

static const struct screen *cur_screen(const struct builder *b)
{
	return &interview_deck(b->w->iv)->s[interview_current(b->w->iv)];
}

static void header(struct builder *b, const struct screen *sc)
{
	struct view_header h;
	view_header_training(b->w->training, b->w->iv, &h);
	char *t = xasprintf(_("%s — screen %zu of %zu"), h.section, h.pos, h.n);
	if (h.training) {
		char *m = xasprintf("%s %s", _("TRAINING"), t);
		free(t);
		t = m;
	}
	add(b, t, S_DIM);
	free(t);
	if (h.question) {
		add_wrapped(b, "", h.question, S_QUESTION);
		second(b, "", sc->id, sc->question);
	}
	if (h.says) {
		char *s = xasprintf(_("Says: %s"), h.says);
		add_wrapped(b, "", s, S_DIM);
		free(s);
	}
	if (h.note) {
		char *n = xasprintf(_("Note: %s"), h.note);
		add_wrapped(b, "", n, S_DIM);
		free(n);
	}
	blank(b);
}

/* A yes-no row: the key (from the key table) and the answer in words. */
static char *answer_label(enum ind_value v)
{
	static const struct { enum ind_value v; enum action a; const char *text; } rows[] = {
		{ IV_YES, ACT_YES, N_("Yes") },
		{ IV_INTENDED, ACT_INTENDED, N_("Intended: told, planned or expected, not yet done") },
		{ IV_NO, ACT_NO, N_("No") },
		{ IV_DONTKNOW, ACT_DONTKNOW, N_("Don't know") },
		{ IV_DECLINED, ACT_DECLINED, N_("Declined to answer") },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (rows[i].v == v)
			return xasprintf("%s  %s", keys_legend(rows[i].a), _(rows[i].text));
	return xstrdup("");
}

static void body_yesno(struct builder *b, const struct screen *sc)
{
	const struct deck *dk = interview_deck(b->w->iv);
	const struct answer *a = interview_get(b->w->iv, sc->slot);
	enum ind_value rows[5];
	int n = view_yesno_rows(dk, sc->slot, rows);
	for (int i = 0; i < n; i++) {
		bool chosen = a->kind == ANS_WORD && a->word == rows[i];
		char *t = xasprintf("%s ", chosen ? "(*)" : "( )"), *label = answer_label(rows[i]);
		int r = add_wrapped(b, t, label, chosen ? S_CHOSEN : S_NORMAL);
		free(label);
		free(t);
		focus_rows(b, r, *b->nrows, i == b->w->focus);
	}
}

static void word_answer(struct builder *b, const struct answer *a)
{
	if (a->kind == ANS_WORD) {
		char *t = xasprintf(_("Answer: %s"), ind_value_text(a->word));
		add(b, t, S_CHOSEN);
		free(t);
	}
}

static void body_choices(struct builder *b, const struct screen *sc)
{
	const struct answer *a = interview_get(b->w->iv, sc->slot);
	bool multi = sc->type == SCR_MULTI;
	size_t n;
	struct view_choice *c = view_choices(b->w->iv, &n);
	for (size_t i = 0; i < n; i++) {
		bool chosen = c[i].chosen;
		char *t = xasprintf("%s %zu  ", multi ? (chosen ? "[x]" : "[ ]") : (chosen ? "(*)" : "( )"),
				    i + 1);
		int r = add_wrapped(b, t, c[i].label, chosen ? S_CHOSEN : S_NORMAL);
		second(b, "       ", sc->id, sc->choices[i].label);
		free(t);
		focus_rows(b, r, *b->nrows, (int)i == b->w->focus);
	}
	free(c);
	blank(b);
	word_answer(b, a);
}

/* Display width of the first n bytes of s. */
static int width_of(const char *s, size_t n)
{
	char *head = xstrndup(s, n);
	int w = text_width(head);
	free(head);
	return w;
}

/* A one-line field showing text with the cursor at byte cur, scrolled so
 * that the cursor is visible; the hardware cursor goes there. */
static void field_of(struct builder *b, const char *label, const char *text, size_t cur,
		     const char *after)
{
	int room = b->width - text_width(label) - text_width(after) - 3;
	size_t skip = 0, len = strlen(text);
	while (width_of(text + skip, cur - skip) >= room && skip < cur) {
		uint32_t cp;
		size_t k = text_decode(text + skip, len - skip, &cp);
		skip += k ? k : 1;
	}
	char *t = xasprintf("%s[%s]%s", label, text + skip, after);
	struct row *r = add(b, t, S_FOCUS);
	span_add(r, (struct span){ 0, strlen(label), S_NORMAL });
	free(t);
	b->cursor_row = b->focus_row = *b->nrows - 1;
	b->cursor_col = 2 + text_width(label) + 1 + width_of(text + skip, cur - skip);
}

/* The wizard's edit buffer as a field. */
static void field(struct builder *b, const char *label, const char *after)
{
	const struct edit *e = &b->w->edit;
	field_of(b, label, e->buf ? e->buf : "", e->cur, after);
}

static void body_number(struct builder *b, const struct screen *sc)
{
	char *after = xasprintf(_("  (%ld to %ld)"), sc->min, sc->max);
	field(b, _("Answer: "), after);
	free(after);
	blank(b);
	word_answer(b, interview_get(b->w->iv, sc->slot));
}

static void body_text(struct builder *b, const struct screen *sc)
{
	field(b, _("Answer: "), "");
	blank(b);
	word_answer(b, interview_get(b->w->iv, sc->slot));	/* declined (F3) */
	add_wrapped(b, "", _("Type a few words, never names. Enter saves; an empty answer is left out."), S_DIM);
}

static void body_checklist(struct builder *b, const struct screen *sc)
{
	size_t n;
	struct view_item *it = view_items(b->w->iv, &n);
	for (size_t i = 0; i < n; i++) {
		int pad = 10 - text_width(it[i].value);
		char *t = xasprintf("[%s%*s] ", it[i].value, pad > 0 ? pad : 0, "");
		int r = add_wrapped(b, t, it[i].label, it[i].answered ? S_CHOSEN : S_NORMAL);
		second(b, "             ", it[i].item->id, it[i].item->text);
		free(t);
		focus_rows(b, r, *b->nrows, (int)i == b->w->focus);
	}
	free(it);
	blank(b);
	enum action marks[5];
	int nmarks = n ? view_answers(interview_deck(b->w->iv), sc->items[0].slot, marks) : 0;
	char *keys = action_list(marks, (size_t)nmarks, keys_legend);
	char *t = xasprintf(_("Mark the focused item: %s."), keys);
	add_wrapped(b, "", t, S_DIM);
	free(t);
	free(keys);
}

/* "Not answered: 3, 7" from the view's row numbers. */
static void number_list(struct builder *b, const char *title, const size_t *v, size_t n)
{
	char *t = NULL;
	size_t len = 0;
	FILE *f = xmemstream(&t, &len);
	fprintf(f, "%s: ", title);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%zu", i ? ", " : "", v[i]);
	fputs(n ? "" : _("none"), f);
	fclose(f);
	add_wrapped(b, "", t, S_NORMAL);
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
		char *t = xasprintf(_("Will be discarded: %s — %s"), slot_text(dk, slot), v);
		add_wrapped(b, "", t, S_DIM);
		free(t);
		free(v);
	}
	blank(b);
}

static void body_review(struct builder *b, const struct screen *sc)
{
	(void)sc;
	const struct deck *dk = interview_deck(b->w->iv);
	struct view_review rv;
	view_review(b->w->iv, &rv);
	review_lists(b, &rv);
	for (size_t i = 0; i <= rv.n; i++) {	/* the rows, then "continue" */
		int r;
		if (i == rv.n) {
			blank(b);
			r = add_wrapped(b, "", _("> Continue to the summary"), S_QUESTION);
		} else {
			const struct answer *a = interview_get(b->w->iv, rv.slots[i]);
			char *v = a->kind == ANS_NONE ? xstrdup(_("not answered"))
						      : answer_format(dk, rv.slots[i], a, false);
			char *num = xasprintf("%3zu. ", i + 1);
			char *t = xasprintf("%s — %s", slot_text(dk, rv.slots[i]), v);
			r = add_wrapped(b, num, t, S_NORMAL);
			free(num);
			free(t);
			free(v);
		}
		focus_rows(b, r, *b->nrows, (int)i == b->w->focus);
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
	add_wrapped(b, l->indent ? l->indent : "", text, S_NORMAL);
	size_t off = 0;
	for (int r = first; r < *b->nrows; r++) {
		struct row *row = &(*b->rows)[r];
		size_t len = strlen(row->text);
		for (size_t i = 0; i < l->nspans; i++) {
			size_t s = sp[i].start, e = s + sp[i].len;
			if (e > off && s < off + len) {
				size_t a0 = s > off ? s - off : 0, a1 = e < off + len ? e - off : len;
				span_add(row, (struct span){ a0, a1 - a0, S_MARK });
			}
		}
		off += len + 1;
	}
	free(text);
	free(sp);
}

static void body_summary(struct builder *b, const struct screen *sc)
{
	(void)sc;
	struct report r;
	const char *why;
	if (view_summary(b->w->iv, b->w->law, &r, &why) < 0) {
		add_wrapped(b, "", _("The answers contradict each other: go back and correct them."), S_MSG);
		return;
	}
	for (size_t i = 0; i < r.n; i++)
		report_line(b, &r.v[i]);
	report_free(&r);
}

static void body_referral(struct builder *b, const struct screen *sc)
{
	(void)sc;
	struct report r;
	if (view_contacts(b->w->contacts, &r)) {
		for (size_t i = 0; i < r.n; i++)
			report_line(b, &r.v[i]);
		report_free(&r);
	} else {
		char *t = b->w->contacts_path
			? xasprintf(_("No local contacts are configured: add them to %s."), b->w->contacts_path)
			: xstrdup(_("No local contacts are configured."));
		add_wrapped(b, "", t, S_DIM);
		free(t);
	}
}

static void body_page(struct builder *b, const struct screen *sc)
{
	(void)sc;
	add_wrapped(b, "", _("Press Enter to continue."), S_DIM);
}

/* How the wizard draws each screen type: one row per type, indexed as the
 * engine's table (answer.h: screen_kind) and the keys' (wizard.c). NULL: a
 * page that asks nothing. */
static void (*const bodies[SCR_TYPE_COUNT])(struct builder *, const struct screen *) = {
	[SCR_YESNO] = body_yesno,
	[SCR_SINGLE] = body_choices,
	[SCR_MULTI] = body_choices,
	[SCR_NUMBER] = body_number,
	[SCR_TEXT] = body_text,
	[SCR_CHECKLIST] = body_checklist,
	[SCR_REVIEW] = body_review,
	[SCR_SUMMARY] = body_summary,
	[SCR_REFERRAL] = body_referral,
};

static void body_screen(struct builder *b)
{
	const struct screen *sc = cur_screen(b);
	header(b, sc);
	(bodies[sc->type] ? bodies[sc->type] : body_page)(b, sc);
	if (b->w->noting) {
		blank(b);
		field(b, _("Note: "), "");
	}
}

/* The interviewer's help of the start screen (Tab, F1). */
static const char start_help[] = N_("Before you start: a private place, and an interpreter the person trusts if one is needed. Every answer is saved, encrypted, as it is given; the person may stop at any time, and an unfinished interview can be resumed from this screen.");

static void body_help(struct builder *b)
{
	add(b, _("Keys"), S_QUESTION);
	char *keys;
	const char *text;
	for (int i = 0; keys_help_line(i, &keys, &text); i++) {
		char *k = xasprintf("%-20s", keys);	/* key names are ASCII */
		add_wrapped(b, k, text, S_NORMAL);
		free(k);
		free(keys);
	}
	const struct screen *sc = cur_screen(b);
	if (b->w->help_from_start) {
		blank(b);
		add_wrapped(b, _("Help: "), _(start_help), S_NORMAL);
	}
	if (sc->help && !b->w->help_from_start) {
		blank(b);
		add_wrapped(b, _("Help: "), D_(sc->id, sc->help), S_NORMAL);
	}
	if (sc->why && !b->w->help_from_start) {
		blank(b);
		add_wrapped(b, _("Why we ask: "), D_(sc->id, sc->why), S_NORMAL);
	}
	blank(b);
	add_wrapped(b, "", _("Up and Down scroll this help; any other key goes back."), S_DIM);
}

static void body_start(struct builder *b)
{
	/* What can be done first, then what it is: on a small terminal the
	 * choices show, and the rest is a scroll away. */
	add_wrapped(b, "", _("Screening interview for possible trafficking in persons"), S_QUESTION);
	blank(b);
	char *enter = xasprintf("%-8s", keys_legend(ACT_NEXT)), *esc = xasprintf("%-8s", keys_legend(ACT_BACK));
	int r = add_wrapped(b, enter, _("Start a new interview"), S_NORMAL);
	free(enter);
	focus_rows(b, r, r + 1, true);
	b->focus_row = -1;	/* the whole screen scrolls */
	for (size_t i = 0; b->w->start && i < b->w->start->n; i++) {
		const struct view_resume *c = &b->w->start->cases[i];
		char *key = xasprintf("%zu       ", i + 1);
		char *t = xasprintf(_("Resume interview %s, last change %s"), c->id, c->when);
		add_wrapped(b, key, t, S_NORMAL);
		free(t);
		free(key);
	}
	add_wrapped(b, esc, _("Quit now"), S_NORMAL);
	free(esc);
	if (b->w->langs && b->w->langs->n > 1) {
		char *l = langs_label(b->w->langs, langs_current(b->w->langs));
		char *t = xasprintf(_("Language: %s (%s changes it)"), l, keys_legend(ACT_LANG));
		char *key = xasprintf("%-8s", keys_legend(ACT_LANG));
		add_wrapped(b, key, t, S_NORMAL);
		free(key);
		free(t);
		free(l);
	}
	if (b->w->langs && b->w->second >= 0) {	/* a draft says so wherever it is shown */
		char *l = langs_label(b->w->langs, b->w->second);
		char *t = xasprintf(_("Respondent's language, shown under each question: %s."), l);
		add_wrapped(b, "        ", t, S_NORMAL);
		free(t);
		free(l);
	}
	blank(b);
	add_wrapped(b, "", _("A screening is not a legal determination: it shows which elements of Article 3 of the UN Trafficking in Persons Protocol the answers are consistent with, and whom to refer to."), S_NORMAL);
	blank(b);
	char *hint = xasprintf(_("At any time, %s blanks the screen at once, and %s lists every key."),
			       keys_legend(ACT_HIDE), keys_legend(ACT_HELP));
	add_wrapped(b, "", hint, S_DIM);
	free(hint);
}

/* The title row: the program's name, and the element progress at step
 * (-1: none). */
static void title_of(struct page *p, int step, bool training)
{
	char *t = xasprintf("tipscreen %s", training ? _("TRAINING ") : "");
	char *bar;
	if (p->width >= 60 || step < 0) {
		bar = xstrdup("");
		for (int i = 0; i < 5 && step >= 0; i++) {
			char *n = xasprintf("%s%s%s%s%s", bar, i ? " › " : "", i == step ? "[" : "",
					    _(steps[i]), i == step ? "]" : "");
			free(bar);
			bar = n;
		}
	} else {
		bar = xasprintf(_("Step %d of 5: %s"), step + 1, _(steps[step]));
	}
	int pad = p->width - text_width(t) - text_width(bar) - 1;
	char *full = xasprintf("%s%*s%s ", t, pad > 0 ? pad : 1, "", bar);
	p->title.text = full;
	p->title.style = S_TITLE;
	char *mark = step >= 0 ? strchr(full + strlen(t), '[') : NULL;
	if (mark) {
		size_t len = strcspn(mark, "]") + 1;
		span_add(&p->title, (struct span){ (size_t)(mark - full), len, S_MARK });
	}
	free(t);
	free(bar);
}

static void title(struct page *p, const struct wizard *w)
{
	const struct deck *dk = interview_deck(w->iv);
	bool start = w->mode == W_START || (w->mode == W_HELP && w->help_from_start);
	title_of(p, start ? -1 : step_of(dk->s[interview_current(w->iv)].section), w->training != NULL);
}

/* The legend line: the key and word of each action, as many as fit; in a
 * text field (text) the keys that work there. */
static void legend_of(struct page *p, const enum action *list, int n, bool text)
{
	char *s = xstrdup("");
	for (int i = 0; i < n; i++) {
		/* Right to left, a left-to-right mark keeps "^X" from showing as "X^". */
		char *item = xasprintf("%s%s %s", p->rtl ? "\u200e" : "", keys_key(list[i], text),
				       C_("legend", action_word(list[i])));
		if (text_width(s) + text_width(item) + 2 > p->width) {
			free(item);
			break;
		}
		char *t = xasprintf("%s%s%s", s, *s ? "  " : "", item);
		free(s);
		free(item);
		s = t;
	}
	p->legend.text = s;
	p->legend.style = S_DIM;
}

/* The view's actions for where the wizard is. */
static void legend(struct page *p, const struct wizard *w)
{
	enum action list[VIEW_ACTIONS_MAX];
	enum view_place at = w->mode == W_START || (w->mode == W_HELP && w->help_from_start) ? VIEW_START
			     : w->mode == W_HELP ? VIEW_HELP : w->noting ? VIEW_NOTE : VIEW_SCREEN;
	int n = view_actions(w->iv, at, w->langs && w->langs->n > 1, list);
	legend_of(p, list, n, wizard_field(w) == FIELD_TEXT);
}

static void panel(struct builder *b)
{
	const struct screen *sc = cur_screen(b);
	char *title = xasprintf(_("Interviewer's help (%s hides it)"), keys_legend(ACT_PANEL));
	add(b, title, S_TITLE);
	free(title);
	if (b->w->mode == W_START) {
		add_wrapped(b, "", _(start_help), S_NORMAL);
		return;
	}
	if (sc->help)
		add_wrapped(b, "", D_(sc->id, sc->help), S_NORMAL);
	if (sc->why)
		add_wrapped(b, _("Why we ask: "), D_(sc->id, sc->why), S_NORMAL);
	if (!sc->help && !sc->why)
		add(b, _("No help for this screen."), S_DIM);
}

/* Which body rows show: the scroll *scroll, clamped, moved to keep the
 * focus row in sight; *page_rows is set to a page's worth for PgUp/PgDn. */
/* The entries (rows that begin one) in body rows [from, to); at least 1. */
static int entries(const struct page *p, int from, int to)
{
	int n = 0;
	for (int i = from; i < to; i++)
		n += p->body[i].lead;
	return n ? n : 1;
}

/* A "more" line: what is hidden above or below the body's window. */
static void more(struct row *r, const char *arrow, int n)
{
	r->text = xasprintf(_("%s %d more"), arrow, n);
	r->style = S_DIM;
}

/* The first body row shown, clamped and moved to keep the focus row in
 * sight, a line taken by a "more" marker on each side that hides rows. */
static int place(const struct page *p, int top, int focus, int *up, int *shown)
{
	int avail = p->body_lines;
	for (int i = 0; i < 4; i++) {
		*up = top > 0;
		*shown = avail - *up;
		bool down = top + *shown < p->nbody;
		*shown -= down;
		if (*shown < 1)
			*shown = 1;
		int t = top;
		if (focus >= 0 && focus < t)
			t = focus;
		if (focus >= 0 && focus >= t + *shown)
			t = focus - *shown + 1;
		if (t > 0 && t + *shown > p->nbody)	/* no blank lines at the end */
			t = p->nbody - (avail - 1);
		if (t < 0)
			t = 0;
		if (t == top)
			break;
		top = t;
	}
	return top;
}

/* Which body rows show: the scroll *scroll, clamped, moved to keep the
 * focus row in sight; *page_rows is set to a page's worth for PgUp/PgDn. */
static void window(struct page *p, int *scroll, int *page_rows, const struct builder *b,
		   bool ascii)
{
	int avail = p->height - 3;
	int ph = 0;
	if (p->npanel)
		ph = p->panel_lines = p->npanel < avail / 2 ? p->npanel : avail / 2;
	p->body_lines = avail - ph;
	int up, shown;
	int top = place(p, *scroll, b->focus_row, &up, &shown);
	*page_rows = shown > 1 ? shown - 1 : 1;
	*scroll = p->top = top;
	p->shown = shown < p->nbody - top ? shown : p->nbody - top;
	if (up)
		more(&p->more_up, ascii ? "^" : "↑", entries(p, 0, top));
	if (top + shown < p->nbody)
		more(&p->more_down, ascii ? "v" : "↓", entries(p, top + shown, p->nbody));
	p->cursor_row = -1;
	if (b->cursor_row >= top && b->cursor_row < top + shown) {
		p->cursor_row = 1 + up + b->cursor_row - top;
		p->cursor_col = b->cursor_col < p->width ? b->cursor_col : p->width - 1;
	}
}

/* An empty page for width x height; false when the terminal is too small
 * (the page then says so). */
static bool page_start(struct page *p, int width, int height)
{
	memset(p, 0, sizeof *p);
	p->width = width;
	p->height = height;
	p->too_small = width < PAGE_MIN_COLS || height < PAGE_MIN_LINES;
	if (p->too_small)
		p->cursor_row = -1;
	return !p->too_small;
}

void page_build(struct page *p, struct wizard *w, int width, int height)
{
	if (!page_start(p, width, height))
		return;
	struct builder b = { p, w, width - 4, -1, -1, 0, &p->body, &p->nbody, w->ascii };
	if (w->mode == W_START)
		body_start(&b);
	else if (w->mode == W_HELP)
		body_help(&b);
	else
		body_screen(&b);
	if (w->panel && (w->mode == W_INTERVIEW || w->mode == W_START)) {
		struct builder pb = { p, w, width - 4, -1, -1, 0, &p->panel, &p->npanel, w->ascii };
		panel(&pb);
	}
	title(p, w);
	p->rtl = catalog_rtl(i18n_current()) && !w->ascii && !w->bidi_terminal;
	p->msg.text = xstrdup(w->msg);
	p->msg.style = S_MSG;
	legend(p, w);
	window(p, &w->scroll, &w->page_rows, &b, w->ascii);
}

/* The passphrase screen: what it asks, the typed characters as '*'. */
static void body_pass(struct builder *b, const struct pass *ps)
{
	static const struct { const char *text, *label; } phases[] = {
		[PASS_LOADING] = { N_("The interviews on this laptop are encrypted. Type the passphrase to open them."),
				   N_("Passphrase: ") },
		[PASS_OLD] = { N_("The interviews on this laptop are encrypted. Type the passphrase to open them."),
			       N_("Passphrase: ") },
		[PASS_NEW] = { N_("This data directory has no passphrase yet. Choose one (8 characters or more); without it the interviews cannot be read, and nobody can recover it."),
			       N_("New passphrase: ") },
		[PASS_AGAIN] = { N_("Type the same passphrase again."), N_("The same passphrase again: ") },
	};
	add_wrapped(b, "", _("Screening interview for possible trafficking in persons"), S_QUESTION);
	blank(b);
	add_wrapped(b, "", _(phases[ps->phase].text), S_NORMAL);
	blank(b);
	char stars[PASS_MAX + 1];
	int n = ps->chars < PASS_MAX ? ps->chars : PASS_MAX;
	memset(stars, '*', (size_t)n);
	stars[n] = '\0';
	field_of(b, _(phases[ps->phase].label), stars, (size_t)n, "");
}

void page_build_pass(struct page *p, const struct pass *ps, bool ascii, int width, int height)
{
	if (!page_start(p, width, height))
		return;
	struct builder b = { p, NULL, width - 4, -1, -1, 0, &p->body, &p->nbody, ascii };
	body_pass(&b, ps);
	title_of(p, -1, false);
	p->rtl = catalog_rtl(i18n_current()) && !ascii;
	p->msg.text = xstrdup(ps->msg);
	p->msg.style = S_MSG;
	static const enum action keys[] = { ACT_NEXT, ACT_QUIT, ACT_HIDE };
	legend_of(p, keys, 3, true);
	int scroll = 0, page_rows;
	window(p, &scroll, &page_rows, &b, ascii);
}

static void row_free(struct row *r)
{
	free(r->text);
	free(r->spans);
}

void page_free(struct page *p)
{
	for (int i = 0; i < p->nbody; i++)
		row_free(&p->body[i]);
	for (int i = 0; i < p->npanel; i++)
		row_free(&p->panel[i]);
	free(p->body);
	free(p->panel);
	row_free(&p->title);
	row_free(&p->more_up);
	row_free(&p->more_down);
	row_free(&p->msg);
	row_free(&p->legend);
	memset(p, 0, sizeof *p);
}

char *page_text(const struct page *p)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (p->too_small) {
		fprintf(f, "%s\n", _("Terminal too small"));
	} else {
		fprintf(f, "%s\n", p->title.text);
		int line = 0;
		if (p->more_up.text && ++line)
			fprintf(f, "  %s\n", p->more_up.text);
		for (int i = 0; i < p->shown; i++, line++)
			fprintf(f, "  %s\n", p->body[p->top + i].text);
		if (p->more_down.text && ++line)
			fprintf(f, "  %s\n", p->more_down.text);
		for (; line < p->body_lines; line++)
			fprintf(f, "  \n");
		for (int i = 0; i < p->panel_lines; i++)
			fprintf(f, "  %s\n", p->panel[i].text);
		fprintf(f, "%s\n%s\n", p->msg.text, p->legend.text);
	}
	fclose(f);
	return buf;
}
