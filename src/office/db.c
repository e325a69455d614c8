/* db: the office store's schema and rows over either backend (db.h). */
#include "office/db.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"

/* The schema, the same for both backends; @ID@ is the backend's id column. */
static const char *const tables[] = {
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS bundles (hash TEXT PRIMARY KEY, file TEXT NOT NULL, "
	"device TEXT NOT NULL, laptop TEXT NOT NULL, made BIGINT NOT NULL, "
	"imported BIGINT NOT NULL, sealed TEXT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS cases (id TEXT PRIMARY KEY, laptop TEXT NOT NULL, "
	"device TEXT NOT NULL, bundle TEXT NOT NULL REFERENCES bundles(hash), status TEXT NOT NULL, "
	"deck TEXT NOT NULL, created BIGINT NOT NULL, updated BIGINT NOT NULL, "
	"nrec BIGINT NOT NULL, hash TEXT NOT NULL, outcome TEXT NOT NULL, child TEXT NOT NULL, "
	"flags TEXT NOT NULL, forms TEXT NOT NULL, month TEXT NOT NULL, role TEXT NOT NULL, "
	"place TEXT NOT NULL, interpreter TEXT NOT NULL, deck_version TEXT NOT NULL, "
	"imported BIGINT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS conflicts (id @ID@, case_id TEXT NOT NULL, "
	"bundle TEXT NOT NULL REFERENCES bundles(hash), laptop TEXT NOT NULL, nrec BIGINT NOT NULL, "
	"hash TEXT NOT NULL, stored_nrec BIGINT NOT NULL, found BIGINT NOT NULL, "
	"UNIQUE (case_id, hash))",
	"CREATE TABLE IF NOT EXISTS audit (id @ID@, at BIGINT NOT NULL, os_user TEXT NOT NULL, "
	"key_fp TEXT NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL, detail TEXT NOT NULL)",
	"INSERT INTO meta (key, value) VALUES ('schema', '1') ON CONFLICT DO NOTHING",
	NULL
};

static int set_error(char *err, size_t n, const char *msg)
{
	snprintf(err, n, "%s", msg);
	return -1;
}

static bool is_pg(const char *url)
{
	return strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0;
}

bool db_url_valid(const char *url)
{
	return is_pg(url) || (strncmp(url, "sqlite:", 7) == 0 && url[7]) ||
	       (*url && strncmp(url, "sqlite:", 7) != 0 && !(strchr(url, ':') && !strchr(url, '/')));
}

struct db *db_open(const char *url, char *err, size_t n)
{
	struct db *db = xcalloc(1, sizeof *db);
	int rc;
	if (is_pg(url))
		rc = db_pg_open(db, url);
	else if (strncmp(url, "sqlite:", 7) == 0)
		rc = url[7] ? db_sqlite_open(db, url + 7) : set_error(db->err, sizeof db->err,
			"expected a path after sqlite:");
	else if (strchr(url, ':') && !strchr(url, '/'))
		rc = set_error(db->err, sizeof db->err,
			       "expected sqlite:PATH or postgresql://… (a libpq URI)");
	else
		rc = db_sqlite_open(db, url);
	if (rc < 0) {
		snprintf(err, n, "%s", db->err);
		if (db->ops)
			db->ops->close(db);
		free(db);
		return NULL;
	}
	return db;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	db->ops->close(db);
	free(db);
}

const char *db_error(const struct db *db)
{
	return db->err;
}

const char *db_backend(const struct db *db)
{
	return db->ops->name;
}

int db_exec(struct db *db, const char *sql, const char *const *p, int np, db_row_fn fn, void *arg)
{
	return db->ops->exec(db, sql, p, np, fn, arg);
}

int db_begin(struct db *db)
{
	return db->ops->begin(db);
}

int db_commit(struct db *db)
{
	return db_exec(db, "COMMIT", NULL, 0, NULL, NULL);
}

void db_rollback(struct db *db)
{
	char keep[sizeof db->err];
	memcpy(keep, db->err, sizeof keep);
	db_exec(db, "ROLLBACK", NULL, 0, NULL, NULL);
	memcpy(db->err, keep, sizeof keep);
}

int db_transact(struct db *db, int (*fn)(struct db *db, void *arg), void *arg)
{
	for (int attempt = 0; attempt < 20; attempt++) {
		int rc = db_begin(db);
		if (rc == DB_OK)
			rc = fn(db, arg);
		if (rc == DB_OK)
			rc = db_commit(db);
		if (rc == DB_OK)
			return DB_OK;
		db_rollback(db);
		if (rc != DB_RETRY)
			return rc;
		usleep(1000u * (unsigned)(1 + attempt * 7 % 23));
	}
	snprintf(db->err, sizeof db->err, "the store stayed busy: too many concurrent changes");
	return DB_ERROR;
}

static int init_tx(struct db *db, void *arg)
{
	(void)arg;
	char sql[1024];
	if (db->ops->lock && db_exec(db, db->ops->lock, NULL, 0, NULL, NULL) < 0)
		return DB_ERROR;
	for (size_t i = 0; tables[i]; i++) {
		const char *at = strstr(tables[i], "@ID@");
		if (at)
			snprintf(sql, sizeof sql, "%.*s%s%s", (int)(at - tables[i]), tables[i],
				 db->ops->serial, at + 4);
		else
			snprintf(sql, sizeof sql, "%s", tables[i]);
		int rc = db_exec(db, sql, NULL, 0, NULL, NULL);
		if (rc)
			return rc;
	}
	for (size_t i = 0; db->ops->triggers[i]; i++) {
		int rc = db_exec(db, db->ops->triggers[i], NULL, 0, NULL, NULL);
		if (rc)
			return rc;
	}
	return DB_OK;
}

int db_init(struct db *db)
{
	return db_transact(db, init_tx, NULL);
}

struct value {
	char *out;
	size_t n;
};

static int first_value(void *arg, int ncol, const char *const *val)
{
	struct value *v = arg;
	snprintf(v->out, v->n, "%s", ncol > 0 && val[0] ? val[0] : "");
	return 1;
}

int db_value(struct db *db, const char *sql, const char *const *p, int np, char *out, size_t n)
{
	struct value v = { out, n };
	int rc = db_exec(db, sql, p, np, first_value, &v);
	return rc == 1 ? 1 : rc == DB_OK ? 0 : rc;
}

/* --- cases ---------------------------------------------------------------- */

#define DB_X_NAME(name) #name ", "
static const char case_columns[] = DB_CASE_FIELDS(DB_X_NAME);
#undef DB_X_NAME
#define DB_X_COUNT(name) +1
enum { NCASE = 0 DB_CASE_FIELDS(DB_X_COUNT) };
#undef DB_X_COUNT

static int fill_case(void *arg, int ncol, const char *const *val)
{
	struct db_case *c = arg;
	char *dst[] = {
#define DB_X_PTR(name) c->name,
		DB_CASE_FIELDS(DB_X_PTR)
#undef DB_X_PTR
	};
	for (int i = 0; i < NCASE && i < ncol; i++)
		snprintf(dst[i], DB_TEXT, "%s", val[i] ? val[i] : "");
	return 1;
}

int db_case_find(struct db *db, const char *id, struct db_case *c)
{
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT %.*s FROM cases WHERE id = $1",
		 (int)(sizeof case_columns - 3), case_columns);
	const char *p[] = { id };
	int rc = db_exec(db, sql, p, 1, fill_case, c);
	return rc == 1 ? 1 : rc;
}

