#include "plain/line.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

/* The view's message for the session, on a line of its own, if it has
 * one: "NOT SAVED: ..." after a failed commit, the store's warning at the
 * start. */
void plain_message(struct plain *p, bool start)
{
	char *m = view_message(p->ss, start);
	if (m)
		plain_wrap(p, "", m);
	free(m);
}

void plain_not_saved(struct plain *p)
{
	plain_message(p, false);
}

/* The words the line mode takes, from the one action table. */
char *plain_words(const enum action *acts, size_t n)
{
	return action_list(acts, n, action_line);
}

void plain_wrap(struct plain *p, const char *indent, const char *text)
{
	int w = p->o->width - (int)strlen(indent);
	char *s = text_wrap(text, w > 20 ? w : 20);
	for (char *l = s, *e; l; l = e ? e + 1 : NULL) {
		e = strchr(l, '\n');
		fprintf(p->out, "%s%.*s\n", indent, e ? (int)(e - l) : (int)strlen(l), l);
	}
	free(s);
}

void plain_say(struct plain *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *t = xvasprintf(fmt, ap);
	va_end(ap);
	plain_wrap(p, "", t);
	free(t);
}

/* Bilingual: a deck text again in the respondent's language, tagged. */
static void second_text(struct plain *p, const char *indent, const char *ctx, const char *text)
{
	int i = frontend_second(p->ss, p->o->langs);
	if (i < 0 || !text || !view_read_to_person(p->dk, interview_current(p->iv)))
		return;	/* only on the screens read to the person */
	const struct catalog *c = p->o->langs->v[i];
	if (c == i18n_current())
		return;
	char *t = xasprintf("[%s] %s", catalog_lang(c), catalog_get(c, ctx, text));
	plain_wrap(p, indent, t);
	free(t);
}

void plain_lang_line(struct plain *p)
{
	if (!p->o->langs || p->o->langs->n < 2)
		return;
	char *l = langs_label(p->o->langs, langs_current(p->o->langs));
	plain_say(p, _("Language: %s. %s and a code changes it; %s alone lists them."), l,
		action_line(ACT_LANG), action_line(ACT_LANG));
	free(l);
	int second = frontend_second(p->ss, p->o->langs);
	if (second >= 0) {	/* a draft is said to be one wherever it is shown */
		l = langs_label(p->o->langs, second);
		plain_say(p, _("Respondent's language, shown under each question: %s."), l);
		free(l);
	}
}

void plain_help(struct plain *p, const struct screen *sc, const char *item_help)
{
	if (item_help) {
		fprintf(p->out, "%s\n", _("Help for this item:"));
		plain_wrap(p, "  ", item_help);
	}
	if (sc->help) {
		fprintf(p->out, "%s\n", _("Help for the interviewer:"));
		plain_wrap(p, "  ", D_(sc->id, sc->help));
	}
	if (sc->why) {
		fprintf(p->out, "%s\n", _("Why we ask:"));
		plain_wrap(p, "  ", D_(sc->id, sc->why));
	}
	static const enum action keys[] = { ACT_BACK, ACT_STOP, ACT_NOTE, ACT_LANG, ACT_HELP };
	char *k = plain_words(keys, 5);
	plain_say(p, _("Keys: %s (+ and the text of a note, @ and a language code)."), k);
	free(k);
}

static void show_current(struct plain *p, int slot)
{
	const struct answer *a = interview_get(p->iv, slot);
	if (a->kind == ANS_NONE)
		return;
	char *v = answer_format(p->dk, slot, a, false);
	plain_say(p, _("(Answer so far: %s. Enter keeps it.)"), *v ? v : _("nothing chosen"));
	free(v);
}

void plain_ask_slot(struct plain *p, const struct screen *sc, int slot)
{
	(void)sc;	/* a number's range is in its prompt */
	char *want = plain_prompt(p->dk, slot);
	char *answer = xasprintf(_("Answer: %s"), want);
	char *help = xasprintf(_(". %s help"), action_line(ACT_HELP));
	plain_say(p, "%s%s", answer, help);
	free(help);
	free(answer);
	free(want);
	show_current(p, slot);
}

