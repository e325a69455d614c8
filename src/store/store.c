#include "store/store.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
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

#include "base/codec.h"
#include "base/fsx.h"
#include "base/xalloc.h"
#include "store/counter.h"
#include "store/manifest.h"

enum { KEY = crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
       NONCE = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
       TAG = crypto_aead_xchacha20poly1305_ietf_ABYTES };

/* The version of the seal format, bound into every seal; the first one's,
 * read to re-seal old stores; the master key's (the same in both). */
#define FORMAT "tipscreen-2"
#define OLD_FORMAT "tipscreen-1"
#define MASTER_AD "tipscreen-1|master"

/* The keys derived from the master key. */
enum subkey { SUB_COUNTER, SUB_ID, SUB_SIGN, SUB_STATE, SUB_N };

struct store {
	char *dir;
	sqlite3 *db;
	int lock_fd;
	unsigned char *mk;	/* master key, sodium_malloc; NULL while locked */
	unsigned char *sub;	/* SUB_N keys derived from it, sodium_malloc */
	struct manifest man;	/* the sealed state, as last committed */
	struct counter *counter;	/* the generation outside, or NULL */
	char *notice;		/* a warning of the last unlock, or NULL */
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
	return fsx_xdg(FSX_XDG_DATA, "tipscreen");
}

/* Creates dir (0700) if missing, then refuses it unless it is a directory
 * of ours that no one else can read or write. */
static int secure_dir(const char *dir, char *err, size_t n)
{
	char why[128];
	if (fsx_mkdir_p(dir, why, sizeof why) != 0)
		return fail(err, n, "%s: cannot create the data directory: %s", dir, why);
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
	s->dir = xstrdup(dir);
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
	if (s->sub)
		sodium_free(s->sub);
	manifest_free(&s->man);
	counter_close(s->counter);
	free(s->notice);
	free(s->dir);
	if (s->db)
		sqlite3_close(s->db);
	if (s->lock_fd >= 0)
		close(s->lock_fd);	/* drops the flock */
	free(s);
}

/* ---- meta --------------------------------------------------------------- */

/* The value of meta row k, exactly len bytes: 0; 1 if there is no row; -1
 * if it has another length. */
static int meta_get(struct store *s, const char *k, unsigned char *buf, size_t len)
{
	sqlite3_stmt *st;
	int got = 1;
	if (sqlite3_prepare_v2(s->db, "SELECT v FROM meta WHERE k = ?", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		got = (size_t)sqlite3_column_bytes(st, 0) == len ? 0 : -1;
		if (got == 0)
			memcpy(buf, sqlite3_column_blob(st, 0), len);
	}
	sqlite3_finalize(st);
	return got;
}

/* The value of meta row k in a new buffer (*len its length), or NULL. */
static unsigned char *meta_blob(struct store *s, const char *k, size_t *len)
{
	sqlite3_stmt *st;
	unsigned char *v = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT v FROM meta WHERE k = ?", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*len = (size_t)sqlite3_column_bytes(st, 0);
		v = xmalloc(*len ? *len : 1);
		memcpy(v, sqlite3_column_blob(st, 0), *len);
	}
	sqlite3_finalize(st);
	return v;
}

/* Writes meta row k; a key row (replace false) is only ever inserted, so
 * that an existing one is never overwritten. */
static int meta_put(struct store *s, const char *k, const void *v, size_t len, bool replace)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, replace ? "INSERT OR REPLACE INTO meta(k, v) VALUES(?, ?)"
					      : "INSERT INTO meta(k, v) VALUES(?, ?)", -1, &st,
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
	sqlite3_stmt *st;
	bool any = true;	/* when in doubt, never make a new key */
	if (sqlite3_prepare_v2(s->db, "SELECT EXISTS(SELECT 1 FROM meta WHERE k IN "
			       "('salt', 'cost', 'master', 'state')) OR EXISTS(SELECT 1 FROM cases) OR "
			       "EXISTS(SELECT 1 FROM records)", -1, &st, NULL) != SQLITE_OK)
		return true;
	if (sqlite3_step(st) == SQLITE_ROW)
		any = sqlite3_column_int64(st, 0) > 0;
	sqlite3_finalize(st);
	return any;
}

/* ---- seals -------------------------------------------------------------- */

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

/* The keys derived from the master key (crypto_kdf, context "tipscrn2"). */
static void derive_subkeys(struct store *s)
{
	if (!s->sub)
		s->sub = sodium_malloc(SUB_N * KEY);
	for (int i = 0; i < SUB_N; i++)
		crypto_kdf_derive_from_key(s->sub + i * KEY, KEY, (uint64_t)i + 1, "tipscrn2", s->mk);
}

