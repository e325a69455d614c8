#include "store/keyshare.h"

#include <libgfshare.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define MAGIC "tipscreen-share-1"

enum {
	SALT = crypto_pwhash_SALTBYTES,
	KEYB = crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
	SEALED = KEYSHARE_BYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES,
	BODY = SALT + 2 + SEALED,
	SUM = 5,		/* checksum bytes: 8 base32 characters */
	GROUP = 4, PER_LINE = 8,	/* characters a group, groups a line */
	AD_LEN = sizeof MAGIC + 3 + SEAL_BOX_PUBLIC + SEAL_SIGN_PUBLIC,
};

_Static_assert(sizeof ((struct keyshare *)0)->body == BODY, "a share's body");

static const char b32[] = "0123456789abcdefghjkmnpqrstvwxyz";

/* libgfshare asks its caller for random bytes through a function pointer. */
static void fill_random(unsigned char *buf, unsigned int len)
{
	randombytes_buf(buf, len);
}

int keyshare_split(const struct keyfile_secret *k, int kk, int n, unsigned char *out)
{
	unsigned char nrs[KEYSHARE_MAX], *secret = sodium_malloc(KEYSHARE_BYTES);
	if (!secret)
		return -1;
	for (int i = 0; i < n; i++)
		nrs[i] = (unsigned char)(i + 1);
	memcpy(secret, k->box, SEAL_BOX_SECRET);
	memcpy(secret + SEAL_BOX_SECRET, k->sign, 32);	/* the Ed25519 seed */
	gfshare_fill_rand = fill_random;
	gfshare_ctx *g = gfshare_ctx_init_enc(nrs, (unsigned)n, (unsigned char)kk, KEYSHARE_BYTES);
	if (g) {
		gfshare_ctx_enc_setsecret(g, secret);
		for (int i = 0; i < n; i++)
			gfshare_ctx_enc_getshare(g, (unsigned char)i, out + (size_t)i * KEYSHARE_BYTES);
		gfshare_ctx_free(g);
	}
	sodium_free(secret);
	return g ? 0 : -1;
}

/* The additional data: the header's meaning, bytes not text. */
static void header_ad(const struct keyfile_public *pub, int index, int kk, int n, unsigned char *ad)
{
	memcpy(ad, MAGIC, sizeof MAGIC);
	ad[sizeof MAGIC] = (unsigned char)index;
	ad[sizeof MAGIC + 1] = (unsigned char)kk;
	ad[sizeof MAGIC + 2] = (unsigned char)n;
	memcpy(ad + sizeof MAGIC + 3, pub->box, SEAL_BOX_PUBLIC);
	memcpy(ad + sizeof MAGIC + 3 + SEAL_BOX_PUBLIC, pub->sign, SEAL_SIGN_PUBLIC);
}

static void checksum(const unsigned char *ad, const unsigned char *body, unsigned char *sum)
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, SUM);
	crypto_generichash_update(&st, ad, AD_LEN);
	crypto_generichash_update(&st, body, BODY);
	crypto_generichash_final(&st, sum, SUM);
}

/* len bytes as base32 characters into out (NUL-terminated). */
static size_t to_b32(const unsigned char *in, size_t len, char *out)
{
	size_t o = 0;
	unsigned acc = 0, bits = 0;
	for (size_t i = 0; i < len; i++) {
		acc = (acc << 8) | in[i];
		for (bits += 8; bits >= 5; bits -= 5)
			out[o++] = b32[(acc >> (bits - 5)) & 31];
	}
	if (bits)
		out[o++] = b32[(acc << (5 - bits)) & 31];
	out[o] = '\0';
	return o;
}

/* The value of a base32 character, -1 for a separator, -2 otherwise. */
static int b32_value(char c)
{
	if (c == ' ' || c == '\t' || c == '-')
		return -1;
	c = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	c = c == 'o' ? '0' : c == 'i' || c == 'l' ? '1' : c;
	const char *p = c ? strchr(b32, c) : NULL;
	return p ? (int)(p - b32) : -2;
}

