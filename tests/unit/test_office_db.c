/* The office store's db layer (db.h) on SQLite: the schema is created
 * twice without harm, a case cannot be stored twice (its key refuses it,
 * as DB_RETRY so that a racing import runs again) nor a bundle (its
 * trigger), a rolled-back transaction leaves nothing, the audit log
 * refuses UPDATE, DELETE and REPLACE and is a chain whose break and whose
 * missing MAC are found, a case row edited by SQL fails its MAC, a failed
 * read is an error, the file is 0600, and a bad URL is a clear error.
 * (The same layer on PostgreSQL: tests/office/run.sh, against a real
 * server.) */
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
	struct db *db = db_open(url, true, err, sizeof err);
	assert_non_null(db);
	assert_int_equal(db_init(db, url), DB_OK);
	return db;
}

static void set(char **field, const char *v)
{
	free(*field);
	*field = strdup(v);
}

static void a_case(struct db_case *c, const char *id)
{
	memset(c, 0, sizeof *c);
	set(&c->id, id);
	set(&c->laptop, "aaaa-bbbb");
	set(&c->device, "laptop1");
	set(&c->bundle, "h1");
	set(&c->status, "complete");
	set(&c->deck, "");
	set(&c->created, "100");
	set(&c->updated, "200");
	set(&c->nrec, "3");
	set(&c->hash, "abc");
	facts_set(&c->facts, FACT_OUTCOME, "consistent-adult");
	set(&c->imported, "300");
}

static void test_init_twice_and_the_file_is_private(void **st)
{
	(void)st;
	struct db *db = open_init();
	assert_int_equal(db_init(db, url), DB_OK);
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
	/* (a received bundle is never replaced: the trigger refuses a second) */
	assert_int_equal(db_bundle_put(db, "h1", "f", "laptop1", "aaaa-bbbb", 5, "sealed"), DB_ERROR);
	assert_non_null(strstr(db_error(db), "the table bundles is append-only"));
	assert_int_equal(db_bundle_known(db, "h1"), 1);
	assert_int_equal(db_bundle_known(db, "h2"), 0);
	struct db_case c, got;
	a_case(&c, "0123456789abcdef");
	assert_int_equal(db_case_put(db, &c, NULL), DB_OK);
	assert_int_equal(db_case_put(db, &c, NULL), DB_RETRY);
	assert_int_equal(db_case_find(db, "aaaa-bbbb", "0123456789abcdef", &got), 1);
	assert_string_equal(facts_get(&got.facts, FACT_OUTCOME), "consistent-adult");
	assert_string_equal(got.nrec, "3");
	db_case_free(&got);
	set(&c.nrec, "4");
	assert_int_equal(db_case_put(db, &c, "aaaa-bbbb"), DB_OK);
	assert_int_equal(db_case_find(db, "aaaa-bbbb", "0123456789abcdef", &got), 1);
	assert_string_equal(got.nrec, "4");
	db_case_free(&got);
	db_case_free(&c);
	assert_int_equal(db_case_find(db, "aaaa-bbbb", "ffffffffffffffff", &got), 0);
	size_t len;
	char *s;
	assert_int_equal(db_bundle_sealed(db, "h1", &s, &len), 1);
	assert_string_equal(s, "sealed");
	free(s);
	assert_int_equal(db_bundle_sealed(db, "h2", &s, &len), 0);
	assert_null(s);
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
	set(&c.bundle, "h9");
	assert_int_equal(db_case_put(db, &c, NULL), DB_OK);
	db_case_free(&c);
	return 1;	/* as a dry run does */
}

