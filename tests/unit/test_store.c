/* The case store: permissions, the lock, the passphrase, integrity (records,
 * truncation, rollback of a case or of the whole store), the key rows never
 * replaced, and no plaintext anywhere on disk. */
#include "testutil.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "store/store.h"

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

/* The blob of one column of one row, in a new buffer (*len its length). */
static unsigned char *peek(const char *dir, const char *sql, size_t *len)
{
	char path[600];
	snprintf(path, sizeof path, "%s/cases.db", dir);
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	*len = (size_t)sqlite3_column_bytes(st, 0);
	unsigned char *v = malloc(*len + 1);
	memcpy(v, sqlite3_column_blob(st, 0), *len);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* Sets one blob behind the store's back. */
static void poke(const char *dir, const char *sql, const unsigned char *v, size_t len)
{
	char path[600];
	snprintf(path, sizeof path, "%s/cases.db", dir);
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
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

/* A new store (closed again) holding one case (its id in id) of n records. */
static char *store_with_case(char *id, int n)
{
	char *dir = fresh_dir();
	struct store *s = open_new(dir);
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	append_n(s, id, n);
	store_close(s);
	return dir;
}

/* The sealed tail of case id, in a new buffer. */
static unsigned char *tail_of(const char *dir, const char *id, size_t *len)
{
	char q[200];
	snprintf(q, sizeof q, "SELECT tail FROM cases WHERE id = '%s'", id);
	return peek(dir, q, len);
}

/* An older copy of a case's sealed tail put back, and the records after it
 * deleted: the case agrees with itself, but not with the store's sealed
 * state, so it is damaged — never exported as if whole. */
static void test_an_older_tail_put_back_is_refused(void **st)
{
	(void)st;
	char id[STORE_ID_LEN + 1], q[200];
	char *dir = store_with_case(id, 10);
	struct store *s;
	size_t len;
	unsigned char *old = tail_of(dir, id, &len);
	s = open_new(dir);
	append_n(s, id, 5);
	store_close(s);
	snprintf(q, sizeof q, "UPDATE cases SET tail = ? WHERE id = '%s'", id);
	poke(dir, q, old, len);
	snprintf(q, sizeof q, "DELETE FROM records WHERE id = '%s' AND seq >= 10", id);
	tamper(dir, q);
	free(old);
	s = open_new(dir);
	char buf[256] = "", *p = buf;
	assert_int_equal(store_load(s, id, count_records, &p, err, sizeof err), -1);
	assert_non_null(strstr(err, "fails the integrity check"));
	assert_string_equal(buf, "");	/* not one record shown */
	size_t n;
	struct store_case *c = store_cases(s, &n, err, sizeof err);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].status, "damaged");
	free(c);
	store_close(s);
	cleanup(dir);
}

static void copy_file(const char *from, const char *to)
{
	char cmd[1300];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
	assert_int_equal(system(cmd), 0);
}

/* The records themselves are chained: a valid record of the same case and
 * number from a copy whose history went another way does not fit. */
static void test_a_record_from_another_copy_breaks_the_chain(void **st)
{
	(void)st;
	char *dir = fresh_dir(), db[600], saved[620], q[200], cmd[700];
	struct store *s = open_new(dir);
	char id[STORE_ID_LEN + 1];
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	append_n(s, id, 2);
	store_close(s);
	snprintf(db, sizeof db, "%s/cases.db", dir);
	snprintf(saved, sizeof saved, "%s.saved", dir);
	copy_file(db, saved);
	s = open_new(dir);
	assert_int_equal(store_append(s, id, "one history", err, sizeof err), 0);
	store_close(s);
	snprintf(q, sizeof q, "SELECT blob FROM records WHERE id = '%s' AND seq = 2", id);
	size_t len;
	unsigned char *one = peek(dir, q, &len);
	copy_file(saved, db);	/* the other history, accepted on purpose */
	unlink(saved);
	snprintf(cmd, sizeof cmd, "rm -f '%s'/tipscreen/store-*", getenv("XDG_STATE_HOME"));
	assert_int_equal(system(cmd), 0);
	s = open_new(dir);
	assert_int_equal(store_append(s, id, "another history", err, sizeof err), 0);
	store_close(s);
	snprintf(q, sizeof q, "UPDATE records SET blob = ? WHERE id = '%s' AND seq = 2", id);
	poke(dir, q, one, len);	/* valid for this case at this number, sealed the same way */
	free(one);
	s = open_new(dir);
	char buf[256] = "", *p = buf;
	assert_int_equal(store_load(s, id, count_records, &p, err, sizeof err), -1);
	assert_non_null(strstr(err, "do not match its sealed tail"));
	store_close(s);
	cleanup(dir);
}