/* The derived key of a passphrase; 0 or -1 (out of memory). */
static int derive(unsigned char *key, const char *pass, const unsigned char *salt, unsigned ops,
		  unsigned mem_log2)
{
	return crypto_pwhash(key, KEYB, pass, strlen(pass), salt, ops, (size_t)1 << mem_log2,
			     crypto_pwhash_ALG_ARGON2ID13);
}

static unsigned log2_of(size_t v)
{
	unsigned l = 0;
	while (((size_t)1 << (l + 1)) <= v)
		l++;
	return l;
}

/* The body's text, groups of GROUP characters, PER_LINE a line. */
static char *body_text(const unsigned char *body)
{
	char chars[BODY * 8 / 5 + 2];
	size_t n = to_b32(body, BODY, chars), o = 0;
	char *out = xmalloc(n * 2 + 8);
	for (size_t i = 0; i < n; i++) {
		out[o++] = chars[i];
		if (i + 1 == n || (i + 1) % (GROUP * PER_LINE) == 0)
			out[o++] = '\n';
		else if ((i + 1) % GROUP == 0)
			out[o++] = ' ';
	}
	out[o] = '\0';
	return out;
}

char *keyshare_text(const struct keyfile_public *pub, int index, int kk, int n,
		    const unsigned char *share, const char *pass, size_t *len)
{
	unsigned char body[BODY], ad[AD_LEN], sum[SUM], nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES] = { 0 };
	unsigned char *key = sodium_malloc(KEYB);
	if (!key)
		return NULL;
	unsigned ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	unsigned mem = log2_of(crypto_pwhash_MEMLIMIT_INTERACTIVE);
	randombytes_buf(body, SALT);
	body[SALT] = (unsigned char)ops;
	body[SALT + 1] = (unsigned char)mem;
	header_ad(pub, index, kk, n, ad);
	int rc = derive(key, pass, body, ops, mem);
	if (rc == 0)
		crypto_aead_xchacha20poly1305_ietf_encrypt(body + SALT + 2, NULL, share, KEYSHARE_BYTES, ad,
							   AD_LEN, NULL, nonce, key);
	sodium_free(key);
	if (rc != 0)
		return NULL;
	checksum(ad, body, sum);
	char fp[SEAL_FINGERPRINT], bx[64], sg[64], s32[SUM * 8 / 5 + 2];
	keyfile_fingerprint(pub, fp);
	sodium_bin2base64(bx, sizeof bx, pub->box, SEAL_BOX_PUBLIC, sodium_base64_VARIANT_ORIGINAL);
	sodium_bin2base64(sg, sizeof sg, pub->sign, SEAL_SIGN_PUBLIC, sodium_base64_VARIANT_ORIGINAL);
	to_b32(sum, SUM, s32);
	char *bt = body_text(body);
	char *out = xasprintf(MAGIC "\noffice key %s\nshare %d of %d, any %d rebuild the key\n"
			      "public %s\nsign %s\n"
			      "# Keep this page apart from your passphrase. `tipscreen keyjoin` with any %d\n"
			      "# of the %d shares (each with its own custodian's passphrase) rebuilds the\n"
			      "# office key; fewer reveal nothing of it. Type it back as it is printed.\n"
			      "%schecksum %.4s-%s\n", fp, index, n, kk, bx, sg, kk, n, bt, s32, s32 + 4);
	free(bt);
	*len = strlen(out);
	return out;
}

/* ---- reading ------------------------------------------------------------- */

struct reader {
	const char *p, *end;
	int line;		/* of the last line taken */
};

/* The next line that is not blank or a comment: its start and length, or
 * NULL at the end. */
static const char *next_line(struct reader *r, size_t *len)
{
	while (r->p < r->end) {
		const char *s = r->p, *nl = memchr(s, '\n', (size_t)(r->end - s));
		size_t l = nl ? (size_t)(nl - s) : (size_t)(r->end - s);
		r->p = nl ? nl + 1 : r->end;
		r->line++;
		while (l > 0 && (s[l - 1] == '\r' || s[l - 1] == ' ' || s[l - 1] == '\t'))
			l--;
		if (l > 0 && s[0] != '#')
			return (*len = l, s);
	}
	return NULL;
}

