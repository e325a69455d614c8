#include "app/view.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "domain/answer.h"
#include "domain/catalog.h"
#include "domain/contacts.h"
#include "domain/national.h"
#include "store/store.h"

void view_header(const struct interview *iv, struct view_header *h)
{
	const struct deck *dk = interview_deck(iv);
	int cur = interview_current(iv);
	const struct screen *sc = &dk->s[cur];
	interview_path(iv, &h->n, &h->pos);
	h->pos++;
	h->section = _(deck_section_title(dk, sc->section));
	h->question = sc->question ? D_(sc->id, sc->question) : NULL;
	h->note = interview_note(iv, cur);
	h->training = false;
	h->says = NULL;
}

int view_yesno_rows(const struct deck *dk, int slot, enum ind_value rows[5])
{
	return answer_words(dk, slot, rows);
}

bool view_stopped(const struct interview *iv)
{
	size_t n, pos;
	const int *path = interview_path(iv, &n, &pos);
	for (size_t i = 0; i <= pos && i < n; i++)
		if (path[i] == interview_deck(iv)->stop)
			return true;
	return false;
}

int view_answers(const struct deck *dk, int slot, enum action out[5])
{
	static const enum action act[] = { [IV_YES] = ACT_YES, [IV_INTENDED] = ACT_INTENDED,
		[IV_NO] = ACT_NO, [IV_DONTKNOW] = ACT_DONTKNOW, [IV_DECLINED] = ACT_DECLINED };
	enum ind_value words[5];
	int n = answer_words(dk, slot, words);
	for (int i = 0; i < n; i++)
		out[i] = act[words[i]];
	return n;
}

struct view_choice *view_choices(const struct interview *iv, size_t *n)
{
	const struct deck *dk = interview_deck(iv);
	const struct screen *sc = &dk->s[interview_current(iv)];
	*n = deck_type_rules(sc->type)->choices ? sc->nchoices : 0;
	if (!*n)
		return NULL;
	const struct answer *a = interview_get(iv, sc->slot);
	struct view_choice *v = xmalloc(*n * sizeof *v);
	for (size_t i = 0; i < *n; i++) {
		v[i].label = D_(sc->id, sc->choices[i].label);
		v[i].chosen = screen_kind(sc->type)->takes == ANS_MULTI
			? a->kind == ANS_MULTI && (a->multi & (1u << i))
			: a->kind == ANS_CHOICE && a->choice == (int)i;
	}
	return v;
}

/* An answer in a word or two, for a checklist's column. */
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

struct view_item *view_items(const struct interview *iv, size_t *n)
{
	const struct deck *dk = interview_deck(iv);
	const struct screen *sc = &dk->s[interview_current(iv)];
	*n = deck_type_rules(sc->type)->items ? sc->nitems : 0;
	if (!*n)
		return NULL;
	struct view_item *v = xmalloc(*n * sizeof *v);
	for (size_t i = 0; i < *n; i++) {
		const struct answer *a = interview_get(iv, sc->items[i].slot);
		v[i] = (struct view_item){ D_(sc->items[i].id, sc->items[i].text), short_value(a),
					   a->kind != ANS_NONE, &sc->items[i] };
	}
	return v;
}

char *view_message(const struct session *s, bool start)
{
	if (session_unsaved(s))
		return xasprintf(_("NOT SAVED: %s. Nothing was recorded; try again."), session_error(s));
	char *notice = start ? session_notice(s) : NULL;
	if (!notice)
		return NULL;
	char *m = xasprintf(_("Warning: %s"), notice);
	free(notice);
	return m;
}

/* The answer words of the current screen's slot, with their keys. */
static char *answer_keys(const struct interview *iv, const char *(*key)(enum action))
{
	const struct deck *dk = interview_deck(iv);
	enum action acts[5];
	int n = view_answers(dk, dk->s[interview_current(iv)].slot, acts);
	return action_list(acts, (size_t)n, key);
}

/* Why an answer, or going on, was refused: the answers would contradict
 * each other (DESIGN §5 v3). */
