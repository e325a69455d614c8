#include "page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/catalog.h"
#include "../core/law.h"
#include "../core/national.h"
#include "../core/report.h"
#include "../core/text.h"
#include "../core/xalloc.h"

/* The element progress of the title: the step each section belongs to. */
static const char *const steps[] = { N_("Start"), N_("Act"), N_("Means"), N_("Purpose"), N_("Summary") };

static int step_of(const char *section)
{
	static const struct { const char *section; int step; } map[] = {
		{ "act", 1 }, { "means", 2 }, { "purpose", 3 }, { "smuggling", 3 },
		{ "review", 4 }, { "summary", 4 }, { "referral", 4 }, { "close", 4 }, { "stop", 4 },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].section, section) == 0)
			return map[i].step;
	return 0;
}

struct builder {
	struct page *p;
	struct wizard *w;
	int width;		/* for body text */
	int focus_row;		/* body row to keep visible, -1 if none */
	int cursor_row;		/* body row of the cursor, -1 if none */
	int cursor_col;
	struct row **rows;	/* the list being added to */
	int *nrows;
};

static struct row *add(struct builder *b, const char *text, enum style style)
{
	*b->rows = xrealloc(*b->rows, (size_t)(*b->nrows + 1) * sizeof **b->rows);
	struct row *r = &(*b->rows)[(*b->nrows)++];
	memset(r, 0, sizeof *r);
	r->text = xstrdup(text);
	r->style = style;
	return r;
}

/* Adds text wrapped to the builder's width, the first row after first and
 * the others after as many spaces. Returns the index of the first row. */
