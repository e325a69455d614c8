#include "train/debrief.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "domain/answer.h"
#include "domain/catalog.h"
#include "domain/law.h"
#include "domain/report.h"

/* Graded: an expert answer that is not a text, on the expert's path. */
static bool graded(const struct scenario_ask *q, const struct deck *dk, const struct interview *ex)
{
	return q->slot >= 0 && q->expert && !q->ungraded && deck_slot_type(dk, q->slot) != SCR_TEXT &&
	       interview_slot_on_path(ex, q->slot);
}

static void compare_questions(struct debrief *d, const struct interview *ex,
			      const struct interview *tr)
{
	const struct scenario *s = d->s;
	d->qs = xcalloc(s->nask ? s->nask : 1, sizeof *d->qs);
	for (size_t i = 0; i < s->nask; i++) {
		const struct scenario_ask *q = &s->ask[i];
		if (!graded(q, d->dk, ex))
			continue;
		struct debrief_question *r = &d->qs[d->nq++];
		r->q = q;
		r->seconds = -1;
		const struct answer *a = interview_get(tr, q->slot);
		if (interview_slot_on_path(tr, q->slot) && a->kind != ANS_NONE)
			r->trainee = answer_format(d->dk, q->slot, a, true);
		r->agree = scenario_answer_ok(d->dk, q, r->trainee);
	}
}

static void compare_parts(struct debrief *d)
{
	const struct assessment *t = &d->trainee, *e = &d->expert;
	for (int p = PART_ACT; p <= PART_PURPOSE; p++) {
		d->part[p].trainee = assess_status_name(t->el[p].status);
		d->part[p].expert = assess_status_name(e->el[p].status);
	}
	d->part[PART_CHILD].trainee = assess_child_name(t->child);
	d->part[PART_CHILD].expert = assess_child_name(e->child);
	d->part[PART_OUTCOME].trainee = assess_outcome_name(t->outcome);
	d->part[PART_OUTCOME].expert = assess_outcome_name(e->outcome);
	for (int p = 0; p < PART_COUNT; p++)
		d->part[p].agree = strcmp(d->part[p].trainee, d->part[p].expert) == 0;
	for (int f = 0; f < FLAG_COUNT; f++)
		d->flag_agree[f] = t->flag[f] == e->flag[f];
}

void debrief_grade(struct debrief *d)
{
	d->earned = d->possible = 0;
	d->ncritical = 0;
	for (size_t i = 0; i < d->nq; i++) {
		int w = d->qs[i].q->critical ? DEBRIEF_CRITICAL_POINTS : DEBRIEF_QUESTION_POINTS;
		d->possible += w;
		d->earned += d->qs[i].agree ? w : 0;
	}
	for (int p = 0; p < PART_COUNT; p++) {
		d->possible += DEBRIEF_ELEMENT_POINTS;
		d->earned += d->part[p].agree ? DEBRIEF_ELEMENT_POINTS : 0;
	}
	d->score = d->possible ? d->earned * 100 / d->possible : 100;
	for (int p = 0; p < PART_COUNT; p++)
		d->ncritical += debrief_part_critical(d, p);
	for (size_t i = 0; i < d->nq; i++)
		d->ncritical += !d->qs[i].agree && d->qs[i].q->critical;
	for (int f = 0; f < FLAG_COUNT; f++)
		d->ncritical += debrief_flag_critical(d, f);
	d->pass = d->ncritical == 0;
}

int debrief_make(const struct scenario *s, const struct deck *dk, const struct interview *trainee,
		 struct debrief *out, const char **why)
{
	memset(out, 0, sizeof *out);
	out->seconds = -1;
	out->s = s;
	out->dk = dk;
	struct interview *ex;
	int rc = scenario_expert(s, dk, &ex, &out->expert, why);
	if (rc == 0 && interview_assess(trainee, &out->trainee, why) < 0)
		rc = -1;
	if (rc == 0) {
		compare_questions(out, ex, trainee);
		compare_parts(out);
		debrief_grade(out);
	}
	interview_free(ex);
	return rc;
}

void debrief_times(struct debrief *d, const double *per_screen, size_t n)
{
	d->seconds = 0;
	for (size_t i = 0; i < n; i++)
		d->seconds += per_screen[i];
	for (size_t i = 0; i < d->nq; i++) {
		size_t sc = (size_t)d->qs[i].q->screen;
		d->qs[i].seconds = sc < n ? per_screen[sc] : -1;
	}
}

void debrief_free(struct debrief *d)
{
	for (size_t i = 0; i < d->nq; i++)
		free(d->qs[i].trainee);
	free(d->qs);
	memset(d, 0, sizeof *d);
}

