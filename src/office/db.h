/* db: the office store (DESIGN §12), one schema over two backends,
 * SQLite (db_sqlite.c: one file, one office) and PostgreSQL (db_pg.c,
 * libpq: a national mechanism with several offices importing at once).
 *
 * The store keeps every bundle as it arrived (its sealed text: opening a
 * case needs the office key), one row per case with the facts statistics
 * count in the clear (domain/facts.h: no answer, no name): a column of
 * the cases table per ONE fact, a row of case_facts (laptop, case_id,
 * fact, value) per value of a SET fact, so that SQL counts a case under
 * each of its forms, and the row's MAC (a key derived from the office
 * key: db_cases_check); the conflicts kept aside; every statistics export
 * (publish.h); and an audit log (db_audit.c) whose rows are hash-chained
 * and authenticated with a key derived from the office key.
 *
 * A case is its laptop's: its identity is (laptop, id), laptop the full
 * signing key of the laptop in base64 (rows of a store older than schema 3
 * hold its fingerprint until they are made again from their bundles).
 * Received bundles, conflicts, exports and the audit log are append-only:
 * triggers refuse UPDATE, DELETE (and, SQLite, REPLACE) in both backends,
 * and db_check refuses a store whose triggers are not the expected ones
 * (SQLite: the text in sqlite_master; PostgreSQL: the triggers enabled,
 * and the role connected neither owning the tables nor allowed to change
 * those four).
 *
 * The schema's version is meta's 'schema' row. db_init creates schema 3,
 * and migrates a store of schema 1 (release 2: flags and forms were
 * comma-joined columns of cases) and of schema 2 (cases keyed by id
 * alone) in the same transaction. A fact added to the facts table later
 * needs its own step here (a ONE fact: a column). A store of a later
 * schema is refused. meta also holds the store's random id and its name
 * ('store_id', 'store_name'), which receipts carry.
 *
 * Double imports are impossible by the schema: a bundle's hash and a
 * case's (laptop, id) are primary keys, a conflict is unique by case and
 * records' hash. Every change runs in db_begin/db_commit: SQLite takes the write
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
	/* db_check's backend part: the triggers are the expected ones and
	 * (unless as_owner, for `office init`) the connected role can
	 * neither own the tables nor change the append-only ones. */
	int (*check)(struct db *db, bool as_owner);
	/* 1 when the connected role owns the store's tables (or they are not
	 * there yet; always for SQLite), 0, or a DB_ code. */
	int (*owns)(struct db *db);
	/* init, as the owner: gives the role tipscreen its rights, or NULL. */
	int (*grant)(struct db *db);
	int (*exec)(struct db *db, const char *sql, const char *const *p, int np, db_row_fn fn,
		    void *arg);
	int (*begin)(struct db *db);
	/* Takes the transaction-long locks of keys[0..n) (sorted), waiting
	 * for them; NULL where writers are serialized anyway (SQLite). */
	int (*lock_keys)(struct db *db, const long long *keys, size_t n);
	void (*close)(struct db *db);
};

struct db {
	const struct db_ops *ops;
	void *conn;
	char err[512];
	unsigned char audit_key[32];	/* db_office_key: MACs audit rows */
	unsigned char row_key[32];	/* and cases' rows */
	bool has_key;
	/* Transactions that lock what they decide on (db_lock) before reading
	 * it: PostgreSQL runs them at READ COMMITTED, so that each read after
	 * a lock sees the last committed version and disjoint work never
	 * conflicts; otherwise SERIALIZABLE. */
	bool locking;
	/* db_case_put's INSERT and UPDATE, made at their first use (the same
	 * text for every case); db_close frees them. */
	char *put_sql[2];
};

/* Opens the store of url: "sqlite:PATH", "postgresql://…" or
 * "postgres://…" (any libpq conninfo URI), or a bare path (SQLite).
 * NULL with err when it cannot be opened. Creates no table: db_init; a
 * SQLite file is created only when create is true. */