static void test_a_rolled_back_transaction_leaves_nothing(void **st)
{
	(void)st;
	struct db *db = open_init();
	assert_int_equal(db_transact(db, add_and_back_out, NULL), 1);
	struct db_case got;
	assert_int_equal(db_case_find(db, "aaaa-bbbb", "1111111111111111", &got), 0);
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
	assert_int_equal(db_audit_now(db, "import", "h1", "two cases", "aaaa"), DB_OK);
	assert_int_equal(db_audit_now(db, "stats", "cases", "by month", NULL), DB_OK);
	assert_int_equal(db_exec(db, "INSERT OR REPLACE INTO audit (id, at, os_user, key_fp, action, "
				 "object, detail) VALUES (1, 0, 'x', '-', 'init', '-', '-')", NULL, 0,
				 NULL, NULL), DB_ERROR);
	assert_int_equal(db_exec(db, "UPDATE audit SET os_user = 'someone'", NULL, 0, NULL, NULL),
			 DB_ERROR);
	assert_non_null(strstr(db_error(db), "append-only"));
	assert_int_equal(db_exec(db, "DELETE FROM audit", NULL, 0, NULL, NULL), DB_ERROR);
	int n = 0;
	assert_int_equal(db_audit_list(db, count_rows, &n), DB_OK);
	assert_int_equal(n, 2);
	db_close(db);
}

/* A key for the audit's MACs (any 32 bytes stand for the office key). */
static const unsigned char office_sk[32] = { 7, 1, 2, 3 };

static void test_the_audit_log_is_a_chain_that_shows_where_it_breaks(void **st)
{
	(void)st;
	struct db *db = open_init();
	db_office_key(db, office_sk);
	for (int i = 0; i < 3; i++)
		assert_int_equal(db_audit_now(db, "import", "h1", "two cases", "aaaa"), DB_OK);
	struct db_audit_check c;
	assert_int_equal(db_audit_verify(db, &c), DB_OK);
	assert_int_equal(c.broken, 0);
	assert_int_equal(c.chained, 3);
	assert_int_equal(c.macs, 3);
	/* Whoever can write the file (the triggers dropped, as the owner can)
	 * edits entry 2: the chain breaks there. */
	assert_int_equal(db_exec(db, "DROP TRIGGER audit_no_update", NULL, 0, NULL, NULL), DB_OK);
	assert_int_equal(db_exec(db, "UPDATE audit SET detail = 'nothing' WHERE id = 2", NULL, 0, NULL,
				 NULL), DB_OK);
	assert_int_equal(db_audit_verify(db, &c), DB_OK);
	assert_int_equal(c.broken, 2);
	assert_non_null(strstr(c.why, "it was edited"));
	db_close(db);
}

static void test_an_entry_without_the_office_key_s_mac_breaks_the_chain(void **st)
{
	(void)st;
	struct db *db = open_init();
	db_office_key(db, office_sk);
	assert_int_equal(db_audit_now(db, "import", "h1", "two cases", "aaaa"), DB_OK);
	db_close(db);
	/* Appended by someone without the key, chained right but unsigned:
	 * what a rewrite of the log from some entry on would leave. */
	db = open_init();
	assert_int_equal(db_audit_now(db, "open", "x", "y", "aaaa"), DB_OK);
	struct db_audit_check c;
	assert_int_equal(db_audit_verify(db, &c), DB_OK);
	assert_int_equal(c.broken, 0);	/* without the key: the chain alone */
	db_office_key(db, office_sk);
	assert_int_equal(db_audit_verify(db, &c), DB_OK);
	assert_int_equal(c.broken, 2);
	assert_non_null(strstr(c.why, "no authentication with the office key"));
	db_close(db);
	db = open_init();
	/* Another office's key may not write (its rows would break the MACs);
	 * `office audit` takes it unchecked and says where the log breaks. */
	assert_int_equal(db_office_key(db, (const unsigned char *)"another key, 32 bytes long......"),
			 DB_ERROR);
	assert_non_null(strstr(db_error(db), "this office key did not write this store's audit log"));
	db_office_key_unchecked(db, (const unsigned char *)"another key, 32 bytes long......");
	assert_int_equal(db_audit_verify(db, &c), DB_OK);
	assert_int_equal(c.broken, 1);
	assert_non_null(strstr(c.why, "does not match the office key"));
	db_close(db);
}

