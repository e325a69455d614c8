/* legend: a page's key legend line (page.h), from the view's actions
 * (view_actions) and the key table (keys.h), without curses. Split from
 * page.c, which puts it on the page. */
#ifndef TIPSCREEN_LEGEND_H
#define TIPSCREEN_LEGEND_H

#include <stdbool.h>

#include "app/actions.h"
#include "app/view.h"
/* Where a legend goes: the terminal's width, and whether the page is
 * right to left (a left-to-right mark then keeps "^X" from showing as
 * "X^"). */
struct legend_at {
	int width;
	bool rtl;
};

/* The key and word of each of the n actions of list, as many as fit in
 * p->width; in a text field (text) the keys that work there; the words as
 * at says them (view_action_word). Hide and stop show at every width: a
 * narrow legend gives them the first places and shows the answer keys
 * without their words, so that they stay in sight too. A new string. */
char *legend_text(const struct legend_at *p, const enum action *list, int n, bool text,
		  enum view_place at);

#endif
