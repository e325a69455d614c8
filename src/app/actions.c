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
const char *action_line(enum action a) { return table[a].line; }

enum action action_of_line(const char *s)
{
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
