/* version: `tipscreen --version`, the program's version and the identity of
 * the deck it would run (the bundled one, or --deck's), so that a case, a
 * bug report or an installed copy can be matched to the exact deck. */
#include <stdio.h>

#include "domain/deck.h"
#include "cmd/cmd.h"

int cmd_version(const struct cmd_ctx *c, const char *version)
{
	fprintf(c->out, "tipscreen %s\n", version);
	struct deck *dk = cmd_load_deck(c->deck);
	if (!dk)
		return EXIT_INPUT;
	fprintf(c->out, "deck %s: %zu screens, identity %s\n", c->deck, dk->n, dk->identity);
	deck_free(dk);
	return EXIT_OK;
}
