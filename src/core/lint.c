#include "lint.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

static void reach(const struct deck *dk, int from, bool *seen)
{
	if (from < 0 || seen[from])
		return;
	seen[from] = true;
	const struct screen *sc = &dk->s[from];
	for (size_t j = 0; j < sc->nnext; j++)
		reach(dk, sc->next[j].to, seen);
}

/* Every screen is reached from the first, or is the stop screen, which the
 * global stop key reaches from any screen. */
static void check_reachable(const struct deck *dk, struct diags *d)
{
	bool *seen = xcalloc(dk->n, sizeof *seen);
	reach(dk, dk->start, seen);
	reach(dk, dk->stop, seen);
	for (size_t i = 0; i < dk->n; i++)
		if (!seen[i])
			diags_add(d, dk->s[i].file, dk->s[i].line, 1,
				  "screen '%s' is unreachable: no 'Next:' leads to it from the first screen '%s'",
				  dk->s[i].id, dk->s[dk->start].id);
	free(seen);
}

/* Screens that can reach the summary, found by walking edges backwards. */
static bool leads_to(const struct deck *dk, int from, int target, char *memo)
{
	if (from < 0)
		return false;
	if (from == target)
		return true;
	if (memo[from])
		return memo[from] == 1;
	memo[from] = 2;	/* also guards against cycles, reported elsewhere */
	const struct screen *sc = &dk->s[from];
	for (size_t j = 0; j < sc->nnext; j++)
		if (leads_to(dk, sc->next[j].to, target, memo)) {
			memo[from] = 1;
			return true;
		}
	return false;
}

static void check_summary_reached(const struct deck *dk, struct diags *d)
{
	bool *after = xcalloc(dk->n, sizeof *after);
	char *memo = xcalloc(dk->n, 1);
	reach(dk, dk->summary, after);
	for (size_t i = 0; i < dk->n; i++) {
		const struct screen *sc = &dk->s[i];
		if (after[i])
			continue;
		if (!leads_to(dk, (int)i, dk->summary, memo))
			diags_add(d, sc->file, sc->line, 1, "no way from screen '%s' to the summary '%s'",
				  sc->id, dk->s[dk->summary].id);
		for (size_t j = 0; j < sc->nnext; j++)
			if (sc->next[j].to == DECK_END)
				diags_add(d, sc->file, sc->next[j].line, sc->next[j].col,
					  "'Next: end' skips the summary: only screens after '%s' may end the interview",
					  dk->s[dk->summary].id);
	}
	free(memo);
	free(after);
}

enum { WHITE, GREY, BLACK };

struct dfs {
	const struct deck *dk;
	char *colour;
	int *stack;
	size_t depth;
	struct diags *d;
};

static void report_cycle(struct dfs *s, const struct transition *tr, int to)
{
	size_t from = s->depth;
	while (from > 0 && s->stack[from - 1] != to)
		from--;
	char *path = xstrdup("");
	for (size_t k = from - 1; k < s->depth; k++) {
		char *p = xasprintf("%s%s → ", path, s->dk->s[s->stack[k]].id);
		free(path);
		path = p;
	}
	const struct screen *sc = &s->dk->s[s->stack[s->depth - 1]];
	diags_add(s->d, sc->file, tr->line, tr->col, "cycle: %s%s", path, s->dk->s[to].id);
	free(path);
}

static void dfs(struct dfs *s, int u)
{
	s->colour[u] = GREY;
	s->stack[s->depth++] = u;
	const struct screen *sc = &s->dk->s[u];
	for (size_t j = 0; j < sc->nnext; j++) {
		int v = sc->next[j].to;
		if (v < 0)
			continue;
		if (s->colour[v] == GREY)
			report_cycle(s, &sc->next[j], v);
		else if (s->colour[v] == WHITE)
			dfs(s, v);
	}
	s->depth--;
	s->colour[u] = BLACK;
}

static bool check_cycles(const struct deck *dk, struct diags *d)
{
	size_t before = d->n;
	struct dfs s = { dk, xcalloc(dk->n, 1), xcalloc(dk->n, sizeof(int)), 0, d };
	for (size_t i = 0; i < dk->n; i++)
		if (s.colour[i] == WHITE)
			dfs(&s, (int)i);
	free(s.colour);
	free(s.stack);
	return d->n == before;
}

static int rows(const char *text, int width)
{
	return text ? text_rows(text, width) : 0;
}

int lint_screen_rows(const struct screen *sc)
{
	int n = rows(sc->question, LINT_TEXT_COLS);
	for (size_t i = 0; i < sc->nchoices; i++)
		n += rows(sc->choices[i].label, LINT_TEXT_COLS - 6);
	int item = 0;
	for (size_t i = 0; i < sc->nitems; i++) {
		int r = rows(sc->items[i].text, LINT_TEXT_COLS - 6);
		if (r > item)
			item = r;
	}
	return n + (item ? item + 1 : 0);
}

static void check_fit(const struct deck *dk, struct diags *d)
{
	for (size_t i = 0; i < dk->n; i++) {
		const struct screen *sc = &dk->s[i];
		int n = lint_screen_rows(sc);
		if (n > LINT_TEXT_ROWS)
			diags_add(d, sc->file, sc->line, 1,
				  "screen '%s' does not fit an %dx%d screen: its text needs %d rows, %d are free",
				  sc->id, DECK_COLS, DECK_ROWS, n, LINT_TEXT_ROWS);
		if (rows(sc->help, LINT_TEXT_COLS) > LINT_TEXT_ROWS ||
		    rows(sc->why, LINT_TEXT_COLS) > LINT_TEXT_ROWS)
			diags_add(d, sc->file, sc->line, 1,
				  "screen '%s': 'Help:' or 'Why:' is longer than %d rows at %d columns",
				  sc->id, LINT_TEXT_ROWS, LINT_TEXT_COLS);
	}
}

void lint_deck(const struct deck *dk, struct diags *d)
{
	check_reachable(dk, d);
	if (check_cycles(dk, d))
		check_summary_reached(dk, d);
	check_fit(dk, d);
}
