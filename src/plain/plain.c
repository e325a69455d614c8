#include "plain/plain.h"

#include <stdlib.h>
#include <string.h>

#include "base/termcs.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "app/actions.h"
#include "app/view.h"
#include "plain/line.h"

/* "@" lists the languages, "@fr" switches to French (through the door:
 * the session records the switch, then makes it). */
static enum got switch_lang(struct plain *p, const char *tag, struct session_action *a)
{
	const struct langs *l = p->o->langs;
	int i = l && *tag ? langs_find(l, tag) : -1;
	if (i >= 0) {
		*a = (struct session_action){ .verb = DO_LANG, .lang = l->v[i] };
		return G_ACTION;
	}
	fprintf(p->out, "%s\n", _("Languages:"));
	for (size_t k = 0; l && k < l->n; k++) {
		char *lb = langs_label(l, (int)k);
		fprintf(p->out, "  @%s  %s\n", catalog_lang(l->v[k]), lb);
		free(lb);
	}
	return G_AGAIN;
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
			plain_wrap(p, "", _("That line holds a NUL byte, which no answer can hold: "
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


static int note_line(struct plain *p, const char *s, struct session_action *a);

/* Handles the keys every prompt shares: help, back, stop, a language, a
 * note. -1 when the line is none of them (an answer). */
static int common(struct plain *p, const char *s, const struct screen *sc, const char *item_help,
		  struct session_action *a)
{
	switch (action_of_line(s)) {
	case ACT_HELP: plain_help(p, sc, item_help); return G_AGAIN;
	case ACT_BACK: *a = (struct session_action){ .verb = DO_BACK }; return G_ACTION;
	case ACT_STOP: *a = (struct session_action){ .verb = DO_STOP }; return G_ACTION;
	default: break;
	}
	if (s[0] == action_line(ACT_LANG)[0])
		return (int)switch_lang(p, s + 1, a);
	if (s[0] != action_line(ACT_NOTE)[0])
		return -1;
	return note_line(p, s + 1, a);
}

/* The text of a note: its action, or a refusal of one too long. */
static int note_line(struct plain *p, const char *s, struct session_action *a)
{
	if (strlen(s) > ANSWER_TEXT_MAX) {
		plain_wrap(p, "", _("A note holds at most 16384 bytes (16 KiB): nothing was recorded."));
		return G_AGAIN;
	}
	p->note = text_sanitize(s);
	*a = (struct session_action){ .verb = DO_NOTE, .text = p->note };
	return G_ACTION;
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

/* A typed line as the answer to slot: the keys of the answer words ("y"
 * is "yes"), or the answer's text form. */
static int typed_words(struct plain *p, int slot, const char *s, struct answer *a,
		       const char **why)
{
	return answer_parse(p->dk, slot, word_for_key(s), a, why);
}

/* A typed line as a text: itself, except the key of "declined". */
static int typed_text(struct plain *p, int slot, const char *s, struct answer *a,
		      const char **why)
{
	return answer_parse(p->dk, slot, action_of_line(s) == ACT_DECLINED ? "declined" : s, a, why);
}

/* A typed line as choices: their numbers, else the keys of the words. */
static int typed_choices(struct plain *p, int slot, const char *s, struct answer *a,
			 const char **why)
{
	const struct screen *sc = &p->dk->s[p->dk->slots[slot].screen];
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
	int rc = *q ? typed_words(p, slot, s, a, why) : answer_parse(p->dk, slot, codes, a, why);
	free(codes);
	return rc;
}

/* What a slot's prompt asks for, given its answer words w: a new string. */
static char *prompt_words(const struct screen *sc, const char *w)
{
	(void)sc;
	return xstrdup(w);
}

static char *prompt_number(const struct screen *sc, const char *w)
{
	return xasprintf(_("a number from %ld to %ld, %s"), sc->min, sc->max, w);
}

static char *prompt_single(const struct screen *sc, const char *w)
{
	(void)sc;
	return xasprintf(_("the number of a choice, %s"), w);
}

static char *prompt_multi(const struct screen *sc, const char *w)
{
	(void)sc;
	return xasprintf(_("the numbers of all choices that apply, separated by spaces; %s"), w);
}

static char *prompt_text(const struct screen *sc, const char *w)
{
	(void)sc;
	return xasprintf(_("type the answer; %s; Enter alone leaves it empty"), w);
}

/* How the line mode asks for an answer of each screen type that takes one
 * (a checklist item takes a yesno's): what its prompt asks for, and what
 * it makes of a typed line. One row per type, indexed as the engine's
 * table (answer.h: screen_kind); a type that takes no answer has none. */
static const struct {
	char *(*prompt)(const struct screen *sc, const char *words);
	int (*typed)(struct plain *p, int slot, const char *s, struct answer *a, const char **why);
} forms[] = {
	[SCR_NOTE] = { NULL, NULL },
	[SCR_YESNO] = { prompt_words, typed_words },
	[SCR_SINGLE] = { prompt_single, typed_choices },
	[SCR_MULTI] = { prompt_multi, typed_choices },
	[SCR_NUMBER] = { prompt_number, typed_words },
	[SCR_TEXT] = { prompt_text, typed_text },
	[SCR_CHECKLIST] = { NULL, NULL },
	[SCR_REVIEW] = { NULL, NULL },
	[SCR_SUMMARY] = { NULL, NULL },
	[SCR_REFERRAL] = { NULL, NULL },
	[SCR_STOP] = { NULL, NULL },
};
_Static_assert(sizeof forms / sizeof forms[0] == SCR_TYPE_COUNT,
	       "a screen type without its row in the line mode's forms");

char *plain_prompt(const struct deck *dk, int slot)
{
	enum action acts[5];
	char *w = plain_words(acts, (size_t)view_answers(dk, slot, acts));
	char *s = forms[deck_slot_type(dk, slot)].prompt(&dk->s[dk->slots[slot].screen], w);
	free(w);
	return s;
}

static int slot_here(const struct plain *p, const struct screen *sc)
{
	return sc->type == SCR_CHECKLIST ? sc->items[p->item].slot : sc->slot;
}

/* A line on a question: the answer, given with the move on (DO_NEXT) or,
 * on a checklist's item, alone (DO_ANSWER); Enter where the slot may be
 * left as it is goes on. */
static enum got slot_line(struct plain *p, const struct screen *sc, const char *s,
			  struct session_action *a)
{
	int slot = slot_here(p, sc);
	const struct item *item = sc->type == SCR_CHECKLIST ? &sc->items[p->item] : NULL;
	bool text = sc->type == SCR_TEXT;
	if (p->noting) {	/* the line after a text screen's "+" */
		p->noting = false;
		return (enum got)note_line(p, s, a);
	}
	if (text && s[0] == action_line(ACT_NOTE)[0] && !s[1]) {
		plain_wrap(p, "", _("Type the note on the next line (Enter alone removes it)."));
		p->noting = true;
		return G_AGAIN;
	}
	/* On a text screen "+" and more is the person's answer, as typed. */
	int c = text && s[0] == action_line(ACT_NOTE)[0] ? -1
		: common(p, s, sc, item && item->help ? D_(item->id, item->help) : NULL, a);
	if (c >= 0) {
		if (c == G_ACTION && a->verb == DO_BACK && item && p->item > 0) {
			plain_ask_item(p, sc, --p->item);	/* the item before, on the same screen */
			return G_AGAIN;
		}
		return (enum got)c;
	}
	bool checklist = sc->type == SCR_CHECKLIST;
	if (!*s && !session_needs_answer(p->ss, slot)) {	/* the engine's rule: kept, or left empty */
		if (checklist && ++p->item < sc->nitems) {
			plain_ask_item(p, sc, p->item);
			return G_AGAIN;
		}
		*a = (struct session_action){ .verb = DO_NEXT };
		return G_ACTION;
	}
	const char *why = answer_expected(p->dk, slot);
	if (!*s || forms[deck_slot_type(p->dk, slot)].typed(p, slot, s, &p->answer, &why) < 0) {
		plain_not_understood(p, slot, why);
		return G_AGAIN;
	}
	*a = (struct session_action){ .verb = checklist ? DO_ANSWER : DO_NEXT, .slot = slot,
				      .answer = &p->answer };
	return G_ACTION;
}

/* What every page takes: the common keys, and Enter to go on. The line's
 * outcome, or -1 when it is neither. */
static int page_common(struct plain *p, const struct screen *sc, const char *s,
		       struct session_action *a)
{
	int c = common(p, s, sc, NULL, a);
	if (c >= 0)
		return c;
	if (*s)
		return -1;
	*a = (struct session_action){ .verb = DO_NEXT };
	return G_ACTION;
}

/* A page: Enter goes on; on the summary, "details" asks for the rest. */
static enum got page_line(struct plain *p, const struct screen *sc, const char *s,
			  struct session_action *a)
{
	int c = page_common(p, sc, s, a);
	if (c >= 0)
		return (enum got)c;
	if (sc->type == SCR_SUMMARY && plain_details(p, s))
		return G_AGAIN;
	plain_wrap(p, "", _("Not understood: press Enter to continue."));
	return G_AGAIN;
}

/* A line on the review: a number goes to that answer's screen. */
static enum got review_line_typed(struct plain *p, const struct screen *sc, const char *s,
				  struct session_action *a)
{
	int c = page_common(p, sc, s, a);
	if (c >= 0)
		return (enum got)c;
	struct view_review rv;
	view_review(p->iv, &rv);
	long k = strtol(s, NULL, 10);
	int screen = k >= 1 && (size_t)k <= rv.n ? p->dk->slots[rv.slots[k - 1]].screen : -1;
	view_review_free(&rv);
	if (screen >= 0) {
		*a = (struct session_action){ .verb = DO_EDIT, .screen = screen };
		return G_ACTION;
	}
	plain_wrap(p, "", _("Not understood: type a number from the list, or press Enter."));
	return G_AGAIN;
}

static void show_slot(struct plain *p, const struct screen *sc)
{
	plain_ask_slot(p, sc, sc->slot);
}

static void show_choices_slot(struct plain *p, const struct screen *sc)
{
	plain_show_choices(p, sc);
	plain_ask_slot(p, sc, sc->slot);
}

static void show_checklist(struct plain *p, const struct screen *sc)
{
	p->item = p->from_end && sc->nitems ? sc->nitems - 1 : 0;
	plain_ask_item(p, sc, p->item);
}

static void show_review(struct plain *p, const struct screen *sc)
{
	(void)sc;
	plain_review(p);
}

static void show_summary(struct plain *p, const struct screen *sc)
{
	(void)sc;
	plain_summary(p);
	plain_wait_enter(p);
}

static void show_referral(struct plain *p, const struct screen *sc)
{
	(void)sc;
	plain_referral(p);
	plain_wait_enter(p);
}

static void show_page(struct plain *p, const struct screen *sc)
{
	(void)sc;
	plain_wait_enter(p);
}

/* What the line mode does on each screen type: one row per type, indexed
 * as the engine's table (answer.h: screen_kind): what it prints under the
 * header, and what it makes of a line. */
static const struct {
	void (*show)(struct plain *p, const struct screen *sc);
	enum got (*line)(struct plain *p, const struct screen *sc, const char *s,
			 struct session_action *a);
} kinds[] = {
	[SCR_NOTE] = { show_page, page_line },
	[SCR_YESNO] = { show_slot, slot_line },
	[SCR_SINGLE] = { show_choices_slot, slot_line },
	[SCR_MULTI] = { show_choices_slot, slot_line },
	[SCR_NUMBER] = { show_slot, slot_line },
	[SCR_TEXT] = { show_slot, slot_line },
	[SCR_CHECKLIST] = { show_checklist, slot_line },
	[SCR_REVIEW] = { show_review, review_line_typed },
	[SCR_SUMMARY] = { show_summary, page_line },
	[SCR_REFERRAL] = { show_referral, page_line },
	[SCR_STOP] = { show_page, page_line },
};
_Static_assert(sizeof kinds / sizeof kinds[0] == SCR_TYPE_COUNT,
	       "a screen type without its row in the line mode's kinds");

/* The current screen: its header, its body and what it asks. */
static void show_screen(struct plain *p, const struct screen *sc)
{
	plain_header(p, sc);
	kinds[sc->type].show(p, sc);
}

/* ---- the line mode, as a front end (app/frontend.h) ------------------- */

static void *fe_open(struct session *s, const struct frontend_opts *o)
{
	struct plain *p = xcalloc(1, sizeof *p);
	p->ss = s;
	p->iv = session_interview(s);
	p->dk = interview_deck(p->iv);
	p->in = o->in;
	p->out = o->out;
	p->o = o;
	p->shown = -1;
	return p;
}

/* Before the first interview, where the referral contacts go. */
static void contacts_missing(struct plain *p)
{
	char *m = view_contacts_missing(p->o->contacts, p->o->contacts_path, p->o->contacts_example);
	if (m)
		plain_wrap(p, "", m);
	free(m);
}

/* The start screen's offers, as the view has them. */
static void start_menu(struct plain *p, const struct view_start *v)
{
	if (v->n)
		fprintf(p->out, "%s\n", _("Unfinished interviews:"));
	for (size_t i = 0; i < v->n; i++) {
		char *what = view_resume_text(p->dk, &v->cases[i]);
		char *line = xasprintf("%zu. %s", i + 1, what);
		plain_wrap(p, "  ", line);
		free(line);
		free(what);
	}
	plain_wrap(p, "", v->n ? _("Type its number to resume one, or press Enter for a new interview.")
			       : _("Press Enter to begin a new interview."));
}

/* A line of digits: its number; a longer one than any row can be, none. */
static long row_number(const char *s)
{
	size_t n = strspn(s, "0123456789");
	return n && !s[n] && n <= 3 ? strtol(s, NULL, 10) : -1;
}

static enum got start_line(struct plain *p, const struct view_start *v, const char *s,
			   struct session_action *a)
{
	if (!*s) {
		*a = (struct session_action){ .verb = DO_BEGIN };
		return G_ACTION;
	}
	if (s[0] == action_line(ACT_LANG)[0])
		return switch_lang(p, s + 1, a);
	if (action_of_line(s) == ACT_HELP) {
		start_menu(p, v);
		return G_AGAIN;
	}
	if (view_start_pick(v, row_number(s), a) == 0)
		return G_ACTION;
	char *m = view_start_refused(v);
	plain_wrap(p, "", m);
	free(m);
	return G_AGAIN;
}

/* With unfinished interviews to resume (or after a new one could not be
 * begun), the start asks; otherwise a new interview begins at once. */
static enum frontend_input fe_start(void *fe, struct session_action *a)
{
	struct plain *p = fe;
	static const struct view_start none = { NULL, 0 };
	const struct view_start *v = p->o->start ? p->o->start : &none;
	free(p->note);
	p->note = NULL;
	contacts_missing(p);
	if (!v->n && !p->begin_failed) {
		*a = (struct session_action){ .verb = DO_BEGIN };
		return FE_ACTION;
	}
	start_menu(p, v);
	for (;;) {
		const char *s = read_line(p);
		if (!s)
			return FE_LEAVE;
		if (start_line(p, v, s, a) == G_ACTION)
			return FE_ACTION;
	}
}

static enum frontend_input fe_read(void *fe, struct session_action *a)
{
	struct plain *p = fe;
	answer_clear(&p->answer);
	free(p->note);
	p->note = NULL;
	if (p->next_due) {	/* the checklist's last item answered */
		p->next_due = false;
		*a = (struct session_action){ .verb = DO_NEXT };
		return FE_ACTION;
	}
	const struct screen *sc = &p->dk->s[interview_current(p->iv)];
	if (p->shown != interview_current(p->iv)) {
		show_screen(p, sc);
		p->shown = interview_current(p->iv);
		p->from_end = false;
	}
	for (;;) {
		const char *s = read_line(p);
		if (!s)
			return FE_LEAVE;
		enum got g = kinds[sc->type].line(p, sc, s, a);
		if (g == G_ACTION)
			return FE_ACTION;
	}
}

/* The greeting of an interview begun or resumed. */
static void greet(struct plain *p, const struct session_action *a)
{
	if (session_recorded(p->ss)) {
		if (a->verb == DO_RESUME)
			plain_say(p, _("Resuming interview %s."), session_id(p->ss));
		else
			plain_say(p, _("Interview %s: every answer is saved, encrypted, as it is given."),
				  session_id(p->ss));
	}
	static const enum action keys[] = { ACT_HELP, ACT_BACK, ACT_STOP };
	char *k = plain_words(keys, 3);
	plain_say(p, _("tipscreen — screening interview, line mode. At any prompt: %s."), k);
	free(k);
	plain_lang_line(p);
	plain_message(p, true);	/* the store's warning, if it has one */
}

/* An answer given: on a checklist, the next item (or on, after the last). */
static void answered(struct plain *p, const struct session_action *a)
{
	const struct screen *sc = &p->dk->s[interview_current(p->iv)];
	if (sc->type != SCR_CHECKLIST || a->verb != DO_ANSWER)
		return;
	if (++p->item < sc->nitems)
		plain_ask_item(p, sc, p->item);
	else
		p->next_due = true;
}

/* The language switched: the screen again in it (a checklist: its item). */
static void relabel(struct plain *p)
{
	plain_lang_line(p);
	const struct screen *sc = &p->dk->s[interview_current(p->iv)];
	if (p->shown >= 0 && sc->type == SCR_CHECKLIST)
		plain_ask_item(p, sc, p->item);
	else
		p->shown = -1;
}

static void fe_show(void *fe, const struct session_action *a, enum session_outcome o)
{
	struct plain *p = fe;
	if (a->verb == DO_ANSWER || (a->verb == DO_NEXT && a->answer)) {
		if (o == S_REFUSED) {
			plain_not_understood(p, a->slot, session_why(p->ss));
			return;
		}
		if (o == S_DONE)
			answered(p, a);
	}
	if (o == S_NOT_SAVED) {
		plain_not_saved(p);
		p->begin_failed = a->verb == DO_BEGIN;
		return;
	}
	switch (a->verb) {
	case DO_BEGIN:
	case DO_RESUME:
		if (o == S_MOVED)
			greet(p, a);
		break;
	case DO_NOTE: fprintf(p->out, "%s\n", *a->text ? _("Note saved.") : _("Note removed.")); return;
	case DO_LANG: relabel(p); return;
	case DO_BACK: p->from_end = o == S_MOVED; break;
	default: break;
	}
	char *m = view_outcome(p->ss, a, o, action_line);
	if (m)	/* the first screen; why a case cannot be resumed */
		plain_wrap(p, "", m);
	free(m);
	if (o == S_COMPLETE)
		fprintf(p->out, "\n%s\n", _("The interview is complete."));
}

static int fe_close(void *fe)
{
	struct plain *p = fe;
	fflush(p->out);
	answer_clear(&p->answer);
	free(p->note);
	free(p->line);
	free(p);
	return 0;
}

const struct frontend_ops plain_frontend = {
	.name = "line mode",
	.open = fe_open,
	.start = fe_start,
	.read = fe_read,
	.show = fe_show,
	.close = fe_close,
};
