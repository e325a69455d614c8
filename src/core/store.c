#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

enum { KEY = crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
       NONCE = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
       TAG = crypto_aead_xchacha20poly1305_ietf_ABYTES };

/* The version of the record format, bound into every seal. */
#define FORMAT "tipscreen-1"

struct store {
	sqlite3 *db;
	int lock_fd;
	unsigned char *mk;	/* master key, sodium_malloc; NULL while locked */
	char ck_id[STORE_ID_LEN + 1];	/* the case whose key is in ck, "" if none */
	unsigned char *ck;	/* that case key, sodium_malloc */
	sqlite3_stmt *next_seq, *insert, *touch;	/* an append's statements */
};

static int fail(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap);
	va_end(ap);
	return -1;
}

static int db_fail(struct store *s, char *err, size_t n, const char *what)
{
	return fail(err, n, "%s: %s", what, sqlite3_errmsg(s->db));
}

char *store_default_dir(void)
{
	const char *x = getenv("XDG_DATA_HOME");
	if (x && *x == '/')
		return xasprintf("%s/tipscreen", x);
	const char *h = getenv("HOME");
	return h && *h ? xasprintf("%s/.local/share/tipscreen", h) : NULL;
}

/* Creates dir and its missing parents, each 0700 (mkdir -p, as the XDG
 * base directory spec asks: a new account has no ~/.local/share). */
static int make_dirs(const char *dir)
{
	if (!*dir) {
		errno = ENOENT;
		return -1;
	}
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

/* Creates dir (0700) if missing, then refuses it unless it is a directory
 * of ours that no one else can read or write. */
static int secure_dir(const char *dir, char *err, size_t n)
{
	if (make_dirs(dir) != 0)
		return fail(err, n, "%s: cannot create the data directory: %s", dir, strerror(errno));
	struct stat st;
	if (lstat(dir, &st) != 0)
		return fail(err, n, "%s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return fail(err, n, "%s: the data directory is not a directory (a link is refused)", dir);
	if (st.st_uid != getuid())
		return fail(err, n, "%s: the data directory belongs to another user", dir);
	if (st.st_mode & 077)
		return fail(err, n, "%s: the data directory is open to other users (mode %03o); "
			    "run: chmod 700 %s", dir, (unsigned)(st.st_mode & 0777), dir);
	return 0;
}

static int take_lock(struct store *s, const char *dir, char *err, size_t n)
{
	char *path = xasprintf("%s/lock", dir);
	s->lock_fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	free(path);
	if (s->lock_fd < 0)
		return fail(err, n, "%s/lock: %s", dir, strerror(errno));
	if (flock(s->lock_fd, LOCK_EX | LOCK_NB) != 0)
		return fail(err, n, "%s: another tipscreen is using this data directory; "
			    "finish or close it first", dir);
	return 0;
}

/* Removes temporary files a killed tipscreen may have left. */
static void remove_stale(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 4 && strcmp(e->d_name + l - 4, ".tmp") == 0)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

static const char schema[] =
	"PRAGMA journal_mode=WAL;"
	"PRAGMA synchronous=FULL;"
	"PRAGMA secure_delete=ON;"
	"PRAGMA temp_store=MEMORY;"
	"PRAGMA foreign_keys=ON;"
	"CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v BLOB NOT NULL);"
	"CREATE TABLE IF NOT EXISTS cases(id TEXT PRIMARY KEY, created INTEGER NOT NULL,"
	" updated INTEGER NOT NULL, status TEXT NOT NULL, ckey BLOB NOT NULL, tail BLOB NOT NULL);"
	"CREATE TABLE IF NOT EXISTS records(id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL, blob BLOB NOT NULL, PRIMARY KEY(id, seq)) WITHOUT ROWID;";

/* Every file of the store 0600, whatever created it. */
static void tighten(const char *dir)
{
	static const char *const names[] = { "cases.db", "cases.db-wal", "cases.db-shm", "lock" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *p = xasprintf("%s/%s", dir, names[i]);
		chmod(p, 0600);
		free(p);
	}
}

int store_open(const char *dir, struct store **out, char *err, size_t n)
{
	*out = NULL;
	if (sodium_init() < 0)
		return fail(err, n, "libsodium could not start");
	if (secure_dir(dir, err, n) < 0)
		return -1;
	struct store *s = xcalloc(1, sizeof *s);
	s->lock_fd = -1;
	if (take_lock(s, dir, err, n) < 0) {
		store_close(s);
		return -1;
	}
	remove_stale(dir);
	char *path = xasprintf("%s/cases.db", dir);
	int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				 SQLITE_OPEN_NOFOLLOW, NULL);
	free(path);
	if (rc == SQLITE_OK)	/* ride over a lock held a moment (WAL recovery) */
		sqlite3_busy_timeout(s->db, 5000);
	if (rc != SQLITE_OK || sqlite3_exec(s->db, schema, NULL, NULL, NULL) != SQLITE_OK) {
		rc = s->db ? db_fail(s, err, n, "cases.db") : fail(err, n, "cases.db: cannot open");
		store_close(s);
		return rc;
	}
	tighten(dir);
	*out = s;
	return 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	if (s->mk)
		sodium_free(s->mk);
	if (s->ck)
		sodium_free(s->ck);
	sqlite3_finalize(s->next_seq);
	sqlite3_finalize(s->insert);
	sqlite3_finalize(s->touch);
	if (s->db)
		sqlite3_close(s->db);
	if (s->lock_fd >= 0)
		close(s->lock_fd);	/* drops the flock */
	free(s);
}

/* ---- meta --------------------------------------------------------------- */

static int meta_get(struct store *s, const char *k, unsigned char *buf, size_t len)
{
	sqlite3_stmt *st;
	int got = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT v FROM meta WHERE k = ?", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && (size_t)sqlite3_column_bytes(st, 0) == len) {
		memcpy(buf, sqlite3_column_blob(st, 0), len);
		got = 0;
	}
	sqlite3_finalize(st);
	return got;
}

