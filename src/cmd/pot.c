/* pot: the deck's translatable texts as a gettext PO template, for
 * `make pot` (which adds the program's own strings with xgettext). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/deck.h"
#include "domain/vocab.h"
#include "train/scenario.h"
#include "cmd/cmd.h"

/* s as PO string lines: "…" with escapes, broken after each \n. */
static void po_string(FILE *out, const char *kw, const char *s)
{
	bool multi = strchr(s, '\n') && s[strcspn(s, "\n") + 1];
	fprintf(out, "%s \"", kw);
	if (multi)
		fputs("\"\n\"", out);
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\t': fputs("\\t", out); break;
		case '\n': fputs(p[1] ? "\\n\"\n\"" : "\\n", out); break;
		default: fputc(*p, out);
		}
	}
	fputs("\"\n", out);
}

struct pot {
	FILE *out;
	char **seen;	/* "ctx\004text" of every entry written */
	size_t n;
};

static void pot_entry(void *arg, const char *ctx, const char *text, const char *file, int line)
{
	struct pot *p = arg;
	char *key = xasprintf("%s\004%s", ctx ? ctx : "", text);
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->seen[i], key) == 0) {
			free(key);
			return;
		}
	p->seen = xrealloc(p->seen, (p->n + 1) * sizeof *p->seen);
	p->seen[p->n++] = key;
	fprintf(p->out, "\n#: %s:%d\n", file, line);
	if (ctx)
		po_string(p->out, "msgctxt", ctx);
	po_string(p->out, "msgid", text);
	fputs("msgstr \"\"\n", p->out);
}

/* The training scenarios' texts: the context is the scenario id. */
static void pot_scenarios(const char *dir, const struct deck *dk, struct pot *p)
{
	struct scenario *v;
	size_t n;
	if (cmd_load_scenarios(dir, NULL, dk, &v, &n) == EXIT_OK && n)
		fputs("\n# The training scenarios' texts: the context is the scenario id.\n", p->out);
	for (size_t i = 0; i < n; i++)
		scenario_each_text(&v[i], pot_entry, p);
	scenario_list_free(v, n);
}

int cmd_pot(const struct cmd_ctx *c, const char *dir)
{
	struct deck *dk = cmd_load_deck(dir ? dir : c->deck);
	if (!dk)
		return EXIT_INPUT;
	struct pot p = { stdout, NULL, 0 };
	fputs("# The deck's texts: the context is the screen or item id (none for the\n"
	      "# sections' titles and steps, words of the interface).\n"
	      "msgid \"\"\nmsgstr \"\"\n"
	      "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	      "\"Content-Transfer-Encoding: 8bit\\n\"\n", p.out);
	deck_each_text(dk, pot_entry, &p);
	fputs("\n# The words of the law the summary highlights: give them as the\n"
	      "# Protocol's text in your language has them (screens/law/).\n", p.out);
	for (int i = 0; i < IND_COUNT; i++)
		if (indicator_words(i))
			pot_entry(&p, "law", indicator_words(i), "src/domain/vocab.h", 0);
	pot_scenarios(dir ? dir : c->deck, dk, &p);
	for (size_t i = 0; i < p.n; i++)
		free(p.seen[i]);
	free(p.seen);
	deck_free(dk);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
}
