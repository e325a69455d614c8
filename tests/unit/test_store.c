/* The case store: permissions, the lock, the passphrase, integrity, and no
 * plaintext anywhere on disk. */
#include "testutil.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "store.h"

static char err[512];

static char *fresh_dir(void)
{
	char *base = make_dir(NULL);
	char *dir = malloc(strlen(base) + 8);
	sprintf(dir, "%s/store", base);
	free(base);
	return dir;
}

static struct store *open_new(const char *dir)
{
	struct store *s;
	if (store_open(dir, &s, err, sizeof err) < 0)
		fail_msg("%s", err);
	if (!store_has_passphrase(s))
		assert_int_equal(store_set_passphrase(s, "correct horse", err, sizeof err), 0);
	else
		assert_int_equal(store_unlock(s, "correct horse", err, sizeof err), 0);
	return s;
}

/* Removes the store and the directory above it. */
static void cleanup(char *dir)
{
	char cmd[600];
	*strrchr(dir, '/') = '\0';
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static int mode_of(const char *path)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	return (int)(st.st_mode & 0777);
}

static void test_files_are_private_whatever_the_umask(void **st)
{
	(void)st;
	mode_t old = umask(0);
	char *dir = fresh_dir();
	struct store *s = open_new(dir);
	char id[STORE_ID_LEN + 1];
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	assert_int_equal(store_append(s, id, "event: answer\n", err, sizeof err), 0);
	assert_int_equal(mode_of(dir), 0700);
	char path[600];
	snprintf(path, sizeof path, "%s/cases.db", dir);
	assert_int_equal(mode_of(path), 0600);
	snprintf(path, sizeof path, "%s/cases.db-wal", dir);
	assert_int_equal(mode_of(path), 0600);
	snprintf(path, sizeof path, "%s/lock", dir);
	assert_int_equal(mode_of(path), 0600);
	store_close(s);
	umask(old);
	cleanup(dir);
}

static void test_an_open_directory_is_refused(void **st)
{
	(void)st;
	char *dir = fresh_dir();
	assert_int_equal(mkdir(dir, 0755), 0);
	chmod(dir, 0755);
	struct store *s;
	assert_int_equal(store_open(dir, &s, err, sizeof err), -1);
	assert_non_null(strstr(err, "open to other users (mode 755)"));
	cleanup(dir);
}

static void test_a_second_instance_is_refused(void **st)
{
	(void)st;
	char *dir = fresh_dir();
	struct store *a = open_new(dir), *b;
	assert_int_equal(store_open(dir, &b, err, sizeof err), -1);
	assert_non_null(strstr(err, "another tipscreen is using this data directory"));
	store_close(a);
	assert_int_equal(store_open(dir, &b, err, sizeof err), 0);	/* no stale lock */
	store_close(b);
	cleanup(dir);
}

static void test_wrong_passphrase_is_an_error(void **st)
{
	(void)st;
	char *dir = fresh_dir();
	store_close(open_new(dir));
	struct store *s;
	assert_int_equal(store_open(dir, &s, err, sizeof err), 0);
	assert_int_equal(store_unlock(s, "wrong horse", err, sizeof err), -1);
	assert_string_equal(err, "wrong passphrase");
	char id[STORE_ID_LEN + 1];
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), -1);	/* still locked */
	store_close(s);
	cleanup(dir);
}

static int count_records(void *ctx, const char *record)
{
	char **seen = ctx;
	strcat(*seen, record);
	strcat(*seen, "|");
	return 0;
}

static void test_records_come_back_in_order(void **st)
{
	(void)st;
	char *dir = fresh_dir();
	struct store *s = open_new(dir);
	char id[STORE_ID_LEN + 1];
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	assert_true(store_id_valid(id));
	assert_int_equal(store_append(s, id, "one", err, sizeof err), 0);
	assert_int_equal(store_append(s, id, "two", err, sizeof err), 0);
	store_close(s);
	s = open_new(dir);
	char buf[64] = "", *p = buf;
	assert_int_equal(store_load(s, id, count_records, &p, err, sizeof err), 0);
	assert_string_equal(buf, "one|two|");
	size_t n;
	struct store_case *c = store_cases(s, &n, err, sizeof err);
	assert_int_equal(n, 1);
	assert_int_equal(c[0].records, 2);
	assert_string_equal(c[0].status, "open");
	free(c);
	store_close(s);
	cleanup(dir);
}