/* A whole store put back from an older copy opens no more: this laptop
 * saw a later generation of it. */
static void test_a_whole_store_rolled_back_is_refused(void **st)
{
	(void)st;
	char *dir = fresh_dir(), db[600], saved[620];
	struct store *s = open_new(dir);
	char id[STORE_ID_LEN + 1];
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	append_n(s, id, 3);
	store_close(s);	/* checkpointed: the database file is the whole store */
	snprintf(db, sizeof db, "%s/cases.db", dir);
	snprintf(saved, sizeof saved, "%s.saved", dir);
	copy_file(db, saved);
	s = open_new(dir);
	append_n(s, id, 3);
	store_close(s);
	copy_file(saved, db);
	unlink(saved);
	assert_int_equal(store_open(dir, &s, err, sizeof err), 0);
	assert_int_equal(store_unlock(s, "correct horse", err, sizeof err), -2);
	assert_non_null(strstr(err, "older than the one this laptop last saw"));
	assert_non_null(strstr(err, "remove "));	/* how to accept a backup on purpose */
	char id2[STORE_ID_LEN + 1];
	assert_int_equal(store_case_new(s, "", id2, err, sizeof err), -1);	/* still locked */
	store_close(s);
	cleanup(dir);
}

/* kill -9 leaves the last commits in the WAL; deleting it loses them, and
 * the store is then older than the one this laptop saw: refused. */
static void test_a_wal_deleted_after_a_crash_is_refused(void **st)
{
	(void)st;
	char *dir = fresh_dir(), path[620], db[600], saved[620];
	char id[STORE_ID_LEN + 1];
	struct store *s = open_new(dir);
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	store_close(s);
	s = open_new(dir);
	append_n(s, id, 4);	/* in the WAL: the database file is as a crash leaves it */
	snprintf(db, sizeof db, "%s/cases.db", dir);
	snprintf(saved, sizeof saved, "%s.crashed", dir);
	copy_file(db, saved);
	store_close(s);
	copy_file(saved, db);	/* the file a kill -9 left, its WAL deleted */
	unlink(saved);
	snprintf(path, sizeof path, "%s/cases.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/cases.db-shm", dir);
	unlink(path);
	assert_int_equal(store_open(dir, &s, err, sizeof err), 0);
	assert_int_equal(store_unlock(s, "correct horse", err, sizeof err), -2);
	assert_non_null(strstr(err, "its last changes were lost"));
	store_close(s);
	cleanup(dir);
}

/* A store this laptop has no record of (a new account, a removed counter
 * file) opens, with a notice that a rollback could not be checked. */
static void test_a_store_without_its_counter_opens_with_a_notice(void **st)
{
	(void)st;
	char *dir = fresh_dir();
	struct store *s = open_new(dir);
	assert_null(store_notice(s));
	store_close(s);
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -f '%s'/tipscreen/store-*", getenv("XDG_STATE_HOME"));
	assert_int_equal(system(cmd), 0);
	s = open_new(dir);
	char *notice = store_notice(s);
	assert_non_null(notice);
	assert_non_null(strstr(notice, "could not be checked this time"));
	free(notice);
	store_close(s);
	s = open_new(dir);	/* and from now on it is known again */
	assert_null(store_notice(s));
	store_close(s);
	cleanup(dir);
}

/* The counter file cannot be edited to match an older store: a slot whose
 * MAC fails counts for nothing. */