int db_case_put(struct db *db, const struct db_case *c, bool update)
{
	const char *p[] = {
#define DB_X_VAL(name) c->name,
		DB_CASE_FIELDS(DB_X_VAL)
#undef DB_X_VAL
	};
	char sql[2048];
	if (update) {
		size_t at = (size_t)snprintf(sql, sizeof sql, "UPDATE cases SET ");
		const char *col = case_columns;
		for (int i = 2; i <= NCASE; i++) {	/* every column but id */
			col = strchr(col, ' ') + 1;
			at += (size_t)snprintf(sql + at, sizeof sql - at, "%s%.*s = $%d",
					       i > 2 ? ", " : "", (int)strcspn(col, ","), col, i);
		}
		snprintf(sql + at, sizeof sql - at, " WHERE id = $1");
	} else {
		size_t at = (size_t)snprintf(sql, sizeof sql, "INSERT INTO cases (%.*s) VALUES (",
					     (int)(sizeof case_columns - 3), case_columns);
		for (int i = 1; i <= NCASE; i++)
			at += (size_t)snprintf(sql + at, sizeof sql - at, "%s$%d", i > 1 ? ", " : "", i);
		snprintf(sql + at, sizeof sql - at, ")");
	}
	return db_exec(db, sql, p, NCASE, NULL, NULL);
}

