/* db_sqlite: the office store in one SQLite file (db.h). The file and its
 * journal are 0600 whatever the umask; writers take the lock at BEGIN
 * (IMMEDIATE) and wait up to 30 s for another import to finish. */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "office/db.h"

static const char *const triggers[] = {
	"CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit "
	"BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
	"CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit "
	"BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
	NULL
};

static int failed(struct db *db, sqlite3 *s)
{
	int code = sqlite3_errcode(s);
	snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(s));
	return code == SQLITE_BUSY || code == SQLITE_LOCKED ||
	       sqlite3_extended_errcode(s) == SQLITE_CONSTRAINT_PRIMARYKEY ||
	       sqlite3_extended_errcode(s) == SQLITE_CONSTRAINT_UNIQUE ? DB_RETRY : DB_ERROR;
}

static int bind_all(sqlite3_stmt *st, const char *const *p, int np)
{
	char name[16];
	for (int i = 0; i < np; i++) {
		snprintf(name, sizeof name, "$%d", i + 1);
		int at = sqlite3_bind_parameter_index(st, name);
		if (at == 0)
			continue;
		int rc = p[i] ? sqlite3_bind_text(st, at, p[i], -1, SQLITE_STATIC)
			      : sqlite3_bind_null(st, at);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static int sq_exec(struct db *db, const char *sql, const char *const *p, int np, db_row_fn fn,
		   void *arg)
{
	sqlite3 *s = db->conn;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) != SQLITE_OK)
		return failed(db, s);
	if (bind_all(st, p, np) != SQLITE_OK) {
		sqlite3_finalize(st);
		return failed(db, s);
	}
	int rc, stop = 0;
	enum { MAXCOL = 64 };
	const char *val[MAXCOL];
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!fn)
			continue;
		int n = sqlite3_column_count(st);
		n = n > MAXCOL ? MAXCOL : n;
		for (int i = 0; i < n; i++)
			val[i] = (const char *)sqlite3_column_text(st, i);
		if ((stop = fn(arg, n, val)) != 0)
			break;
	}
	if (!stop && rc != SQLITE_DONE) {
		int r = failed(db, s);
		sqlite3_finalize(st);
		return r;
	}
	sqlite3_finalize(st);
	return stop;
}

static int sq_begin(struct db *db)
{
	return sq_exec(db, "BEGIN IMMEDIATE", NULL, 0, NULL, NULL);
}

static void sq_close(struct db *db)
{
	if (db->conn)
		sqlite3_close(db->conn);
	db->conn = NULL;
}

static const struct db_ops sqlite_ops = {
	.name = "sqlite",
	.serial = "INTEGER PRIMARY KEY AUTOINCREMENT",
	.triggers = triggers,
	.exec = sq_exec,
	.begin = sq_begin,
	.close = sq_close,
};

/* Creates path 0600 if it is missing, so that SQLite never makes it with
 * the umask's mode. */
static int make_private(struct db *db, const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(db->err, sizeof db->err, "%s: %s", path, strerror(errno));
		return DB_ERROR;
	}
	struct stat sb;
	if (fstat(fd, &sb) == 0 && sb.st_uid == geteuid())
		fchmod(fd, 0600);
	close(fd);
	return DB_OK;
}

int db_sqlite_open(struct db *db, const char *path)
{
	db->ops = &sqlite_ops;
	if (make_private(db, path) < 0)
		return DB_ERROR;
	sqlite3 *s;
	if (sqlite3_open_v2(path, &s, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) !=
	    SQLITE_OK) {
		snprintf(db->err, sizeof db->err, "%s: %s", path, s ? sqlite3_errmsg(s) : "out of memory");
		sqlite3_close(s);
		return DB_ERROR;
	}
	db->conn = s;
	sqlite3_busy_timeout(s, 30000);
	static const char *const pragmas[] = {
		"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA secure_delete=ON",
		"PRAGMA foreign_keys=ON",
	};
	for (size_t i = 0; i < sizeof pragmas / sizeof pragmas[0]; i++)
		if (sq_exec(db, pragmas[i], NULL, 0, NULL, NULL) < 0) {
			char keep[200];
			snprintf(keep, sizeof keep, "%.199s", db->err);
			snprintf(db->err, sizeof db->err, "%.200s: %s", path, keep);
			return DB_ERROR;
		}
	return DB_OK;
}
