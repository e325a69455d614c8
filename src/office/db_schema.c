/* db_schema: the office store's schema (db.h): its tables, the
 * migrations from schemas 1, 2 and 3, db_init and db_check, the store's id
 * and name. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "office/db.h"

/* The schema, the same for both backends (schema 4 adds the review
 * states, reviews, the conflicts' resolutions and the laptops' names, all
 * append-only); @ID@ is the backend's id column,
 * @FACTS@ the ONE facts' columns, @S@ a suffix of the table names (the
 * migration to schema 3 builds "cases_3" and renames it). */
#define CASES_DDL \
	"CREATE TABLE IF NOT EXISTS cases@S@ (id TEXT NOT NULL, laptop TEXT NOT NULL, " \
	"device TEXT NOT NULL, bundle TEXT NOT NULL REFERENCES bundles(hash), status TEXT NOT NULL, " \
	"deck TEXT NOT NULL, created BIGINT NOT NULL, updated BIGINT NOT NULL, " \
	"nrec BIGINT NOT NULL, hash TEXT NOT NULL@FACTS@, imported BIGINT NOT NULL, mac TEXT, " \
	"PRIMARY KEY (laptop, id))"
#define CASE_FACTS_DDL \
	"CREATE TABLE IF NOT EXISTS case_facts@S@ (laptop TEXT NOT NULL, case_id TEXT NOT NULL, " \
	"fact TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (laptop, case_id, fact, value), " \
	"FOREIGN KEY (laptop, case_id) REFERENCES cases@S@ (laptop, id))"