static int meta_put(struct store *s, const char *k, const void *v, size_t len)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO meta(k, v) VALUES(?, ?)", -1, &st,
			       NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, v, (int)len, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

bool store_has_passphrase(struct store *s)
{
	unsigned char salt[crypto_pwhash_SALTBYTES];
	return meta_get(s, "salt", salt, sizeof salt) == 0;
}

/* The key-encryption key from the passphrase and the stored cost. */
static int derive(const char *pass, const unsigned char *salt, unsigned long long ops,
		  size_t mem, unsigned char *kek)
{
	return crypto_pwhash(kek, KEY, pass, strlen(pass), salt, ops, mem,
			     crypto_pwhash_ALG_ARGON2ID13);
}

/* Seals plain (len bytes) under key with additional data ad: out receives
 * nonce ‖ ciphertext ‖ tag, len + NONCE + TAG bytes. */
static void seal(unsigned char *out, const unsigned char *plain, size_t len, const char *ad,
		 const unsigned char *key)
{
	randombytes_buf(out, NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + NONCE, NULL, plain, len,
						   (const unsigned char *)ad, strlen(ad), NULL, out, key);
}

/* Opens a seal; plain receives len - NONCE - TAG bytes. -1 if it was
 * tampered with, swapped or sealed under another key. */
static int unseal(unsigned char *plain, const unsigned char *in, size_t len, const char *ad,
		  const unsigned char *key)
{
	if (len < NONCE + TAG)
		return -1;
	return crypto_aead_xchacha20poly1305_ietf_decrypt(plain, NULL, NULL, in + NONCE,
							  len - NONCE, (const unsigned char *)ad,
							  strlen(ad), in, key);
}

