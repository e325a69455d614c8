#include "tui/page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "domain/catalog.h"
#include "app/view.h"
#include "tui/legend.h"
#include "tui/page_report.h"
#include "tui/pass.h"

/* Bilingual: a deck text again in the respondent's language, under the
 * interviewer's, dimmed and tagged with the language; only on the screens
 * read to the person. */
static void second(struct builder *b, const char *indent, const char *ctx, const char *text)
{
	const struct wizard *w = b->w;
	int i = frontend_second(w->ss, w->langs);
	if (i < 0 || w->langs->v[i] == i18n_current() ||
	    !view_read_to_person(interview_deck(w->iv), interview_current(w->iv)))
		return;
	const struct catalog *c = w->langs->v[i];
	char *t = xasprintf("%s[%s] ", indent, catalog_lang(c));
	rows_wrapped(b, t, catalog_get(c, ctx, text), S_DIM);
	free(t);
}

static const struct screen *cur_screen(const struct builder *b)
{
	return &interview_deck(b->w->iv)->s[interview_current(b->w->iv)];
}

static void header(struct builder *b, const struct screen *sc)
{
	struct view_header h;
	view_header_training(b->w->training, b->w->iv, &h);
	char *t = view_progress(&h);
	if (h.training) {
		char *m = xasprintf("%s %s", _("TRAINING"), t);
		free(t);
		t = m;
	}
	rows_add(b, t, S_DIM);
	free(t);
	if (h.question) {
		rows_wrapped(b, "", h.question, S_QUESTION);
		second(b, "", sc->id, sc->question);
	}
	if (h.says) {
		char *s = xasprintf(_("Says: %s"), h.says);
		rows_wrapped(b, "", s, S_DIM);
		free(s);
	}
	if (h.note) {
		char *n = xasprintf(_("Note: %s"), h.note);
		rows_wrapped(b, "", n, S_DIM);
		free(n);
	}
	rows_blank(b);
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
		int r = rows_wrapped(b, t, label, chosen ? S_CHOSEN : S_NORMAL);
		free(label);
		free(t);
		rows_focus(b, r, *b->nrows, i == b->w->focus);
	}
}

static void word_answer(struct builder *b, const struct answer *a)
{
	if (a->kind == ANS_WORD) {
		char *t = xasprintf(_("Answer: %s"), ind_value_text(a->word));
		rows_add(b, t, S_CHOSEN);
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
		int r = rows_wrapped(b, t, c[i].label, chosen ? S_CHOSEN : S_NORMAL);
		second(b, "       ", sc->id, sc->choices[i].label);
		free(t);
		rows_focus(b, r, *b->nrows, (int)i == b->w->focus);
	}
	free(c);
	rows_blank(b);
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
	struct row *r = rows_add(b, t, S_FOCUS);
	rows_span(r, (struct span){ 0, strlen(label), S_NORMAL });
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
	rows_blank(b);
	word_answer(b, interview_get(b->w->iv, sc->slot));
}

/* Where the lines of a wrapped field begin (byte offsets into text, the
 * first 0): greedy, at the last space that lets a line fit in room
 * columns, else where it is full. *n their number; a new array. */
static size_t *field_breaks(const char *text, int room, size_t *n)
{
	size_t len = strlen(text), cap = 8, start = 0, space = 0;
	size_t *v = xmalloc(cap * sizeof *v);
	int width = 0;
	*n = 0;
	v[(*n)++] = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_decode(text + i, len - i, &cp);
		k = k ? k : 1;
		int cw = width_of(text + i, k);
		if (width + cw > room && i > start) {
			size_t at = space > start ? space : i;
			if (*n == cap)
				v = xrealloc(v, (cap *= 2) * sizeof *v);
			v[(*n)++] = start = at;
			width = width_of(text + start, i - start);
			space = start;
		}
		width += cw;
		i += k;
		if (cp == ' ')
			space = i;	/* a line may begin after it */
	}
	return v;
}

/* A text field wrapped over as many rows as it needs (a person's own
 * account is long): the label on the first, the text under it, the
 * hardware cursor where the edit's is. */
