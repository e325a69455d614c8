/* The store's sealed state in buckets (manifest.h): a commit re-seals only
 * the bucket it changes; a bucket put back from an older copy, removed or
 * moved is refused at unlock, as the whole list was; a store of the
 * previous format (tests/e2e/stores/v2, one sealed list, made by the
 * version before the buckets with the e2e tests' passphrase) is re-sealed
 * in buckets at its first unlock and reads as before. Also the commits
 * and reads that must not grow with the store: store_append_each (one
 * transaction for many cases), records of any length opened into one
 * reused buffer, and a record's associated data made without printf but
 * byte for byte as the format says (else no stored record would open). */
#include "testutil.h"

#include <limits.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "store/manifest.h"
#include "store/store.h"
#include "store/store_int.h"
#include "fault.h"

#define PASS "correct horse battery staple"
#define FIXTURE "tests/e2e/stores/v2/cases.db"

static char err[512];

static char *fresh_dir(void)
{
	char *base = make_dir(NULL);
	char *dir = malloc(strlen(base) + 8);
	sprintf(dir, "%s/store", base);
	free(base);
	return dir;
}

static void cleanup(char *dir)
{
	char cmd[600];
	*strrchr(dir, '/') = '\0';
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static struct store *open_new(const char *dir)
{
	struct store *s;
	if (store_open(dir, &s, err, sizeof err) < 0)
		fail_msg("%s", err);
	if (!store_has_passphrase(s))
		assert_int_equal(store_set_passphrase(s, PASS, err, sizeof err), 0);
	else if (store_unlock(s, PASS, err, sizeof err) != 0)
		fail_msg("unlock: %s", err);
	return s;
}

/* Unlocks dir, which must be refused for a sealed state in doubt. */
static void refused(const char *dir)
{
	struct store *s;
	assert_int_equal(store_open(dir, &s, err, sizeof err), 0);
	assert_int_equal(store_unlock(s, PASS, err, sizeof err), -2);
	if (!strstr(err, "sealed state fails the integrity check"))
		fail_msg("unexpected: %s", err);
	store_close(s);
}

static sqlite3 *db_of(const char *dir)
{
	char path[600];
	snprintf(path, sizeof path, "%s/cases.db", dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	return db;
}

static void tamper(const char *dir, const char *sql)
{
	sqlite3 *db = db_of(dir);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* The one blob sql selects, in a new buffer (NULL if no row). */
static unsigned char *peek(const char *dir, const char *sql, size_t *len)
{
	sqlite3 *db = db_of(dir);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	unsigned char *v = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*len = (size_t)sqlite3_column_bytes(st, 0);
		v = malloc(*len + 1);
		memcpy(v, sqlite3_column_blob(st, 0), *len);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void poke(const char *dir, const char *sql, const unsigned char *v, size_t len)
{
	sqlite3 *db = db_of(dir);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_blob(st, 1, v, (int)len, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void append_n(struct store *s, const char *id, int n)
{
	for (int i = 0; i < n; i++)
		assert_int_equal(store_append(s, id, "an answer", err, sizeof err), 0);
}

static unsigned char *bucket_row(const char *dir, int b, size_t *len)
{
	char q[100];
	snprintf(q, sizeof q, "SELECT v FROM state WHERE bucket = %d", b);
	return peek(dir, q, len);
}

/* Two cases in different buckets: a commit to one leaves the other's
 * sealed bucket byte for byte as it was. */
static void test_a_commit_reseals_only_its_own_bucket(void **st)
{
	(void)st;
	char *dir = fresh_dir(), a[STORE_ID_LEN + 1], b[STORE_ID_LEN + 1];
	struct store *s = open_new(dir);
	assert_int_equal(store_case_new(s, "", a, err, sizeof err), 0);
	do
		assert_int_equal(store_case_new(s, "", b, err, sizeof err), 0);
	while (manifest_bucket_of(b) == manifest_bucket_of(a));
	size_t la, lb, la2, lb2;
	unsigned char *ba = bucket_row(dir, manifest_bucket_of(a), &la);
	unsigned char *bb = bucket_row(dir, manifest_bucket_of(b), &lb);
	assert_non_null(ba);
	assert_non_null(bb);
	append_n(s, a, 1);
	unsigned char *ba2 = bucket_row(dir, manifest_bucket_of(a), &la2);
	unsigned char *bb2 = bucket_row(dir, manifest_bucket_of(b), &lb2);
	assert_int_equal(lb, lb2);
	assert_memory_equal(bb, bb2, lb);	/* untouched */
	assert_true(la != la2 || memcmp(ba, ba2, la) != 0);	/* re-sealed */
	free(ba), free(bb), free(ba2), free(bb2);
	store_close(s);
	cleanup(dir);
}

/* A case's older tail put back together with the older sealed bucket that
 * agrees with it, the later records deleted: the bucket no longer matches
 * the root, so the store is refused rather than the case shown shortened. */
static void test_an_older_bucket_put_back_with_its_tail_is_refused(void **st)
{
	(void)st;
	char *dir = fresh_dir(), id[STORE_ID_LEN + 1], q[200];
	struct store *s = open_new(dir);
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	append_n(s, id, 3);
	int b = manifest_bucket_of(id);
	size_t lt, lb;
	snprintf(q, sizeof q, "SELECT tail FROM cases WHERE id = '%s'", id);
	unsigned char *tail = peek(dir, q, &lt), *bucket = bucket_row(dir, b, &lb);
	append_n(s, id, 3);
	store_close(s);
	snprintf(q, sizeof q, "UPDATE cases SET tail = ? WHERE id = '%s'", id);
	poke(dir, q, tail, lt);
	snprintf(q, sizeof q, "UPDATE state SET v = ? WHERE bucket = %d", b);
	poke(dir, q, bucket, lb);
	snprintf(q, sizeof q, "DELETE FROM records WHERE id = '%s' AND seq >= 3", id);
	tamper(dir, q);
	free(tail);
	free(bucket);
	refused(dir);
	cleanup(dir);
}

/* A sealed bucket removed, or copied under another number, is refused. */
static void test_a_bucket_removed_or_moved_is_refused(void **st)
{
	(void)st;
	char *dir = fresh_dir(), id[STORE_ID_LEN + 1], q[200];
	struct store *s = open_new(dir);
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	store_close(s);
	tamper(dir, "CREATE TABLE saved AS SELECT * FROM state");
	tamper(dir, "DELETE FROM state");
	refused(dir);
	int b = manifest_bucket_of(id), other = (b + 1) % MANIFEST_BUCKETS;
	snprintf(q, sizeof q, "INSERT INTO state SELECT %d, v FROM saved", other);
	tamper(dir, q);
	refused(dir);
	tamper(dir, "DELETE FROM state; INSERT INTO state SELECT * FROM saved");
	store_close(open_new(dir));	/* the check refuses only what is wrong */
	cleanup(dir);
}

static int count_records(void *ctx, const char *record)
{
	(void)record;
	++*(int *)ctx;
	return 0;
}

/* The previous format's store: re-sealed in buckets once, at the first
 * unlock; every case and record reads as before, and it opens again. */
static void test_a_store_of_the_previous_format_is_resealed_in_buckets(void **st)
{
	(void)st;
	char *dir = fresh_dir(), cmd[1400];
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s/cases.db' && chmod 600 '%s/cases.db'", FIXTURE, dir, dir);
	assert_int_equal(system(cmd), 0);
	size_t len;
	unsigned char *before = peek(dir, "SELECT v FROM meta WHERE k = 'state'", &len);
	assert_non_null(before);
	struct store *s = open_new(dir);
	size_t n, after_len;
	struct store_case *c = store_cases(s, &n, err, sizeof err);
	assert_int_equal(n, 4);
	int complete = 0, records = 0;
	for (size_t i = 0; i < n; i++) {
		assert_string_not_equal(c[i].status, "damaged");
		complete += !strcmp(c[i].status, "complete");
		int k = 0;
		assert_int_equal(store_load(s, c[i].id, count_records, &k, err, sizeof err), 0);
		assert_int_equal(k, c[i].records);
		records += k;
	}
	assert_int_equal(complete, 3);
	assert_true(records > 200);
	free(c);
	store_close(s);
	unsigned char *after = peek(dir, "SELECT v FROM meta WHERE k = 'state'", &after_len);
	assert_true(after_len < len || memcmp(before, after, len) != 0);
	unsigned char *one = peek(dir, "SELECT v FROM state ORDER BY bucket", &len);
	assert_non_null(one);	/* sealed in buckets */
	free(before), free(after), free(one);
	store_close(open_new(dir));
	cleanup(dir);
}

/* The same record appended to three cases in one commit: all of them, or
 * (a case missing among them) none. */
static void test_append_each_is_all_or_nothing(void **st)
{
	(void)st;
	char *dir = fresh_dir(), id[3][STORE_ID_LEN + 1];
	struct store *s = open_new(dir);
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_case_new(s, "", id[i], err, sizeof err), 0);
	const char *ids[3] = { id[0], id[1], id[2] };
	assert_int_equal(store_append_each(s, ids, 3, "sent", err, sizeof err), 0);
	const char *bad[3] = { id[0], "0123456789abcdef", id[2] };
	assert_int_equal(store_append_each(s, bad, 3, "again", err, sizeof err), -1);
	assert_non_null(strstr(err, "no case 0123456789abcdef"));
	for (int i = 0; i < 3; i++) {
		int k = 0;
		assert_int_equal(store_load(s, id[i], count_records, &k, err, sizeof err), 0);
		assert_int_equal(k, 1);
	}
	store_close(s);
	store_close(open_new(dir));	/* and the store agrees with itself */
	cleanup(dir);
}

static int concat(void *ctx, const char *record)
{
	char **all = ctx;
	size_t had = *all ? strlen(*all) : 0;
	*all = realloc(*all, had + strlen(record) + 2);
	strcpy(*all + had, record);
	strcat(*all, "|");
	return 0;
}

/* Records shorter and longer than the buffer they are opened into (it
 * grows), in any order of lengths, come back whole. */
static void test_records_of_every_length_come_back_whole(void **st)
{
	(void)st;
	char *dir = fresh_dir(), id[STORE_ID_LEN + 1];
	struct store *s = open_new(dir);
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	static const size_t lens[] = { 1, 5000, 3, 20000, 7, 4095, 4096 };
	char *want = calloc(1, 40000);
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		char *r = malloc(lens[i] + 1);
		memset(r, (int)('a' + i), lens[i]);
		r[lens[i]] = '\0';
		assert_int_equal(store_append(s, id, r, err, sizeof err), 0);
		strcat(strcat(want, r), "|");
		free(r);
	}
	char *got = NULL;
	assert_int_equal(store_load(s, id, concat, &got, err, sizeof err), 0);
	assert_string_equal(got, want);
	free(got);
	free(want);
	store_close(s);
	cleanup(dir);
}

/* A commit to one case writes four pages through the WAL: the record's, the
 * case's tail, its bucket of the sealed state, and the root (the root's row
 * updated in place: replaced, it moved and wrote its index's page too). */
static void test_a_commit_writes_four_pages(void **st)
{
	(void)st;
	use_fault_vfs();
	char *dir = fresh_dir(), id[STORE_ID_LEN + 1];
	struct store *s = open_new(dir);
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	assert_int_equal(store_append(s, id, "t: 1\nevent: answer\n", err, sizeof err), 0);
	pages = syncs = 0;
	assert_int_equal(store_append(s, id, "t: 2\nevent: answer\n", err, sizeof err), 0);
	assert_int_equal(syncs, 1);
	assert_int_equal(pages, 4);
	store_close(s);
	sqlite3_vfs_unregister(&fault_vfs);
	cleanup(dir);
}

/* The case key a commit opens is in the store's one guarded slot, and is
 * wiped when the commit ends, saved or not. */
static void test_a_commits_case_key_is_wiped_when_it_ends(void **st)
{
	(void)st;
	use_fault_vfs();
	char *dir = fresh_dir(), id[STORE_ID_LEN + 1], other[STORE_ID_LEN + 1];
	struct store *s = open_new(dir);
	static const unsigned char zero[KEY];
	assert_int_equal(store_case_new(s, "", other, err, sizeof err), 0);
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	assert_memory_equal(s->ck, zero, KEY);
	assert_int_equal(store_append(s, id, "t: 1\n", err, sizeof err), 0);
	assert_memory_equal(s->ck, zero, KEY);
	failing = true;
	assert_int_equal(store_append(s, id, "t: 2\n", err, sizeof err), -1);
	failing = false;
	assert_memory_equal(s->ck, zero, KEY);
	const char *const ids[] = { id, other };
	assert_int_equal(store_append_each(s, ids, 2, "t: 3\n", err, sizeof err), 0);
	assert_memory_equal(s->ck, zero, KEY);
	store_close(s);
	sqlite3_vfs_unregister(&fault_vfs);
	cleanup(dir);
}

static void test_a_records_associated_data_is_the_format_byte_for_byte(void **state)
{
	(void)state;
	unsigned char head[32];
	for (size_t i = 0; i < sizeof head; i++)
		head[i] = (unsigned char)(i * 37 + 5);
	char hex[65];
	for (size_t i = 0; i < sizeof head; i++)
		sprintf(hex + 2 * i, "%02x", head[i]);
	const long long seqs[] = { 0, 1, 9, 10, 99, 12345, LLONG_MAX, -1, -10, LLONG_MIN };
	const char *ids[] = { "0123456789abcdef", "", "x" };
	for (size_t k = 0; k < sizeof ids / sizeof *ids; k++)
		for (size_t i = 0; i < sizeof seqs / sizeof *seqs; i++) {
			char want[256];
			snprintf(want, sizeof want, "tipscreen-2|%s|record|%lld|%s", ids[k], seqs[i], hex);
			char *got = store_record_ad(ids[k], seqs[i], head);
			assert_string_equal(got, want);
			free(got);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_commit_reseals_only_its_own_bucket),
		cmocka_unit_test(test_an_older_bucket_put_back_with_its_tail_is_refused),
		cmocka_unit_test(test_a_bucket_removed_or_moved_is_refused),
		cmocka_unit_test(test_a_store_of_the_previous_format_is_resealed_in_buckets),
		cmocka_unit_test(test_append_each_is_all_or_nothing),
		cmocka_unit_test(test_records_of_every_length_come_back_whole),
		cmocka_unit_test(test_a_records_associated_data_is_the_format_byte_for_byte),
		cmocka_unit_test(test_a_commit_writes_four_pages),
		cmocka_unit_test(test_a_commits_case_key_is_wiped_when_it_ends),
	};
	char *state = state_home();
	int rc = cmocka_run_group_tests_name("store_state", tests, utf8_locale, NULL);
	state_home_remove(state);
	return rc;
}