static int fail(char *err, size_t n, int line, const char *what)
{
	snprintf(err, n, "%d: expected %s", line, what);
	return -1;
}

/* A line "WORD BASE64" of a key of klen bytes. */
static bool key_line(const char *s, size_t l, const char *word, unsigned char *key, size_t klen)
{
	size_t w = strlen(word);
	return l > w + 1 && memcmp(s, word, w) == 0 && s[w] == ' ' &&
	       seal_key_decode(s + w + 1, l - w - 1, key, klen) == 0;
}

static int parse_header(struct reader *r, struct keyshare *out, char *err, size_t n)
{
	size_t l;
	const char *s = next_line(r, &l);
	if (!s || l != strlen(MAGIC) || memcmp(s, MAGIC, l) != 0)
		return fail(err, n, r->line, "\"" MAGIC "\" (a share written by `tipscreen keygen --split`)");
	char fp[SEAL_FINGERPRINT] = "";
	s = next_line(r, &l);
	int fpline = r->line;
	if (!s || l != 11 + SEAL_FINGERPRINT - 1 || memcmp(s, "office key ", 11) != 0)
		return fail(err, n, r->line, "\"office key\" and the key's fingerprint");
	memcpy(fp, s + 11, SEAL_FINGERPRINT - 1);
	s = next_line(r, &l);
	char line[80], canon[80];
	snprintf(line, sizeof line, "%.*s", (int)(s && l < sizeof line ? l : 0), s ? s : "");
	bool read = sscanf(line, "share %d of %d, any %d", &out->index, &out->n, &out->k) == 3;
	snprintf(canon, sizeof canon, "share %d of %d, any %d rebuild the key", out->index, out->n,
		 out->k);
	if (!read || strcmp(line, canon) != 0 || out->k < 2 || out->k > out->n ||
	    out->n > KEYSHARE_MAX || out->index < 1 || out->index > out->n)
		return fail(err, n, r->line, "\"share I of N, any K rebuild the key\" (2 <= K <= N <= 255)");
	s = next_line(r, &l);
	if (!s || !key_line(s, l, "public", out->pub.box, SEAL_BOX_PUBLIC))
		return fail(err, n, r->line, "\"public\" and the office's public key in base64");
	s = next_line(r, &l);
	if (!s || !key_line(s, l, "sign", out->pub.sign, SEAL_SIGN_PUBLIC))
		return fail(err, n, r->line, "\"sign\" and the office's signing key in base64");
	out->pub.has_sign = true;
	char want[SEAL_FINGERPRINT];
	keyfile_fingerprint(&out->pub, want);
	if (strcmp(want, fp) != 0)
		return fail(err, n, fpline, "the fingerprint of the public key below it (a character was "
			    "mistyped)");
	return 0;
}

/* The body's lines up to "checksum": the bytes, and the checksum's. */
static int parse_body(struct reader *r, struct keyshare *out, unsigned char *sum, char *err,
		      size_t n)
{
	unsigned acc = 0, bits = 0;
	size_t o = 0, l;
	const char *s;
	while ((s = next_line(r, &l)) && !(l >= 9 && memcmp(s, "checksum ", 9) == 0)) {
		for (size_t i = 0; i < l; i++) {
			int v = b32_value(s[i]);
			if (v == -2) {
				snprintf(err, n, "%d:%zu: expected a character of the share (0-9, a-z "
					 "but not u), not '%c'", r->line, i + 1, s[i]);
				return -1;
			}
			if (v < 0)
				continue;
			acc = (acc << 5) | (unsigned)v;
			if ((bits += 5) >= 8) {
				if (o == BODY)
					return fail(err, n, r->line, "the share to end here: it is too long");
				out->body[o++] = (unsigned char)(acc >> (bits - 8));
				bits -= 8;
			}
		}
	}
	if (!s || o != BODY)
		return fail(err, n, r->line, s ? "more of the share before the checksum: it is too short"
					      : "\"checksum\" after the share");
	unsigned ca = 0, cb = 0;
	size_t co = 0;
	for (size_t i = 9; i < l; i++) {
		int v = b32_value(s[i]);
		if (v == -2)
			return fail(err, n, r->line, "the checksum: 8 characters, 0-9 and a-z");
		if (v < 0)
			continue;
		ca = (ca << 5) | (unsigned)v;
		if ((cb += 5) >= 8 && co < SUM) {
			sum[co++] = (unsigned char)(ca >> (cb - 8));
			cb -= 8;
		}
	}
	if (co != SUM)
		return fail(err, n, r->line, "the checksum: 8 characters, 0-9 and a-z");
	return 0;
}

