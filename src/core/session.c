#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "answers.h"
#include "stanza.h"
#include "text.h"
#include "xalloc.h"

void session_init(struct session *s, struct interview *iv, struct store *store)
{
	memset(s, 0, sizeof *s);
	s->iv = iv;
	s->store = store;
	s->shown = -1;
}

static int record_shown(struct session *s, int screen);

int session_begin(struct session *s)
{
	if (s->store && !*s->id && store_case_new(s->store, s->id, s->err, sizeof s->err) < 0) {
		s->unsaved = true;
		return -2;
	}
	return record_shown(s, interview_current(s->iv));
}

/* One value on one line: newlines and controls would break the stanza. */
static char *one_line(const char *v)
{
	char *c = text_sanitize(v ? v : "");
	for (char *p = c; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return c;
}

static int commit(struct session *s, const char *event, const char *id, const char *old,
		  const char *new)
{
	if (!s->store || !*s->id)
		return 0;
	struct timeval tv;
	gettimeofday(&tv, NULL);
	char *o = one_line(old), *n = one_line(new);
	char *rec = xasprintf("t: %lld.%03ld\nevent: %s\nid: %s\nold: %s\nnew: %s\n",
			      (long long)tv.tv_sec, (long)(tv.tv_usec / 1000), event, id, o, n);
	int rc = store_append(s->store, s->id, rec, s->err, sizeof s->err) < 0 ? -2 : 0;
	free(o);
	free(n);
	free(rec);
	return rc;
}

static int note_commit(struct session *s, int rc)
{
	s->unsaved = rc < 0;
	return rc;
}

int session_answer(struct session *s, int slot, const struct answer *a, const char **why)
{
	const struct deck *dk = interview_deck(s->iv);
	if (answer_check(dk, slot, a, why) < 0)
		return -1;
	const struct answer *old = interview_get(s->iv, slot);
	char *o = answer_format(dk, slot, old, true);
	char *n = answer_format(dk, slot, a, true);
	int rc = note_commit(s, commit(s, "answer", dk->slots[slot].id, o, n));
	if (rc == 0)	/* on disk: only now given */
		interview_answer(s->iv, slot, a, why);
	free(o);
	free(n);
	return rc;
}

int session_note(struct session *s, int screen, const char *text)
{
	const char *old = interview_note(s->iv, screen);
	int rc = note_commit(s, commit(s, "note", interview_deck(s->iv)->s[screen].id, old, text));
	if (rc == 0)
		interview_set_note(s->iv, screen, text);
	return rc;
}

static const char *stop_name(const struct session *s, int screen)
{
	return screen < 0 ? "-" : interview_deck(s->iv)->s[screen].id;
}

/* Records that screen is shown next; the caller moves only when it is. */
static int record_shown(struct session *s, int screen)
{
	if (screen == s->shown)
		return 0;
	int rc = note_commit(s, commit(s, "at", interview_deck(s->iv)->s[screen].id, "", ""));
	if (rc == 0)
		s->shown = screen;
	return rc;
}

/* The stop record, then the stop screen's: the path changes once the
 * first is on disk, the cursor moves once the second is. */
int session_stop(struct session *s)
{
	int before = interview_stopped_at(s->iv);
	int here = interview_current(s->iv);
	int rc = note_commit(s, commit(s, "stop", stop_name(s, here), stop_name(s, before),
				       stop_name(s, here)));
	if (rc < 0)
		return rc;
	interview_set_stop(s->iv, here);
	if ((rc = record_shown(s, interview_deck(s->iv)->stop)) == 0)
		interview_stop(s->iv);
	return rc;
}

bool session_back(struct session *s, int *rc)
{
	size_t n, pos;
	const int *path = interview_path(s->iv, &n, &pos);
	*rc = 0;
	if (pos == 0)
		return false;
	int before = interview_stopped_at(s->iv);
	bool takes_back = path[pos] == interview_deck(s->iv)->stop && before >= 0 &&
			  before != interview_deck(s->iv)->stop;
	/* The screen shown first: a failed stop record then leaves the cursor
	 * on a screen that is on the path either way. */
	if ((*rc = record_shown(s, path[pos - 1])) < 0)
		return true;
	if (takes_back && (*rc = note_commit(s, commit(s, "stop", "-", stop_name(s, before), "-"))) < 0)
		return true;
	interview_back(s->iv);
	return true;
}

int session_shown(struct session *s)
{
	return record_shown(s, interview_current(s->iv));
}

int session_lang(struct session *s, const char *tag)
{
	if (strcmp(s->lang, tag) == 0)
		return 0;
	int rc = note_commit(s, commit(s, "lang", "-", s->lang, tag));
	if (rc == 0)
		snprintf(s->lang, sizeof s->lang, "%s", tag);
	return rc;
}

int session_finish(struct session *s)
{
	int rc = note_commit(s, commit(s, "finish", "-", "", ""));
	if (rc == 0)
		interview_finish(s->iv);
	if (rc == 0 && s->store && *s->id &&
	    store_set_status(s->store, s->id, "complete", s->err, sizeof s->err) < 0)
		rc = -2;
	return rc;
}

bool session_needs_answer(const struct session *s, int slot)
{
	switch (deck_slot_type(interview_deck(s->iv), slot)) {
	case SCR_MULTI:
	case SCR_TEXT: return false;
	default: return interview_get(s->iv, slot)->kind == ANS_NONE;
	}
}

static bool same_answer(const struct session *s, int slot, const struct answer *a)
{
	const struct deck *dk = interview_deck(s->iv);
	char *o = answer_format(dk, slot, interview_get(s->iv, slot), true);
	char *n = answer_format(dk, slot, a, true);
	bool same = strcmp(o, n) == 0 && interview_get(s->iv, slot)->kind == a->kind;
	free(o);
	free(n);
	return same;
}

static enum session_outcome given(struct session *s, int slot, const struct answer *a)
{
	if (same_answer(s, slot, a))
		return S_DONE;	/* nothing new to record (a retry after a failed move) */
	switch (session_answer(s, slot, a, &s->why)) {
	case 0: return S_DONE;
	case -1: return S_REFUSED;
	default: return S_NOT_SAVED;
	}
}

/* Forward: the answer first, then the leave rule, then the next screen's
 * record, and only then the move. */
static enum session_outcome forward(struct session *s, const struct session_action *a)
{
	if (a->answer) {
		enum session_outcome o = given(s, a->slot, a->answer);
		if (o != S_DONE)
			return o;
	}
	const struct screen *sc = &interview_deck(s->iv)->s[interview_current(s->iv)];
	if (sc->slot >= 0 && session_needs_answer(s, sc->slot))
		return S_NEEDS_ANSWER;
	size_t n, pos;
	const int *path = interview_path(s->iv, &n, &pos);
	if (pos + 1 >= n) {
		interview_next(s->iv);
		return S_COMPLETE;
	}
	if (record_shown(s, path[pos + 1]) < 0)
		return S_NOT_SAVED;
	interview_next(s->iv);
	return S_MOVED;
}

static enum session_outcome to_screen(struct session *s, int screen)
{
	if (!interview_on_path(s->iv, screen)) {
		s->why = "a screen on the path";
		return S_REFUSED;
	}
	if (record_shown(s, screen) < 0)
		return S_NOT_SAVED;
	interview_goto(s->iv, screen);
	return S_MOVED;
}


enum session_outcome session_do(struct session *s, const struct session_action *a)
{
	int rc;
	switch (a->verb) {
	case DO_ANSWER: return given(s, a->slot, a->answer);
	case DO_NEXT: return forward(s, a);
	case DO_BACK:
		if (!session_back(s, &rc))
			return S_FIRST;
		return rc < 0 ? S_NOT_SAVED : S_MOVED;
	case DO_EDIT: return to_screen(s, a->screen);
	case DO_NOTE:
		return session_note(s, interview_current(s->iv), a->text) < 0 ? S_NOT_SAVED : S_DONE;
	case DO_STOP: return session_stop(s) < 0 ? S_NOT_SAVED : S_MOVED;
	case DO_LANG: return session_lang(s, a->text) < 0 ? S_NOT_SAVED : S_DONE;
	}
	return S_REFUSED;
}

/* ---- resume ------------------------------------------------------------ */

struct replay {
	struct session *s;
	int at;
};

static int apply(struct replay *r, const char *event, const char *id, const char *new)
{
	const struct deck *dk = interview_deck(r->s->iv);
	if (strcmp(event, "answer") == 0) {
		int slot = deck_slot_find(dk, id);
		struct answer a = { 0 };
		const char *why;
		if (slot < 0 || (*new && answer_parse(dk, slot, new, &a, &why) < 0))
			return -1;
		int rc = interview_answer(r->s->iv, slot, &a, &why);
		answer_clear(&a);
		return rc;
	}
	if (strcmp(event, "finish") == 0)
		return 0;
	if (strcmp(event, "lang") == 0) {
		snprintf(r->s->lang, sizeof r->s->lang, "%s", new);
		return 0;
	}
	int screen = deck_screen_find(dk, id);
	if (strcmp(event, "note") == 0 && screen >= 0)
		interview_set_note(r->s->iv, screen, new);
	else if (strcmp(event, "stop") == 0)
		interview_set_stop(r->s->iv, strcmp(new, "-") == 0 ? -1 : deck_screen_find(dk, new));
	else if (strcmp(event, "at") == 0 && screen >= 0)
		r->at = screen;
	else
		return -1;
	return 0;
}

static int replay_record(void *ctx, const char *record)
{
	struct stanza_file f;
	struct diags d = { 0 };
	int rc = stanza_parse("record", record, strlen(record), &f, &d);
	if (rc == 0 && f.n == 1) {
		const struct field *ev = stanza_get(&f.s[0], "event"), *id = stanza_get(&f.s[0], "id"),
				   *nw = stanza_get(&f.s[0], "new");
		rc = ev && id && nw ? apply(ctx, ev->value, id->value, nw->value) : -1;
	} else {
		rc = -1;
	}
	stanza_file_free(&f);
	diags_free(&d);
	return rc;
}

int session_resume(struct session *s, const char *id)
{
	struct replay r = { s, -1 };
	snprintf(s->id, sizeof s->id, "%s", id);
	if (!s->store || store_load(s->store, id, replay_record, &r, s->err, sizeof s->err) < 0)
		return -1;
	if (r.at >= 0 && !interview_goto(s->iv, r.at))
		interview_goto(s->iv, interview_deck(s->iv)->start);
	s->shown = interview_current(s->iv);
	return 0;
}
