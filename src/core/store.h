/* store: the case store. One SQLite database per data directory holding
 * only ciphertext: every record of a case is sealed with XChaCha20-Poly1305
 * under that case's random key, bound to the case id and its sequence
 * number; case keys are sealed under a master key, itself sealed under a
 * key derived from the passphrase with Argon2id (reliability.md §2.4).
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

/* True once a passphrase has been set. */
bool store_has_passphrase(struct store *s);
/* Sets the passphrase of a new store. */
int store_set_passphrase(struct store *s, const char *pass, char *err, size_t errlen);
/* Unlocks the store; a wrong passphrase is an error. */
int store_unlock(struct store *s, const char *pass, char *err, size_t errlen);

/* A new case; id receives its id (STORE_ID_LEN + 1 bytes). */
int store_case_new(struct store *s, char *id, char *err, size_t errlen);
/* True for a well-formed case id (it never becomes a path). */
bool store_id_valid(const char *id);

/* Appends one record to a case, durably: when it returns 0 the record is
 * on disk. */
int store_append(struct store *s, const char *id, const char *record, char *err, size_t errlen);

/* Calls fn with every record of the case in order. A record that fails to
 * decrypt, or a missing, swapped or truncated one, is an integrity error:
 * -1, and fn is not called for it or after it. */
int store_load(struct store *s, const char *id, int (*fn)(void *ctx, const char *record),
	       void *ctx, char *err, size_t errlen);

struct store_case {
	char id[STORE_ID_LEN + 1];
	time_t created, updated;
	char status[16];	/* open, complete */
	int records;
};

/* The cases, newest change first: a new array the caller frees; *n its
 * length. NULL with err on failure. */
struct store_case *store_cases(struct store *s, size_t *n, char *err, size_t errlen);

int store_set_status(struct store *s, const char *id, const char *status, char *err,
		     size_t errlen);

/* Deletes a case and its records (secure_delete overwrites them). Returns
 * 0, 1 if there is no such case, -1 on error. */
int store_delete(struct store *s, const char *id, char *err, size_t errlen);

#endif