/* What the line mode says of an answer that does not fit slot: the
 * engine's reason, or what any answer of the kind is, in its own words. */
void plain_not_understood(struct plain *p, int slot, const char *why)
{
	char *expected = why == answer_expected(p->dk, slot) ? plain_prompt(p->dk, slot) : xstrdup(why);
	plain_say(p, _("Not understood: expected %s. Type %s for help."), expected,
		  action_line(ACT_HELP));
	free(expected);
}

void plain_show_choices(struct plain *p, const struct screen *sc)
{
	size_t n;
	struct view_choice *c = view_choices(p->iv, &n);
	for (size_t i = 0; i < n; i++) {
		char *t = xasprintf("  %zu. %s", i + 1, c[i].label);
		plain_wrap(p, "", t);
		second_text(p, "      ", sc->id, sc->choices[i].label);
		free(t);
	}
	free(c);
}

/* The checklist's item i, as the view has it, and its prompt. */
void plain_ask_item(struct plain *p, const struct screen *sc, size_t i)
{
	size_t n;
	struct view_item *it = view_items(p->iv, &n);
	if (i < n) {
		const struct item *d = it[i].item;
		fputc('\n', p->out);
		plain_say(p, _("Item %zu of %zu:"), i + 1, n);
		plain_wrap(p, "  ", it[i].label);
		second_text(p, "  ", d->id, d->text);
		plain_ask_slot(p, sc, d->slot);
	}
	free(it);
}

void plain_wait_enter(struct plain *p)
{
	static const enum action keys[] = { ACT_BACK, ACT_STOP, ACT_HELP };
	char *k = plain_words(keys, 3);
	plain_say(p, _("Press Enter to continue (%s)."), k);
	free(k);
}

static void review_line(struct plain *p, int n, int slot)
{
	const struct answer *a = interview_get(p->iv, slot);
	char *v = a->kind == ANS_NONE ? xstrdup(_("not answered")) : answer_format(p->dk, slot, a, false);
	const char *q = D_(p->dk->slots[slot].id, deck_slot_text(p->dk, slot));
	size_t ql = strcspn(q, "\n");
	char *t = n > 0 ? xasprintf("%3d. %.*s — %s", n, (int)ql, q, v)
			: xasprintf("  - %.*s — %s", (int)ql, q, v);
	plain_wrap(p, "", t);
	free(t);
	free(v);
}

static void number_list(struct plain *p, const char *title, const size_t *v, size_t n)
{
	char *t = NULL;
	size_t len = 0;
	FILE *f = xmemstream(&t, &len);
	fprintf(f, C_("label", "%s: %s"), title, "");
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%zu", i ? ", " : "", v[i]);
	fputs(n ? "" : _("none"), f);
	fclose(f);
	plain_wrap(p, "", t);
	free(t);
}

static void review_lists(struct plain *p, const struct view_review *rv)
{
	number_list(p, _("Not answered"), rv->unanswered, rv->nunanswered);
	number_list(p, _("Declined"), rv->declined, rv->ndeclined);
	if (rv->ndiscarded)
		plain_wrap(p, "", _("Will be discarded (their screens are no longer on the path):"));
	for (size_t i = 0; i < rv->ndiscarded; i++)
		review_line(p, 0, rv->discarded[i]);
}

/* The review as the view has it. */
void plain_review(struct plain *p)
{
	struct view_review rv;
	view_review(p->iv, &rv);
	fprintf(p->out, "%s\n", _("Every answer on the path:"));
	for (size_t i = 0; i < rv.n; i++)
		review_line(p, (int)i + 1, rv.slots[i]);
	review_lists(p, &rv);
	view_review_free(&rv);
	plain_wrap(p, "", _("Type a number to change that answer, or press Enter to go on to the summary."));
}

/* The sections a person hears first: the outcome, the age, the referral,
 * what is still unclear and what to ask next. */
static bool short_section(enum report_section s)
{
	return s == SEC_TITLE || s == SEC_OUTCOME || s == SEC_CHILD || s == SEC_REFERRAL ||
	       s == SEC_UNCLEAR || s == SEC_ASK;
}

