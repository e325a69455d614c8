/* Helpers shared by the unit tests: cmocka's headers in the order it needs,
 * the sandbox every test binary runs in, temporary decks, and a diagnostics
 * matcher. Header-only, static. */
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
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"

/* Every unit test binary runs in a sandbox of its own, made before main: a
 * new directory under $TMPDIR (or /tmp) holding the HOME, the XDG base
 * directories and the TMPDIR that the code under test and make_dir see. It
 * is removed when the process exits, after its tests passed or failed, so a
 * test never writes into the HOME of whoever runs it and leaves nothing
 * behind (a crash can leave it: tests/run.sh gives each binary a TMPDIR of
 * its own and removes that). */
static char testutil_root[1024], testutil_state[1100];
static pid_t testutil_pid;

/* Removes path and everything under it, giving back to each directory the
 * permissions a test may have taken away. */
static inline void remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	chmod(path, 0700);
	DIR *d = opendir(path);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char sub[4096];
			if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) < (int)sizeof sub)
				remove_tree(sub);
		}
		closedir(d);
	}
	rmdir(path);
}

/* Only the process that made the sandbox removes it: a forked child that
 * calls exit must not pull it from under its parent. */
static void testutil_sandbox_remove(void)
{
	if (getpid() == testutil_pid)
		remove_tree(testutil_root);
}

static inline void testutil_setenv_under(const char *var, const char *sub)
{
	char path[1200];
	snprintf(path, sizeof path, "%s/%s", testutil_root, sub);
	setenv(var, path, 1);
}

__attribute__((constructor)) static void testutil_sandbox(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(testutil_root, sizeof testutil_root, "%s/tipscreen-unit-XXXXXX", t && *t ? t : "/tmp");
	char tmp[1100], home[1100];
	int made = mkdtemp(testutil_root) != NULL;
	snprintf(tmp, sizeof tmp, "%s/tmp", testutil_root);
	snprintf(home, sizeof home, "%s/home", testutil_root);
	if (!made || mkdir(tmp, 0700) != 0 || mkdir(home, 0700) != 0) {
		perror(testutil_root);
		exit(1);
	}
	testutil_pid = getpid();
	atexit(testutil_sandbox_remove);
	/* Set, not unset: an XDG variable of the caller's would lead out of HOME. */
	setenv("HOME", home, 1);
	testutil_setenv_under("XDG_CONFIG_HOME", "home/.config");
	testutil_setenv_under("XDG_DATA_HOME", "home/.local/share");
	testutil_setenv_under("XDG_STATE_HOME", "home/.local/state");
	testutil_setenv_under("XDG_CACHE_HOME", "home/.cache");
	setenv("TMPDIR", tmp, 1);
	snprintf(testutil_state, sizeof testutil_state, "%s", getenv("XDG_STATE_HOME"));
}

/* A new temporary directory (under TMPDIR, in the sandbox) holding the given
 * files (name, text, …, NULL); caller removes it with rm_tree and frees the
 * path. */
static inline char *make_dir(const char *name, ...)
{
	const char *t = getenv("TMPDIR");
	char tmpl[1100];
	snprintf(tmpl, sizeof tmpl, "%s/tipscreen-test-XXXXXX", t && *t ? t : "/tmp");
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	dir = strdup(dir);
	va_list ap;
	va_start(ap, name);
	for (const char *n = name; n; n = va_arg(ap, const char *)) {
		const char *text = va_arg(ap, const char *);
		char path[1200];
		snprintf(path, sizeof path, "%s/%s", dir, n);
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fputs(text, f);
		fclose(f);
	}
	va_end(ap);
	return dir;
}

/* Removes dir with everything in it and frees the path. */
static inline void rm_tree(char *dir)
{
	remove_tree(dir);
	free(dir);
}

/* A directory of the test's own for the case store's counter files (the
 * generation kept outside it): XDG_STATE_HOME points there until
 * state_home_remove, which points it back into the sandbox's HOME. */
static inline char *state_home(void)
{
	char *dir = make_dir(NULL);
	setenv("XDG_STATE_HOME", dir, 1);
	return dir;
}

static inline void state_home_remove(char *dir)
{
	rm_tree(dir);
	setenv("XDG_STATE_HOME", testutil_state, 1);
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