int db_cases(struct db *db, db_row_fn fn, void *arg)
{
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT %s(SELECT COUNT(*) FROM conflicts f WHERE f.case_id = "
		 "cases.id) FROM cases ORDER BY id", case_columns);
	return db_exec(db, sql, NULL, 0, fn, arg);
}

/* --- bundles, conflicts ----------------------------------------------------- */

int db_bundle_known(struct db *db, const char *hash)
{
	char v[8];
	const char *p[] = { hash };
	return db_value(db, "SELECT 1 FROM bundles WHERE hash = $1", p, 1, v, sizeof v);
}

static void number(char *buf, size_t n, long long v)
{
	snprintf(buf, n, "%lld", v);
}

int db_bundle_put(struct db *db, const char *hash, const char *file, const char *device,
		  const char *laptop, long long made, const char *sealed)
{
	char m[24], now[24];
	number(m, sizeof m, made);
	number(now, sizeof now, (long long)time(NULL));
	const char *p[] = { hash, file, device, laptop, m, now, sealed };
	return db_exec(db, "INSERT INTO bundles (hash, file, device, laptop, made, imported, sealed) "
		       "VALUES ($1, $2, $3, $4, $5, $6, $7)", p, 7, NULL, NULL);
}

struct text {
	char *s;
	size_t len;
};

static int take_text(void *arg, int ncol, const char *const *val)
{
	struct text *t = arg;
	if (ncol < 1 || !val[0])
		return 1;
	t->len = strlen(val[0]);
	t->s = xmalloc(t->len + 1);
	memcpy(t->s, val[0], t->len + 1);
	return 1;
}

char *db_bundle_sealed(struct db *db, const char *hash, size_t *len)
{
	struct text t = { NULL, 0 };
	const char *p[] = { hash };
	db_exec(db, "SELECT sealed FROM bundles WHERE hash = $1", p, 1, take_text, &t);
	*len = t.len;
	return t.s;
}

int db_conflict_add(struct db *db, const char *id, const char *bundle, const char *laptop,
		    long long nrec, const char *hash, long long stored_nrec)
{
	char v[8], nr[24], snr[24], now[24];
	const char *q[] = { id, hash };
	int known = db_value(db, "SELECT 1 FROM conflicts WHERE case_id = $1 AND hash = $2", q, 2,
			     v, sizeof v);
	if (known != 0)
		return known < 0 ? known : 0;
	number(nr, sizeof nr, nrec);
	number(snr, sizeof snr, stored_nrec);
	number(now, sizeof now, (long long)time(NULL));
	const char *p[] = { id, bundle, laptop, nr, hash, snr, now };
	int rc = db_exec(db, "INSERT INTO conflicts (case_id, bundle, laptop, nrec, hash, "
			 "stored_nrec, found) VALUES ($1, $2, $3, $4, $5, $6, $7)", p, 7, NULL, NULL);
	return rc == DB_OK ? 1 : rc;
}

int db_conflicts(struct db *db, db_row_fn fn, void *arg)
{
	return db_exec(db, "SELECT id, case_id, laptop, bundle, nrec, stored_nrec, found "
		       "FROM conflicts ORDER BY id", NULL, 0, fn, arg);
}

/* --- audit ------------------------------------------------------------------ */

/* The OS user running this: the name, else the uid. */
static void os_user(char *buf, size_t n)
{
	struct passwd *pw = getpwuid(geteuid());
	if (pw && pw->pw_name && *pw->pw_name)
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "uid %ld", (long)geteuid());
}

int db_audit(struct db *db, const char *action, const char *object, const char *detail,
	     const char *key)
{
	char at[24], user[128];
	number(at, sizeof at, (long long)time(NULL));
	os_user(user, sizeof user);
	const char *p[] = { at, user, key ? key : "-", action, object, detail };
	return db_exec(db, "INSERT INTO audit (at, os_user, key_fp, action, object, detail) "
		       "VALUES ($1, $2, $3, $4, $5, $6)", p, 6, NULL, NULL);
}

int db_audit_list(struct db *db, db_row_fn fn, void *arg)
{
	return db_exec(db, "SELECT id, at, os_user, key_fp, action, object, detail FROM audit "
		       "ORDER BY id", NULL, 0, fn, arg);
}