int store_set_passphrase(struct store *s, const char *pass, char *err, size_t n)
{
	if (store_has_passphrase(s))
		return fail(err, n, "this store already has a passphrase");
	if (strlen(pass) < 8)
		return fail(err, n, "the passphrase must have at least 8 characters");
	unsigned char salt[crypto_pwhash_SALTBYTES], kek[KEY], wrapped[KEY + NONCE + TAG];
	unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	unsigned long long mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	randombytes_buf(salt, sizeof salt);
	if (derive(pass, salt, ops, (size_t)mem, kek) != 0)
		return fail(err, n, "not enough memory to derive the key");
	s->mk = sodium_malloc(KEY);
	randombytes_buf(s->mk, KEY);
	seal(wrapped, s->mk, KEY, FORMAT "|master", kek);
	sodium_memzero(kek, sizeof kek);
	unsigned char cost[16];
	memcpy(cost, &ops, 8);
	memcpy(cost + 8, &mem, 8);
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
	    meta_put(s, "salt", salt, sizeof salt) < 0 || meta_put(s, "cost", cost, sizeof cost) < 0 ||
	    meta_put(s, "master", wrapped, sizeof wrapped) < 0 ||
	    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return db_fail(s, err, n, "cannot save the key");
	}
	return 0;
}

int store_unlock(struct store *s, const char *pass, char *err, size_t n)
{
	unsigned char salt[crypto_pwhash_SALTBYTES], cost[16], kek[KEY];
	unsigned char wrapped[KEY + NONCE + TAG];
	unsigned long long ops, mem;
	if (meta_get(s, "salt", salt, sizeof salt) < 0 || meta_get(s, "cost", cost, sizeof cost) < 0 ||
	    meta_get(s, "master", wrapped, sizeof wrapped) < 0)
		return fail(err, n, "the store has no passphrase yet");
	memcpy(&ops, cost, 8);
	memcpy(&mem, cost + 8, 8);
	if (derive(pass, salt, ops, (size_t)mem, kek) != 0)
		return fail(err, n, "not enough memory to derive the key");
	unsigned char *mk = sodium_malloc(KEY);
	int rc = unseal(mk, wrapped, sizeof wrapped, FORMAT "|master", kek);
	sodium_memzero(kek, sizeof kek);
	if (rc != 0) {
		sodium_free(mk);
		return fail(err, n, "wrong passphrase");
	}
	if (s->mk)
		sodium_free(s->mk);
	s->mk = mk;
	return 0;
}

/* ---- cases -------------------------------------------------------------- */

bool store_id_valid(const char *id)
{
	if (strlen(id) != STORE_ID_LEN)
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

static char *ad_of(const char *id, const char *what, long long seq)
{
	return xasprintf(FORMAT "|%s|%s|%lld", id, what, seq);
}

/* The case key of id, unsealed into ck (KEY bytes, sodium_malloc'd by the
 * caller). */
static int case_key(struct store *s, const char *id, unsigned char *ck, char *err, size_t n)
{
	if (!s->mk)
		return fail(err, n, "the store is locked");
	sqlite3_stmt *st;
	int rc = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT ckey FROM cases WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return db_fail(s, err, n, "cases");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		fail(err, n, "no case %s", id);
	} else {
		char *ad = ad_of(id, "key", 0);
		rc = unseal(ck, sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), ad, s->mk);
		free(ad);
		if (rc != 0)
			fail(err, n, "case %s: its key fails the integrity check", id);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The sealed count of records, kept with the case so that a truncated case
 * is noticed. */
static void seal_tail(unsigned char *out, const char *id, long long count, const unsigned char *ck)
{
	char *ad = ad_of(id, "tail", 0);
	seal(out, (const unsigned char *)&count, sizeof count, ad, ck);
	free(ad);
}

int store_case_new(struct store *s, char *id, char *err, size_t n)
{
	if (!s->mk)
		return fail(err, n, "the store is locked");
	unsigned char raw[STORE_ID_LEN / 2];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(id, STORE_ID_LEN + 1, raw, sizeof raw);
	unsigned char *ck = sodium_malloc(KEY);
	unsigned char wrapped[KEY + NONCE + TAG], tail[8 + NONCE + TAG];
	randombytes_buf(ck, KEY);
	char *ad = ad_of(id, "key", 0);
	seal(wrapped, ck, KEY, ad, s->mk);
	free(ad);
	seal_tail(tail, id, 0, ck);
	sodium_free(ck);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO cases(id, created, updated, status, ckey, tail) "
			       "VALUES(?, ?, ?, 'open', ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return db_fail(s, err, n, "cases");
	time_t now = time(NULL);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, now);
	sqlite3_bind_blob(st, 4, wrapped, sizeof wrapped, SQLITE_STATIC);
	sqlite3_bind_blob(st, 5, tail, sizeof tail, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, err, n, "cannot create the case");
	sqlite3_finalize(st);
	return rc;
}

