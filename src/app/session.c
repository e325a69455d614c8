#include "app/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "base/xalloc.h"
#include "domain/catalog.h"
#include "store/record.h"
#include "app/assessment.h"

struct session {
	struct interview *iv;
	struct store *store;	/* NULL: nothing is recorded */
	char id[STORE_ID_LEN + 1];	/* the case, "" before one exists */
	char err[256];		/* why the last change failed */
	bool unsaved;		/* the last commit failed */
	const char *why;	/* S_REFUSED: what was expected; S_CONTRADICTS: how (static) */
	int blame;		/* S_CONTRADICTS: the input to blame (enum input_key), or -1 */
	int shown;		/* the screen last recorded as shown */
	char lang[16];		/* the language last recorded, "" if none */
	char second_given[16];	/* the respondent's language given for this run, "" none */
	char second[16];	/* the respondent's language last recorded, "" if none */
	int finished;		/* the steps of session_finish done (3: all) */
	double *secs;		/* per deck screen: the time on it (training) */
	struct timespec last;	/* when the last action came */
};

struct session *session_new(struct interview *iv, struct store *store)
{
	struct session *s = xcalloc(1, sizeof *s);
	s->iv = iv;
	s->store = store;
	s->shown = -1;
	s->blame = -1;
	s->secs = xcalloc(interview_deck(iv)->n + 1, sizeof *s->secs);
	clock_gettime(CLOCK_MONOTONIC, &s->last);
	return s;
}

void session_free(struct session *s)
{
	if (s)
		free(s->secs);
	free(s);
}

/* The time since the last action goes to the screen it was spent on. */
static void clock_screen(struct session *s)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	int cur = interview_current(s->iv);
	if (cur >= 0 && (size_t)cur < interview_deck(s->iv)->n)
		s->secs[cur] += (double)(now.tv_sec - s->last.tv_sec) +
				(double)(now.tv_nsec - s->last.tv_nsec) / 1e9;
	s->last = now;
}

double session_seconds(const struct session *s, int screen)
{
	return screen >= 0 && (size_t)screen < interview_deck(s->iv)->n ? s->secs[screen] : 0;
}

const struct interview *session_interview(const struct session *s)
{
	return s->iv;
}

const char *session_id(const struct session *s)
{
	return s->id;
}

const char *session_error(const struct session *s)
{
	return s->err;
}

bool session_unsaved(const struct session *s)
{
	return s->unsaved;
}

int session_blame(const struct session *s)
{
	return s->blame;
}

const char *session_why(const struct session *s)
{
	return s->why ? s->why : "";
}

bool session_recorded(const struct session *s)
{
	return s->store != NULL;
}

char *session_notice(const struct session *s)
{
	return s->store ? store_notice(s->store) : NULL;
}

void session_set_second(struct session *s, const char *tag)
{
	snprintf(s->second_given, sizeof s->second_given, "%s", tag ? tag : "");
}

const char *session_second(const struct session *s)
{
	return *s->second_given ? s->second_given : s->second;
}

static int record_shown(struct session *s, int screen);

/* Starts a new case in the store (once: a retry after a failed record
 * keeps the case), and records the first screen shown. */
static int session_begin(struct session *s)
{
	if (s->store && !*s->id &&
	    store_case_new(s->store, interview_deck(s->iv)->identity, s->id, s->err, sizeof s->err) < 0) {
		s->unsaved = true;
		return -2;
	}
	return record_shown(s, interview_current(s->iv));
}

/* r formatted, its time now: a new string. */
static char *stamped(struct record *r)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	r->ms = (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
	return record_format(r);
}

/* Commits one record, its values as they are (the record format keeps
 * any text exactly); r's time is set here. */
static int commit_record(struct session *s, struct record *r)
{
	if (!s->store || !*s->id)
		return 0;
	char *rec = stamped(r);
	int rc = store_append(s->store, s->id, rec, s->err, sizeof s->err) < 0 ? -2 : 0;
	free(rec);
	return rc;
}

