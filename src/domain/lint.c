#include "domain/lint.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/suggest.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "domain/facts.h"

/* The graph checks walk with explicit stacks, never by recursion: a deck
 * of 100,000 screens in a row would run the C stack out. Each is one pass
 * over the screens and their transitions. */

/* Marks every screen reachable from `from` (which may be -1) in seen. */
static void reach(const struct deck *dk, int from, bool *seen, int *stack)
{
	size_t top = 0;
	if (from >= 0 && !seen[from]) {
		seen[from] = true;
		stack[top++] = from;
	}
	while (top > 0) {
		const struct screen *sc = &dk->s[stack[--top]];
		for (size_t j = 0; j < sc->nnext; j++) {
			int v = sc->next[j].to;
			if (v >= 0 && !seen[v]) {
				seen[v] = true;
				stack[top++] = v;
			}
		}
	}
}

/* Every screen is reached from the first, or is the stop screen, which the
 * global stop key reaches from any screen. */
static void check_reachable(const struct deck *dk, struct diags *d, int *stack)
{
	bool *seen = xcalloc(dk->n, sizeof *seen);
	reach(dk, dk->start, seen, stack);
	reach(dk, dk->stop, seen, stack);
	for (size_t i = 0; i < dk->n; i++)
		if (!seen[i])
			diags_add(d, dk->s[i].file, dk->s[i].line, 1,
				  "screen '%s' is unreachable: no 'Next:' leads to it from the first screen '%s'",
				  dk->s[i].id, dk->s[dk->start].id);
	free(seen);
}

/* The transitions backwards, as adjacency lists: the screens with a
 * 'Next:' to v are from[first[v] .. first[v + 1]). */
struct reverse {
	size_t *first;
	int *from;
};

static struct reverse reverse_edges(const struct deck *dk)
{
	struct reverse r = { xcalloc(dk->n + 1, sizeof *r.first), NULL };
	size_t edges = 0;
	for (size_t i = 0; i < dk->n; i++)
		for (size_t j = 0; j < dk->s[i].nnext; j++)
			if (dk->s[i].next[j].to >= 0) {
				r.first[dk->s[i].next[j].to + 1]++;
				edges++;
			}
	for (size_t v = 0; v < dk->n; v++)
		r.first[v + 1] += r.first[v];
	r.from = xmalloc((edges ? edges : 1) * sizeof *r.from);
	size_t *fill = xmalloc((dk->n + 1) * sizeof *fill);
	memcpy(fill, r.first, (dk->n + 1) * sizeof *fill);
	for (size_t i = 0; i < dk->n; i++)
		for (size_t j = 0; j < dk->s[i].nnext; j++)
			if (dk->s[i].next[j].to >= 0)
				r.from[fill[dk->s[i].next[j].to]++] = (int)i;
	free(fill);
	return r;
}

/* Marks the screens from which some path leads to target. */
static void reach_backwards(const struct deck *dk, int target, bool *seen, int *stack)
{
	struct reverse r = reverse_edges(dk);
	size_t top = 0;
	seen[target] = true;
	stack[top++] = target;
	while (top > 0) {
		int v = stack[--top];
		for (size_t k = r.first[v]; k < r.first[v + 1]; k++)
			if (!seen[r.from[k]]) {
				seen[r.from[k]] = true;
				stack[top++] = r.from[k];
			}
	}
	free(r.first);
	free(r.from);
}

/* The stop screen may skip the summary, but only to screens after it (the
 * referral and the close): a summary on screen in front of a controller is
 * a danger (DESIGN §5), and the stopped interview still gets its close. */
static bool stop_goes_past_summary(const struct deck *dk, int s, const bool *after)
{
	if (s != dk->stop)
		return false;
	for (size_t j = 0; j < dk->s[s].nnext; j++)
		if (dk->s[s].next[j].to == DECK_END || !after[dk->s[s].next[j].to])
			return false;
	return true;
}

static void check_summary_reached(const struct deck *dk, struct diags *d, int *stack)
{
	bool *after = xcalloc(dk->n, sizeof *after);
	bool *leads = xcalloc(dk->n, sizeof *leads);
	reach(dk, dk->summary, after, stack);
	reach_backwards(dk, dk->summary, leads, stack);
	for (size_t i = 0; i < dk->n; i++) {
		const struct screen *sc = &dk->s[i];
		if (after[i] || stop_goes_past_summary(dk, (int)i, after))
			continue;
		if (!leads[i])
			diags_add(d, sc->file, sc->line, 1, "no way from screen '%s' to the summary '%s'",
				  sc->id, dk->s[dk->summary].id);
		for (size_t j = 0; j < sc->nnext; j++)
			if (sc->next[j].to == DECK_END)
				diags_add(d, sc->file, sc->next[j].line, sc->next[j].col,
					  "'Next: end' skips the summary: only screens after '%s' may end the interview",
					  dk->s[dk->summary].id);
	}
	free(leads);
	free(after);
}

