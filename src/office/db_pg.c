/* db_pg: the office store on a PostgreSQL server through libpq (db.h).
 * Transactions are SERIALIZABLE, except those that lock what they decide
 * on (db->locking: the import, which takes advisory locks on its bundle
 * and on each of its cases before reading them, and on the audit log's
 * head before appending to it): those run at READ COMMITTED, so a read
 * after a lock sees the last committed version, and imports of disjoint
 * bundles never roll each other back. A serialization failure (40001), a
 * deadlock (40P01) or a unique violation (23505) is still DB_RETRY, and
 * db_transact runs the loser again, which then finds the winner's rows.
 * The schema is created under an advisory lock, so that two first
 * imports at once do not race. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "office/db.h"
#include "office/pq_load.h"

#define FUNCTION_BODY \
	" BEGIN RAISE EXCEPTION 'the table % is append-only (tipscreen)', TG_TABLE_NAME; END "
#define NO_CHANGE(table) \
	"CREATE OR REPLACE TRIGGER " table "_no_update BEFORE UPDATE OR DELETE ON " table \
	" FOR EACH ROW EXECUTE FUNCTION tipscreen_append_only()", \
	"CREATE OR REPLACE TRIGGER " table "_no_truncate BEFORE TRUNCATE ON " table \
	" FOR EACH STATEMENT EXECUTE FUNCTION tipscreen_append_only()"
static const char *const triggers[] = {
	"CREATE OR REPLACE FUNCTION tipscreen_append_only() RETURNS trigger LANGUAGE plpgsql AS "
	"$$" FUNCTION_BODY "$$",
	NO_CHANGE("audit"), NO_CHANGE("bundles"), NO_CHANGE("conflicts"), NO_CHANGE("exports"),
	NO_CHANGE("reviews"), NO_CHANGE("resolutions"), NO_CHANGE("laptops"),
	NULL
};

/* The role the office's commands connect as (README: the two roles). */
#define ROLE "tipscreen"
#define GUARDED \
	"('audit', 'bundles', 'conflicts', 'exports', 'reviews', 'resolutions', 'laptops')"
#define TABLES \
	"meta, bundles, cases, case_facts, conflicts, audit, exports, reviews, resolutions, laptops"

static int pg_failed(struct db *db, PGresult *r)
{
	PGconn *c = db->conn;
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	snprintf(db->err, sizeof db->err, "%s", msg ? msg : PQerrorMessage(c));
	db->err[strcspn(db->err, "\n")] = '\0';
	/* 25P02: a statement after a failed one in the same transaction;
	 * rolled back and run again like the failure before it. */
	bool retry = state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
			       strcmp(state, "23505") == 0 || strcmp(state, "25P02") == 0);
	PQclear(r);
	return retry ? DB_RETRY : DB_ERROR;
}

static int pg_exec(struct db *db, const char *sql, const char *const *p, int np, db_row_fn fn,
		   void *arg)
{
	PGresult *r = np ? PQexecParams(db->conn, sql, np, NULL, p, NULL, NULL, 0)
			 : PQexec(db->conn, sql);
	ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		return pg_failed(db, r);
	int stop = 0;
	enum { MAXCOL = 64 };
	const char *val[MAXCOL];
	int ncol = PQnfields(r) > MAXCOL ? MAXCOL : PQnfields(r);
	for (int row = 0; fn && row < PQntuples(r) && !stop; row++) {
		for (int i = 0; i < ncol; i++)
			val[i] = PQgetisnull(r, row, i) ? NULL : PQgetvalue(r, row, i);
		stop = fn(arg, ncol, val);
	}
	PQclear(r);
	return stop;
}

static int pg_begin(struct db *db)
{
	return pg_exec(db, db->locking ? "BEGIN ISOLATION LEVEL READ COMMITTED"
			   : "BEGIN ISOLATION LEVEL SERIALIZABLE", NULL, 0, NULL, NULL);
}

/* The advisory locks of keys (sorted), in one statement: the function is
 * volatile, so it runs after the ORDER BY, taking them in that order. */
static int pg_lock(struct db *db, const long long *keys, size_t n)
{
	char *arr = NULL;
	size_t len;
	FILE *f = open_memstream(&arr, &len);
	if (!f)
		return DB_ERROR;
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%c%lld", i ? ',' : '{', keys[i]);
	fputc('}', f);
	fclose(f);
	const char *p[] = { arr };
	int rc = pg_exec(db, "SELECT pg_advisory_xact_lock(k) FROM (SELECT k FROM "
			 "unnest($1::bigint[]) AS k ORDER BY k) AS s", p, 1, NULL, NULL);
	free(arr);
	return rc;
}

static void pg_close(struct db *db)
{
	if (db->conn)
		PQfinish(db->conn);
	db->conn = NULL;
}

/* A count of a catalogue query: >= 0, or a DB_ code. */
static int count(struct db *db, const char *sql, const char *param)
{
	char v[24];
	const char *p[] = { param };
	int rc = db_value(db, sql, p, param ? 1 : 0, v, sizeof v);
	return rc < 0 ? rc : rc == 0 ? 0 : atoi(v);
}

static int refuse(struct db *db, const char *why)
{
	snprintf(db->err, sizeof db->err, "%s", why);
	return DB_ERROR;
}

/* The fourteen triggers enabled, each calling the function, whose body is
 * ours; unless as_owner, the role connected is no superuser, cannot act
 * as the owner of a table, and may not change the guarded ones. */
