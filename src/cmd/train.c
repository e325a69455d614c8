/* train: `tipscreen scenarios` (every scenario's expert key through the
 * deck, against its expected assessment) and `tipscreen train ID --answers
 * FILE` (a trainee's answers graded against the key: the debrief). */
#include <stdlib.h>
#include <string.h>

#include "../core/answers.h"
#include "../core/debrief.h"
#include "../core/interview.h"
#include "../core/national.h"
#include "../core/report.h"
#include "../core/scenario.h"
#include "../core/xalloc.h"
#include "cmd.h"

int cmd_load_scenarios(const char *deckdir, const char *dir, const struct deck *dk,
		       struct scenario **v, size_t *n)
{
	char *sdir = dir ? xstrdup(dir) : xasprintf("%s/scenarios", deckdir);
	struct diags d = { 0 };
	int rc = scenario_load_dir(sdir, dk, v, n, &d);
	diags_print(&d, stderr);
	if (rc < 0)
		fprintf(stderr, "tipscreen: %zu problem%s in the scenarios of %s\n", d.n,
			d.n == 1 ? "" : "s", sdir);
	diags_free(&d);
	free(sdir);
	return rc < 0 ? EXIT_INPUT : EXIT_OK;
}

/* The words of the set flags (or cites) of a table, space-separated. */
static void words(FILE *out, const bool *set, int n, const char *(*name)(int), bool json)
{
	bool first = true;
	for (int i = 0; i < n; i++)
		if (set[i]) {
			if (json)
				fputs(first ? "\"" : ", \"", out);
			else if (!first)
				fputc(' ', out);
			fputs(name(i), out);
			if (json)
				fputc('"', out);
			first = false;
		}
	if (first && !json)
		fputs("none", out);
}

static const char *flag_name(int i)
{
	return assess_flag_name((enum flag)i);
}

static const char *cite_name(int i)
{
	return assess_cite_name((enum cite)i);
}

/* Whether the assessment under the scenario's law profile is the expected
 * one; true without a profile. An exit code in *rc when it cannot load. */
static bool law_agrees(const struct options *o, const struct scenario *s, const struct deck *dk,
		       int *rc)
{
	if (!s->law)
		return true;
	struct options lo = *o;
	lo.law = s->law;
	struct profile *p;
	if ((*rc = cmd_load_law(&lo, &p)) != EXIT_OK || !p)
		return false;
	struct interview *iv;
	struct assessment a;
	const char *why;
	bool ok = false;
	if (scenario_expert(s, dk, &iv, &a, &why) == 0) {
		struct assess_input in;
		interview_inputs(iv, &in);
		struct national nat;
		national_assess(p, &in, &a, &nat);
		ok = nat.outcome == s->law_outcome;
		for (int f = 0; f < FLAG_COUNT; f++)
			ok = ok && nat.flag[f] == s->law_flag[f];
		national_free(&nat);
	}
	interview_free(iv);
	cmd_free_law(p);
	return ok;
}

static void print_line(const struct options *o, const struct scenario *s,
		       const struct assessment *a, bool agree, bool first)
{
	FILE *out = o->out;
	if (o->json) {
		fprintf(out, "%s\n  {\"id\": ", first ? "" : ",");
		report_json_string(out, s->id);
		fprintf(out, ", \"outcome\": \"%s\", \"flags\": [", assess_outcome_name(a->outcome));
		words(out, a->flag, FLAG_COUNT, flag_name, true);
		fputs("], \"cites\": [", out);
		words(out, a->cite, CITE_COUNT, cite_name, true);
		fprintf(out, "], \"agree\": %s}", agree ? "true" : "false");
		return;
	}
	fprintf(out, "%-4s %s: %s; flags ", agree ? "ok" : "FAIL", s->id,
		assess_outcome_name(a->outcome));
	words(out, a->flag, FLAG_COUNT, flag_name, false);
	fputs("; cites ", out);
	words(out, a->cite, CITE_COUNT, cite_name, false);
	if (!agree) {
		fprintf(out, "\n     expected %s; flags ", assess_outcome_name(s->outcome));
		words(out, s->flag, FLAG_COUNT, flag_name, false);
		fputs("; cites ", out);
		words(out, s->cite, CITE_COUNT, cite_name, false);
		if (s->law)
			fprintf(out, "; under %s %s", s->law, assess_outcome_name(s->law_outcome));
	}
	fputc('\n', out);
}