static int add_wrapped(struct builder *b, const char *first, const char *text, enum style style)
{
	/* A terminal that is not UTF-8 gets ASCII: transliterated before
	 * wrapping, so that a longer spelling ("«" → "<<") is wrapped too. */
	char *afirst = b->w->ascii ? text_convert(first, "UTF-8", "ASCII") : NULL;
	char *atext = b->w->ascii ? text_convert(text, "UTF-8", "ASCII") : NULL;
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
			add(b, t, style);
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

/* A line of a quoted provision: "(a) …", "a) …", "2. …". */
static bool quote_line(const char *line)
{
	const char *p = line + (line[0] == '(');
	if (*p >= '1' && *p <= '9')
		return p[1] == '.';
	return *p >= 'a' && *p <= 'z' && p[1] == ')';
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
	size_t n, pos;
	interview_path(b->w->iv, &n, &pos);
	char *h = xasprintf(_("%s — screen %zu of %zu"), _(deck_section_title(sc->section)),
			    pos + 1, n);
	add(b, h, S_DIM);
	free(h);
	if (sc->question) {
		add_wrapped(b, "", D_(sc->id, sc->question), S_QUESTION);
		second(b, "", sc->id, sc->question);
	}
	const char *note = interview_note(b->w->iv, interview_current(b->w->iv));
	if (note) {
		char *t = xasprintf(_("Note: %s"), note);
		add_wrapped(b, "", t, S_DIM);
		free(t);
	}
	blank(b);
}

static const char *answer_label(enum ind_value v)
{
	switch (v) {
	case IV_YES: return _("y  Yes");
	case IV_INTENDED: return _("i  Intended: told, planned or expected, not yet done");
	case IV_NO: return _("n  No");
	case IV_DONTKNOW: return _("d  Don't know");
	case IV_DECLINED: return _("x  Declined to answer");
	default: return "";
	}
}

static void body_yesno(struct builder *b, const struct screen *sc)
{
	const struct deck *dk = interview_deck(b->w->iv);
	const struct answer *a = interview_get(b->w->iv, sc->slot);
	enum ind_value rows[5] = { IV_YES, IV_NO, IV_DONTKNOW, IV_DECLINED, IV_ABSENT };
	int n = 4;
	if (deck_slot_intended(dk, sc->slot)) {
		memmove(rows + 2, rows + 1, 3 * sizeof rows[0]);
		rows[1] = IV_INTENDED;
		n = 5;
	}
	for (int i = 0; i < n; i++) {
		bool chosen = a->kind == ANS_WORD && a->word == rows[i];
		char *t = xasprintf("%s ", chosen ? "(*)" : "( )");
		int r = add_wrapped(b, t, answer_label(rows[i]), chosen ? S_CHOSEN : S_NORMAL);
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
	for (size_t i = 0; i < sc->nchoices; i++) {
		bool chosen = multi ? a->kind == ANS_MULTI && (a->multi & (1u << i))
				    : a->kind == ANS_CHOICE && a->choice == (int)i;
		char *t = xasprintf("%s %zu  ", multi ? (chosen ? "[x]" : "[ ]") : (chosen ? "(*)" : "( )"),
				    i + 1);
		int r = add_wrapped(b, t, D_(sc->id, sc->choices[i].label), chosen ? S_CHOSEN : S_NORMAL);
		second(b, "       ", sc->id, sc->choices[i].label);
		free(t);
		focus_rows(b, r, *b->nrows, (int)i == b->w->focus);
	}
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

/* A one-line field showing the edit buffer, scrolled so that the cursor is
 * visible; the hardware cursor goes to the edit position. */
static void field(struct builder *b, const char *label, const char *after)
{
	const struct edit *e = &b->w->edit;
	const char *text = e->buf ? e->buf : "";
	int room = b->width - text_width(label) - text_width(after) - 3;
	size_t skip = 0;
	while (width_of(text + skip, e->cur - skip) >= room && skip < e->cur) {
		uint32_t cp;
		size_t k = text_decode(text + skip, e->len - skip, &cp);
		skip += k ? k : 1;
	}
	char *t = xasprintf("%s[%s]%s", label, text + skip, after);
	struct row *r = add(b, t, S_FOCUS);
	r->spans[0] = (struct span){ 0, strlen(label), S_NORMAL };
	r->nspans = 1;
	free(t);
	b->cursor_row = b->focus_row = *b->nrows - 1;
	b->cursor_col = 2 + text_width(label) + 1 + width_of(text + skip, e->cur - skip);
}

static void body_number(struct builder *b, const struct screen *sc)
{
	char *after = xasprintf(_("  (%ld to %ld)"), sc->min, sc->max);
	field(b, _("Answer: "), after);
	free(after);
	blank(b);
	word_answer(b, interview_get(b->w->iv, sc->slot));
}

static void body_text(struct builder *b)
{
	field(b, _("Answer: "), "");
	blank(b);
	add_wrapped(b, "", _("Type a few words, never names. Enter saves; an empty answer is left out."), S_DIM);
}

static const char *short_value(const struct answer *a)
{
	if (a->kind == ANS_NONE)
		return "-";
	switch (a->word) {
	case IV_YES: return C_("short", "yes");
	case IV_INTENDED: return C_("short", "intended");
	case IV_NO: return C_("short", "no");
	case IV_DONTKNOW: return C_("short", "don't know");
	default: return C_("short", "declined");
	}
}

static void body_checklist(struct builder *b, const struct screen *sc)
{
	for (size_t i = 0; i < sc->nitems; i++) {
		const struct answer *a = interview_get(b->w->iv, sc->items[i].slot);
		const char *v = short_value(a);
		int pad = 10 - text_width(v);
		char *t = xasprintf("[%s%*s] ", v, pad > 0 ? pad : 0, "");
		int r = add_wrapped(b, t, D_(sc->items[i].id, sc->items[i].text),
				    a->kind == ANS_NONE ? S_NORMAL : S_CHOSEN);
		second(b, "             ", sc->items[i].id, sc->items[i].text);
		free(t);
		focus_rows(b, r, *b->nrows, (int)i == b->w->focus);
	}
	blank(b);
	add_wrapped(b, "", sc->nitems && sc->items[0].intended
		    ? _("Mark the focused item: y yes, i intended, n no, d don't know, x declined.")
		    : _("Mark the focused item: y yes, n no, d don't know, x declined."), S_DIM);
}

static void review_lists(struct builder *b, const int *rows, int n)
{
	static const char *const titles[] = { N_("Not answered"), N_("Declined") };
	for (int l = 0; l < 2; l++) {
		char *nums = xstrdup("");
		for (int i = 0; i < n; i++) {
			if (rows[i] < 0)
				continue;
			const struct answer *a = interview_get(b->w->iv, rows[i]);
			bool hit = l == 0 ? a->kind == ANS_NONE : a->kind == ANS_WORD && a->word == IV_DECLINED;
			if (!hit)
				continue;
			char *t = xasprintf("%s%s%d", nums, *nums ? ", " : "", i + 1);
			free(nums);
			nums = t;
		}
		char *t = xasprintf("%s: %s", _(titles[l]), *nums ? nums : _("none"));
		add_wrapped(b, "", t, S_NORMAL);
		free(t);
		free(nums);
	}
	const struct deck *dk = interview_deck(b->w->iv);
	int off[64];
	size_t noff = interview_discarded(b->w->iv, off, 64);
	for (size_t i = 0; i < noff && i < 64; i++) {
		char *v = answer_format(dk, off[i], interview_get(b->w->iv, off[i]), false);
		char *t = xasprintf(_("Will be discarded: %s — %s"), slot_text(dk, off[i]), v);
		add_wrapped(b, "", t, S_DIM);
		free(t);
		free(v);
	}
	blank(b);
}

static void body_review(struct builder *b)
{
	const struct deck *dk = interview_deck(b->w->iv);
	int rows[512];
	int n = wizard_review_rows(b->w, rows, 512);
	review_lists(b, rows, n);
	for (int i = 0; i < n; i++) {
		int r;
		if (rows[i] < 0) {
			blank(b);
			r = add_wrapped(b, "", _("> Continue to the summary"), S_QUESTION);
		} else {
			const struct answer *a = interview_get(b->w->iv, rows[i]);
			char *v = a->kind == ANS_NONE ? xstrdup(_("not answered"))
						      : answer_format(dk, rows[i], a, false);
			char *num = xasprintf("%3d. ", i + 1);
			char *t = xasprintf("%s — %s", slot_text(dk, rows[i]), v);
			r = add_wrapped(b, num, t, S_NORMAL);
			free(num);
			free(t);
			free(v);
		}
		focus_rows(b, r, *b->nrows, i == b->w->focus);
	}
}

/* Marks every occurrence of word (wlen bytes) in line on the rows it was
 * wrapped into; first is the first of those rows. */
static void mark_word(struct builder *b, int first, const char *line, const char *word, size_t wlen)
{
	char *w = xstrndup(word, wlen);
	for (const char *at = strstr(line, w); at; at = strstr(at + wlen, w)) {
		size_t s = (size_t)(at - line), e = s + wlen, off = 0;
		for (int r = first; r < *b->nrows; r++) {
			struct row *row = &(*b->rows)[r];
			size_t len = strlen(row->text);
			if (e > off && s < off + len && row->nspans < 8) {
				size_t a0 = s > off ? s - off : 0, a1 = e < off + len ? e - off : len;
				row->spans[row->nspans++] = (struct span){ a0, a1 - a0, S_MARK };
			}
			off += len + 1;
		}
	}
	free(w);
}

/* Adds a report's lines, wrapped, with the words the answers matched (a
 * "; " list) highlighted in the quoted law: the lines that start "(a)",
 * "2." and so on. Wrapping turns single spaces into row breaks, so byte
 * offsets in a quote carry over to its rows. */
static void add_report(struct builder *b, const char *text, const char *matched)
{
	char *copy = xstrdup(text);
	for (char *line = copy, *e; line; line = e ? e + 1 : NULL) {
		e = strchr(line, '\n');
		if (e)
			*e = '\0';
		bool quote = quote_line(line);
		int first = *b->nrows;
		if (strncmp(line, "  - ", 4) == 0)
			add_wrapped(b, "  - ", line + 4, S_NORMAL);	/* a list item: hanging indent */
		else
			add_wrapped(b, "", line, S_NORMAL);
		for (const char *m = matched; quote && *m;) {
			size_t ml = strcspn(m, ";");
			mark_word(b, first, line, m, ml);
			m += ml;
			while (*m == ';' || *m == ' ')
				m++;
		}
	}
	free(copy);
}

/* The words the answers matched in every cited text, joined by "; ". */
static char *matched_words(const struct assessment *a)
{
	char *all = xstrdup("");
	for (int c = 0; c < CITE_COUNT; c++) {
		struct law_quote q;
		const struct catalog *langs[] = { NULL, i18n_current() };
		for (size_t k = 0; k < 2 && a->cite[c]; k++) {
			if ((k && !langs[k]) || law_quote(c, catalog_lang(langs[k]), &q) < 0)
				continue;
			char *m = report_matched_words(a, q.text, langs[k]);
			char *t = xasprintf("%s%s%s", all, *all && *m ? "; " : "", m);
			free(all);
			free(m);
			all = t;
			law_quote_free(&q);
		}
	}
	return all;
}

static void body_summary(struct builder *b)
{
	struct assess_input in;
	struct assessment a;
	const char *why;
	interview_inputs(b->w->iv, &in);
	if (assess_run(&in, &a, &why) < 0) {
		add_wrapped(b, "", _("The answers contradict each other: go back and correct them."), S_MSG);
		return;
	}
	size_t nev;
	struct evidence *ev = report_evidence(b->w->iv, &nev);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	report_text(f, &a, &in, ev, nev, 100000);	/* wrapped here, to the screen */
	if (b->w->law)
		national_print(f, b->w->law, &in, &a, 100000);
	fclose(f);
	free(ev);
	char *all = matched_words(&a);
	add_report(b, buf, all);
	free(all);
	free(buf);
}

static void body_referral(struct builder *b)
{
	if (b->w->contacts && b->w->contacts->file.n) {
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		contacts_print(b->w->contacts, f);
		fclose(f);
		add_report(b, buf, "");
		free(buf);
	} else {
		char *t = b->w->contacts_path
			? xasprintf(_("No local contacts are configured: add them to %s."), b->w->contacts_path)
			: xstrdup(_("No local contacts are configured."));
		add_wrapped(b, "", t, S_DIM);
		free(t);
	}
}

static void body_screen(struct builder *b)
{
	const struct screen *sc = cur_screen(b);
	header(b, sc);
	switch (sc->type) {
	case SCR_YESNO: body_yesno(b, sc); break;
	case SCR_SINGLE:
	case SCR_MULTI: body_choices(b, sc); break;
	case SCR_NUMBER: body_number(b, sc); break;
	case SCR_TEXT: body_text(b); break;
	case SCR_CHECKLIST: body_checklist(b, sc); break;
	case SCR_REVIEW: body_review(b); break;
	case SCR_SUMMARY: body_summary(b); break;
	case SCR_REFERRAL: body_referral(b); break;
	default: add_wrapped(b, "", _("Press Enter to continue."), S_DIM); break;
	}
	if (b->w->noting) {
		blank(b);
		field(b, _("Note: "), "");
	}
}

static void body_help(struct builder *b)
{
	add(b, _("Keys"), S_QUESTION);
	const char *keys, *text;
	for (int i = 0; keys_help_line(i, &keys, &text); i++) {
		char *k = xasprintf("%-20s", keys);	/* key names are ASCII */
		add_wrapped(b, k, text, S_NORMAL);
		free(k);
	}
	const struct screen *sc = cur_screen(b);
	if (sc->help) {
		blank(b);
		add_wrapped(b, _("Help: "), D_(sc->id, sc->help), S_NORMAL);
	}
	if (sc->why) {
		blank(b);
		add_wrapped(b, _("Why we ask: "), D_(sc->id, sc->why), S_NORMAL);
	}
	blank(b);
	add(b, _("Press any key to go back to the interview."), S_DIM);
}

static void body_start(struct builder *b)
{
	add_wrapped(b, "", _("Screening interview for possible trafficking in persons"), S_QUESTION);
	blank(b);
	add_wrapped(b, "", _("A screening is not a legal determination: it shows which elements of Article 3 of the UN Trafficking in Persons Protocol the answers are consistent with, and whom to refer to."), S_NORMAL);
	blank(b);
	int r = add_wrapped(b, "Enter   ", _("Start a new interview"), S_NORMAL);
	focus_rows(b, r, r + 1, true);
	for (size_t i = 0; i < b->w->nresume && i < 9; i++) {
		const struct store_case *c = &b->w->resume[i];
		char when[32], *key = xasprintf("%zu       ", i + 1);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&c->updated));
		char *t = xasprintf(_("Resume interview %s, last change %s"), c->id, when);
		add_wrapped(b, key, t, S_NORMAL);
		free(t);
		free(key);
	}
	add_wrapped(b, "Esc     ", _("Quit now"), S_NORMAL);
	if (b->w->langs && b->w->langs->n > 1) {
		char *l = langs_label(b->w->langs, langs_current(b->w->langs));
		char *t = xasprintf(_("Language: %s (F2 or l changes it)"), l);
		add_wrapped(b, "F2      ", t, S_NORMAL);
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
	add_wrapped(b, "", _("At any time, Ctrl-X blanks the screen at once, and F1 or ? lists every key."), S_DIM);
}

static void title(struct page *p, const struct wizard *w)
{
	const struct deck *dk = interview_deck(w->iv);
	int step = w->mode == W_START ? -1 : step_of(dk->s[interview_current(w->iv)].section);
	char *t = xstrdup("tipscreen ");
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
		p->title.spans[0] = (struct span){ (size_t)(mark - full), len, S_MARK };
		p->title.nspans = 1;
	}
	free(t);
	free(bar);
}

static void legend(struct page *p, const struct wizard *w)
{
	enum action list[12];
	int n = 0;
	enum wizard_field f = wizard_field(w);
	const struct screen *sc = &interview_deck(w->iv)->s[interview_current(w->iv)];
	/* The most needed first: a narrow terminal shows only the start. */
	list[n++] = ACT_NEXT;
	list[n++] = ACT_BACK;
	list[n++] = ACT_HIDE;
	list[n++] = ACT_HELP;
	if (w->mode == W_INTERVIEW && f == FIELD_NONE &&
	    (sc->type == SCR_YESNO || sc->type == SCR_CHECKLIST)) {
		list[n++] = ACT_YES;
		list[n++] = ACT_NO;
		list[n++] = ACT_DONTKNOW;
		list[n++] = ACT_DECLINED;
	}
	list[n++] = ACT_PANEL;
	list[n++] = ACT_STOP;
	if (w->langs && w->langs->n > 1)
		list[n++] = ACT_LANG;
	static const char *const words[ACT_COUNT] = {
		[ACT_YES] = NC_("legend", "yes"), [ACT_NO] = NC_("legend", "no"),
		[ACT_DONTKNOW] = NC_("legend", "don't know"), [ACT_DECLINED] = NC_("legend", "declined"),
		[ACT_NEXT] = NC_("legend", "next"), [ACT_BACK] = NC_("legend", "back"),
		[ACT_HELP] = NC_("legend", "keys"), [ACT_PANEL] = NC_("legend", "help"),
		[ACT_STOP] = NC_("legend", "stop"), [ACT_HIDE] = NC_("legend", "hide"),
		[ACT_LANG] = NC_("legend", "language"),
	};
	char *s = xstrdup("");
	for (int i = 0; i < n; i++) {
		/* Right to left, a left-to-right mark keeps "^X" from showing as "X^". */
		char *item = xasprintf("%s%s %s", p->rtl ? "\u200e" : "", keys_legend(list[i]),
				       C_("legend", words[list[i]]));
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

static void panel(struct builder *b)
{
	const struct screen *sc = cur_screen(b);
	add(b, _("Interviewer's help (Tab hides it)"), S_TITLE);
	if (sc->help)
		add_wrapped(b, "", D_(sc->id, sc->help), S_NORMAL);
	if (sc->why)
		add_wrapped(b, _("Why we ask: "), D_(sc->id, sc->why), S_NORMAL);
	if (!sc->help && !sc->why)
		add(b, _("No help for this screen."), S_DIM);
}

static void window(struct page *p, struct wizard *w, const struct builder *b)
{
	int avail = p->height - 3;
	int ph = 0;
	if (p->npanel)
		ph = p->panel_lines = p->npanel < avail / 2 ? p->npanel : avail / 2;
	p->body_lines = avail - ph;
	w->page_rows = p->body_lines > 1 ? p->body_lines - 1 : 1;
	int top = w->scroll;
	if (b->focus_row >= 0) {
		if (b->focus_row < top)
			top = b->focus_row;
		if (b->focus_row >= top + p->body_lines)
			top = b->focus_row - p->body_lines + 1;
	}
	if (top > p->nbody - p->body_lines)
		top = p->nbody - p->body_lines;
	if (top < 0)
		top = 0;
	w->scroll = p->top = top;
	p->cursor_row = -1;
	if (b->cursor_row >= top && b->cursor_row < top + p->body_lines) {
		p->cursor_row = 1 + b->cursor_row - top;
		p->cursor_col = b->cursor_col < p->width ? b->cursor_col : p->width - 1;
	}
}

void page_build(struct page *p, struct wizard *w, int width, int height)
{
	memset(p, 0, sizeof *p);
	p->width = width;
	p->height = height;
	if (width < PAGE_MIN_COLS || height < PAGE_MIN_LINES) {
		p->too_small = true;
		p->cursor_row = -1;
		return;
	}
	struct builder b = { p, w, width - 4, -1, -1, 0, &p->body, &p->nbody };
	if (w->mode == W_START)
		body_start(&b);
	else if (w->mode == W_HELP)
		body_help(&b);
	else
		body_screen(&b);
	if (w->panel && w->mode == W_INTERVIEW) {
		struct builder pb = { p, w, width - 4, -1, -1, 0, &p->panel, &p->npanel };
		panel(&pb);
	}
	title(p, w);
	p->rtl = catalog_rtl(i18n_current()) && !w->ascii && !w->bidi_terminal;
	p->msg.text = xstrdup(w->msg);
	p->msg.style = S_MSG;
	legend(p, w);
	window(p, w, &b);
}

static void row_free(struct row *r)
{
	free(r->text);
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
		for (int i = 0; i < p->body_lines; i++)
			fprintf(f, "  %s\n", p->top + i < p->nbody ? p->body[p->top + i].text : "");
		for (int i = 0; i < p->panel_lines; i++)
			fprintf(f, "  %s\n", p->panel[i].text);
		fprintf(f, "%s\n%s\n", p->msg.text, p->legend.text);
	}
	fclose(f);
	return buf;
}
