#include "store/manifest.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/codec.h"
#include "base/xalloc.h"

enum { NONCE = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
       TAG = crypto_aead_xchacha20poly1305_ietf_ABYTES,
       ENTRY = MANIFEST_ID + MANIFEST_HASH, HEAD = 1 + 8 + 8 };

static const char ad[] = "tipscreen-2|state";

static void mark(struct manifest *m, const char *id);

/* The index where id is, or where it would go. */
static size_t position(const struct manifest *m, const char *id, bool *found)
{
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->v[mid].id, id);
		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

struct manifest_entry *manifest_find(const struct manifest *m, const char *id)
{
	bool found;
	size_t i = position(m, id, &found);
	return found ? &m->v[i] : NULL;
}

void manifest_set(struct manifest *m, const char *id, const unsigned char *hash)
{
	bool found;
	size_t i = position(m, id, &found);
	if (!found) {
		m->v = xrealloc(m->v, (m->n + 1) * sizeof *m->v);
		if (m->n > i)
			memmove(&m->v[i + 1], &m->v[i], (m->n - i) * sizeof *m->v);
		m->n++;
		snprintf(m->v[i].id, sizeof m->v[i].id, "%s", id);
	}
	memcpy(m->v[i].hash, hash, MANIFEST_HASH);
	mark(m, id);
}

bool manifest_remove(struct manifest *m, const char *id)
{
	bool found;
	size_t i = position(m, id, &found);
	if (found) {
		memmove(&m->v[i], &m->v[i + 1], (m->n - i - 1) * sizeof *m->v);
		m->n--;
		mark(m, id);
	}
	return found;
}

void manifest_hash(const char *id, const void *ckey, size_t klen, const void *tail, size_t tlen,
		   unsigned char *out)
{
	crypto_generichash_state st;
	unsigned char len[16];
	codec_put_u64(len, klen);
	codec_put_u64(len + 8, tlen);
	crypto_generichash_init(&st, NULL, 0, MANIFEST_HASH);
	crypto_generichash_update(&st, (const unsigned char *)id, strlen(id) + 1);
	crypto_generichash_update(&st, len, sizeof len);
	crypto_generichash_update(&st, ckey, klen);
	crypto_generichash_update(&st, tail, tlen);
	crypto_generichash_final(&st, out, MANIFEST_HASH);
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : 0;
}

/* The top six bits of the id's first byte: buckets follow the sorted order. */
int manifest_bucket_of(const char *id)
{
	return (hexval(id[0]) << 2) | (hexval(id[1]) >> 2);
}

static void mark(struct manifest *m, const char *id)
{
	m->dirty |= UINT64_C(1) << manifest_bucket_of(id);
}

/* Seals plain under key with the additional data text: a new buffer. */
static unsigned char *seal(const unsigned char *plain, size_t plen, const char *text,
			   const unsigned char *key, size_t *len)
{
	unsigned char *out = xmalloc(plen + NONCE + TAG);
	randombytes_buf(out, NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + NONCE, NULL, plain, plen,
						   (const unsigned char *)text, strlen(text), NULL,
						   out, key);
	*len = plen + NONCE + TAG;
	return out;
}

/* Opens sealed bytes: a new buffer of *plen bytes, or NULL. */
static unsigned char *unseal(const unsigned char *in, size_t len, const char *text,
			     const unsigned char *key, size_t *plen)
{
	if (len < NONCE + TAG)
		return NULL;
	*plen = len - NONCE - TAG;
	unsigned char *plain = xmalloc(*plen + 1);
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain, NULL, NULL, in + NONCE, len - NONCE,
						       (const unsigned char *)text, strlen(text),
						       in, key) != 0) {
		free(plain);
		return NULL;
	}
	return plain;
}

static void bucket_ad(int b, char *text, size_t n)
{
	snprintf(text, n, "%s|bucket|%d", ad, b);
}

/* The first entry of bucket b, and the one after its last. */
static void bucket_range(const struct manifest *m, int b, size_t *lo, size_t *hi)
{
	char from[3] = { "0123456789abcdef"[(b * 4) >> 4], "0123456789abcdef"[(b * 4) & 15], 0 };
	char to[3] = { "0123456789abcdef"[((b + 1) * 4) >> 4 & 15], "0123456789abcdef"[((b + 1) * 4) & 15], 0 };
	bool found;
	*lo = position(m, from, &found);
	*hi = b + 1 == MANIFEST_BUCKETS ? m->n : position(m, to, &found);
}

