#include "plain/plain.h"

#include <stdlib.h>
#include <string.h>

#include "base/termcs.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "app/actions.h"
#include "app/view.h"

/* A_REDRAW: the language changed; the screen is shown again. */
enum step { A_STAY, A_NEXT, A_BACK, A_STOP, A_EOF, A_REDRAW };

struct plain {
	struct session *ss;
	struct interview *iv;
	const struct deck *dk;
	FILE *in, *out;
	const struct plain_opts *o;
	char *line;	/* the line read last, owned (getline's buffer) */
	size_t cap;
};

/* The view's message for the session, on a line of its own, if it has
 * one: "NOT SAVED: ..." after a failed commit, the store's warning at the
 * start. */
static void message(struct plain *p, bool start)
{
	char *m = view_message(p->ss, start);
	if (m)
		fprintf(p->out, "%s\n", m);
	free(m);
}

static void not_saved(struct plain *p)
{
	message(p, false);
}

/* The words the line mode takes, from the one action table. */
static char *words_of(const enum action *acts, size_t n)
{
	return action_list(acts, n, action_line);
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
	fprintf(p->out, _("Language: %s. %s and a code changes it; %s alone lists them."), l,
		action_line(ACT_LANG), action_line(ACT_LANG));
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
static enum step switch_lang(struct plain *p, const char *tag)
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
	struct session_action lang = { .verb = DO_LANG, .text = catalog_lang(l->v[i]) };
	if (session_do(p->ss, &lang) != S_DONE) {
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
	static const enum action keys[] = { ACT_BACK, ACT_STOP, ACT_NOTE, ACT_LANG, ACT_HELP };
	char *k = words_of(keys, 5);
	fprintf(p->out, _("Keys: %s (+ and the text of a note, @ and a language code)."), k);
	fputc('\n', p->out);
	free(k);
}


/* Handles the keys every prompt shares. Returns A_STAY if the line was
 * one of them and was handled, or -1 if it is an answer. */
static int common(struct plain *p, const char *s, const struct screen *sc, const char *item_help,
		  enum step *act)
{
	switch (action_of_line(s)) {
	case ACT_HELP: help(p, sc, item_help); return 0;
	case ACT_BACK: *act = A_BACK; return 0;
	case ACT_STOP: *act = A_STOP; return 0;
	default: break;
	}
	if (s[0] == action_line(ACT_LANG)[0]) {
		*act = switch_lang(p, s + 1);
		return 0;
	}
	bool noting = s[0] == action_line(ACT_NOTE)[0];
	if (noting && strlen(s + 1) > ANSWER_TEXT_MAX) {
		fprintf(p->out, "%s\n", _("A note holds at most 16384 bytes (16 KiB): nothing was recorded."));
		return 0;
	}
	if (noting) {
		char *clean = text_sanitize(s + 1);
		struct session_action note = { .verb = DO_NOTE, .text = clean };
		if (session_do(p->ss, &note) != S_DONE)
			not_saved(p);
		else
			fprintf(p->out, "%s\n", s[1] ? _("Note saved.") : _("Note removed."));
		free(clean);
		return 0;
	}
	return -1;
}

/* The answer word a typed key stands for ("y" is "yes"), else s itself. */
static const char *word_for_key(const char *s)
{
	static const char *const words[ACT_COUNT] = {
		[ACT_YES] = "yes", [ACT_NO] = "no", [ACT_DONTKNOW] = "dontknow",
		[ACT_DECLINED] = "declined", [ACT_INTENDED] = "intended",
	};
	const char *w = words[action_of_line(s)];
	return w ? w : s;
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
		return answer_parse(p->dk, slot, action_of_line(s) == ACT_DECLINED ? "declined" : s, a, why);
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

/* What a slot's prompt asks for, the answer words from the view: a new
 * string. */
static char *prompt_for(const struct deck *dk, int slot)
{
	enum action acts[5];
	char *w = words_of(acts, (size_t)view_answers(dk, slot, acts)), *s;
	switch (deck_slot_type(dk, slot)) {
	case SCR_YESNO: return w;
	case SCR_SINGLE: s = xasprintf(_("the number of a choice, %s"), w); break;
	case SCR_MULTI: s = xasprintf(_("the numbers of all choices that apply, separated by spaces; %s"), w); break;
	case SCR_TEXT: s = xasprintf(_("type the answer; %s; Enter alone leaves it empty"), w); break;
	default: s = xasprintf(_("a number, %s"), w);
	}
	free(w);
	return s;
}

/* Asks for one slot until it has an answer or a key moves away. */
static enum step ask_slot(struct plain *p, const struct screen *sc, int slot,
			    const char *item_help)
{
	char *want = prompt_for(p->dk, slot);
	fprintf(p->out, _("Answer: %s"), want);
	free(want);
	if (deck_slot_type(p->dk, slot) == SCR_NUMBER)
		fprintf(p->out, _(" (%ld to %ld)"), sc->min, sc->max);
	fprintf(p->out, _(". %s help"), action_line(ACT_HELP));
	fputc('\n', p->out);
	show_current(p, slot);
	for (;;) {
		const char *s = read_line(p);
		if (!s)
			return A_EOF;
		enum step act = A_STAY;
		if (common(p, s, sc, item_help, &act) == 0) {
			if (act != A_STAY)
				return act;
			continue;
		}
		if (!*s && !session_needs_answer(p->ss, slot))
			return A_NEXT;	/* the engine's rule: kept, or left empty */
		struct answer a;
		const char *why = answer_expected(p->dk, slot);
		if (*s && typed_answer(p, slot, s, &a, &why) == 0) {
			struct session_action give = { .verb = DO_ANSWER, .slot = slot, .answer = &a };
			enum session_outcome o = session_do(p->ss, &give);
			answer_clear(&a);
			if (o == S_DONE)
				return A_NEXT;
			if (o == S_NOT_SAVED) {
				not_saved(p);
				continue;
			}
			why = p->ss->why;
		}
		/* The engine's reason; what any answer of the kind is, in this
		 * mode's words. */
		char *expected = why == answer_expected(p->dk, slot) ? prompt_for(p->dk, slot) : xstrdup(why);
		fprintf(p->out, _("Not understood: expected %s. Type %s for help."), expected,
			action_line(ACT_HELP));
		free(expected);
		fputc('\n', p->out);
	}
}

static void show_choices(struct plain *p, const struct screen *sc)
{
	size_t n;
	struct view_choice *c = view_choices(p->iv, &n);
	for (size_t i = 0; i < n; i++) {
		char *t = xasprintf("  %zu. %s", i + 1, c[i].label);
		wrap(p, "", t);
		second_text(p, "      ", sc->id, sc->choices[i].label);
		free(t);
	}
	free(c);
}

/* The checklist's items as the view has them, one prompt each. */
static enum step ask_checklist(struct plain *p, const struct screen *sc, bool from_end)
{
	size_t n;
	struct view_item *it = view_items(p->iv, &n);
	size_t i = from_end && n ? n - 1 : 0;
	enum step a = A_NEXT;
	while (i < n) {
		const struct item *d = it[i].item;
		fputc('\n', p->out);
		fprintf(p->out, _("Item %zu of %zu:"), i + 1, n);
		fputc('\n', p->out);
		wrap(p, "  ", it[i].label);
		second_text(p, "  ", d->id, d->text);
		a = ask_slot(p, sc, d->slot, d->help ? D_(d->id, d->help) : NULL);
		if (a == A_REDRAW) {	/* in another language: the labels again */
			free(it);
			it = view_items(p->iv, &n);
			continue;
		}
		if (a == A_BACK && i > 0) {
			i--;
			continue;
		}
		if (a != A_NEXT)
			break;
		i++;
	}
	free(it);
	return a;
}

static enum step wait_enter(struct plain *p, const struct screen *sc)
{
	static const enum action keys[] = { ACT_BACK, ACT_STOP, ACT_HELP };
	char *k = words_of(keys, 3);
	fprintf(p->out, _("Press Enter to continue (%s)."), k);
	fputc('\n', p->out);
	free(k);
	for (;;) {
		const char *s = read_line(p);
		if (!s)
			return A_EOF;
		enum step act = A_STAY;
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

static void number_list(struct plain *p, const char *title, const size_t *v, size_t n)
{
	fprintf(p->out, "%s: ", title);
	for (size_t i = 0; i < n; i++)
		fprintf(p->out, "%s%zu", i ? ", " : "", v[i]);
	fprintf(p->out, "%s\n", n ? "" : _("none"));
}

static void review_lists(struct plain *p, const struct view_review *rv)
{
	number_list(p, _("Not answered"), rv->unanswered, rv->nunanswered);
	number_list(p, _("Declined"), rv->declined, rv->ndeclined);
	if (rv->ndiscarded)
		fprintf(p->out, "%s\n", _("Will be discarded (their screens are no longer on the path):"));
	for (size_t i = 0; i < rv->ndiscarded; i++)
		review_line(p, 0, rv->discarded[i]);
}

/* The review as the view has it; a number goes to that answer's screen. */
static enum step review(struct plain *p, const struct screen *sc)
{
	for (;;) {
		struct view_review rv;
		view_review(p->iv, &rv);
		fprintf(p->out, "%s\n", _("Every answer on the path:"));
		for (size_t i = 0; i < rv.n; i++)
			review_line(p, (int)i + 1, rv.slots[i]);
		review_lists(p, &rv);
		fprintf(p->out, "%s\n", _("Type a number to change that answer, or press Enter to go on to the summary."));
		const char *s = read_line(p);
		enum step act = A_STAY;
		long k = s ? strtol(s, NULL, 10) : 0;
		int screen = k >= 1 && (size_t)k <= rv.n ? p->dk->slots[rv.slots[k - 1]].screen : -1;
		view_review_free(&rv);
		if (!s)
			return A_EOF;
		if (common(p, s, sc, NULL, &act) == 0 && act == A_STAY)
			continue;
		if (act != A_STAY || !*s)
			return act != A_STAY ? act : A_NEXT;
		if (screen >= 0) {
			struct session_action edit = { .verb = DO_EDIT, .screen = screen };
			if (session_do(p->ss, &edit) == S_NOT_SAVED)
				not_saved(p);
			return A_STAY;
		}
		fprintf(p->out, "%s\n", _("Not understood: type a number from the list, or press Enter."));
	}
}

static void summary(struct plain *p)
{
	struct report r;
	const char *why;
	if (view_summary(p->iv, p->o->law, &r, &why) < 0) {
		fprintf(p->out, _("The answers contradict each other (%s): go back and correct them."), why);
		fputc('\n', p->out);
		return;
	}
	fputc('\n', p->out);
	report_print(p->out, &r, p->o->width);
	report_free(&r);
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
	struct view_header h;
	view_header_training(p->o->training, p->iv, &h);
	fputc('\n', p->out);
	if (h.training)
		fprintf(p->out, "%s ", _("TRAINING"));
	fprintf(p->out, _("[%s — screen %zu of %zu]"), h.section, h.pos, h.n);
	fputc('\n', p->out);
	if (h.question) {
		wrap(p, "", h.question);
		second_text(p, "", sc->id, sc->question);
	}
	if (h.says) {
		char *s = xasprintf(_("Says: %s"), h.says);
		wrap(p, "", s);
		free(s);
	}
	if (h.note) {
		fprintf(p->out, _("(Note: %s)"), h.note);
		fputc('\n', p->out);
	}
}

static enum step ask_screen(struct plain *p, const struct screen *sc, bool from_end)
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
	static const enum action keys[] = { ACT_HELP, ACT_BACK, ACT_STOP };
	char *k = words_of(keys, 3);
	fprintf(out, _("tipscreen — screening interview, line mode. At any prompt: %s."), k);
	fputc('\n', out);
	free(k);
	lang_line(&p);
	message(&p, true);	/* the store's warning, if it has one */
	if (session_lang(ss, catalog_lang(i18n_current())) < 0)
		not_saved(&p);
	while (!interview_complete(iv)) {
		const struct screen *sc = &p.dk->s[interview_current(iv)];
		enum step a = ask_screen(&p, sc, back);
		back = false;
		if (a == A_EOF) {
			fflush(out);
			free(p.line);
			return 1;
		}
		if (a == A_STAY || a == A_REDRAW)
			continue;
		/* Everything else goes through the session, the one door. */
		static const enum session_verb verbs[] = { [A_NEXT] = DO_NEXT, [A_BACK] = DO_BACK,
							   [A_STOP] = DO_STOP };
		struct session_action act = { .verb = verbs[a] };
		enum session_outcome got = session_do(ss, &act);
		char *m = view_outcome(ss, &act, got, action_line);
		if (m)	/* not saved, the first screen */
			fprintf(out, "%s\n", m);
		free(m);
		back = got == S_MOVED && a == A_BACK;
	}
	fprintf(out, "\n%s\n", _("The interview is complete."));
	fflush(out);
	free(p.line);
	return 0;
}