/* The statements of an append, prepared once. */
static int prepare_append(struct store *s)
{
	if (s->insert)
		return 0;
	return sqlite3_prepare_v2(s->db, "SELECT coalesce(max(seq) + 1, 0) FROM records WHERE id = ?",
				  -1, &s->next_seq, NULL) == SQLITE_OK &&
	       sqlite3_prepare_v2(s->db, "INSERT INTO records(id, seq, blob) VALUES(?, ?, ?)", -1,
				  &s->insert, NULL) == SQLITE_OK &&
	       sqlite3_prepare_v2(s->db, "UPDATE cases SET updated = ?, tail = ? WHERE id = ?", -1,
				  &s->touch, NULL) == SQLITE_OK ? 0 : -1;
}

/* The number of records of a case: the next sequence number (by the
 * primary key, not a scan). */
static long long record_count(struct store *s, const char *id)
{
	sqlite3_stmt *st = s->next_seq;
	long long c = -1;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		c = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return c;
}

static int insert_record(struct store *s, const char *id, long long seq, const char *record,
			 const unsigned char *ck)
{
	size_t len = strlen(record);
	unsigned char *blob = xmalloc(len + NONCE + TAG);
	char *ad = ad_of(id, "record", seq);
	seal(blob, (const unsigned char *)record, len, ad, ck);
	free(ad);
	unsigned char tail[8 + NONCE + TAG];
	seal_tail(tail, id, seq + 1, ck);
	sqlite3_stmt *a = s->insert, *b = s->touch;
	sqlite3_reset(a);
	sqlite3_reset(b);
	sqlite3_bind_text(a, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(a, 2, seq);
	sqlite3_bind_blob(a, 3, blob, (int)(len + NONCE + TAG), SQLITE_STATIC);
	sqlite3_bind_int64(b, 1, time(NULL));
	sqlite3_bind_blob(b, 2, tail, sizeof tail, SQLITE_STATIC);
	sqlite3_bind_text(b, 3, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(a) == SQLITE_DONE && sqlite3_step(b) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(a);
	sqlite3_reset(b);
	sqlite3_clear_bindings(a);	/* the blob is freed next */
	free(blob);
	return rc;
}

/* The key of the case being written, kept unsealed while it is the one in
 * use: one unseal per case, not per answer. */
static const unsigned char *current_key(struct store *s, const char *id, char *err, size_t n)
{
	if (s->ck && strcmp(s->ck_id, id) == 0)
		return s->ck;
	if (!s->ck)
		s->ck = sodium_malloc(KEY);
	s->ck_id[0] = '\0';
	if (case_key(s, id, s->ck, err, n) < 0)
		return NULL;
	snprintf(s->ck_id, sizeof s->ck_id, "%s", id);
	return s->ck;
}

int store_append(struct store *s, const char *id, const char *record, char *err, size_t n)
{
	const unsigned char *ck = current_key(s, id, err, n);
	if (!ck)
		return -1;
	if (prepare_append(s) < 0)
		return db_fail(s, err, n, "not saved");
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s, err, n, "not saved");
	long long seq = record_count(s, id);
	int rc = seq < 0 || insert_record(s, id, seq, record, ck) < 0 ||
			 sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK
			 ? db_fail(s, err, n, "not saved") : 0;
	if (rc < 0)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int check_tail(struct store *s, const char *id, long long count, const unsigned char *ck)
{
	sqlite3_stmt *st;
	int rc = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT tail FROM cases WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		long long want;
		char *ad = ad_of(id, "tail", 0);
		if (unseal((unsigned char *)&want, sqlite3_column_blob(st, 0),
			   (size_t)sqlite3_column_bytes(st, 0), ad, ck) == 0 && want == count)
			rc = 0;
		free(ad);
	}
	sqlite3_finalize(st);
	return rc;
}

int store_load(struct store *s, const char *id, int (*fn)(void *ctx, const char *record),
	       void *ctx, char *err, size_t n)
{
	unsigned char *ck = sodium_malloc(KEY);
	if (case_key(s, id, ck, err, n) < 0) {
		sodium_free(ck);
		return -1;
	}
	sqlite3_stmt *st;
	int rc = 0;
	long long expect = 0;
	sqlite3_prepare_v2(s->db, "SELECT seq, blob FROM records WHERE id = ? ORDER BY seq", -1, &st, NULL);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		long long seq = sqlite3_column_int64(st, 0);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);
		char *plain = len >= NONCE + TAG ? sodium_malloc(len - NONCE - TAG + 1) : NULL;
		char *ad = ad_of(id, "record", expect);
		if (seq != expect || !plain ||
		    unseal((unsigned char *)plain, sqlite3_column_blob(st, 1), len, ad, ck) != 0) {
			rc = fail(err, n, "case %s: record %lld fails the integrity check "
				  "(changed, swapped or missing); it is not shown", id, expect);
		} else {
			plain[len - NONCE - TAG] = '\0';
			rc = fn(ctx, plain) < 0 ? fail(err, n, "case %s: record %lld cannot be read", id, expect) : 0;
			sodium_memzero(plain, len - NONCE - TAG);
		}
		if (plain)
			sodium_free(plain);
		free(ad);
		expect++;
	}
	sqlite3_finalize(st);
	if (rc == 0 && check_tail(s, id, expect, ck) < 0)
		rc = fail(err, n, "case %s: records are missing at the end (truncated)", id);
	sodium_free(ck);
	return rc;
}

