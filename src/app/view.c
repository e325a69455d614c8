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
#include "store/record.h"
#include "store/store.h"

/* The screens on the longest way from screen s to the end, s excluded,
 * memoised in len (-1: not yet known). The deck has no cycles (lint). A
 * later screen's way is part of an earlier one's, so the count never grows
 * as the interview goes forward, whatever the answers. */
static size_t longest(const struct deck *dk, int s, long *len)
{
	if (len[s] >= 0)
		return (size_t)len[s];
	len[s] = 0;	/* a cycle, were there one, ends here */
	size_t best = 0;
	const struct screen *sc = &dk->s[s];
	for (size_t j = 0; j < sc->nnext; j++)
		if (sc->next[j].to != DECK_END) {
			size_t k = 1 + longest(dk, sc->next[j].to, len);
			best = k > best ? k : best;
		}
	len[s] = (long)best;
	return best;
}

/* The furthest step of the path up to pos: the progress only goes forward
 * (the age, asked after the act, stays under the act's step). -1 where the
 * screen shows no progress (the stop screen). */
static int furthest_step(const struct deck *dk, const int *path, size_t pos)
{
	if (deck_section_step(dk, dk->s[path[pos]].section) < 0)
		return -1;
	int step = -1;
	for (size_t i = 0; i <= pos; i++) {
		int k = deck_section_step(dk, dk->s[path[i]].section);
		step = k > step ? k : step;
	}
	return step;
}

char *view_progress(const struct view_header *h)
{
	if (h->left == 0)
		return xasprintf(_("%s — the last screen"), h->section);
	if (h->left == 1)
		return xasprintf(_("%s — one more screen"), h->section);
	return xasprintf(_("%s — about %zu screens left"), h->section, h->left);
}

void view_header(const struct interview *iv, struct view_header *h)
{
	const struct deck *dk = interview_deck(iv);
	int cur = interview_current(iv);
	const struct screen *sc = &dk->s[cur];
	const int *path = interview_path(iv, &h->n, &h->pos);
	h->step = furthest_step(dk, path, h->pos);
	long *len = xmalloc(dk->n * sizeof *len);
	for (size_t i = 0; i < dk->n; i++)
		len[i] = -1;
	h->left = longest(dk, cur, len);
	free(len);
	h->pos++;
	h->section = _(deck_section_title(dk, sc->section));
	h->question = sc->question ? D_(sc->id, sc->question) : NULL;
	h->note = interview_note(iv, cur);
	h->training = false;
	h->says = NULL;
}

bool view_read_to_person(const struct deck *dk, int screen)
{
	const char *section = dk->s[screen].section;
	if (!deck_section_setup(dk, section))
		return true;
	for (size_t i = 0; i < dk->n; i++) {
		const char *q = dk->s[i].question;
		if (strcmp(dk->s[i].section, section) == 0 && q &&
		    (strstr(q, ": \"") || strstr(q, ": \u201c")))
			return true;	/* it quotes what to read aloud ('Ask: "...') */
	}
	return false;
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
	const struct deck *dk = interview_deck(iv);
	const struct screen *sc = &dk->s[interview_current(iv)];
	bool screen = at == VIEW_SCREEN || at == VIEW_EDIT;
	int n = 0;
	out[n++] = ACT_NEXT;
	out[n++] = ACT_BACK;
	out[n++] = ACT_HIDE;
	if (screen || at == VIEW_NOTE)
		out[n++] = ACT_STOP;
	if (at == VIEW_NOTE)
		return n;
	if (at == VIEW_EDIT)
		out[n++] = ACT_REVIEW;
	if (screen && (sc->type == SCR_YESNO || (sc->type == SCR_CHECKLIST && sc->nitems))) {
		enum action words[5];
		int k = view_answers(dk, sc->type == SCR_YESNO ? sc->slot : sc->items[0].slot, words);
		for (int i = 0; i < k; i++)
			out[n++] = words[i];
	}
	if (screen && sc->type == SCR_TEXT)
		out[n++] = ACT_DECLINED;
	out[n++] = ACT_HELP;
	out[n++] = ACT_PANEL;
	if (langs)
		out[n++] = ACT_LANG;
	return n;
}

const char *view_action_word(enum view_place at, enum action a)
{
	if (at == VIEW_NOTE && a == ACT_NEXT)
		return NC_("legend", "save note");
	if (at == VIEW_NOTE && a == ACT_BACK)
		return NC_("legend", "cancel");
	if (at == VIEW_START && a == ACT_BACK)
		return NC_("legend", "quit");
	return action_word(a);
}

bool view_action_is_answer(enum action a)
{
	return a == ACT_YES || a == ACT_NO || a == ACT_DONTKNOW || a == ACT_DECLINED ||
	       a == ACT_INTENDED;
}

