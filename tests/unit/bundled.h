/* The bundled deck (screens/), loaded once per test group: use
 * cmocka_run_group_tests_name(..., bundled_setup, bundled_teardown) and the
 * global `deck`. Tests run from the top of the tree. */
#ifndef TIPSCREEN_BUNDLED_H
#define TIPSCREEN_BUNDLED_H

#include "testutil.h"

#include "domain/deck.h"
#include "domain/lint.h"

static struct deck *deck;

static int bundled_setup(void **st)
{
	utf8_locale(st);
	struct diags d = { 0 };
	deck = deck_load("screens", &d);
	if (!deck)
		diags_print(&d, stderr);
	diags_free(&d);
	return deck ? 0 : -1;
}

static int bundled_teardown(void **st)
{
	(void)st;
	deck_free(deck);
	return 0;
}

#endif
