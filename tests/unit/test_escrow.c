/* Keys that can be recovered (store/escrow.h, store_change_passphrase): a
 * new passphrase opens the store and the old one no longer; the master key
 * escrowed to the office key opens it with that key only; a laptop never
 * enrolled says so; an altered escrow is refused; the key log records the
 * enrolment and the recovery. */
#include "testutil.h"

#include <sodium.h>
#include <sqlite3.h>

#include "store/escrow.h"
#include "store/store.h"

static char err[512];

/* A new store under passphrase pass, with one case: *dir its directory. */
static struct store *store_new(char **dir, const char *pass, char *id)
{
	assert_true(sodium_init() >= 0);
	char *base = make_dir(NULL);
	*dir = malloc(strlen(base) + 8);
	sprintf(*dir, "%s/store", base);
	free(base);
	struct store *s;
	assert_int_equal(store_open(*dir, &s, err, sizeof err), 0);
	assert_int_equal(store_set_passphrase(s, pass, err, sizeof err), 0);
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	assert_int_equal(store_append(s, id, "event: answer\n", err, sizeof err), 0);
	return s;
}

/* Closes s and opens the store in dir again, locked. */
static struct store *reopen(struct store *s, const char *dir)
{
	store_close(s);
	assert_int_equal(store_open(dir, &s, err, sizeof err), 0);
	return s;
}

static int count_records(void *ctx, const char *record)
{
	(void)record;
	++*(int *)ctx;
	return 0;
}

static void cleanup(char *dir)
{
	*strrchr(dir, '/') = '\0';
	remove_tree(dir);
	free(dir);
}

