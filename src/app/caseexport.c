/* caseexport: the JSON and text exports of one case (caseexport.h). */
#include "app/caseexport.h"

#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "domain/answer.h"
#include "domain/report.h"
#include "app/casefile.h"
#include "app/session.h"
#include "app/view.h"

bool caseexport_other_deck(const struct store_case *c, const struct deck *dk)
{
	return *c->deck && strcmp(c->deck, dk->identity) != 0;
}

void caseexport_replay(struct caseexport *x, const struct deck *dk)
{
	if (caseexport_other_deck(&x->info, dk))
		return;
	x->iv = interview_new(dk);
	const char *why;
	if (session_replay(x->iv, x->id, &x->r) < 0 || interview_assess(x->iv, &x->a, &why) < 0) {
		interview_free(x->iv);	/* a case of the first format, another deck */
		x->iv = NULL;
	}
}

char *caseexport_answer(const struct caseexport *x, const struct deck *dk, int slot)
{
	if (x->iv) {
		const struct answer *an = interview_get(x->iv, slot);
		if (an->kind == ANS_NONE || !interview_slot_on_path(x->iv, slot))
			return NULL;
		return answer_format(dk, slot, an, true);
	}
	for (size_t i = x->r.n; i-- > 0;)
		if (x->r.v[i].event == REC_ANSWER && strcmp(x->r.v[i].id, dk->slots[slot].id) == 0)
			return *x->r.v[i].new ? xstrdup(x->r.v[i].new) : NULL;
	return NULL;
}

void caseexport_free(struct caseexport *x)
{
	interview_free(x->iv);
	x->iv = NULL;
	records_free(&x->r);
}

/* Seconds on each screen: from its "at" to the next "at" or "finish". */
static void time_on_screens(FILE *out, const struct records *r)
{
	fputs("  \"seconds_per_screen\": [", out);
	bool first = true;
	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].event != REC_AT)
			continue;
		long long t1 = r->v[i].ms;
		for (size_t j = i + 1; j < r->n; j++)
			if (r->v[j].event == REC_AT || r->v[j].event == REC_FINISH) {
				t1 = r->v[j].ms;
				break;
			}
		fprintf(out, "%s{\"screen\": ", first ? "" : ", ");
		report_json_string(out, r->v[i].id);
		fprintf(out, ", \"seconds\": %.1f}", (double)(t1 - r->v[i].ms) / 1000.0);
		first = false;
	}
	fputs("],\n", out);
}

static void json_paradata(FILE *out, const struct records *r)
{
	fputs("  \"paradata\": [\n", out);
	for (size_t i = 0; i < r->n; i++) {
		const struct record *e = &r->v[i];
		char t[32];
		record_time(t, sizeof t, e->ms);
		fputs("    {\"t\": ", out);
		report_json_string(out, t);
		const char *const keys[] = { "event", "id", "old", "new" };
		const char *vals[] = { record_event_name(e->event), e->id, e->old, e->new };
		for (int k = 0; k < 4; k++) {
			fprintf(out, ", \"%s\": ", keys[k]);
			report_json_string(out, vals[k]);
		}
		fputs(i + 1 < r->n ? "},\n" : "}\n", out);
	}
	fputs("  ]\n}\n", out);
}

static void json_head(FILE *out, const struct caseexport *x)
{
	fputs("{\n  \"case\": ", out);
	report_json_string(out, x->id);
	fputs(",\n  \"deck\": ", out);
	report_json_string(out, x->info.deck);
	fprintf(out, ",\n  \"deck_current\": %s", x->iv ? "true" : "false");
}