static void field_wrapped(struct builder *b, const char *label)
{
	const struct edit *e = &b->w->edit;
	const char *text = e->buf ? e->buf : "";
	int lw = text_width(label), room = b->width - lw - 3;
	if (room < 10)
		room = 10;
	size_t n, len = strlen(text);
	size_t *at = field_breaks(text, room, &n);
	int first = *b->nrows;
	for (size_t i = 0; i < n; i++) {
		size_t end = i + 1 < n ? at[i + 1] : len;
		char *t = xasprintf("%*s%s%.*s%s", i ? lw : 0, i ? "" : label, i ? " " : "[",
				    (int)(end - at[i]), text + at[i], i + 1 == n ? "]" : "");
		struct row *r = rows_add(b, t, S_FOCUS);
		if (!i)
			rows_span(r, (struct span){ 0, strlen(label), S_NORMAL });
		r->lead = !i;
		free(t);
		size_t next = i + 1 < n ? at[i + 1] : len + 1;
		if (e->cur >= at[i] && e->cur < next) {
			b->cursor_row = *b->nrows - 1;
			b->cursor_col = 2 + lw + 1 + width_of(text + at[i], e->cur - at[i]);
		}
	}
	b->focus_row = first;
	b->focus_end = *b->nrows;
	free(at);
}

static void body_text(struct builder *b, const struct screen *sc)
{
	field_wrapped(b, _("Answer: "));
	rows_blank(b);
	word_answer(b, interview_get(b->w->iv, sc->slot));	/* declined (F3) */
	rows_hint(b, _("Type a few words, never names. Enter saves; an empty answer is left out."));
}

/* The width of a checklist's answer column: its longest short answer in
 * the interface language ("ne sait pas" is 11), at least 10. */
static int value_column(void)
{
	static const char *const words[] = { NC_("short", "yes"), NC_("short", "intended"),
		NC_("short", "no"), NC_("short", "don't know"), NC_("short", "declined") };
	int w = 10;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		int k = text_width(C_("short", words[i]));
		w = k > w ? k : w;
	}
	return w;
}

static void body_checklist(struct builder *b, const struct screen *sc)
{
	size_t n;
	struct view_item *it = view_items(b->w->iv, &n);
	int column = value_column();
	for (size_t i = 0; i < n; i++) {
		int pad = column - text_width(it[i].value);
		char *t = xasprintf("[%s%*s] ", it[i].value, pad > 0 ? pad : 0, "");
		int r = rows_wrapped(b, t, it[i].label, it[i].answered ? S_CHOSEN : S_NORMAL);
		char *indent = xasprintf("%*s", column + 3, "");	/* under the item's text */
		second(b, indent, it[i].item->id, it[i].item->text);
		free(indent);
		free(t);
		rows_focus(b, r, *b->nrows, (int)i == b->w->focus);
	}
	free(it);
	rows_blank(b);
	enum action marks[5];
	int nmarks = n ? view_answers(interview_deck(b->w->iv), sc->items[0].slot, marks) : 0;
	char *keys = action_list(marks, (size_t)nmarks, keys_legend);
	char *t = xasprintf(_("Mark the focused item: %s."), keys);
	rows_hint(b, t);
	free(t);
	free(keys);
}

static void body_page(struct builder *b, const struct screen *sc)
{
	(void)sc;
	rows_hint(b, _("Press Enter to continue."));
}

/* How the wizard draws each screen type: one row per type, indexed as the
 * engine's table (answer.h: screen_kind) and the keys' (wizard.c); a page
 * that asks nothing is body_page. */
static void (*const bodies[])(struct builder *, const struct screen *) = {
	[SCR_NOTE] = body_page,
	[SCR_YESNO] = body_yesno,
	[SCR_SINGLE] = body_choices,
	[SCR_MULTI] = body_choices,
	[SCR_NUMBER] = body_number,
	[SCR_TEXT] = body_text,
	[SCR_CHECKLIST] = body_checklist,
	[SCR_REVIEW] = page_review,
	[SCR_SUMMARY] = page_summary,
	[SCR_REFERRAL] = page_referral,
	[SCR_STOP] = body_page,
};
_Static_assert(sizeof bodies / sizeof bodies[0] == SCR_TYPE_COUNT,
	       "a screen type without its row in the wizard's bodies");

static void body_screen(struct builder *b)
{
	const struct screen *sc = cur_screen(b);
	header(b, sc);
	bodies[sc->type](b, sc);
	if (b->w->noting) {
		rows_blank(b);
		field(b, _("Note: "), "");
	}
}

/* The interviewer's help of the start screen (Tab, F1). */
static const char start_help[] = N_("Before you start: a private place, and an interpreter the person trusts if one is needed. Every answer is saved, encrypted, as it is given; the person may stop at any time, and an unfinished interview can be resumed from this screen.");