static void test_the_counter_file_is_private_and_authenticated(void **st)
{
	(void)st;
	char *dir = fresh_dir(), cmd[700], path[600] = "";
	snprintf(cmd, sizeof cmd, "rm -f '%s'/tipscreen/store-*", getenv("XDG_STATE_HOME"));
	assert_int_equal(system(cmd), 0);
	store_close(open_new(dir));	/* its counter is then the only one */
	snprintf(cmd, sizeof cmd, "ls '%s'/tipscreen/store-*", getenv("XDG_STATE_HOME"));
	FILE *p = popen(cmd, "r");
	assert_non_null(fgets(path, sizeof path, p));
	pclose(p);
	path[strcspn(path, "\n")] = '\0';
	assert_int_equal(mode_of(path), 0600);
	char sdir[600];
	snprintf(sdir, sizeof sdir, "%s/tipscreen", getenv("XDG_STATE_HOME"));
	assert_int_equal(mode_of(sdir), 0700);
	FILE *f = fopen(path, "r+b");	/* a flipped byte in the generation */
	assert_non_null(f);
	fseek(f, 16, SEEK_SET);
	fputc(0x7f, f);
	fseek(f, 64 + 16, SEEK_SET);
	fputc(0x7f, f);
	fclose(f);
	struct store *s = open_new(dir);	/* ignored, as if missing: a notice */
	char *notice = store_notice(s);
	assert_non_null(notice);
	free(notice);
	store_close(s);
	cleanup(dir);
}

/* With the salt row gone or damaged the store is refused loudly, and the
 * wrapped master key is never replaced by a new passphrase. */
static void salt_damaged(const char *sql, bool master_kept)
{
	char id[STORE_ID_LEN + 1];
	char *dir = store_with_case(id, 2);
	struct store *s;
	size_t len, len2;
	unsigned char *master = peek(dir, "SELECT v FROM meta WHERE k = 'master'", &len);
	tamper(dir, sql);
	assert_int_equal(store_open(dir, &s, err, sizeof err), 0);
	assert_true(store_has_passphrase(s));
	assert_int_equal(store_set_passphrase(s, "a new passphrase", err, sizeof err), -1);
	assert_non_null(strstr(err, "never replaced"));
	assert_int_equal(store_unlock(s, "correct horse", err, sizeof err), -2);
	assert_non_null(strstr(err, "is missing or damaged"));
	store_close(s);
	if (master_kept) {	/* the very same bytes */
		unsigned char *after = peek(dir, "SELECT v FROM meta WHERE k = 'master'", &len2);
		assert_int_equal(len, len2);
		assert_memory_equal(master, after, len);
		free(after);
	} else {		/* and none made */
		unsigned char *count = peek(dir, "SELECT CAST(count(*) AS TEXT) FROM meta", &len2);
		assert_memory_equal(count, "1", 1);	/* the sealed state alone */
		free(count);
	}
	free(master);
	cleanup(dir);
}

static void test_a_damaged_salt_never_sets_a_new_passphrase(void **st)
{
	(void)st;
	salt_damaged("DELETE FROM meta WHERE k = 'salt'", true);
	salt_damaged("UPDATE meta SET v = X'00' WHERE k = 'salt'", true);
	salt_damaged("UPDATE meta SET v = zeroblob(16) WHERE k = 'cost'", true);
	salt_damaged("DELETE FROM meta WHERE k IN ('salt', 'cost', 'master')", false);
}

/* Status and times live in the sealed tail: the plain columns are decoys,
 * and an older tail (before "complete") put back is damage. */
static void test_status_and_times_are_sealed(void **st)
{
	(void)st;
	char id[STORE_ID_LEN + 1], q[300];
	char *dir = store_with_case(id, 2);
	struct store *s;
	size_t len;
	unsigned char *open_tail = tail_of(dir, id, &len);
	s = open_new(dir);
	assert_int_equal(store_set_status(s, id, "complete", err, sizeof err), 0);
	store_close(s);
	snprintf(q, sizeof q, "UPDATE cases SET status = 'open' || char(27) || '[2J', updated = 99 "
		 "WHERE id = '%s'", id);
	tamper(dir, q);
	s = open_new(dir);
	size_t n;
	struct store_case *c = store_cases(s, &n, err, sizeof err);
	assert_string_equal(c[0].status, "complete");
	assert_true(c[0].updated > 1700000000);
	free(c);
	store_close(s);
	snprintf(q, sizeof q, "UPDATE cases SET tail = ? WHERE id = '%s'", id);
	poke(dir, q, open_tail, len);
	free(open_tail);
	s = open_new(dir);
	c = store_cases(s, &n, err, sizeof err);
	assert_string_equal(c[0].status, "damaged");	/* never "open", offered for resume */
	free(c);
	store_close(s);
	cleanup(dir);
}