int view_review_return(const struct session *s)
{
	const struct interview *iv = session_interview(s);
	const struct deck *dk = interview_deck(iv);
	size_t np, pos;
	const int *path = interview_path(iv, &np, &pos);
	for (size_t i = pos; i < np; i++) {
		const struct screen *sc = &dk->s[path[i]];
		if (sc->type == SCR_REVIEW)
			return path[i];
		if (sc->slot >= 0 && session_needs_answer(s, sc->slot) &&
		    interview_get(iv, sc->slot)->kind == ANS_NONE)
			return -1;
		for (size_t j = 0; j < sc->nitems; j++)
			if (session_needs_answer(s, sc->items[j].slot) &&
			    interview_get(iv, sc->items[j].slot)->kind == ANS_NONE)
				return -1;
	}
	return -1;
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

int view_stopped_at(const struct interview *iv)
{
	const struct deck *dk = interview_deck(iv);
	size_t n;
	const int *path = interview_path(iv, &n, NULL);
	for (size_t i = 1; i < n; i++)
		if (path[i] == dk->stop)
			return path[i - 1];
	return -1;
}

size_t view_contacts(const struct contacts *c, const struct interview *iv, struct report *r)
{
	memset(r, 0, sizeof *r);
	struct assess_input in;
	interview_inputs(iv, &in);
	enum child_status now = assess_minor_now(&in);
	enum contacts_for who = now == CHILD_YES || now == CHILD_PRESUMED ? CONTACTS_CHILD
				: now == CHILD_NO ? CONTACTS_ADULT : CONTACTS_ANYONE;
	char *buf = NULL;
	size_t len = 0, n = 0;
	FILE *f = xmemstream(&buf, &len);
	if (c)
		n = contacts_print(c, who, f);
	fclose(f);
	report_add_text(r, SEC_TITLE, n ? buf : _("Ask your supervisor for the local hotline and child-protection numbers, and give them to the person when it is safe."));
	free(buf);
	return n;
}

char *view_contacts_missing(const struct contacts *c, const char *path, const char *example)
{
	if (c && c->file.n)
		return NULL;
	if (path && example)
		return xasprintf(_("No referral contacts on this laptop yet: copy %s to %s and put your local services in it. Until then the referral screen says to ask your supervisor."), example, path);
	if (path)
		return xasprintf(_("No referral contacts on this laptop yet: put your local services in %s. Until then the referral screen says to ask your supervisor."), path);
	return xstrdup(_("No referral contacts on this laptop yet: the referral screen says to ask your supervisor."));
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

/* The index of the choice of setup slot id in iv, or -1. */
static int setup_choice(const struct interview *iv, const char *id)
{
	int slot = deck_slot_find(interview_deck(iv), id);
	const struct answer *a = slot >= 0 ? interview_get(iv, slot) : NULL;
	return a && a->kind == ANS_CHOICE ? a->choice : -1;
}

/* Where case r->id stopped and how it was set up, from its records. */
static void resume_where(struct store *st, const struct deck *dk, struct view_resume *r)
{
	struct records recs;
	char err[256];
	r->screen = r->role = r->place = -1;
	if (records_load(st, r->id, &recs, err, sizeof err) < 0)
		return;
	struct interview *iv = interview_new(dk);
	if (session_replay(iv, r->id, &recs) == 0) {
		struct view_header h;
		view_header(iv, &h);
		r->screen = interview_current(iv);
		r->left = h.left;
		r->role = setup_choice(iv, "setup.role");
		r->place = setup_choice(iv, "setup.place");
	}
	interview_free(iv);
	records_free(&recs);
}

/* The label of choice c of the screen of setup slot id, or NULL. */
static const char *setup_label(const struct deck *dk, const char *id, int c)
{
	int slot = deck_slot_find(dk, id);
	if (slot < 0 || c < 0)
		return NULL;
	const struct screen *sc = &dk->s[dk->slots[slot].screen];
	return (size_t)c < sc->nchoices ? D_(sc->id, sc->choices[c].label) : NULL;
}

char *view_resume_text(const struct deck *dk, const struct view_resume *r)
{
	if (r->screen < 0)
		return xasprintf(_("%s, last change %s"), r->id, r->when);
	struct view_header h = { .section = _(deck_section_title(dk, dk->s[r->screen].section)),
				 .left = r->left };
	char *where = view_progress(&h);
	const char *role = setup_label(dk, "setup.role", r->role);
	const char *place = setup_label(dk, "setup.place", r->place);
	char *setup = role && place ? xasprintf("; %s, %s", role, place)
		      : role || place ? xasprintf("; %s", role ? role : place) : xstrdup("");
	char *t = xasprintf(_("%s: %s%s; last change %s"), r->id, where, setup, r->when);
	free(setup);
	free(where);
	return t;
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
		resume_where(st, dk, r);
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