static const struct scenario_point *point_of(const struct scenario *s, int part, int flag)
{
	for (size_t i = 0; i < s->npoint; i++)
		if ((part >= 0 && s->point[i].part == part) || (flag >= 0 && s->point[i].flag == flag))
			return &s->point[i];
	return NULL;
}

bool debrief_part_critical(const struct debrief *d, enum scenario_part p)
{
	if (d->part[p].agree)
		return false;
	const struct scenario_point *pt = point_of(d->s, (int)p, -1);
	return p == PART_CHILD || p == PART_OUTCOME || (pt && pt->critical);
}

bool debrief_flag_critical(const struct debrief *d, enum flag f)
{
	const struct scenario_point *pt = point_of(d->s, -1, (int)f);
	return !d->flag_agree[f] && pt && pt->critical;
}

/* The law at stake in a difference, or CITE_COUNT where none is: the
 * debrief quotes the Protocol only where the lesson is the law itself
 * (DESIGN §10): 3(c) for the means of a child, 3(b) for an adult's
 * consent, 3(d) for who is a child, the elements of 3(a) for an adult. */
static bool child_case(const struct debrief *d)
{
	return d->expert.child == CHILD_YES || d->expert.child == CHILD_PRESUMED;
}

static enum cite part_cite(const struct debrief *d, int part)
{
	if (part == PART_CHILD)
		return CITE_TIP_3D;
	if (part == PART_OUTCOME)
		return CITE_COUNT;
	return part == PART_MEANS && child_case(d) ? CITE_TIP_3C : CITE_TIP_3A;
}

static enum cite flag_cite(const struct debrief *d, enum flag f)
{
	switch (f) {
	case FLAG_CONSENT_IRRELEVANT:
		return child_case(d) ? CITE_TIP_3C : CITE_TIP_3B;
	case FLAG_SMUGGLING:
		return CITE_SOM_3A;
	case FLAG_PRESUMED_CHILD:
	case FLAG_ESTABLISH_AGE:
	case FLAG_CHILD_NOW:
		return CITE_TIP_3D;
	default:
		return CITE_COUNT;
	}
}

static enum cite question_cite(const struct debrief *d, const struct scenario_ask *q)
{
	const struct setter *set = &d->dk->s[q->screen].set;
	if (set->key == IN_CONSENT)
		return child_case(d) ? CITE_TIP_3C : CITE_TIP_3B;
	if (set->key == IN_AGE || set->key == IN_AGE_NOW || set->key == IN_CHILD ||
	    set->key == IN_MINOR_NOW)
		return CITE_TIP_3D;
	return CITE_COUNT;
}

static void wrapped(FILE *out, const char *indent, const char *s, int width)
{
	char *w = text_wrap(s, width - (int)strlen(indent));
	for (char *line = w, *nl; line && *line; line = nl) {
		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		fprintf(out, "%s%s\n", indent, line);
		if (!nl)
			break;
	}
	free(w);
}

/* The text the first time a debrief names it, its title after that. */
static void quote_law(FILE *out, enum cite c, bool *quoted, int width)
{
	struct law_quote q;
	if (c == CITE_COUNT || law_quote(c, "en", &q) < 0)
		return;
	if (quoted[c]) {
		fprintf(out, "    %s [%s], %s\n", _(q.title), assess_cite_name(c), _("quoted above"));
	} else {
		fprintf(out, "    %s [%s]:\n", _(q.title), assess_cite_name(c));
		wrapped(out, "      ", q.text, width);
		quoted[c] = true;
	}
	law_quote_free(&q);
}

static void teach(FILE *out, const struct scenario *s, const char *text, int width)
{
	if (!text || !*text)
		return;
	char *t = xasprintf("%s %s", _("Teaching point:"), C_(s->id, text));
	wrapped(out, "    ", t, width);
	free(t);
}

static const char *shown(const char *a)
{
	return a ? a : _("(not asked)");
}

static void print_question(FILE *out, const struct debrief *d, const struct debrief_question *r,
			   bool *quoted, int width)
{
	const struct scenario_ask *q = r->q;
	const char *text = deck_slot_text(d->dk, q->slot);
	fprintf(out, "  %s %s\n", q->critical ? "!!" : "--", q->id);
	if (text)
		wrapped(out, "    ", D_(q->id, text), width);
	fprintf(out, "    %s %s, %s %s\n", _("you answered"), shown(r->trainee), _("the expert"),
		q->expert);
	teach(out, d->s, r->q->teaching, width);
	quote_law(out, question_cite(d, r->q), quoted, width);
}

