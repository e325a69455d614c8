#include "plain.h"

#include <stdlib.h>
#include <string.h>

#include "../core/national.h"
#include "../core/report.h"
#include "../core/termcs.h"
#include "../core/text.h"
#include "../core/xalloc.h"

/* A_REDRAW: the language changed; the screen is shown again. */
enum action { A_STAY, A_NEXT, A_BACK, A_STOP, A_EOF, A_REDRAW };

struct plain {
	struct session *ss;
	struct interview *iv;
	const struct deck *dk;
	FILE *in, *out;
	const struct plain_opts *o;
	char *line;	/* the line read last, owned (getline's buffer) */
	size_t cap;
};

static void not_saved(struct plain *p)
{
	fprintf(p->out, _("NOT SAVED: %s. Nothing was recorded; try again."), p->ss->err);
	fputc('\n', p->out);
}

static void wrap(struct plain *p, const char *indent, const char *text)
{
	int w = p->o->width - (int)strlen(indent);
	char *s = text_wrap(text, w > 20 ? w : 20);
	for (char *l = s, *e; l; l = e ? e + 1 : NULL) {
		e = strchr(l, '\n');
		fprintf(p->out, "%s%.*s\n", indent, e ? (int)(e - l) : (int)strlen(l), l);
	}
	free(s);
}

/* Bilingual: a deck text again in the respondent's language, tagged. */
static void second_text(struct plain *p, const char *indent, const char *ctx, const char *text)
{
	if (!p->o->langs || p->o->second < 0 || !text)
		return;
	const struct catalog *c = p->o->langs->v[p->o->second];
	if (c == i18n_current())
		return;
	char *t = xasprintf("[%s] %s", catalog_lang(c), catalog_get(c, ctx, text));
	wrap(p, indent, t);
	free(t);
}

static void lang_line(struct plain *p)
{
	if (!p->o->langs || p->o->langs->n < 2)
		return;
	char *l = langs_label(p->o->langs, langs_current(p->o->langs));
	fprintf(p->out, _("Language: %s. @ and a code changes it; @ alone lists them."), l);
	fputc('\n', p->out);
	free(l);
	if (p->o->second >= 0) {	/* a draft is said to be one wherever it is shown */
		l = langs_label(p->o->langs, p->o->second);
		fprintf(p->out, _("Respondent's language, shown under each question: %s."), l);
		fputc('\n', p->out);
		free(l);
	}
}

/* "@" lists the languages, "@fr" switches to French. */
static enum action switch_lang(struct plain *p, const char *tag)
{
	const struct langs *l = p->o->langs;
	int i = l && *tag ? langs_find(l, tag) : -1;
	if (i < 0) {
		fprintf(p->out, "%s\n", _("Languages:"));
		for (size_t k = 0; l && k < l->n; k++) {
			char *lb = langs_label(l, (int)k);
			fprintf(p->out, "  @%s  %s\n", catalog_lang(l->v[k]), lb);
			free(lb);
		}
		return A_STAY;
	}
	const struct catalog *before = i18n_current();
	i18n_use(l->v[i]);
	if (session_lang(p->ss, catalog_lang(l->v[i])) < 0) {
		i18n_use(before);
		not_saved(p);
		return A_STAY;
	}
	lang_line(p);
	return A_REDRAW;
}

/* Reads one line, whole, without its newline and surrounding blanks; NULL
 * at the end of the input. A line holding a NUL byte is refused and read
 * again: it cannot be an answer, and stopping at the NUL would shift every
 * later answer. Borrowed until the next read. */