struct store_case *store_cases(struct store *s, size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	*n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT c.id, c.created, c.updated, c.status, "
			       "(SELECT count(*) FROM records r WHERE r.id = c.id) FROM cases c "
			       "ORDER BY c.updated DESC, c.created DESC", -1, &st, NULL) != SQLITE_OK) {
		db_fail(s, err, errlen, "cases");
		return NULL;
	}
	struct store_case *v = xcalloc(1, sizeof *v);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (*n + 1) * sizeof *v);
		struct store_case *c = &v[(*n)++];
		snprintf(c->id, sizeof c->id, "%s", (const char *)sqlite3_column_text(st, 0));
		c->created = (time_t)sqlite3_column_int64(st, 1);
		c->updated = (time_t)sqlite3_column_int64(st, 2);
		snprintf(c->status, sizeof c->status, "%s", (const char *)sqlite3_column_text(st, 3));
		c->records = sqlite3_column_int(st, 4);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {	/* never a short list that looks complete */
		free(v);
		*n = 0;
		db_fail(s, err, errlen, "cases");
		return NULL;
	}
	return v;
}

int store_set_status(struct store *s, const char *id, const char *status, char *err, size_t n)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "UPDATE cases SET status = ?, updated = ? WHERE id = ?", -1, &st,
			       NULL) != SQLITE_OK)
		return db_fail(s, err, n, "cases");
	sqlite3_bind_text(st, 1, status, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, time(NULL));
	sqlite3_bind_text(st, 3, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, err, n, "not saved");
	sqlite3_finalize(st);
	return rc;
}

int store_delete(struct store *s, const char *id, char *err, size_t n)
{
	sqlite3_stmt *st;
	s->ck_id[0] = '\0';	/* forget its key */
	if (sqlite3_prepare_v2(s->db, "DELETE FROM cases WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return db_fail(s, err, n, "cases");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, err, n, "cannot delete");
	sqlite3_finalize(st);
	if (rc == 0 && sqlite3_changes(s->db) == 0)
		return 1;
	/* Move the overwritten pages out of the WAL into the database too. */
	if (rc == 0)
		sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	return rc;
}