/* Runs SQL on the database behind the store's back. */
static void tamper(const char *dir, const char *sql)
{
	char path[600];
	snprintf(path, sizeof path, "%s/cases.db", dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* The SQL is a format with the case id and another case's id. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void tampered(const char *sql, const char *want)
{
	char *dir = fresh_dir();
	struct store *s = open_new(dir);
	char id[STORE_ID_LEN + 1], other[STORE_ID_LEN + 1];
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	assert_int_equal(store_case_new(s, "", other, err, sizeof err), 0);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(store_append(s, id, "answer of the case", err, sizeof err), 0);
		assert_int_equal(store_append(s, other, "answer of the other", err, sizeof err), 0);
	}
	store_close(s);
	char q[512];
	snprintf(q, sizeof q, sql, id, other);
	tamper(dir, q);
	s = open_new(dir);
	char buf[256] = "", *p = buf;
	assert_int_equal(store_load(s, id, count_records, &p, err, sizeof err), -1);
	if (!strstr(err, want))
		fail_msg("'%s' lacks '%s'", err, want);
	assert_null(strstr(buf, "answer of the other"));	/* never shown as data */
	store_close(s);
	cleanup(dir);
}

static void test_a_flipped_byte_is_an_integrity_error(void **st)
{
	(void)st;
	tampered("UPDATE records SET blob = CAST(substr(blob, 1, 30) || X'00' || substr(blob, 32) AS BLOB) "
		 "WHERE id = '%s' AND seq = 1 --%s", "record 1 fails the integrity check");
}

static void test_a_record_swapped_from_another_case_is_refused(void **st)
{
	(void)st;
	tampered("UPDATE records SET blob = (SELECT blob FROM records WHERE id = '%2$s' AND seq = 1) "
		 "WHERE id = '%1$s' AND seq = 1", "record 1 fails the integrity check");
}

static void test_a_truncated_case_is_refused(void **st)
{
	(void)st;
	tampered("DELETE FROM records WHERE id = '%s' AND seq = 2 --%s", "truncated");
}

static void test_a_missing_record_in_the_middle_is_refused(void **st)
{
	(void)st;
	tampered("DELETE FROM records WHERE id = '%s' AND seq = 1 --%s", "record 1 fails");
}

/* True if any file under dir holds needle. */
static bool on_disk(const char *dir, const char *needle)
{
	char cmd[700];
	snprintf(cmd, sizeof cmd, "grep -rqa '%s' '%s'", needle, dir);
	return system(cmd) == 0;
}

static void test_no_plaintext_on_disk_before_or_after_delete(void **st)
{
	(void)st;
	char *dir = fresh_dir();
	struct store *s = open_new(dir);
	char id[STORE_ID_LEN + 1];
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	assert_int_equal(store_append(s, id, "new: CANARY-7f3a9 in a text field", err, sizeof err), 0);
	assert_false(on_disk(dir, "CANARY-7f3a9"));	/* while open: database and WAL */
	assert_false(on_disk(dir, "correct horse"));
	assert_int_equal(store_delete(s, id, err, sizeof err), 0);
	assert_int_equal(store_delete(s, id, err, sizeof err), 1);
	store_close(s);
	assert_false(on_disk(dir, "CANARY-7f3a9"));
	assert_false(on_disk(dir, id));	/* the id is gone too: secure_delete */
	cleanup(dir);
}

static void test_stale_temporary_files_are_removed_at_start(void **st)
{
	(void)st;
	char *dir = fresh_dir();
	store_close(open_new(dir));
	char path[600];
	snprintf(path, sizeof path, "%s/export.tmp", dir);
	FILE *f = fopen(path, "w");
	fputs("left by a killed tipscreen", f);
	fclose(f);
	store_close(open_new(dir));
	assert_int_equal(access(path, F_OK), -1);
	cleanup(dir);
}

static void test_case_ids_are_checked(void **st)
{
	(void)st;
	assert_true(store_id_valid("0123456789abcdef"));
	assert_false(store_id_valid("../../etc/passwd"));
	assert_false(store_id_valid("0123456789ABCDEF"));
	assert_false(store_id_valid("0123456789abcde"));
}

/* Counter files (the store's generation outside it) go to a directory of
 * the test's own. */
static char *state_home(void)
{
	char *dir = make_dir(NULL);
	setenv("XDG_STATE_HOME", dir, 1);
	return dir;
}

static void state_home_remove(char *dir)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_files_are_private_whatever_the_umask),
		cmocka_unit_test(test_an_open_directory_is_refused),
		cmocka_unit_test(test_a_second_instance_is_refused),
		cmocka_unit_test(test_wrong_passphrase_is_an_error),
		cmocka_unit_test(test_records_come_back_in_order),
		cmocka_unit_test(test_a_flipped_byte_is_an_integrity_error),
		cmocka_unit_test(test_a_record_swapped_from_another_case_is_refused),
		cmocka_unit_test(test_a_truncated_case_is_refused),
		cmocka_unit_test(test_a_missing_record_in_the_middle_is_refused),
		cmocka_unit_test(test_no_plaintext_on_disk_before_or_after_delete),
		cmocka_unit_test(test_stale_temporary_files_are_removed_at_start),
		cmocka_unit_test(test_case_ids_are_checked),
	};
	char *state = state_home();
	int rc = cmocka_run_group_tests_name("store", tests, utf8_locale, NULL);
	state_home_remove(state);
	return rc;
}
