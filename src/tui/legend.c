#include "tui/legend.h"

#include <stdlib.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "domain/catalog.h"
#include "tui/keys.h"

/* A legend's item: a key and its word ("^X hide"). */
static char *legend_item(const struct legend_at *p, enum action a, bool text, enum view_place at)
{
	/* Right to left, a left-to-right mark keeps "^X" from showing as "X^". */
	return xasprintf("%s%s %s", p->rtl ? "\u200e" : "", keys_key(a, text),
			 C_("legend", view_action_word(at, a)));
}

/* Adds item to the legend s when it fits in width (taking it): true if so. */
static bool legend_add(char **s, char *item, int width)
{
	bool fits = text_width(*s) + text_width(item) + 2 <= width;
	if (fits) {
		char *t = xasprintf("%s%s%s", *s, **s ? "  " : "", item);
		free(*s);
		*s = t;
	}
	free(item);
	return fits;
}

/* The legend when every action up to the answer words fits with its word;
 * NULL when a terminal is too narrow for that. */
static char *legend_wide(const struct legend_at *p, const enum action *list, int n, bool text,
			 enum view_place at)
{
	char *s = xstrdup("");
	int needed = 0;	/* the actions that must show: up to the last answer word */
	for (int i = 0; i < n; i++)
		if (i < 4 || view_action_is_answer(list[i]) || list[i] == ACT_REVIEW)
			needed = i + 1;
	for (int i = 0; i < n; i++)
		if (!legend_add(&s, legend_item(p, list[i], text, at), p->width) && i < needed) {
			free(s);
			return NULL;
		}
	return s;
}

/* The legend of a narrow terminal: the safety keys first, the answer keys
 * without their words ("y n d x"), then what else fits. */
static char *legend_narrow(const struct legend_at *p, const enum action *list, int n, bool text,
			   enum view_place at)
{
	char *s = xstrdup(""), *answers = xstrdup("");
	for (int i = 0; i < n; i++)
		if (view_action_is_answer(list[i]) && !text) {
			char *t = xasprintf("%s%s%s", answers, *answers ? " " : "", keys_key(list[i], text));
			free(answers);
			answers = t;
		}
	static const enum action first[] = { ACT_HIDE, ACT_STOP, ACT_REVIEW };
	for (size_t k = 0; k < sizeof first / sizeof first[0]; k++)
		for (int i = 0; i < n; i++)
			if (list[i] == first[k])
				legend_add(&s, legend_item(p, list[i], text, at), p->width);
	if (*answers)
		legend_add(&s, xstrdup(answers), p->width);
	free(answers);
	for (int i = 0; i < n; i++) {
		bool done = list[i] == ACT_HIDE || list[i] == ACT_STOP || list[i] == ACT_REVIEW ||
			    (view_action_is_answer(list[i]) && !text);
		if (!done)
			legend_add(&s, legend_item(p, list[i], text, at), p->width);
	}
	return s;
}

char *legend_text(const struct legend_at *p, const enum action *list, int n, bool text,
		  enum view_place at)
{
	char *s = legend_wide(p, list, n, text, at);
	return s ? s : legend_narrow(p, list, n, text, at);
}
