/* db_sqlite: the office store in one SQLite file (db.h). The file and its
 * journal are 0600 whatever the umask; writers take the lock at BEGIN
 * (IMMEDIATE) and wait up to 30 s for another import to finish. */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "office/db.h"

/* The append-only triggers, each created when missing. SQLite keeps the
 * text of each in sqlite_master without "IF NOT EXISTS": sq_check compares
 * the store's triggers with these texts, and refuses any other trigger,
 * a missing one or a changed one (a no-op put in the place of one).
 * REPLACE deletes the row it replaces without firing DELETE triggers
 * unless recursive_triggers is on, which tipscreen sets but the sqlite3
 * shell does not: the _no_replace triggers refuse an INSERT that meets an
 * existing row's key, whoever runs it. */
#define REFUSE(table) " BEGIN SELECT RAISE(ABORT, 'the table " table " is append-only (tipscreen)'); END"
#define NO_CHANGE(table, what) \
	"CREATE TRIGGER IF NOT EXISTS " table "_no_" what " BEFORE " what " ON " table REFUSE(table)
#define NO_REPLACE(table, key) \
	"CREATE TRIGGER IF NOT EXISTS " table "_no_replace BEFORE INSERT ON " table \
	" WHEN EXISTS (SELECT 1 FROM " table " WHERE " key ")" REFUSE(table)