static void print_part(FILE *out, const struct debrief *d, int p, bool *quoted, int width)
{
	fprintf(out, "  %s %s: %s %s, %s %s\n", debrief_part_critical(d, p) ? "!!" : "--",
		scenario_part_name(p), _("yours"), d->part[p].trainee, _("the expert's"),
		d->part[p].expert);
	const struct scenario_point *pt = point_of(d->s, p, -1);
	teach(out, d->s, pt ? pt->teaching : NULL, width);
	quote_law(out, part_cite(d, p), quoted, width);
}

static void print_flag(FILE *out, const struct debrief *d, int f, bool *quoted, int width)
{
	fprintf(out, "  %s %s %s: %s, %s %s\n", debrief_flag_critical(d, f) ? "!!" : "--",
		_("flag"), assess_flag_name(f), d->trainee.flag[f] ? _("you raised it") :
		_("you did not raise it"), _("the expert"), d->expert.flag[f] ? _("raised it") :
		_("did not"));
	const struct scenario_point *pt = point_of(d->s, -1, f);
	teach(out, d->s, pt ? pt->teaching : NULL, width);
	quote_law(out, flag_cite(d, f), quoted, width);
}

/* The differences, critical ones (critical == true) or the others. */
static size_t print_differences(FILE *out, const struct debrief *d, bool critical, bool *quoted,
				int width)
{
	size_t n = 0;
	for (int p = 0; p < PART_COUNT; p++)
		if (!d->part[p].agree && debrief_part_critical(d, p) == critical) {
			print_part(out, d, p, quoted, width);
			n++;
		}
	for (size_t i = 0; i < d->nq; i++)
		if (!d->qs[i].agree && d->qs[i].q->critical == critical) {
			print_question(out, d, &d->qs[i], quoted, width);
			n++;
		}
	for (int f = 0; f < FLAG_COUNT; f++)
		if (!d->flag_agree[f] && debrief_flag_critical(d, f) == critical) {
			print_flag(out, d, f, quoted, width);
			n++;
		}
	return n;
}

/* What the scenario teaches (kept from the intro for the debrief), and
 * its teaching citations quoted verbatim: the law the lesson is about,
 * never a citation of the assessment. */
static void lesson(FILE *out, const struct scenario *s, int width)
{
	fprintf(out, "\n%s\n", _("What this scenario teaches:"));
	wrapped(out, "  ", C_(s->id, s->teaches), width);
	for (size_t i = 0; i < s->nteaching_cite; i++) {
		struct law_quote q;
		if (law_teaching_quote(s->teaching_cite[i], "en", &q) < 0)
			continue;
		fprintf(out, "  %s [%s]:\n", _(q.title), q.cite);
		wrapped(out, "    ", q.text, width);
		law_quote_free(&q);
	}
}

/* s padded to cols display columns, and a space. */
static void cell(FILE *out, const char *s, int cols)
{
	fputs(s, out);
	for (int w = text_width(s); w < cols; w++)
		fputc(' ', out);
	fputc(' ', out);
}

/* The three screens the trainee spent longest on, with their time. */
static void slowest(FILE *out, const struct debrief *d, int width)
{
	if (d->seconds < 0)
		return;
	fprintf(out, "\n%s %d:%02d; %s\n", _("Time:"), (int)d->seconds / 60, (int)d->seconds % 60,
		_("the slowest questions:"));
	int shown[3] = { -1, -1, -1 };
	for (int k = 0; k < 3; k++) {
		const struct debrief_question *best = NULL;
		for (size_t i = 0; i < d->nq; i++) {
			const struct debrief_question *r = &d->qs[i];
			bool seen = false;
			for (int j = 0; j < k; j++)
				seen |= shown[j] == r->q->screen;
			if (!seen && r->seconds >= 0 && (!best || r->seconds > best->seconds))
				best = r;
		}
		if (!best)
			break;
		shown[k] = best->q->screen;
		const struct screen *sc = &d->dk->s[best->q->screen];
		char *t = xasprintf("%3.0f s  %s", best->seconds,
				    sc->question ? D_(sc->id, sc->question) : sc->id);
		wrapped(out, "  ", t, width);
		free(t);
	}
}

