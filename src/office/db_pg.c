/* db_pg: the office store on a PostgreSQL server through libpq (db.h).
 * Transactions are SERIALIZABLE; a serialization failure (40001), a
 * deadlock (40P01) or a unique violation (23505: two imports of the same
 * bundle or case at once) is DB_RETRY, and db_transact runs the loser
 * again, which then finds the winner's rows. The schema is created under
 * an advisory lock, so that two first imports at once do not race. */
#include <stdio.h>
#include <string.h>

#include "office/db.h"
#include "office/pq_load.h"

static const char *const triggers[] = {
	"CREATE OR REPLACE FUNCTION tipscreen_append_only() RETURNS trigger LANGUAGE plpgsql AS "
	"$$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$",
	"CREATE OR REPLACE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit "
	"FOR EACH ROW EXECUTE FUNCTION tipscreen_append_only()",
	"CREATE OR REPLACE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit "
	"FOR EACH STATEMENT EXECUTE FUNCTION tipscreen_append_only()",
	NULL
};

static int pg_failed(struct db *db, PGresult *r)
{
	PGconn *c = db->conn;
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	snprintf(db->err, sizeof db->err, "%s", msg ? msg : PQerrorMessage(c));
	db->err[strcspn(db->err, "\n")] = '\0';
	bool retry = state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
			       strcmp(state, "23505") == 0);
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
	return pg_exec(db, "BEGIN ISOLATION LEVEL SERIALIZABLE", NULL, 0, NULL, NULL);
}

static void pg_close(struct db *db)
{
	if (db->conn)
		PQfinish(db->conn);
	db->conn = NULL;
}

static const struct db_ops pg_ops = {
	.name = "postgresql",
	.serial = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
	.lock = "SELECT pg_advisory_xact_lock(7226021)",
	.triggers = triggers,
	.exec = pg_exec,
	.begin = pg_begin,
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