static void test_a_new_passphrase_opens_the_store_and_the_old_no_longer(void **st)
{
	(void)st;
	char *dir, id[STORE_ID_LEN + 1];
	struct store *s = store_new(&dir, "old passphrase", id);
	assert_int_equal(store_change_passphrase(s, "new passphrase", NULL, err, sizeof err), 0);
	s = reopen(s, dir);
	assert_int_equal(store_unlock(s, "old passphrase", err, sizeof err), -1);
	assert_int_equal(store_unlock(s, "new passphrase", err, sizeof err), 0);
	int n = 0;
	assert_int_equal(store_load(s, id, count_records, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	store_close(s);
	cleanup(dir);
}

static void test_a_locked_store_or_a_short_passphrase_changes_nothing(void **st)
{
	(void)st;
	char *dir, id[STORE_ID_LEN + 1];
	struct store *s = store_new(&dir, "old passphrase", id);
	assert_int_equal(store_change_passphrase(s, "short", NULL, err, sizeof err), -1);
	s = reopen(s, dir);
	assert_int_equal(store_change_passphrase(s, "new passphrase", NULL, err, sizeof err), -1);
	assert_string_equal(err, "the store is locked");
	assert_int_equal(store_unlock(s, "old passphrase", err, sizeof err), 0);
	store_close(s);
	cleanup(dir);
}

static void test_a_store_never_enrolled_says_so(void **st)
{
	(void)st;
	char *dir, id[STORE_ID_LEN + 1];
	struct store *s = store_new(&dir, "old passphrase", id);
	struct escrow_info e;
	assert_int_equal(escrow_info(s, &e, err, sizeof err), 1);
	struct keyfile_secret *office = keyfile_secret_new();
	keyfile_generate(office);
	s = reopen(s, dir);
	assert_int_equal(escrow_open(s, office, err, sizeof err), 1);
	keyfile_secret_free(office);
	store_close(s);
	cleanup(dir);
}

static void test_the_office_key_opens_an_enrolled_store_and_another_does_not(void **st)
{
	(void)st;
	char *dir, id[STORE_ID_LEN + 1];
	struct store *s = store_new(&dir, "forgotten passphrase", id);
	struct keyfile_secret *office = keyfile_secret_new(), *other = keyfile_secret_new();
	keyfile_generate(office);
	keyfile_generate(other);
	assert_int_equal(escrow_enrol(s, &office->pub, err, sizeof err), 0);
	s = reopen(s, dir);
	struct escrow_info e;
	assert_int_equal(escrow_info(s, &e, err, sizeof err), 0);
	assert_false(e.verified);
	assert_memory_equal(e.office.box, office->pub.box, SEAL_BOX_PUBLIC);
	assert_int_equal(escrow_open(s, other, err, sizeof err), -1);
	assert_non_null(strstr(err, "this laptop was enrolled with the office key"));
	assert_int_equal(escrow_open(s, office, err, sizeof err), 0);
	int n = 0;
	assert_int_equal(store_load(s, id, count_records, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(escrow_info(s, &e, err, sizeof err), 0);
	assert_true(e.verified);
	keyfile_secret_free(office);
	keyfile_secret_free(other);
	store_close(s);
	cleanup(dir);
}

static void test_a_recovery_sets_a_new_passphrase_and_is_logged(void **st)
{
	(void)st;
	char *dir, id[STORE_ID_LEN + 1];
	struct store *s = store_new(&dir, "forgotten passphrase", id);
	struct keyfile_secret *office = keyfile_secret_new();
	keyfile_generate(office);
	assert_int_equal(escrow_enrol(s, &office->pub, err, sizeof err), 0);
	s = reopen(s, dir);
	assert_int_equal(escrow_open(s, office, err, sizeof err), 0);
	assert_int_equal(store_change_passphrase(s, "recovered passphrase", "recover 1 abcd", err,
						 sizeof err), 0);
	s = reopen(s, dir);
	assert_int_equal(store_unlock(s, "forgotten passphrase", err, sizeof err), -1);
	assert_int_equal(store_unlock(s, "recovered passphrase", err, sizeof err), 0);
	char *log = escrow_log(s, err, sizeof err);
	assert_non_null(log);
	assert_non_null(strstr(log, "enrol "));
	assert_non_null(strstr(log, "\nrecover 1 abcd\n"));
	free(log);
	keyfile_secret_free(office);
	store_close(s);
	cleanup(dir);
}

static void test_an_altered_escrow_is_refused(void **st)
{
	(void)st;
	char *dir, id[STORE_ID_LEN + 1];
	struct store *s = store_new(&dir, "forgotten passphrase", id);
	struct keyfile_secret *office = keyfile_secret_new();
	keyfile_generate(office);
	assert_int_equal(escrow_enrol(s, &office->pub, err, sizeof err), 0);
	store_close(s);
	/* The time enrolled, changed behind tipscreen's back. */
	char path[600];
	snprintf(path, sizeof path, "%s/cases.db", dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE meta SET v = substr(v, 1, 69) || CASE WHEN "
				      "substr(v, 70, 1) = x'ff' THEN x'00' ELSE x'ff' END || substr(v, 71) "
				      "WHERE k = 'escrow'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(dir, &s, err, sizeof err), 0);
	assert_int_equal(escrow_open(s, office, err, sizeof err), -1);
	assert_non_null(strstr(err, "altered"));
	assert_int_equal(store_unlock(s, "forgotten passphrase", err, sizeof err), 0);
	struct escrow_info e;
	assert_int_equal(escrow_info(s, &e, err, sizeof err), -1);
	keyfile_secret_free(office);
	store_close(s);
	cleanup(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_new_passphrase_opens_the_store_and_the_old_no_longer),
		cmocka_unit_test(test_a_locked_store_or_a_short_passphrase_changes_nothing),
		cmocka_unit_test(test_a_store_never_enrolled_says_so),
		cmocka_unit_test(test_the_office_key_opens_an_enrolled_store_and_another_does_not),
		cmocka_unit_test(test_a_recovery_sets_a_new_passphrase_and_is_logged),
		cmocka_unit_test(test_an_altered_escrow_is_refused),
	};
	return cmocka_run_group_tests_name("escrow", tests, NULL, NULL);
}
