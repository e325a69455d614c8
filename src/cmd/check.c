#include <stdio.h>

#include "../core/deck.h"
#include "cmd.h"

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

int cmd_check(const struct options *o, const char *dir)
{
	struct deck *dk = cmd_load_deck(dir ? dir : o->deck);
	if (!dk)
		return EXIT_INPUT;
	size_t items = 0;
	for (size_t i = 0; i < dk->n; i++)
		items += dk->s[i].nitems;
	printf("%s: %zu screens in %zu files, %zu answers (%zu checklist items): ok\n",
	       dir ? dir : o->deck, dk->n, dk->nfiles, dk->nslots, items);
	deck_free(dk);
	return EXIT_OK;
}