struct db *db_open(const char *url, bool create, char *err, size_t n);
/* Whether url has a form db_open takes (it may still fail to open). */
bool db_url_valid(const char *url);
void db_close(struct db *db);
const char *db_error(const struct db *db);
const char *db_backend(const struct db *db);

/* Creates the schema if it is not there, migrates an older one, gives the
 * store its id and name (name: used only when the store has none yet),
 * then db_check (idempotent, safe to run twice at once). */
int db_init(struct db *db, const char *name);
/* Refuses (DB_ERROR, with why) a store without the schema (never
 * initialised), of another schema, or whose append-only triggers (or,
 * PostgreSQL, the connected role's rights) are not the expected ones. */
int db_check(struct db *db);
/* The store's random id (32 hex digits) and name, into id (33 bytes) and
 * name (65 bytes): 0, or -1. */
int db_store_id(struct db *db, char id[33], char name[65]);

int db_exec(struct db *db, const char *sql, const char *const *p, int np, db_row_fn fn, void *arg);
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/* Runs fn(db, arg) in a transaction, again when it or the commit returns
 * DB_RETRY (after a pause growing from 1 to 250 ms, for up to
 * DB_BUSY_SECONDS: a busy store makes its caller wait, it does not fail
 * it); commits when fn returns 0, rolls back otherwise (fn's non-zero
 * value returned, e.g. a dry run's 1). */
enum { DB_BUSY_SECONDS = 600 };
int db_transact(struct db *db, int (*fn)(struct db *db, void *arg), void *arg);
/* Locks what[0..n) (any strings: a bundle's hash, a case's laptop and id)
 * until the transaction ends, in one fixed order (so two transactions
 * locking overlapping sets cannot deadlock), waiting for any other
 * transaction holding one: a DB_ code. Nothing to do on SQLite. */
int db_lock(struct db *db, const char *const *what, size_t n);

/* One text value of the first row of a query into out (n bytes): 1 found,
 * 0 no row, -1 error. */
int db_value(struct db *db, const char *sql, const char *const *p, int np, char *out, size_t n);

/* The office's rows. */
enum { DB_HASH_HEX = 65, DB_SCHEMA = 4 };

/* "id, laptop, …, imported": the cases table's columns, in the order of
 * db_case_column (a new string; for db_schema.c's migration). */
char *db_case_columns(void);

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
	char *mac;	/* of the row, under a key derived from the office key
			 * (db_case_put computes it when db has the key) */
	struct facts facts;
};
void db_case_free(struct db_case *c);

/* Checks every case's row against its MAC (db_office_key needed), each
 * checked row then given to each(arg, row) if each is not NULL, in the
 * order of (laptop, id): DB_OK when all hold; DB_ERROR with db_error
 * naming the first case whose row is not the one the office stored
 * (edited by SQL, or stored before schema 3); or another DB_ code. The
 * rows are checked as they are read, none kept: the row each gets is
 * borrowed, valid only during the call (each copies what it keeps; never
 * db_case_free it). */
int db_cases_check(struct db *db, void (*each)(void *arg, const struct db_case *c), void *arg);

/* Among the columns db_cases gives: the index of the ONE fact f's, and of
 * the number of conflicts. */
int db_case_column(enum fact f);
int db_case_conflicts_column(void);

/* The stored case (laptop, id): 1 found (*c filled: db_case_free), 0
 * none, -1 error. */
int db_case_find(struct db *db, const char *laptop, const char *id, struct db_case *c);
/* Which of the cases ids[0..n) of laptop the store has: present[i] set
 * (a few queries for all of them, not one each): a DB_ code. */
int db_cases_present(struct db *db, const char *laptop, const char *const *ids, size_t n,
		     bool *present);
/* Calls fn(arg, 1, {laptop}) for each laptop that has a case id. */
int db_case_laptops(struct db *db, const char *id, db_row_fn fn, void *arg);
/* Inserts c (old_laptop NULL), or replaces the stored row (old_laptop,
 * c->id) and its SET facts. */
