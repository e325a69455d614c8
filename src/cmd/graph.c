#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "domain/deck.h"
#include "domain/interview.h"
#include "train/scenario.h"
#include "cmd/cmd.h"

static void dot_id(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s == '\n' ? ' ' : *s);
	}
	putchar('"');
}

/* --path ID: the screens of the scenario's expert path (on[screen]) and
 * the screen that follows each on it (next[screen], -1 for none). An exit
 * code. */
static int scenario_path(const struct cmd_ctx *c, const char *id, const struct deck *dk, bool *on,
			 int *next)
{
	struct scenario *v;
	size_t n;
	int rc = cmd_load_scenarios(c->deck, NULL, dk, &v, &n);
	const struct scenario *s = rc == EXIT_OK ? scenario_find(v, n, id) : NULL;
	if (rc == EXIT_OK && !s) {
		fprintf(stderr, "tipscreen: no scenario '%s' in %s/scenarios\n", id, c->deck);
		rc = EXIT_INPUT;
	}
	if (s) {
		struct interview *iv;
		struct assessment a;
		const char *why;
		scenario_expert(s, dk, &iv, &a, &why);
		size_t len, pos;
		const int *path = interview_path(iv, &len, &pos);
		for (size_t i = 0; i < len; i++) {
			on[path[i]] = true;
			next[path[i]] = i + 1 < len ? path[i + 1] : -1;
		}
		interview_free(iv);
	}
	scenario_list_free(v, n);
	return rc;
}

/* The state machine as Graphviz DOT: one node per screen, one edge per
 * `Next:`, labelled with its condition; with --path ID, the scenario's
 * path drawn bold and filled. */
int cmd_graph(const struct cmd_ctx *c, const char *scenario)
{
	struct deck *dk = cmd_load_deck(c->deck);
	if (!dk)
		return EXIT_INPUT;
	bool *on = xcalloc(dk->n, sizeof *on);
	int *next = xcalloc(dk->n, sizeof *next);
	int rc = scenario ? scenario_path(c, scenario, dk, on, next) : EXIT_OK;
	if (rc != EXIT_OK) {
		free(on);
		free(next);
		deck_free(dk);
		return rc;
	}
	puts("digraph tipscreen {\n  rankdir=TB;\n  node [shape=box, fontname=\"sans\"];");
	for (size_t i = 0; i < dk->n; i++) {
		const struct screen *sc = &dk->s[i];
		printf("  ");
		dot_id(sc->id);
		printf(" [label=\"%s\\n(%s)\"%s];\n", sc->id, deck_type_name(sc->type),
		       on[i] ? ", style=\"filled,bold\", fillcolor=\"#ffd27f\"" : "");
		bool taken = false;	/* the first transition to the next screen */
		for (size_t j = 0; j < sc->nnext; j++) {
			const struct transition *tr = &sc->next[j];
			bool path = on[i] && !taken && tr->to >= 0 && tr->to == next[i];
			taken = taken || path;
			printf("  ");
			dot_id(sc->id);
			printf(" -> ");
			dot_id(tr->to < 0 ? "end" : dk->s[tr->to].id);
			if (tr->cond || path) {
				printf(" [");
				if (tr->cond) {
					printf("label=");
					dot_id(tr->cond);
				}
				if (path)
					printf("%scolor=\"#d95f02\", penwidth=3", tr->cond ? ", " : "");
				putchar(']');
			}
			puts(";");
		}
	}
	puts("}");
	free(on);
	free(next);
	deck_free(dk);
	return EXIT_OK;
}