static const char *read_line(struct plain *p)
{
	for (;;) {
		fputs("> ", p->out);
		fflush(p->out);
		ssize_t got = getline(&p->line, &p->cap, p->in);
		if (got < 0)
			return NULL;
		size_t n = (size_t)got;
		if (memchr(p->line, '\0', n)) {
			fprintf(p->out, "%s\n", _("That line holds a NUL byte, which no answer can hold: "
						  "nothing was recorded. Type it again."));
			continue;
		}
		while (n && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r' || p->line[n - 1] == ' '))
			p->line[--n] = '\0';
		if (p->o->charset && !text_is_utf8_charset(p->o->charset)) {
			char *u = termcs_input(p->line, p->o->charset);
			free(p->line);
			p->line = u;
			p->cap = strlen(u) + 1;
		}
		char *s = p->line;
		while (*s == ' ' || *s == '\t')
			s++;
		return s;
	}
}

static void help(struct plain *p, const struct screen *sc, const char *item_help)
{
	if (item_help) {
		fprintf(p->out, "%s\n", _("Help for this item:"));
		wrap(p, "  ", item_help);
	}
	if (sc->help) {
		fprintf(p->out, "%s\n", _("Help for the interviewer:"));
		wrap(p, "  ", D_(sc->id, sc->help));
	}
	if (sc->why) {
		fprintf(p->out, "%s\n", _("Why we ask:"));
		wrap(p, "  ", D_(sc->id, sc->why));
	}
	fprintf(p->out, "%s\n", _("Keys: < back, ! stop and refer, +text adds a note, @ changes the language, ? this help."));
}


/* Handles the keys every prompt shares. Returns A_STAY if the line was
 * one of them and was handled, or -1 if it is an answer. */
static int common(struct plain *p, const char *s, const struct screen *sc, const char *item_help,
		  enum action *act)
{
	if (strcmp(s, "?") == 0) {
		help(p, sc, item_help);
		return 0;
	}
	if (strcmp(s, "<") == 0) {
		*act = A_BACK;
		return 0;
	}
	if (strcmp(s, "!") == 0) {
		*act = A_STOP;
		return 0;
	}
	if (s[0] == '@') {
		*act = switch_lang(p, s + 1);
		return 0;
	}
	if (s[0] == '+' && strlen(s + 1) > ANSWER_TEXT_MAX) {
		fprintf(p->out, "%s\n", _("A note holds at most 16384 bytes (16 KiB): nothing was recorded."));
		return 0;
	}
	if (s[0] == '+') {
		char *clean = text_sanitize(s + 1);
		if (session_note(p->ss, (int)(sc - p->dk->s), clean) < 0)
			not_saved(p);
		else
			fprintf(p->out, "%s\n", s[1] ? _("Note saved.") : _("Note removed."));
		free(clean);
		return 0;
	}
	return -1;
}

static const char *word_for_key(const char *s)
{
	static const char *const keys[][2] = {
		{ "y", "yes" }, { "n", "no" }, { "d", "dontknow" }, { "x", "declined" },
		{ "i", "intended" },
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(s, keys[i][0]) == 0)
			return keys[i][1];
	return s;
}

static void show_current(struct plain *p, int slot)
{
	const struct answer *a = interview_get(p->iv, slot);
	if (a->kind == ANS_NONE)
		return;
	char *v = answer_format(p->dk, slot, a, false);
	fprintf(p->out, _("(Answer so far: %s. Enter keeps it.)"), *v ? v : _("nothing chosen"));
	fputc('\n', p->out);
	free(v);
}

/* Turns the typed line into an answer for slot: the keys of yes-no, a
 * choice number, or the answer's text form. */
static int typed_answer(struct plain *p, int slot, const char *s, struct answer *a,
			const char **why)
{
	const struct screen *sc = &p->dk->s[p->dk->slots[slot].screen];
	enum screen_type t = deck_slot_type(p->dk, slot);
	if (t == SCR_TEXT)
		return answer_parse(p->dk, slot, strcmp(s, "x") == 0 ? "declined" : s, a, why);
	if (t == SCR_SINGLE || t == SCR_MULTI) {
		char *codes = xstrdup("");
		const char *q = s;
		while (*q) {
			char *end;
			long n = strtol(q, &end, 10);
			if (end == q || n < 1 || (size_t)n > sc->nchoices)
				break;
			char *c = xasprintf("%s%s%s", codes, *codes ? " " : "", sc->choices[n - 1].code);
			free(codes);
			codes = c;
			q = end + strspn(end, " ,");
		}
		int rc = *q ? answer_parse(p->dk, slot, word_for_key(s), a, why)
			    : answer_parse(p->dk, slot, codes, a, why);
		free(codes);
		return rc;
	}
	return answer_parse(p->dk, slot, word_for_key(s), a, why);
}

static const char *prompt_for(const struct deck *dk, int slot)
{
	switch (deck_slot_type(dk, slot)) {
	case SCR_YESNO:
		return deck_slot_intended(dk, slot)
			? _("y yes (it happened), i intended (told, planned or expected), n no, d don't know, x declined")
			: _("y yes, n no, d don't know, x declined");
	case SCR_SINGLE: return _("the number of a choice, d don't know, x declined");
	case SCR_MULTI: return _("the numbers of all choices that apply, separated by spaces; x declined");
	case SCR_TEXT: return _("type the answer; x declined; Enter alone leaves it empty");
	default: return _("a number, d don't know, x declined");
	}
}

/* Asks for one slot until it has an answer or a key moves away. */
static enum action ask_slot(struct plain *p, const struct screen *sc, int slot,
			    const char *item_help)
{
	fprintf(p->out, _("Answer: %s"), prompt_for(p->dk, slot));
	if (deck_slot_type(p->dk, slot) == SCR_NUMBER)
		fprintf(p->out, _(" (%ld to %ld)"), sc->min, sc->max);
	fprintf(p->out, "%s\n", _(". ? help"));
	show_current(p, slot);
	for (;;) {
		const char *s = read_line(p);
		if (!s)
			return A_EOF;
		enum action act = A_STAY;
		if (common(p, s, sc, item_help, &act) == 0) {
			if (act != A_STAY)
				return act;
			continue;
		}
		const struct answer *cur = interview_get(p->iv, slot);
		if (!*s && (cur->kind != ANS_NONE || deck_slot_type(p->dk, slot) == SCR_TEXT ||
			    deck_slot_type(p->dk, slot) == SCR_MULTI))
			return A_NEXT;
		if (deck_slot_type(p->dk, slot) == SCR_TEXT && strlen(s) > ANSWER_TEXT_MAX) {
			fprintf(p->out, _("Not recorded: a text answer holds at most %d bytes (16 KiB). "
					  "Type a shorter one."), ANSWER_TEXT_MAX);
			fputc('\n', p->out);
			continue;
		}
		struct answer a;
		const char *why;
		if (*s && typed_answer(p, slot, s, &a, &why) == 0) {
			int rc = session_answer(p->ss, slot, &a, &why);
			answer_clear(&a);
			if (rc == 0)
				return A_NEXT;
			not_saved(p);
			continue;
		}
		fprintf(p->out, _("Not understood: expected %s. Type ? for help."),
			prompt_for(p->dk, slot));
		fputc('\n', p->out);
	}
}

static void show_choices(struct plain *p, const struct screen *sc)
{
	for (size_t i = 0; i < sc->nchoices; i++) {
		char *num = xasprintf("  %zu. ", i + 1);
		char *t = xasprintf("%s%s", num, D_(sc->id, sc->choices[i].label));
		wrap(p, "", t);
		second_text(p, "      ", sc->id, sc->choices[i].label);
		free(t);
		free(num);
	}
}

static enum action ask_checklist(struct plain *p, const struct screen *sc, bool from_end)
{
	size_t i = from_end && sc->nitems ? sc->nitems - 1 : 0;
	while (i < sc->nitems) {
		const struct item *it = &sc->items[i];
		fputc('\n', p->out);
		fprintf(p->out, _("Item %zu of %zu:"), i + 1, sc->nitems);
		fputc('\n', p->out);
		wrap(p, "  ", D_(it->id, it->text));
		second_text(p, "  ", it->id, it->text);
		enum action a = ask_slot(p, sc, it->slot, it->help ? D_(it->id, it->help) : NULL);
		if (a == A_REDRAW)
			continue;
		if (a == A_BACK && i > 0) {
			i--;
			continue;
		}
		if (a != A_NEXT)
			return a;
		i++;
	}
	return A_NEXT;
}

static enum action wait_enter(struct plain *p, const struct screen *sc)
{
	fprintf(p->out, "%s\n", _("Press Enter to continue (< back, ! stop, ? help)."));
	for (;;) {
		const char *s = read_line(p);
		if (!s)
			return A_EOF;
		enum action act = A_STAY;
		if (common(p, s, sc, NULL, &act) == 0) {
			if (act != A_STAY)
				return act;
			continue;
		}
		if (!*s)
			return A_NEXT;
		fprintf(p->out, "%s\n", _("Not understood: press Enter to continue."));
	}
}

static void review_line(struct plain *p, int n, int slot)
{
	const struct answer *a = interview_get(p->iv, slot);
	char *v = a->kind == ANS_NONE ? xstrdup(_("not answered")) : answer_format(p->dk, slot, a, false);
	const char *q = D_(p->dk->slots[slot].id, deck_slot_text(p->dk, slot));
	size_t ql = strcspn(q, "\n");
	char *t = n > 0 ? xasprintf("%3d. %.*s — %s", n, (int)ql, q, v)
			: xasprintf("  - %.*s — %s", (int)ql, q, v);
	wrap(p, "", t);
	free(t);
	free(v);
}

/* The path's answer slots, in order; a new array, *n its length. */
static int *path_slots(struct plain *p, size_t *n)
{
	size_t np;
	const int *path = interview_path(p->iv, &np, NULL);
	int *v = xmalloc((p->dk->nslots + 1) * sizeof *v);
	*n = 0;
	for (size_t i = 0; i < np; i++) {
		const struct screen *sc = &p->dk->s[path[i]];
		if (sc->slot >= 0)
			v[(*n)++] = sc->slot;
		for (size_t j = 0; j < sc->nitems; j++)
			v[(*n)++] = sc->items[j].slot;
	}
	return v;
}

static void review_lists(struct plain *p, const int *slots, size_t n)
{
	static const struct { const char *title; enum ind_value v; } lists[] = {
		{ N_("Not answered"), IV_UNANSWERED }, { N_("Declined"), IV_DECLINED },
	};
	for (size_t l = 0; l < 2; l++) {
		char *nums = xstrdup("");
		for (size_t i = 0; i < n; i++) {
			const struct answer *a = interview_get(p->iv, slots[i]);
			bool hit = lists[l].v == IV_UNANSWERED ? a->kind == ANS_NONE
				   : a->kind == ANS_WORD && a->word == IV_DECLINED;
			if (!hit)
				continue;
			char *t = xasprintf("%s%s%zu", nums, *nums ? ", " : "", i + 1);
			free(nums);
			nums = t;
		}
		fprintf(p->out, "%s: %s\n", _(lists[l].title), *nums ? nums : _("none"));
		free(nums);
	}
	int off[256];
	size_t noff = interview_discarded(p->iv, off, 256);
	if (noff) {
		fprintf(p->out, "%s\n", _("Will be discarded (their screens are no longer on the path):"));
		for (size_t i = 0; i < noff && i < 256; i++)
			review_line(p, 0, off[i]);
	}
}

static enum action review(struct plain *p, const struct screen *sc)
{
	for (;;) {
		size_t n;
		int *slots = path_slots(p, &n);
		fprintf(p->out, "%s\n", _("Every answer on the path:"));
		for (size_t i = 0; i < n; i++)
			review_line(p, (int)i + 1, slots[i]);
		review_lists(p, slots, n);
		fprintf(p->out, "%s\n", _("Type a number to change that answer, or press Enter to go on to the summary."));
		const char *s = read_line(p);
		enum action act = A_STAY;
		if (!s) {
			free(slots);
			return A_EOF;
		}
		if (common(p, s, sc, NULL, &act) == 0 && act == A_STAY) {
			free(slots);
			continue;
		}
		if (act != A_STAY || !*s) {
			free(slots);
			return act != A_STAY ? act : A_NEXT;
		}
		long k = strtol(s, NULL, 10);
		if (k >= 1 && (size_t)k <= n) {
			interview_goto(p->iv, p->dk->slots[slots[k - 1]].screen);
			free(slots);
			return A_STAY;
		}
		free(slots);
		fprintf(p->out, "%s\n", _("Not understood: type a number from the list, or press Enter."));
	}
}

static void summary(struct plain *p)
{
	struct assessment a;
	struct assess_input in;
	const char *why;
	interview_inputs(p->iv, &in);
	if (assess_run(&in, &a, &why) < 0) {
		fprintf(p->out, _("The answers contradict each other (%s): go back and correct them."), why);
		fputc('\n', p->out);
		return;
	}
	size_t nev;
	struct evidence *ev = report_evidence(p->iv, &nev);
	fputc('\n', p->out);
	report_text(p->out, &a, &in, ev, nev, p->o->width);
	if (p->o->law)
		national_print(p->out, p->o->law, &in, &a, p->o->width);
	free(ev);
}

static void referral(struct plain *p)
{
	fprintf(p->out, "%s\n", _("Referral contacts:"));
	if (p->o->contacts && p->o->contacts->file.n)
		contacts_print(p->o->contacts, p->out);
	else if (p->o->contacts_path)
		fprintf(p->out, _("  No local contacts are configured: add them to %s.\n"),
			p->o->contacts_path);
	else
		fprintf(p->out, "%s\n", _("  No local contacts are configured."));
}

static void header(struct plain *p, const struct screen *sc)
{
	size_t n, pos;
	interview_path(p->iv, &n, &pos);
	fputc('\n', p->out);
	fprintf(p->out, _("[%s — screen %zu of %zu]"), _(deck_section_title(sc->section)), pos + 1, n);
	fputc('\n', p->out);
	if (sc->question) {
		wrap(p, "", D_(sc->id, sc->question));
		second_text(p, "", sc->id, sc->question);
	}
	const char *note = interview_note(p->iv, (int)(sc - p->dk->s));
	if (note) {
		fprintf(p->out, _("(Note: %s)"), note);
		fputc('\n', p->out);
	}
}

static enum action ask_screen(struct plain *p, const struct screen *sc, bool from_end)
{
	header(p, sc);
	switch (sc->type) {
	case SCR_YESNO:
	case SCR_NUMBER:
	case SCR_TEXT:
		return ask_slot(p, sc, sc->slot, NULL);
	case SCR_SINGLE:
	case SCR_MULTI:
		show_choices(p, sc);
		return ask_slot(p, sc, sc->slot, NULL);
	case SCR_CHECKLIST:
		return ask_checklist(p, sc, from_end);
	case SCR_REVIEW:
		return review(p, sc);
	case SCR_SUMMARY:
		summary(p);
		return wait_enter(p, sc);
	case SCR_REFERRAL:
		referral(p);
		return wait_enter(p, sc);
	default:
		return wait_enter(p, sc);
	}
}

int plain_run(struct session *ss, FILE *in, FILE *out, const struct plain_opts *o)
{
	struct interview *iv = ss->iv;
	struct plain p = { .ss = ss, .iv = iv, .dk = interview_deck(iv), .in = in, .out = out, .o = o };
	bool back = false;
	fprintf(out, "%s\n", _("tipscreen — screening interview, line mode. At any prompt: ? help, < back, ! stop and refer."));
	lang_line(&p);
	if (session_lang(ss, catalog_lang(i18n_current())) < 0)
		not_saved(&p);
	while (!interview_complete(iv)) {
		const struct screen *sc = &p.dk->s[interview_current(iv)];
		if (session_shown(ss) < 0)
			not_saved(&p);
		enum action a = ask_screen(&p, sc, back);
		back = false;
		switch (a) {
		case A_EOF:
			fflush(out);
			free(p.line);
			return 1;
		case A_NEXT:
			interview_next(iv);
			break;
		case A_BACK: {
			int rc;
			if (!session_back(ss, &rc))
				fprintf(out, "%s\n", _("This is the first screen."));
			else if (rc < 0)
				not_saved(&p);
			back = true;
			break;
		}
		case A_STOP:
			if (session_stop(ss) < 0)
				not_saved(&p);
			break;
		case A_STAY:
		case A_REDRAW:
			break;
		}
	}
	if (session_finish(ss) < 0)
		not_saved(&p);
	fprintf(out, "\n%s\n", _("The interview is complete."));
	fflush(out);
	free(p.line);
	return 0;
}
