/* make bench, the store at size: builds stores of many completed cases fast
 * through the store's own API (the records of one real interview copied
 * into every case, one transaction per record number), then measures, pair
 * by pair, what must not grow with the store. A benchmark that reports,
 * never a timed test: "KEY VALUES..." lines for tests/bench/run.sh.
 *   storebench build SEED PASSFILE OUT N   a store of N complete cases
 *   storebench commit PASSFILE SMALL BIG   one commit at each size and the
 *                                          floor (one INSERT + COMMIT, WAL,
 *                                          synchronous=FULL), alternating
 *   storebench floor-cases DIR PASSFILE    the floor of `cases`: Argon2id at
 *                                          the store's cost, then every
 *                                          record read and put through
 *                                          XChaCha20-Poly1305 */
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "store/store.h"

static char err[512];

static void die(const char *what)
{
	fprintf(stderr, "storebench: %s: %s\n", what, err);
	exit(1);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *pass_of(const char *file)
{
	static char pass[256];
	FILE *f = fopen(file, "r");
	if (!f || !fgets(pass, sizeof pass, f))
		exit(1);
	fclose(f);
	pass[strcspn(pass, "\n")] = '\0';
	return pass;
}

static struct store *unlocked(const char *dir, const char *pass)
{
	struct store *s;
	if (store_open(dir, &s, err, sizeof err) < 0)
		die(dir);
	int rc = store_has_passphrase(s) ? store_unlock(s, pass, err, sizeof err)
					 : store_set_passphrase(s, pass, err, sizeof err);
	if (rc < 0)
		die(dir);
	return s;
}

struct recs {
	char **v;
	size_t n;
};

static int keep(void *ctx, const char *record)
{
	struct recs *r = ctx;
	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	r->v[r->n++] = xstrdup(record);
	return 0;
}

static int build(const char *seed, const char *pass, const char *out, long n)
{
	struct store *s = unlocked(seed, pass);
	size_t k;
	struct store_case *c = store_cases(s, &k, err, sizeof err), info;
	size_t i = 0;
	while (c && i < k && strcmp(c[i].status, "complete") != 0)
		i++;
	if (!c || i == k)
		die("no complete case in the seed store");
	struct recs r = { 0 };
	if (store_load(s, c[i].id, keep, &r, err, sizeof err) < 0 ||
	    store_case_info(s, c[i].id, &info, err, sizeof err) != 0)
		die("seed case");
	free(c);
	store_close(s);
	struct store *o = unlocked(out, pass);
	char (*ids)[STORE_ID_LEN + 1] = xcalloc((size_t)n, sizeof *ids);
	const char **p = xcalloc((size_t)n, sizeof *p);
	for (long j = 0; j < n; j++) {
		if (store_case_new(o, info.deck, ids[j], err, sizeof err) < 0)
			die("new case");
		p[j] = ids[j];
	}
	for (size_t j = 0; j < r.n; j++)
		if (store_append_each(o, p, (size_t)n, r.v[j], err, sizeof err) < 0)
			die("append");
	for (long j = 0; j < n; j++)
		if (store_set_status(o, ids[j], "complete", err, sizeof err) < 0)
			die("status");
	store_close(o);
	for (size_t j = 0; j < r.n; j++)
		free(r.v[j]);
	free(r.v);
	free(ids);
	free(p);
	return 0;
}

/* The bytes this process has written so far (write and pwrite). */
static long long written(void)
{
	FILE *f = fopen("/proc/self/io", "r");
	char line[128];
	long long v = -1;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "wchar: %lld", &v) == 1)
			break;
	if (f)
		fclose(f);
	return v;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* "KEY min median max" of v[0..n-1] (reordered). */
static void report(const char *key, double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	double med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	printf("%s %.3f %.3f %.3f\n", key, v[0], med, v[n - 1]);
}

static const char rec[] = "tipscreen-record-2\nt 1764349200123\nevent 6:answer\nid 10:age.at-act\n"
			  "old 2:16\nnew 2:30\n";

/* One timed commit to case id of s: microseconds; *bytes written. */
static double one_commit(struct store *s, const char *id, double *bytes)
{
	long long w = written();
	double t0 = now();
	if (store_append(s, id, rec, err, sizeof err) < 0)
		die("commit");
	double us = (now() - t0) * 1e6;
	*bytes = (double)(written() - w);
	return us;
}