static void test_a_case_row_edited_by_sql_fails_its_mac(void **st)
{
	(void)st;
	struct db *db = open_init();
	db_office_key(db, office_sk);
	assert_int_equal(db_bundle_put(db, "h1", "f", "laptop1", "aaaa-bbbb", 5, "sealed"), DB_OK);
	struct db_case c;
	a_case(&c, "0123456789abcdef");
	facts_set(&c.facts, FACT_FORM, "servitude");
	assert_int_equal(db_case_put(db, &c, NULL), DB_OK);
	db_case_free(&c);
	assert_int_equal(db_cases_check(db, NULL, NULL), DB_OK);
	assert_int_equal(db_exec(db, "UPDATE case_facts SET value = 'begging'", NULL, 0, NULL, NULL),
			 DB_OK);
	assert_int_equal(db_cases_check(db, NULL, NULL), DB_ERROR);
	assert_non_null(strstr(db_error(db), "case 0123456789abcdef (laptop aaaa-bbbb): its row is "
			       "not the one the office stored"));
	assert_int_equal(db_exec(db, "UPDATE case_facts SET value = 'servitude'", NULL, 0, NULL, NULL),
			 DB_OK);
	assert_int_equal(db_cases_check(db, NULL, NULL), DB_OK);
	assert_int_equal(db_exec(db, "UPDATE cases SET outcome = 'not-shown'", NULL, 0, NULL, NULL),
			 DB_OK);
	assert_int_equal(db_cases_check(db, NULL, NULL), DB_ERROR);
	db_close(db);
}

static void test_a_failed_read_of_a_bundle_is_an_error_not_a_missing_bundle(void **st)
{
	(void)st;
	char err[256];
	struct db *db = db_open(url, true, err, sizeof err);	/* no schema: every read fails */
	assert_non_null(db);
	char *text = NULL;
	size_t len;
	assert_int_equal(db_bundle_sealed(db, "h1", &text, &len), DB_ERROR);
	assert_null(text);
	assert_non_null(strstr(db_error(db), "no such table"));
	db_close(db);
}

/* The number of case_facts rows of fact and value. */
static int fact_rows(struct db *db, const char *fact, const char *value)
{
	char v[16];
	const char *p[] = { fact, value };
	assert_int_equal(db_value(db, "SELECT COUNT(*) FROM case_facts WHERE fact = $1 AND value = $2",
				  p, 2, v, sizeof v), 1);
	return atoi(v);
}

static void test_a_set_fact_is_a_row_per_value(void **st)
{
	(void)st;
	struct db *db = open_init();
	assert_int_equal(db_bundle_put(db, "h1", "f", "laptop1", "aaaa-bbbb", 5, "sealed"), DB_OK);
	struct db_case c, got;
	a_case(&c, "0123456789abcdef");
	facts_set(&c.facts, FACT_FORM, "forced-labour");
	facts_set(&c.facts, FACT_FORM, "servitude");
	assert_int_equal(db_case_put(db, &c, NULL), DB_OK);
	assert_int_equal(fact_rows(db, "form", "forced-labour"), 1);
	assert_int_equal(fact_rows(db, "form", "servitude"), 1);
	assert_int_equal(db_case_find(db, "aaaa-bbbb", "0123456789abcdef", &got), 1);
	size_t forms = 0;
	for (size_t i = 0; i < got.facts.n; i++)
		forms += got.facts.v[i].fact == FACT_FORM;
	assert_int_equal(forms, 2);
	db_case_free(&got);
	db_case_free(&c);
	a_case(&c, "0123456789abcdef");	/* an update replaces the rows */
	facts_set(&c.facts, FACT_FORM, "servitude");
	assert_int_equal(db_case_put(db, &c, "aaaa-bbbb"), DB_OK);
	assert_int_equal(fact_rows(db, "form", "forced-labour"), 0);
	assert_int_equal(fact_rows(db, "form", "servitude"), 1);
	db_case_free(&c);
	db_close(db);
}