static char *contradiction(const struct session *s)
{
	struct assess_input in;
	interview_inputs(session_interview(s), &in);
	if (session_blame(s) == IN_AGE && in.value[IN_AGE_NOW] >= 0)
		return xasprintf(_("Not accepted: the age when it began cannot be above the age now "
				   "(%d). Check both ages with the person; to change the age now, go "
				   "back to it."), in.value[IN_AGE_NOW]);
	if (session_blame(s) >= 0)
		return xasprintf(_("Not accepted: this answer contradicts an earlier answer about "
				   "the age (%s). Check the ages with the person."), session_why(s));
	return xasprintf(_("The answers contradict each other (%s): go back and correct them. "
			   "The interview cannot be finished until they agree."), session_why(s));
}

char *view_outcome(const struct session *s, const struct session_action *a,
		   enum session_outcome o, const char *(*key)(enum action))
{
	const struct interview *iv = session_interview(s);
	const struct screen *sc = &interview_deck(iv)->s[interview_current(iv)];
	char *keys, *m;
	if (a->verb == DO_RESUME && o == S_REFUSED)
		return xasprintf(_("Cannot resume: %s"), session_error(s));
	switch (o) {
	case S_NOT_SAVED: return view_message(s, false);
	case S_FIRST: return xstrdup(_("This is the first screen."));
	case S_CONTRADICTS: return contradiction(s);
	case S_NEEDS_ANSWER:
		keys = answer_keys(iv, key);
		m = sc->type == SCR_SINGLE ? xasprintf(_("Choose an answer first: its number, or %s."), keys)
		    : sc->type == SCR_NUMBER ? xasprintf(_("Type a number, or %s."), keys)
					     : xasprintf(_("Choose an answer first: %s."), keys);
		free(keys);
		return m;
	case S_REFUSED:
		if (sc->type != SCR_NUMBER || !a->answer || a->answer->kind != ANS_NUMBER)
			return xasprintf(_("Not an answer here: expected %s."), session_why(s));
		keys = answer_keys(iv, key);
		m = xasprintf(_("Enter a number from %ld to %ld, or %s."), sc->min, sc->max, keys);
		free(keys);
		return m;
	default: return NULL;
	}
}

int view_actions(const struct interview *iv, enum view_place at, bool langs,
		 enum action out[VIEW_ACTIONS_MAX])
{
	static const enum action words[] = { ACT_YES, ACT_NO, ACT_DONTKNOW, ACT_DECLINED };
	enum screen_type t = interview_deck(iv)->s[interview_current(iv)].type;
	int n = 0;
	out[n++] = ACT_NEXT;
	out[n++] = ACT_BACK;
	out[n++] = ACT_HIDE;
	out[n++] = ACT_HELP;
	if (at == VIEW_SCREEN && (t == SCR_YESNO || t == SCR_CHECKLIST))
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
			out[n++] = words[i];
	if (at == VIEW_SCREEN && t == SCR_TEXT)
		out[n++] = ACT_DECLINED;
	out[n++] = ACT_PANEL;
	if (at == VIEW_SCREEN || at == VIEW_NOTE)
		out[n++] = ACT_STOP;
	if (langs)
		out[n++] = ACT_LANG;
	return n;
}

void view_review(const struct interview *iv, struct view_review *r)
{
	const struct deck *dk = interview_deck(iv);
	size_t np;
	const int *path = interview_path(iv, &np, NULL);
	memset(r, 0, sizeof *r);
	r->slots = xmalloc((dk->nslots + 1) * sizeof *r->slots);
	r->unanswered = xmalloc((dk->nslots + 1) * sizeof *r->unanswered);
	r->declined = xmalloc((dk->nslots + 1) * sizeof *r->declined);
	for (size_t i = 0; i < np; i++) {
		const struct screen *sc = &dk->s[path[i]];
		if (sc->slot >= 0)
			r->slots[r->n++] = sc->slot;
		for (size_t j = 0; j < sc->nitems; j++)
			r->slots[r->n++] = sc->items[j].slot;
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct answer *a = interview_get(iv, r->slots[i]);
		if (a->kind == ANS_NONE)
			r->unanswered[r->nunanswered++] = i + 1;
		else if (a->kind == ANS_WORD && a->word == IV_DECLINED)
			r->declined[r->ndeclined++] = i + 1;
	}
	r->ndiscarded = interview_discarded(iv, NULL, 0);
	r->discarded = xmalloc((r->ndiscarded + 1) * sizeof *r->discarded);
	interview_discarded(iv, r->discarded, r->ndiscarded);
}