int db_case_put(struct db *db, const struct db_case *c, const char *old_laptop);
/* Calls fn for every case, oldest first (created, then id): the own
 * columns, the ONE facts' columns, imported, mac, then the number of its
 * conflicts (db_case_column), its review state (NULL: received) and its
 * laptop's name (NULL: none). */
int db_cases(struct db *db, db_row_fn fn, void *arg);

/* 1 if the bundle of hash is stored, 0 if not, -1 error. */
int db_bundle_known(struct db *db, const char *hash);
/* Stores a bundle's sealed text as it arrived (once: a second put of the
 * same hash is DB_RETRY in a race, nothing otherwise). */
int db_bundle_put(struct db *db, const char *hash, const char *file, const char *device,
		  const char *laptop, long long made, const char *sealed);
/* The sealed text of a stored bundle into *text (a new string, *len): 1,
 * 0 when there is no such bundle, or a DB_ code (an error propagates: a
 * failed read is never taken for "not stored"). */
int db_bundle_sealed(struct db *db, const char *hash, char **text, size_t *len);

/* Keeps aside a case's diverging records: 1 added, 0 known already. */
int db_conflict_add(struct db *db, const char *id, const char *bundle, const char *laptop,
		    long long nrec, const char *hash, long long stored_nrec);
/* Calls fn for each conflict: id, case, laptop, bundle, records, stored
 * records, when, the version kept (NULL: not resolved), the laptop's
 * name (NULL: none). */
int db_conflicts(struct db *db, db_row_fn fn, void *arg);

/* Appends to the audit log, inside the caller's transaction: who is the
 * OS user, key the office key's fingerprint ("-" when none was used). The
 * row is chained to the last one (its hash over the previous hash and its
 * fields; prev is unique, so two appends at once cannot fork the chain:
 * the loser retries) and MACed when db_office_key was given. */
int db_audit(struct db *db, const char *action, const char *object, const char *detail,
	     const char *key);
/* The same in a transaction of its own (db_transact). */
int db_audit_now(struct db *db, const char *action, const char *object, const char *detail,
		 const char *key);
/* Derives the keys that authenticate audit rows and case rows from the
 * office's X25519 secret key (SEAL_BOX_SECRET bytes); db_close wipes
 * them. Before a command writes with them, the key must be the store's
 * own: 0, or DB_ERROR (db_error says why; the keys are wiped) when the
 * audit log's last authenticated entry does not verify with it, so that
 * another office's key never adds entries that break the log's chain of
 * MACs. A store whose log has no authenticated entry takes any key. */
int db_office_key(struct db *db, const unsigned char *office_box_sk);
/* The keys without that check: for `office audit`, which verifies the
 * whole log and says where it breaks. */
void db_office_key_unchecked(struct db *db, const unsigned char *office_box_sk);
/* Calls fn for each entry in order: id, when, user, key, action, object,
 * detail, prev, hash, mac. */
int db_audit_list(struct db *db, db_row_fn fn, void *arg);

/* What db_audit_verify found. */
struct db_audit_check {
	long long rows, chained, macs;	/* entries; chained; MACs checked */
	long long broken;	/* the first entry where the chain breaks, or 0 */
	char why[160];		/* why it breaks there */
};
/* Walks the log in order: every chained row's prev is the hash of the
 * chained row before (the first: 64 zeros), its hash matches its fields,
 * no unchained row (of a store before schema 3) after a chained one, and
 * with db_office_key every chained row has its MAC, and it matches. 0 (see out->broken), or a DB_
 * code. */
int db_audit_verify(struct db *db, struct db_audit_check *out);

/* Backends (db_sqlite.c, db_pg.c): the connection in db->conn. */
int db_sqlite_open(struct db *db, const char *path, bool create);
int db_pg_open(struct db *db, const char *conninfo);

#endif
