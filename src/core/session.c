#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "record.h"
#include "report.h"
#include "xalloc.h"

void session_init(struct session *s, struct interview *iv, struct store *store)
{
	memset(s, 0, sizeof *s);
	s->iv = iv;
	s->store = store;
	s->shown = -1;
}

int session_begin(struct session *s)
{
	if (!s->store)
		return 0;
	return store_case_new(s->store, interview_deck(s->iv)->identity, s->id, s->err,
			      sizeof s->err) < 0 ? -2 : 0;
}

/* Commits one record, its values as they are (the record format keeps
 * any text exactly); r's time is set here. */
static int commit_record(struct session *s, struct record *r)
{
	if (!s->store || !*s->id)
		return 0;
	struct timeval tv;
	gettimeofday(&tv, NULL);
	r->ms = (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
	char *rec = record_format(r);
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

int session_answer(struct session *s, int slot, const struct answer *a, const char **why)
{
	const struct deck *dk = interview_deck(s->iv);
	struct answer old;
	answer_copy(&old, interview_get(s->iv, slot));
	int rc = interview_answer(s->iv, slot, a, why);
	if (rc == 0) {
		char *o = answer_format(dk, slot, &old, true);
		char *n = answer_format(dk, slot, a, true);
		struct record r = { .event = REC_ANSWER, .id = (char *)dk->slots[slot].id, .old = o,
				    .new = n, .old_text = old.kind == ANS_TEXT,
				    .new_text = a->kind == ANS_TEXT };
		rc = commit_record(s, &r);
		if (rc < 0)	/* not on disk: not given either */
			interview_answer(s->iv, slot, &old, why);
		free(o);
		free(n);
	}
	answer_clear(&old);
	return rc;
}

int session_note(struct session *s, int screen, const char *text)
{
	const char *before = interview_note(s->iv, screen);
	char *old = before ? xstrdup(before) : NULL;
	interview_set_note(s->iv, screen, text);
	int rc = commit(s, REC_NOTE, interview_deck(s->iv)->s[screen].id, old, text);
	if (rc < 0)
		interview_set_note(s->iv, screen, old);
	free(old);
	return rc;
}

static const char *stop_name(const struct session *s, int screen)
{
	return screen < 0 ? "-" : interview_deck(s->iv)->s[screen].id;
}

int session_stop(struct session *s)
{
	int before = interview_stopped_at(s->iv);
	int here = interview_current(s->iv);
	int rc = commit(s, REC_STOP, stop_name(s, here), stop_name(s, before), stop_name(s, here));
	if (rc == 0)
		interview_stop(s->iv);
	return rc;
}

bool session_back(struct session *s, int *rc)
{
	int before = interview_stopped_at(s->iv);
	*rc = 0;
	if (!interview_back(s->iv))
		return false;
	if (interview_stopped_at(s->iv) != before) {
		*rc = commit(s, REC_STOP, "-", stop_name(s, before), "-");
		if (*rc < 0)
			interview_set_stop(s->iv, before);
	}
	return true;
}

int session_shown(struct session *s)
{
	int cur = interview_current(s->iv);
	if (cur == s->shown)
		return 0;
	s->shown = cur;
	return commit(s, REC_AT, interview_deck(s->iv)->s[cur].id, "", "");
}

int session_lang(struct session *s, const char *tag)
{
	if (strcmp(s->lang, tag) == 0)
		return 0;
	int rc = commit(s, REC_LANG, "-", s->lang, tag);
	if (rc == 0)
		snprintf(s->lang, sizeof s->lang, "%s", tag);
	return rc;
}

/* The assessment as it was when the case finished, kept with the case
 * (id: the outcome; new: its JSON), so that a later deck can still show it. */
static int commit_assessment(struct session *s)
{
	struct assessment a;
	const char *why;
	if (!s->store || !*s->id || interview_assess(s->iv, &a, &why) < 0)
		return 0;
	char *json = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&json, &len);
	if (!f)
		return 0;
	report_json(f, &a);
	fclose(f);
	int rc = commit(s, REC_ASSESSMENT, assess_outcome_name(a.outcome), "", json);
	free(json);
	return rc;
}

int session_finish(struct session *s)
{
	interview_finish(s->iv);
	int rc = commit(s, REC_FINISH, "-", "", "");
	if (rc == 0)
		rc = commit_assessment(s);
	if (rc == 0 && s->store && *s->id &&
	    store_set_status(s->store, s->id, "complete", s->err, sizeof s->err) < 0)
		rc = -2;
	return rc;
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
	case REC_ASSESSMENT: return 0;
	case REC_LANG:
		snprintf(r->s->lang, sizeof r->s->lang, "%s", rec->new);
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

int session_replay(struct session *s, const char *id, const struct records *recs)
{
	struct replay r = { s, -1 };
	snprintf(s->id, sizeof s->id, "%s", id);
	for (size_t i = 0; i < recs->n; i++)
		if (replay_one(&r, &recs->v[i]) < 0) {
			snprintf(s->err, sizeof s->err, "case %s: its record %zu does not fit this deck "
				 "(it was answered with another version)", id, i);
			return -1;
		}
	if (r.at >= 0 && !interview_goto(s->iv, r.at))
		interview_goto(s->iv, interview_deck(s->iv)->start);
	s->shown = interview_current(s->iv);
	return 0;
}

int session_resume(struct session *s, const char *id)
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
	int rc = session_replay(s, id, &recs);
	records_free(&recs);
	return rc;
}
