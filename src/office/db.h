/* db: the office store (DESIGN §12), one schema over two backends,
 * SQLite (db_sqlite.c: one file, one office) and PostgreSQL (db_pg.c,
 * libpq: a national mechanism with several offices importing at once).
 *
 * The store keeps every bundle as it arrived (its sealed text: opening a
 * case needs the office key), one row per case with the facts statistics
 * count in the clear (domain/facts.h: no answer, no name): a column of
 * the cases table per ONE fact, a row of case_facts (case_id, fact, value)
 * per value of a SET fact, so that SQL counts a case under each of its
 * forms; the conflicts kept aside, and an append-only audit log (triggers
 * refuse UPDATE and DELETE on it, in both backends).
 *
 * The schema's version is meta's 'schema' row. db_init creates schema 2,
 * and migrates a store of schema 1 (release 2: flags and forms were
 * comma-joined columns of cases) in the same transaction: their values
 * become case_facts rows and the two columns are dropped. A fact added to
 * the facts table later needs its own step here (a ONE fact: a column). A
 * store of a later schema is refused.
 *
 * Double imports are impossible by the schema: a bundle's hash and a
 * case's id are primary keys, a conflict is unique by case and records'
 * hash. Every change runs in db_begin/db_commit: SQLite takes the write
 * lock at BEGIN (IMMEDIATE), PostgreSQL runs SERIALIZABLE; when two
 * imports collide the loser's db_commit (or a statement) returns
 * DB_RETRY, and the caller runs its transaction again (db_transact).
 *
 * SQL is written once with $1, $2 … parameters, every value passed as text
 * (NULL for SQL NULL). A struct db owns its connection: db_close. Errors are
 * values: -1 with db_error(). */
#ifndef TIPSCREEN_OFFICE_DB_H
#define TIPSCREEN_OFFICE_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/facts.h"

enum { DB_OK = 0, DB_ERROR = -1, DB_RETRY = -2 };

/* Called for each row: its ncol values (NULL for SQL NULL). Non-zero stops
 * the query, which then returns that value. */
typedef int (*db_row_fn)(void *arg, int ncol, const char *const *val);

struct db;

/* The backend's operations (db_sqlite.c, db_pg.c). */
struct db_ops {
	const char *name;	/* "sqlite", "postgresql" */
	const char *serial;	/* the DDL of an id column */
	const char *lock;	/* a statement serializing schema creation, or NULL */
	const char *const *triggers;	/* the append-only triggers, NULL-ended */
	int (*exec)(struct db *db, const char *sql, const char *const *p, int np, db_row_fn fn,
		    void *arg);
	int (*begin)(struct db *db);
	void (*close)(struct db *db);
};

struct db {
	const struct db_ops *ops;
	void *conn;
	char err[512];
};

/* Opens the store of url: "sqlite:PATH", "postgresql://…" or
 * "postgres://…" (any libpq conninfo URI), or a bare path (SQLite).
 * NULL with err when it cannot be opened. Creates no table: db_init. */
struct db *db_open(const char *url, char *err, size_t n);
/* Whether url has a form db_open takes (it may still fail to open). */
bool db_url_valid(const char *url);
void db_close(struct db *db);
const char *db_error(const struct db *db);
const char *db_backend(const struct db *db);

/* Creates the schema if it is not there (idempotent, safe to run twice at
 * once). */
int db_init(struct db *db);

int db_exec(struct db *db, const char *sql, const char *const *p, int np, db_row_fn fn, void *arg);
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/* Runs fn(db, arg) in a transaction, again (up to 20 times) when it or the
 * commit returns DB_RETRY; commits when fn returns 0, rolls back otherwise
 * (fn's non-zero value returned, e.g. a dry run's 1). */
int db_transact(struct db *db, int (*fn)(struct db *db, void *arg), void *arg);

/* One text value of the first row of a query into out (n bytes): 1 found,
 * 0 no row, -1 error. */
int db_value(struct db *db, const char *sql, const char *const *p, int np, char *out, size_t n);

/* The office's rows. */
enum { DB_HASH_HEX = 65, DB_SCHEMA = 2 };

/* The case's own columns of the cases table; one column per ONE fact of
 * domain/facts.h (fact_column) comes after them, then "imported". */
#define DB_CASE_OWN(X) \
	X(id) X(laptop) X(device) X(bundle) X(status) X(deck) X(created) X(updated) X(nrec) \
	X(hash)

/* A case's row: every string owned, whole (db_case_free). Numbers are
 * decimal text, as the store takes them. facts holds the ONE facts and
 * the SET facts' values. */
struct db_case {
#define DB_X_FIELD(name) char *name;
	DB_CASE_OWN(DB_X_FIELD)
#undef DB_X_FIELD
	char *imported;
	struct facts facts;
};
void db_case_free(struct db_case *c);

/* Among the columns db_cases gives: the index of the ONE fact f's, and of
 * the number of conflicts. */
int db_case_column(enum fact f);
int db_case_conflicts_column(void);

/* The stored case id: 1 found (*c filled: db_case_free), 0 none, -1
 * error. */
int db_case_find(struct db *db, const char *id, struct db_case *c);
/* Inserts c, or (update) replaces the stored row of c->id and its SET
 * facts. */
int db_case_put(struct db *db, const struct db_case *c, bool update);
/* Calls fn for every case, ordered by id (the own columns, the ONE facts'
 * columns, imported, then the number of its conflicts: db_case_column). */
int db_cases(struct db *db, db_row_fn fn, void *arg);

/* 1 if the bundle of hash is stored, 0 if not, -1 error. */
int db_bundle_known(struct db *db, const char *hash);
/* Stores a bundle's sealed text as it arrived (once: a second put of the
 * same hash is DB_RETRY in a race, nothing otherwise). */
int db_bundle_put(struct db *db, const char *hash, const char *file, const char *device,
		  const char *laptop, long long made, const char *sealed);
/* The sealed text of a stored bundle: a new string (*len), or NULL. */
char *db_bundle_sealed(struct db *db, const char *hash, size_t *len);

/* Keeps aside a case's diverging records: 1 added, 0 known already. */
int db_conflict_add(struct db *db, const char *id, const char *bundle, const char *laptop,
		    long long nrec, const char *hash, long long stored_nrec);
/* Calls fn for each conflict: id, case, laptop, bundle, records, stored
 * records, when. */
int db_conflicts(struct db *db, db_row_fn fn, void *arg);

/* Appends to the audit log: who is the OS user, key the office key's
 * fingerprint ("-" when none was used). */
int db_audit(struct db *db, const char *action, const char *object, const char *detail,
	     const char *key);
/* Calls fn for each entry in order: id, when, user, key, action, object,
 * detail. */
int db_audit_list(struct db *db, db_row_fn fn, void *arg);

/* Backends (db_sqlite.c, db_pg.c): the connection in db->conn. */
int db_sqlite_open(struct db *db, const char *path);
int db_pg_open(struct db *db, const char *conninfo);

#endif