static double floor_commit(sqlite3 *db, sqlite3_stmt *ins, double *bytes)
{
	unsigned char blob[140];
	randombytes_buf(blob, sizeof blob);
	long long w = written();
	double t0 = now();
	sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	sqlite3_bind_blob(ins, 1, blob, sizeof blob, SQLITE_STATIC);
	if (sqlite3_step(ins) != SQLITE_DONE || sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		exit(1);
	sqlite3_reset(ins);
	double us = (now() - t0) * 1e6;
	*bytes = (double)(written() - w);
	return us;
}

/* A case of s to append to (the first listed). */
static void first_case(struct store *s, char *id)
{
	size_t k;
	struct store_case *c = store_cases(s, &k, err, sizeof err);
	if (!c || !k)
		die("no case");
	memcpy(id, c[0].id, STORE_ID_LEN + 1);
	free(c);
}

static int commit(const char *pass, const char *small, const char *big)
{
	struct store *a = unlocked(small, pass), *b = unlocked(big, pass);
	char ida[STORE_ID_LEN + 1], idb[STORE_ID_LEN + 1];
	first_case(a, ida);
	first_case(b, idb);
	char *path = xasprintf("%s/floor.db", small);
	sqlite3 *db;
	sqlite3_stmt *ins;
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
			 "CREATE TABLE IF NOT EXISTS r(v BLOB)", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO r(v) VALUES(?)", -1, &ins, NULL) != SQLITE_OK)
		return 1;
	enum { WARM = 50, N = 150 };
	static double ta[N], tb[N], tf[N], ra[N], rb[N], rab[N], ba[N], bb[N], bf[N];
	for (int i = -WARM; i < N; i++) {
		double x, y, z, xb, yb, zb;
		if (i % 2) {
			x = one_commit(a, ida, &xb), y = one_commit(b, idb, &yb), z = floor_commit(db, ins, &zb);
		} else {
			z = floor_commit(db, ins, &zb), y = one_commit(b, idb, &yb), x = one_commit(a, ida, &xb);
		}
		if (i < 0)
			continue;
		ta[i] = x, tb[i] = y, tf[i] = z;
		ra[i] = x / z, rb[i] = y / z, rab[i] = y / x;
		ba[i] = xb, bb[i] = yb, bf[i] = zb;
	}
	report("commit_small_us", ta, N);
	report("commit_big_us", tb, N);
	report("commit_floor_us", tf, N);
	report("commit_small_vs_floor", ra, N);
	report("commit_big_vs_floor", rb, N);
	report("commit_big_vs_small", rab, N);
	report("bytes_small", ba, N);
	report("bytes_big", bb, N);
	report("bytes_floor", bf, N);
	sqlite3_finalize(ins);
	sqlite3_close(db);
	unlink(path);
	free(path);
	store_close(a);
	store_close(b);
	return 0;
}

static unsigned char *meta(sqlite3 *db, const char *k, size_t len)
{
	static unsigned char v[64];
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "SELECT v FROM meta WHERE k = ?", -1, &st, NULL);
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW || (size_t)sqlite3_column_bytes(st, 0) != len)
		exit(1);
	memcpy(v, sqlite3_column_blob(st, 0), len);
	sqlite3_finalize(st);
	return v;
}

static int floor_cases(const char *dir, const char *pass)
{
	char *path = xasprintf("%s/cases.db", dir);
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return 1;
	unsigned char salt[crypto_pwhash_SALTBYTES], cost[16], key[32];
	memcpy(salt, meta(db, "salt", sizeof salt), sizeof salt);
	memcpy(cost, meta(db, "cost", sizeof cost), sizeof cost);
	unsigned long long ops, mem;
	memcpy(&ops, cost, 8);
	memcpy(&mem, cost + 8, 8);
	if (crypto_pwhash(key, sizeof key, pass, strlen(pass), salt, ops, mem,
			  crypto_pwhash_ALG_ARGON2ID13) != 0)
		return 1;
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "SELECT id, blob FROM records ORDER BY id, seq", -1, &st, NULL);
	unsigned char *out = NULL, nonce[24] = { 0 };
	size_t cap = 0, cases = 0, records = 0;
	char last[32] = "";
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);
		if (len + 16 > cap)
			out = xrealloc(out, cap = len + 16);
		crypto_aead_xchacha20poly1305_ietf_encrypt(out, NULL, sqlite3_column_blob(st, 1), len,
							   NULL, 0, NULL, nonce, key);
		cases += strcmp(id, last) != 0;
		snprintf(last, sizeof last, "%s", id);
		records++;
	}
	printf("%zu cases, %zu records\n", cases, records);
	free(out);
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(path);
	return 0;
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0)
		return 1;
	if (argc == 6 && strcmp(argv[1], "build") == 0)
		return build(argv[2], pass_of(argv[3]), argv[4], atol(argv[5]));
	if (argc == 5 && strcmp(argv[1], "commit") == 0)
		return commit(pass_of(argv[2]), argv[3], argv[4]);
	if (argc == 4 && strcmp(argv[1], "floor-cases") == 0)
		return floor_cases(argv[2], pass_of(argv[3]));
	fputs("usage: storebench build SEED PASSFILE OUT N | commit PASSFILE SMALL BIG | "
	      "floor-cases DIR PASSFILE\n", stderr);
	return 2;
}
