/* The file plumbing of base/fsx.h and base/codec.h: the one writer's two
 * modes (new never goes over anything, replace only over a regular file),
 * the modes of what it writes, no temporary file left after a failure;
 * mkdir -p; the XDG lookup with and without its variables; and the u64
 * and length-prefixed codecs, which refuse truncated input. Everything is
 * written under the test's own mkdtemp directory (in $TMPDIR), which each
 * test removes. */
#include "testutil.h"

#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "base/codec.h"
#include "base/fsx.h"

struct tmp {
	char dir[512];
	char path[600];
	char err[256];
};

static int setup(void **st)
{
	struct tmp *t = calloc(1, sizeof *t);
	const char *base = getenv("TMPDIR");
	snprintf(t->dir, sizeof t->dir, "%s/tipscreen-fsx-XXXXXX", base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/file", t->dir);
	*st = t;
	return 0;
}

static int teardown(void **st)
{
	struct tmp *t = *st;
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
	assert_int_equal(system(cmd), 0);
	free(t);
	return 0;
}

/* The number of entries in dir, . and .. aside. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static char *contents(const char *path)
{
	size_t len;
	char err[64];
	char *s = fsx_slurp(path, 1 << 16, &len, err, sizeof err);
	assert_non_null(s);
	return s;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_new_writes_a_file_with_the_mode_asked(void **st)
{
	struct tmp *t = *st;
	umask(022);
	assert_int_equal(fsx_write(t->path, "hello\n", 6, 0600, FSX_NEW, t->err, sizeof t->err), FSX_OK);
	struct stat sb;
	assert_int_equal(stat(t->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	char *s = contents(t->path);
	assert_string_equal(s, "hello\n");
	free(s);
	assert_int_equal(entries(t->dir), 1);
}

static void test_the_mode_is_exact_whatever_the_umask(void **st)
{
	struct tmp *t = *st;
	mode_t old = umask(077);
	assert_int_equal(fsx_write(t->path, "k", 1, 0644, FSX_NEW, t->err, sizeof t->err), FSX_OK);
	umask(old);
	struct stat sb;
	assert_int_equal(stat(t->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0644);
}

static void test_new_refuses_an_existing_file_and_leaves_it(void **st)
{
	struct tmp *t = *st;
	put(t->path, "before");
	assert_int_equal(fsx_write(t->path, "after", 5, 0600, FSX_NEW, t->err, sizeof t->err),
			 FSX_EXISTS);
	assert_string_equal(t->err, strerror(EEXIST));
	char *s = contents(t->path);
	assert_string_equal(s, "before");
	free(s);
	assert_int_equal(entries(t->dir), 1);
}

static void test_new_refuses_a_directory(void **st)
{
	struct tmp *t = *st;
	assert_int_equal(mkdir(t->path, 0700), 0);
	assert_int_equal(fsx_write(t->path, "x", 1, 0600, FSX_NEW, t->err, sizeof t->err), FSX_EXISTS);
	struct stat sb;
	assert_int_equal(lstat(t->path, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(entries(t->dir), 1);
}

static void test_new_refuses_a_fifo(void **st)
{
	struct tmp *t = *st;
	assert_int_equal(mkfifo(t->path, 0600), 0);
	assert_int_equal(fsx_write(t->path, "x", 1, 0600, FSX_NEW, t->err, sizeof t->err), FSX_EXISTS);
	struct stat sb;
	assert_int_equal(lstat(t->path, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	assert_int_equal(entries(t->dir), 1);
}

static void test_new_refuses_a_symbolic_link_even_to_nothing(void **st)
{
	struct tmp *t = *st;
	char target[700];
	snprintf(target, sizeof target, "%s/nowhere", t->dir);
	assert_int_equal(symlink(target, t->path), 0);
	assert_int_equal(fsx_write(t->path, "x", 1, 0600, FSX_NEW, t->err, sizeof t->err), FSX_EXISTS);
	assert_int_equal(access(target, F_OK), -1);
	assert_int_equal(entries(t->dir), 1);
}

/* As root, /dev is writable and a temporary file could be made there: the
 * write is still refused, but only a non-root run shows that nothing was
 * tried (the FIFO test covers the kind of file either way). */
static void test_new_refuses_dev_null(void **st)
{
	struct tmp *t = *st;
	assert_int_not_equal(fsx_write("/dev/null", "x", 1, 0600, FSX_NEW, t->err, sizeof t->err),
			     FSX_OK);
	struct stat sb;
	assert_int_equal(lstat("/dev/null", &sb), 0);
	assert_true(S_ISCHR(sb.st_mode));
}

static void test_replace_replaces_a_regular_file(void **st)
{
	struct tmp *t = *st;
	put(t->path, "before");
	assert_int_equal(chmod(t->path, 0644), 0);
	assert_int_equal(fsx_write(t->path, "after", 5, 0600, FSX_REPLACE, t->err, sizeof t->err),
			 FSX_OK);
	char *s = contents(t->path);
	assert_string_equal(s, "after");
	free(s);
	struct stat sb;
	assert_int_equal(stat(t->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(entries(t->dir), 1);
}

static void test_replace_writes_where_nothing_is(void **st)
{
	struct tmp *t = *st;
	assert_int_equal(fsx_write(t->path, "a", 1, 0600, FSX_REPLACE, t->err, sizeof t->err), FSX_OK);
	assert_int_equal(entries(t->dir), 1);
}

static void test_replace_refuses_a_directory(void **st)
{
	struct tmp *t = *st;
	assert_int_equal(mkdir(t->path, 0700), 0);
	assert_int_equal(fsx_write(t->path, "x", 1, 0600, FSX_REPLACE, t->err, sizeof t->err),
			 FSX_FAIL);
	assert_non_null(strstr(t->err, "not a regular file"));
	struct stat sb;
	assert_int_equal(lstat(t->path, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(entries(t->dir), 1);
}

static void test_replace_refuses_a_fifo(void **st)
{
	struct tmp *t = *st;
	assert_int_equal(mkfifo(t->path, 0600), 0);
	assert_int_equal(fsx_write(t->path, "x", 1, 0600, FSX_REPLACE, t->err, sizeof t->err),
			 FSX_FAIL);
	assert_non_null(strstr(t->err, "not a regular file"));
	struct stat sb;
	assert_int_equal(lstat(t->path, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	assert_int_equal(entries(t->dir), 1);
}

static void test_replace_refuses_a_symbolic_link_and_its_target_is_untouched(void **st)
{
	struct tmp *t = *st;
	char target[700];
	snprintf(target, sizeof target, "%s/target", t->dir);
	put(target, "kept");
	assert_int_equal(symlink(target, t->path), 0);
	assert_int_equal(fsx_write(t->path, "x", 1, 0600, FSX_REPLACE, t->err, sizeof t->err),
			 FSX_FAIL);
	char *s = contents(target);
	assert_string_equal(s, "kept");
	free(s);
	assert_int_equal(entries(t->dir), 2);
}

static void test_replace_refuses_dev_null(void **st)
{
	struct tmp *t = *st;
	assert_int_equal(fsx_write("/dev/null", "x", 1, 0600, FSX_REPLACE, t->err, sizeof t->err),
			 FSX_FAIL);
	struct stat sb;
	assert_int_equal(lstat("/dev/null", &sb), 0);
	assert_true(S_ISCHR(sb.st_mode));
}

/* A directory that cannot be written (not as root, who writes anyway):
 * the failure is told and nothing is left in it. */
static void test_a_failure_leaves_no_temporary_file(void **st)
{
	struct tmp *t = *st;
	char sub[700], path[800];
	snprintf(sub, sizeof sub, "%s/ro", t->dir);
	snprintf(path, sizeof path, "%s/file", sub);
	assert_int_equal(mkdir(sub, 0500), 0);
	int rc = fsx_write(path, "x", 1, 0600, FSX_NEW, t->err, sizeof t->err);
	if (getuid() != 0) {
		assert_int_equal(rc, FSX_FAIL);
		assert_string_equal(t->err, strerror(EACCES));
		assert_int_equal(entries(sub), 0);
	}
	assert_int_equal(chmod(sub, 0700), 0);
	snprintf(path, sizeof path, "%s/missing/file", t->dir);
	assert_int_equal(fsx_write(path, "x", 1, 0600, FSX_REPLACE, t->err, sizeof t->err), FSX_FAIL);
	assert_string_equal(t->err, strerror(ENOENT));
	assert_int_equal(entries(t->dir), 1);
}

/* A write that fails after the temporary file was made (a file size limit
 * of 4 bytes, for this process only): the temporary file is removed. */
static void test_a_failed_write_removes_its_temporary_file(void **st)
{
	struct tmp *t = *st;
	struct rlimit old, small;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 4;
	void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	int rc = fsx_write(t->path, "more than four", 14, 0600, FSX_NEW, t->err, sizeof t->err);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, was);
	assert_int_equal(rc, FSX_FAIL);
	assert_string_equal(t->err, strerror(EFBIG));
	assert_int_equal(entries(t->dir), 0);
}

static void test_mkdir_p_makes_the_parents_0700(void **st)
{
	struct tmp *t = *st;
	char path[700];
	snprintf(path, sizeof path, "%s/a/b/c", t->dir);
	umask(022);
	assert_int_equal(fsx_mkdir_p(path, t->err, sizeof t->err), 0);
	assert_int_equal(fsx_mkdir_p(path, t->err, sizeof t->err), 0);
	const char *made[] = { "/a", "/a/b", "/a/b/c" };
	for (size_t i = 0; i < 3; i++) {
		char p[800];
		struct stat sb;
		snprintf(p, sizeof p, "%s%s", t->dir, made[i]);
		assert_int_equal(stat(p, &sb), 0);
		assert_true(S_ISDIR(sb.st_mode));
		assert_int_equal(sb.st_mode & 0777, 0700);
	}
}

static void test_mkdir_p_tells_why_it_failed(void **st)
{
	struct tmp *t = *st;
	char path[700];
	put(t->path, "a file");
	snprintf(path, sizeof path, "%s/under", t->path);
	assert_int_equal(fsx_mkdir_p(path, t->err, sizeof t->err), -1);
	assert_string_equal(t->err, strerror(ENOTDIR));
	assert_int_equal(fsx_mkdir_p("", t->err, sizeof t->err), -1);
}

static void test_xdg_follows_the_variables(void **st)
{
	struct tmp *t = *st;
	static const struct {
		enum fsx_xdg which;
		const char *var;
	} v[] = { { FSX_XDG_DATA, "XDG_DATA_HOME" }, { FSX_XDG_CONFIG, "XDG_CONFIG_HOME" },
		  { FSX_XDG_STATE, "XDG_STATE_HOME" } };
	for (size_t i = 0; i < 3; i++) {
		char want[700];
		setenv(v[i].var, t->dir, 1);
		snprintf(want, sizeof want, "%s/tipscreen", t->dir);
		char *got = fsx_xdg(v[i].which, "tipscreen");
		assert_string_equal(got, want);
		free(got);
		unsetenv(v[i].var);
	}
}

static void test_xdg_falls_back_to_home(void **st)
{
	struct tmp *t = *st;
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("HOME", t->dir, 1);
	unsetenv("XDG_DATA_HOME");
	unsetenv("XDG_CONFIG_HOME");
	setenv("XDG_STATE_HOME", "relative/is/ignored", 1);
	static const struct {
		enum fsx_xdg which;
		const char *base;
	} v[] = { { FSX_XDG_DATA, ".local/share" }, { FSX_XDG_CONFIG, ".config" },
		  { FSX_XDG_STATE, ".local/state" } };
	for (size_t i = 0; i < 3; i++) {
		char want[700];
		snprintf(want, sizeof want, "%s/%s/x/y", t->dir, v[i].base);
		char *got = fsx_xdg(v[i].which, "x/y");
		assert_string_equal(got, want);
		free(got);
	}
	unsetenv("HOME");
	assert_null(fsx_xdg(FSX_XDG_DATA, "x"));
	unsetenv("XDG_STATE_HOME");
	if (home)
		setenv("HOME", home, 1);
	free(home);
}

static void test_u64_round_trips_little_endian(void **st)
{
	(void)st;
	unsigned char b[8];
	codec_put_u64(b, 0x0102030405060708ULL);
	assert_int_equal(b[0], 8);
	assert_int_equal(b[7], 1);
	assert_true(codec_get_u64(b) == 0x0102030405060708ULL);
	codec_put_u64(b, UINT64_MAX);
	assert_true(codec_get_u64(b) == UINT64_MAX);
}

static void test_field_round_trips_any_bytes(void **st)
{
	(void)st;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	codec_field_put(f, "old", "two\nlines:\n", 11);
	codec_field_put(f, "new", "", 0);
	fclose(f);
	assert_string_equal(buf, "old 11:two\nlines:\n\nnew 0:\n");
	const char *p = buf, *s;
	size_t n;
	assert_int_equal(codec_field_take(&p, buf + len, "old", &s, &n), 0);
	assert_int_equal(n, 11);
	assert_memory_equal(s, "two\nlines:\n", 11);
	assert_int_equal(codec_field_take(&p, buf + len, "new", &s, &n), 0);
	assert_int_equal(n, 0);
	assert_ptr_equal(p, buf + len);
	free(buf);
}

static void test_field_write_is_field_put_in_size_exact_memory(void **st)
{
	(void)st;
	static const size_t lens[] = { 0, 1, 9, 10, 11, 99, 100, 1000 };
	char bytes[1000];
	memset(bytes, 'x', sizeof bytes);
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		char *want = NULL;
		size_t wlen = 0;
		FILE *f = open_memstream(&want, &wlen);
		codec_field_put(f, "new-text", bytes, lens[i]);
		fclose(f);
		size_t size = codec_field_size("new-text", lens[i]);
		assert_int_equal(size, wlen);
		char *got = malloc(size);
		assert_ptr_equal(codec_field_write(got, "new-text", bytes, lens[i]), got + size);
		assert_memory_equal(got, want, size);
		free(got);
		free(want);
	}
}

static void test_field_refuses_truncated_or_wrong_input(void **st)
{
	(void)st;
	static const char *const bad[] = {
		"old 5:abcd\n",		/* one byte short */
		"old 5:abcde",		/* no line end */
		"old 5:abcdef\n",	/* no line end where the length says */
		"old :abc\n",		/* no length */
		"old -1:\n",		/* a sign */
		"old 3abc\n",		/* no colon */
		"old 1234567890123456789:x\n",	/* too many digits */
		"new 1:x\n",		/* another key */
		"old",			/* the key alone */
		"",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *p = bad[i], *s = NULL;
		size_t n;
		if (codec_field_take(&p, bad[i] + strlen(bad[i]), "old", &s, &n) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_ptr_equal(p, bad[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_writes_a_file_with_the_mode_asked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_mode_is_exact_whatever_the_umask, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_refuses_an_existing_file_and_leaves_it, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_refuses_a_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_refuses_a_fifo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_refuses_a_symbolic_link_even_to_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_refuses_dev_null, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_replaces_a_regular_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_writes_where_nothing_is, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_refuses_a_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_refuses_a_fifo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_refuses_a_symbolic_link_and_its_target_is_untouched, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_refuses_dev_null, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_failure_leaves_no_temporary_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_failed_write_removes_its_temporary_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mkdir_p_makes_the_parents_0700, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mkdir_p_tells_why_it_failed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xdg_follows_the_variables, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xdg_falls_back_to_home, setup, teardown),
		cmocka_unit_test(test_u64_round_trips_little_endian),
		cmocka_unit_test(test_field_round_trips_any_bytes),
		cmocka_unit_test(test_field_write_is_field_put_in_size_exact_memory),
		cmocka_unit_test(test_field_refuses_truncated_or_wrong_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
