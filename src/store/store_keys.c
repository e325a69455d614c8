/* store_keys: the meta rows, the seals (XChaCha20-Poly1305 under a key and
 * an AD), the passphrase (Argon2id) and the master key it wraps, the
 * subkeys derived from it and the signing key; unlocking a store. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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
#include "store/store_int.h"

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
unsigned char *store_meta_blob(struct store *s, const char *k, size_t *len)
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
 * that an existing one is never overwritten. A row replaced is updated in place
 * (INSERT OR REPLACE would move it, and write the index's page too: one more
 * page through the WAL at every commit). */
int store_meta_put(struct store *s, const char *k, const void *v, size_t len, bool replace)
{
	if (replace) {
		sqlite3_stmt *up = store_stmt(s, SQL_META_UPDATE);
		if (!up)
			return -1;
		sqlite3_bind_blob(up, 1, v, (int)len, SQLITE_STATIC);
		sqlite3_bind_text(up, 2, k, -1, SQLITE_STATIC);
		int rc = sqlite3_step(up) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(up);
		if (rc < 0 || sqlite3_changes(s->db) == 1)
			return rc;
	}
	sqlite3_stmt *st = store_stmt(s, SQL_META_PUT);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, v, (int)len, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(st);
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
void store_seal(unsigned char *out, const unsigned char *plain, size_t len, const char *ad,
		const unsigned char *key)
{
	randombytes_buf(out, NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + NONCE, NULL, plain, len,
						   (const unsigned char *)ad, strlen(ad), NULL, out, key);
}

/* Opens a seal; plain receives len - NONCE - TAG bytes. -1 if it was
 * tampered with, swapped or sealed under another key. */
int store_unseal(unsigned char *plain, const unsigned char *in, size_t len, const char *ad,
		 const unsigned char *key)
{
	if (len < NONCE + TAG)
		return -1;
	return crypto_aead_xchacha20poly1305_ietf_decrypt(plain, NULL, NULL, in + NONCE,
							  len - NONCE, (const unsigned char *)ad,
							  strlen(ad), in, key);
}

void store_derive_subkey(const unsigned char *mk, enum subkey k, unsigned char *out)
{
	crypto_kdf_derive_from_key(out, KEY, (uint64_t)k + 1, "tipscrn2", mk);
}

/* The keys derived from the master key. */
static void derive_subkeys(struct store *s)
{
	if (!s->sub)
		s->sub = sodium_malloc((SUB_N + 1) * KEY);
	s->ck = s->sub + SUB_N * KEY;
	for (int i = 0; i < SUB_N; i++)
		store_derive_subkey(s->mk, (enum subkey)i, s->sub + i * KEY);
}

const unsigned char *store_subkey(const struct store *s, enum subkey k)
{
	return s->sub + k * KEY;
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
		return store_fail(err, n, "%s: the store's %s is missing or damaged, so none of its cases can be "
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
void store_open_counter(struct store *s, uint64_t *seen, bool *found)
{
	char cerr[400];
	counter_close(s->counter);
	s->counter = NULL;
	if (counter_open(store_subkey(s, SUB_ID), store_subkey(s, SUB_COUNTER), &s->counter, seen, found, cerr,
			 sizeof cerr) < 0) {
		free(s->notice);
		s->notice = xasprintf("a rollback of this store to an older copy cannot be detected: %s", cerr);
	}
}

int store_set_passphrase(struct store *s, const char *pass, char *err, size_t n)
{
	if (store_has_passphrase(s))
		return store_fail(err, n, "this store already has a passphrase, or what is left of one: its "
				  "master key is never replaced");
	if (strlen(pass) < STORE_PASS_MIN)
		return store_fail(err, n, "the passphrase must have at least 8 characters");
	unsigned char salt[crypto_pwhash_SALTBYTES], kek[KEY], wrapped[WRAPPED], cost[16];
	unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	unsigned long long mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	randombytes_buf(salt, sizeof salt);
	if (derive(pass, salt, ops, (size_t)mem, kek) != 0)
		return store_fail(err, n, "not enough memory to derive the key");
	s->mk = sodium_malloc(KEY);
	randombytes_buf(s->mk, KEY);
	store_seal(wrapped, s->mk, KEY, MASTER_AD, kek);
	sodium_memzero(kek, sizeof kek);
	derive_subkeys(s);
	set_cost(cost, ops, mem);
	manifest_free(&s->man);
	s->man.gen = 1;
	if (store_run(s, SQL_BEGIN) < 0 ||
	    store_meta_put(s, "salt", salt, sizeof salt, false) < 0 ||
	    store_meta_put(s, "cost", cost, sizeof cost, false) < 0 ||
	    store_meta_put(s, "master", wrapped, sizeof wrapped, false) < 0 || store_put_state(s, &s->man) < 0 ||
	    store_run(s, SQL_COMMIT) < 0) {
		store_db_fail(s, err, n, "cannot save the key");
		store_run(s, SQL_ROLLBACK);
		sodium_free(s->mk);
		s->mk = NULL;
		return -1;
	}
	uint64_t seen;
	bool found;
	store_open_counter(s, &seen, &found);
	counter_advance(s->counter, s->man.gen);
	counter_sync(s->counter);
	return 0;
}

/* Makes mk (sodium_malloc'd, taken) the store's master key and loads the
 * sealed state under it: 0, or -2 with err (mk then freed, the store
 * locked). */
int store_adopt_master(struct store *s, unsigned char *mk, char *err, size_t n)
{
	if (s->mk)
		sodium_free(s->mk);
	s->mk = mk;
	derive_subkeys(s);
	if (store_load_state(s, err, n) < 0) {
		sodium_free(s->mk);
		s->mk = NULL;
		return -2;
	}
	return 0;
}

int store_unlock(struct store *s, const char *pass, char *err, size_t n)
{
	unsigned char salt[crypto_pwhash_SALTBYTES], kek[KEY], wrapped[WRAPPED];
	unsigned long long ops = 0, mem = 0;
	if (!store_has_passphrase(s)) {
		store_fail(err, n, "the store has no passphrase yet");
		return -2;
	}
	if (key_rows(s, salt, &ops, &mem, wrapped, err, n) < 0)
		return -2;
	if (derive(pass, salt, ops, (size_t)mem, kek) != 0) {
		store_fail(err, n, "not enough memory to derive the key");
		return -2;
	}
	unsigned char *mk = sodium_malloc(KEY);
	int rc = store_unseal(mk, wrapped, sizeof wrapped, MASTER_AD, kek);
	sodium_memzero(kek, sizeof kek);
	if (rc != 0) {
		sodium_free(mk);
		return store_fail(err, n, "wrong passphrase");
	}
	return store_adopt_master(s, mk, err, n);
}

int store_change_passphrase(struct store *s, const char *pass, const char *event, char *err,
			    size_t n)
{
	if (!s->mk)
		return store_fail(err, n, "the store is locked");
	if (strlen(pass) < STORE_PASS_MIN)
		return store_fail(err, n, "the passphrase must have at least 8 characters");
	unsigned char salt[crypto_pwhash_SALTBYTES], kek[KEY], wrapped[WRAPPED], cost[16];
	unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	unsigned long long mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	randombytes_buf(salt, sizeof salt);
	if (derive(pass, salt, ops, (size_t)mem, kek) != 0)
		return store_fail(err, n, "not enough memory to derive the key");
	store_seal(wrapped, s->mk, KEY, MASTER_AD, kek);
	sodium_memzero(kek, sizeof kek);
	set_cost(cost, ops, mem);
	/* One transaction: SQLite's commit is atomic, so a crash at any
	 * point leaves the three rows all old or all new. */
	if (store_run(s, SQL_BEGIN) < 0 ||
	    store_meta_put(s, "salt", salt, sizeof salt, true) < 0 ||
	    store_meta_put(s, "cost", cost, sizeof cost, true) < 0 ||
	    store_meta_put(s, "master", wrapped, sizeof wrapped, true) < 0 ||
	    (event && store_keylog_add(s, event) < 0) ||
	    store_run(s, SQL_COMMIT) < 0) {
		store_db_fail(s, err, n, "the passphrase was not changed");
		store_run(s, SQL_ROLLBACK);
		return -1;
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
		return store_fail(err, n, "the store is locked");
	crypto_sign_seed_keypair(pk, sk, store_subkey(s, SUB_SIGN));
	return 0;
}
