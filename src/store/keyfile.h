/* keyfile: the office's key files, as `tipscreen keygen NAME` writes them.
 *
 * NAME.pub (give it to the field laptops) holds two public keys, one a
 * line, so that older tipscreens that read only the first line still seal
 * to it:
 *   BASE64 (X25519: laptops seal exports and bundles to it)
 *   sign BASE64 (Ed25519: the office signs receipts with it)
 * NAME.key (keep it in the office) holds both secret keys encrypted under
 * a passphrase:
 *   tipscreen-key-2
 *   BASE64( salt (16) ‖ opslimit (8, LE) ‖ memlimit (8, LE) ‖ nonce (24) ‖
 *           crypto_secretbox( box sk (32) ‖ sign sk (64) ) )
 * the secretbox key derived from the passphrase with Argon2id. A key file
 * of the first format (one line: the bare X25519 secret key, unencrypted)
 * is still read, so that exports sealed to it stay readable, with
 * keyfile_open returning 1: such a key has no signing key (it cannot sign
 * receipts), and the caller warns that it lies unprotected on the disk.
 *
 * struct keyfile_secret holds secret keys: put it in sodium_malloc memory
 * (keyfile_secret_new) and free it with keyfile_secret_free (wiped). */
#ifndef TIPSCREEN_KEYFILE_H
#define TIPSCREEN_KEYFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "store/seal.h"

struct keyfile_public {
	unsigned char box[SEAL_BOX_PUBLIC];
	unsigned char sign[SEAL_SIGN_PUBLIC];
	bool has_sign;		/* false for a .pub of the first format */
};

struct keyfile_secret {
	unsigned char box[SEAL_BOX_SECRET];	/* opens bundles and exports */
	unsigned char sign[SEAL_SIGN_SECRET];	/* signs receipts (has_sign) */
	struct keyfile_public pub;
};

/* A new, zeroed struct in guarded memory; NULL if out of memory. */
struct keyfile_secret *keyfile_secret_new(void);
void keyfile_secret_free(struct keyfile_secret *k);

/* Fills k with a new random key pair of each kind. */
void keyfile_generate(struct keyfile_secret *k);

/* The text of NAME.key (encrypted under pass, at most 1024 bytes) and of
 * NAME.pub: new strings, *len their length. NULL if pass is empty or out
 * of memory. */
char *keyfile_secret_text(const struct keyfile_secret *k, const char *pass, size_t *len);
char *keyfile_public_text(const struct keyfile_public *p, size_t *len);

/* Reads a .key's text: 0 (k filled); 1 for a key of the first format
 * (unencrypted: k->box and k->pub.box only, pass unused); -1 with err
 * "LINE: …" when it is not a key file; -2 for a wrong passphrase (or
 * an altered file: the two cannot be told apart); -3 when pass is NULL
 * and the key is encrypted (ask for the passphrase, then call again). */
int keyfile_parse_secret(const char *text, size_t len, const char *pass,
			 struct keyfile_secret *k, char *err, size_t n);
/* Reads a .pub's text: 0, or -1 with err "LINE:COL: …". */
int keyfile_parse_public(const char *text, size_t len, struct keyfile_public *p, char *err,
			 size_t n);

/* The same from a file: err then begins with the path ("office.key:1: …",
 * "office.key: No such file or directory"). keyfile_open also refuses a
 * .key that others may read (its mode allows group or other access). */
int keyfile_open(const char *path, const char *pass, struct keyfile_secret *k, char *err,
		 size_t n);
int keyfile_open_public(const char *path, struct keyfile_public *p, char *err, size_t n);

/* The fingerprint of the office key, over every key of its .pub (the
 * X25519 key and the signing key that signs receipts; the X25519 key
 * alone for a .pub of the first format): what keygen prints, `bundle` and
 * `receipt` show, for reading out over a telephone. */
void keyfile_fingerprint(const struct keyfile_public *p, char out[SEAL_FINGERPRINT]);

#endif