enum { WHITE, GREY, BLACK };

/* A depth-first walk for cycles: path[0 .. depth) is the current path,
 * edge[k] the next transition to try from path[k]. */
struct dfs {
	const struct deck *dk;
	char *colour;
	int *path;
	size_t *edge;
	size_t depth;
	struct diags *d;
};

static void report_cycle(struct dfs *s, const struct transition *tr, int to)
{
	size_t from = s->depth;
	while (from > 0 && s->path[from - 1] != to)
		from--;
	char *path = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&path, &len);
	for (size_t k = from - 1; out && k < s->depth; k++)
		fprintf(out, "%s → ", s->dk->s[s->path[k]].id);
	if (out)
		fclose(out);
	const struct screen *sc = &s->dk->s[s->path[s->depth - 1]];
	diags_add(s->d, sc->file, tr->line, tr->col, "cycle: %s%s", path ? path : "",
		  s->dk->s[to].id);
	free(path);
}

static void push(struct dfs *s, int u)
{
	s->colour[u] = GREY;
	s->path[s->depth] = u;
	s->edge[s->depth++] = 0;
}

static void dfs(struct dfs *s, int root)
{
	push(s, root);
	while (s->depth > 0) {
		int u = s->path[s->depth - 1];
		const struct screen *sc = &s->dk->s[u];
		size_t j = s->edge[s->depth - 1]++;
		if (j == sc->nnext) {
			s->colour[u] = BLACK;
			s->depth--;
			continue;
		}
		int v = sc->next[j].to;
		if (v < 0)
			continue;
		if (s->colour[v] == GREY)
			report_cycle(s, &sc->next[j], v);
		else if (s->colour[v] == WHITE)
			push(s, v);
	}
}