static void body_help(struct builder *b)
{
	rows_add(b, _("Keys"), S_QUESTION);
	char *keys;
	const char *text;
	for (int i = 0; keys_help_line(i, &keys, &text); i++) {
		char *k = xasprintf("%-20s", keys);	/* key names are ASCII */
		rows_wrapped(b, k, text, S_NORMAL);
		free(k);
		free(keys);
	}
	const struct screen *sc = cur_screen(b);
	if (b->w->help_from_start) {
		rows_blank(b);
		rows_wrapped(b, _("Help: "), _(start_help), S_NORMAL);
	}
	if (sc->help && !b->w->help_from_start) {
		rows_blank(b);
		rows_wrapped(b, _("Help: "), D_(sc->id, sc->help), S_NORMAL);
	}
	if (sc->why && !b->w->help_from_start) {
		rows_blank(b);
		rows_wrapped(b, _("Why we ask: "), D_(sc->id, sc->why), S_NORMAL);
	}
	rows_blank(b);
	rows_wrapped(b, "", _("Up and Down scroll this help; any other key goes back."), S_DIM);
}

static void body_start(struct builder *b)
{
	/* What can be done first, then what it is: on a small terminal the
	 * choices show, and the rest is a scroll away. */
	rows_wrapped(b, "", _("Screening interview for possible trafficking in persons"), S_QUESTION);
	rows_blank(b);
	char *enter = xasprintf("%-8s", keys_legend(ACT_NEXT)), *esc = xasprintf("%-8s", keys_legend(ACT_BACK));
	int r = rows_wrapped(b, enter, _("Start a new interview"), S_NORMAL);
	free(enter);
	rows_focus(b, r, r + 1, true);
	b->focus_row = -1;	/* the whole screen scrolls */
	for (size_t i = 0; b->w->start && i < b->w->start->n; i++) {
		const struct view_resume *c = &b->w->start->cases[i];
		char *key = xasprintf("%zu       ", i + 1);
		char *what = view_resume_text(interview_deck(b->w->iv), c);
		char *t = xasprintf(_("Resume interview %s"), what);
		free(what);
		rows_wrapped(b, key, t, S_NORMAL);
		free(t);
		free(key);
	}
	rows_wrapped(b, esc, _("Quit now"), S_NORMAL);
	free(esc);
	if (b->w->langs && b->w->langs->n > 1) {
		char *l = langs_label(b->w->langs, langs_current(b->w->langs));
		char *t = xasprintf(_("Language: %s (%s changes it)"), l, keys_legend(ACT_LANG));
		char *key = xasprintf("%-8s", keys_legend(ACT_LANG));
		rows_wrapped(b, key, t, S_NORMAL);
		free(key);
		free(t);
		free(l);
	}
	int second = frontend_second(b->w->ss, b->w->langs);
	if (second >= 0) {	/* a draft says so wherever it is shown */
		char *l = langs_label(b->w->langs, second);
		char *t = xasprintf(_("Respondent's language, shown under each question: %s."), l);
		rows_wrapped(b, "        ", t, S_NORMAL);
		free(t);
		free(l);
	}
	char *missing = view_contacts_missing(b->w->contacts, b->w->contacts_path,
					      b->w->contacts_example);
	if (missing) {
		rows_blank(b);
		rows_wrapped(b, "", missing, S_MSG);
		free(missing);
	}
	rows_blank(b);
	rows_wrapped(b, "", _("A screening is not a legal determination: it shows which elements of Article 3 of the UN Trafficking in Persons Protocol the answers are consistent with, and whom to refer to."), S_NORMAL);
	rows_blank(b);
	char *hint = xasprintf(_("At any time, %s blanks the screen at once, and %s lists every key."),
			       keys_legend(ACT_HIDE), keys_legend(ACT_HELP));
	rows_wrapped(b, "", hint, S_DIM);
	free(hint);
}

/* The title row: the program's name, and the deck's progress (its Section
 * stanzas' steps, deck->steps) at step (-1: none). */
static void title_of(struct page *p, const struct deck *dk, int step, bool training)
{
	const char *const *steps = dk ? dk->steps : NULL;
	int nsteps = dk ? (int)dk->nsteps : 0;
	char *t = xasprintf("tipscreen %s", training ? _("TRAINING ") : "");
	char *bar;
	if (p->width >= 60 || step < 0) {
		bar = xstrdup("");
		for (int i = 0; i < nsteps && step >= 0; i++) {
			char *n = xasprintf("%s%s%s%s%s", bar, i ? " › " : "", i == step ? "[" : "",
					    _(steps[i]), i == step ? "]" : "");
			free(bar);
			bar = n;
		}
	} else {
		bar = xasprintf(_("Step %d of %d: %s"), step + 1, nsteps, _(steps[step]));
	}
	int pad = p->width - text_width(t) - text_width(bar) - 1;
	char *full = xasprintf("%s%*s%s ", t, pad > 0 ? pad : 1, "", bar);
	p->title.text = full;
	p->title.style = S_TITLE;
	char *mark = step >= 0 ? strchr(full + strlen(t), '[') : NULL;
	if (mark) {
		size_t len = strcspn(mark, "]") + 1;
		rows_span(&p->title, (struct span){ (size_t)(mark - full), len, S_MARK });
	}
	free(t);
	free(bar);
}

