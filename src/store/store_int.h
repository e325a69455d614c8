/* store_int: what the parts of the case store share (store_cases.c, store_dir.c,
 * store_keys.c, store_chain.c, store_v1.c), private to src/store: the
 * struct store, the sizes of keys and seals, a case's tail, and the
 * functions one part calls in another. Errors as store.h's: -1 with the
 * reason in err. */
#ifndef TIPSCREEN_STORE_INT_H
#define TIPSCREEN_STORE_INT_H

#include <sodium.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/counter.h"
#include "store/manifest.h"
#include "store/store.h"

enum { KEY = crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
       NONCE = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
       TAG = crypto_aead_xchacha20poly1305_ietf_ABYTES };

/* The version of the seal format, bound into every seal; the first one's,
 * read to re-seal old stores; the master key's (the same in both). */
#define FORMAT "tipscreen-2"
#define OLD_FORMAT "tipscreen-1"
#define MASTER_AD "tipscreen-1|master"

/* The keys derived from the master key. */
enum subkey { SUB_COUNTER, SUB_ID, SUB_SIGN, SUB_STATE, SUB_ESCROW, SUB_KEYLOG, SUB_N };

/* The statements of every commit and read, prepared once per store. */
enum store_sql { SQL_CASE_READ, SQL_TAIL_WRITE, SQL_RECORD_INSERT, SQL_RECORDS_READ,
		 SQL_BUCKET_PUT, SQL_BUCKET_DELETE, SQL_META_PUT, SQL_META_UPDATE,
		 SQL_BEGIN, SQL_COMMIT, SQL_ROLLBACK, SQL_N };

struct store {
	char *dir;
	sqlite3 *db;
	sqlite3_stmt *sql[SQL_N];	/* prepared on first use, finalized on close */
	int lock_fd;
	unsigned char *mk;	/* master key, sodium_malloc; NULL while locked */
	unsigned char *sub;	/* SUB_N keys derived from it, sodium_malloc, then ck */
	unsigned char *ck;	/* one case key during a commit: the guarded slot after the
				   subkeys (in sub, not freed apart), wiped as the commit ends */
	struct manifest man;	/* the sealed state, as last committed */
	struct counter *counter;	/* the generation outside, or NULL */
	char *notice;		/* a warning of the last unlock, or NULL */
};

enum { WRAPPED = KEY + NONCE + TAG, HASH = crypto_generichash_BYTES,
       TAIL_PLAIN = 1 + 8 + HASH + 8 + 8 + 1 + STORE_DECK_LEN, TAIL_SEALED = TAIL_PLAIN + NONCE + TAG };

enum case_status { CASE_OPEN, CASE_COMPLETE, CASE_NSTATUS };

/* A case's tail, sealed under its key: what is known of it without its
 * records, and what its records must add up to. */
struct tail {
	long long count;
	unsigned char head[HASH];	/* the chain's hash after the last record */
	long long created, updated;
	enum case_status status;
	char deck[STORE_DECK_LEN + 1];
};

/* ---- store_cases.c ---- */

/* Puts "what: " and SQLite's last error in err: -1. */
int store_db_fail(struct store *s, char *err, size_t n, const char *what);