static const unsigned char *subkey(const struct store *s, enum subkey k)
{
	return s->sub + k * KEY;
}

/* ---- the sealed state ----------------------------------------------------- */

static int put_state(struct store *s, const struct manifest *m)
{
	size_t len;
	unsigned char *b = manifest_seal(m, subkey(s, SUB_STATE), &len);
	int rc = meta_put(s, "state", b, len, true);
	free(b);
	return rc;
}

/* Begins a commit: next is a copy of the state, one generation on. */
static int begin(struct store *s, struct manifest *next, char *err, size_t n)
{
	if (!s->mk)
		return fail(err, n, "the store is locked");
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s, err, n, "not saved");
	manifest_copy(next, &s->man);
	next->gen++;
	return 0;
}

/* Ends a commit begun with begin: with rc 0 the state is sealed in and the
 * transaction committed (then the state is s's, and the counter outside
 * records its generation); otherwise, or if that fails, rolled back. */
static int end(struct store *s, struct manifest *next, int rc, char *err, size_t n)
{
	if (rc == 0 && (put_state(s, next) < 0 ||
			sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK))
		rc = db_fail(s, err, n, "not saved");
	if (rc < 0) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		manifest_free(next);
		return rc;
	}
	manifest_free(&s->man);
	s->man = *next;
	counter_advance(s->counter, s->man.gen);	/* after the commit is durable */
	return 0;
}

/* ---- a case's rows -------------------------------------------------------- */

enum { WRAPPED = KEY + NONCE + TAG, HASH = crypto_generichash_BYTES,
       TAIL_PLAIN = 1 + 8 + HASH + 8 + 8 + 1 + STORE_DECK_LEN, TAIL_SEALED = TAIL_PLAIN + NONCE + TAG };

enum case_status { CASE_OPEN, CASE_COMPLETE, CASE_NSTATUS };
static const char *const status_names[CASE_NSTATUS] = { "open", "complete" };

/* A case's tail, sealed under its key: what is known of it without its
 * records, and what its records must add up to. */
struct tail {
	long long count;
	unsigned char head[HASH];	/* the chain's hash after the last record */
	long long created, updated;
	enum case_status status;
	char deck[STORE_DECK_LEN + 1];
};

static bool deck_valid(const char *d)
{
	if (strlen(d) > STORE_DECK_LEN)
		return false;
	for (; *d; d++)
		if (!strchr("0123456789abcdefABCDEF", *d))
			return false;
	return true;
}

static void tail_pack(const struct tail *t, unsigned char *p)
{
	memset(p, 0, TAIL_PLAIN);
	p[0] = 2;
	codec_put_u64(p + 1, (uint64_t)t->count);
	memcpy(p + 9, t->head, HASH);
	codec_put_u64(p + 9 + HASH, (uint64_t)t->created);
	codec_put_u64(p + 17 + HASH, (uint64_t)t->updated);
	p[25 + HASH] = (unsigned char)t->status;
	memcpy(p + 26 + HASH, t->deck, strlen(t->deck));
}

static int tail_unpack(const unsigned char *p, struct tail *t)
{
	t->count = (long long)codec_get_u64(p + 1);
	memcpy(t->head, p + 9, HASH);
	t->created = (long long)codec_get_u64(p + 9 + HASH);
	t->updated = (long long)codec_get_u64(p + 17 + HASH);
	t->status = (enum case_status)p[25 + HASH];
	memcpy(t->deck, p + 26 + HASH, STORE_DECK_LEN);
	t->deck[STORE_DECK_LEN] = '\0';
	return p[0] == 2 && t->count >= 0 && p[25 + HASH] < CASE_NSTATUS && deck_valid(t->deck) ? 0 : -1;
}

static char *ad_of(const char *id, const char *what)
{
	return xasprintf(FORMAT "|%s|%s", id, what);
}

/* The additional data of record seq: the case, the number and the hash of
 * the chain before it. */
static char *record_ad(const char *id, long long seq, const unsigned char *head)
{
	char hex[2 * HASH + 1];
	sodium_bin2hex(hex, sizeof hex, head, HASH);
	return xasprintf(FORMAT "|%s|record|%lld|%s", id, seq, hex);
}

static void chain_start(const char *id, unsigned char *head)
{
	char *s = xasprintf(FORMAT "|chain|%s", id);
	crypto_generichash(head, HASH, (const unsigned char *)s, strlen(s), NULL, 0);
	free(s);
}

/* The chain after one more sealed record. */
static void chain_step(unsigned char *head, const void *blob, size_t len)
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, HASH);
	crypto_generichash_update(&st, head, HASH);
	crypto_generichash_update(&st, blob, len);
	crypto_generichash_final(&st, head, HASH);
}