void view_review_free(struct view_review *r)
{
	free(r->slots);
	free(r->unanswered);
	free(r->declined);
	free(r->discarded);
	memset(r, 0, sizeof *r);
}

int view_summary(const struct interview *iv, const struct profile *law, struct report *r,
		 const char **why)
{
	struct assess_input in;
	struct assessment a;
	interview_inputs(iv, &in);
	if (assess_run(&in, &a, why) < 0) {
		memset(r, 0, sizeof *r);
		return -1;
	}
	size_t nev;
	struct evidence *ev = report_evidence(iv, &nev);
	report_build(r, &a, &in, ev, nev);
	free(ev);
	if (law)	/* its sections follow, spans and all */
		national_report(r, law, &in, &a);
	return 0;
}

size_t view_contacts(const struct contacts *c, struct report *r)
{
	memset(r, 0, sizeof *r);
	if (!c || !c->file.n)
		return 0;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	contacts_print(c, f);
	fclose(f);
	report_add_text(r, SEC_TITLE, buf);
	free(buf);
	return r->n;
}

/* ---- training ------------------------------------------------------------ */

void view_header_training(const struct view_training *t, const struct interview *iv,
			  struct view_header *h)
{
	view_header(iv, h);
	if (!t)
		return;
	h->training = true;
	size_t cur = (size_t)interview_current(iv);
	h->says = t->solo && cur < t->n ? t->says[cur] : NULL;
}

/* ---- the start screen ---------------------------------------------------- */

static bool resumable(const struct store_case *c, const struct deck *dk)
{
	return strcmp(c->status, "open") == 0 && c->records > 0 &&
	       (!*c->deck || strcmp(c->deck, dk->identity) == 0);
}

int view_start(struct view_start *v, struct store *st, const struct deck *dk, char *err,
	       size_t errlen)
{
	memset(v, 0, sizeof *v);
	if (!st)
		return 0;
	size_t n;
	struct store_case *all = store_cases(st, &n, err, errlen);
	if (!all)
		return -1;
	v->cases = xmalloc((n < VIEW_RESUME_MAX ? n : VIEW_RESUME_MAX) * sizeof *v->cases + 1);
	for (size_t i = 0; i < n && v->n < VIEW_RESUME_MAX; i++) {
		if (!resumable(&all[i], dk))
			continue;
		struct view_resume *r = &v->cases[v->n++];
		snprintf(r->id, sizeof r->id, "%s", all[i].id);
		struct tm tm;
		if (!localtime_r(&all[i].updated, &tm) ||
		    !strftime(r->when, sizeof r->when, "%Y-%m-%d %H:%M", &tm))
			snprintf(r->when, sizeof r->when, "?");
	}
	free(all);
	return 0;
}

void view_start_free(struct view_start *v)
{
	free(v->cases);
	memset(v, 0, sizeof *v);
}

int view_start_pick(const struct view_start *v, long k, struct session_action *a)
{
	if (k < 1 || (unsigned long)k > v->n)
		return -1;
	*a = (struct session_action){ .verb = DO_RESUME, .text = v->cases[k - 1].id };
	return 0;
}

char *view_start_refused(const struct view_start *v)
{
	if (!v->n)
		return xstrdup(_("There is no unfinished interview to resume: press Enter for a new one."));
	if (v->n == 1)
		return xstrdup(_("Not one of the unfinished interviews: type 1 to resume it, or press "
				 "Enter for a new interview."));
	return xasprintf(_("Not one of the unfinished interviews: choose 1 to %zu to resume one, or "
			   "press Enter for a new interview."), v->n);
}