int cmd_scenarios(const struct options *o, const char *dir)
{
	struct deck *dk = cmd_load_deck(o->deck);
	if (!dk)
		return EXIT_INPUT;
	struct scenario *v;
	size_t n;
	int rc = cmd_load_scenarios(o->deck, dir, dk, &v, &n);
	size_t agree = 0;
	if (o->json && rc == EXIT_OK)
		fputc('[', o->out);
	for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
		struct assessment a;
		const char *why;
		if (scenario_expert(&v[i], dk, NULL, &a, &why) < 0) {
			fprintf(stderr, "%s: error: the expert's answers contradict each other: %s\n",
				v[i].path, why);
			rc = EXIT_INPUT;
			break;
		}
		bool ok = scenario_agrees(&v[i], &a) && law_agrees(o, &v[i], dk, &rc);
		if (rc != EXIT_OK)
			break;
		agree += ok;
		print_line(o, &v[i], &a, ok, i == 0);
	}
	if (rc == EXIT_OK) {
		if (o->json)
			fputs(n ? "\n]\n" : "]\n", o->out);
		else
			fprintf(o->out, "%zu scenario%s: %zu agree, %zu differ\n", n, n == 1 ? "" : "s",
				agree, n - agree);
		if (agree < n)
			rc = EXIT_RUNTIME;
	}
	scenario_list_free(v, n);
	deck_free(dk);
	return rc;
}

int cmd_train_grade(const struct options *o, const struct scenario *s, const struct deck *dk,
		    const struct interview *iv)
{
	struct debrief d;
	const char *why;
	if (debrief_make(s, dk, iv, &d, &why) < 0) {
		fprintf(stderr, "tipscreen: the answers contradict each other: %s\n", why);
		return EXIT_INPUT;
	}
	if (o->json)
		debrief_json(o->out, &d);
	else
		debrief_text(o->out, &d, o->width);
	debrief_free(&d);
	return EXIT_OK;
}

int cmd_train(const struct options *o, const char *id)
{
	if (!id || !o->answers) {
		fprintf(stderr, "tipscreen: train needs a scenario id and --answers FILE "
			"(tipscreen scenarios lists the ids)\n");
		return EXIT_INPUT;
	}
	struct deck *dk = cmd_load_deck(o->deck);
	if (!dk)
		return EXIT_INPUT;
	struct scenario *v;
	size_t n;
	int rc = cmd_load_scenarios(o->deck, NULL, dk, &v, &n);
	const struct scenario *s = rc == EXIT_OK ? scenario_find(v, n, id) : NULL;
	if (rc == EXIT_OK && !s) {
		fprintf(stderr, "tipscreen: no scenario '%s' in %s/scenarios\n", id, o->deck);
		rc = EXIT_INPUT;
	}
	if (s) {
		struct diags d = { 0 };
		struct stanza_file f;
		struct interview *iv = interview_new(dk);
		if (stanza_read(o->answers, &f, &d) < 0 || answers_apply(iv, &f, &d) < 0) {
			diags_print(&d, stderr);
			rc = EXIT_INPUT;
		} else {
			rc = cmd_train_grade(o, s, dk, iv);
		}
		stanza_file_free(&f);
		diags_free(&d);
		interview_free(iv);
	}
	scenario_list_free(v, n);
	deck_free(dk);
	return rc;
}