int keyshare_parse(const char *text, size_t len, struct keyshare *out, char *err, size_t n)
{
	memset(out, 0, sizeof *out);
	struct reader r = { text, text + len, 0 };
	unsigned char sum[SUM], want[SUM], ad[AD_LEN];
	if (parse_header(&r, out, err, n) < 0 || parse_body(&r, out, sum, err, n) < 0)
		return -1;
	int sumline = r.line;
	size_t l;
	if (next_line(&r, &l))
		return fail(err, n, r.line, "nothing after the checksum");
	header_ad(&out->pub, out->index, out->k, out->n, ad);
	checksum(ad, out->body, want);
	if (sodium_memcmp(sum, want, SUM) != 0) {
		snprintf(err, n, "%d: the checksum does not match the share: a character was mistyped, "
			 "or the page is damaged", sumline);
		return -1;
	}
	return 0;
}

int keyshare_unlock(const struct keyshare *s, const char *pass, unsigned char *share)
{
	unsigned char ad[AD_LEN], nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES] = { 0 };
	unsigned ops = s->body[SALT], mem = s->body[SALT + 1];
	if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > 64 || mem < 13 || mem > 30)
		return -1;
	unsigned char *key = sodium_malloc(KEYB);
	if (!key)
		return -1;
	header_ad(&s->pub, s->index, s->k, s->n, ad);
	int rc = derive(key, pass, s->body, ops, mem) == 0 &&
		 crypto_aead_xchacha20poly1305_ietf_decrypt(share, NULL, NULL, s->body + SALT + 2, SEALED,
							    ad, AD_LEN, nonce, key) == 0 ? 0 : -1;
	sodium_free(key);
	return rc;
}

int keyshare_join(const struct keyshare *v, const unsigned char *shares, int count,
		  struct keyfile_secret *out)
{
	unsigned char nrs[KEYSHARE_MAX], *secret = sodium_malloc(KEYSHARE_BYTES + KEYSHARE_BYTES);
	if (!secret || count < 1 || count > KEYSHARE_MAX) {
		sodium_free(secret);
		return -1;
	}
	for (int i = 0; i < count; i++)
		nrs[i] = (unsigned char)v[i].index;
	gfshare_fill_rand = fill_random;	/* every context needs it set */
	gfshare_ctx *g = gfshare_ctx_init_dec(nrs, (unsigned)count, KEYSHARE_BYTES);
	if (!g) {
		sodium_free(secret);
		return -1;
	}
	for (int i = 0; i < count; i++) {
		memcpy(secret + KEYSHARE_BYTES, shares + (size_t)i * KEYSHARE_BYTES, KEYSHARE_BYTES);
		gfshare_ctx_dec_giveshare(g, (unsigned char)i, secret + KEYSHARE_BYTES);
	}
	gfshare_ctx_dec_extract(g, secret);
	gfshare_ctx_free(g);
	sodium_memzero(out, sizeof *out);
	memcpy(out->box, secret, SEAL_BOX_SECRET);
	crypto_scalarmult_base(out->pub.box, out->box);
	crypto_sign_seed_keypair(out->pub.sign, out->sign, secret + SEAL_BOX_SECRET);
	out->pub.has_sign = true;
	sodium_free(secret);
	bool same = sodium_memcmp(out->pub.box, v[0].pub.box, SEAL_BOX_PUBLIC) == 0 &&
		    sodium_memcmp(out->pub.sign, v[0].pub.sign, SEAL_SIGN_PUBLIC) == 0;
	if (!same)
		sodium_memzero(out, sizeof *out);
	return same ? 0 : -1;
}