/* The length of a code at s ("consistent-adult", "tip-3a, en"): lowercase
 * letters, digits, and the joins of ids; 0 when s holds no such code. */
static size_t code_len(const char *s, const char *stops)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-.,_ ");
	bool joined = false;
	for (size_t i = 0; i < n; i++)
		joined |= s[i] == '-' || s[i] == ',';
	return joined && strchr(stops, s[n]) ? n : 0;
}

/* text without the codes a screen reader would read out letter by letter,
 * or in the wrong language: " [consistent-adult]", " [tip-3a, fr]", and a
 * leading "child-now: ". A new string. */
static char *without_codes(const char *text)
{
	char *out = xmalloc(strlen(text) + 1), *o = out;
	const char *s = text;
	size_t lead = code_len(s, ":");
	if (lead && strchr(s, ' ') > s + lead && s[lead] == ':' && s[lead + 1] == ' ')
		s += lead + 2;
	while (*s) {
		size_t n = s[0] == ' ' && s[1] == '[' ? code_len(s + 2, "]") : 0;
		if (n) {
			s += n + 3;
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
	return out;
}

/* The summary's short part (details false) or the rest, for a person at
 * the terminal: without codes unless --codes. */
static void summary_part(struct plain *p, const struct report *r, bool details)
{
	struct report part = { 0 };
	for (size_t i = 0; i < r->n; i++) {
		const struct report_line *l = &r->v[i];
		if (short_section(l->section) == details)
			continue;
		char *t = p->o->codes || l->quote ? xstrdup(l->text) : without_codes(l->text);
		struct report_line *n = report_line_add(&part, l->section, l->indent, t);
		n->quote = l->quote;
		n->element = l->element;
	}
	report_print(p->out, &part, p->o->width);
	report_free(&part);
}

/* The word that asks for the summary's details (and "details" in every
 * language). */
static bool asks_details(const char *s)
{
	return strcmp(s, "details") == 0 || strcmp(s, C_("line word", "details")) == 0;
}

void plain_summary(struct plain *p)
{
	struct report r;
	const char *why;
	if (view_summary(p->iv, p->o->law, &r, &why) < 0) {
		char *t = xasprintf(_("The answers contradict each other (%s): go back and correct them."), why);
		plain_wrap(p, "", t);
		free(t);
		return;
	}
	fputc('\n', p->out);
	if (p->o->spoken) {
		summary_part(p, &r, false);
		char *t = xasprintf(_("Type %s for every answer behind it and the law it cites."),
				    C_("line word", "details"));
		plain_wrap(p, "", t);
		free(t);
	} else {
		report_print(p->out, &r, p->o->width);
	}
	report_free(&r);
}

bool plain_details(struct plain *p, const char *s)
{
	if (!asks_details(s))
		return false;
	struct report r;
	const char *why;
	if (p->o->spoken && view_summary(p->iv, p->o->law, &r, &why) == 0) {	/* else shown */
		summary_part(p, &r, true);
		report_free(&r);
	}
	plain_wait_enter(p);
	return true;
}

void plain_referral(struct plain *p)
{
	fprintf(p->out, "%s\n", _("Referral contacts:"));
	struct report r;
	view_contacts(p->o->contacts, p->iv, &r);
	report_print(p->out, &r, p->o->width);
	report_free(&r);
}

void plain_header(struct plain *p, const struct screen *sc)
{
	struct view_header h;
	view_header_training(p->o->training, p->iv, &h);
	fputc('\n', p->out);
	if (h.training)
		fprintf(p->out, "%s ", _("TRAINING"));
	char *where = view_progress(&h), *t = xasprintf("[%s]", where);
	plain_wrap(p, "", t);
	free(t);
	free(where);
	if (h.question) {
		plain_wrap(p, "", h.question);
		second_text(p, "", sc->id, sc->question);
	}
	if (h.says) {
		char *s = xasprintf(_("Says: %s"), h.says);
		plain_wrap(p, "", s);
		free(s);
	}
	if (h.note) {
		plain_say(p, _("(Note: %s)"), h.note);
	}
}

