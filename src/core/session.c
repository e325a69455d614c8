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

int session_begin(struct session *s)
{
	if (!s->store)
		return 0;
	return store_case_new(s->store, s->id, s->err, sizeof s->err) < 0 ? -2 : 0;
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

int session_answer(struct session *s, int slot, const struct answer *a, const char **why)
{
	const struct deck *dk = interview_deck(s->iv);
	struct answer old;
	answer_copy(&old, interview_get(s->iv, slot));
	int rc = interview_answer(s->iv, slot, a, why);
	if (rc == 0) {
		char *o = answer_format(dk, slot, &old, true);
		char *n = answer_format(dk, slot, a, true);
		rc = commit(s, "answer", dk->slots[slot].id, o, n);
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
	int rc = commit(s, "note", interview_deck(s->iv)->s[screen].id, old, text);
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
	int rc = commit(s, "stop", stop_name(s, here), stop_name(s, before), stop_name(s, here));
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
		*rc = commit(s, "stop", "-", stop_name(s, before), "-");
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
	return commit(s, "at", interview_deck(s->iv)->s[cur].id, "", "");
}

int session_lang(struct session *s, const char *tag)
{
	if (strcmp(s->lang, tag) == 0)
		return 0;
	int rc = commit(s, "lang", "-", s->lang, tag);
	if (rc == 0)
		snprintf(s->lang, sizeof s->lang, "%s", tag);
	return rc;
}

int session_finish(struct session *s)
{
	interview_finish(s->iv);
	int rc = commit(s, "finish", "-", "", "");
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
