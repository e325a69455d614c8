#include "app/actions.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/catalog.h"

static const struct {
	const char *help, *word, *line;
} table[ACT_COUNT] = {
#define X_ROW(e, help, legend, line) [ACT_##e] = { help, legend, line },
	ACTION_TABLE(X_ROW)
#undef X_ROW
};

const char *action_help(enum action a) { return table[a].help; }
const char *action_word(enum action a) { return table[a].word; }

/* The line mode's key for yes in the interface language: the first letter
 * of its word for yes ("o" for oui, "s" for sí), so that a screen reader
 * never says "y" ("i" in French and Spanish) beside the intended key "i".
 * A translation that is not one lowercase letter, or that another key
 * already takes, is not used: "y" then. */
static const char *yes_key(void)
{
	/* TRANSLATORS: the line mode's key for yes: the first letter of your
	 * language's word for yes, lowercase, and none of n d x i. */
	const char *k = C_("line key", "y");
	if (strlen(k) != 1 || k[0] < 'a' || k[0] > 'z')
		return "y";
	for (int a = 0; a < ACT_COUNT; a++)
		if (a != ACT_YES && table[a].line && strcmp(table[a].line, k) == 0)
			return "y";
	return k;
}

const char *action_line(enum action a)
{
	return a == ACT_YES ? yes_key() : table[a].line;
}

enum action action_of_line(const char *s)
{
	if (strcmp(s, yes_key()) == 0 || strcmp(s, "y") == 0)
		return ACT_YES;	/* "y" in every language, for scripts */
	for (int a = 0; a < ACT_COUNT; a++)
		if (table[a].line && strcmp(table[a].line, s) == 0)
			return (enum action)a;
	return ACT_NONE;
}

char *action_list(const enum action *acts, size_t n, const char *(*key)(enum action))
{
	char *s = xstrdup("");
	for (size_t i = 0; i < n; i++) {
		char *t = xasprintf("%s%s%s %s", s, i ? ", " : "", key(acts[i]),
				    C_("legend", table[acts[i]].word));
		free(s);
		s = t;
	}
	return s;
}