static int damaged(char *err, size_t n, const char *id)
{
	return fail(err, n, "case %s fails the integrity check: it was changed, or put back from an "
		    "older copy, behind tipscreen's back; it is not shown", id);
}

/* Reads case id's rows, checks them against the sealed state, and opens
 * its key (into ck, KEY bytes of sodium_malloc memory) and tail. wrapped
 * receives the sealed key. 0; 1 if there is no such case; with err, -1 for
 * a damaged case, -2 for a locked store or a database error. */
static int case_read(struct store *s, const char *id, unsigned char *ck, unsigned char *wrapped,
		     struct tail *t, char *err, size_t n)
{
	if (!s->mk)
		return fail(err, n, "the store is locked") - 1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT ckey, tail FROM cases WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return db_fail(s, err, n, "cases") - 1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	const struct manifest_entry *e = manifest_find(&s->man, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_fail(s, err, n, "cases") - 1;
		return e ? fail(err, n, "case %s fails the integrity check: it was removed behind "
				"tipscreen's back", id) : 1;
	}
	const void *kb = sqlite3_column_blob(st, 0), *tb = sqlite3_column_blob(st, 1);
	size_t kl = (size_t)sqlite3_column_bytes(st, 0), tl = (size_t)sqlite3_column_bytes(st, 1);
	unsigned char h[HASH], plain[TAIL_PLAIN];
	if (kb && tb)
		manifest_hash(id, kb, kl, tb, tl, h);
	rc = -1;
	char *kad = ad_of(id, "key"), *tad = ad_of(id, "tail");
	if (e && kb && tb && kl == WRAPPED && tl == TAIL_SEALED && sodium_memcmp(h, e->hash, HASH) == 0 &&
	    unseal(ck, kb, kl, kad, s->mk) == 0 && unseal(plain, tb, tl, tad, ck) == 0 &&
	    tail_unpack(plain, t) == 0) {
		memcpy(wrapped, kb, WRAPPED);
		rc = 0;
	}
	free(kad);
	free(tad);
	sqlite3_finalize(st);
	return rc == 0 ? 0 : damaged(err, n, id);
}

/* Seals t as case id's tail and records the rows' new hash in next. */
static int write_tail(struct store *s, struct manifest *next, const char *id,
		      const unsigned char *wrapped, const struct tail *t, const unsigned char *ck)
{
	unsigned char plain[TAIL_PLAIN], sealed[TAIL_SEALED], h[HASH];
	tail_pack(t, plain);
	char *ad = ad_of(id, "tail");
	seal(sealed, plain, sizeof plain, ad, ck);
	free(ad);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "UPDATE cases SET tail = ? WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_blob(st, 1, sealed, sizeof sealed, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(s->db) == 1 ? 0 : -1;
	sqlite3_finalize(st);
	manifest_hash(id, wrapped, WRAPPED, sealed, sizeof sealed, h);
	manifest_set(next, id, h);
	return rc;
}

/* ---- keys ------------------------------------------------------------------ */

/* The key rows, checked: 0, or -1 with err saying what is damaged. */
static int key_rows(struct store *s, unsigned char *salt, unsigned long long *ops,
		    unsigned long long *mem, unsigned char *wrapped, char *err, size_t n)
{
	unsigned char cost[16];
	const char *bad = meta_get(s, "salt", salt, crypto_pwhash_SALTBYTES) != 0 ? "salt"
			  : meta_get(s, "cost", cost, sizeof cost) != 0 ? "cost"
			  : meta_get(s, "master", wrapped, WRAPPED) != 0 ? "wrapped master key" : NULL;
	if (!bad) {
		memcpy(ops, cost, 8);
		memcpy(mem, cost + 8, 8);
		if (*ops < crypto_pwhash_OPSLIMIT_MIN || *ops > 64 || *mem < crypto_pwhash_MEMLIMIT_MIN ||
		    *mem > (1ULL << 32))
			bad = "cost";
	}
	if (bad)
		return fail(err, n, "%s: the store's %s is missing or damaged, so none of its cases can be "
			    "opened; nothing was changed (no new passphrase is set over it). Restore "
			    "%s/cases.db from a copy", s->dir, bad, s->dir);
	return 0;
}

static void set_cost(unsigned char *cost, unsigned long long ops, unsigned long long mem)
{
	memcpy(cost, &ops, 8);
	memcpy(cost + 8, &mem, 8);
}