static int commit(struct session *s, enum record_event event, const char *id, const char *old,
		  const char *new)
{
	struct record r = { .event = event, .id = (char *)id, .old = (char *)old, .new = (char *)new };
	return commit_record(s, &r);
}

/* Every commit says whether the screen is "not saved" until the next one. */
static int note_commit(struct session *s, int rc)
{
	s->unsaved = rc < 0;
	return rc;
}

/* The changes. Each returns 0 when recorded; -1 when the answer does not
 * fit the slot (*why); -2 when it could not be committed (s->err): the
 * interview is then left as it was, nothing says "saved". */
/* The record of the answer a to slot, which had old: a new string. */
static char *answer_record(struct session *s, int slot, const struct answer *old,
			   const struct answer *a)
{
	const struct deck *dk = interview_deck(s->iv);
	char *o = answer_format(dk, slot, old, true);
	char *n = answer_format(dk, slot, a, true);
	struct record r = { .event = REC_ANSWER, .id = (char *)dk->slots[slot].id, .old = o,
			    .new = n, .old_text = old->kind == ANS_TEXT,
			    .new_text = a->kind == ANS_TEXT };
	char *text = stamped(&r);
	free(o);
	free(n);
	return text;
}

static int session_answer(struct session *s, int slot, const struct answer *a, const char **why)
{
	if (answer_check(interview_deck(s->iv), slot, a, why) < 0)
		return -1;
	int rc = 0;
	if (s->store && *s->id) {
		char *rec = answer_record(s, slot, interview_get(s->iv, slot), a);
		rc = store_append(s->store, s->id, rec, s->err, sizeof s->err) < 0 ? -2 : 0;
		free(rec);
	}
	if (note_commit(s, rc) == 0)	/* on disk: only now given */
		interview_answer(s->iv, slot, a, why);
	return rc;
}

static int session_note(struct session *s, int screen, const char *text)
{
	const char *old = interview_note(s->iv, screen);
	int rc = note_commit(s, commit(s, REC_NOTE, interview_deck(s->iv)->s[screen].id, old, text));
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
	int rc = note_commit(s, commit(s, REC_AT, interview_deck(s->iv)->s[screen].id, "", ""));
	if (rc == 0)
		s->shown = screen;
	return rc;
}

/* The stop record, then the stop screen's: the path changes once the
 * first is on disk, the cursor moves once the second is. */
static int session_stop(struct session *s)
{
	int before = interview_stopped_at(s->iv);
	int here = interview_current(s->iv);
	int rc = note_commit(s, commit(s, REC_STOP, stop_name(s, here), stop_name(s, before),
				       stop_name(s, here)));
	if (rc < 0)
		return rc;
	interview_set_stop(s->iv, here);
	if ((rc = record_shown(s, interview_deck(s->iv)->stop)) == 0)
		interview_stop(s->iv);
	return rc;
}

/* Back one screen; records a stop taken back. false at the start. */
static bool session_back(struct session *s, int *rc)
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
	if (takes_back &&
	    (*rc = note_commit(s, commit(s, REC_STOP, "-", stop_name(s, before), "-"))) < 0)
		return true;
	interview_back(s->iv);
	return true;
}

/* Records the interview's language (a tag, "fr") when it differs from the
 * last one recorded: at the start and at each switch. */
static int session_lang(struct session *s, const char *tag)
{
	if (strcmp(s->lang, tag) == 0)
		return 0;
	int rc = note_commit(s, commit(s, REC_LANG, "-", s->lang, tag));
	if (rc == 0)
		snprintf(s->lang, sizeof s->lang, "%s", tag);
	return rc;
}

/* Records the respondent's language in effect when it differs from the
 * case's: given at the start, or given again on resume (the latest one
 * given is the case's). With none given, a resumed case keeps its own. */
static int session_second_record(struct session *s)
{
	const char *tag = session_second(s);
	if (strcmp(s->second, tag) == 0)
		return 0;
	int rc = note_commit(s, commit(s, REC_SECOND, "-", s->second, tag));
	if (rc == 0)
		snprintf(s->second, sizeof s->second, "%s", tag);
	return rc;
}

