#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/deck.h"
#include "domain/langs.h"
#include "domain/lint.h"
#include "domain/profile.h"
#include "train/scenario.h"
#include "cmd/cmd.h"

struct deck *cmd_load_deck(const char *dir)
{
	struct diags d = { 0 };
	struct deck *dk = deck_load(dir, &d);
	if (!dk) {
		diags_print(&d, stderr);
		fprintf(stderr, "tipscreen: %zu problem%s in the deck %s\n", d.n, d.n == 1 ? "" : "s", dir);
	}
	diags_free(&d);
	return dk;
}

/* The texts a translation should cover: the deck's and the template's. */
struct wanted_text {
	const char *ctx, *id;	/* borrowed */
};

struct wanted {
	struct wanted_text *v;
	size_t n, cap;
	const struct catalog *pot;	/* NULL: no template */
	int stale;			/* deck texts missing from the template */
};

static void want(struct wanted *w, const char *ctx, const char *id)
{
	xgrow((void **)&w->v, &w->cap, w->n + 1, sizeof *w->v);
	w->v[w->n].ctx = ctx;
	w->v[w->n++].id = id;
}

/* Orders by context (none first), then text. */
static int cmp_wanted(const void *a, const void *b)
{
	const char *ca = ((const struct wanted_text *)a)->ctx, *cb = ((const struct wanted_text *)b)->ctx;
	if (!ca != !cb)
		return ca ? 1 : -1;
	int c = ca ? strcmp(ca, cb) : 0;
	return c ? c : strcmp(((const struct wanted_text *)a)->id, ((const struct wanted_text *)b)->id);
}

/* Each wanted text once: sorted, then repeats dropped (one pass, where a
 * search per text would grow with the square of the deck). */
static void want_once(struct wanted *w)
{
	if (w->n < 2)
		return;
	qsort(w->v, w->n, sizeof *w->v, cmp_wanted);
	size_t k = 1;
	for (size_t i = 1; i < w->n; i++)
		if (cmp_wanted(&w->v[i], &w->v[k - 1]) != 0)
			w->v[k++] = w->v[i];
	w->n = k;
}

static void want_deck_text(void *arg, const char *ctx, const char *text, const char *file, int line)
{
	struct wanted *w = arg;
	if (w->pot && !catalog_has(w->pot, ctx, text)) {
		if (!w->stale++)
			printf("%s:%d: warning: text not in the template; run 'make pot' and "
			       "'make po'\n", file, line);
	}
	want(w, ctx, text);
}

/* Placeholders that differ between msgid and msgstr: errors. */
static int check_placeholders(const struct catalog *c)
{
	size_t n;
	const struct catalog_entry *e = catalog_entries(c, &n);
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		if (!*e[i].str || catalog_placeholders_agree(e[i].id, e[i].str))
			continue;
		char *pi = catalog_placeholders(e[i].id), *ps = catalog_placeholders(e[i].str);
		fprintf(stderr, "%s:%d: error: the translation's placeholders '%s' differ "
			"from the English '%s'; it is not used until they match\n",
			catalog_path(c), e[i].line, ps, pi);
		bad++;
		free(pi);
		free(ps);
	}
	return bad;
}

/* Per-language coverage, and the placeholder check. Returns the number of
 * errors, or -1 if the translations do not load. */
static int check_langs(const struct cmd_ctx *c, const struct deck *dk)
{
	struct langs l = { 0 };
	struct diags d = { 0 };
	int rc = langs_load(c->locales, &l, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	char *potpath = xasprintf("%s/tipscreen.pot", c->locales);
	struct catalog *pot = catalog_load(potpath, &d);
	diags_free(&d);
	struct wanted w = { NULL, 0, 0, pot, 0 };
	deck_each_text(dk, want_deck_text, &w);
	size_t np = 0;
	const struct catalog_entry *pe = pot ? catalog_entries(pot, &np) : NULL;
	for (size_t i = 0; i < np; i++)
		want(&w, pe[i].ctx, pe[i].id);
	want_once(&w);
	int bad = rc < 0 ? 1 : 0;
	for (size_t k = 1; k < l.n; k++) {
		size_t done = 0;
		for (size_t i = 0; i < w.n; i++)
			done += catalog_translated(l.v[k], w.v[i].ctx, w.v[i].id);
		char *label = langs_label(&l, (int)k);
		printf("%s:1: %s: %zu of %zu texts translated (%zu%%)%s\n", catalog_path(l.v[k]),
		       label, done, w.n, w.n ? done * 100 / w.n : 100,
		       done < w.n ? "; the rest is shown in English" : "");
		free(label);
		bad += check_placeholders(l.v[k]);
	}
	if (!pot)
		printf("%s: warning: no template; run 'make pot'\n", potpath);
	free(potpath);
	free(w.v);
	catalog_free(pot);
	langs_free(&l);
	return bad;
}

/* The training scenarios of dir/scenarios against the deck: their number,
 * or -1 after printing their problems. */
static int check_scenarios(const char *dir, const struct deck *dk)
{
	char *sdir = xasprintf("%s/scenarios", dir);
	struct diags d = { 0 };
	struct scenario *v;
	size_t n;
	int rc = scenario_load_dir(sdir, dk, &v, &n, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	scenario_list_free(v, n);
	free(sdir);
	return rc;
}

int cmd_check(const struct cmd_ctx *c, const char *dir)
{
	struct deck *dk = cmd_load_deck(dir ? dir : c->deck);
	if (!dk)
		return EXIT_INPUT;
	struct diags pd = { 0 };
	lint_indicators(dk, &pd);	/* a questionnaire records every indicator */
	bool unset = pd.n > 0;
	int profiles = profile_check_all(dir ? dir : c->deck, &pd);
	diags_print(&pd, stderr);
	diags_free(&pd);
	int scenarios = check_scenarios(dir ? dir : c->deck, dk);
	if (check_langs(c, dk) != 0 || profiles < 0 || scenarios < 0 || unset) {
		deck_free(dk);
		return EXIT_INPUT;
	}
	size_t items = 0;
	for (size_t i = 0; i < dk->n; i++)
		items += dk->s[i].nitems;
	printf("%s: %zu screens in %zu files, %zu answers (%zu checklist items): ok\n",
	       dir ? dir : c->deck, dk->n, dk->nfiles, dk->nslots, items);
	printf("%s/law/profiles: %d law profile%s: ok\n", dir ? dir : c->deck, profiles,
	       profiles == 1 ? "" : "s");
	printf("%s/scenarios: %d scenario%s: ok\n", dir ? dir : c->deck, scenarios,
	       scenarios == 1 ? "" : "s");
	deck_free(dk);
	return EXIT_OK;
}
