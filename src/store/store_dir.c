/* store_dir: the store's data directory (made 0700, refused unless it is
 * ours and closed to others), its flock, the stale files a killed run
 * leaves, the SQLite pragmas and schema; opening and closing a store. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/codec.h"
#include "base/fsx.h"
#include "base/xalloc.h"
#include "store/store_int.h"

char *store_default_dir(void)
{
	return fsx_xdg(FSX_XDG_DATA, "tipscreen");
}

/* Creates dir (0700) if missing, then refuses it unless it is a directory
 * of ours that no one else can read or write. */
static int secure_dir(const char *dir, char *err, size_t n)
{
	char why[128];
	if (fsx_mkdir_p(dir, why, sizeof why) != 0)
		return store_fail(err, n, "%s: cannot create the data directory: %s", dir, why);
	struct stat st;
	if (lstat(dir, &st) != 0)
		return store_fail(err, n, "%s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return store_fail(err, n, "%s: the data directory is not a directory (a link is refused)", dir);
	if (st.st_uid != getuid())
		return store_fail(err, n, "%s: the data directory belongs to another user", dir);
	if (st.st_mode & 077)
		return store_fail(err, n, "%s: the data directory is open to other users (mode %03o); "
				  "run: chmod 700 %s", dir, (unsigned)(st.st_mode & 0777), dir);
	return 0;
}

static int take_lock(struct store *s, const char *dir, char *err, size_t n)
{
	char *path = xasprintf("%s/lock", dir);
	s->lock_fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	free(path);
	if (s->lock_fd < 0)
		return store_fail(err, n, "%s/lock: %s", dir, strerror(errno));
	if (flock(s->lock_fd, LOCK_EX | LOCK_NB) != 0)
		return store_fail(err, n, "%s: another tipscreen is using this data directory; "
				  "finish or close it first", dir);
	return 0;
}

/* Removes temporary files a killed tipscreen may have left. */
static void remove_stale(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 4 && strcmp(e->d_name + l - 4, ".tmp") == 0)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

static const char schema[] =
	"PRAGMA journal_mode=WAL;"
	"PRAGMA synchronous=FULL;"
	"PRAGMA secure_delete=ON;"
	"PRAGMA temp_store=MEMORY;"
	"PRAGMA foreign_keys=ON;"
	"CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v BLOB NOT NULL);"
	"CREATE TABLE IF NOT EXISTS state(bucket INTEGER PRIMARY KEY, v BLOB NOT NULL);"
	"CREATE TABLE IF NOT EXISTS cases(id TEXT PRIMARY KEY, created INTEGER NOT NULL,"
	" updated INTEGER NOT NULL, status TEXT NOT NULL, ckey BLOB NOT NULL, tail BLOB NOT NULL);"
	"CREATE TABLE IF NOT EXISTS records(id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL, blob BLOB NOT NULL, PRIMARY KEY(id, seq)) WITHOUT ROWID;";

/* Every file of the store 0600, whatever created it. */
static void tighten(const char *dir)
{
	static const char *const names[] = { "cases.db", "cases.db-wal", "cases.db-shm", "lock" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *p = xasprintf("%s/%s", dir, names[i]);
		chmod(p, 0600);
		free(p);
	}
}

int store_open(const char *dir, struct store **out, char *err, size_t n)
{
	*out = NULL;
	if (sodium_init() < 0)
		return store_fail(err, n, "libsodium could not start");
	if (secure_dir(dir, err, n) < 0)
		return -1;
	struct store *s = xcalloc(1, sizeof *s);
	s->lock_fd = -1;
	s->dir = xstrdup(dir);
	if (take_lock(s, dir, err, n) < 0) {
		store_close(s);
		return -1;
	}
	remove_stale(dir);
	/* Before SQLite starts (a no-op after): no page cache allocated ahead
	 * of use (its 20 pages, 87 KB, stayed resident in the wizard). */
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
	char *path = xasprintf("%s/cases.db", dir);
	int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				 SQLITE_OPEN_NOFOLLOW, NULL);
	free(path);
	if (rc == SQLITE_OK) {	/* ride over a lock held a moment (WAL recovery) */
		sqlite3_busy_timeout(s->db, 5000);
		sqlite3_db_config(s->db, SQLITE_DBCONFIG_LOOKASIDE, NULL, 0, 0);
	}
	if (rc != SQLITE_OK || sqlite3_exec(s->db, schema, NULL, NULL, NULL) != SQLITE_OK) {
		rc = s->db ? store_db_fail(s, err, n, "cases.db") : store_fail(err, n, "cases.db: cannot open");
		store_close(s);
		return rc;
	}
	tighten(dir);
	*out = s;
	return 0;
}

sqlite3_stmt *store_stmt(struct store *s, enum store_sql q)
{
	static const char *const text[SQL_N] = {
		[SQL_CASE_READ] = "SELECT ckey, tail FROM cases WHERE id = ?",
		[SQL_TAIL_WRITE] = "UPDATE cases SET tail = ? WHERE id = ?",
		[SQL_RECORD_INSERT] = "INSERT INTO records(id, seq, blob) VALUES(?, ?, ?)",
		[SQL_RECORDS_READ] = "SELECT seq, blob FROM records WHERE id = ? ORDER BY seq",
		[SQL_BUCKET_PUT] = "INSERT OR REPLACE INTO state(bucket, v) VALUES(?, ?)",
		[SQL_BUCKET_DELETE] = "DELETE FROM state WHERE bucket = ?",
		[SQL_META_PUT] = "INSERT INTO meta(k, v) VALUES(?, ?)",
		[SQL_META_UPDATE] = "UPDATE meta SET v = ? WHERE k = ?",
		[SQL_BEGIN] = "BEGIN IMMEDIATE",
		[SQL_COMMIT] = "COMMIT",
		[SQL_ROLLBACK] = "ROLLBACK",
	};
	if (!s->sql[q] && sqlite3_prepare_v3(s->db, text[q], -1, SQLITE_PREPARE_PERSISTENT,
					     &s->sql[q], NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(s->sql[q]);
	sqlite3_clear_bindings(s->sql[q]);
	return s->sql[q];
}

int store_run(struct store *s, enum store_sql q)
{
	sqlite3_stmt *st = store_stmt(s, q);
	int rc = st && sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (st)
		sqlite3_reset(st);
	return rc;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int q = 0; q < SQL_N; q++)
		sqlite3_finalize(s->sql[q]);
	if (s->mk)
		sodium_free(s->mk);
	if (s->sub)
		sodium_free(s->sub);
	manifest_free(&s->man);
	counter_close(s->counter);
	free(s->notice);
	free(s->dir);
	if (s->db)
		sqlite3_close(s->db);
	if (s->lock_fd >= 0)
		close(s->lock_fd);	/* drops the flock */
	free(s);
}