void debrief_text(FILE *out, const struct debrief *d, int width)
{
	const struct scenario *s = d->s;
	char *head = xasprintf("%s: %s (%s, %s %ld)", _("TRAINING debrief"), C_(s->id, s->title),
			       s->id, _("version"), s->version);
	wrapped(out, "", head, width);
	free(head);
	fprintf(out, "%s — %s: %d%% (%d %s %d)\n", d->pass ? _("PASSED") : _("FAILED"), _("Score"),
		d->score, d->earned, _("of"), d->possible);
	if (!d->pass)
		fprintf(out, "%s\n", _("A critical miss fails the scenario whatever the score."));
	fputc('\n', out);
	cell(out, _("Element"), 10);
	cell(out, _("Yours"), 26);
	fprintf(out, "%s\n", _("The expert's"));
	for (int p = 0; p < PART_COUNT; p++) {
		cell(out, scenario_part_name(p), 10);
		cell(out, d->part[p].trainee, 26);
		cell(out, d->part[p].expert, 26);
		fprintf(out, "%s\n", d->part[p].agree ? _("agree") : _("DIFFER"));
	}
	fputc('\n', out);
	bool quoted[CITE_COUNT] = { false };
	fprintf(out, "%s\n", _("Critical misses:"));
	if (!print_differences(out, d, true, quoted, width))
		fprintf(out, "  %s\n", _("none"));
	fprintf(out, "\n%s\n", _("Other differences:"));
	if (!print_differences(out, d, false, quoted, width))
		fprintf(out, "  %s\n", _("none"));
	lesson(out, d->s, width);
	size_t agree = 0;
	for (size_t i = 0; i < d->nq; i++)
		agree += d->qs[i].agree;
	fprintf(out, "\n%s: %zu %s %zu\n", _("Questions answered as the expert did"), agree, _("of"),
		d->nq);
	slowest(out, d, width);
}

static void json_list_sep(FILE *out, bool *first)
{
	fputs(*first ? "" : ", ", out);
	*first = false;
}

static void json_critical(FILE *out, const struct debrief *d)
{
	bool first = true;
	fputs("  \"critical\": [", out);
	for (int p = 0; p < PART_COUNT; p++)
		if (debrief_part_critical(d, p)) {
			json_list_sep(out, &first);
			report_json_string(out, scenario_part_name(p));
		}
	for (size_t i = 0; i < d->nq; i++)
		if (!d->qs[i].agree && d->qs[i].q->critical) {
			json_list_sep(out, &first);
			report_json_string(out, d->qs[i].q->id);
		}
	for (int f = 0; f < FLAG_COUNT; f++)
		if (debrief_flag_critical(d, f)) {
			json_list_sep(out, &first);
			report_json_string(out, assess_flag_name(f));
		}
	fputs("],\n", out);
}

static void json_nullable(FILE *out, const char *s)
{
	if (s)
		report_json_string(out, s);
	else
		fputs("null", out);
}

void debrief_json(FILE *out, const struct debrief *d)
{
	fputs("{\n  \"scenario\": ", out);
	report_json_string(out, d->s->id);
	fprintf(out, ",\n  \"version\": %ld,\n  \"score\": %d,\n  \"pass\": %s,\n", d->s->version,
		d->score, d->pass ? "true" : "false");
	fputs("  \"teaching_cites\": [", out);
	for (size_t i = 0; i < d->s->nteaching_cite; i++) {
		fputs(i ? ", " : "", out);
		report_json_string(out, d->s->teaching_cite[i]);
	}
	fputs("],\n", out);
	json_critical(out, d);
	fputs("  \"elements\": {", out);
	for (int p = 0; p < PART_COUNT; p++) {
		fprintf(out, "%s\n    \"%s\": {\"trainee\": ", p ? "," : "", scenario_part_name(p));
		report_json_string(out, d->part[p].trainee);
		fputs(", \"expert\": ", out);
		report_json_string(out, d->part[p].expert);
		fprintf(out, ", \"agree\": %s}", d->part[p].agree ? "true" : "false");
	}
	fputs("},\n  \"flags\": {", out);
	for (int f = 0; f < FLAG_COUNT; f++)
		fprintf(out, "%s\n    \"%s\": {\"trainee\": %s, \"expert\": %s, \"agree\": %s}", f ? "," : "",
			assess_flag_name(f), d->trainee.flag[f] ? "true" : "false",
			d->expert.flag[f] ? "true" : "false", d->flag_agree[f] ? "true" : "false");
	fputs("},\n  \"questions\": [", out);
	for (size_t i = 0; i < d->nq; i++) {
		const struct debrief_question *r = &d->qs[i];
		fprintf(out, "%s\n    {\"id\": ", i ? "," : "");
		report_json_string(out, r->q->id);
		fputs(", \"trainee\": ", out);
		json_nullable(out, r->trainee);
		fputs(", \"expert\": ", out);
		report_json_string(out, r->q->expert);
		fprintf(out, ", \"critical\": %s, \"agree\": %s, \"seconds\": ",
			r->q->critical ? "true" : "false", r->agree ? "true" : "false");
		if (r->seconds >= 0)
			fprintf(out, "%.0f}", r->seconds);
		else
			fputs("null}", out);
	}
	fputs("]\n}\n", out);
}