/* The assessment as it was when the case finished, kept with the case
 * (id: the outcome; new: its JSON), so that a later deck can still show it. */
static int commit_assessment(struct session *s)
{
	const char *outcome;
	char *json = s->store && *s->id ? assessment_json(s->iv, &outcome) : NULL;
	if (!json)
		return 0;
	int rc = commit(s, REC_ASSESSMENT, outcome, "", json);
	free(json);
	return rc;
}

/* The interview completed: the finish record (then drops off-path
 * answers), the assessment record, the case marked complete. Each step
 * once: a retry after a failed commit goes on from the step that failed,
 * so that the case holds one finish record. */
static int session_finish(struct session *s)
{
	if (s->finished == 0) {
		if (note_commit(s, commit(s, REC_FINISH, "-", "", "")) < 0)
			return -2;
		interview_finish(s->iv);
		s->finished = 1;
	}
	if (s->finished == 1) {
		if (note_commit(s, commit_assessment(s)) < 0)
			return -2;
		s->finished = 2;
	}
	if (s->finished == 2 && s->store && *s->id &&
	    note_commit(s, store_set_status(s->store, s->id, "complete", s->err, sizeof s->err) < 0
			       ? -2 : 0) < 0)
		return -2;
	s->finished = 3;
	return 0;
}

bool session_needs_answer(const struct session *s, int slot)
{
	const struct deck *dk = interview_deck(s->iv);
	return !screen_kind(deck_slot_type(dk, slot))->may_leave_empty &&
	       interview_get(s->iv, slot)->kind == ANS_NONE;
}

/* Whether answer a on slot would make the answers contradict each other
 * (DESIGN §5 v3): S_CONTRADICTS, refused on the screen that would create
 * it, with s->why and s->blame; else S_DONE. Every way an answer is given
 * goes through it. */
static enum session_outcome contradicts(struct session *s, int slot, const struct answer *a)
{
	enum input_key key = IN_KEY_COUNT;
	if (!(s->why = interview_would_contradict(s->iv, slot, a, &key)))
		return S_DONE;
	s->blame = (int)key;
	return S_CONTRADICTS;
}

static enum session_outcome given(struct session *s, int slot, const struct answer *a)
{
	if (answer_equal(interview_get(s->iv, slot), a))
		return S_DONE;	/* nothing new to record (a retry after a failed move) */
	if (contradicts(s, slot, a) == S_CONTRADICTS)
		return S_CONTRADICTS;
	switch (session_answer(s, slot, a, &s->why)) {
	case 0: return S_DONE;
	case -1: return S_REFUSED;
	default: return S_NOT_SAVED;
	}
}

/* An answer given with the move on, to a recorded case: its record and,
 * when the move goes on to the next screen, that screen's, in one commit
 * (one fsync, as the wizard's Enter on a changed answer and every answer
 * of the line mode). The answer is applied first, to find the next
 * screen, and taken back if the commit fails: then the interview is as it
 * was and nothing says saved. S_DONE: committed, but no move of its own
 * (the leave rule, the last screen, a screen already recorded): forward
 * goes on as for an answer given before. */
static enum session_outcome answer_and_move(struct session *s, const struct session_action *a)
{
	const struct deck *dk = interview_deck(s->iv);
	if (answer_check(dk, a->slot, a->answer, &s->why) < 0)
		return S_REFUSED;
	if (contradicts(s, a->slot, a->answer) == S_CONTRADICTS)
		return S_CONTRADICTS;
	struct answer old = { 0 };
	answer_copy(&old, interview_get(s->iv, a->slot));
	char *rec[2] = { answer_record(s, a->slot, &old, a->answer), NULL };
	const char *why;
	interview_answer(s->iv, a->slot, a->answer, &why);
	const struct screen *sc = &dk->s[interview_current(s->iv)];
	size_t n, pos;
	const int *path = interview_path(s->iv, &n, &pos);
	int next = (sc->slot < 0 || !session_needs_answer(s, sc->slot)) && pos + 1 < n
		   ? path[pos + 1] : -1;
	if (next >= 0 && next != s->shown) {
		struct record r = { .event = REC_AT, .id = (char *)dk->s[next].id, .old = "", .new = "" };
		rec[1] = stamped(&r);
	}
	int rc = note_commit(s, store_append_many(s->store, s->id, (const char *const *)rec,
						  rec[1] ? 2 : 1, s->err, sizeof s->err) < 0 ? -2 : 0);
	if (rc < 0)
		interview_answer(s->iv, a->slot, &old, &why);	/* as it was */
	answer_clear(&old);
	free(rec[0]);
	free(rec[1]);
	if (rc < 0)
		return S_NOT_SAVED;
	if (!rec[1])
		return S_DONE;
	s->shown = next;
	interview_next(s->iv);
	return S_MOVED;
}