static const char *const tables[] = {
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS bundles (hash TEXT PRIMARY KEY, file TEXT NOT NULL, "
	"device TEXT NOT NULL, laptop TEXT NOT NULL, made BIGINT NOT NULL, "
	"imported BIGINT NOT NULL, sealed TEXT NOT NULL)",
	CASES_DDL,
	CASE_FACTS_DDL,
	"CREATE TABLE IF NOT EXISTS conflicts (id @ID@, case_id TEXT NOT NULL, "
	"bundle TEXT NOT NULL REFERENCES bundles(hash), laptop TEXT NOT NULL, nrec BIGINT NOT NULL, "
	"hash TEXT NOT NULL, stored_nrec BIGINT NOT NULL, found BIGINT NOT NULL, "
	"UNIQUE (case_id, hash))",
	"CREATE TABLE IF NOT EXISTS audit (id @ID@, at BIGINT NOT NULL, os_user TEXT NOT NULL, "
	"key_fp TEXT NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL, detail TEXT NOT NULL, "
	"prev TEXT UNIQUE, hash TEXT, mac TEXT)",
	"CREATE TABLE IF NOT EXISTS exports (id @ID@, at BIGINT NOT NULL, digest TEXT NOT NULL, "
	"by_fields TEXT NOT NULL, k BIGINT NOT NULL, cells TEXT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS reviews (id @ID@, laptop TEXT NOT NULL, case_id TEXT NOT NULL, "
	"state TEXT NOT NULL, reviewer TEXT NOT NULL, comment TEXT NOT NULL, at BIGINT NOT NULL, "
	"mac TEXT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS resolutions (id @ID@, conflict BIGINT NOT NULL, "
	"keep TEXT NOT NULL, bundle TEXT NOT NULL REFERENCES bundles(hash), reason TEXT NOT NULL, "
	"os_user TEXT NOT NULL, at BIGINT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS laptops (id @ID@, laptop TEXT NOT NULL, name TEXT NOT NULL, "
	"at BIGINT NOT NULL)",
	/* office cases reads each case's last review and its laptop's name. */
	"CREATE INDEX IF NOT EXISTS reviews_case ON reviews (laptop, case_id, id)",
	"CREATE INDEX IF NOT EXISTS laptops_key ON laptops (laptop, id)",
	"INSERT INTO meta (key, value) VALUES ('schema', '4') ON CONFLICT DO NOTHING",
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

/* t with its first mark replaced by with: a new string (t itself, copied,
 * when it has no such mark). */
static char *fill(const char *t, const char *mark, const char *with)
{
	const char *at = strstr(t, mark);
	if (!at)
		return xstrdup(t);
	return xasprintf("%.*s%s%s", (int)(at - t), t, with, at + strlen(mark));
}

/* A table's DDL with @ID@, @FACTS@ and every @S@ (as suffix) filled in for
 * db's backend: a new string. */
static char *table_ddl(const struct db *db, const char *t, const char *suffix)
{
	char *cols = fact_columns_ddl();
	char *a = fill(t, "@ID@", db->ops->serial), *b = fill(a, "@FACTS@", cols);
	free(a);
	free(cols);
	while (strstr(b, "@S@")) {
		char *c = fill(b, "@S@", suffix);
		free(b);
		b = c;
	}
	return b;
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

/* Schema 1 to 2: the flags and forms columns become case_facts rows (in
 * the table as schema 2 had it). */
static int migrate_1(struct db *db)
{
	struct lists l = { 0 };
	int rc = db_exec(db, "CREATE TABLE case_facts (case_id TEXT NOT NULL REFERENCES cases(id), "
			 "fact TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (case_id, fact, value))",
			 NULL, 0, NULL, NULL);
	if (rc == DB_OK)
		rc = db_exec(db, "SELECT id, flags, forms FROM cases", NULL, 0, take_lists, &l);
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

/* Whether the table name is in the store: 1, 0, or a DB_ code (asked of
 * the catalogue, so that a missing table is no failed statement, which
 * would end a PostgreSQL transaction). */
static int table_exists(struct db *db, const char *name)
{
	char v[8];
	const char *p[] = { name };
	return db_value(db, strcmp(db->ops->name, "sqlite") == 0
			? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1"
			: "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND "
			  "tablename = $1", p, 1, v, sizeof v);
}

/* Schema 2 to 3: a case's identity becomes (laptop, id): cases and
 * case_facts are rebuilt under that key; the audit log gets its chain's
 * columns (the rows before stay unchained). */
static int migrate_2(struct db *db)
{
	char *cols = NULL, *cases = table_ddl(db, CASES_DDL, "_3");
	char *facts = table_ddl(db, CASE_FACTS_DDL, "_3");
	int rc = db_exec(db, cases, NULL, 0, NULL, NULL);
	if (rc == DB_OK)
		rc = db_exec(db, facts, NULL, 0, NULL, NULL);
	free(cases);
	free(facts);
	cols = db_case_columns();
	*strstr(cols, ", mac") = '\0';	/* schema 2 has no MAC */
	char *copy = xasprintf("INSERT INTO cases_3 (%s) SELECT %s FROM cases", cols, cols);
	free(cols);
	if (rc == DB_OK)
		rc = db_exec(db, copy, NULL, 0, NULL, NULL);
	free(copy);
	static const char *const steps[] = {
		"INSERT INTO case_facts_3 (laptop, case_id, fact, value) SELECT c.laptop, f.case_id, "
		"f.fact, f.value FROM case_facts f JOIN cases c ON c.id = f.case_id",
		"DROP TABLE case_facts", "DROP TABLE cases",
		"ALTER TABLE cases_3 RENAME TO cases", "ALTER TABLE case_facts_3 RENAME TO case_facts",
		"UPDATE meta SET value = '3' WHERE key = 'schema'",
	};
	for (size_t i = 0; rc == DB_OK && i < sizeof steps / sizeof steps[0]; i++)
		rc = db_exec(db, steps[i], NULL, 0, NULL, NULL);
	static const char *const audit[] = {
		"ALTER TABLE audit ADD COLUMN prev TEXT", "ALTER TABLE audit ADD COLUMN hash TEXT",
		"ALTER TABLE audit ADD COLUMN mac TEXT",
		"CREATE UNIQUE INDEX audit_chain ON audit (prev)",
	};
	int has_audit = rc == DB_OK ? table_exists(db, "audit") : rc;
	if (has_audit < 0)
		return has_audit;
	for (size_t i = 0; rc == DB_OK && has_audit && i < sizeof audit / sizeof audit[0]; i++)
		rc = db_exec(db, audit[i], NULL, 0, NULL, NULL);
	return rc;
}

/* The schema of the store: its number, 0 when it has none, or a DB_
 * code. */
static int schema_of(struct db *db)
{
	char v[16];
	int rc = db_value(db, "SELECT value FROM meta WHERE key = 'schema'", NULL, 0, v, sizeof v);
	return rc < 0 ? rc : rc == 0 ? 0 : atoi(v) > 0 ? atoi(v) : 0;
}

/* Brings the store to DB_SCHEMA, or refuses a later one. */
static int migrate(struct db *db)
{
	int v = schema_of(db), rc = DB_OK;
	if (v < 0)
		return v;
	if (v > DB_SCHEMA) {
		snprintf(db->err, sizeof db->err, "the office store has schema %d, of a later "
			 "tipscreen (this one knows schema %d): use that tipscreen", v, DB_SCHEMA);
		return DB_ERROR;
	}
	if (v == 1)
		rc = migrate_1(db);
	if (rc == DB_OK && (v == 1 || v == 2))
		rc = migrate_2(db);
	/* Schema 3 to 4: the new tables are made by init_tx, like any missing
	 * one; only the number changes here. */
	if (rc == DB_OK && v >= 1 && v <= 3)
		rc = db_exec(db, "UPDATE meta SET value = '4' WHERE key = 'schema'", NULL, 0, NULL,
			     NULL);
	return rc;
}

/* The store's name from its URL's last part (a file's name without .db, a
 * database's name): what `office init` calls a new store. */
static void name_of(const char *url, char out[65])
{
	const char *end = url + strcspn(url, "?"), *p = end;
	while (p > url && p[-1] != '/' && p[-1] != ':')
		p--;
	size_t n = (size_t)(end - p);
	if (n > 3 && strncmp(end - 3, ".db", 3) == 0)
		n -= 3;
	size_t o = 0;
	for (size_t i = 0; i < n && o < 64; i++)
		if ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
		    (p[i] >= '0' && p[i] <= '9') || p[i] == '-' || p[i] == '_' || p[i] == '.')
			out[o++] = p[i];
	out[o] = '\0';
	if (!o)
		snprintf(out, 65, "office");
}

/* Whether the store has its schema: 1, 0 (no meta table, or no schema
 * row), or a DB_ code. The meta table's absence is an error of the
 * SELECT: told apart by the backend's catalogue. */
static int has_schema(struct db *db)
{
	int rc = table_exists(db, "meta");
	if (rc <= 0)
		return rc;
	rc = schema_of(db);
	return rc < 0 ? rc : rc > 0;
}

static int init_tx(struct db *db, void *arg)
{
	const char *name = arg;
	if (db->ops->lock && db_exec(db, db->ops->lock, NULL, 0, NULL, NULL) < 0)
		return DB_ERROR;
	/* An older store is migrated first, from its own tables; then every
	 * table of the schema that is missing is made. */
	int rc = has_schema(db);
	if (rc > 0)
		rc = migrate(db);
	for (size_t i = 0; rc == DB_OK && tables[i]; i++) {
		char *sql = table_ddl(db, tables[i], "");
		rc = db_exec(db, sql, NULL, 0, NULL, NULL);
		free(sql);
	}
	for (size_t i = 0; rc == DB_OK && db->ops->triggers[i]; i++)
		rc = db_exec(db, db->ops->triggers[i], NULL, 0, NULL, NULL);
	unsigned char r[16];
	char id[33], nm[65];
	randombytes_buf(r, sizeof r);
	sodium_bin2hex(id, sizeof id, r, sizeof r);
	name_of(name ? name : "", nm);
	const char *p[] = { id }, *q[] = { nm };
	if (rc == DB_OK)
		rc = db_exec(db, "INSERT INTO meta (key, value) VALUES ('store_id', $1) ON CONFLICT "
			     "DO NOTHING", p, 1, NULL, NULL);
	if (rc == DB_OK)
		rc = db_exec(db, "INSERT INTO meta (key, value) VALUES ('store_name', $1) ON CONFLICT "
			     "DO NOTHING", q, 1, NULL, NULL);
	return rc;
}

int db_check(struct db *db)
{
	int has = has_schema(db);
	if (has < 0)
		return has;
	if (!has) {
		snprintf(db->err, sizeof db->err, "this is not an office store (no schema): make it "
			 "with `tipscreen office init`, or give the right one with --db");
		return DB_ERROR;
	}
	int v = schema_of(db);
	if (v != DB_SCHEMA) {
		snprintf(db->err, sizeof db->err, v > DB_SCHEMA ?
			 "the office store has schema %d, of a later tipscreen (this one knows schema "
			 "%d): use that tipscreen" : "the office store has schema %d, of an older "
			 "tipscreen: bring it to schema %d with `tipscreen office init`", v, DB_SCHEMA);
		return DB_ERROR;
	}
	return db->ops->check(db, false);
}

int db_init(struct db *db, const char *name)
{
	int has = has_schema(db);
	if (has < 0)
		return has;
	int owner = db->ops->owns(db);
	if (owner < 0)
		return owner;
	/* A role that does not own the store changes nothing: it checks (on
	 * PostgreSQL the admin role makes the store, tipscreen's uses it). */
	if (has && !owner)
		return db_check(db);
	int rc = db_transact(db, init_tx, (void *)name);
	if (rc != DB_OK && strstr(db->err, "permission denied")) {
		size_t n = strlen(db->err);
		snprintf(db->err + n, sizeof db->err - n, ": the store is made by the role that will "
			 "own it (README: the office store on PostgreSQL, two roles)");
	}
	if (rc == DB_OK && db->ops->grant)
		rc = db->ops->grant(db);
	return rc == DB_OK ? db->ops->check(db, true) : rc;
}

int db_store_id(struct db *db, char id[33], char name[65])
{
	int a = db_value(db, "SELECT value FROM meta WHERE key = 'store_id'", NULL, 0, id, 33);
	int b = a == 1 ? db_value(db, "SELECT value FROM meta WHERE key = 'store_name'", NULL, 0,
				   name, 65) : a;
	if (b == 1)
		return 0;
	if (b == 0)
		snprintf(db->err, sizeof db->err, "the office store has no id: run `tipscreen office "
			 "init`");
	return DB_ERROR;
}