/* Opens the counter outside the database; a notice when it cannot. */
static void open_counter(struct store *s, uint64_t *seen, bool *found)
{
	char cerr[400];
	counter_close(s->counter);
	s->counter = NULL;
	if (counter_open(subkey(s, SUB_ID), subkey(s, SUB_COUNTER), &s->counter, seen, found, cerr,
			 sizeof cerr) < 0) {
		free(s->notice);
		s->notice = xasprintf("a rollback of this store to an older copy cannot be detected: %s", cerr);
	}
}

int store_set_passphrase(struct store *s, const char *pass, char *err, size_t n)
{
	if (store_has_passphrase(s))
		return fail(err, n, "this store already has a passphrase, or what is left of one: its "
			    "master key is never replaced");
	if (strlen(pass) < STORE_PASS_MIN)
		return fail(err, n, "the passphrase must have at least 8 characters");
	unsigned char salt[crypto_pwhash_SALTBYTES], kek[KEY], wrapped[WRAPPED], cost[16];
	unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	unsigned long long mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	randombytes_buf(salt, sizeof salt);
	if (derive(pass, salt, ops, (size_t)mem, kek) != 0)
		return fail(err, n, "not enough memory to derive the key");
	s->mk = sodium_malloc(KEY);
	randombytes_buf(s->mk, KEY);
	seal(wrapped, s->mk, KEY, MASTER_AD, kek);
	sodium_memzero(kek, sizeof kek);
	derive_subkeys(s);
	set_cost(cost, ops, mem);
	manifest_free(&s->man);
	s->man.gen = 1;
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
	    meta_put(s, "salt", salt, sizeof salt, false) < 0 ||
	    meta_put(s, "cost", cost, sizeof cost, false) < 0 ||
	    meta_put(s, "master", wrapped, sizeof wrapped, false) < 0 || put_state(s, &s->man) < 0 ||
	    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(s, err, n, "cannot save the key");
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		sodium_free(s->mk);
		s->mk = NULL;
		return -1;
	}
	uint64_t seen;
	bool found;
	open_counter(s, &seen, &found);
	counter_advance(s->counter, s->man.gen);
	counter_sync(s->counter);
	return 0;
}

static int load_state(struct store *s, char *err, size_t n);

int store_unlock(struct store *s, const char *pass, char *err, size_t n)
{
	unsigned char salt[crypto_pwhash_SALTBYTES], kek[KEY], wrapped[WRAPPED];
	unsigned long long ops = 0, mem = 0;
	if (!store_has_passphrase(s)) {
		fail(err, n, "the store has no passphrase yet");
		return -2;
	}
	if (key_rows(s, salt, &ops, &mem, wrapped, err, n) < 0)
		return -2;
	if (derive(pass, salt, ops, (size_t)mem, kek) != 0) {
		fail(err, n, "not enough memory to derive the key");
		return -2;
	}
	unsigned char *mk = sodium_malloc(KEY);
	int rc = unseal(mk, wrapped, sizeof wrapped, MASTER_AD, kek);
	sodium_memzero(kek, sizeof kek);
	if (rc != 0) {
		sodium_free(mk);
		return fail(err, n, "wrong passphrase");
	}
	if (s->mk)
		sodium_free(s->mk);
	s->mk = mk;
	derive_subkeys(s);
	if (load_state(s, err, n) < 0) {
		sodium_free(s->mk);
		s->mk = NULL;
		return -2;
	}
	return 0;
}

char *store_notice(struct store *s)
{
	return s->notice ? xstrdup(s->notice) : NULL;
}

int store_signing_key(struct store *s, unsigned char *pk, unsigned char *sk, char *err, size_t n)
{
	if (!s->mk)
		return fail(err, n, "the store is locked");
	crypto_sign_seed_keypair(pk, sk, subkey(s, SUB_SIGN));
	return 0;
}

/* ---- the first format ------------------------------------------------------ */

/* A record of a case of the first format, decrypted. */
struct old_record {
	long long seq;
	unsigned char *plain;	/* sodium_malloc */
	size_t len;
};

struct old_case {
	char id[STORE_ID_LEN + 1];
	unsigned char *ckey, *tail;
	size_t klen, tlen;
	char status[16];
	long long created, updated;
};

static char *old_ad(const char *id, const char *what, long long seq)
{
	return xasprintf(OLD_FORMAT "|%s|%s|%lld", id, what, seq);
}

/* The records of an old case, opened under its old seals; -1 if any fails
 * (then the case stays as it is, listed as damaged). */
