#include <stdio.h>

#include "../core/deck.h"
#include "cmd.h"

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

/* The state machine as Graphviz DOT: one node per screen, one edge per
 * `Next:`, labelled with its condition. */
int cmd_graph(const struct options *o)
{
	struct deck *dk = cmd_load_deck(o->deck);
	if (!dk)
		return EXIT_INPUT;
	puts("digraph tipscreen {\n  rankdir=TB;\n  node [shape=box, fontname=\"sans\"];");
	for (size_t i = 0; i < dk->n; i++) {
		const struct screen *sc = &dk->s[i];
		printf("  ");
		dot_id(sc->id);
		printf(" [label=\"%s\\n(%s)\"];\n", sc->id, deck_type_name(sc->type));
		for (size_t j = 0; j < sc->nnext; j++) {
			const struct transition *tr = &sc->next[j];
			printf("  ");
			dot_id(sc->id);
			printf(" -> ");
			dot_id(tr->to < 0 ? "end" : dk->s[tr->to].id);
			if (tr->cond) {
				printf(" [label=");
				dot_id(tr->cond);
				putchar(']');
			}
			puts(";");
		}
	}
	puts("}");
	deck_free(dk);
	return EXIT_OK;
}
