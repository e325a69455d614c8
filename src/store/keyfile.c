#include "store/keyfile.h"

#include <errno.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/codec.h"
#include "base/xalloc.h"

#define MAGIC "tipscreen-key-2"

enum {
	SALT = crypto_pwhash_SALTBYTES,
	NONCE = crypto_secretbox_NONCEBYTES,
	PLAIN = SEAL_BOX_SECRET + SEAL_SIGN_SECRET,
	BLOB = SALT + 8 + 8 + NONCE + crypto_secretbox_MACBYTES + PLAIN,
	KEYFILE_MAX = 4096,	/* a key file is far smaller */
};

struct keyfile_secret *keyfile_secret_new(void)
{
	struct keyfile_secret *k = sodium_malloc(sizeof *k);
	if (k)
		sodium_memzero(k, sizeof *k);
	return k;
}

void keyfile_secret_free(struct keyfile_secret *k)
{
	if (k)
		sodium_free(k);	/* wipes it */
}

void keyfile_generate(struct keyfile_secret *k)
{
	crypto_box_keypair(k->pub.box, k->box);
	crypto_sign_keypair(k->pub.sign, k->sign);
	k->pub.has_sign = true;
}

static int derive(unsigned char *key, const char *pass, const unsigned char *salt, uint64_t ops,
		  uint64_t mem)
{
	return crypto_pwhash(key, crypto_secretbox_KEYBYTES, pass, strlen(pass), salt, ops,
			     (size_t)mem, crypto_pwhash_ALG_ARGON2ID13);
}

static char *armour(const char *head, const unsigned char *bin, size_t blen, size_t *len)
{
	size_t b = sodium_base64_ENCODED_LEN(blen, sodium_base64_VARIANT_ORIGINAL);
	char *out = xmalloc(strlen(head) + b + 2);
	strcpy(out, head);
	sodium_bin2base64(out + strlen(head), b, bin, blen, sodium_base64_VARIANT_ORIGINAL);
	strcat(out, "\n");
	*len = strlen(out);
	return out;
}

char *keyfile_secret_text(const struct keyfile_secret *k, const char *pass, size_t *len)
{
	if (!pass || !*pass)
		return NULL;
	unsigned char *blob = sodium_malloc(BLOB + PLAIN);
	unsigned char *key = sodium_malloc(crypto_secretbox_KEYBYTES);
	if (!blob || !key) {
		sodium_free(blob);
		sodium_free(key);
		return NULL;
	}
	unsigned char *plain = blob + BLOB, *salt = blob, *nonce = blob + SALT + 16;
	uint64_t ops = crypto_pwhash_OPSLIMIT_INTERACTIVE, mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	randombytes_buf(salt, SALT);
	codec_put_u64(blob + SALT, ops);
	codec_put_u64(blob + SALT + 8, mem);
	randombytes_buf(nonce, NONCE);
	memcpy(plain, k->box, SEAL_BOX_SECRET);
	memcpy(plain + SEAL_BOX_SECRET, k->sign, SEAL_SIGN_SECRET);
	char *out = NULL;
	if (derive(key, pass, salt, ops, mem) == 0) {
		crypto_secretbox_easy(nonce + NONCE, plain, PLAIN, nonce, key);
		out = armour(MAGIC "\n", blob, BLOB, len);
	}
	sodium_free(blob);
	sodium_free(key);
	return out;
}

char *keyfile_public_text(const struct keyfile_public *p, size_t *len)
{
	char b[64], s[64];
	sodium_bin2base64(b, sizeof b, p->box, sizeof p->box, sodium_base64_VARIANT_ORIGINAL);
	if (!p->has_sign) {
		char *out = xasprintf("%s\n", b);
		*len = strlen(out);
		return out;
	}
	sodium_bin2base64(s, sizeof s, p->sign, sizeof p->sign, sodium_base64_VARIANT_ORIGINAL);
	char *out = xasprintf("%s\nsign %s\n", b, s);
	*len = strlen(out);
	return out;
}

