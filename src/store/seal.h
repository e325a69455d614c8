/* seal: exports signed by the field laptop, then sealed to the office.
 *
 * A sealed box (crypto_box_seal) has no sender: anyone with the office's
 * public key can make one. So the export is first signed with the laptop's
 * Ed25519 key (store_signing_key), the signature binding the office's key,
 * the payload's charset and the payload; then the signer's public key, the
 * signature, the charset and the payload are sealed to the office:
 *   tipscreen-sealed-2
 *   BASE64( crypto_box_seal( "TSS2" ‖ signer (32) ‖ signature (64) ‖
 *                            charset length (1) ‖ charset ‖ payload ) )
 * The signed message is "tipscreen-export-2\0" ‖ office key ‖ charset
 * length ‖ charset ‖ payload. Files of the first format
 * ("tipscreen-sealed-1", an unsigned sealed box) still open, as unsigned.
 *
 * Everything here is a pure function over buffers (no files, no terminal),
 * so that it can be fuzzed: seal_open is the entry point for untrusted
 * input. Returned buffers are the caller's: seal_opened_free, free. */
#ifndef TIPSCREEN_SEAL_H
#define TIPSCREEN_SEAL_H

#include <stdbool.h>
#include <stddef.h>

enum {
	SEAL_BOX_PUBLIC = 32,	/* the office's X25519 keys */
	SEAL_BOX_SECRET = 32,
	SEAL_SIGN_PUBLIC = 32,	/* a laptop's Ed25519 keys */
	SEAL_SIGN_SECRET = 64,
	SEAL_FINGERPRINT = 25,	/* "3f2a-9c01-7d4e-11aa-b2c3" and its NUL */
	SEAL_CHARSET = 40,
};

/* The armoured text of payload (len bytes in charset, e.g. "UTF-8"),
 * signed with sign_sk and sealed to office_pk: a new string, *outlen its
 * length. NULL if charset is not a plain charset name. */
char *seal_make(const void *payload, size_t len, const char *charset,
		const unsigned char *office_pk, const unsigned char *sign_sk, size_t *outlen);

struct seal_opened {
	int version;		/* 2: signed by signer; 1: unsigned (the first format) */
	unsigned char signer[SEAL_SIGN_PUBLIC];
	char charset[SEAL_CHARSET];	/* "" for version 1 */
	unsigned char *payload;	/* len bytes, and a NUL */
	size_t len;
};

/* Opens armoured text (lines ending in LF or CRLF) with the office's
 * secret key. 0; or -1 with err (no file name in it: the caller adds it)
 * when it is not a sealed export, was sealed to another key or changed
 * since, or its signature is bad: a bad signature is never opened. */
int seal_open(const char *text, size_t len, const unsigned char *office_sk,
	      struct seal_opened *out, char *err, size_t n);
void seal_opened_free(struct seal_opened *o);

/* The payload made safe for a terminal, in its own charset: control,
 * escape and bidi characters removed, LF and CRLF line ends kept. A new
 * buffer (*len its length), or NULL if it is not valid in its charset. */
char *seal_printable(const struct seal_opened *o, size_t *len);

/* The fingerprint of a signing key, for reading out over a telephone. */
void seal_fingerprint(const unsigned char *pk, char *out);

/* A list of known laptops: lines of "BASE64-KEY [name]" (the files that
 * `tipscreen whoami FILE` writes, concatenated; '#' comments and blank
 * lines allowed). */
struct seal_signer {
	unsigned char pk[SEAL_SIGN_PUBLIC];
	char name[64];		/* printable ASCII only, "" if none */
};

/* Parses such a list: 0 with a new array *out (free it) of *n entries; or
 * -1 with err "LINE:COL: ..." at the first bad line. */
int seal_signers_parse(const char *text, size_t len, struct seal_signer **out, size_t *n,
		       char *err, size_t errlen);

/* The entry of pk in the list, or NULL. Borrowed from v. */
const struct seal_signer *seal_signer_find(const struct seal_signer *v, size_t n,
					   const unsigned char *pk);

/* Decodes one base64 key of exactly len bytes from s[0..slen): 0 or -1. */
int seal_key_decode(const char *s, size_t slen, unsigned char *key, size_t len);

#endif