static int pg_check(struct db *db, bool as_owner)
{
	int n = count(db, "SELECT COUNT(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
		      "JOIN pg_proc p ON p.oid = t.tgfoid WHERE c.relnamespace = "
		      "current_schema()::regnamespace AND c.relname IN " GUARDED " AND (t.tgname = "
		      "c.relname || '_no_update' OR t.tgname = c.relname || '_no_truncate') AND "
		      "t.tgenabled = 'O' AND p.proname = 'tipscreen_append_only' AND p.prosrc = $1",
		      FUNCTION_BODY);
	if (n < 0)
		return n;
	if (n != 14)
		return refuse(db, "the store's append-only triggers are not the ones tipscreen made "
			      "(disabled, dropped or changed): its tables cannot be trusted; the admin "
			      "role runs `tipscreen office init` again after finding out who did it");
	if (as_owner)
		return DB_OK;
	n = count(db, "SELECT COUNT(*) FROM pg_class c WHERE c.relnamespace = "
		  "current_schema()::regnamespace AND c.relname IN ('meta', 'bundles', 'cases', "
		  "'case_facts', 'conflicts', 'audit', 'exports', 'reviews', 'resolutions', "
		  "'laptops') AND (pg_has_role(current_user, c.relowner, "
		  "'USAGE') OR (c.relname IN " GUARDED " AND (has_table_privilege(c.oid, 'UPDATE') "
		  "OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, "
		  "'TRUNCATE')))) OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND "
		  "rolsuper)", NULL);
	if (n < 0)
		return n;
	if (n > 0)
		return refuse(db, "the role connected owns the office store's tables, or may change "
			      "its audit log, bundles or conflicts: connect as the role " ROLE " "
			      "(README: the office store on PostgreSQL, two roles)");
	return DB_OK;
}

static int pg_owns(struct db *db)
{
	int n = count(db, "SELECT COUNT(*) FROM pg_class c WHERE c.relnamespace = "
		      "current_schema()::regnamespace AND c.relname = 'meta' AND NOT "
		      "pg_has_role(current_user, c.relowner, 'USAGE')", NULL);
	return n < 0 ? n : n == 0;
}

/* As the owner: the role tipscreen may read every table, add rows, update
 * a case and replace its facts, and nothing else. */
static int pg_grant(struct db *db)
{
	int n = count(db, "SELECT COUNT(*) FROM pg_roles WHERE rolname = '" ROLE "'", NULL);
	if (n < 0)
		return n;
	if (n == 0)
		return refuse(db, "there is no role " ROLE " for the office's commands: create it "
			      "(`createuser " ROLE "`), then run `tipscreen office init` again as the "
			      "admin role (README: two roles)");
	n = count(db, "SELECT COUNT(*) FROM pg_class c WHERE c.relname = 'meta' AND "
		  "c.relnamespace = current_schema()::regnamespace AND pg_has_role('" ROLE "', "
		  "c.relowner, 'USAGE')", NULL);
	if (n != 0)
		return n < 0 ? n : refuse(db, "the role " ROLE " owns the office store: the tables "
					  "must belong to an admin role (README: two roles; ALTER "
					  "TABLE … OWNER TO the admin)");
	static const char *const grants[] = {
		"REVOKE ALL ON " TABLES " FROM " ROLE,
		"GRANT SELECT ON " TABLES " TO " ROLE,
		"GRANT INSERT ON bundles, cases, case_facts, conflicts, audit, exports, reviews, "
		"resolutions, laptops TO " ROLE,
		"GRANT UPDATE ON cases TO " ROLE,
		"GRANT DELETE ON case_facts TO " ROLE,
		"GRANT USAGE ON SEQUENCE audit_id_seq, conflicts_id_seq, exports_id_seq, reviews_id_seq, "
		"resolutions_id_seq, laptops_id_seq TO " ROLE,
	};
	for (size_t i = 0; i < sizeof grants / sizeof grants[0]; i++) {
		int rc = pg_exec(db, grants[i], NULL, 0, NULL, NULL);
		if (rc < 0)
			return rc;
	}
	return DB_OK;
}

static const struct db_ops pg_ops = {
	.name = "postgresql",
	.serial = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
	.lock = "SELECT pg_advisory_xact_lock(7226021)",
	.triggers = triggers,
	.check = pg_check,
	.owns = pg_owns,
	.grant = pg_grant,
	.exec = pg_exec,
	.begin = pg_begin,
	.lock_keys = pg_lock,
	.close = pg_close,
};

static void no_notices(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

int db_pg_open(struct db *db, const char *conninfo)
{
	db->ops = &pg_ops;
	db->conn = NULL;
	if (pq_load(db->err, sizeof db->err) < 0)
		return DB_ERROR;
	PGconn *c = PQconnectdb(conninfo);
	db->conn = c;
	if (!c || PQstatus(c) != CONNECTION_OK) {
		snprintf(db->err, sizeof db->err, "cannot connect to the PostgreSQL server: %s",
			 c ? PQerrorMessage(c) : "out of memory");
		db->err[strcspn(db->err, "\n")] = '\0';
		return DB_ERROR;
	}
	PQsetNoticeProcessor(c, no_notices, NULL);
	return pg_exec(db, "SET client_min_messages = warning", NULL, 0, NULL, NULL);
}