/* Puts the formatted message in err: -1. */
int store_fail(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- store_dir.c ---- */

/* Statement q of s, prepared on first use and reset, its bindings
 * cleared: the caller resets it again after use. NULL on a database error. */
sqlite3_stmt *store_stmt(struct store *s, enum store_sql q);

/* Runs statement q of s, one with no parameters (SQL_BEGIN, SQL_COMMIT,
 * SQL_ROLLBACK): 0, or -1 with SQLite's error left for store_db_fail. */
int store_run(struct store *s, enum store_sql q);

/* ---- store_keys.c ---- */

/* The value of meta row k in a new buffer (*len its length), or NULL. */
unsigned char *store_meta_blob(struct store *s, const char *k, size_t *len);

/* Writes meta row k; a key row (replace false) is only ever inserted, so
 * that an existing one is never overwritten. */
int store_meta_put(struct store *s, const char *k, const void *v, size_t len, bool replace);

/* Makes mk (sodium_malloc'd, taken) the store's master key and loads the
 * sealed state under it: 0, or -2 with err (mk then freed, the store
 * locked). */
int store_adopt_master(struct store *s, unsigned char *mk, char *err, size_t n);

/* Opens the counter outside the database; a notice when it cannot. */
void store_open_counter(struct store *s, uint64_t *seen, bool *found);

/* Seals plain (len bytes) under key with additional data ad: out receives
 * nonce ‖ ciphertext ‖ tag, len + NONCE + TAG bytes. */
void store_seal(unsigned char *out, const unsigned char *plain, size_t len, const char *ad,
		const unsigned char *key);

/* Subkey k of master key mk into out (KEY bytes; crypto_kdf, context
 * "tipscrn2"). */
void store_derive_subkey(const unsigned char *mk, enum subkey k, unsigned char *out);

/* Subkey k of the unlocked store s (KEY bytes). */
const unsigned char *store_subkey(const struct store *s, enum subkey k);

/* Opens a seal; plain receives len - NONCE - TAG bytes. -1 if it was
 * tampered with, swapped or sealed under another key. */
int store_unseal(unsigned char *plain, const unsigned char *in, size_t len, const char *ad,
		 const unsigned char *key);

/* ---- store_chain.c ---- */

/* The additional data of case id's seal what ("key", "tail"): a new string. */
char *store_ad_of(const char *id, const char *what);

/* Begins a commit: next is a copy of the state, one generation on. Until
 * store_end, s->ck is the commit's to hold one case key in. */
int store_begin(struct store *s, struct manifest *next, char *err, size_t n);

/* Reads case id's rows, checks them against the sealed state, and opens
 * its key (into ck, KEY bytes of sodium_malloc memory) and tail. wrapped
 * receives the sealed key. 0; 1 if there is no such case; with err, -1 for
 * a damaged case, -2 for a locked store or a database error. */
int store_case_read(struct store *s, const char *id, unsigned char *ck, unsigned char *wrapped,
		    struct tail *t, char *err, size_t n);

/* The chain of case id before its first record. */
void store_chain_start(const char *id, unsigned char *head);

/* The chain after one more sealed record. */
void store_chain_step(unsigned char *head, const void *blob, size_t len);

/* Says in err that case id is damaged: -1. */
int store_damaged(char *err, size_t n, const char *id);

/* Whether d is a deck's identity as a tail holds it (empty, or hex). */
bool store_deck_valid(const char *d);

/* Ends a commit begun with store_begin: with rc 0 the state is sealed in and the
 * transaction committed (then the state is s's, and the counter outside
 * records its generation); otherwise, or if that fails, rolled back. Either way
 * s->ck is wiped. */
int store_end(struct store *s, struct manifest *next, int rc, char *err, size_t n);

/* After the master key: the sealed state (re-sealing a store of the first
 * format), checked against the generation this laptop last saw. */
int store_load_state(struct store *s, char *err, size_t n);

/* Seals m as the store's state: its dirty buckets (table state), then
 * its root (meta row "state"); m's bucket hashes follow, dirty is cleared. */
int store_put_state(struct store *s, struct manifest *m);

/* The additional data of record seq: the case, the number and the hash of
 * the chain before it. */
char *store_record_ad(const char *id, long long seq, const unsigned char *head);

/* Seals t as case id's tail and records the rows' new hash in next. */
int store_write_tail(struct store *s, struct manifest *next, const char *id,
		     const unsigned char *wrapped, const struct tail *t, const unsigned char *ck);

/* ---- store_escrow.c ---- */

/* Appends one line (event, without its newline) to the sealed key log,
 * inside the caller's transaction: 0 or -1. */
int store_keylog_add(struct store *s, const char *event);

/* ---- store_v1.c ---- */

/* Re-seals a store of the first format in this one, in one transaction. */
int store_v1_migrate(struct store *s, char *err, size_t n);

#endif