static int old_records(struct store *s, const struct old_case *c, const unsigned char *ck,
		       struct old_record **out, size_t *nout)
{
	sqlite3_stmt *st;
	*out = NULL;
	*nout = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT seq, blob FROM records WHERE id = ? ORDER BY seq", -1,
			       &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
	int rc = 0;
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		long long seq = sqlite3_column_int64(st, 0);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);
		if (seq != (long long)*nout || len < NONCE + TAG) {
			rc = -1;
			break;
		}
		*out = xrealloc(*out, (*nout + 1) * sizeof **out);
		struct old_record *r = &(*out)[(*nout)++];
		r->seq = seq;
		r->len = len - NONCE - TAG;
		r->plain = sodium_malloc(r->len + 1);
		char *ad = old_ad(c->id, "record", seq);
		rc = unseal(r->plain, sqlite3_column_blob(st, 1), len, ad, ck);
		free(ad);
	}
	sqlite3_finalize(st);
	long long count = -1;
	char *ad = old_ad(c->id, "tail", 0);
	if (rc == 0 && (c->tlen != 8 + NONCE + TAG ||
			unseal((unsigned char *)&count, c->tail, c->tlen, ad, ck) != 0 ||
			count != (long long)*nout))
		rc = -1;
	free(ad);
	return rc;
}

static void old_records_free(struct old_record *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sodium_free(v[i].plain);
	free(v);
}

/* Seals an old case's records, key and tail in the current format. */
static int reseal_case(struct store *s, struct manifest *m, const struct old_case *c,
		       const unsigned char *ck, const struct old_record *v, size_t nv)
{
	sqlite3_stmt *up, *cs;
	if (sqlite3_prepare_v2(s->db, "UPDATE records SET blob = ? WHERE id = ? AND seq = ?", -1, &up,
			       NULL) != SQLITE_OK)
		return -1;
	struct tail t = { .count = (long long)nv, .created = c->created, .updated = c->updated,
			  .status = strcmp(c->status, "complete") == 0 ? CASE_COMPLETE : CASE_OPEN };
	chain_start(c->id, t.head);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < nv; i++) {
		unsigned char *blob = xmalloc(v[i].len + NONCE + TAG);
		char *ad = record_ad(c->id, v[i].seq, t.head);
		seal(blob, v[i].plain, v[i].len, ad, ck);
		free(ad);
		chain_step(t.head, blob, v[i].len + NONCE + TAG);
		sqlite3_reset(up);
		sqlite3_bind_blob(up, 1, blob, (int)(v[i].len + NONCE + TAG), SQLITE_TRANSIENT);
		sqlite3_bind_text(up, 2, c->id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(up, 3, v[i].seq);
		rc = sqlite3_step(up) == SQLITE_DONE ? 0 : -1;
		free(blob);
	}
	sqlite3_finalize(up);
	unsigned char wrapped[WRAPPED];
	char *ad = ad_of(c->id, "key");
	seal(wrapped, ck, KEY, ad, s->mk);
	free(ad);
	if (rc == 0 && sqlite3_prepare_v2(s->db, "UPDATE cases SET ckey = ?, created = 0, updated = 0, "
					  "status = '-' WHERE id = ?", -1, &cs, NULL) == SQLITE_OK) {
		sqlite3_bind_blob(cs, 1, wrapped, sizeof wrapped, SQLITE_STATIC);
		sqlite3_bind_text(cs, 2, c->id, -1, SQLITE_STATIC);
		rc = sqlite3_step(cs) == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(cs);
	} else {
		rc = -1;
	}
	return rc == 0 ? write_tail(s, m, c->id, wrapped, &t, ck) : -1;
}

/* One old case: re-sealed, or (if it fails its old checks) kept as it is
 * and marked damaged in the state. -1 only on a database error. */
static int migrate_case(struct store *s, struct manifest *m, const struct old_case *c)
{
	static const unsigned char zero[HASH];
	if (!store_id_valid(c->id))
		return 0;	/* not a case: listed as damaged, never shown */
	unsigned char *ck = sodium_malloc(KEY);
	char *ad = old_ad(c->id, "key", 0);
	struct old_record *v = NULL;
	size_t nv = 0;
	int ok = c->klen == WRAPPED && unseal(ck, c->ckey, c->klen, ad, s->mk) == 0 &&
		 old_records(s, c, ck, &v, &nv) == 0;
	free(ad);
	int rc = 0;
	if (ok)
		rc = reseal_case(s, m, c, ck, v, nv);
	else
		manifest_set(m, c->id, zero);
	old_records_free(v, nv);
	sodium_free(ck);
	return rc;
}

