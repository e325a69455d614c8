/* keyshare: the office key split among custodians, any K of N of whom can
 * rebuild it (Shamir's secret sharing over GF(2^8), Debian's libgfshare).
 *
 * The secret split is the office key's two secret halves, the X25519 key
 * (32 bytes) and the Ed25519 seed (32 bytes); each share is as long. A
 * share file (`keygen NAME --split K/N` writes NAME-I.share) is text that
 * prints on one page and can be typed back from paper:
 *   tipscreen-share-1
 *   office key 3f2a-9c01-7d4e-11aa-b2c3    the key's fingerprint
 *   share 2 of 5, any 3 rebuild the key
 *   public BASE64                            the office's two public keys,
 *   sign BASE64                              as in NAME.pub
 *   # …                                      comments, ignored
 *   9k2m p4x7 …                              the body: groups of base32
 *   …                                        characters, lines as they come
 *   checksum ab12-cd34
 * The body is salt (16) ‖ Argon2id opslimit (1) ‖ log2 memlimit (1, at
 * most 30: a page cannot ask for more than 1 GiB) ‖
 * XChaCha20-Poly1305 of the share under a key derived from the custodian's
 * passphrase (nonce zero: every key is new, from its random salt), with the
 * header as additional data (share number, K, N and the public keys: a
 * header changed on paper fails to open). Base32 is Crockford's (0-9 a-z
 * without i l o u; read back case-insensitively, o as 0, i and l as 1). The
 * checksum is an unkeyed BLAKE2b of header and body: a typing error is told
 * apart from a wrong passphrase.
 *
 * A joined key is checked against the public keys the shares carry: too
 * few shares, or shares of different keys, never give a key silently.
 * Pure functions over buffers; secrets in sodium_malloc memory. */
#ifndef TIPSCREEN_KEYSHARE_H
#define TIPSCREEN_KEYSHARE_H

#include <stddef.h>

#include "store/keyfile.h"

enum { KEYSHARE_BYTES = 64, KEYSHARE_MAX = 255 };

/* A share file as read, still locked. */
struct keyshare {
	int index, k, n;		/* share index of n; k rebuild the key */
	struct keyfile_public pub;	/* the key it is a share of */
	unsigned char body[16 + 2 + KEYSHARE_BYTES + 16];
};

/* Splits k's secret into n shares (2 <= kk <= n <= KEYSHARE_MAX), share i
 * (1-based) at out + (i - 1) * KEYSHARE_BYTES: out is n * KEYSHARE_BYTES
 * bytes of the caller's sodium_malloc memory. 0, or -1 if out of memory. */
int keyshare_split(const struct keyfile_secret *k, int kk, int n, unsigned char *out);

/* The text of share index (of n, kk needed) of pub, locked under pass: a
 * new string, *len its length; NULL if out of memory. */
char *keyshare_text(const struct keyfile_public *pub, int index, int kk, int n,
		    const unsigned char *share, const char *pass, size_t *len);

/* Reads a share file's text: 0, or -1 with err "LINE: …". */
int keyshare_parse(const char *text, size_t len, struct keyshare *out, char *err, size_t n);

/* Opens a share with its custodian's passphrase into share
 * (KEYSHARE_BYTES): 0, or -1 (wrong passphrase, or a header changed). */
int keyshare_unlock(const struct keyshare *s, const char *pass, unsigned char *share);

/* Rebuilds the key from count opened shares (their headers v, their bytes
 * at shares + i * KEYSHARE_BYTES), all of one key, each index once, at
 * least v[0].k of them (the caller checks): 0 with out filled, -1 if the
 * result is not the key the shares name. */
int keyshare_join(const struct keyshare *v, const unsigned char *shares, int count,
		  struct keyfile_secret *out);

#endif