static const char *const triggers[] = {
	NO_CHANGE("audit", "delete"), NO_REPLACE("audit", "id = NEW.id"),
	NO_CHANGE("audit", "update"),
	NO_CHANGE("bundles", "delete"), NO_REPLACE("bundles", "hash = NEW.hash"),
	NO_CHANGE("bundles", "update"),
	NO_CHANGE("conflicts", "delete"),
	NO_REPLACE("conflicts", "id = NEW.id OR (case_id = NEW.case_id AND hash = NEW.hash)"),
	NO_CHANGE("conflicts", "update"),
	NO_CHANGE("exports", "delete"), NO_REPLACE("exports", "id = NEW.id"),
	NO_CHANGE("exports", "update"),
	NO_CHANGE("laptops", "delete"), NO_REPLACE("laptops", "id = NEW.id"),
	NO_CHANGE("laptops", "update"),
	NO_CHANGE("resolutions", "delete"), NO_REPLACE("resolutions", "id = NEW.id"),
	NO_CHANGE("resolutions", "update"),
	NO_CHANGE("reviews", "delete"), NO_REPLACE("reviews", "id = NEW.id"),
	NO_CHANGE("reviews", "update"),
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

/* Binds p[i] to the parameter $i+1: each of the statement's parameters
 * named "$N" (N from 1 to np) takes p[N-1], NULL as SQL NULL. */
static int bind_all(sqlite3_stmt *st, const char *const *p, int np)
{
	for (int at = 1, n = sqlite3_bind_parameter_count(st); at <= n; at++) {
		const char *name = sqlite3_bind_parameter_name(st, at);
		char *end;
		long i = name && name[0] == '$' ? strtol(name + 1, &end, 10) - 1 : -1;
		if (i < 0 || i >= np || *end)
			continue;
		int rc = p[i] ? sqlite3_bind_text(st, at, p[i], -1, SQLITE_STATIC)
			      : sqlite3_bind_null(st, at);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

/* The connection's statements are kept prepared (SQLite lists them): a
 * statement is found again by its text, unless it is running (a callback
 * that runs SQL of its own gets a statement of its own); at most
 * KEEP_STMTS are kept, the rest finalized after use; sq_close finalizes
 * them. An import runs the same few statements for every case. */
enum { KEEP_STMTS = 48 };

static sqlite3_stmt *statement(sqlite3 *s, const char *sql, bool *keep)
{
	size_t n = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(s, NULL); st; st = sqlite3_next_stmt(s, st), n++)
		if (!sqlite3_stmt_busy(st) && strcmp(sqlite3_sql(st), sql) == 0) {
			sqlite3_clear_bindings(st);
			*keep = true;
			return st;
		}
	sqlite3_stmt *st;
	*keep = n < KEEP_STMTS;
	if (sqlite3_prepare_v3(s, sql, -1, *keep ? SQLITE_PREPARE_PERSISTENT : 0, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	return st;
}

static void done(sqlite3_stmt *st, bool keep)
{
	if (keep)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
}

static int sq_exec(struct db *db, const char *sql, const char *const *p, int np, db_row_fn fn,
		   void *arg)
{
	sqlite3 *s = db->conn;
	bool keep;
	sqlite3_stmt *st = statement(s, sql, &keep);
	if (!st)
		return failed(db, s);
	if (bind_all(st, p, np) != SQLITE_OK) {
		int r = failed(db, s);
		done(st, keep);
		return r;
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
		done(st, keep);
		return r;
	}
	done(st, keep);
	return stop;
}

static int sq_begin(struct db *db)
{
	return sq_exec(db, "BEGIN IMMEDIATE", NULL, 0, NULL, NULL);
}

static void sq_close(struct db *db)
{
	if (db->conn) {
		sqlite3_stmt *st;
		while ((st = sqlite3_next_stmt(db->conn, NULL)))
			sqlite3_finalize(st);
		sqlite3_close(db->conn);
	}
	db->conn = NULL;
}

/* How many of the store's triggers matched, and whether one did not. */
struct found {
	size_t n;
	bool bad;
};

static int compare_trigger(void *arg, int ncol, const char *const *v)
{
	struct found *f = arg;
	const char *want = triggers[f->n];
	static const char ine[] = "IF NOT EXISTS ";
	const char *at = want ? strstr(want, ine) : NULL;
	size_t head = at ? (size_t)(at - want) : 0;
	if (!want || ncol < 1 || !v[0] || strncmp(v[0], want, head) != 0 ||
	    strcmp(v[0] + head, at + sizeof ine - 1) != 0)
		f->bad = true;
	f->n += want != NULL;
	return 0;
}

/* The store's triggers are exactly the expected ones (triggers[] is in
 * the order of their names). */
static int sq_check(struct db *db, bool as_owner)
{
	(void)as_owner;
	struct found f = { 0, false };
	int rc = sq_exec(db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name", NULL, 0, compare_trigger, &f);
	if (rc < 0)
		return rc;
	if (f.bad || triggers[f.n]) {
		snprintf(db->err, sizeof db->err, "the store's triggers are not the ones tipscreen "
			 "made (one was dropped, changed or added by SQL): the append-only tables cannot "
			 "be trusted; restore the store from a backup, or ask who changed it");
		return DB_ERROR;
	}
	return DB_OK;
}

static int sq_owns(struct db *db)
{
	(void)db;
	return 1;
}

static const struct db_ops sqlite_ops = {
	.name = "sqlite",
	.serial = "INTEGER PRIMARY KEY AUTOINCREMENT",
	.triggers = triggers,
	.check = sq_check,
	.owns = sq_owns,
	.exec = sq_exec,
	.begin = sq_begin,
	.close = sq_close,
};

/* Creates path 0600 if it is missing, so that SQLite never makes it with
 * the umask's mode. */
static int make_private(struct db *db, const char *path, bool create)
{
	int fd = open(path, O_RDWR | (create ? O_CREAT : 0) | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(db->err, sizeof db->err, "%s: %s%s", path, strerror(errno),
			 !create && errno == ENOENT ? ": no office store there (`tipscreen office "
			 "init` makes one)" : "");
		return DB_ERROR;
	}
	struct stat sb;
	if (fstat(fd, &sb) == 0 && sb.st_uid == geteuid())
		fchmod(fd, 0600);
	close(fd);
	return DB_OK;
}

int db_sqlite_open(struct db *db, const char *path, bool create)
{
	db->ops = &sqlite_ops;
	if (make_private(db, path, create) < 0)
		return DB_ERROR;
	sqlite3 *s;
	/* NOMUTEX: a connection is used by one thread only; SQLite's mutex
	 * around every call (each column of each row) is not needed. */
	if (sqlite3_open_v2(path, &s, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW |
			    SQLITE_OPEN_NOMUTEX, NULL) !=
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
		/* so that REPLACE, which deletes the row it replaces, fires the
		 * DELETE triggers that refuse it on the append-only tables */
		"PRAGMA recursive_triggers=ON",
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