static struct old_case *old_cases(struct store *s, size_t *n)
{
	sqlite3_stmt *st;
	struct old_case *v = xcalloc(1, sizeof *v);
	*n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT id, ckey, tail, status, created, updated FROM cases",
			       -1, &st, NULL) != SQLITE_OK)
		return v;
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xrealloc(v, (*n + 1) * sizeof *v);
		struct old_case *c = &v[(*n)++];
		snprintf(c->id, sizeof c->id, "%s", (const char *)sqlite3_column_text(st, 0));
		c->klen = (size_t)sqlite3_column_bytes(st, 1);
		c->tlen = (size_t)sqlite3_column_bytes(st, 2);
		c->ckey = xmalloc(c->klen + 1);
		c->tail = xmalloc(c->tlen + 1);
		memcpy(c->ckey, sqlite3_column_blob(st, 1), c->klen);
		memcpy(c->tail, sqlite3_column_blob(st, 2), c->tlen);
		snprintf(c->status, sizeof c->status, "%s", (const char *)sqlite3_column_text(st, 3));
		c->created = sqlite3_column_int64(st, 4);
		c->updated = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	return v;
}

/* Re-seals a store of the first format in this one, in one transaction. */
static int migrate(struct store *s, char *err, size_t n)
{
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s, err, n, "cannot re-seal the store in the new format");
	size_t nc;
	struct old_case *v = old_cases(s, &nc);
	struct manifest m = { .gen = 1 };
	int rc = 0;
	for (size_t i = 0; i < nc; i++) {
		if (rc == 0)
			rc = migrate_case(s, &m, &v[i]);
		free(v[i].ckey);
		free(v[i].tail);
	}
	free(v);
	if (rc < 0 || put_state(s, &m) < 0 || sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(s, err, n, "cannot re-seal the store in the new format");
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		manifest_free(&m);
		return -1;
	}
	manifest_free(&s->man);
	s->man = m;
	return 0;
}

/* After the master key: the sealed state (re-sealing a store of the first
 * format), checked against the generation this laptop last saw. */