/* Forward: the answer first, then the leave rule, then the next screen's
 * record, and only then the move. */
static enum session_outcome forward(struct session *s, const struct session_action *a)
{
	if (a->answer && s->store && *s->id &&
	    !answer_equal(interview_get(s->iv, a->slot), a->answer)) {
		enum session_outcome o = answer_and_move(s, a);
		if (o != S_DONE)
			return o;
	} else if (a->answer) {
		enum session_outcome o = given(s, a->slot, a->answer);
		if (o != S_DONE)
			return o;
	}
	const struct screen *sc = &interview_deck(s->iv)->s[interview_current(s->iv)];
	if (sc->slot >= 0 && session_needs_answer(s, sc->slot))
		return S_NEEDS_ANSWER;
	size_t n, pos;
	const int *path = interview_path(s->iv, &n, &pos);
	enum input_key key = IN_KEY_COUNT;
	if ((pos + 1 >= n || path[pos + 1] == interview_deck(s->iv)->summary) &&
	    (s->why = interview_contradiction(s->iv, &key))) {
		s->blame = -1;	/* answers that contradict are never summed up nor completed */
		return S_CONTRADICTS;
	}
	if (pos + 1 >= n) {	/* the last screen: complete once the finish is on disk */
		if (session_finish(s) < 0)
			return S_NOT_SAVED;
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

static int session_resume(struct session *s, const char *id);

/* The language recorded, then the interface's: a switch that cannot be
 * recorded is not made. Before a case exists there is nothing to record
 * yet; DO_BEGIN and DO_RESUME record the language then in use. */
static enum session_outcome switch_lang(struct session *s, const struct catalog *c)
{
	if ((!s->store || *s->id) && session_lang(s, catalog_lang(c)) < 0)
		return S_NOT_SAVED;
	i18n_use(c);
	return S_DONE;
}

static enum session_outcome begin(struct session *s)
{
	if (session_begin(s) < 0 || session_lang(s, catalog_lang(i18n_current())) < 0 ||
	    session_second_record(s) < 0)
		return S_NOT_SAVED;
	return S_MOVED;
}

/* A case that cannot be resumed leaves the session as it was: no case,
 * the interview untouched. A retry after the language (or the
 * respondent's) could not be recorded goes on from there. */
static enum session_outcome resume(struct session *s, const char *id)
{
	if (*s->id && strcmp(s->id, id) != 0) {
		snprintf(s->err, sizeof s->err, "case %s is already open", s->id);
		return S_REFUSED;
	}
	if (!*s->id && session_resume(s, id) < 0) {
		s->id[0] = '\0';
		return S_REFUSED;
	}
	return session_lang(s, catalog_lang(i18n_current())) < 0 || session_second_record(s) < 0
		? S_NOT_SAVED : S_MOVED;
}

enum session_outcome session_do(struct session *s, const struct session_action *a)
{
	int rc;
	clock_screen(s);
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
	case DO_LANG: return switch_lang(s, a->lang);
	case DO_BEGIN: return begin(s);
	case DO_RESUME: return a->text ? resume(s, a->text) : S_REFUSED;
	}
	return S_REFUSED;
}

/* ---- resume ------------------------------------------------------------ */

struct replay {
	struct session *s;
	int at;
};

static int replay_answer(struct replay *r, const struct record *rec)
{
	const struct deck *dk = interview_deck(r->s->iv);
	int slot = deck_slot_find(dk, rec->id);
	struct answer a = { 0 };
	const char *why;
	if (slot < 0)
		return -1;
	if (rec->new_text) {	/* the text itself, never a word */
		a.kind = ANS_TEXT;
		a.text = xstrdup(rec->new);
	} else if (*rec->new && answer_parse(dk, slot, rec->new, &a, &why) < 0) {
		return -1;
	}
	int rc = interview_answer(r->s->iv, slot, &a, &why);
	answer_clear(&a);
	return rc;
}

static int replay_one(struct replay *r, const struct record *rec)
{
	const struct deck *dk = interview_deck(r->s->iv);
	int screen = deck_screen_find(dk, rec->id);
	switch (rec->event) {
	case REC_ANSWER: return replay_answer(r, rec);
	case REC_FINISH:
	case REC_SENT:
	case REC_ASSESSMENT: return 0;
	case REC_LANG:
		snprintf(r->s->lang, sizeof r->s->lang, "%s", rec->new);
		return 0;
	case REC_SECOND:
		snprintf(r->s->second, sizeof r->s->second, "%s", rec->new);
		return 0;
	case REC_NOTE:
		if (screen < 0)
			return -1;
		interview_set_note(r->s->iv, screen, rec->new);
		return 0;
	case REC_STOP:
		interview_set_stop(r->s->iv, strcmp(rec->new, "-") == 0 ? -1 : deck_screen_find(dk, rec->new));
		return 0;
	case REC_AT:
		if (screen < 0)
			return -1;
		r->at = screen;
		return 0;
	default: return -1;
	}
}

static int replay_records(struct session *s, const char *id, const struct records *recs)
{
	struct replay r = { s, -1 };
	snprintf(s->id, sizeof s->id, "%s", id);
	s->err[0] = '\0';
	interview_hold(s->iv);	/* the path made once, not at every answer */
	for (size_t i = 0; i < recs->n; i++)
		if (replay_one(&r, &recs->v[i]) < 0) {
			interview_release(s->iv);
			snprintf(s->err, sizeof s->err, "case %s: its record %zu does not fit this deck "
				 "(it was answered with another version)", id, i);
			return -1;
		}
	interview_release(s->iv);
	if (r.at >= 0 && !interview_goto(s->iv, r.at))
		interview_goto(s->iv, interview_deck(s->iv)->start);
	s->shown = interview_current(s->iv);
	return 0;
}

/* Loads case id and replays it into the (new) interview, the cursor back
 * on the screen last shown: first into a scratch interview, so that a
 * case that does not fit leaves the interview untouched. -1 with s->err
 * on an integrity error or a case that does not fit the deck. */
static int session_resume(struct session *s, const char *id)
{
	struct store_case c;
	s->err[0] = '\0';
	int found = s->store ? store_case_info(s->store, id, &c, s->err, sizeof s->err) : -1;
	if (found != 0) {
		if (found == 1)
			snprintf(s->err, sizeof s->err, "no case %s", id);
		return -1;
	}
	if (*c.deck && strcmp(c.deck, interview_deck(s->iv)->identity) != 0) {
		snprintf(s->err, sizeof s->err, "case %s was answered with another version of the deck: "
			 "it can be exported (tipscreen export %s), not resumed", id, id);
		return -1;
	}
	struct records recs;
	if (records_load(s->store, id, &recs, s->err, sizeof s->err) < 0)
		return -1;
	struct interview *scratch = interview_new(interview_deck(s->iv));
	struct session trial = { .iv = scratch, .shown = -1 };
	int rc = replay_records(&trial, id, &recs);
	if (rc < 0)
		snprintf(s->err, sizeof s->err, "%s", trial.err);
	else
		rc = replay_records(s, id, &recs);
	interview_free(scratch);
	records_free(&recs);
	return rc;
}

int session_replay(struct interview *iv, const char *id, const struct records *r)
{
	struct session s = { .iv = iv, .shown = -1 };
	return replay_records(&s, id, r);
}
