/* store: the case store. One SQLite database per data directory holding
 * only ciphertext: every record of a case is sealed with XChaCha20-Poly1305
 * under that case's random key, bound to the case id, its sequence number
 * and the hash of the record before it (a hash chain); the case's sealed
 * tail holds the record count, the chain's head, its status, times and
 * deck. Case keys are sealed under a master key, itself sealed under a key
 * derived from the passphrase with Argon2id (reliability.md §2.4).
 *
 * A sealed state under the master key lists every case with the hash of
 * its key and tail, and a generation counted up at every commit: a case
 * put back from an older copy, removed or added behind tipscreen's back is
 * "damaged". The generation is also kept outside the database (counter.h),
 * so that a whole store older than the last one this laptop saw is refused.
 * Stores of the first format ("tipscreen-1") are re-sealed in this one at
 * their first unlock.
 *
 * The directory is 0700 and its files 0600 whatever the umask; one that
 * others can read or write is refused. An flock on DIR/lock keeps a second
 * tipscreen out (the kernel drops it when a process dies). A struct store
 * owns its database handle and keys (in sodium_malloc memory, wiped on
 * close): store_close. Errors fill err with a message that never holds a
 * record's content. */
#ifndef TIPSCREEN_STORE_H
#define TIPSCREEN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct store;

enum { STORE_ID_LEN = 16 };	/* case ids: 16 lowercase hex digits */
enum { STORE_PASS_MIN = 8 };	/* the shortest passphrase, in bytes */

/* Opens (creating it when missing) the store in dir. Returns 0, or -1 with
 * err set: insecure directory, another instance, unreadable database. */
int store_open(const char *dir, struct store **out, char *err, size_t errlen);
void store_close(struct store *s);

/* The default data directory: $XDG_DATA_HOME/tipscreen, else
 * $HOME/.local/share/tipscreen. A new string; NULL if neither is set. */
char *store_default_dir(void);

/* False only for a new, empty store: true once any key row (salt, cost,
 * master key, sealed state) or any case exists, even a damaged one. */
bool store_has_passphrase(struct store *s);
/* Sets the passphrase of a new store, and creates its keys. Refused when
 * store_has_passphrase: an existing master key is never replaced. */
int store_set_passphrase(struct store *s, const char *pass, char *err, size_t errlen);
/* Unlocks the store: -1 for a wrong passphrase; -2 (err says why) when the
 * key rows are missing or damaged, or the store is older than the last one
 * this laptop saw. A store of the first format is re-sealed here. */
int store_unlock(struct store *s, const char *pass, char *err, size_t errlen);

/* Re-wraps the master key of the unlocked store under a new passphrase
 * (`tipscreen passwd`): the salt, the cost and the wrapped master key are
 * replaced in one transaction, nothing else is written (the cases, their
 * keys and the sealed state stay as they are), so that a crash leaves
 * either the old passphrase or the new one working. event, if not NULL, is
 * a line added to the key log (escrow.h) in the same transaction. */
int store_change_passphrase(struct store *s, const char *pass, const char *event, char *err,
			    size_t errlen);

/* After an unlock, a warning for the user (a new string the caller frees),
 * or NULL: e.g. that this laptop had no record of this store, so that a
 * rollback could not be checked this time. */
char *store_notice(struct store *s);

enum { STORE_DECK_LEN = 64 };	/* a deck identity: 64 hex digits */

/* A new case answered with deck (its identity, at most STORE_DECK_LEN
 * characters, sealed with the case); id receives its id (STORE_ID_LEN + 1
 * bytes). */
int store_case_new(struct store *s, const char *deck, char *id, char *err, size_t errlen);
/* True for a well-formed case id (it never becomes a path). */
bool store_id_valid(const char *id);

/* Appends one record to a case, durably: when it returns 0 the record is
 * on disk. */
int store_append(struct store *s, const char *id, const char *record, char *err, size_t errlen);

/* Appends k records to a case in one transaction (one commit, one fsync):
 * all of them, or none. */
int store_append_many(struct store *s, const char *id, const char *const *records, size_t k,
		      char *err, size_t errlen);

/* Appends the same record to each of k cases in one transaction (one
 * commit, one fsync): all of them, or, with -1 and err naming the case that
 * failed, none. */
int store_append_each(struct store *s, const char *const *ids, size_t k, const char *record,
		      char *err, size_t errlen);

/* Calls fn with every record of the case in order. A record that fails to
 * decrypt, a missing, swapped, reordered or truncated one, or a case put
 * back from an older copy, is an integrity error: -1, and fn is not called
 * for it or after it (nor at all when the case's tail is in doubt). */
int store_load(struct store *s, const char *id, int (*fn)(void *ctx, const char *record),
	       void *ctx, char *err, size_t errlen);

/* What the store knows of a case, all of it from its sealed tail. */
struct store_case {
	char id[STORE_ID_LEN + 1];
	time_t created, updated;
	char status[16];	/* open, complete, or damaged (the rest is then 0) */
	int records;
	char deck[STORE_DECK_LEN + 1];	/* "" for a case of the first format */
};

/* The cases, newest change first: a new array the caller frees; *n its
 * length. NULL with err on failure. The store must be unlocked. */
struct store_case *store_cases(struct store *s, size_t *n, char *err, size_t errlen);

/* One case: 0, 1 if there is no such case, -1 with err when it is
 * damaged or cannot be read. */
int store_case_info(struct store *s, const char *id, struct store_case *out, char *err,
		    size_t errlen);

/* Sets a case's status ("open" or "complete"), sealed in its tail. */
int store_set_status(struct store *s, const char *id, const char *status, char *err,
		     size_t errlen);

enum { STORE_SIGN_PUBLIC = 32, STORE_SIGN_SECRET = 64 };

/* This laptop's Ed25519 signing key pair for exports, derived from the
 * master key (so it lives, sealed, in the store and needs no file of its
 * own). sk must be sodium_malloc'd by the caller, who wipes it. */
int store_signing_key(struct store *s, unsigned char *pk, unsigned char *sk, char *err,
		      size_t errlen);

/* Deletes a case and its records (secure_delete overwrites them). Returns
 * 0, 1 if there is no such case, -1 on error. */
int store_delete(struct store *s, const char *id, char *err, size_t errlen);

#endif
