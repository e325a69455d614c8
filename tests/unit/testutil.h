/* Helpers shared by the unit tests: cmocka's headers in the order it needs,
 * temporary decks, and a diagnostics matcher. Header-only, static. */
#ifndef TIPSCREEN_TESTUTIL_H
#define TIPSCREEN_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"

/* A new temporary directory holding the given files (name, text, …, NULL);
 * caller removes it with rm_tree and frees the path. */
static inline char *make_dir(const char *name, ...)
{
	char tmpl[] = "/tmp/tipscreen-test-XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	dir = strdup(dir);
	va_list ap;
	va_start(ap, name);
	for (const char *n = name; n; n = va_arg(ap, const char *)) {
		const char *text = va_arg(ap, const char *);
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, n);
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fputs(text, f);
		fclose(f);
	}
	va_end(ap);
	return dir;
}

static inline void rm_tree(char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue;
			char path[512];
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
	free(dir);
}

/* A directory of the test's own for the case store's counter files (the
 * generation kept outside it): XDG_STATE_HOME points there until
 * state_home_remove. */
static inline char *state_home(void)
{
	char *dir = make_dir(NULL);
	setenv("XDG_STATE_HOME", dir, 1);
	return dir;
}

static inline void state_home_remove(char *dir)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	free(dir);
}

/* The diagnostics printed as text, in a new string. */
static inline char *diags_text(const struct diags *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diags_print(d, f);
	fclose(f);
	return buf;
}

/* Asserts that some diagnostic line contains want. */
#define assert_diag(d, want) do { \
		char *t_ = diags_text(d); \
		if (!strstr(t_, want)) \
			fail_msg("no diagnostic contains \"%s\"; got:\n%s", want, t_); \
		free(t_); \
	} while (0)

static inline int utf8_locale(void **state)
{
	(void)state;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "C.utf8");
	return 0;
}

#endif