/* Removing the sealed state does not turn a store into one of the first
 * format to be re-sealed as it is: this laptop saw it in this format; and
 * without the counter either, its cases fail the old checks: damaged. */
static void test_removing_the_sealed_state_is_no_way_around(void **st)
{
	(void)st;
	char id[STORE_ID_LEN + 1];
	char *dir = store_with_case(id, 2);
	struct store *s;
	tamper(dir, "DELETE FROM meta WHERE k = 'state'");
	assert_int_equal(store_open(dir, &s, err, sizeof err), 0);
	assert_int_equal(store_unlock(s, "correct horse", err, sizeof err), -2);
	assert_non_null(strstr(err, "put back from an older copy, or its sealed state removed"));
	store_close(s);
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -f '%s'/tipscreen/store-*", getenv("XDG_STATE_HOME"));
	assert_int_equal(system(cmd), 0);
	s = open_new(dir);
	size_t n;
	struct store_case *c = store_cases(s, &n, err, sizeof err);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].status, "damaged");
	free(c);
	store_close(s);
	cleanup(dir);
}

/* Two data directories keep two counters: neither refuses the other. */
static void test_two_stores_do_not_share_a_counter(void **st)
{
	(void)st;
	char *a = fresh_dir(), *b = fresh_dir();
	struct store *s = open_new(a), *t = open_new(b);
	char id[STORE_ID_LEN + 1];
	assert_int_equal(store_case_new(s, "", id, err, sizeof err), 0);
	append_n(s, id, 5);
	store_close(s);
	store_close(t);
	store_close(open_new(b));	/* generation 1, while a is at 7 */
	store_close(open_new(a));
	cleanup(a);
	cleanup(b);
}

/* Every laptop has its own signing key, the same at every unlock. */
static void test_the_signing_key_is_the_stores_own(void **st)
{
	(void)st;
	char *a = fresh_dir(), *b = fresh_dir();
	unsigned char pk1[STORE_SIGN_PUBLIC], pk2[STORE_SIGN_PUBLIC], pk3[STORE_SIGN_PUBLIC];
	unsigned char sk[STORE_SIGN_SECRET];
	struct store *s = open_new(a);
	assert_int_equal(store_signing_key(s, pk1, sk, err, sizeof err), 0);
	store_close(s);
	s = open_new(a);
	assert_int_equal(store_signing_key(s, pk2, sk, err, sizeof err), 0);
	store_close(s);
	s = open_new(b);
	assert_int_equal(store_signing_key(s, pk3, sk, err, sizeof err), 0);
	store_close(s);
	assert_memory_equal(pk1, pk2, sizeof pk1);
	assert_memory_not_equal(pk1, pk3, sizeof pk1);
	cleanup(a);
	cleanup(b);
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
		cmocka_unit_test(test_an_older_tail_put_back_is_refused),
		cmocka_unit_test(test_a_record_from_another_copy_breaks_the_chain),
		cmocka_unit_test(test_a_whole_store_rolled_back_is_refused),
		cmocka_unit_test(test_a_wal_deleted_after_a_crash_is_refused),
		cmocka_unit_test(test_a_store_without_its_counter_opens_with_a_notice),
		cmocka_unit_test(test_the_counter_file_is_private_and_authenticated),
		cmocka_unit_test(test_a_damaged_salt_never_sets_a_new_passphrase),
		cmocka_unit_test(test_status_and_times_are_sealed),
		cmocka_unit_test(test_removing_the_sealed_state_is_no_way_around),
		cmocka_unit_test(test_two_stores_do_not_share_a_counter),
		cmocka_unit_test(test_the_signing_key_is_the_stores_own),
	};
	char *state = state_home();
	int rc = cmocka_run_group_tests_name("store", tests, utf8_locale, NULL);
	state_home_remove(state);
	return rc;
}
