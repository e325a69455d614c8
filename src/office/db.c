/* db: the office store over either backend (db.h): the connection, its
 * transactions and locks, the bundles and the conflicts (the case rows are
 * db_case.c's). */
#include "office/db.h"

#include <pwd.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"

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

struct db *db_open(const char *url, bool create, char *err, size_t n)
{
	struct db *db = xcalloc(1, sizeof *db);
	int rc;
	if (is_pg(url))
		rc = db_pg_open(db, url);
	else if (strncmp(url, "sqlite:", 7) == 0)
		rc = url[7] ? db_sqlite_open(db, url + 7, create) : set_error(db->err, sizeof db->err,
			"expected a path after sqlite:");
	else if (strchr(url, ':') && !strchr(url, '/'))
		rc = set_error(db->err, sizeof db->err,
			       "expected sqlite:PATH or postgresql://… (a libpq URI)");
	else
		rc = db_sqlite_open(db, url, create);
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
	free(db->put_sql[0]);
	free(db->put_sql[1]);
	sodium_memzero(db->audit_key, sizeof db->audit_key);
	sodium_memzero(db->row_key, sizeof db->row_key);
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

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int db_transact(struct db *db, int (*fn)(struct db *db, void *arg), void *arg)
{
	double until = seconds() + DB_BUSY_SECONDS;
	for (uint32_t pause = 1000;; pause = pause < 125000 ? 2 * pause : 250000) {
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
		if (seconds() > until)
			break;
		/* Half the pause and a random half: two losers do not meet again. */
		usleep(pause / 2 + randombytes_uniform(pause / 2));
	}
	snprintf(db->err, sizeof db->err, "the store stayed busy for %d minutes: too many "
		 "concurrent changes", DB_BUSY_SECONDS / 60);
	return DB_ERROR;
}

/* A lock's key: 64 bits of BLAKE2b of the string (a collision only makes
 * two transactions wait for each other). */
static int compare_key(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

int db_lock(struct db *db, const char *const *what, size_t n)
{
	if (!db->ops->lock_keys || n == 0)
		return DB_OK;
	long long *keys = xcalloc(n, sizeof *keys);
	for (size_t i = 0; i < n; i++) {
		unsigned char h[8];
		crypto_generichash(h, sizeof h, (const unsigned char *)what[i], strlen(what[i]),
				   (const unsigned char *)"tipscreen-lock-1", 16);
		uint64_t v = 0;
		for (int j = 0; j < 8; j++)
			v = v << 8 | h[j];
		memcpy(&keys[i], &v, sizeof keys[i]);
	}
	qsort(keys, n, sizeof *keys, compare_key);
	int rc = db->ops->lock_keys(db, keys, n);
	free(keys);
	return rc;
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

int db_bundle_sealed(struct db *db, const char *hash, char **text, size_t *len)
{
	struct text t = { NULL, 0 };
	const char *p[] = { hash };
	int rc = db_exec(db, "SELECT sealed FROM bundles WHERE hash = $1", p, 1, take_text, &t);
	*text = t.s;
	*len = t.len;
	if (rc < 0) {
		free(t.s);
		*text = NULL;
		return rc;
	}
	return t.s != NULL;
}

int db_conflict_add(struct db *db, const char *id, const char *bundle, const char *laptop,
		    long long nrec, const char *hash, long long stored_nrec)
{
	char v[8], nr[24], snr[24], now[24];
	/* (the same records' hash is the same id and records, whoever sent them) */
	const char *q[] = { id, hash };
	int known = db_value(db, "SELECT 1 FROM conflicts WHERE case_id = $1 AND hash = $2", q, 2, v,
			     sizeof v);
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
	return db_exec(db, "SELECT id, case_id, laptop, bundle, nrec, stored_nrec, found, (SELECT "
		       "r.keep FROM resolutions r WHERE r.conflict = conflicts.id ORDER BY r.id LIMIT "
		       "1), (SELECT n.name FROM laptops n WHERE n.laptop = conflicts.laptop ORDER BY "
		       "n.id DESC LIMIT 1) FROM conflicts ORDER BY id", NULL, 0, fn, arg);
}