static void test_a_long_fact_is_stored_whole(void **st)
{
	(void)st;
	struct db *db = open_init();
	assert_int_equal(db_bundle_put(db, "h1", "f", "laptop1", "aaaa-bbbb", 5, "sealed"), DB_OK);
	char longv[1001];
	memset(longv, 'r', sizeof longv - 1);
	longv[sizeof longv - 1] = '\0';
	struct db_case c, got;
	a_case(&c, "0123456789abcdef");
	facts_set(&c.facts, FACT_ROLE, longv);
	assert_int_equal(db_case_put(db, &c, NULL), DB_OK);
	assert_int_equal(db_case_find(db, "aaaa-bbbb", "0123456789abcdef", &got), 1);
	assert_string_equal(facts_get(&got.facts, FACT_ROLE), longv);
	db_case_free(&got);
	db_case_free(&c);
	db_close(db);
}

/* A store as release 2 made it (schema 1), with one case of two forms. */
static void make_schema_1(void)
{
	char err[256];
	struct db *db = db_open(url, true, err, sizeof err);
	assert_non_null(db);
	static const char *const sql[] = {
		"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
		"INSERT INTO meta VALUES ('schema', '1')",
		"CREATE TABLE bundles (hash TEXT PRIMARY KEY, file TEXT NOT NULL, device TEXT NOT NULL, "
		"laptop TEXT NOT NULL, made BIGINT NOT NULL, imported BIGINT NOT NULL, sealed TEXT NOT NULL)",
		"INSERT INTO bundles VALUES ('h1', 'f', 'd', 'l', 1, 2, 's')",
		"CREATE TABLE cases (id TEXT PRIMARY KEY, laptop TEXT NOT NULL, device TEXT NOT NULL, "
		"bundle TEXT NOT NULL REFERENCES bundles(hash), status TEXT NOT NULL, deck TEXT NOT NULL, "
		"created BIGINT NOT NULL, updated BIGINT NOT NULL, nrec BIGINT NOT NULL, hash TEXT NOT NULL, "
		"outcome TEXT NOT NULL, child TEXT NOT NULL, flags TEXT NOT NULL, forms TEXT NOT NULL, "
		"month TEXT NOT NULL, role TEXT NOT NULL, place TEXT NOT NULL, interpreter TEXT NOT NULL, "
		"deck_version TEXT NOT NULL, imported BIGINT NOT NULL)",
		"INSERT INTO cases VALUES ('0123456789abcdef', 'l', 'd', 'h1', 'complete', '', 1, 2, 3, "
		"'x', 'consistent-adult', 'no', 'smuggling', 'forced-labour,servitude', '2026-12', 'ngo', "
		"'office', 'none', 'v', 4)",
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
		assert_int_equal(db_exec(db, sql[i], NULL, 0, NULL, NULL), DB_OK);
	db_close(db);
}

static void test_a_schema_1_store_is_migrated(void **st)
{
	(void)st;
	make_schema_1();
	struct db *db = open_init();
	char v[16];
	assert_int_equal(db_value(db, "SELECT value FROM meta WHERE key = 'schema'", NULL, 0, v,
				  sizeof v), 1);
	assert_string_equal(v, "4");
	assert_int_equal(fact_rows(db, "form", "forced-labour"), 1);
	assert_int_equal(fact_rows(db, "form", "servitude"), 1);
	assert_int_equal(fact_rows(db, "flag", "smuggling"), 1);
	assert_int_equal(db_exec(db, "SELECT forms FROM cases", NULL, 0, NULL, NULL), DB_ERROR);
	struct db_case got;
	assert_int_equal(db_case_find(db, "l", "0123456789abcdef", &got), 1);
	assert_string_equal(facts_get(&got.facts, FACT_ROLE), "ngo");
	db_case_free(&got);
	db_close(db);
	db = open_init();	/* and once only */
	assert_int_equal(fact_rows(db, "form", "servitude"), 1);
	db_close(db);
}

/* A store of schema 3 (issue 21): no reviews, resolutions, laptops. */
static void make_schema_3(void)
{
	struct db *db = open_init();
	static const char *const sql[] = {
		"DROP TABLE reviews", "DROP TABLE resolutions", "DROP TABLE laptops",
		"UPDATE meta SET value = '3' WHERE key = 'schema'",
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
		assert_int_equal(db_exec(db, sql[i], NULL, 0, NULL, NULL), DB_OK);
	db_close(db);
}

static void test_a_schema_3_store_gets_the_append_only_review_tables(void **st)
{
	(void)st;
	make_schema_3();
	char err[256], v[16];
	struct db *db = db_open(url, false, err, sizeof err);
	assert_non_null(db);
	assert_int_equal(db_check(db), DB_ERROR);
	assert_non_null(strstr(db_error(db), "bring it to schema 4"));
	assert_int_equal(db_init(db, url), DB_OK);
	assert_int_equal(db_value(db, "SELECT value FROM meta WHERE key = 'schema'", NULL, 0, v,
				  sizeof v), 1);
	assert_string_equal(v, "4");
	static const char *const t[] = { "reviews", "resolutions", "laptops" };
	for (size_t i = 0; i < 3; i++) {
		char del[64];
		snprintf(del, sizeof del, "DELETE FROM %s", t[i]);
		assert_int_equal(db_exec(db, del, NULL, 0, NULL, NULL), DB_OK);	/* made, empty */
	}
	assert_int_equal(db_exec(db, "INSERT INTO laptops (laptop, name, at) VALUES ('k', 'n', 1)",
				 NULL, 0, NULL, NULL), DB_OK);
	assert_int_equal(db_exec(db, "UPDATE laptops SET name = 'other'", NULL, 0, NULL, NULL),
			 DB_ERROR);
	assert_non_null(strstr(db_error(db), "append-only"));
	assert_int_equal(db_exec(db, "DELETE FROM laptops", NULL, 0, NULL, NULL), DB_ERROR);
	db_close(db);
}

static void test_a_store_of_a_later_schema_is_refused(void **st)
{
	(void)st;
	struct db *db = open_init();
	assert_int_equal(db_exec(db, "UPDATE meta SET value = '5' WHERE key = 'schema'", NULL, 0, NULL,
				 NULL), DB_OK);
	assert_int_equal(db_init(db, url), DB_ERROR);
	assert_non_null(strstr(db_error(db), "schema 5, of a later tipscreen"));
	assert_int_equal(db_check(db), DB_ERROR);
	assert_non_null(strstr(db_error(db), "schema 5, of a later tipscreen"));
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
	assert_null(db_open("mysql:x", true, err, sizeof err));
	assert_non_null(strstr(err, "expected sqlite:PATH or postgresql://"));
	assert_null(db_open("sqlite:", true, err, sizeof err));
	assert_non_null(strstr(err, "expected a path"));
	assert_null(db_open("sqlite:/nonexistent-dir/x.db", true, err, sizeof err));
	assert_non_null(strstr(err, "/nonexistent-dir/x.db"));
	assert_null(db_open("postgresql:///x?host=/nonexistent-dir", true, err, sizeof err));
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
		cmocka_unit_test_setup_teardown(test_a_set_fact_is_a_row_per_value, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_audit_log_is_a_chain_that_shows_where_it_breaks,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_an_entry_without_the_office_key_s_mac_breaks_the_chain,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_case_row_edited_by_sql_fails_its_mac, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_a_failed_read_of_a_bundle_is_an_error_not_a_missing_bundle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_long_fact_is_stored_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_schema_1_store_is_migrated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_schema_3_store_gets_the_append_only_review_tables,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_store_of_a_later_schema_is_refused, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_bad_url_is_a_clear_error, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
