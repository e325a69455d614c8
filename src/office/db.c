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
	"nrec BIGINT NOT NULL, hash TEXT NOT NULL@FACTS@, imported BIGINT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS case_facts (case_id TEXT NOT NULL REFERENCES cases(id), "
	"fact TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (case_id, fact, value))",
	"CREATE TABLE IF NOT EXISTS conflicts (id @ID@, case_id TEXT NOT NULL, "
	"bundle TEXT NOT NULL REFERENCES bundles(hash), laptop TEXT NOT NULL, nrec BIGINT NOT NULL, "
	"hash TEXT NOT NULL, stored_nrec BIGINT NOT NULL, found BIGINT NOT NULL, "
	"UNIQUE (case_id, hash))",
	"CREATE TABLE IF NOT EXISTS audit (id @ID@, at BIGINT NOT NULL, os_user TEXT NOT NULL, "
	"key_fp TEXT NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL, detail TEXT NOT NULL)",
	"INSERT INTO meta (key, value) VALUES ('schema', '2') ON CONFLICT DO NOTHING",
	NULL
};

/* ", outcome TEXT NOT NULL, …": the ONE facts' columns (a new string). */
static char *fact_columns_ddl(void)
{
	char *out = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	if (!f)
		return xstrdup("");
	for (int k = 0; k < FACT_COUNT; k++)
		if (fact_kind(k) == FACT_ONE)
			fprintf(f, ", %s TEXT NOT NULL", fact_column(k));
	fclose(f);
	return out;
}

/* tables[i] with @ID@ and @FACTS@ filled in for db's backend: a new string. */
static char *table_ddl(const struct db *db, const char *t)
{
	const char *at = strstr(t, "@ID@"), *facts = strstr(t, "@FACTS@");
	if (at)
		return xasprintf("%.*s%s%s", (int)(at - t), t, db->ops->serial, at + 4);
	if (!facts)
		return xstrdup(t);
	char *cols = fact_columns_ddl();
	char *sql = xasprintf("%.*s%s%s", (int)(facts - t), t, cols, facts + 7);
	free(cols);
	return sql;
}

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

/* The rows of schema 1's comma-joined lists, to be moved. */
struct lists {
	char **v;	/* case id, flags, forms, … */
	size_t n, cap;
};

static int take_lists(void *arg, int ncol, const char *const *val)
{
	struct lists *l = arg;
	for (int i = 0; i < 3; i++) {
		xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
		l->v[l->n++] = xstrdup(i < ncol && val[i] ? val[i] : "");
	}
	return 0;
}

/* Inserts the case_facts rows of one comma-joined list of schema 1. */
static int split_list(struct db *db, const char *id, enum fact f, const char *list)
{
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		char *one = xstrndup(p, n);
		const char *q[] = { id, fact_name(f), one };
		int rc = n ? db_exec(db, "INSERT INTO case_facts (case_id, fact, value) VALUES ($1, $2, "
				     "$3) ON CONFLICT DO NOTHING", q, 3, NULL, NULL) : DB_OK;
		free(one);
		if (rc)
			return rc;
		p += n + (p[n] == ',');
	}
	return DB_OK;
}

/* Schema 1 to 2: the flags and forms columns become case_facts rows. */
static int migrate_1(struct db *db)
{
	struct lists l = { 0 };
	int rc = db_exec(db, "SELECT id, flags, forms FROM cases", NULL, 0, take_lists, &l);
	for (size_t i = 0; rc == DB_OK && i + 2 < l.n; i += 3) {
		rc = split_list(db, l.v[i], FACT_FLAG, l.v[i + 1]);
		if (rc == DB_OK)
			rc = split_list(db, l.v[i], FACT_FORM, l.v[i + 2]);
	}
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	static const char *const steps[] = {
		"ALTER TABLE cases DROP COLUMN flags", "ALTER TABLE cases DROP COLUMN forms",
		"UPDATE meta SET value = '2' WHERE key = 'schema'",
	};
	for (size_t i = 0; rc == DB_OK && i < sizeof steps / sizeof steps[0]; i++)
		rc = db_exec(db, steps[i], NULL, 0, NULL, NULL);
	return rc;
}