static void title(struct page *p, const struct wizard *w)
{
	const struct deck *dk = interview_deck(w->iv);
	bool start = w->mode == W_START || (w->mode == W_HELP && w->help_from_start);
	/* After a stop no screen shows the elements' progress: someone the
	 * person fears may read it (DESIGN §5 v3). */
	bool stopped = view_stopped(w->iv);
	struct view_header h;
	view_header(w->iv, &h);
	title_of(p, dk, start || stopped ? -1 : h.step, w->training != NULL);
}

/* The view's actions for where the wizard is. */
static void legend(struct page *p, const struct wizard *w)
{
	enum action list[VIEW_ACTIONS_MAX];
	enum view_place at = w->mode == W_START || (w->mode == W_HELP && w->help_from_start) ? VIEW_START
			     : w->mode == W_HELP ? VIEW_HELP : w->noting ? VIEW_NOTE
			     : w->review >= 0 ? VIEW_EDIT : VIEW_SCREEN;
	int n = view_actions(w->iv, at, w->langs && w->langs->n > 1, list);
	struct legend_at la = { p->width, p->rtl };
	p->legend.text = legend_text(&la, list, n, wizard_field(w) == FIELD_TEXT, at);
	p->legend.style = S_DIM;
}

static void panel(struct builder *b)
{
	const struct screen *sc = cur_screen(b);
	char *title = xasprintf(_("Interviewer's help (%s hides it)"), keys_legend(ACT_PANEL));
	rows_add(b, title, S_TITLE);
	free(title);
	if (b->w->mode == W_START) {
		rows_wrapped(b, "", _(start_help), S_NORMAL);
		return;
	}
	if (sc->help)
		rows_wrapped(b, "", D_(sc->id, sc->help), S_NORMAL);
	if (sc->why)
		rows_wrapped(b, _("Why we ask: "), D_(sc->id, sc->why), S_NORMAL);
	if (!sc->help && !sc->why)
		rows_add(b, _("No help for this screen."), S_DIM);
}

/* Which body rows show: the scroll *scroll, clamped, moved to keep the
 * focus row in sight; *page_rows is set to a page's worth for PgUp/PgDn. */
/* The entries (rows that begin one) in body rows [from, to); at least 1. */
static int entries(const struct page *p, int from, int to)
{
	int n = 0;
	for (int i = from; i < to; i++)
		n += p->body[i].lead;
	return n;
}

/* A "more" line: what is hidden above or below the body's window, in
 * entries (choices, items, lines of the summary); "↓ more" when only a
 * hint or the rest of an entry is. */
static void more(struct row *r, const char *arrow, int n)
{
	r->text = n ? xasprintf(_("%s %d more"), arrow, n) : xasprintf(_("%s more"), arrow);
	r->style = S_DIM;
}

/* The first body row shown, clamped and moved to keep the focus row in
 * sight, a line taken by a "more" marker on each side that hides rows. */
static int place(const struct page *p, int top, int focus, int focus_end, int *up, int *shown)
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
		if (focus >= 0 && focus_end > t + *shown && focus_end - focus <= *shown)
			t = focus_end - *shown;	/* the whole focused entry */
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
	int top = place(p, *scroll, b->focus_row, b->focus_end, &up, &shown);
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
	struct builder b = { p, w, width - 4, -1, -1, 0, &p->body, &p->nbody, w->ascii, -1 };
	if (w->mode == W_START)
		body_start(&b);
	else if (w->mode == W_HELP)
		body_help(&b);
	else
		body_screen(&b);
	if (w->panel && (w->mode == W_INTERVIEW || w->mode == W_START)) {
		struct builder pb = { p, w, width - 4, -1, -1, 0, &p->panel, &p->npanel, w->ascii, -1 };
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
	rows_wrapped(b, "", _("Screening interview for possible trafficking in persons"), S_QUESTION);
	rows_blank(b);
	rows_wrapped(b, "", _(phases[ps->phase].text), S_NORMAL);
	rows_blank(b);
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
	struct builder b = { p, NULL, width - 4, -1, -1, 0, &p->body, &p->nbody, ascii, -1 };
	body_pass(&b, ps);
	title_of(p, NULL, -1, false);
	p->rtl = catalog_rtl(i18n_current()) && !ascii;
	p->msg.text = xstrdup(ps->msg);
	p->msg.style = S_MSG;
	static const enum action keys[] = { ACT_NEXT, ACT_QUIT, ACT_HIDE };
	struct legend_at la = { p->width, p->rtl };
	p->legend.text = legend_text(&la, keys, 3, true, VIEW_START);
	p->legend.style = S_DIM;
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