unsigned char *manifest_seal_bucket(struct manifest *m, int b, const unsigned char *key,
				    size_t *len)
{
	size_t lo, hi;
	bucket_range(m, b, &lo, &hi);
	*len = 0;
	if (lo == hi) {
		memset(m->bucket[b], 0, MANIFEST_HASH);
		return NULL;
	}
	size_t plen = HEAD + (hi - lo) * ENTRY;
	unsigned char *plain = xmalloc(plen);
	plain[0] = 3;
	codec_put_u64(plain + 1, (uint64_t)b);
	codec_put_u64(plain + 9, hi - lo);
	for (size_t i = lo; i < hi; i++) {
		memcpy(plain + HEAD + (i - lo) * ENTRY, m->v[i].id, MANIFEST_ID);
		memcpy(plain + HEAD + (i - lo) * ENTRY + MANIFEST_ID, m->v[i].hash, MANIFEST_HASH);
	}
	char text[64];
	bucket_ad(b, text, sizeof text);
	unsigned char *out = seal(plain, plen, text, key, len);
	free(plain);
	crypto_generichash(m->bucket[b], MANIFEST_HASH, out, *len, NULL, 0);
	return out;
}

enum { ROOT = 1 + 8 + MANIFEST_BUCKETS * MANIFEST_HASH };

unsigned char *manifest_seal_root(const struct manifest *m, const unsigned char *key, size_t *len)
{
	unsigned char plain[ROOT];
	plain[0] = 3;
	codec_put_u64(plain + 1, m->gen);
	memcpy(plain + 9, m->bucket, sizeof m->bucket);
	return seal(plain, sizeof plain, ad, key, len);
}

/* Reads n entries at p into m after its last one. */
static void take_entries(struct manifest *m, const unsigned char *p, size_t n)
{
	m->v = xrealloc(m->v, (m->n + n + 1) * sizeof *m->v);
	for (size_t i = 0; i < n; i++, m->n++) {
		memcpy(m->v[m->n].id, p + i * ENTRY, MANIFEST_ID);
		m->v[m->n].id[MANIFEST_ID] = '\0';
		memcpy(m->v[m->n].hash, p + i * ENTRY + MANIFEST_ID, MANIFEST_HASH);
	}
}

int manifest_open_root(const unsigned char *in, size_t len, const unsigned char *key,
		       struct manifest *m)
{
	memset(m, 0, sizeof *m);
	size_t plen;
	unsigned char *plain = unseal(in, len, ad, key, &plen);
	if (!plain || plen < HEAD) {
		free(plain);
		return -1;
	}
	int rc = -1;
	if (plain[0] == 3 && plen == ROOT) {
		m->gen = codec_get_u64(plain + 1);
		memcpy(m->bucket, plain + 9, sizeof m->bucket);
		rc = 3;
	} else if (plain[0] == 2) {	/* the previous format: the whole list */
		uint64_t n = codec_get_u64(plain + 9);
		if (n <= (plen - HEAD) / ENTRY && HEAD + n * ENTRY == plen) {
			m->gen = codec_get_u64(plain + 1);
			take_entries(m, plain + HEAD, (size_t)n);
			for (size_t i = 0; i < m->n; i++)
				mark(m, m->v[i].id);
			rc = 2;
		}
	}
	free(plain);
	if (rc < 0)
		manifest_free(m);
	return rc;
}

static bool zero(const unsigned char *h)
{
	unsigned char z[MANIFEST_HASH] = { 0 };
	return sodium_memcmp(h, z, MANIFEST_HASH) == 0;
}

int manifest_open_bucket(struct manifest *m, int b, const unsigned char *in, size_t len,
			 const unsigned char *key)
{
	if (!in)
		return zero(m->bucket[b]) ? 0 : -1;
	unsigned char h[MANIFEST_HASH];
	crypto_generichash(h, MANIFEST_HASH, in, len, NULL, 0);
	if (zero(m->bucket[b]) || sodium_memcmp(h, m->bucket[b], MANIFEST_HASH) != 0)
		return -1;
	char text[64];
	bucket_ad(b, text, sizeof text);
	size_t plen;
	unsigned char *plain = unseal(in, len, text, key, &plen);
	uint64_t n = plain && plen >= HEAD ? codec_get_u64(plain + 9) : 0;
	if (!plain || plen < HEAD || plain[0] != 3 || codec_get_u64(plain + 1) != (uint64_t)b ||
	    n == 0 || n > (plen - HEAD) / ENTRY || HEAD + n * ENTRY != plen) {
		free(plain);
		return -1;
	}
	size_t first = m->n;
	take_entries(m, plain + HEAD, (size_t)n);
	free(plain);
	for (size_t i = first; i < m->n; i++) {
		const char *id = m->v[i].id;
		if (strlen(id) != MANIFEST_ID || manifest_bucket_of(id) != b ||
		    (i > 0 && strcmp(m->v[i - 1].id, id) >= 0))
			return -1;
	}
	return 0;
}

void manifest_copy(struct manifest *dst, const struct manifest *src)
{
	*dst = *src;
	dst->v = xmalloc((src->n ? src->n : 1) * sizeof *dst->v);
	if (src->n)
		memcpy(dst->v, src->v, src->n * sizeof *dst->v);
}

void manifest_free(struct manifest *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}
