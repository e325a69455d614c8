/* train: `tipscreen scenarios` (every scenario's expert key through the
 * deck, against its expected assessment) and `tipscreen train ID --answers
 * FILE` (a trainee's answers graded against the key: the debrief). */
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "domain/answers.h"
#include "domain/catalog.h"
#include "domain/interview.h"
#include "domain/langs.h"
#include "domain/national.h"
#include "domain/report.h"
#include "app/session.h"
#include "app/view.h"
#include "train/debrief.h"
#include "train/scenario.h"
#include "train/training.h"
#include "tui/debrief.h"
#include "tui/tui.h"
#include "plain/plain.h"
#include "cmd/cmd.h"

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
static bool law_agrees(const struct cmd_ctx *c, const struct scenario *s, const struct deck *dk,
		       int *rc)
{
	if (!s->law)
		return true;
	struct profile *p;
	if ((*rc = cmd_load_law(c, s->law, &p)) != EXIT_OK || !p)
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

static void print_line(FILE *out, bool json, const struct scenario *s, const struct assessment *a,
		       bool agree, bool first)
{
	if (json) {
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

int cmd_scenarios(const struct cmd_ctx *c, bool json, const char *dir)
{
	struct deck *dk = cmd_load_deck(c->deck);
	if (!dk)
		return EXIT_INPUT;
	struct scenario *v;
	size_t n;
	int rc = cmd_load_scenarios(c->deck, dir, dk, &v, &n);
	size_t agree = 0;
	if (json && rc == EXIT_OK)
		fputc('[', c->out);
	for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
		struct assessment a;
		const char *why;
		if (scenario_expert(&v[i], dk, NULL, &a, &why) < 0) {
			fprintf(stderr, "%s: error: the expert's answers contradict each other: %s\n",
				v[i].path, why);
			rc = EXIT_INPUT;
			break;
		}
		bool ok = scenario_agrees(&v[i], &a) && law_agrees(c, &v[i], dk, &rc);
		if (rc != EXIT_OK)
			break;
		agree += ok;
		print_line(c->out, json, &v[i], &a, ok, i == 0);
	}
	if (rc == EXIT_OK) {
		if (json)
			fputs(n ? "\n]\n" : "]\n", c->out);
		else
			fprintf(c->out, "%zu scenario%s: %zu agree, %zu differ\n", n, n == 1 ? "" : "s",
				agree, n - agree);
		if (agree < n)
			rc = EXIT_RUNTIME;
	}
	scenario_list_free(v, n);
	deck_free(dk);
	return rc;
}

/* The debrief's text for width columns (the wizard's debrief screen). */
static char *debrief_at(void *arg, int width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	debrief_text(f, arg, width);
	fclose(f);
	return buf;
}

/* Prints the debrief of the trainee's interview iv on scenario s, with the
 * seconds per deck screen of a live session (or NULL), after writing the
 * result; in the wizard (wizard true) first as its debrief screen. An
 * exit code. */
static int grade(const struct cmd_ctx *c, const struct cmd_train_opts *o, const struct scenario *s,
		 const struct deck *dk, const struct interview *iv, time_t started,
		 const double *secs, bool wizard)
{
	struct debrief d;
	const char *why;
	if (debrief_make(s, dk, iv, &d, &why) < 0) {
		fprintf(stderr, "tipscreen: the answers contradict each other: %s\n", why);
		return EXIT_INPUT;
	}
	if (secs)
		debrief_times(&d, secs, dk->n);
	const struct cmd_result_opts *r = &o->result;
	int rc = r->result ? cmd_result_write(r, &d, started) : EXIT_OK;
	if (r->result && rc == EXIT_OK)
		fprintf(stderr, "tipscreen: the result is in %s, sealed to %s\n", r->result, r->to);
	int sig = 0;
	if (wizard && !o->json) {
		char *title = xasprintf("%s: %s", _("TRAINING debrief"), C_(s->id, s->title));
		sig = tui_debrief(debrief_at, &d, title, o->front.color);
		free(title);
	}
	if (o->json)
		debrief_json(c->out, &d);
	else if (!sig)
		debrief_text(c->out, &d, c->width);
	debrief_free(&d);
	return sig ? sig : rc;
}

/* A line from the terminal (or the pipe); false at its end. */
static bool read_line(char *buf, size_t n)
{
	if (!fgets(buf, (int)n, stdin))
		return false;
	buf[strcspn(buf, "\n")] = '\0';
	return true;
}

/* The picker: the scenarios by level, then audience; the one chosen, or
 * NULL when the input ends or names none. */
static const struct scenario *pick(FILE *out, const struct scenario *v, size_t n)
{
	const struct scenario **order = xcalloc(n ? n : 1, sizeof *order);
	size_t k = 0;
	fprintf(out, "%s\n", _("TRAINING: choose a scenario"));
	for (int l = 0; l < LEVEL_COUNT; l++) {
		bool head = false;
		for (size_t i = 0; i < n; i++) {
			if (v[i].level != (enum scenario_level)l)
				continue;
			if (!head)
				fprintf(out, "\n%s:\n", _(scenario_level_name((enum scenario_level)l)));
			head = true;
			order[k++] = &v[i];
			fprintf(out, "  %2zu. %s (%s) —", k, C_(v[i].id, v[i].title), v[i].id);
			for (size_t r = 0; r < v[i].naudience; r++)
				fprintf(out, " %s", v[i].audience[r]);
			fputc('\n', out);
		}
	}
	fprintf(out, "\n%s\n> ", _("Type its number:"));
	fflush(out);
	char line[64];
	const struct scenario *s = NULL;
	if (read_line(line, sizeof line)) {
		long i = strtol(line, NULL, 10);
		s = i >= 1 && (size_t)i <= k ? order[i - 1] : NULL;
		if (!s)
			fprintf(stderr, "tipscreen: no scenario number '%s'\n", line);
	}
	free(order);
	return s;
}

/* The interviewer's intro; then Enter to begin. */
static bool brief(const struct cmd_ctx *c, const struct scenario *s, bool solo)
{
	training_intro(c->out, s, solo, c->width);
	fflush(c->out);
	char line[64];
	return read_line(line, sizeof line);
}

/* The interview of a training session: no store, nothing recorded; the
 * wizard or the line mode with the TRAINING mark. 0 when it completed. */
static int interview(const struct cmd_ctx *c, const struct cmd_front_opts *o, struct session *ss,
		     const struct view_training *t, const struct langs *l, int second, bool *wizard)
{
	const char *why = NULL;
	static const struct view_start none = { NULL, 0 };	/* nothing to resume */
	struct frontend_opts fo = { .start = &none, .langs = l, .second = second, .training = t,
				    .charset = c->charset, .in = stdin, .out = c->out,
				    .width = c->width, .color = o->color,
				    .bidi_terminal = o->bidi_terminal };
	*wizard = !o->plain && tui_usable(&why);
	int rc = frontend_run(*wizard ? &tui_frontend : &plain_frontend, ss, &fo);
	/* The line mode leaves the questions and typed answers in the
	 * scrollback: cleared as the interview's are (xterm's ED 3), before
	 * the debrief. */
	if (!*wizard && isatty(fileno(c->out))) {
		fputs("\033[H\033[2J\033[3J", c->out);
		fflush(c->out);
	}
	return rc == FRONTEND_COMPLETE ? 0 : 1;
}

static int train_live(const struct cmd_ctx *c, const struct cmd_train_opts *o,
		      const struct scenario *s, const struct deck *dk, const struct langs *l,
		      int second)
{
	time_t started = time(NULL);
	if (!brief(c, s, o->solo))
		return EXIT_RUNTIME;
	struct view_training t;
	training_view_init(&t, s, dk, o->solo);
	struct interview *iv = interview_new(dk);
	struct session *ss = session_new(iv, NULL);	/* training: no case store, ever */
	bool wizard;
	int rc = interview(c, &o->front, ss, &t, l, second, &wizard);
	double *secs = xcalloc(dk->n + 1, sizeof *secs);
	for (size_t i = 0; i < dk->n; i++)
		secs[i] = session_seconds(ss, (int)i);
	session_free(ss);
	if (rc == 0) {
		fprintf(c->out, "\n");
		rc = grade(c, o, s, dk, iv, started, secs, wizard);
	} else {
		fprintf(stderr, "tipscreen: the training session ended before the debrief\n");
		rc = EXIT_RUNTIME;
	}
	free(secs);
	interview_free(iv);
	training_view_free(&t);
	return rc;
}

static int grade_file(const struct cmd_ctx *c, const struct cmd_train_opts *o,
		      const struct scenario *s, const struct deck *dk)
{
	struct diags d = { 0 };
	struct stanza_file f;
	struct interview *iv = interview_new(dk);
	int rc;
	if (stanza_read(o->answers, &f, &d) < 0 || answers_apply(iv, &f, &d) < 0) {
		diags_print(&d, stderr);
		rc = EXIT_INPUT;
	} else {
		rc = grade(c, o, s, dk, iv, time(NULL), NULL, false);
	}
	stanza_file_free(&f);
	diags_free(&d);
	interview_free(iv);
	return rc;
}

/* What --result needs, checked before the first question so that no
 * session is lost at its end: the trainee's pseudonym, the trainer's
 * public key, a file that does not exist yet in a folder that can be
 * written. An exit code. */
static int result_usable(const struct cmd_result_opts *r)
{
	if (!r->result)
		return EXIT_OK;
	if (!r->to || !r->trainee) {
		fprintf(stderr, "tipscreen: --result needs --to TRAINER.pub and --trainee NAME\n");
		return EXIT_INPUT;
	}
	if (access(r->result, F_OK) == 0) {
		fprintf(stderr, "%s: error: the file exists (a result is never overwritten): choose "
			"another --result name\n", r->result);
		return EXIT_INPUT;
	}
	char *dir = xstrdup(r->result), *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir] = '\0';
	int ok = access(slash ? dir : ".", W_OK);
	free(dir);
	if (ok != 0) {
		fprintf(stderr, "%s: error: its folder cannot be written: choose another --result "
			"place\n", r->result);
		return EXIT_INPUT;
	}
	return cmd_result_check(r);
}

/* The chosen scenario, in the session's language: the card, the grading
 * of an answers file, or a live session. */
static int run(const struct cmd_ctx *c, const struct cmd_train_opts *o, const struct scenario *s,
	       const struct deck *dk, const struct langs *l, int second)
{
	if (o->answers)
		return grade_file(c, o, s, dk);
	if (o->card) {
		training_card(c->out, s, dk, c->width);
		return EXIT_OK;
	}
	return train_live(c, o, s, dk, l, second);
}

/* The scenario of id, or the one picked (in the session's language). */
static int choose(const struct cmd_ctx *c, const struct cmd_train_opts *o, const char *id,
		  const struct deck *dk, const struct scenario *v, size_t n)
{
	struct langs l;
	int lang, second;
	if (cmd_load_langs(c, &o->lang, &l, &lang, &second) != EXIT_OK)
		return EXIT_INPUT;
	const struct scenario *s = NULL;
	int rc = EXIT_INPUT;
	if (id && !(s = scenario_find(v, n, id)))
		fprintf(stderr, "tipscreen: no scenario '%s' in %s/scenarios\n", id, c->deck);
	else if (!id)
		s = pick(c->out, v, n);
	if (s)
		rc = run(c, o, s, dk, &l, second);
	i18n_use(NULL);
	langs_free(&l);
	return rc;
}

int cmd_train(const struct cmd_ctx *c, const struct cmd_train_opts *o, const char *id)
{
	int rc = result_usable(&o->result);
	if (rc != EXIT_OK)
		return rc;
	if (!id && (o->answers || o->card)) {
		fprintf(stderr, "tipscreen: train --answers and --card need a scenario id "
			"(tipscreen scenarios lists the ids)\n");
		return EXIT_INPUT;
	}
	struct deck *dk = cmd_load_deck(c->deck);
	if (!dk)
		return EXIT_INPUT;
	struct scenario *v;
	size_t n;
	rc = cmd_load_scenarios(c->deck, NULL, dk, &v, &n);
	if (rc == EXIT_OK)
		rc = choose(c, o, id, dk, v, n);
	scenario_list_free(v, n);
	deck_free(dk);
	return rc;
}
