/* scenario_key: what a scenario's key decides (scenario.h): whether an
 * answer is acceptable, the expert's assessment, the agreement with the
 * expected one; and the scenario's translatable texts. Split from
 * scenario.c, which reads the files. */
#include "train/scenario.h"

#include <stdlib.h>
#include <string.h>

#include "domain/answer.h"
#include "domain/interview.h"

bool scenario_range(const char *w, long *lo, long *hi)
{
	char *end;
	if (*w < '0' || *w > '9')
		return false;
	*lo = strtol(w, &end, 10);
	if (*end != '-' || end[1] < '0' || end[1] > '9')
		return false;
	*hi = strtol(end + 1, &end, 10);
	return !*end;
}


/* Two text forms of answers to slot are the same answer (multi: as sets). */
static bool same_answer(const struct deck *dk, int slot, const char *x, const char *y)
{
	struct answer a, b;
	const char *why;
	bool same = false;
	if (answer_parse(dk, slot, x, &a, &why) < 0)
		return false;
	if (answer_parse(dk, slot, y, &b, &why) == 0) {
		same = a.kind == b.kind && a.word == b.word && a.number == b.number &&
		       a.choice == b.choice && a.multi == b.multi &&
		       (a.kind != ANS_TEXT || strcmp(a.text, b.text) == 0);
		answer_clear(&b);
	}
	answer_clear(&a);
	return same;
}

bool scenario_answer_ok(const struct deck *deck, const struct scenario_ask *q, const char *a)
{
	if (!q->expert || q->slot < 0 || !a)
		return false;
	if (same_answer(deck, q->slot, q->expert, a))
		return true;
	long lo, hi, n = strtol(a, NULL, 10);
	bool number = *a >= '0' && *a <= '9';
	for (size_t i = 0; i < q->naccept; i++)
		if (scenario_range(q->accept[i], &lo, &hi) ? number && n >= lo && n <= hi
		    : same_answer(deck, q->slot, q->accept[i], a))
			return true;
	int key = deck->s[q->screen].set.key;
	if (q->naccept || !number || (key != IN_AGE && key != IN_AGE_NOW) || *q->expert < '0' ||
	    *q->expert > '9')
		return false;
	return (strtol(q->expert, NULL, 10) < 18) == (n < 18);
}

int scenario_expert(const struct scenario *s, const struct deck *deck, struct interview **ivp,
		    struct assessment *a, const char **why)
{
	struct interview *iv = interview_new(deck);
	for (size_t i = 0; i < s->nask; i++) {
		const struct scenario_ask *q = &s->ask[i];
		struct answer ans;
		if (q->slot < 0 || !q->expert || answer_parse(deck, q->slot, q->expert, &ans, why) < 0)
			continue;
		interview_answer(iv, q->slot, &ans, why);
		answer_clear(&ans);
	}
	if (s->stop_at >= 0)
		interview_set_stop(iv, s->stop_at);
	int rc = interview_assess(iv, a, why);
	if (ivp)
		*ivp = iv;
	else
		interview_free(iv);
	return rc;
}

bool scenario_agrees(const struct scenario *s, const struct assessment *a)
{
	if (a->outcome != s->outcome)
		return false;
	for (int i = 0; i < FLAG_COUNT; i++)
		if (a->flag[i] != s->flag[i])
			return false;
	for (int i = 0; i < CITE_COUNT; i++)
		if (a->cite[i] != s->cite[i])
			return false;
	return true;
}

void scenario_each_text(const struct scenario *s, scenario_text_fn *fn, void *arg)
{
	const char *texts[] = { s->title, s->teaches, s->persona, s->setting };
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (texts[i] && *texts[i])
			fn(arg, s->id, texts[i], s->path, 1);
	for (size_t i = 0; i < s->nask; i++) {
		if (s->ask[i].says)
			fn(arg, s->id, s->ask[i].says, s->path, s->ask[i].line);
		if (s->ask[i].teaching)
			fn(arg, s->id, s->ask[i].teaching, s->path, s->ask[i].line);
	}
	for (size_t i = 0; i < s->npoint; i++)
		if (*s->point[i].teaching)
			fn(arg, s->id, s->point[i].teaching, s->path, s->point[i].line);
}
