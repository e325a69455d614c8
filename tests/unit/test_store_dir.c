/* The case store's data directory and passphrase rules, through the public
 * API: the directory is made with its parents (0700), and refused when it
 * is not a directory, is a link or is open to other users; the default
 * path follows XDG; a passphrase is at least 8 characters, set once, and a
 * wrong one unlocks nothing; a locked store reads no case. */
#include "testutil.h"

#include <sys/stat.h>

#include "store/store.h"

struct dirs {
	char *root;	/* a new temporary directory */
	char *state;	/* XDG_STATE_HOME, for the store's counter */
	char path[600];
};

static int setup(void **st)
{
	struct dirs *d = calloc(1, sizeof *d);
	d->root = make_dir(NULL);
	d->state = state_home();
	*st = d;
	return 0;
}

static int teardown(void **st)
{
	struct dirs *d = *st;
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", d->root);
	assert_int_equal(system(cmd), 0);
	state_home_remove(d->state);
	free(d->root);
	free(d);
	return 0;
}

/* store_open on d->path must fail with an error containing want. */
static void refused(struct dirs *d, const char *want)
{
	struct store *s = NULL;
	char err[512] = "";
	assert_int_equal(store_open(d->path, &s, err, sizeof err), -1);
	assert_null(s);
	if (!strstr(err, want))
		fail_msg("error \"%s\" lacks \"%s\"", err, want);
}

static void test_missing_parents_are_made_0700(void **st)
{
	struct dirs *d = *st;
	snprintf(d->path, sizeof d->path, "%s/a/b/tipscreen", d->root);
	struct store *s;
	char err[512];
	assert_int_equal(store_open(d->path, &s, err, sizeof err), 0);
	store_close(s);
	const char *made[] = { "/a", "/a/b", "/a/b/tipscreen" };
	for (size_t i = 0; i < 3; i++) {
		char p[700];
		struct stat sb;
		snprintf(p, sizeof p, "%s%s", d->root, made[i]);
		assert_int_equal(stat(p, &sb), 0);
		assert_int_equal(sb.st_mode & 0777, 0700);
	}
}

static void test_a_file_is_not_a_data_directory(void **st)
{
	struct dirs *d = *st;
	snprintf(d->path, sizeof d->path, "%s/file", d->root);
	FILE *f = fopen(d->path, "w");
	assert_non_null(f);
	fclose(f);
	refused(d, "not a directory");
}

static void test_a_link_is_refused(void **st)
{
	struct dirs *d = *st;
	char real[700];
	snprintf(real, sizeof real, "%s/real", d->root);
	assert_int_equal(mkdir(real, 0700), 0);
	snprintf(d->path, sizeof d->path, "%s/link", d->root);
	assert_int_equal(symlink(real, d->path), 0);
	refused(d, "a link is refused");
}

static void test_a_directory_open_to_others_is_refused(void **st)
{
	struct dirs *d = *st;
	snprintf(d->path, sizeof d->path, "%s/open", d->root);
	assert_int_equal(mkdir(d->path, 0700), 0);
	assert_int_equal(chmod(d->path, 0755), 0);
	refused(d, "open to other users (mode 755)");
}

static void test_default_dir_follows_xdg_then_home(void **st)
{
	(void)st;
	setenv("XDG_DATA_HOME", "/x/data", 1);
	setenv("HOME", "/x/home", 1);
	char *p = store_default_dir();
	assert_string_equal(p, "/x/data/tipscreen");
	free(p);
	setenv("XDG_DATA_HOME", "relative", 1);	/* not absolute: ignored, per the spec */
	p = store_default_dir();
	assert_string_equal(p, "/x/home/.local/share/tipscreen");
	free(p);
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	assert_null(store_default_dir());
}

static void test_passphrase_rules(void **st)
{
	struct dirs *d = *st;
	snprintf(d->path, sizeof d->path, "%s/store", d->root);
	struct store *s;
	char err[512];
	assert_int_equal(store_open(d->path, &s, err, sizeof err), 0);
	assert_false(store_has_passphrase(s));
	/* no key rows yet: -2, not a wrong passphrase */
	assert_int_equal(store_unlock(s, "anything long", err, sizeof err), -2);
	assert_int_equal(store_set_passphrase(s, "short", err, sizeof err), -1);
	assert_non_null(strstr(err, "at least 8 characters"));
	assert_int_equal(store_set_passphrase(s, "correct horse", err, sizeof err), 0);
	assert_true(store_has_passphrase(s));
	assert_int_equal(store_set_passphrase(s, "another one", err, sizeof err), -1);
	assert_non_null(strstr(err, "already has a passphrase"));
	store_close(s);
	assert_int_equal(store_open(d->path, &s, err, sizeof err), 0);
	assert_int_equal(store_unlock(s, "wrong horse", err, sizeof err), -1);
	assert_int_equal(store_append(s, "0123456789abcdef", "x", err, sizeof err), -1);
	assert_non_null(strstr(err, "locked"));
	assert_int_equal(store_unlock(s, "correct horse", err, sizeof err), 0);
	store_close(s);
}

/* A store whose rollback counter cannot be kept says so in its notice,
 * and still works. */
static void counter_refused(struct dirs *d, const char *want)
{
	snprintf(d->path, sizeof d->path, "%s/store", d->root);
	struct store *s;
	char err[512];
	assert_int_equal(store_open(d->path, &s, err, sizeof err), 0);
	assert_int_equal(store_set_passphrase(s, "correct horse", err, sizeof err), 0);
	char *notice = store_notice(s);
	if (!notice || !strstr(notice, want))
		fail_msg("notice \"%s\" lacks \"%s\"", notice ? notice : "(none)", want);
	assert_non_null(strstr(notice, "a rollback of this store to an older copy cannot be detected"));
	free(notice);
	store_close(s);
}

static void test_a_state_directory_that_cannot_be_made_is_a_notice(void **st)
{
	struct dirs *d = *st;
	char file[700];
	snprintf(file, sizeof file, "%s/file", d->root);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	setenv("XDG_STATE_HOME", file, 1);
	counter_refused(d, "cannot create the state directory");
}

static void test_no_state_directory_without_home_is_a_notice(void **st)
{
	struct dirs *d = *st;
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	counter_refused(d, "no state directory (HOME is not set)");
}

int main(void)
{
	const struct CMUnitTest t[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_missing_parents_are_made_0700),
		T(test_a_file_is_not_a_data_directory),
		T(test_a_link_is_refused),
		T(test_a_directory_open_to_others_is_refused),
		T(test_default_dir_follows_xdg_then_home),
		T(test_passphrase_rules),
		T(test_a_state_directory_that_cannot_be_made_is_a_notice),
		T(test_no_state_directory_without_home_is_a_notice),
#undef T
	};
	return cmocka_run_group_tests(t, NULL, NULL);
}
