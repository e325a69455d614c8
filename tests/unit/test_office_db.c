/* The office store's db layer (db.h) on SQLite: the schema is created
 * twice without harm, a case and a bundle cannot be stored twice (the keys
 * refuse it, as DB_RETRY so that a racing import runs again), a rolled-back
 * transaction leaves nothing, the audit log refuses UPDATE and DELETE,
 * the file is 0600, and a bad URL is a clear error. (The same layer on
 * PostgreSQL: tests/office/run.sh, against a real server.) */
#include "testutil.h"

#include <sys/stat.h>

#include "office/db.h"

static char dir[1100], url[1200];

static int setup(void **st)
{
	(void)st;
	char *d = make_dir(NULL);
	snprintf(dir, sizeof dir, "%s", d);
	free(d);
	snprintf(url, sizeof url, "sqlite:%s/office.db", dir);
	return 0;
}

static int teardown(void **st)
{
	(void)st;
	remove_tree(dir);
	return 0;
}

static struct db *open_init(void)
{
	char err[256];
	struct db *db = db_open(url, err, sizeof err);
	assert_non_null(db);
	assert_int_equal(db_init(db), DB_OK);
	return db;
}

static void a_case(struct db_case *c, const char *id)
{
	memset(c, 0, sizeof *c);
	snprintf(c->id, DB_TEXT, "%s", id);
	snprintf(c->laptop, DB_TEXT, "aaaa-bbbb");
	snprintf(c->device, DB_TEXT, "laptop1");
	snprintf(c->bundle, DB_TEXT, "h1");
	snprintf(c->status, DB_TEXT, "complete");
	snprintf(c->created, DB_TEXT, "100");
	snprintf(c->updated, DB_TEXT, "200");
	snprintf(c->nrec, DB_TEXT, "3");
	snprintf(c->hash, DB_TEXT, "abc");
	snprintf(c->outcome, DB_TEXT, "consistent-adult");
	snprintf(c->imported, DB_TEXT, "300");
}

static void test_init_twice_and_the_file_is_private(void **st)
{
	(void)st;
	struct db *db = open_init();
	assert_int_equal(db_init(db), DB_OK);
	assert_string_equal(db_backend(db), "sqlite");
	db_close(db);
	char path[1300];
	snprintf(path, sizeof path, "%s/office.db", dir);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
}

static void test_a_case_is_stored_once(void **st)
{
	(void)st;
	struct db *db = open_init();
	assert_int_equal(db_bundle_put(db, "h1", "f", "laptop1", "aaaa-bbbb", 5, "sealed"), DB_OK);
	assert_int_equal(db_bundle_put(db, "h1", "f", "laptop1", "aaaa-bbbb", 5, "sealed"), DB_RETRY);
	assert_int_equal(db_bundle_known(db, "h1"), 1);
	assert_int_equal(db_bundle_known(db, "h2"), 0);
	struct db_case c, got;
	a_case(&c, "0123456789abcdef");
	assert_int_equal(db_case_put(db, &c, false), DB_OK);
	assert_int_equal(db_case_put(db, &c, false), DB_RETRY);
	assert_int_equal(db_case_find(db, "0123456789abcdef", &got), 1);
	assert_string_equal(got.outcome, "consistent-adult");
	assert_string_equal(got.nrec, "3");
	snprintf(c.nrec, DB_TEXT, "4");
	assert_int_equal(db_case_put(db, &c, true), DB_OK);
	assert_int_equal(db_case_find(db, "0123456789abcdef", &got), 1);
	assert_string_equal(got.nrec, "4");
	assert_int_equal(db_case_find(db, "ffffffffffffffff", &got), 0);
	size_t len;
	char *s = db_bundle_sealed(db, "h1", &len);
	assert_string_equal(s, "sealed");
	free(s);
	assert_int_equal(db_conflict_add(db, "0123456789abcdef", "h1", "x", 3, "zz", 4), 1);
	assert_int_equal(db_conflict_add(db, "0123456789abcdef", "h1", "x", 3, "zz", 4), 0);
	db_close(db);
}

static int add_and_back_out(struct db *db, void *arg)
{
	(void)arg;
	struct db_case c;
	a_case(&c, "1111111111111111");
	assert_int_equal(db_bundle_put(db, "h9", "f", "d", "l", 1, "s"), DB_OK);
	snprintf(c.bundle, DB_TEXT, "h9");
	assert_int_equal(db_case_put(db, &c, false), DB_OK);
	return 1;	/* as a dry run does */
}

static void test_a_rolled_back_transaction_leaves_nothing(void **st)
{
	(void)st;
	struct db *db = open_init();
	assert_int_equal(db_transact(db, add_and_back_out, NULL), 1);
	struct db_case got;
	assert_int_equal(db_case_find(db, "1111111111111111", &got), 0);
	assert_int_equal(db_bundle_known(db, "h9"), 0);
	db_close(db);
}

static int count_rows(void *arg, int ncol, const char *const *val)
{
	(void)ncol;
	(void)val;
	++*(int *)arg;
	return 0;
}

static void test_the_audit_log_is_append_only(void **st)
{
	(void)st;
	struct db *db = open_init();
	assert_int_equal(db_audit(db, "import", "h1", "two cases", "aaaa"), DB_OK);
	assert_int_equal(db_audit(db, "stats", "cases", "by month", NULL), DB_OK);
	assert_int_equal(db_exec(db, "UPDATE audit SET os_user = 'someone'", NULL, 0, NULL, NULL),
			 DB_ERROR);
	assert_non_null(strstr(db_error(db), "append-only"));
	assert_int_equal(db_exec(db, "DELETE FROM audit", NULL, 0, NULL, NULL), DB_ERROR);
	int n = 0;
	assert_int_equal(db_audit_list(db, count_rows, &n), DB_OK);
	assert_int_equal(n, 2);
	db_close(db);
}

static void test_a_bad_url_is_a_clear_error(void **st)
{
	(void)st;
	char err[256];
	assert_false(db_url_valid("mysql:x"));
	assert_false(db_url_valid("sqlite:"));
	assert_true(db_url_valid("sqlite:/tmp/x.db"));
	assert_true(db_url_valid("postgresql:///office?host=/run/postgresql"));
	assert_true(db_url_valid("office.db"));
	assert_null(db_open("mysql:x", err, sizeof err));
	assert_non_null(strstr(err, "expected sqlite:PATH or postgresql://"));
	assert_null(db_open("sqlite:", err, sizeof err));
	assert_non_null(strstr(err, "expected a path"));
	assert_null(db_open("sqlite:/nonexistent-dir/x.db", err, sizeof err));
	assert_non_null(strstr(err, "/nonexistent-dir/x.db"));
	assert_null(db_open("postgresql:///x?host=/nonexistent-dir", err, sizeof err));
	assert_non_null(strstr(err, "cannot connect to the PostgreSQL server"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_init_twice_and_the_file_is_private, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_case_is_stored_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_rolled_back_transaction_leaves_nothing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_the_audit_log_is_append_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_bad_url_is_a_clear_error, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