/* Brings the store to DB_SCHEMA, or refuses a later one. */
static int migrate(struct db *db)
{
	char v[16];
	int rc = db_value(db, "SELECT value FROM meta WHERE key = 'schema'", NULL, 0, v, sizeof v);
	if (rc < 0)
		return rc;
	if (rc == 1 && strcmp(v, "1") == 0)
		return migrate_1(db);
	if (rc == 1 && atoi(v) > DB_SCHEMA) {
		snprintf(db->err, sizeof db->err, "the office store has schema %.8s, of a later "
			 "tipscreen (this one knows schema %d): use that tipscreen", v, DB_SCHEMA);
		return DB_ERROR;
	}
	return DB_OK;
}

static int init_tx(struct db *db, void *arg)
{
	(void)arg;
	if (db->ops->lock && db_exec(db, db->ops->lock, NULL, 0, NULL, NULL) < 0)
		return DB_ERROR;
	for (size_t i = 0; tables[i]; i++) {
		char *sql = table_ddl(db, tables[i]);
		int rc = db_exec(db, sql, NULL, 0, NULL, NULL);
		free(sql);
		if (rc)
			return rc;
	}
	int rc = migrate(db);
	for (size_t i = 0; rc == DB_OK && db->ops->triggers[i]; i++)
		rc = db_exec(db, db->ops->triggers[i], NULL, 0, NULL, NULL);
	return rc;
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

#define DB_X_COUNT(name) +1
enum { NOWN = 0 DB_CASE_OWN(DB_X_COUNT) };
#undef DB_X_COUNT

/* "id, laptop, …, hash, outcome, …, imported": the cases table's columns,
 * in the order of db_case_column (a new string). */
static char *case_columns(void)
{
	char *out = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	if (!f)
		return xstrdup("id");
#define DB_X_NAME(name) fprintf(f, "%s, ", #name);
	DB_CASE_OWN(DB_X_NAME)
#undef DB_X_NAME
	for (int k = 0; k < FACT_COUNT; k++)
		if (fact_kind(k) == FACT_ONE)
			fprintf(f, "%s, ", fact_column(k));
	fputs("imported", f);
	fclose(f);
	return out;
}

/* The number of columns case_columns names. */
static int ncolumns(void)
{
	int n = NOWN + 1;
	for (int k = 0; k < FACT_COUNT; k++)
		n += fact_kind(k) == FACT_ONE;
	return n;
}

int db_case_column(enum fact f)
{
	int at = NOWN;
	for (int k = 0; k < FACT_COUNT && k != (int)f; k++)
		at += fact_kind(k) == FACT_ONE;
	return (unsigned)f < FACT_COUNT && fact_kind(f) == FACT_ONE ? at : -1;
}

int db_case_conflicts_column(void)
{
	return ncolumns();
}

void db_case_free(struct db_case *c)
{
#define DB_X_FREE(name) free(c->name);
	DB_CASE_OWN(DB_X_FREE)
#undef DB_X_FREE
	free(c->imported);
	facts_free(&c->facts);
	memset(c, 0, sizeof *c);
}

static const char *text_or_empty(const char *v)
{
	return v ? v : "";
}

static int fill_case(void *arg, int ncol, const char *const *val)
{
	struct db_case *c = arg;
	if (ncol < ncolumns())
		return 1;
	int i = 0;
#define DB_X_TAKE(name) c->name = xstrdup(text_or_empty(val[i++]));
	DB_CASE_OWN(DB_X_TAKE)
#undef DB_X_TAKE
	for (int k = 0; k < FACT_COUNT; k++)
		if (fact_kind(k) == FACT_ONE)
			facts_set(&c->facts, k, text_or_empty(val[i++]));
	c->imported = xstrdup(text_or_empty(val[i]));
	return 1;
}

static int take_fact(void *arg, int ncol, const char *const *val)
{
	struct db_case *c = arg;
	int f = ncol >= 2 && val[0] && val[1] ? fact_find(val[0]) : -1;
	if (f >= 0 && fact_kind(f) == FACT_SET)
		facts_set(&c->facts, f, val[1]);
	return 0;
}

int db_case_find(struct db *db, const char *id, struct db_case *c)
{
	memset(c, 0, sizeof *c);
	char *cols = case_columns();
	char *sql = xasprintf("SELECT %s FROM cases WHERE id = $1", cols);
	const char *p[] = { id };
	int rc = db_exec(db, sql, p, 1, fill_case, c);
	free(sql);
	free(cols);
	if (rc == 1)
		rc = db_exec(db, "SELECT fact, value FROM case_facts WHERE case_id = $1 ORDER BY fact, "
			     "value", p, 1, take_fact, c);
	else if (rc == DB_OK)
		return 0;
	if (rc != DB_OK)
		db_case_free(c);
	return rc == DB_OK ? 1 : rc;
}

/* The values of c in the order of case_columns (borrowed). */
static const char **case_values(const struct db_case *c)
{
	const char **p = xcalloc((size_t)ncolumns(), sizeof *p);
	int i = 0;
#define DB_X_VAL(name) p[i++] = c->name;
	DB_CASE_OWN(DB_X_VAL)
#undef DB_X_VAL
	for (int k = 0; k < FACT_COUNT; k++)
		if (fact_kind(k) == FACT_ONE) {
			const char *v = facts_get(&c->facts, k);
			p[i++] = v ? v : FACT_UNKNOWN;
		}
	p[i] = c->imported;
	return p;
}

/* The INSERT, or (update) the UPDATE of the row $1, of every column. */
static char *put_sql(bool update)
{
	char *cols = case_columns(), *out = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	if (!f) {
		free(cols);
		return NULL;
	}
	if (update) {
		fputs("UPDATE cases SET ", f);
		const char *col = strchr(cols, ' ') + 1;	/* every column but id */
		for (int i = 2; i <= ncolumns(); i++) {
			fprintf(f, "%s%.*s = $%d", i > 2 ? ", " : "", (int)strcspn(col, ","), col, i);
			col = strchr(col, ' ') ? strchr(col, ' ') + 1 : col;
		}
		fputs(" WHERE id = $1", f);
	} else {
		fprintf(f, "INSERT INTO cases (%s) VALUES (", cols);
		for (int i = 1; i <= ncolumns(); i++)
			fprintf(f, "%s$%d", i > 1 ? ", " : "", i);
		fputc(')', f);
	}
	fclose(f);
	free(cols);
	return out;
}

/* Replaces the case_facts rows of c. */
static int put_facts(struct db *db, const struct db_case *c)
{
	const char *p[] = { c->id, NULL, NULL };
	int rc = db_exec(db, "DELETE FROM case_facts WHERE case_id = $1", p, 1, NULL, NULL);
	for (size_t i = 0; rc == DB_OK && i < c->facts.n; i++) {
		if (fact_kind(c->facts.v[i].fact) != FACT_SET)
			continue;
		p[1] = fact_name(c->facts.v[i].fact);
		p[2] = c->facts.v[i].value;
		rc = db_exec(db, "INSERT INTO case_facts (case_id, fact, value) VALUES ($1, $2, $3)", p,
			     3, NULL, NULL);
	}
	return rc;
}

int db_case_put(struct db *db, const struct db_case *c, bool update)
{
	const char **p = case_values(c);
	char *sql = put_sql(update);
	int rc = sql ? db_exec(db, sql, p, ncolumns(), NULL, NULL) : DB_ERROR;
	if (!sql)
		snprintf(db->err, sizeof db->err, "out of memory");
	free(sql);
	free(p);
	return rc == DB_OK ? put_facts(db, c) : rc;
}

int db_cases(struct db *db, db_row_fn fn, void *arg)
{
	char *cols = case_columns();
	char *sql = xasprintf("SELECT %s, (SELECT COUNT(*) FROM conflicts f WHERE f.case_id = "
			      "cases.id) FROM cases ORDER BY id", cols);
	int rc = db_exec(db, sql, NULL, 0, fn, arg);
	free(sql);
	free(cols);
	return rc;
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