/* ---- reading ------------------------------------------------------------ */

/* The length of the line at s (to LF, CRLF or the end of len bytes), and
 * *next where the next one begins. */
static size_t line_len(const char *s, size_t len, size_t *next)
{
	const char *lf = memchr(s, '\n', len);
	size_t l = lf ? (size_t)(lf - s) : len;
	*next = lf ? l + 1 : len;
	return l > 0 && s[l - 1] == '\r' ? l - 1 : l;
}

/* The rest of the text after the line at 0..next holds only blank lines. */
static bool rest_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

static int open_v2(const char *b64, size_t blen, const char *pass, struct keyfile_secret *k,
		   char *err, size_t n)
{
	unsigned char *blob = sodium_malloc(BLOB + PLAIN + crypto_secretbox_KEYBYTES);
	if (!blob) {
		snprintf(err, n, "out of memory");
		return -1;
	}
	unsigned char *plain = blob + BLOB, *key = plain + PLAIN, *nonce = blob + SALT + 16;
	size_t bin;
	int rc = -1;
	uint64_t ops = 0, mem = 0;
	if (sodium_base642bin(blob, BLOB, b64, blen, NULL, &bin, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0 || bin != BLOB) {
		snprintf(err, n, "2: expected the encrypted key in base64 (%d bytes)", BLOB);
	} else if ((ops = codec_get_u64(blob + SALT)) < crypto_pwhash_OPSLIMIT_MIN || ops > 64 ||
		   (mem = codec_get_u64(blob + SALT + 8)) < crypto_pwhash_MEMLIMIT_MIN || mem > (4ULL << 30)) {
		snprintf(err, n, "2: the key's Argon2id cost is out of range (the file is damaged)");
	} else if (!pass) {
		snprintf(err, n, "the key is encrypted: a passphrase is needed");
		rc = -3;
	} else if (derive(key, pass, blob, ops, mem) != 0) {
		snprintf(err, n, "out of memory deriving the key from the passphrase");
	} else if (crypto_secretbox_open_easy(plain, nonce + NONCE, PLAIN + crypto_secretbox_MACBYTES,
					      nonce, key) != 0) {
		snprintf(err, n, "wrong passphrase (or the key file was altered)");
		rc = -2;
	} else {
		memcpy(k->box, plain, SEAL_BOX_SECRET);
		memcpy(k->sign, plain + SEAL_BOX_SECRET, SEAL_SIGN_SECRET);
		crypto_scalarmult_base(k->pub.box, k->box);
		crypto_sign_ed25519_sk_to_pk(k->pub.sign, k->sign);
		k->pub.has_sign = true;
		rc = 0;
	}
	sodium_free(blob);
	return rc;
}

int keyfile_parse_secret(const char *text, size_t len, const char *pass,
			 struct keyfile_secret *k, char *err, size_t n)
{
	sodium_memzero(k, sizeof *k);
	size_t next, l = line_len(text, len, &next);
	if (l == strlen(MAGIC) && memcmp(text, MAGIC, l) == 0) {
		size_t next2, l2 = line_len(text + next, len - next, &next2);
		if (!rest_blank(text + next + next2, len - next - next2)) {
			snprintf(err, n, "3: expected nothing after the encrypted key");
			return -1;
		}
		return open_v2(text + next, l2, pass, k, err, n);
	}
	if (seal_key_decode(text, l, k->box, SEAL_BOX_SECRET) == 0 &&
	    rest_blank(text + next, len - next)) {
		crypto_scalarmult_base(k->pub.box, k->box);
		return 1;
	}
	snprintf(err, n, "1: expected \"" MAGIC "\" (a key written by `tipscreen keygen`)");
	return -1;
}

int keyfile_parse_public(const char *text, size_t len, struct keyfile_public *p, char *err,
			 size_t n)
{
	memset(p, 0, sizeof *p);
	size_t next, l = line_len(text, len, &next);
	if (seal_key_decode(text, l, p->box, SEAL_BOX_PUBLIC) != 0) {
		snprintf(err, n, "1:1: expected the office's public key in base64 (a .pub written by "
			 "`tipscreen keygen`)");
		return -1;
	}
	const char *s = text + next;
	size_t rest = len - next, next2, l2 = line_len(s, rest, &next2);
	if (l2 == 0 && rest_blank(s, rest))
		return 0;	/* the first format: no signing key */
	if (l2 < 5 || memcmp(s, "sign ", 5) != 0) {
		snprintf(err, n, "2:1: expected \"sign\" and the office's signing key");
		return -1;
	}
	if (seal_key_decode(s + 5, l2 - 5, p->sign, SEAL_SIGN_PUBLIC) != 0) {
		snprintf(err, n, "2:6: expected the office's signing key in base64 (32 bytes)");
		return -1;
	}
	if (!rest_blank(s + next2, rest - next2)) {
		snprintf(err, n, "3:1: expected nothing after the signing key");
		return -1;
	}
	p->has_sign = true;
	return 0;
}

/* The whole of a small file, NUL-terminated: a new buffer, or NULL with
 * err. st receives its status. */
static char *slurp(const char *path, size_t *len, struct stat *st, char *err, size_t n)
{
	FILE *f = fopen(path, "rb");
	if (!f || fstat(fileno(f), st) != 0) {
		snprintf(err, n, "%s: %s", path, strerror(errno));
		if (f)
			fclose(f);
		return NULL;
	}
	char *buf = sodium_malloc(KEYFILE_MAX + 1);
	*len = buf ? fread(buf, 1, KEYFILE_MAX + 1, f) : 0;
	bool bad = !buf || ferror(f) || *len > KEYFILE_MAX;
	fclose(f);
	if (bad) {
		snprintf(err, n, "%s: %s", path, !buf ? "out of memory" : *len > KEYFILE_MAX
			 ? "too large for a key file" : "cannot be read");
		sodium_free(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

/* err = "PATH:" ‖ err, or "PATH: " ‖ err when it has no line number. */
static void prefix(const char *path, char *err, size_t n)
{
	char *copy = xstrdup(err);
	bool located = copy[0] >= '0' && copy[0] <= '9';
	snprintf(err, n, "%s:%s%s", path, located ? "" : " ", copy);
	free(copy);
}

int keyfile_open(const char *path, const char *pass, struct keyfile_secret *k, char *err,
		 size_t n)
{
	struct stat st;
	size_t len;
	char *text = slurp(path, &len, &st, err, n);
	if (!text)
		return -1;
	int rc;
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		snprintf(err, n, "%s: others may read this secret key (mode %03o): chmod 600 %s", path,
			 (unsigned)(st.st_mode & 0777), path);
		rc = -1;
	} else if ((rc = keyfile_parse_secret(text, len, pass, k, err, n)) < 0) {
		prefix(path, err, n);
	}
	sodium_free(text);
	return rc;
}

int keyfile_open_public(const char *path, struct keyfile_public *p, char *err, size_t n)
{
	struct stat st;
	size_t len;
	char *text = slurp(path, &len, &st, err, n);
	if (!text)
		return -1;
	int rc = keyfile_parse_public(text, len, p, err, n);
	if (rc < 0)
		prefix(path, err, n);
	sodium_free(text);
	return rc;
}

void keyfile_fingerprint(const struct keyfile_public *p, char out[SEAL_FINGERPRINT])
{
	if (!p->has_sign) {
		seal_fingerprint(p->box, out);
		return;
	}
	/* Both keys: a .pub whose sign line was swapped shows another one. */
	unsigned char both[SEAL_BOX_PUBLIC + SEAL_SIGN_PUBLIC], h[SEAL_SIGN_PUBLIC];
	memcpy(both, p->box, SEAL_BOX_PUBLIC);
	memcpy(both + SEAL_BOX_PUBLIC, p->sign, SEAL_SIGN_PUBLIC);
	crypto_generichash(h, sizeof h, both, sizeof both, NULL, 0);
	seal_fingerprint(h, out);
}
