/* store_v1.c: a store of the first format (tests/e2e/stores/v1, made by
 * tipscreen 1 with the passphrase of the e2e tests) is re-sealed in the
 * current format at its first unlock, once: its cases and records read
 * as before, it then has a sealed state, and it opens again without being
 * migrated again. A wrong passphrase migrates nothing. Everything happens
 * in the test's own directory (in $TMPDIR), removed at the end. */
#include "testutil.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "store/store.h"

#define PASS "correct horse battery staple"
#define FIXTURE "tests/e2e/stores/v1/cases.db"

struct v1 {
	char root[512];
	char data[600];		/* the store's directory */
	char db[700];
	char err[512];
};

static int setup(void **st)
{
	struct v1 *t = calloc(1, sizeof *t);
	const char *base = getenv("TMPDIR");
	snprintf(t->root, sizeof t->root, "%s/tipscreen-v1-XXXXXX", base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(t->root));
	char state[600], cmd[1600];
	snprintf(state, sizeof state, "%s/state", t->root);
	setenv("XDG_STATE_HOME", state, 1);
	snprintf(t->data, sizeof t->data, "%s/data", t->root);
	snprintf(t->db, sizeof t->db, "%s/cases.db", t->data);
	assert_int_equal(mkdir(t->data, 0700), 0);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && chmod 600 '%s'", FIXTURE, t->db, t->db);
	assert_int_equal(system(cmd), 0);
	*st = t;
	return 0;
}

static int teardown(void **st)
{
	struct v1 *t = *st;
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->root);
	assert_int_equal(system(cmd), 0);
	unsetenv("XDG_STATE_HOME");
	free(t);
	return 0;
}

/* Whether the store's meta table has row k. */
static bool has_meta(const struct v1 *t, const char *k)
{
	sqlite3 *db;
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_open_v2(t->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT 1 FROM meta WHERE k = ?", -1, &q, NULL), SQLITE_OK);
	sqlite3_bind_text(q, 1, k, -1, SQLITE_STATIC);
	bool found = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_finalize(q);
	sqlite3_close(db);
	return found;
}

static struct store *unlocked(struct v1 *t)
{
	struct store *s;
	assert_int_equal(store_open(t->data, &s, t->err, sizeof t->err), 0);
	if (store_unlock(s, PASS, t->err, sizeof t->err) != 0)
		fail_msg("unlock: %s", t->err);
	return s;
}

static int collect(void *ctx, const char *record)
{
	char **all = ctx;
	size_t had = *all ? strlen(*all) : 0;
	*all = realloc(*all, had + strlen(record) + 2);
	strcpy(*all + had, record);
	strcat(*all, "\n");
	return 0;
}

static void test_the_first_unlock_reseals_the_store(void **st)
{
	struct v1 *t = *st;
	assert_false(has_meta(t, "state"));
	struct store *s = unlocked(t);
	assert_true(has_meta(t, "state"));
	size_t n;
	struct store_case *c = store_cases(s, &n, t->err, sizeof t->err);
	assert_non_null(c);
	bool full = false, open = false;
	for (size_t i = 0; i < n; i++) {
		full |= !strcmp(c[i].id, "ff18b4bad94c5b77") && !strcmp(c[i].status, "complete");
		open |= !strcmp(c[i].id, "5503b62212e69908") && !strcmp(c[i].status, "open");
	}
	free(c);
	assert_true(full);
	assert_true(open);
	store_close(s);
}

static void test_the_records_read_as_before_after_the_migration(void **st)
{
	struct v1 *t = *st;
	struct store *s = unlocked(t);
	char *all = NULL;
	assert_int_equal(store_load(s, "ff18b4bad94c5b77", collect, &all, t->err, sizeof t->err), 0);
	assert_non_null(all);
	assert_non_null(strstr(all, "age.at-act"));
	free(all);
	store_close(s);
}

static void test_a_migrated_store_opens_again_without_migrating(void **st)
{
	struct v1 *t = *st;
	store_close(unlocked(t));
	struct store *s = unlocked(t);
	char id[STORE_ID_LEN + 1];
	assert_int_equal(store_case_new(s, "", id, t->err, sizeof t->err), 0);
	assert_int_equal(store_append(s, id, "a record of the new format", t->err, sizeof t->err), 0);
	store_close(s);
	s = unlocked(t);
	size_t n;
	struct store_case *c = store_cases(s, &n, t->err, sizeof t->err);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)	/* a second migration would damage them */
		if (strcmp(c[i].status, "open") && strcmp(c[i].status, "complete"))
			fail_msg("case %s is %s", c[i].id, c[i].status);
	free(c);
	store_close(s);
}

static void test_a_wrong_passphrase_migrates_nothing(void **st)
{
	struct v1 *t = *st;
	struct store *s;
	assert_int_equal(store_open(t->data, &s, t->err, sizeof t->err), 0);
	assert_int_not_equal(store_unlock(s, "not the passphrase", t->err, sizeof t->err), 0);
	store_close(s);
	assert_false(has_meta(t, "state"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_the_first_unlock_reseals_the_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_records_read_as_before_after_the_migration, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_migrated_store_opens_again_without_migrating, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_wrong_passphrase_migrates_nothing, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