static void json_answers(FILE *out, const struct interview *iv)
{
	const struct deck *dk = interview_deck(iv);
	fputs(",\n  \"answers\": {", out);
	bool first = true;
	for (size_t i = 0; i < dk->nslots; i++) {
		const struct answer *an = interview_get(iv, (int)i);
		if (an->kind == ANS_NONE || !interview_slot_on_path(iv, (int)i))
			continue;
		char *v = answer_format(dk, (int)i, an, true);
		fputs(first ? "" : ", ", out);
		report_json_string(out, dk->slots[i].id);
		fputs(": ", out);
		report_json_string(out, v);
		free(v);
		first = false;
	}
	fputs("},\n  \"notes\": {", out);
	first = true;
	for (size_t i = 0; i < dk->n; i++) {
		const char *note = interview_note(iv, (int)i);
		if (!note)
			continue;
		fputs(first ? "" : ", ", out);
		report_json_string(out, dk->s[i].id);
		fputs(": ", out);
		report_json_string(out, note);
		first = false;
	}
	fputs("},\n", out);
}

/* Answer records by question id, then in their order (the array's). */
static int by_id_then_order(const void *a, const void *b)
{
	const struct record *x = *(const struct record *const *)a, *y = *(const struct record *const *)b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x > y) - (x < y);
}

/* The last value of each question, by the records alone (for a case that
 * this deck cannot replay: off-path answers are not told apart). The
 * answers are sorted by question to find each one's last (n log n, not a
 * scan of the rest for every record), then printed in the records' order. */
static void json_last_answers(FILE *out, const struct records *r)
{
	const struct record **v = xcalloc(r->n + 1, sizeof *v);
	bool *last = xcalloc(r->n + 1, sizeof *last);
	size_t m = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].event == REC_ANSWER)
			v[m++] = &r->v[i];
	if (m)
		qsort(v, m, sizeof *v, by_id_then_order);
	for (size_t k = 0; k < m; k++)
		last[v[k] - r->v] = *v[k]->new && (k + 1 == m || strcmp(v[k + 1]->id, v[k]->id) != 0);
	fputs(",\n  \"last_answers\": {", out);
	bool first = true;
	for (size_t i = 0; i < r->n; i++) {
		if (!last[i])
			continue;
		fputs(first ? "" : ", ", out);
		report_json_string(out, r->v[i].id);
		fputs(": ", out);
		report_json_string(out, r->v[i].new);
		first = false;
	}
	fputs("},\n", out);
	free(last);
	free(v);
}

/* The assessment's JSON as it was recorded when the case finished (its
 * own sealed record, written by this program), or NULL. Borrowed. */
const char *caseexport_recorded_assessment(const struct records *r)
{
	for (size_t i = r->n; i-- > 0;)
		if (r->v[i].event == REC_ASSESSMENT)
			return r->v[i].new;
	return NULL;
}

void caseexport_json(FILE *out, const struct caseexport *x)
{
	json_head(out, x);
	fputs(",\n  \"assessment\": ", out);
	if (x->iv) {
		report_json(out, &x->a);
	} else {
		const char *j = caseexport_recorded_assessment(&x->r);
		fputs(j ? j : "null", out);	/* report_json's own output */
	}
	if (x->iv)
		json_answers(out, x->iv);
	else
		json_last_answers(out, &x->r);
	struct report sum;	/* the summary, the same structured report the wizard draws */
	const char *why;
	if (x->iv && view_summary(x->iv, NULL, &sum, &why) == 0) {
		fputs("  \"summary\": ", out);
		report_print_json(out, &sum);
		fputs(",\n", out);
		report_free(&sum);
	}
	time_on_screens(out, &x->r);
	json_paradata(out, &x->r);
}


/* The text export: the case file (casefile.h), with the summary the
 * wizard draws (and a law profile's, with --law). */
void caseexport_txt(FILE *out, const struct caseexport *x, int width, const struct profile *law)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	struct report sum = { 0 };
	const char *why;
	bool have = x->iv && view_summary(x->iv, law, &sum, &why) == 0;
	struct casefile c = { x->id, &x->info, &x->r, x->iv, have ? &sum : NULL };
	casefile_print(mem, &c, width);
	report_free(&sum);
	fclose(mem);
	char *clean = text_sanitize(buf);
	fputs(clean, out);
	sodium_memzero(clean, strlen(clean));
	free(clean);
	sodium_memzero(buf, len);
	free(buf);
}