static int load_state(struct store *s, char *err, size_t n)
{
	size_t len = 0;
	unsigned char *b = meta_blob(s, "state", &len);
	uint64_t seen = 0;
	bool found = false;
	free(s->notice);
	s->notice = NULL;
	open_counter(s, &seen, &found);
	manifest_free(&s->man);
	int rc = 0;
	if (b) {
		rc = manifest_open(b, len, subkey(s, SUB_STATE), &s->man) < 0
		     ? fail(err, n, "%s: the store's sealed state fails the integrity check; nothing "
			    "was changed", s->dir) : 0;
	} else if (found) {
		rc = fail(err, n, "%s: this laptop has seen this store in the current format, but it is "
			  "now of the first one: it was put back from an older copy, or its sealed "
			  "state removed. Nothing was changed. If you restored it from a backup on "
			  "purpose, remove %s and run again", s->dir, counter_path(s->counter));
	} else {
		rc = migrate(s, err, n);
	}
	free(b);
	if (rc == 0 && found && seen > s->man.gen)
		rc = fail(err, n, "%s: this store is older than the one this laptop last saw (generation "
			  "%llu, last seen %llu): it was put back from an older copy, or its last changes "
			  "were lost (a deleted cases.db-wal file?). Nothing was changed. If you restored "
			  "it from a backup on purpose, remove %s and run again", s->dir,
			  (unsigned long long)s->man.gen, (unsigned long long)seen,
			  counter_path(s->counter));
	if (rc < 0)
		return -1;
	if (b && !found && s->counter)
		s->notice = xasprintf("this laptop had no record of this store (first use on this "
				      "account, or %s was removed): a rollback to an older copy could "
				      "not be checked this time", counter_path(s->counter));
	counter_advance(s->counter, s->man.gen);
	counter_sync(s->counter);
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

static int insert_case(struct store *s, const char *id, const unsigned char *wrapped)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO cases(id, created, updated, status, ckey, tail) "
			       "VALUES(?, 0, 0, '-', ?, X'')", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, wrapped, WRAPPED, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

int store_case_new(struct store *s, const char *deck, char *id, char *err, size_t n)
{
	if (!deck_valid(deck))
		return fail(err, n, "not a deck identity");
	struct manifest next;
	if (begin(s, &next, err, n) < 0)
		return -1;
	unsigned char raw[STORE_ID_LEN / 2];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(id, STORE_ID_LEN + 1, raw, sizeof raw);
	unsigned char *ck = sodium_malloc(KEY), wrapped[WRAPPED];
	randombytes_buf(ck, KEY);
	char *ad = ad_of(id, "key");
	seal(wrapped, ck, KEY, ad, s->mk);
	free(ad);
	struct tail t = { .created = (long long)time(NULL), .status = CASE_OPEN };
	t.updated = t.created;
	snprintf(t.deck, sizeof t.deck, "%s", deck);
	chain_start(id, t.head);
	int rc = insert_case(s, id, wrapped) < 0 || write_tail(s, &next, id, wrapped, &t, ck) < 0
		 ? db_fail(s, err, n, "cannot create the case") : 0;
	sodium_free(ck);
	return end(s, &next, rc, err, n);
}

/* Seals record as case id's next record, onto the chain in t. */
static int insert_record(struct store *s, const char *id, struct tail *t, const char *record,
			 const unsigned char *ck)
{
	size_t len = strlen(record);
	unsigned char *blob = xmalloc(len + NONCE + TAG);
	char *ad = record_ad(id, t->count, t->head);
	seal(blob, (const unsigned char *)record, len, ad, ck);
	free(ad);
	sqlite3_stmt *st;
	int rc = -1;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO records(id, seq, blob) VALUES(?, ?, ?)", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, t->count);
		sqlite3_bind_blob(st, 3, blob, (int)(len + NONCE + TAG), SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(st);
	}
	chain_step(t->head, blob, len + NONCE + TAG);
	t->count++;
	free(blob);
	return rc;
}

/* One commit to case id: a record (if not NULL), and the status (if >= 0). */
static int change(struct store *s, const char *id, const char *record, int status, char *err,
		  size_t n)
{
	struct manifest next;
	if (begin(s, &next, err, n) < 0)
		return -1;
	unsigned char *ck = sodium_malloc(KEY), wrapped[WRAPPED];
	struct tail t;
	int rc = case_read(s, id, ck, wrapped, &t, err, n);
	if (rc > 0)
		rc = fail(err, n, "not saved: no case %s", id);
	rc = rc < 0 ? -1 : rc;
	if (rc == 0) {
		t.updated = (long long)time(NULL);
		if (status >= 0)
			t.status = (enum case_status)status;
		if ((record && insert_record(s, id, &t, record, ck) < 0) ||
		    write_tail(s, &next, id, wrapped, &t, ck) < 0)
			rc = db_fail(s, err, n, "not saved");
	}
	sodium_free(ck);
	return end(s, &next, rc, err, n);
}

int store_append(struct store *s, const char *id, const char *record, char *err, size_t n)
{
	return change(s, id, record, -1, err, n);
}

int store_set_status(struct store *s, const char *id, const char *status, char *err, size_t n)
{
	for (int i = 0; i < CASE_NSTATUS; i++)
		if (strcmp(status, status_names[i]) == 0)
			return change(s, id, NULL, i, err, n);
	return fail(err, n, "not a case status: %s", status);
}

/* Opens the records of a case, in order, onto the chain; -1 with err at
 * the first that fails. *count and head are where the chain got to. */
static int open_records(struct store *s, const char *id, const unsigned char *ck,
			int (*fn)(void *ctx, const char *record), void *ctx, long long *count,
			unsigned char *head, char *err, size_t n)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT seq, blob FROM records WHERE id = ? ORDER BY seq", -1,
			       &st, NULL) != SQLITE_OK)
		return db_fail(s, err, n, "records");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int rc = 0, step;
	chain_start(id, head);
	*count = 0;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		long long seq = sqlite3_column_int64(st, 0);
		const void *blob = sqlite3_column_blob(st, 1);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);
		char *plain = len >= NONCE + TAG && blob ? sodium_malloc(len - NONCE - TAG + 1) : NULL;
		char *ad = record_ad(id, *count, head);
		if (seq != *count || !plain ||
		    unseal((unsigned char *)plain, blob, len, ad, ck) != 0) {
			rc = fail(err, n, "case %s: record %lld fails the integrity check "
				  "(changed, swapped or missing); it is not shown", id, *count);
		} else {
			plain[len - NONCE - TAG] = '\0';
			rc = fn(ctx, plain) < 0 ? fail(err, n, "case %s: record %lld cannot be read", id, *count) : 0;
			sodium_memzero(plain, len - NONCE - TAG);
			chain_step(head, blob, len);
			++*count;
		}
		if (plain)
			sodium_free(plain);
		free(ad);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(s, err, n, "records");
	sqlite3_finalize(st);
	return rc;
}

int store_load(struct store *s, const char *id, int (*fn)(void *ctx, const char *record),
	       void *ctx, char *err, size_t n)
{
	unsigned char *ck = sodium_malloc(KEY), wrapped[WRAPPED], head[HASH];
	struct tail t;
	long long count = 0;
	int rc = case_read(s, id, ck, wrapped, &t, err, n);
	if (rc > 0)
		rc = fail(err, n, "no case %s", id);
	if (rc == 0)
		rc = open_records(s, id, ck, fn, ctx, &count, head, err, n);
	if (rc == 0 && count < t.count)
		rc = fail(err, n, "case %s: records are missing at the end (truncated)", id);
	else if (rc == 0 && (count != t.count || sodium_memcmp(head, t.head, HASH) != 0))
		rc = fail(err, n, "case %s: its records do not match its sealed tail (added or "
			  "replaced behind tipscreen's back)", id);
	sodium_free(ck);
	return rc;
}