static bool check_cycles(const struct deck *dk, struct diags *d)
{
	size_t before = d->n;
	struct dfs s = { dk, xcalloc(dk->n, 1), xcalloc(dk->n, sizeof(int)),
			 xcalloc(dk->n, sizeof(size_t)), 0, d };
	for (size_t i = 0; i < dk->n; i++)
		if (s.colour[i] == WHITE)
			dfs(&s, (int)i);
	free(s.colour);
	free(s.path);
	free(s.edge);
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

/* Why screen sc may not give its declared fact, or NULL: a fact the deck
 * may declare is one the office reads from a screen (FACT_FROM_SCREEN),
 * once a case, so a single-choice screen gives it, and one screen only;
 * its choice codes are the values a bundle carries (printable ASCII). */
static const char *fact_problem(const struct deck *dk, size_t s, int f)
{
	const struct screen *sc = &dk->s[s];
	if (fact_source(f) != FACT_FROM_SCREEN)
		return "is computed by tipscreen, not given by a screen";
	if (!deck_type_rules(sc->type)->gives_fact)
		return "takes one choice: give it on a single-choice screen";
	for (size_t c = 0; c < sc->nchoices; c++)
		for (const char *p = sc->choices[c].code; *p; p++)
			if (*p < 0x21 || *p > 0x7E)
				return "is counted by its choices' codes: write them in printable ASCII";
	for (size_t i = 0; i < s; i++)
		if (dk->s[i].fact && strcmp(dk->s[i].fact, sc->fact) == 0)
			return "is given by an earlier screen already";
	return NULL;
}

/* Every "Fact:" names a fact of domain/facts.h a screen may give. */
static void check_facts(const struct deck *dk, struct diags *d)
{
	const char *names[FACT_COUNT];
	for (int f = 0; f < FACT_COUNT; f++)
		names[f] = fact_name(f);
	for (size_t s = 0; s < dk->n; s++) {
		const struct screen *sc = &dk->s[s];
		if (!sc->fact)
			continue;
		int f = fact_find(sc->fact);
		const char *near = f < 0 ? suggest_nearest(sc->fact, names, FACT_COUNT) : NULL;
		const char *why = f >= 0 ? fact_problem(dk, s, f) : NULL;
		if (f < 0)
			diags_add(d, sc->file, sc->line, 1, "screen '%s': 'Fact: %s' is not a fact the "
				  "office counts%s%s%s", sc->id, sc->fact, near ? " (did you mean '" : "",
				  near ? near : "", near ? "'?)" : "");
		else if (why)
			diags_add(d, sc->file, sc->line, 1, "screen '%s': the fact '%s' %s", sc->id,
				  sc->fact, why);
	}
}

/* ---- the words: what the summary says, and the word it never uses ---- */

/* Whether text holds word (ASCII letters, any case) as a whole word, or,
 * with prefix, as the start of a word ("victim" in "victims"). */
static bool has_word(const char *text, const char *word, bool prefix)
{
	size_t n = strlen(word);
	for (const char *p = text; *p; p++) {
		if (strncasecmp(p, word, n) != 0)
			continue;
		bool start = p == text || !isalpha((unsigned char)p[-1]);
		bool end = prefix || !isalpha((unsigned char)p[n]);
		if (start && end)
			return true;
	}
	return false;
}

/* Why a text the summary shows may not stand there, or NULL: the summary
 * speaks of the person in statements, never with the question read to
 * them (DESIGN §5 v3). */
static const char *statement_problem(const char *text)
{
	static const char *const second[] = { "you", "your", "yours", "yourself" };
	if (strchr(text, '?'))
		return "is a question";
	for (size_t i = 0; i < sizeof second / sizeof *second; i++)
		if (has_word(text, second[i], false))
			return "speaks to the person ('you')";
	return NULL;
}

static void check_statement(struct diags *d, const char *file, int line, const char *id,
			    const char *text)
{
	const char *why = statement_problem(text);
	if (why)
		diags_add(d, file, line, 1, "'%s': what the summary says of it %s: write a "
			  "'Statement:' in the third person (\"The person ...\")", id, why);
}

/* One text of the deck: "victim" is in no question, label or statement
 * (DESIGN §5; the law is quoted from the law files, not from the deck). */
static void check_victim(void *arg, const char *ctx, const char *text, const char *file, int line)
{
	if (has_word(text, "victim", true))
		diags_add(arg, file, line, 1, "'%s': the word 'victim' is in no question, label or "
			  "statement: say \"the person\"", ctx ? ctx : text);
}

/* Every slot the summary can show (one that indicates) says a statement. */
static void check_statements(const struct deck *dk, struct diags *d)
{
	for (size_t i = 0; i < dk->n; i++) {
		const struct screen *sc = &dk->s[i];
		if (sc->indicator >= 0 && !sc->statement)
			diags_add(d, sc->file, sc->line, 1, "screen '%s' indicates %s, so the summary "
				  "shows it: it needs a 'Statement:' (what it says, in the third person)",
				  sc->id, indicator_id(sc->indicator));
		else if (sc->slot >= 0 && sc->indicator >= 0)
			check_statement(d, sc->file, sc->line, sc->id, deck_slot_statement(dk, sc->slot));
		else if (sc->statement)
			check_statement(d, sc->file, sc->line, sc->id, sc->statement);
		for (size_t j = 0; j < sc->nitems; j++)
			if (sc->items[j].indicator >= 0 || sc->items[j].statement)
				check_statement(d, sc->file, sc->items[j].line, sc->items[j].id,
						deck_slot_statement(dk, sc->items[j].slot));
	}
	deck_each_text(dk, check_victim, d);
}

void lint_indicators(const struct deck *dk, struct diags *d)
{
	bool set[IND_COUNT] = { false };
	for (size_t i = 0; i < dk->n; i++) {
		const struct screen *sc = &dk->s[i];
		if (sc->indicator >= 0)
			set[sc->indicator] = true;
		for (size_t j = 0; j < sc->nitems; j++)
			if (sc->items[j].indicator >= 0)
				set[sc->items[j].indicator] = true;
	}
	bool any = false;
	for (int k = 0; k < IND_COUNT; k++)
		any = any || set[k];
	for (int k = 0; k < IND_COUNT && any; k++)	/* a deck that records none is no questionnaire */
		if (!set[k])
			diags_add(d, dk->files[0], 0, 0, "the indicator %s is set by no screen or item: "
				  "no interview can record it", indicator_id(k));
}

void lint_deck(const struct deck *dk, struct diags *d)
{
	int *stack = xmalloc((dk->n ? dk->n : 1) * sizeof *stack);	/* each screen pushed once */
	check_reachable(dk, d, stack);
	if (check_cycles(dk, d))
		check_summary_reached(dk, d, stack);
	check_fit(dk, d);
	check_facts(dk, d);
	check_statements(dk, d);
	free(stack);
}

struct deck *deck_load(const char *dir, struct diags *d)
{
	size_t before = d->n;
	struct deck *dk = deck_parse(dir, d);
	if (dk)
		lint_deck(dk, d);
	if (d->n > before) {
		deck_free(dk);
		return NULL;
	}
	return dk;
}