static void fill_case(struct store_case *c, const char *id, const struct tail *t)
{
	memset(c, 0, sizeof *c);
	snprintf(c->id, sizeof c->id, "%s", id);
	if (!t) {
		snprintf(c->status, sizeof c->status, "damaged");
		return;
	}
	c->created = (time_t)t->created;
	c->updated = (time_t)t->updated;
	snprintf(c->status, sizeof c->status, "%s", status_names[t->status]);
	c->records = t->count > INT_MAX ? INT_MAX : (int)t->count;
	snprintf(c->deck, sizeof c->deck, "%s", t->deck);
}

int store_case_info(struct store *s, const char *id, struct store_case *out, char *err, size_t n)
{
	unsigned char *ck = sodium_malloc(KEY), wrapped[WRAPPED];
	struct tail t;
	int rc = case_read(s, id, ck, wrapped, &t, err, n);
	sodium_free(ck);
	if (rc == 0)
		fill_case(out, id, &t);
	return rc < 0 ? -1 : rc;
}

static int by_change(const void *a, const void *b)
{
	const struct store_case *x = a, *y = b;
	if (x->updated != y->updated)
		return x->updated < y->updated ? 1 : -1;
	if (x->created != y->created)
		return x->created < y->created ? 1 : -1;
	return strcmp(x->id, y->id);
}

/* The ids of every case: rows and the state's entries, each once. */
static char (*case_ids(struct store *s, size_t *n, char *err, size_t errlen))[STORE_ID_LEN + 1]
{
	sqlite3_stmt *st;
	*n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT id FROM cases ORDER BY id", -1, &st, NULL) != SQLITE_OK) {
		db_fail(s, err, errlen, "cases");
		return NULL;
	}
	char (*v)[STORE_ID_LEN + 1] = xcalloc(s->man.n + 1, sizeof *v);
	size_t cap = s->man.n + 1;
	for (size_t i = 0; i < s->man.n; i++)
		snprintf(v[(*n)++], sizeof *v, "%s", s->man.v[i].id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		if (!id || !store_id_valid(id) || manifest_find(&s->man, id))
			continue;	/* not a case id: never shown */
		xgrow((void **)&v, &cap, *n + 1, sizeof *v);
		snprintf(v[(*n)++], sizeof *v, "%s", id);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {	/* never a short list that looks complete */
		free(v);
		db_fail(s, err, errlen, "cases");
		return NULL;
	}
	return v;
}

struct store_case *store_cases(struct store *s, size_t *n, char *err, size_t errlen)
{
	*n = 0;
	if (!s->mk) {
		fail(err, errlen, "cases: the store is locked");
		return NULL;
	}
	size_t k;
	char (*ids)[STORE_ID_LEN + 1] = case_ids(s, &k, err, errlen);
	if (!ids)
		return NULL;
	struct store_case *v = xcalloc(k + 1, sizeof *v);
	unsigned char *ck = sodium_malloc(KEY), wrapped[WRAPPED];
	char why[256];
	int rc = 0;
	for (size_t i = 0; i < k && rc >= 0; i++) {
		struct tail t;
		rc = case_read(s, ids[i], ck, wrapped, &t, why, sizeof why);
		if (rc == -1)
			rc = 0, fill_case(&v[(*n)++], ids[i], NULL);	/* damaged, listed so */
		else if (rc == 0)
			fill_case(&v[(*n)++], ids[i], &t);
		else if (rc < 0)
			snprintf(err, errlen, "%s", why);
	}
	sodium_free(ck);
	free(ids);
	if (rc < 0) {
		free(v);
		*n = 0;
		return NULL;
	}
	qsort(v, *n, sizeof *v, by_change);
	return v;
}

int store_delete(struct store *s, const char *id, char *err, size_t n)
{
	struct manifest next;
	if (begin(s, &next, err, n) < 0)
		return -1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "DELETE FROM cases WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return end(s, &next, db_fail(s, err, n, "cases"), err, n);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, err, n, "cannot delete");
	int gone = rc == 0 ? sqlite3_changes(s->db) : 0;
	sqlite3_finalize(st);
	bool listed = manifest_remove(&next, id);
	if (rc == 0 && !gone && !listed) {
		end(s, &next, -1, err, n);
		return 1;
	}
	if (end(s, &next, rc, err, n) < 0)
		return -1;
	/* Move the overwritten pages out of the WAL into the database too. */
	sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	return 0;
}
